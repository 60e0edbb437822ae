// Package dmstest holds what the tests of several packages need to
// provoke file-system failures: a disk that fills up and a FIFO that
// must not hang a reader. Only tests import it.
package dmstest

import (
	"io/fs"
	"os"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

// FullFS is a file system whose disk is full for writes once *Full is
// set: they fail with ENOSPC, while existing files can still be read and
// renamed.
type FullFS struct {
	afero.Fs
	Full *bool
}

type fullFile struct {
	afero.File
	full *bool
}

// OpenFile implements afero.Fs.
func (f FullFS) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	file, err := f.Fs.OpenFile(name, flag, perm)
	if err != nil || flag&(os.O_WRONLY|os.O_RDWR) == 0 {
		return file, err
	}
	return fullFile{file, f.Full}, nil
}

func (f fullFile) Write(p []byte) (int, error) {
	if *f.full {
		return 0, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return f.File.Write(p)
}

// UnblockAfter opens a FIFO for writing and closes it again, every
// 100 ms from d on, so that a reader hung on it gets end-of-file and the
// test fails instead of hanging. Calling stop ends it.
func UnblockAfter(fifo string, d time.Duration) (stop func()) {
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
			return
		case <-time.After(d):
		}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				w.Close()
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(done) }
}
