//go:build !linux

package session

import "errors"

// Exchange implements dms.Exchanger where the system has no atomic swap
// of two names: files are then replaced by a rename.
func (f *RootFS) Exchange(oldname, newname string) error { return errors.ErrUnsupported }
