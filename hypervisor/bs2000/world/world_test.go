package world

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
)

// disk is a workdir on the host's disk.
func disk(t *testing.T) afero.Fs {
	t.Helper()
	return afero.NewBasePathFs(afero.NewOsFs(), t.TempDir())
}

// tree lists a workdir outside .sdfp/: every path with its kind,
// permissions and content.
func tree(t *testing.T, fsys afero.Fs) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := afero.Walk(fsys, ".", func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if p == Dir {
			return fs.SkipDir
		}
		if fi.IsDir() {
			out[p] = "dir " + fi.Mode().Perm().String()
			return nil
		}
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out[p] = fi.Mode().Perm().String() + " " + string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func write(t *testing.T, fsys afero.Fs, name, text string) {
	t.Helper()
	if err := afero.WriteFile(fsys, name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// base puts a user's files into a workdir.
func base(t *testing.T, fsys afero.Fs) map[string]string {
	t.Helper()
	write(t, fsys, "keep.proc", "/WRITE-TEXT 'KEEP'\n")
	write(t, fsys, "data.txt", "original\n")
	write(t, fsys, "gone.txt", "to be deleted\n")
	write(t, fsys, "old.name", "renamed\n")
	write(t, fsys, "target", "renamed over\n")
	fsys.MkdirAll("lib/sub", 0o750)
	write(t, fsys, "lib/a", "a\n")
	write(t, fsys, "lib/sub/b", "b\n")
	return tree(t, fsys)
}

// change does to the workdir what runs do: create, modify in place,
// append, delete, rename, rename over a file, nested directories, a
// directory tree removed and one renamed, permissions changed.
func change(t *testing.T, w *FS) {
	t.Helper()
	write(t, w, "new.txt", "created\n")
	write(t, w, "data.txt", "changed\n")
	f, err := w.OpenFile("keep.proc", os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("/WRITE-TEXT 'MORE'\n"))
	f.Close()
	must(t, w.Remove("gone.txt"))
	must(t, w.Rename("old.name", "new.name"))
	write(t, w, "tmp", "replacement\n")
	must(t, w.Rename("tmp", "target"))
	must(t, w.MkdirAll("JV/deep/er", 0o755))
	write(t, w, "JV/deep/er/JV.X", "x")
	must(t, w.RemoveAll("lib/sub"))
	must(t, w.Rename("lib", "moved"))
	write(t, w, "moved/c", "c\n")
	must(t, w.Chmod("keep.proc", 0o600))
	write(t, w, "data.txt", "changed twice\n")
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestUndoRestoresTheBase(t *testing.T) {
	for name, fsys := range map[string]afero.Fs{"disk": disk(t), "memory": afero.NewMemMapFs()} {
		t.Run(name, func(t *testing.T) {
			want := base(t, fsys)
			w, errs := Start(fsys)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			change(t, w)
			w.Close()
			if reflect.DeepEqual(tree(t, fsys), want) {
				t.Fatal("the changes changed nothing")
			}
			if _, errs := Start(fsys); len(errs) > 0 {
				t.Fatal(errs)
			}
			if got := tree(t, fsys); !reflect.DeepEqual(got, want) {
				t.Fatalf("after the undo:\n%v\nwant the base:\n%v", got, want)
			}
			if j, _ := afero.ReadFile(fsys, Journal); string(j) != journalHeader+"\n" {
				t.Errorf("after the undo the journal is %q, want its header alone", j)
			}
			// a second undo has nothing to do
			if _, errs := Start(fsys); len(errs) > 0 {
				t.Fatal(errs)
			}
		})
	}
}

// A continued world records a path once: the undo goes back to the base,
// not to the state the previous run left.
func TestResumeKeepsTheBase(t *testing.T) {
	fsys := disk(t)
	want := base(t, fsys)
	w, _ := Start(fsys)
	write(t, w, "data.txt", "run 1\n")
	write(t, w, "new.txt", "run 1\n")
	w.Close()
	w, err := Resume(fsys)
	must(t, err)
	write(t, w, "data.txt", "run 2\n")
	must(t, w.Remove("new.txt"))
	must(t, w.Remove("keep.proc"))
	w.Close()
	if data, _ := afero.ReadFile(fsys, "data.txt"); string(data) != "run 2\n" {
		t.Fatalf("data.txt %q", data)
	}
	journal, _ := afero.ReadFile(fsys, Journal)
	if n := strings.Count(string(journal), `"data.txt"`); n != 1 {
		t.Errorf("data.txt journaled %d times:\n%s", n, journal)
	}
	Start(fsys)
	if got := tree(t, fsys); !reflect.DeepEqual(got, want) {
		t.Fatalf("after the undo:\n%v\nwant:\n%v", got, want)
	}
}

func TestPathsOutsideTheWorldAreRefused(t *testing.T) {
	fsys := afero.NewMemMapFs()
	w, _ := Start(fsys)
	for _, p := range []string{"../x", "/etc/passwd", "a/../../x", ".sdfp/journal", ".sdfp", "./.sdfp/originals/1", "."} {
		if _, err := w.Create(p); !errors.Is(err, fs.ErrPermission) {
			t.Errorf("Create(%q): %v, want a permission error", p, err)
		}
		if err := w.Remove(p); !errors.Is(err, fs.ErrPermission) {
			t.Errorf("Remove(%q): %v", p, err)
		}
		if err := w.Rename("x", p); !errors.Is(err, fs.ErrPermission) {
			t.Errorf("Rename to %q: %v", p, err)
		}
	}
	if _, err := w.Open("."); err != nil {
		t.Errorf("reading the workdir: %v", err)
	}
	if _, err := fsys.Stat(Journal); err == nil {
		t.Error("a refused call was journaled")
	}
}

// A damaged journal: each bad line is reported with its position, the
// rest is undone.
func TestDamagedJournal(t *testing.T) {
	fsys := afero.NewMemMapFs()
	write(t, fsys, "made", "by a run")
	write(t, fsys, "also", "by a run")
	write(t, fsys, Journal, journalHeader+"\ncreated \"made\"\nwhat \"x\"\ncreated \"../out\"\nsaved \"y\"\ncreated \"also\"\n")
	_, errs := Start(fsys)
	want := []string{
		`.sdfp/journal:3:1: unknown entry "what" (created, tree, saved or dir)`,
		`.sdfp/journal:4:9: path "../out" is not a name inside the workdir`,
		`.sdfp/journal:5:11: saved needs a number after the path`,
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range []string{"made", "also"} {
		if _, err := fsys.Stat(p); err == nil {
			t.Errorf("%s still there", p)
		}
	}
	if j, _ := afero.ReadFile(fsys, Journal); string(j) != journalHeader+"\n" {
		t.Errorf("after the undo the journal is %q, want its header alone", j)
	}
	write(t, fsys, Journal, "something else\n")
	if _, errs := Start(fsys); len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), ".sdfp/journal:1:1: not an sdfp undo journal") {
		t.Errorf("foreign journal: %v", errs)
	}
	if _, err := Resume(fsys); err != nil {
		t.Errorf("Resume of a workdir without a journal: %v", err)
	}
	write(t, fsys, Journal, journalHeader+"\nsaved \"x\" nine\n")
	if _, err := Resume(fsys); err == nil || !strings.Contains(err.Error(), ".sdfp/journal:2:") {
		t.Errorf("Resume of a damaged journal: %v", err)
	}
}

func TestStateRoundTripAndDamage(t *testing.T) {
	fsys := afero.NewMemMapFs()
	if _, _, err := LoadState(fsys); !errors.Is(err, ErrNoWorld) {
		t.Fatalf("empty workdir: %v", err)
	}
	st := State{Installation: "site.yaml", InstallationSHA256: Hash([]byte("x")), VirtualTime: time.Date(2026, 1, 1, 8, 5, 0, 0, time.UTC), NextTSN: 3, Runs: 1}
	must(t, SaveState(fsys, st, []byte("local-su: A\n")))
	got, vm, err := LoadState(fsys)
	must(t, err)
	st.Version, st.VM2000SHA256 = stateVersion, Hash(vm)
	if !reflect.DeepEqual(got, st) || string(vm) != "local-su: A\n" {
		t.Fatalf("loaded %+v %q", got, vm)
	}
	good, _ := afero.ReadFile(fsys, StateFile)
	for text, want := range map[string]string{
		"{\n  \"version\": 1,\n  \"next-tsn\": \"3\"\n}":                   ".sdfp/world/world.json:3:",
		"{\n  \"version\": 1,\n  \"nonsense\": 1\n}":                       ".sdfp/world/world.json:3:",
		"{\n  \"version\": 1,\n":                                           ".sdfp/world/world.json:",
		strings.Replace(string(good), `"next-tsn": 3`, `"next-tsn": 0`, 1): "next-tsn must be 1..9999",
	} {
		write(t, fsys, StateFile, text)
		if _, _, err := LoadState(fsys); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
	write(t, fsys, StateFile, string(good))
	write(t, fsys, VM2000File, "local-su: B\n")
	if _, _, err := LoadState(fsys); err == nil || !strings.Contains(err.Error(), "does not belong") {
		t.Errorf("mismatched vm2000.yaml: %v", err)
	}
	must(t, Discard(fsys))
	if _, _, err := LoadState(fsys); !errors.Is(err, ErrNoWorld) {
		t.Errorf("after Discard: %v", err)
	}
}

func FuzzJournal(f *testing.F) {
	f.Add([]byte(journalHeader + "\ncreated \"a\"\nsaved \"b\" 1\ndir \"c\" 755\ntree \"d\"\n"))
	f.Add([]byte(journalHeader + "\nsaved \"\\x00\" 99999999999\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, _ := parseJournal(data)
		for _, e := range entries {
			if p, ok := Clean(e.path); !ok || p != e.path {
				t.Fatalf("entry with path %q accepted", e.path)
			}
			again, _, problem := parseEntry(strings.TrimSuffix(e.String(), "\n"))
			if problem != "" || again.path != e.path || again.op != e.op {
				t.Fatalf("%q does not read back: %s", e.String(), problem)
			}
		}
	})
}

func FuzzState(f *testing.F) {
	f.Add([]byte(`{"version":1,"virtual-time":"2026-01-01T08:00:00Z","next-tsn":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var st State
		parseState(data, &st)
	})
}

// A world continued many times keeps a short journal: the temporary
// files of its writes, gone when each run ends, are dropped from it.
func TestJournalCompaction(t *testing.T) {
	fsys := disk(t)
	want := base(t, fsys)
	w, _ := Start(fsys)
	w.Close()
	for run := 0; run < 100; run++ {
		w, err := Resume(fsys)
		must(t, err)
		for _, name := range []string{"LST.A", "data.txt", "JV/JV.X"} {
			must(t, w.MkdirAll("JV", 0o755))
			must(t, dms.WriteFile(w, name, []byte(fmt.Sprintf("run %d\n", run))))
		}
		must(t, w.Close())
	}
	journal, _ := afero.ReadFile(fsys, Journal)
	if n := strings.Count(string(journal), "\n"); n > 2*64 {
		t.Errorf("journal of %d lines after 100 runs:\n%s", n, journal)
	}
	if _, errs := Start(fsys); len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := tree(t, fsys); !reflect.DeepEqual(got, want) {
		t.Fatalf("after the undo:\n%v\nwant the base:\n%v", got, want)
	}
}

// The base view shows a dry run the workdir as a plain run would find
// it, and changes nothing.
func TestBaseView(t *testing.T) {
	fsys := disk(t)
	want := base(t, fsys)
	if v, errs, err := BaseView(fsys); err != nil || len(errs) > 0 || v != fsys {
		t.Fatalf("without a journal: %v %v %v", v, errs, err)
	}
	w, _ := Start(fsys)
	change(t, w)
	w.Close()
	changed := tree(t, fsys)
	v, errs, err := BaseView(fsys)
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
	if got := tree(t, v); !reflect.DeepEqual(got, want) {
		t.Errorf("view:\n%v\nwant the base:\n%v", got, want)
	}
	if got := tree(t, fsys); !reflect.DeepEqual(got, changed) {
		t.Error("the view changed the workdir")
	}
	if _, err := fsys.Stat(Journal); err != nil {
		t.Errorf("the view took the journal: %v", err)
	}
}
