//go:build !unix

package dms

import "os"

// linkCount is the number of names a file has. Without a Unix stat it is
// unknown, and 0 makes sure a spare is never reused unchecked.
func linkCount(fi os.FileInfo) uint64 { return 0 }
