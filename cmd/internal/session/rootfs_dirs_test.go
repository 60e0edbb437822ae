package session

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/spf13/afero"
)

// The world's directories are opened once and used for every name in
// them; one removed and made again, or renamed, is opened again, so no
// call goes to a directory that is no longer the workdir's.
func TestWorldDirectoriesOpenedOnce(t *testing.T) {
	work := t.TempDir()
	root, err := OpenRoot(work)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := root.MkdirAll(".sdfp/world", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(root, ".sdfp/world/a", []byte("1"), 0o644); err != nil {
		t.Fatal(err)
	}
	r1, _ := root.in(".sdfp/world/a")
	r2, n := root.in(".sdfp/world/b")
	if r1 != r2 || r1 == root.root || n != "b" {
		t.Fatalf("names of .sdfp/world are not resolved in one root of it (%v %v %q)", r1, r2, n)
	}
	// removed and made again: the new directory gets the file
	if err := root.RemoveAll(".sdfp"); err != nil {
		t.Fatal(err)
	}
	if err := root.MkdirAll(".sdfp/world", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(root, ".sdfp/world/c", []byte("3"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(work, ".sdfp/world/c")); err != nil || string(data) != "3" {
		t.Fatalf("after the directory was made again: %q %v", data, err)
	}
	// renamed away and another made in its place
	if err := root.Rename(".sdfp/world", ".sdfp/old"); err != nil {
		t.Fatal(err)
	}
	if err := root.Mkdir(".sdfp/world", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(root, ".sdfp/world/d", []byte("4"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(work, ".sdfp/world/d")); err != nil {
		t.Errorf("after the rename: %v", err)
	}
	if _, err := os.Stat(filepath.Join(work, ".sdfp/old/d")); err == nil {
		t.Error("the file went to the renamed directory")
	}
	// a name across two roots (the workdir and a world directory)
	if err := afero.WriteFile(root, "LST.X", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := root.Rename("LST.X", ".sdfp/world/kept"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(work, ".sdfp/world/kept")); err != nil {
		t.Errorf("rename across roots: %v", err)
	}
}

// A .sdfp that is a link out of the workdir is not followed.
func TestWorldDirectoryLinkOutRefused(t *testing.T) {
	work, outside := t.TempDir(), t.TempDir()
	if err := os.Symlink(outside, filepath.Join(work, ".sdfp")); err != nil {
		t.Skip(err)
	}
	root, err := OpenRoot(work)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := afero.WriteFile(root, ".sdfp/journal", []byte("x"), 0o644); err == nil {
		t.Error("a file was written through .sdfp, a link out of the workdir")
	}
	if _, err := os.Stat(filepath.Join(outside, "journal")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("outside the workdir: %v", err)
	}
}

// MkdirAll over a file says "not a directory", as os.MkdirAll and the
// in-memory file systems do (os.Root said "file exists", which made
// JVS0416 for a file named JV read as if the directory were there).
func TestMkdirAllOverAFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "JV"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for _, p := range []string{"JV", "JV/SUB"} {
		if err := root.MkdirAll(p, 0o755); !errors.Is(err, syscall.ENOTDIR) {
			t.Errorf("MkdirAll %s: %v, want not a directory", p, err)
		}
	}
	if err := root.MkdirAll("NEW/SUB", 0o755); err != nil {
		t.Errorf("MkdirAll NEW/SUB: %v", err)
	}
	if err := root.MkdirAll("NEW/SUB", 0o755); err != nil {
		t.Errorf("MkdirAll of an existing directory: %v", err)
	}
}
