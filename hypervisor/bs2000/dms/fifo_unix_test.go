//go:build unix

package dms

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"sdfp/hypervisor/bs2000/dms/dmstest"

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
	defer dmstest.UnblockAfter(fifo, 5*time.Second)()
	fsys := afero.NewOsFs()
	if _, err := ReadFile(fsys, fifo, 1<<20); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile: %v", err)
	}
	if _, err := Append(fsys, fifo); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Append: %v", err)
	}
}
