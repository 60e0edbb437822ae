package world

import (
	"errors"
	"io/fs"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
)

// The undo keeps the files the last run created under Spares, out of the
// workdir, and the next run writes the same file into the kept one (no
// file created); what the next run does not claim is gone at its undo.
func TestUndoKeepsCreatedFilesForTheNextRun(t *testing.T) {
	for name, fsys := range map[string]afero.Fs{"disk": disk(t), "memory": afero.NewMemMapFs()} {
		t.Run(name, func(t *testing.T) {
			want := base(t, fsys)
			w, _ := Start(fsys)
			must(t, dms.WriteFile(w, "LST.X", []byte("first run\n")))
			must(t, dms.WriteFile(w, "LST.Y", []byte("first run\n")))
			w.Close()
			w, errs := Start(fsys)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if got := tree(t, fsys); !reflect.DeepEqual(got, want) {
				t.Fatalf("after the undo:\n%v\nwant the base:\n%v", got, want)
			}
			kept, err := fsys.Stat(keptName(".LST.X" + dms.SpareSuffix))
			if err != nil {
				t.Fatalf("LST.X not kept: %v", err)
			}
			must(t, dms.WriteFile(w, "LST.X", []byte("second\n")))
			w.Close()
			now, err := fsys.Stat("LST.X")
			if err != nil {
				t.Fatal(err)
			}
			if data, _ := afero.ReadFile(fsys, "LST.X"); string(data) != "second\n" {
				t.Errorf("LST.X holds %q", data)
			}
			if name == "disk" && !os.SameFile(kept, now) {
				t.Error("the second run created LST.X instead of writing into the kept file")
			}
			if _, err := fsys.Stat(keptName(".LST.Y" + dms.SpareSuffix)); err != nil {
				t.Errorf("LST.Y, not claimed, is no longer kept: %v", err)
			}
			if _, errs := Start(fsys); len(errs) > 0 {
				t.Fatal(errs)
			}
			if got := tree(t, fsys); !reflect.DeepEqual(got, want) {
				t.Fatalf("after the second undo:\n%v\nwant the base:\n%v", got, want)
			}
			names := spareNames(t, fsys)
			if !reflect.DeepEqual(names, []string{".LST.X" + dms.SpareSuffix}) {
				t.Errorf("kept after the second undo: %q, want LST.X's alone (LST.Y was not claimed)", names)
			}
		})
	}
}

func spareNames(t *testing.T, fsys afero.Fs) []string {
	t.Helper()
	d, err := fsys.Open(Spares)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	names, err := d.Readdirnames(-1)
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// A path whose kept name would be too long for a file system is removed
// by the undo, as before Spares.
func TestUndoRemovesWhatItCannotKeep(t *testing.T) {
	fsys := afero.NewMemMapFs()
	long := string(make([]byte, 0, 300))
	for len(long) < 250 {
		long += "D/"
	}
	long += "F"
	w, _ := Start(fsys)
	must(t, w.MkdirAll(long[:len(long)-2], 0o755))
	must(t, dms.WriteFile(w, long, []byte("x")))
	w.Close()
	if _, errs := Start(fsys); len(errs) > 0 {
		t.Fatal(errs)
	}
	if _, err := fsys.Stat("D"); err == nil {
		t.Error("the created directories are still there")
	}
	if names := spareNames(t, fsys); len(names) != 0 {
		t.Errorf("kept: %q", names)
	}
}

// swapFS is a file system dms may swap names on; here it cannot (as
// where renameat2 is missing), so dms renames.
type swapFS struct{ afero.Fs }

func (swapFS) Exchange(a, b string) error { return errors.ErrUnsupported }

// Discard keeps world.json as its dms spare where names can be swapped:
// no world is left to continue, and the next SaveState puts the same
// file back (renamed when it holds the new state already, else written
// into).
func TestDiscardKeepsTheStateFileAsSpare(t *testing.T) {
	fsys := swapFS{disk(t)}
	st := State{InstallationSHA256: Hash(nil), VirtualTime: time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC), NextTSN: 2}
	must(t, SaveState(fsys, st, []byte("vm\n")))
	before, err := fsys.Stat(StateFile)
	if err != nil {
		t.Fatal(err)
	}
	// held open, a removed world.json keeps its inode number from reuse
	held, err := fsys.Open(StateFile)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	must(t, Discard(fsys))
	if _, _, err := LoadState(fsys); !errors.Is(err, ErrNoWorld) {
		t.Fatalf("after Discard: %v, want ErrNoWorld", err)
	}
	// the spare's time tells a rename (kept) from a write (now)
	long := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	must(t, fsys.Chtimes(spareOf(StateFile), long, long))
	must(t, SaveState(fsys, st, []byte("vm\n")))
	after, err := fsys.Stat(StateFile)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("SaveState created world.json again instead of writing into the spare")
	}
	if !after.ModTime().Equal(long) {
		t.Errorf("world.json of the same state was written again (modified %v), not put back", after.ModTime())
	}
	if _, _, err := LoadState(fsys); err != nil {
		t.Errorf("LoadState: %v", err)
	}
	if _, err := fsys.Stat(spareOf(StateFile)); err == nil {
		t.Error("the spare, put back as world.json, is still there")
	}
	// a state of other content is written, not put back
	must(t, Discard(fsys))
	st.NextTSN = 7
	must(t, SaveState(fsys, st, []byte("vm\n")))
	if got, _, err := LoadState(fsys); err != nil || got.NextTSN != 7 {
		t.Errorf("after saving another state: next TSN %d, %v", got.NextTSN, err)
	}
}
