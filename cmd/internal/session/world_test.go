package session

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"sdfp/hypervisor/bs2000/dms"
	"sdfp/hypervisor/bs2000/world"
)

// The world's journal over the real workdir: files replaced the way
// SYSLST and JV files are (swapped with a spare, where the workdir can
// swap names), a file removed (kept by a hard link, not copied) and one
// appended to; the undo puts back every byte and every name, spares
// included.
func TestWorldOverTheWorkdir(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "JV"), 0o755)
	for name, text := range map[string]string{
		"LST.A": "old list\n", ".LST.A.sdfp-spare": "an old spare\n", "JV/JV.U": "user's", "big.dat": "data\n",
	} {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	snap := func() map[string]string {
		out := map[string]string{}
		filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			rel, _ := filepath.Rel(dir, p)
			if rel == world.Dir {
				return filepath.SkipDir
			}
			data, _ := os.ReadFile(p)
			out[rel] = fi.Mode().String() + " " + string(data)
			return nil
		})
		return out
	}
	base := snap()
	userJV, _ := os.Stat(filepath.Join(dir, "JV/JV.U"))
	root, err := OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := root.Lock(LockExclusive, nil); err != nil {
		t.Fatal(err)
	}
	w, errs := world.Start(root)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for i := 0; i < 3; i++ {
		if err := dms.WriteFile(w, "LST.A", []byte("new list\n")); err != nil {
			t.Fatal(err)
		}
		if err := dms.WriteFile(w, "JV/JV.NEW", []byte("new JV\n")); err != nil {
			t.Fatal(err)
		}
	}
	if err := dms.Remove(w, "JV/JV.U"); err != nil {
		t.Fatal(err)
	}
	f, err := dms.Append(w, "big.dat")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("more\n")
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if got := snap(); reflect.DeepEqual(got, base) {
		t.Fatal("nothing changed")
	}
	// JV.U was kept by a second name, not a copy
	kept := false
	names, _ := filepath.Glob(filepath.Join(dir, world.Originals, "*"))
	for _, n := range names {
		if fi, err := os.Stat(n); err == nil && os.SameFile(fi, userJV) {
			kept = true
		}
	}
	if !kept {
		t.Errorf("the removed JV is not kept by a link among %v", names)
	}
	if _, errs := world.Start(root); len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := snap(); !reflect.DeepEqual(got, base) {
		t.Errorf("after the undo\n%v\nwant\n%v", got, base)
	}
}
