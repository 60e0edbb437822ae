package interp

import (
	"context"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/afero"

	"sdfp/builtins"
)

// IS-LIBRARY-ELEMENT reads a library of the workdir: a directory whose
// type subdirectories hold one regular file per element; a library name
// that is a file is SDP0093, and anything in a type directory that is no
// regular file (a subdirectory, a FIFO) is no element and never opened.
func TestLibraryElementsFromTheWorkdir(t *testing.T) {
	dir := t.TempDir()
	fs := afero.NewBasePathFs(afero.NewOsFs(), dir)
	fs.MkdirAll("lib/J/SUBDIR", 0o755)
	afero.WriteFile(fs, "lib/J/START", []byte("/REMARK\n"), 0o644)
	afero.WriteFile(fs, "lib/J/OLD(001)", []byte("/REMARK\n"), 0o644)
	afero.WriteFile(fs, "plain", []byte("x"), 0o644)
	if runtime.GOOS != "windows" {
		if err := syscall.Mkfifo(filepath.Join(dir, "lib", "J", "PIPE"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		call, want string
	}{
		{"IS-LIB-ELEM('LIB', 'START', 'J')", "TRUE"},
		{"IS-LIB-ELEM('LIB', 'OLD', 'J', '001')", "TRUE"},
		{"IS-LIB-ELEM('LIB', 'SUBDIR', 'J')", "FALSE"},
		{"IS-LIB-ELEM('LIB', 'PIPE', 'J')", "FALSE"},
		{"IS-LIB-ELEM('LIB', 'START', 'S')", "FALSE"},
		{"IS-LIB-ELEM('PLAIN', 'START', 'J')", "SDP0093"},
		{"IS-LIB-ELEM('NONE', 'START', 'J')", "SDP0093"},
	} {
		got := callFunction(t, fs, c.call)
		if got != c.want {
			t.Errorf("%s = %s, want %s", c.call, got, c.want)
		}
	}
}

// The inventory WithSoftware gives is what INSTALLATION-PATH reads.
func TestInstallationPathFromTheInventory(t *testing.T) {
	inv := []builtins.Software{{Unit: "EDT", Version: "17.0A00", Items: map[string]string{"SYSPRG": "$TSOS.SYSPRG.EDT.170"}}}
	out, res := run(t, "/P = INSTALLATION-PATH('SYSPRG', 'EDT', *STD, 'NONE')\n/WRITE-TEXT '&P'\n", WithSoftware(inv))
	if res.Err != nil || out != "$TSOS.SYSPRG.EDT.170\n" {
		t.Errorf("%q %v", out, res.Err)
	}
	out, res = run(t, "/P = INSTALLATION-PATH('SYSPRG', 'EDT', *STD, 'NONE')\n/WRITE-TEXT '&P'\n")
	if res.Err != nil || out != "NONE\n" {
		t.Errorf("without an inventory: %q %v", out, res.Err)
	}
}

// callFunction runs an assignment of a function call on the file system
// and gives the result, or the key of the error.
func callFunction(t *testing.T, fs afero.Fs, call string) string {
	t.Helper()
	out, res := run(t, "/R = "+call+"\n/WRITE-TEXT '&R'\n", WithFS(fs))
	if res.Err != nil {
		return res.Err.Msg.Key
	}
	return out[:len(out)-1]
}

// TASK-MODE( ) is DIALOG in a dialog, as in the example of UG-350, and
// BATCH for a run of procedures.
func TestTaskModeOfTheDialog(t *testing.T) {
	r := New()
	var out strings.Builder
	WithStdout(&out)(r)
	d := r.NewDialog(context.Background())
	proc, errs := r.Parser().ParseFile("dialog", "/WRITE-TEXT '&(TASK-MODE())'\n")
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if err := d.Run(proc); err != nil || out.String() != "DIALOG\n" {
		t.Errorf("dialog: %q %v", out.String(), err)
	}
	if got, res := run(t, "/WRITE-TEXT '&(TASK-MODE())'\n"); got != "BATCH\n" || res.Err != nil {
		t.Errorf("run: %q %v", got, res.Err)
	}
}
