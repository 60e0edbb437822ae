//go:build unix

package dms

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// A FIFO is refused at once, not opened: opening one for reading waits
// for a writer, forever. (A CALL-PROCEDURE of a FIFO in the workdir used
// to hang the run.)
func TestFIFORefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	defer unblockAfter(fifo, 5*time.Second)()
	fsys := afero.NewOsFs()
	if _, err := ReadFile(fsys, fifo, 1<<20); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile: %v", err)
	}
	if _, err := Append(fsys, fifo); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Append: %v", err)
	}
}

// unblockAfter opens a FIFO for writing and closes it again, every
// 100 ms from d on, so that a reader hung on it gets end-of-file and the
// test fails instead of hanging. Calling stop ends it.
func unblockAfter(fifo string, d time.Duration) (stop func()) {
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
