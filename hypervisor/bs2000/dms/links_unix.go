//go:build unix

package dms

import (
	"os"
	"syscall"
)

// linkCount is the number of names a file has; a file with more than one
// is a hard link sdfp must not write through.
func linkCount(fi os.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
