package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sdfp/cmd/internal/golden"
)

// writeProc writes a procedure into dir and returns its path.
func writeProc(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunExitCodes(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, src string
		args      []string
		code      int
		out       string
	}{
		{"ok", "/DECLARE-PARAMETER P\n/WRITE-TEXT 'HELLO &P'\n", []string{"P=WORLD"}, exitOK, "HELLO WORLD\n"},
		{"error", "/A = 1 / 0\n", nil, exitFindings, "MAINCODE SDP0091"},
		{"syntax", "/IF (A = 1)\n", nil, exitUsage, "END-IF missing"},
		{"limit", "/WHILE (TRUE); END-WHILE\n", []string{}, exitLimit, "was stopped"},
	}
	for _, tt := range tests {
		p := writeProc(t, dir, tt.name+".proc", tt.src)
		args := []string{"run", "--workdir", filepath.Join(dir, "work"), "--max-steps", "1000", p}
		args = append(args, tt.args...)
		code, out, errOut := runCLI(args...)
		if code != tt.code || !strings.Contains(out+errOut, tt.out) {
			t.Errorf("%s: exit %d (want %d), output %q", tt.name, code, tt.code, out+errOut)
		}
	}
}

// A dry run writes nothing to the workdir and lists what it would have
// written; a real run persists job variables for the next run.
func TestRunDryRunAndPersistence(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	p := writeProc(t, dir, "jv.proc", "/CREATE-JV JV.KEEP\n/MODIFY-JV JV.KEEP,SET-VALUE='KEPT'\n/ASSIGN-SYSLST LST.X\n/WRITE-TEXT 'X',OUTPUT=*SYSLST\n/ASSIGN-SYSLST *PRIMARY\n")
	code, out, errOut := runCLI("run", "--workdir", work, "--dry-run", p)
	if code != exitOK || out != "" || !strings.Contains(errOut, "would have written:\n  JV/JV.KEEP") || !strings.Contains(errOut, "LST.X (2 bytes)") {
		t.Fatalf("dry run: exit %d, %q %q", code, out, errOut)
	}
	if entries, _ := os.ReadDir(work); len(entries) != 0 {
		t.Fatalf("dry run wrote to the workdir: %v", entries)
	}
	if code, out, _ := runCLI("run", "--workdir", work, p); code != exitOK {
		t.Fatalf("real run: exit %d %q", code, out)
	}
	q := writeProc(t, dir, "read.proc", "/WRITE-TEXT '&(JV('JV.KEEP'))'\n")
	if code, out, _ := runCLI("run", "--workdir", work, "--continue", q); code != exitOK || out != "KEPT\n" {
		t.Fatalf("later run: exit %d %q", code, out)
	}
}

// --format json writes one event per line of the documented schema.
func TestRunJSON(t *testing.T) {
	dir := t.TempDir()
	p := writeProc(t, dir, "j.proc", "/X = 5\n/WRITE-TEXT 'X=&X'\n/SEND-MSG TO=OPER,MSG='DONE'\n")
	code, out, _ := runCLI("run", "--workdir", filepath.Join(dir, "w"), "--format", "json", p)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	kinds := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var ev map[string]any
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		if ev["v"] != float64(JSONSchemaVersion) {
			t.Errorf("event without schema version: %v", ev)
		}
		kinds[ev["event"].(string)]++
	}
	for _, k := range []string{"sysout", "console", "command", "variable", "result"} {
		if kinds[k] == 0 {
			t.Errorf("no %s event in %s", k, out)
		}
	}
}

