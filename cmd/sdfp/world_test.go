package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sdfp/hypervisor/bs2000/world"
)

// worldProc counts its runs in a JV, deletes a JV the user put into the
// workdir, creates a VM in its first run and shows it in every run,
// lets a minute of virtual time pass and writes a SYSLST file.
const worldProc = `/DECLARE-VARIABLE N(TYPE=*INTEGER)
/CREATE-JV JV.COUNT
/IF-CMD-ERROR
/  N = INTEGER(JV('JV.COUNT'))
/ELSE
/  N = 0
/END-IF
/N = N + 1
/MODIFY-JV JV.COUNT,SET-VALUE='&N'
/WRITE-TEXT 'RUN &N TSN &(TSN()) TIME &(TIME())'
/DELETE-JV JV.USER
/IF-CMD-ERROR
/  WRITE-TEXT 'JV.USER WAS GONE'
/ELSE
/  WRITE-TEXT 'JV.USER DELETED'
/END-IF
/BEGIN-VM-DIALOG VM-ID=1
/IF (N = 1)
/  CREATE-VM MEMORY-SIZE=1024,VM-NAME=NEWVM
/END-IF
/SHOW-VM-STATUS VM-ID=NEWVM
/END-VM-DIALOG
/CREATE-JV JV.NEVER
/IF-CMD-ERROR; END-IF
/WAIT-EVENT *JV((JV.NEVER,1,2) = '$T',TIME-LIMIT=60,TIMEOUT-LABEL=LATE)
/LATE:
/ASSIGN-SYSLST LST.WORLD,OPEN-MODE=*EXTEND
/WRITE-TEXT 'RUN &N',OUTPUT=*SYSLST
/ASSIGN-SYSLST *PRIMARY
`

const userJV = `{
  "name": "JV.USER",
  "value": "MINE",
  "defined": true,
  "created": "2025-12-31T10:00:00Z"
}
`

