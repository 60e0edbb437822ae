package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// dryBase lays out a workdir as a user would have it before any run:
// two files, one to delete and make again, and a job variable.
func dryBase(t *testing.T) string {
	t.Helper()
	work := t.TempDir()
	for name, data := range map[string]string{
		"KEEP.ME":   "data one\n",
		"OTHER.ME":  "data two\n",
		"AGAIN.ME":  "data three\n",
		"JV/JV.OLD": "{\n  \"name\": \"JV.OLD\",\n  \"value\": \"OLD\",\n  \"defined\": true,\n  \"created\": \"2026-01-01T08:00:00Z\"\n}\n",
	} {
		p := filepath.Join(work, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return work
}

// dryReport splits a dry run's stderr into what the run printed and the
// paths its report names as changed by a write and as removed.
func dryReport(t *testing.T, errOut string) (rest string, written, removed []string) {
	t.Helper()
	var list *[]string
	for _, line := range strings.SplitAfter(errOut, "\n") {
		switch {
		case line == "sdfp: dry run: would have written:\n":
			list = &written
		case line == "sdfp: dry run: would have removed:\n":
			list = &removed
		case line == "sdfp: dry run: nothing would have been written\n":
			list = nil
		case list != nil && strings.HasPrefix(line, "  "):
			p := strings.TrimSpace(line)
			if strings.HasSuffix(p, ", unchanged)") {
				continue // written with the content it has: no change
			}
			if i := strings.Index(p, " ("); i >= 0 {
				p = p[:i]
			}
			*list = append(*list, p)
		default:
			list = nil
			rest += line
		}
	}
	return rest, written, removed
}

// A dry run does what the real run does, to files of the workdir too:
// it deletes, renames and deletes job variables in memory (afero's
// copy-on-write union refused a file that only the workdir held:
// DELETE-FILE failed with DMS0533 where the real run succeeded), prints
// the same, and lists as written and removed what the real run changes.
func TestDryRunDoesWhatTheRunDoes(t *testing.T) {
	for _, tc := range []struct{ name, src, first string }{
		{"delete", "/DELETE-FILE FILE-NAME=KEEP.ME\n/SHOW-FILE-ATTRIBUTES FILE-NAME=KEEP.ME\n/IF-CMD-ERROR\n/  WRITE-TEXT 'KEEP.ME GONE'\n/END-IF\n", ""},
		{"delete twice", "/DELETE-FILE FILE-NAME=KEEP.ME\n/DELETE-FILE FILE-NAME=KEEP.ME\n", ""},
		{"rename", "/MODIFY-FILE-ATTRIBUTES FILE-NAME=OTHER.ME,NEW-NAME=MOVED.ME\n/SHOW-FILE-ATTRIBUTES FILE-NAME=MOVED.ME\n" +
			"/SHOW-FILE-ATTRIBUTES FILE-NAME=OTHER.ME\n/IF-CMD-ERROR\n/  WRITE-TEXT 'OTHER.ME GONE'\n/END-IF\n/COPY-FILE FROM-FILE=MOVED.ME,TO-FILE=COPY.ME\n", ""},
		{"rename and back", "/MODIFY-FILE-ATTRIBUTES FILE-NAME=OTHER.ME,NEW-NAME=MOVED.ME\n/MODIFY-FILE-ATTRIBUTES FILE-NAME=MOVED.ME,NEW-NAME=OTHER.ME\n/SHOW-FILE-ATTRIBUTES FILE-NAME=OTHER.ME\n", ""},
		{"rename onto a file", "/MODIFY-FILE-ATTRIBUTES FILE-NAME=OTHER.ME,NEW-NAME=KEEP.ME\n/SHOW-FILE-ATTRIBUTES FILE-NAME=KEEP.ME\n", ""},
		{"delete and make again", "/DELETE-FILE FILE-NAME=AGAIN.ME\n/CREATE-FILE FILE-NAME=AGAIN.ME\n/SHOW-FILE-ATTRIBUTES FILE-NAME=AGAIN.ME\n", ""},
		{"copy over a deleted file", "/DELETE-FILE FILE-NAME=AGAIN.ME\n/COPY-FILE FROM-FILE=KEEP.ME,TO-FILE=AGAIN.ME\n/SHOW-FILE-ATTRIBUTES FILE-NAME=AGAIN.ME\n", ""},
		{"job variable", "/DELETE-JV JV-NAME=JV.OLD\n/SHOW-JV JV-NAME=JV.OLD\n/IF-CMD-ERROR\n/  WRITE-TEXT 'JV.OLD GONE'\n/END-IF\n" +
			"/CREATE-JV JV.NEW\n/MODIFY-JV JV.NEW,SET-VALUE='NEW'\n/SHOW-JV JV-NAME=JV.NEW\n", ""},
		{"job variable again", "/DELETE-JV JV-NAME=JV.OLD\n/CREATE-JV JV.OLD\n/MODIFY-JV JV.OLD,SET-VALUE='AGAIN'\n/SHOW-JV JV-NAME=JV.OLD\n", ""},
		{"nothing", "/WRITE-TEXT 'HELLO'\n", ""},
		// a plain run undoes the run before it: the report says what that
		// changes too
		{"after a run", "/WRITE-TEXT 'SECOND'\n", "/CREATE-FILE FILE-NAME=R1.MADE\n/DELETE-FILE FILE-NAME=KEEP.ME\n" +
			"/MODIFY-FILE-ATTRIBUTES FILE-NAME=OTHER.ME,NEW-NAME=MOVED.ME\n/MODIFY-JV JV.OLD,SET-VALUE='RUN1'\n/CREATE-JV JV.R1\n" +
			"/ASSIGN-SYSLST LST.R\n/WRITE-TEXT 'RUN1',OUTPUT=*SYSLST\n/ASSIGN-SYSLST *PRIMARY\n"},
		{"after a run, its file again", "/ASSIGN-SYSLST LST.X\n/WRITE-TEXT 'SECOND RUN',OUTPUT=*SYSLST\n/ASSIGN-SYSLST *PRIMARY\n",
			"/ASSIGN-SYSLST LST.X\n/WRITE-TEXT 'FIRST RUN',OUTPUT=*SYSLST\n/ASSIGN-SYSLST *PRIMARY\n"},
		{"after a run, the same file", "/ASSIGN-SYSLST LST.X\n/WRITE-TEXT 'RUN',OUTPUT=*SYSLST\n/ASSIGN-SYSLST *PRIMARY\n",
			"/ASSIGN-SYSLST LST.X\n/WRITE-TEXT 'RUN',OUTPUT=*SYSLST\n/ASSIGN-SYSLST *PRIMARY\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			proc := writeProc(t, t.TempDir(), "p.proc", tc.src)
			dry, real := dryBase(t), dryBase(t)
			if tc.first != "" {
				first := writeProc(t, t.TempDir(), "first.proc", tc.first)
				for _, w := range []string{dry, real} {
					if code, out, errOut := runCLI("run", "--workdir", w, first); code != exitOK {
						t.Fatalf("first run: exit %d %s%s", code, out, errOut)
					}
				}
			}
			before := dirTree(t, dry, false)
			dryCode, dryOut, dryErr := runCLI("run", "--workdir", dry, "--dry-run", proc)
			if after := dirTree(t, dry, false); !reflect.DeepEqual(after, before) {
				t.Fatalf("the dry run changed the workdir:\n%v\nwas\n%v", after, before)
			}
			code, out, errOut := runCLI("run", "--workdir", real, proc)
			dryRest, written, removed := dryReport(t, dryErr)
			if dryCode != code || dryOut != out || dryRest != errOut {
				t.Fatalf("dry run: exit %d\n%s%s\nreal run: exit %d\n%s%s", dryCode, dryOut, dryRest, code, out, errOut)
			}
			after := dirTree(t, real, false)
			var wantWritten, wantRemoved []string
			for p, v := range after {
				if !strings.HasPrefix(v, "dir ") && before[p] != v {
					wantWritten = append(wantWritten, filepath.ToSlash(p))
				}
			}
			for p, v := range before {
				if _, ok := after[p]; !ok && !strings.HasPrefix(v, "dir ") {
					wantRemoved = append(wantRemoved, filepath.ToSlash(p))
				}
			}
			sort.Strings(wantWritten)
			sort.Strings(wantRemoved)
			if !reflect.DeepEqual(written, wantWritten) || !reflect.DeepEqual(removed, wantRemoved) {
				t.Errorf("dry run: changed %v, removed %v\nreal run: changed %v, removed %v\n%s", written, removed, wantWritten, wantRemoved, dryErr)
			}
		})
	}
}

// The JSON dry-run event lists the removed files, and its lists are
// lists when empty too.
func TestDryRunJSONListsRemoved(t *testing.T) {
	proc := writeProc(t, t.TempDir(), "p.proc", "/DELETE-FILE FILE-NAME=KEEP.ME\n")
	code, out, _ := runCLI("run", "--workdir", dryBase(t), "--dry-run", "--format", "json", proc)
	var ev map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.Contains(line, `"event":"dry-run"`) {
			if err := json.Unmarshal([]byte(line), &ev); err != nil {
				t.Fatal(err)
			}
		}
	}
	if code != exitOK || !reflect.DeepEqual(ev["removed"], []any{"KEEP.ME"}) || !reflect.DeepEqual(ev["writes"], []any{}) || !reflect.DeepEqual(ev["files"], []any{}) {
		t.Errorf("exit %d, dry-run event %v\n%s", code, ev, out)
	}
}

// A dry run creates nothing, its workdir included: a missing one reads
// as empty, and --continue finds no world in it.
func TestDryRunCreatesNoWorkdir(t *testing.T) {
	work := filepath.Join(t.TempDir(), "missing", "deep")
	proc := writeProc(t, t.TempDir(), "p.proc", "/CREATE-FILE FILE-NAME=MADE\n/WRITE-TEXT 'RAN'\n")
	if code, out, errOut := runCLI("run", "--workdir", work, "--dry-run", proc); code != exitOK || out != "RAN\n" || !strings.Contains(errOut, "MADE (0 bytes)") {
		t.Errorf("dry run: exit %d %q %q", code, out, errOut)
	}
	if code, _, errOut := runCLI("run", "--workdir", work, "--dry-run", "--continue", proc); code != exitUsage || !strings.Contains(errOut, "holds no world to continue") {
		t.Errorf("dry run with --continue: exit %d %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Dir(work)); !os.IsNotExist(err) {
		t.Errorf("the dry runs made %s: %v", filepath.Dir(work), err)
	}
}