// Two procedures run as tasks on one clock: the first waits for a job
// variable that the second writes after waiting 90 seconds itself.
func TestRunConcurrentTasks(t *testing.T) {
	dir := t.TempDir()
	a := writeProc(t, dir, "a.proc", "/CREATE-JV JV.HANDSHAKE\n/WRITE-TEXT 'A WAITS AT &(TIME())'\n/WAIT-EVENT *JV((JV.HANDSHAKE,1,4) = 'DONE',TIME-LIM=300)\n/WRITE-TEXT 'A WOKE AT &(TIME())'\n")
	b := writeProc(t, dir, "b.proc", "/WRITE-TEXT 'B STARTS AT &(TIME())'\n/WAIT-EVENT *TIME(TIME-LIMIT=90)\n/MODIFY-JV JV.HANDSHAKE,SET-VALUE='DONE'\n/WRITE-TEXT 'B WROTE AT &(TIME())'\n")
	code, out, errOut := runCLI("run", "--workdir", filepath.Join(dir, "w"), a, b)
	want := "[TSN 0001] A WAITS AT 08:00:00\n[TSN 0002] B STARTS AT 08:00:00\n[TSN 0002] B WROTE AT 08:01:30\n[TSN 0001] A WOKE AT 08:01:30\n"
	if code != exitOK || out != want {
		t.Fatalf("exit %d\n%s%s\nwant\n%s", code, out, errOut, want)
	}
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{{"run"}, {"run", "P=1"}, {"run", "--lang", "F", "x.proc"}, {"run", "--format", "xml", "x.proc"}, {"run", "--start", "yesterday", "x.proc"}, {"run", "missing.proc"}} {
		if code, _, _ := runCLI(args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// Regression: EXECUTE-CMD RETURNCODE=*VARIABLE assigned its three
// variables in Go map order, so the JSON variable events of one
// procedure came out in a different order from run to run. Fifty runs
// print the same bytes.
func TestRunsAreDeterministic(t *testing.T) {
	var first string
	for i := 0; i < 50; i++ {
		code, out, errOut := runCLI("run", "--workdir", t.TempDir(), "--format", "json", "--console", "on", "testdata/deterministic.proc")
		if code != exitOK {
			t.Fatalf("run %d: exit %d: %s%s", i, code, out, errOut)
		}
		if i == 0 {
			first = out
			continue
		}
		if out != first {
			t.Fatalf("run %d differs from run 0:\n%s", i, golden.LineDiff(first, out))
		}
	}
	if !strings.Contains(first, `"name":"S1"`) || !strings.Contains(first, `"key":"VMS1013"`) {
		t.Errorf("the procedure did not run as meant:\n%s", first)
	}
}

// --lang D covers sdfp's own summary of a failed run as well as the
// procedure's messages.
func TestRunSummaryInGerman(t *testing.T) {
	dir := t.TempDir()
	proc := filepath.Join(dir, "fail.proc")
	if err := os.WriteFile(proc, []byte("/A = 1 / 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI("run", "--workdir", dir, "--lang", "D", proc)
	// SYSOUT on stdout, sdfp's summary of the error on stderr
	want := "sdfp: Prozedur " + proc + " mit Fehler beendet: MAINCODE SDP0091, SUBCODE1 64, SUBCODE2 0\n"
	if code != exitFindings || out != "% SDP0091 SEMANTIKFEHLER: DIVISION DURCH NULL\n" || !strings.HasPrefix(errOut, want) {
		t.Errorf("exit %d, output\n%s%s\nwant the summary on stderr to start with\n%s", code, out, errOut, want)
	}
}

// Regression: parameters given on the command line are checked against
// the DECLARE-PARAMETER commands before anything runs (an undeclared one
// was reported at <input>:0:0 after the procedure had run and written).
func TestRunChecksParameters(t *testing.T) {
	dir := t.TempDir()
	proc := filepath.Join(dir, "p.proc")
	src := "/ASSIGN-SYSLST TO=LST.P\n/WRITE-TEXT 'RAN',OUTPUT=*SYSLST\n/BEGIN-PARAMETER-DECLARATION\n" +
		"/DECLARE-PARAMETER VM(TYPE=*INTEGER)\n/DECLARE-PARAMETER TARGET(INITIAL-VALUE='SU2')\n/END-PARAMETER-DECLARATION\n" +
		"/WRITE-TEXT '&VM &TARGET',OUTPUT=*SYSLST\n"
	if err := os.WriteFile(proc, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string // in the diagnostic; for a run that works, "=" and the SYSLST line the values make
	}{
		{[]string{"VM=5"}, "=5 SU2"},
		{[]string{"VM=5", "TARG=SU9"}, "=5 SU9"},
		// positional values bind in declaration order, before keyword ones
		{[]string{"7", "SU3"}, "=7 SU3"},
		{[]string{"7", "TARGET=SU4"}, "=7 SU4"},
		{[]string{"7", "SU3", "EXTRA"}, ":4:2: SDP0091 procedure parameter number 3 (EXTRA) is not declared by the procedure"},
		{[]string{"abc"}, ":4:20: SDP0091 procedure parameter VM is declared *INTEGER, and abc is not one"},
		{[]string{"VMX=5"}, ":4:2: SDP0091 procedure parameter VMX is not declared by the procedure"},
		{nil, ":4:20: SDP0091 procedure parameter VM has no value and no INITIAL-VALUE"},
		{[]string{"VM=abc"}, ":4:20: SDP0091 procedure parameter VM is declared *INTEGER, and abc is not one"},
		// host text meets EBCDIC: an umlaut has a code, a euro sign none
		{[]string{"VM=5", "TARGET=SÜ2"}, "=5 SÜ2"},
		{[]string{"VM=5", "TARGET=5€"}, ":5:20: SDP0091 the value of procedure parameter TARGET holds '€' (U+20AC), which has no EBCDIC code"},
	} {
		work := filepath.Join(t.TempDir(), "work")
		code, _, errOut := runCLI(append([]string{"run", "--workdir", work, proc}, tc.args...)...)
		lst, statErr := os.ReadFile(filepath.Join(work, "LST.P"))
		switch {
		case strings.HasPrefix(tc.want, "="):
			if code != exitOK || !strings.Contains(string(lst), tc.want[1:]+"\n") {
				t.Errorf("%v: exit %d, %v, SYSLST %q, %s", tc.args, code, statErr, lst, errOut)
			}
		case code != exitUsage || !strings.Contains(errOut, tc.want) || statErr == nil:
			t.Errorf("%v: exit %d, LST.P written: %v, stderr:\n%s", tc.args, code, statErr == nil, errOut)
		}
	}
}

// sdfp run --strict keeps the old refusal: any syntax error stops the
// procedure before it runs; without it a bad command fails when reached.
func TestRunStrict(t *testing.T) {
	dir := t.TempDir()
	proc := filepath.Join(dir, "p.proc")
	if err := os.WriteFile(proc, []byte("/WRITE-TEXT 'RAN'\n/WRTE-TEXT 'X'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI("run", "--workdir", filepath.Join(dir, "w1"), proc)
	if code != exitFindings || !strings.HasPrefix(out, "RAN\n% CMD0202 SYNTAX ERROR IN COMMAND: command WRTE-TEXT is not known; did you mean WRITE-TEXT?\n") {
		t.Errorf("without --strict: exit %d, %q", code, out)
	}
	code, out, errOut := runCLI("run", "--strict", "--workdir", filepath.Join(dir, "w2"), proc)
	if code != exitUsage || out != "" || !strings.Contains(errOut, ":2:2: CMD0202 command WRTE-TEXT is not known; did you mean WRITE-TEXT?") {
		t.Errorf("--strict: exit %d, %q, %q", code, out, errOut)
	}
}

// taskArgs tells procedure files from positional values: a path, a .proc
// name or an existing file starts the next task; positional values must
// come before keyword ones, as in SDF.
func TestTaskArgs(t *testing.T) {
	exists := func(name string) bool { return name == "LOCAL" }
	for _, tc := range []struct {
		args []string
		want string // tasks as NAME[params], or the error
	}{
		{[]string{"a.proc", "5", "X=1", "b.PROC", "Y"}, "a.proc[5 X=1] b.PROC[Y]"},
		{[]string{"a.proc", "LOCAL", "7"}, "a.proc[] LOCAL[7]"},
		{[]string{"a.proc", "dir/b", "7"}, "a.proc[] dir/b[7]"},
		{[]string{"a.proc", "X=1", "5"}, "positional parameter 5 of a.proc comes after a keyword parameter"},
		{[]string{"X=1", "a.proc"}, "parameter X=1 comes before any procedure file"},
		{nil, "no procedure file given"},
		// FILE@SU names the task's server unit; a value with @ stays a value
		{[]string{"a.proc@abgse501", "5", "b.proc@ABGSE701", "VM=X"}, "a.proc@ABGSE501[5] b.proc@ABGSE701[VM=X]"},
		{[]string{"a.proc", "MAIL@HOST", "dir/b@SU7"}, "a.proc[MAIL@HOST] dir/b@SU7[]"},
		{[]string{"a.proc@", "x.proc@TOOLONGNAME"}, "a.proc@[x.proc@TOOLONGNAME]"}, // no SU name: a value
	} {
		tasks, err := taskArgs(tc.args, exists)
		var got []string
		for _, task := range tasks {
			var ps []string
			for _, p := range task.Params {
				if p.Name != "" {
					ps = append(ps, p.Name+"="+p.Value)
				} else {
					ps = append(ps, p.Value)
				}
			}
			name := task.Name
			if task.SU != "" {
				name += "@" + task.SU
			}
			got = append(got, name+"["+strings.Join(ps, " ")+"]")
		}
		text := strings.Join(got, " ")
		if err != nil {
			text = err.Error()
		}
		if !strings.HasPrefix(text, tc.want) {
			t.Errorf("%v: got %q, want %q", tc.args, text, tc.want)
		}
	}
}

// A command the reader could not read (an unknown command, a syntax
// error) is traced and is a JSON command event with its CMD0202, as a
// command that ran and failed is; it left no trace at all.
func TestUnreadableCommandsAreTraced(t *testing.T) {
	dir := t.TempDir()
	p := writeProc(t, dir, "t.proc", "/BOGUS-COMMAND X=1\n/IF-CMD-ERROR\n/END-IF\n/CREATE-FILE FILE-NAME=A..B\n/IF-CMD-ERROR\n/END-IF\n")
	work := filepath.Join(dir, "w")
	_, _, errOut := runCLI("run", "--workdir", work, "--trace", p)
	for _, want := range []string{"t.proc:1:2 level 1: BOGUS-COMMAND X=1  -> (0,1,CMD0202)\n", "t.proc:4:2 level 1: CREATE-FILE FILE-NAME=A..B  -> (0,1,CMD0202)\n"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("trace lacks %q:\n%s", want, errOut)
		}
	}
	_, out, _ := runCLI("run", "--workdir", work, "--format", "json", p)
	var texts []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e struct {
			Event, Text string
			RC          struct{ Main string }
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		if e.Event == "command" && e.RC.Main == "CMD0202" {
			texts = append(texts, e.Text)
		}
	}
	if strings.Join(texts, "|") != "BOGUS-COMMAND X=1|CREATE-FILE FILE-NAME=A..B" {
		t.Errorf("CMD0202 command events: %q\n%s", texts, out)
	}
}
