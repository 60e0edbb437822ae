package dms

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"sdfp/hypervisor/bs2000/dms/dmstest"

	"github.com/spf13/afero"
)

// swapFs is an in-memory file system that can swap names, as RootFS can
// on Linux, so the spare logic is tested everywhere.
type swapFs struct{ afero.Fs }

func (s swapFs) Exchange(a, b string) error {
	if _, err := s.Stat(b); err != nil {
		return err
	}
	const mid = ".swap"
	if err := s.Rename(a, mid); err != nil {
		return err
	}
	if err := s.Rename(b, a); err != nil {
		return err
	}
	return s.Rename(mid, b)
}

func read(t *testing.T, fsys afero.Fs, name string) string {
	t.Helper()
	data, err := afero.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// noTemp fails when a temporary file is left in the root directory.
func noTemp(t *testing.T, fsys afero.Fs) {
	t.Helper()
	entries, _ := afero.ReadDir(fsys, "/")
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), TempSuffix) {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// Contents replace each other whole, longer and shorter; with names that
// can be swapped the old file becomes the spare and is reused.
func TestReplace(t *testing.T) {
	for _, tc := range []struct {
		name string
		fsys afero.Fs
	}{{"rename", afero.NewMemMapFs()}, {"exchange", swapFs{afero.NewMemMapFs()}}} {
		t.Run(tc.name, func(t *testing.T) {
			for i, content := range []string{"FIRST RUN\nLINE 2\n", "SECOND\n", "THE THIRD RUN, LONGER\n", "4\n"} {
				f, err := Create(tc.fsys, "LST.X")
				if err != nil {
					t.Fatal(err)
				}
				if _, isSwap := tc.fsys.(swapFs); isSwap && i >= 2 && !f.reused {
					t.Errorf("write %d: the spare was not reused", i+1)
				}
				f.WriteString(content)
				if err := f.Close(); err != nil {
					t.Fatal(err)
				}
				if got := read(t, tc.fsys, "LST.X"); got != content {
					t.Errorf("write %d: %q, want %q", i+1, got, content)
				}
				noTemp(t, tc.fsys)
			}
		})
	}
}

// Remove takes the spare with the file.
func TestRemove(t *testing.T) {
	fsys := swapFs{afero.NewMemMapFs()}
	WriteFile(fsys, "JV.A", []byte("1"))
	WriteFile(fsys, "JV.A", []byte("2"))
	if ok, _ := afero.Exists(fsys, ".JV.A"+SpareSuffix); !ok {
		t.Fatal("no spare")
	}
	if err := Remove(fsys, "JV.A"); err != nil {
		t.Fatal(err)
	}
	if entries, _ := afero.ReadDir(fsys, "/"); len(entries) != 0 {
		t.Errorf("left: %v", entries[0].Name())
	}
}

// A failed write keeps the old file whole and leaves nothing behind;
// Close returns the error, naming the file replaced, not the temporary
// file.
func TestWriteErrorKeepsOldFile(t *testing.T) {
	armed := false
	fsys := dmstest.FullFS{Fs: swapFs{afero.NewMemMapFs()}, Full: &armed}
	if err := WriteFile(fsys, "LST.X", []byte("OLD\n")); err != nil {
		t.Fatal(err)
	}
	armed = true
	f, err := Create(fsys, "LST.X")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("NEW LINE 1\n")
	f.WriteString("NEW LINE 2\n")
	err = f.Close()
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != "LST.X" || !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("Close: %v", err)
	}
	if got := read(t, fsys, "LST.X"); got != "OLD\n" {
		t.Errorf("old file: %q", got)
	}
	noTemp(t, fsys)
}

// Two writers of one file (two tasks assigning SYSLST to it) each write
// their own temporary file: the last to close wins, whole.
func TestTwoWritersOfOneFile(t *testing.T) {
	fsys := swapFs{afero.NewMemMapFs()}
	WriteFile(fsys, "LST.X", []byte("OLD\n"))
	WriteFile(fsys, "LST.X", []byte("OLDER\n")) // makes a spare
	a, err := Create(fsys, "LST.X")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Create(fsys, "LST.X")
	if err != nil {
		t.Fatal(err)
	}
	if a.tmp == b.tmp {
		t.Fatalf("both write %s", a.tmp)
	}
	a.WriteString("AAAA\n")
	b.WriteString("BB\n")
	a.WriteString("AAAA\n")
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, fsys, "LST.X"); got != "BB\n" {
		t.Errorf("%q", got)
	}
	noTemp(t, fsys)
}

// Append copies the old content, so the file is never written in place.
func TestAppend(t *testing.T) {
	fsys := swapFs{afero.NewMemMapFs()}
	f, err := Append(fsys, "LST.X")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("ONE\n")
	f.Close()
	f, _ = Append(fsys, "LST.X")
	f.WriteString("TWO\n")
	f.Close()
	if got := read(t, fsys, "LST.X"); got != "ONE\nTWO\n" {
		t.Errorf("%q", got)
	}
}

// ReadFile reads regular files up to the cap only.
func TestReadFileRefuses(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "small", []byte("12345"), 0o644)
	fsys.Mkdir("dir", 0o755)
	if data, err := ReadFile(fsys, "small", 5); err != nil || string(data) != "12345" {
		t.Errorf("small: %q %v", data, err)
	}
	var tl *TooLargeError
	if _, err := ReadFile(fsys, "small", 4); !errors.As(err, &tl) || tl.Max != 4 {
		t.Errorf("too large: %v", err)
	}
	if _, err := ReadFile(fsys, "dir", 100); !errors.Is(err, ErrNotRegular) {
		t.Errorf("directory: %v", err)
	}
	if _, err := ReadFile(fsys, "none", 100); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
	if _, err := Create(fsys, "dir"); !errors.Is(err, syscall.EISDIR) {
		t.Errorf("a directory replaced: %v", err)
	}
}

// RemoveStale removes temporary files only.
func TestRemoveStale(t *testing.T) {
	fsys := afero.NewMemMapFs()
	for _, n := range []string{".LST.X.99-1" + TempSuffix, ".LST.X" + SpareSuffix, "LST.X", ".profile"} {
		afero.WriteFile(fsys, n, nil, 0o644)
	}
	if err := RemoveStale(fsys, "."); err != nil {
		t.Fatal(err)
	}
	var left []string
	entries, _ := afero.ReadDir(fsys, "/")
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if strings.Join(left, " ") != ".LST.X.sdfp-spare .profile LST.X" {
		t.Errorf("left: %v", left)
	}
}

// A host file that cannot be written is named in the error, not the
// temporary file beside it that nobody asked for.
func TestWriteHostFileErrorNamesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "report.html")
	err := WriteHostFile(path, []byte("x"))
	if err == nil || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), "sdfp-tmp") {
		t.Errorf("error %v, want one naming %s", err, path)
	}
}
