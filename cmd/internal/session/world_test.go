package session

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
	"golang.org/x/tools/txtar"

	"sdfp/hypervisor/bs2000/dms"
	"sdfp/hypervisor/bs2000/world"
	"sdfp/hypervisor/vm2000"
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

// VM2000State saves the default state without a snapshot when the run
// left the VM2000 alone (vm2000.Model.Changed). It must give what the
// snapshot gives after every procedure the project ships and tests:
// those that run VM2000 commands or wait for a guest's SYSTEM READY, and
// those that do neither. A change the model does not count (a mutation
// outside Handle and its scheduled work) fails here for the procedure
// that makes it.
func TestVM2000StateIsTheSnapshots(t *testing.T) {
	t.Parallel()
	srcs := map[string]string{}
	procs, _ := filepath.Glob("../../../procs/*.proc")
	for _, p := range procs {
		if data, err := os.ReadFile(p); err == nil {
			srcs[p] = string(data)
		}
	}
	filepath.Walk("../../../testdata", func(p string, fi os.FileInfo, err error) error {
		if err != nil || !strings.HasSuffix(p, ".txtar") {
			return nil
		}
		a, err := txtar.ParseFile(p)
		if err != nil {
			return nil
		}
		for _, f := range a.Files {
			if strings.HasSuffix(strings.ToLower(f.Name), ".proc") {
				srcs[p+"#"+f.Name] = string(f.Data)
			}
		}
		return nil
	})
	if len(srcs) < 100 {
		t.Fatalf("found %d procedures, expected the project's procs and golden cases", len(srcs))
	}
	changed, unchanged := 0, 0
	for name, src := range srcs {
		fs := afero.NewMemMapFs()
		s, err := New(Options{FS: fs, MaxSteps: 20000, MaxVirtualTime: 24 * time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		s.RunTasks(ctx, []Task{{Name: "p.proc", Source: src}})
		cancel()
		got, err := s.VM2000State()
		if err != nil {
			t.Fatal(err)
		}
		want, err := vm2000.MarshalInstallation(s.VM2000.Snapshot())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: VM2000State differs from the snapshot (changed: %v)\n%s", name, s.VM2000.Changed(), want)
		}
		if s.VM2000.Changed() {
			changed++
		} else {
			unchanged++
		}
	}
	t.Logf("%d procedures changed the VM2000, %d did not", changed, unchanged)
	// both ways taken, by many procedures each
	if changed < 20 || unchanged < 20 {
		t.Errorf("%d procedures changed the VM2000 and %d did not; the test needs many of each", changed, unchanged)
	}
}
