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
// paths its report names as written and as removed.
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
	for _, tc := range []struct{ name, src string }{
		{"delete", "/DELETE-FILE FILE-NAME=KEEP.ME\n/SHOW-FILE-ATTRIBUTES FILE-NAME=KEEP.ME\n/IF-CMD-ERROR\n/  WRITE-TEXT 'KEEP.ME GONE'\n/END-IF\n"},
		{"delete twice", "/DELETE-FILE FILE-NAME=KEEP.ME\n/DELETE-FILE FILE-NAME=KEEP.ME\n"},
		{"rename", "/MODIFY-FILE-ATTRIBUTES FILE-NAME=OTHER.ME,NEW-NAME=MOVED.ME\n/SHOW-FILE-ATTRIBUTES FILE-NAME=MOVED.ME\n" +
			"/SHOW-FILE-ATTRIBUTES FILE-NAME=OTHER.ME\n/IF-CMD-ERROR\n/  WRITE-TEXT 'OTHER.ME GONE'\n/END-IF\n/COPY-FILE FROM-FILE=MOVED.ME,TO-FILE=COPY.ME\n"},
		{"rename and back", "/MODIFY-FILE-ATTRIBUTES FILE-NAME=OTHER.ME,NEW-NAME=MOVED.ME\n/MODIFY-FILE-ATTRIBUTES FILE-NAME=MOVED.ME,NEW-NAME=OTHER.ME\n/SHOW-FILE-ATTRIBUTES FILE-NAME=OTHER.ME\n"},
		{"rename onto a file", "/MODIFY-FILE-ATTRIBUTES FILE-NAME=OTHER.ME,NEW-NAME=KEEP.ME\n/SHOW-FILE-ATTRIBUTES FILE-NAME=KEEP.ME\n"},
		{"delete and make again", "/DELETE-FILE FILE-NAME=AGAIN.ME\n/CREATE-FILE FILE-NAME=AGAIN.ME\n/SHOW-FILE-ATTRIBUTES FILE-NAME=AGAIN.ME\n"},
		{"copy over a deleted file", "/DELETE-FILE FILE-NAME=AGAIN.ME\n/COPY-FILE FROM-FILE=KEEP.ME,TO-FILE=AGAIN.ME\n/SHOW-FILE-ATTRIBUTES FILE-NAME=AGAIN.ME\n"},
		{"job variable", "/DELETE-JV JV-NAME=JV.OLD\n/SHOW-JV JV-NAME=JV.OLD\n/IF-CMD-ERROR\n/  WRITE-TEXT 'JV.OLD GONE'\n/END-IF\n" +
			"/CREATE-JV JV.NEW\n/MODIFY-JV JV.NEW,SET-VALUE='NEW'\n/SHOW-JV JV-NAME=JV.NEW\n"},
		{"job variable again", "/DELETE-JV JV-NAME=JV.OLD\n/CREATE-JV JV.OLD\n/MODIFY-JV JV.OLD,SET-VALUE='AGAIN'\n/SHOW-JV JV-NAME=JV.OLD\n"},
		{"nothing", "/WRITE-TEXT 'HELLO'\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			proc := writeProc(t, t.TempDir(), "p.proc", tc.src)
			dry := dryBase(t)
			before := dirTree(t, dry, false)
			dryCode, dryOut, dryErr := runCLI("run", "--workdir", dry, "--dry-run", proc)
			if after := dirTree(t, dry, false); !reflect.DeepEqual(after, before) {
				t.Fatalf("the dry run changed the workdir:\n%v\nwas\n%v", after, before)
			}
			real := dryBase(t)
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
			// a file the run wrote with the content it had is a write of
			// the dry run's, not a change of the real run's workdir
			var changed []string
			for _, p := range written {
				if before[p] != after[p] {
					changed = append(changed, p)
				}
			}
			if !reflect.DeepEqual(changed, wantWritten) || !reflect.DeepEqual(removed, wantRemoved) {
				t.Errorf("dry run: written %v (changed %v), removed %v\nreal run: changed %v, removed %v", written, changed, removed, wantWritten, wantRemoved)
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
