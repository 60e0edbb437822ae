package world

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"reflect"
	"sort"
	"testing"

	"github.com/spf13/afero"
)

// dryFixture is a workdir of three files, two in a directory, below a
// dry run's file system.
func dryFixture(t *testing.T) (base afero.Fs, d *DryFS) {
	t.Helper()
	base = afero.NewBasePathFs(afero.NewOsFs(), t.TempDir())
	for name, data := range map[string]string{"A": "a", "D/B": "b", "D/C": "c"} {
		if err := base.MkdirAll(path.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := afero.WriteFile(base, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return base, NewDryFS(base)
}

func names(t *testing.T, fsys afero.Fs, dir string) []string {
	t.Helper()
	f, err := fsys.Open(dir)
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	defer f.Close()
	var out []string
	for { // one at a time: a removed entry must not end the listing
		fis, err := f.Readdir(1)
		for _, fi := range fis {
			out = append(out, fi.Name())
		}
		if err != nil || len(fis) == 0 {
			break
		}
	}
	sort.Strings(out)
	return out
}

func gone(t *testing.T, fsys afero.Fs, name string) {
	t.Helper()
	if _, err := fsys.Stat(name); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stat %s: %v, want not existing", name, err)
	}
	if _, err := fsys.Open(name); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("open %s: %v, want not existing", name, err)
	}
}

func content(t *testing.T, fsys afero.Fs, name, want string) {
	t.Helper()
	if data, err := afero.ReadFile(fsys, name); err != nil || string(data) != want {
		t.Errorf("%s: %q %v, want %q", name, data, err, want)
	}
}

// A dry run removes and renames the workdir's files in memory, as the
// union below it refused to; the workdir is not touched.
func TestDryFSRemovesAndRenames(t *testing.T) {
	base, d := dryFixture(t)
	if err := d.Remove("A"); err != nil {
		t.Fatal(err)
	}
	gone(t, d, "A")
	if err := d.Remove("A"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("second remove: %v", err)
	}
	if err := d.Rename("D/B", "E/B2"); err == nil {
		t.Fatal("renamed into a directory that is not there")
	}
	if err := d.Mkdir("E", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := d.Rename("D/B", "E/B2"); err != nil {
		t.Fatal(err)
	}
	gone(t, d, "D/B")
	content(t, d, "E/B2", "b")
	if got := names(t, d, "D"); !reflect.DeepEqual(got, []string{"C"}) {
		t.Errorf("D lists %v", got)
	}
	if got := names(t, d, "."); !reflect.DeepEqual(got, []string{"D", "E"}) {
		t.Errorf("the top lists %v", got)
	}
	if err := d.Remove("D"); err == nil {
		t.Error("a directory with an entry left was removed")
	}
	if got := d.Removed(); !reflect.DeepEqual(got, []string{"A", "D/B"}) {
		t.Errorf("removed %v", got)
	}
	// made again: a new file, not the workdir's
	f, err := d.OpenFile("A", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	content(t, d, "A", "")
	if got := d.Removed(); !reflect.DeepEqual(got, []string{"D/B"}) {
		t.Errorf("after writing A again, removed %v", got)
	}
	// renamed back over its old name
	if err := d.Rename("E/B2", "D/B"); err != nil {
		t.Fatal(err)
	}
	content(t, d, "D/B", "b")
	gone(t, d, "E/B2")
	if got := d.Removed(); len(got) != 0 {
		t.Errorf("after the rename back, removed %v", got)
	}
	for name, want := range map[string]string{"A": "a", "D/B": "b", "D/C": "c"} {
		content(t, base, name, want)
	}
}

// A directory removed with what is below it is empty when made again;
// what was below it is listed as removed.
func TestDryFSRemoveAllAndMakeAgain(t *testing.T) {
	_, d := dryFixture(t)
	if err := d.RemoveAll("D"); err != nil {
		t.Fatal(err)
	}
	gone(t, d, "D")
	gone(t, d, "D/B")
	if got := d.Removed(); !reflect.DeepEqual(got, []string{"D/B", "D/C"}) {
		t.Errorf("removed %v", got)
	}
	if err := afero.WriteFile(d, "D/N", []byte("n"), 0o644); err == nil {
		t.Fatal("wrote into the removed directory")
	}
	if err := d.Mkdir("D", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(d, "D/N", []byte("n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := names(t, d, "D"); !reflect.DeepEqual(got, []string{"N"}) {
		t.Errorf("D made again lists %v", got)
	}
	gone(t, d, "D/C")
	if got := d.Removed(); !reflect.DeepEqual(got, []string{"D/B", "D/C"}) {
		t.Errorf("removed %v", got)
	}
	if err := d.RemoveAll("D"); err != nil {
		t.Fatal(err)
	}
	if err := d.MkdirAll("D", 0o755); err != nil {
		t.Fatal(err)
	}
	if got := names(t, d, "D"); len(got) != 0 {
		t.Errorf("D made again with MkdirAll lists %v", got)
	}
}

// Readdirnames with a count keeps going past removed entries.
func TestDryFSListingSkipsRemoved(t *testing.T) {
	_, d := dryFixture(t)
	if err := d.Remove("D/B"); err != nil {
		t.Fatal(err)
	}
	f, err := d.Open("D")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []string
	for {
		ns, err := f.Readdirnames(1)
		got = append(got, ns...)
		if err != nil || len(ns) == 0 {
			break
		}
	}
	if !reflect.DeepEqual(got, []string{"C"}) {
		t.Errorf("names %v", got)
	}
}

// A directory is not renamed (its entries may lie in the workdir and in
// memory); the refusal changes nothing.
func TestDryFSRefusesToRenameADirectory(t *testing.T) {
	_, d := dryFixture(t)
	if err := d.Rename("D", "E"); err == nil {
		t.Fatal("a directory was renamed")
	}
	content(t, d, "D/B", "b")
	gone(t, d, "E")
}

// visible is every file of fsys with its content, and every directory.
func visible(t *testing.T, fsys afero.Fs) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := afero.Walk(fsys, ".", func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		k := key(p)
		if fi.IsDir() {
			if k != "." {
				out[k] = "dir"
			}
			return nil
		}
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out[k] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// dryPaths are the names the random changes take: the fixture's and
// two more.
var dryPaths = []string{"A", "D/B", "D/C", "E/F", "D", "E", "G"}

// checkDryAgainstACopy applies the changes ops encodes (three bytes a
// change: kind, name, second name) to a dry run's view and to a copy of
// the workdir on disk, and wants after each the same files, contents
// and directories, the same success or failure, the workdir unchanged
// and, at the end, the files the copy lost listed as removed. The copy
// is the real run: a file system that removes and renames as any does.
func checkDryAgainstACopy(t *testing.T, ops []byte) {
	base, d := dryFixture(t)
	want := visible(t, base)
	ref, _ := dryFixture(t)
	isDir := func(fsys afero.Fs, n string) bool { fi, err := fsys.Stat(n); return err == nil && fi.IsDir() }
	var log []string
	for i := 0; i+2 < len(ops); i += 3 {
		p, q := dryPaths[int(ops[i+1])%len(dryPaths)], dryPaths[int(ops[i+2])%len(dryPaths)]
		var op string
		var errD, errR error
		switch ops[i] % 6 {
		case 0:
			if isDir(ref, p) {
				continue
			}
			op = "write " + p
			data := []byte(fmt.Sprint(i))
			errD, errR = afero.WriteFile(d, p, data, 0o644), afero.WriteFile(ref, p, data, 0o644)
		case 1:
			if isDir(ref, p) {
				continue // the directories go with removeall
			}
			op = "remove " + p
			errD, errR = d.Remove(p), ref.Remove(p)
		case 2:
			op = "removeall " + p
			errD, errR = d.RemoveAll(p), ref.RemoveAll(p)
		case 3:
			if isDir(ref, p) || isDir(ref, q) || p == q {
				continue
			}
			op = "rename " + p + " " + q
			errD, errR = d.Rename(p, q), ref.Rename(p, q)
		case 4:
			if _, err := ref.Stat(p); err == nil && !isDir(ref, p) {
				continue
			}
			op = "mkdirall " + p
			errD, errR = d.MkdirAll(p, 0o755), ref.MkdirAll(p, 0o755)
		case 5:
			if isDir(ref, p) {
				continue
			}
			op = "append " + p
			for _, fsys := range []afero.Fs{d, ref} {
				f, err := fsys.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
				if err == nil {
					_, err = f.Write([]byte("+"))
					f.Close()
				}
				if fsys == d {
					errD = err
				} else {
					errR = err
				}
			}
		}
		log = append(log, op)
		if (errD == nil) != (errR == nil) {
			t.Fatalf("%v: dry %v, copy %v", log, errD, errR)
		}
		if got, w := visible(t, d), visible(t, ref); !reflect.DeepEqual(got, w) {
			t.Fatalf("after %v:\ndry  %v\ncopy %v", log, got, w)
		}
	}
	if got := visible(t, base); !reflect.DeepEqual(got, want) {
		t.Fatalf("%v: the workdir changed: %v", log, got)
	}
	var removed []string
	refTree := visible(t, ref)
	for p, v := range want {
		if _, ok := refTree[p]; !ok && v != "dir" {
			removed = append(removed, p)
		}
	}
	sort.Strings(removed)
	if got := d.Removed(); !reflect.DeepEqual(got, removed) && !(len(got) == 0 && len(removed) == 0) {
		t.Fatalf("%v: removed %v, want %v", log, got, removed)
	}
}

// Random changes of files and directories: 300 sequences of 12.
func TestDryFSAgainstACopy(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 3))
	for round := 0; round < 300; round++ {
		ops := make([]byte, 36)
		for i := range ops {
			ops[i] = byte(rng.IntN(256))
		}
		checkDryAgainstACopy(t, ops)
	}
}

// FuzzDryFSAgainstACopy is TestDryFSAgainstACopy on any sequence.
func FuzzDryFSAgainstACopy(f *testing.F) {
	f.Add([]byte{1, 0, 0, 4, 1, 0, 0, 1, 0})          // remove A, make D, write D/B
	f.Add([]byte{2, 4, 0, 4, 4, 0, 0, 2, 0, 3, 0, 6}) // removeall D, make it again, write D/C, rename A G
	f.Add([]byte{0, 5, 0, 3, 1, 3, 2, 5, 0, 3, 3, 1}) // write E, rename D/B onto E/F, removeall E, rename back
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 90 {
			ops = ops[:90]
		}
		checkDryAgainstACopy(t, ops)
	})
}
