//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package session

import (
	"errors"
	"os"
)

// flock: this system has no advisory lock on a directory that sdfp
// uses; the caller says so and runs unlocked.
func flock(d *os.File, shared bool, waiting func()) error { return errors.ErrUnsupported }