// worldBase is a workdir holding what a user put there: a procedure and
// a job variable.
func worldBase(t *testing.T) (dir, work, proc string) {
	t.Helper()
	dir = t.TempDir()
	work = filepath.Join(dir, "work")
	if err := os.MkdirAll(filepath.Join(work, "JV"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeProc(t, work, "JV/JV.USER", userJV)
	proc = writeProc(t, work, "world.proc", worldProc)
	return dir, work, proc
}

// workTree lists a workdir as the user sees it: every file and
// directory but the world's own (.sdfp/) and sdfp's hidden spare and
// temporary files, with its content.
func workTree(t *testing.T, work string) map[string]string { return dirTree(t, work, false) }

// dirTree lists every path of a workdir outside .sdfp/ with its mode and
// content; hidden files only when asked for.
func dirTree(t *testing.T, work string, hidden bool) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(work, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(work, p)
		fi, err := d.Info()
		switch {
		case err != nil:
			return err
		case rel == world.Dir:
			return fs.SkipDir
		case d.IsDir():
			out[rel] = "dir " + fi.Mode().String()
		case hidden || !strings.HasPrefix(d.Name(), "."):
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = fi.Mode().String() + " " + string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Three plain runs give identical results: the same output byte for
// byte, the same workdir afterwards; each starts from the base again
// (the user's JV is there to delete every time).
func TestPlainRunsAreIdentical(t *testing.T) {
	_, work, proc := worldBase(t)
	base := workTree(t, work)
	var first string
	var firstTree map[string]string
	for i := 1; i <= 3; i++ {
		code, out, errOut := runCLI("run", "--workdir", work, proc)
		if code != exitOK || errOut != "" {
			t.Fatalf("run %d: exit %d %s%s", i, code, out, errOut)
		}
		tree := workTree(t, work)
		if i == 1 {
			first, firstTree = out, tree
			for _, want := range []string{"RUN 1 TSN 0001 TIME 08:00:00\n", "JV.USER DELETED\n", "NEWVM"} {
				if !strings.Contains(out, want) {
					t.Fatalf("run 1 lacks %q:\n%s", want, out)
				}
			}
			if reflect.DeepEqual(tree, base) {
				t.Fatal("the run left the workdir as it was")
			}
			continue
		}
		if out != first {
			t.Errorf("run %d printed\n%s\nrun 1\n%s", i, out, first)
		}
		if !reflect.DeepEqual(tree, firstTree) {
			t.Errorf("run %d left\n%v\nrun 1\n%v", i, tree, firstTree)
		}
	}
	if got := readFile(t, filepath.Join(work, "LST.WORLD")); got != "RUN 1\n" {
		t.Errorf("LST.WORLD after three plain runs: %q", got)
	}
}

// Three --continue runs see one world: the JV counter goes on, the VM
// created by the first run is there in the later ones, virtual time and
// the TSNs go on, the user's JV stays deleted, and a plain run then puts
// the base back.
func TestContinuedRunsSeeOneWorld(t *testing.T) {
	_, work, proc := worldBase(t)
	base := workTree(t, work)
	if code, _, errOut := runCLI("run", "--workdir", work, "--continue", proc); code != exitUsage || !strings.Contains(errOut, "holds no world to continue") {
		t.Fatalf("--continue in a fresh workdir: exit %d %s", code, errOut)
	}
	// nor does it create a workdir that is not there to refuse it
	missing := filepath.Join(t.TempDir(), "missing")
	if code, _, errOut := runCLI("run", "--workdir", missing, "--continue", proc); code != exitUsage || !strings.Contains(errOut, "holds no world to continue") {
		t.Errorf("--continue in a missing workdir: exit %d %s", code, errOut)
	}
	if _, err := os.Stat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("--continue created the missing workdir: %v", err)
	}
	if code, out, errOut := runCLI("run", "--workdir", work, proc); code != exitOK {
		t.Fatalf("plain run: exit %d %s%s", code, out, errOut)
	}
	for i, want := range []struct{ out, info string }{
		{"RUN 2 TSN 0002 TIME 08:01:00", "continuing the world of the embedded installation at virtual time 2026-01-01 08:01:00 (run 2 of it)"},
		{"RUN 3 TSN 0003 TIME 08:02:00", "at virtual time 2026-01-01 08:02:00 (run 3 of it)"},
		{"RUN 4 TSN 0004 TIME 08:03:00", "(run 4 of it)"},
	} {
		code, out, errOut := runCLI("run", "--workdir", work, "--continue", proc)
		if code != exitOK || !strings.Contains(out, want.out) || !strings.Contains(out, "JV.USER WAS GONE") || !strings.Contains(out, "NEWVM") || !strings.Contains(errOut, want.info) {
			t.Fatalf("continued run %d: exit %d\n%s%s\nwant %q and %q", i+1, code, out, errOut, want.out, want.info)
		}
		if strings.Contains(out, "CREATED") {
			t.Errorf("continued run %d created the VM again:\n%s", i+1, out)
		}
	}
	if got := readFile(t, filepath.Join(work, "LST.WORLD")); got != "RUN 1\nRUN 2\nRUN 3\nRUN 4\n" {
		t.Errorf("LST.WORLD after a world of four runs: %q", got)
	}
	code, out, errOut := runCLI("run", "--workdir", work, proc)
	if code != exitOK || !strings.Contains(out, "RUN 1 TSN 0001") || !strings.Contains(out, "JV.USER DELETED") {
		t.Fatalf("plain run after the world: exit %d %s%s", code, out, errOut)
	}
	// and a plain dry run of nothing: the next plain run finds the base
	runCLI("run", "--workdir", work, writeProc(t, work, "nothing.proc", "/WRITE-TEXT 'X'\n"))
	after := workTree(t, work)
	delete(after, "nothing.proc")
	if !reflect.DeepEqual(after, base) {
		t.Errorf("the base is not back:\n%v\nwant\n%v", after, base)
	}
}

// --continue refuses a world whose installation changed, a damaged world
// file (naming it with the position), and --start; a plain run recovers.
func TestContinueRefuses(t *testing.T) {
	dir, work, proc := worldBase(t)
	inst := filepath.Join(dir, "site.yaml")
	vmmem, _ := os.ReadFile("../../procs/seed000-mended.yaml")
	if err := os.WriteFile(inst, vmmem, 0o644); err != nil {
		t.Fatal(err)
	}
	hello := writeProc(t, dir, "hello.proc", "/WRITE-TEXT 'HELLO'\n")
	if code, out, errOut := runCLI("run", "--workdir", work, "--installation", inst, hello); code != exitOK {
		t.Fatalf("plain run: exit %d %s%s", code, out, errOut)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{hello}, "the world was started from installation " + inst + ", not from the embedded installation"},
		{[]string{"--installation", inst, "--start", "2026-02-01", hello}, "--start cannot be given with it"},
	} {
		args := append([]string{"run", "--workdir", work, "--continue"}, c.args...)
		if code, _, errOut := runCLI(args...); code != exitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d %q, want %q", c.args, code, errOut, c.want)
		}
	}
	if err := os.WriteFile(inst, append(vmmem, "\n# changed\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI("run", "--workdir", work, "--continue", "--installation", inst, hello)
	if code != exitUsage || !strings.Contains(errOut, "installation "+inst+" has changed since the world was started from it") {
		t.Errorf("changed installation file: exit %d %q", code, errOut)
	}
	for file, damage := range map[string]string{
		world.StateFile:  "{\n  \"version\": 1,\n  \"next-tsn\": true\n}\n",
		world.VM2000File: "local-su: [\n",
		world.Journal:    "sdfp-journal 1\ncreated nothing\n",
	} {
		if code, out, errOut := runCLI("run", "--workdir", work, "--installation", inst, hello); code != exitOK {
			t.Fatalf("plain run: exit %d %s%s", code, out, errOut)
		}
		full := filepath.Join(work, filepath.FromSlash(file))
		if file == world.VM2000File {
			// a damaged VM2000 whose hash world.json records: it is
			// read as an installation and its error positioned
			st := readFile(t, filepath.Join(work, world.StateFile))
			old := world.Hash([]byte(readFile(t, full)))
			os.WriteFile(filepath.Join(work, world.StateFile), []byte(strings.Replace(st, old, world.Hash([]byte(damage)), 1)), 0o644)
		}
		if err := os.WriteFile(full, []byte(damage), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runCLI("run", "--workdir", work, "--continue", "--installation", inst, hello)
		if code != exitUsage || !strings.Contains(errOut, file+":") || !strings.Contains(errOut, "run without --continue") {
			t.Errorf("damaged %s: exit %d %q", file, code, errOut)
		}
		// a plain run starts afresh; a damaged journal is reported, with
		// its line, and the run goes on
		code, out, errOut := runCLI("run", "--workdir", work, "--installation", inst, hello)
		if code != exitOK || out != "HELLO\n" {
			t.Errorf("plain run after damaging %s: exit %d %q %q", file, code, out, errOut)
		}
		if file == world.Journal && !strings.Contains(errOut, ".sdfp/journal:2:9: the path is not a quoted string") {
			t.Errorf("damaged journal not reported: %q", errOut)
		}
	}
	_ = proc
}

// A dry run writes nothing of the world, not even a journal.
func TestDryRunWritesNoWorld(t *testing.T) {
	_, work, proc := worldBase(t)
	base := workTree(t, work)
	code, out, errOut := runCLI("run", "--workdir", work, "--dry-run", proc)
	if code != exitOK || !strings.Contains(errOut, "would have written") {
		t.Fatalf("dry run: exit %d %s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(work, world.Dir)); !os.IsNotExist(err) {
		t.Errorf("the dry run made %s: %v", world.Dir, err)
	}
	if !reflect.DeepEqual(workTree(t, work), base) {
		t.Error("the dry run changed the workdir")
	}
	if code, out, _ := runCLI("run", "--workdir", work, proc); code != exitOK || !strings.Contains(out, "JV.USER DELETED") {
		t.Fatalf("plain run: %d %s", code, out)
	}
	// a plain dry run sees the base, as the plain run would: the user's
	// JV is there to delete again, the count starts at 1
	code, out, _ = runCLI("run", "--workdir", work, "--dry-run", proc)
	if code != exitOK || !strings.Contains(out, "RUN 1 TSN 0001") || !strings.Contains(out, "JV.USER DELETED") {
		t.Errorf("plain dry run after a run: exit %d %s", code, out)
	}
	journal := readFile(t, filepath.Join(work, world.Journal))
	state := readFile(t, filepath.Join(work, world.StateFile))
	code, out, errOut = runCLI("run", "--workdir", work, "--dry-run", "--continue", proc)
	if code != exitOK || !strings.Contains(out, "RUN 2") {
		t.Fatalf("continued dry run: exit %d %s%s", code, out, errOut)
	}
	if readFile(t, filepath.Join(work, world.Journal)) != journal || readFile(t, filepath.Join(work, world.StateFile)) != state {
		t.Error("the continued dry run changed the world")
	}
}
