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
	unblock := unblockAfter(fifo, 5*time.Second)
	defer unblock.Stop()
	fsys := afero.NewOsFs()
	if _, err := ReadFile(fsys, fifo, 1<<20); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile: %v", err)
	}
	if _, err := Append(fsys, fifo); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Append: %v", err)
	}
}

// unblockAfter opens a FIFO for writing and closes it again after d, so
// that a reader hung on it gets end-of-file and a test that should have
// refused the FIFO fails instead of hanging.
func unblockAfter(fifo string, d time.Duration) *time.Timer {
	return time.AfterFunc(d, func() {
		if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
	})
}
