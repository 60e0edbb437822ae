package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// jsonEvents decodes the --format json lines of out.
func jsonEvents(t *testing.T, out string) []map[string]any {
	t.Helper()
	var evs []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var ev map[string]any
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		evs = append(evs, ev)
	}
	return evs
}

// Issue 14: errors go to stderr and SYSOUT to stdout, whatever ends the
// run: the summary of a failed run, a limit, a syntax error.
func TestRunErrorsToStderr(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ name, src, errWant string }{
		{"fail", "/WRITE-TEXT 'BEFORE'\n/A = 1 / 0\n", "ended with an error: MAINCODE SDP0091"},
		{"limit", "/WRITE-TEXT 'BEFORE'\n/WHILE (TRUE); END-WHILE\n", "was stopped"},
	} {
		p := writeProc(t, dir, tt.name+".proc", tt.src)
		_, out, errOut := runCLI("run", "--workdir", filepath.Join(dir, "w"), "--max-steps", "100", p)
		if strings.Contains(out, "sdfp:") || !strings.HasPrefix(out, "BEFORE\n") || !strings.Contains(errOut, tt.errWant) {
			t.Errorf("%s: stdout %q, stderr %q", tt.name, out, errOut)
		}
	}
}

// Issue 14: in JSON every event carries the task and the virtual time,
// syntax errors included (nothing was printed on stdout for them).
func TestRunJSONTaskAndTime(t *testing.T) {
	dir := t.TempDir()
	a := writeProc(t, dir, "a.proc", "/X = 1\n/WAIT-EVENT *TIME(TIME-LIMIT=90)\n/WRITE-TEXT 'A'\n")
	b := writeProc(t, dir, "b.proc", "/WRITE-TEXT 'B'\n/A = 1 / 0\n")
	code, out, _ := runCLI("run", "--workdir", filepath.Join(dir, "w"), "--format", "json", a, b)
	if code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	sawLate := false
	for _, ev := range jsonEvents(t, out) {
		task, okTask := ev["task"].(string)
		tm, okTime := ev["time"].(string)
		if !okTask || !okTime {
			t.Fatalf("event without task or time: %v", ev)
		}
		if _, err := time.Parse(time.RFC3339, tm); err != nil {
			t.Errorf("time %q: %v", tm, err)
		}
		switch ev["event"] {
		case "sysout", "command", "variable", "result":
			if task != "0001" && task != "0002" {
				t.Errorf("%v: task %q", ev["event"], task)
			}
		}
		if ev["event"] == "sysout" && ev["text"] == "A" {
			sawLate = task == "0001" && tm == "2026-01-01T08:01:30Z"
		}
	}
	if !sawLate {
		t.Errorf("no SYSOUT A of task 0001 at 08:01:30 in\n%s", out)
	}

	bad := writeProc(t, dir, "bad.proc", "/IF (A = 1)\n")
	code, out, errOut := runCLI("run", "--workdir", filepath.Join(dir, "w"), "--format", "json", bad)
	evs := jsonEvents(t, out)
	if code != exitUsage || errOut != "" || len(evs) != 1 || evs[0]["event"] != "syntax-error" ||
		evs[0]["line"] != float64(1) || evs[0]["task"] != "0001" || evs[0]["time"] != "2026-01-01T08:00:00Z" ||
		!strings.Contains(evs[0]["text"].(string), "END-IF") {
		t.Errorf("syntax error: exit %d, %q, stderr %q", code, out, errOut)
	}
	// in text form it is on stderr, as sdfp check shows it
	code, out, errOut = runCLI("run", "--workdir", filepath.Join(dir, "w"), bad)
	if code != exitUsage || out != "" || !strings.Contains(errOut, "bad.proc:") {
		t.Errorf("syntax error, text: exit %d, %q, %q", code, out, errOut)
	}
}

// Issue 14: the JSON dry-run event lists each file with its size, and
// the content of a new file or a diff against the workdir's.
func TestRunDryRunStructured(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "w")
	p := writeProc(t, dir, "lst.proc", "/DECLARE-PARAMETER T\n/ASSIGN-SYSLST LST.X\n/WRITE-TEXT 'ONE',OUTPUT=*SYSLST\n/WRITE-TEXT '&T',OUTPUT=*SYSLST\n/ASSIGN-SYSLST *PRIMARY\n")
	if code, _, errOut := runCLI("run", "--workdir", work, p, "T=TWO"); code != exitOK {
		t.Fatalf("run: %d %s", code, errOut)
	}
	code, out, _ := runCLI("run", "--workdir", work, "--dry-run", "--format", "json", p, "T=THREE")
	var writes []any
	for _, ev := range jsonEvents(t, out) {
		if ev["event"] == "dry-run" {
			writes, _ = ev["writes"].([]any)
		}
	}
	if code != exitOK || len(writes) != 1 {
		t.Fatalf("exit %d, writes %v in %s", code, writes, out)
	}
	w := writes[0].(map[string]any)
	diff, _ := w["diff"].(string)
	if w["path"] != "LST.X" || w["new"] != false || w["bytes"] != float64(len("ONE\nTHREE\n")) ||
		!strings.Contains(diff, "-TWO\n+THREE\n") || !strings.Contains(diff, " ONE\n") {
		t.Errorf("write %v", w)
	}
	// a file the workdir lacks comes with its content
	code, out, _ = runCLI("run", "--workdir", filepath.Join(dir, "fresh"), "--dry-run", "--format", "json", p, "T=NEW")
	if code != exitOK || !strings.Contains(out, `"content":"ONE\nNEW\n"`) || !strings.Contains(out, `"new":true`) {
		t.Errorf("new file: exit %d, %s", code, out)
	}
}

// Issue 14: `--trace FILE` took FILE for the procedure; it is refused
// with the two unambiguous forms, and --trace-file FILE works.
func TestRunTraceFile(t *testing.T) {
	dir := t.TempDir()
	p := writeProc(t, dir, "p.proc", "/WRITE-TEXT 'HI'\n")
	trace := filepath.Join(dir, "trace.log")
	code, out, errOut := runCLI("run", "--workdir", filepath.Join(dir, "w"), "--trace", trace, p)
	if code != exitUsage || out != "" || !strings.Contains(errOut, "--trace-file "+trace) {
		t.Errorf("--trace FILE: exit %d, %q %q", code, out, errOut)
	}
	if _, err := os.Stat(trace); err == nil {
		t.Errorf("--trace FILE created the file")
	}
	for _, args := range [][]string{{"--trace-file", trace}, {"--trace=" + trace}} {
		os.Remove(trace)
		code, out, errOut = runCLI(append(append([]string{"run", "--workdir", filepath.Join(dir, "w")}, args...), p)...)
		data, _ := os.ReadFile(trace)
		if code != exitOK || out != "HI\n" || errOut != "" || !strings.Contains(string(data), "WRITE-TEXT") {
			t.Errorf("%v: exit %d, %q %q, trace %q", args, code, out, errOut, data)
		}
	}
	// --trace=false traces nothing (it made a file named "false")
	code, out, errOut = runCLI("run", "--workdir", filepath.Join(dir, "w"), "--trace=false", p)
	if _, err := os.Stat("false"); err == nil || code != exitOK || errOut != "" {
		os.Remove("false")
		t.Errorf("--trace=false: exit %d, %q %q", code, out, errOut)
	}
	// a bare --trace before a .proc file still traces to stderr
	code, out, errOut = runCLI("run", "--workdir", filepath.Join(dir, "w"), "--trace", p)
	if code != exitOK || out != "HI\n" || !strings.Contains(errOut, "WRITE-TEXT") {
		t.Errorf("--trace p.proc: exit %d, %q %q", code, out, errOut)
	}
}

// Issue 14: an endless WAIT-EVENT *TIME loop costs few steps; the
// default virtual-time limit ends it with exit status 3, and the flag
// raises it.
func TestRunDefaultVirtualTimeLimit(t *testing.T) {
	dir := t.TempDir()
	p := writeProc(t, dir, "w.proc", "/WHILE (TRUE)\n/  WAIT-EVENT *TIME(TIME-LIMIT=600)\n/END-WHILE\n")
	code, _, errOut := runCLI("run", "--workdir", filepath.Join(dir, "w"), p)
	if code != exitLimit || !strings.Contains(errOut, "VIRTUAL TIME LIMIT 2026-01-02 08:00:00") {
		t.Errorf("default: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCLI("run", "--workdir", filepath.Join(dir, "w"), "--max-virtual-time", "72h", p)
	if code != exitLimit || !strings.Contains(errOut, "VIRTUAL TIME LIMIT 2026-01-04 08:00:00") {
		t.Errorf("72h: exit %d, %q", code, errOut)
	}
}

// Issue 14: sdfp --version and sdfp version print the build information.
func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		code, out, _ := runCLI(args...)
		if code != exitOK || !strings.HasPrefix(out, "sdfp ") || !strings.Contains(out, "built with go") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	bi := &debug.BuildInfo{GoVersion: "go1.25.3", Main: debug.Module{Version: "v1.2.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.time", Value: "2026-01-01T00:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	want := "sdfp v1.2.0\nrevision abc123 (modified)\ncommit time 2026-01-01T00:00:00Z\nbuilt with go1.25.3\n"
	if got := versionInfo(bi, true); got != want {
		t.Errorf("versionInfo:\n%s\nwant\n%s", got, want)
	}
}

// Issue 14: the progress line appears only after a second of wall time,
// is rewritten in place and cleared at the end; without a terminal
// there is none.
func TestProgressLine(t *testing.T) {
	if newProgress(os.Stderr) != nil && !isTerminalFile(os.Stderr) {
		t.Fatal("progress on a non-terminal")
	}
	var b strings.Builder
	wall := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := newProgressTo(&b, func() time.Time { return wall })
	h := p.hook("0001")
	vt := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	h(1024, vt)
	if b.Len() != 0 {
		t.Fatalf("shown at once: %q", b.String())
	}
	wall = wall.Add(2 * time.Second)
	h(2048, vt)
	if got := b.String(); got != "\r\x1b[Ksdfp: virtual time 2026-01-01 09:00:00, 2048 steps, 2s" {
		t.Errorf("progress %q", got)
	}
	p.done()
	if !strings.HasSuffix(b.String(), "2s\r\x1b[K") {
		t.Errorf("not cleared: %q", b.String())
	}
}

// With --format json a run that cannot start says why as an event too
// (a missing procedure file here), not only on stderr.
func TestJSONUsageErrorEvent(t *testing.T) {
	for _, c := range []struct {
		args []string
		text string
	}{
		{[]string{"no-such.proc"}, "no-such.proc"},
		{[]string{"--lang", "X", "no-such.proc"}, `--lang must be E or D, not "X"`}, // it was on stderr only
		{[]string{"--start", "yesterday", "no-such.proc"}, `--start: "yesterday"`},
	} {
		code, out, errOut := runCLI(append([]string{"run", "--format", "json", "--workdir", t.TempDir()}, c.args...)...)
		if code != exitUsage || !strings.Contains(errOut, c.text) {
			t.Fatalf("%v: exit %d, stderr %q", c.args, code, errOut)
		}
		var ev map[string]any
		if err := json.Unmarshal([]byte(out), &ev); err != nil || ev["event"] != "usage-error" || !strings.Contains(ev["text"].(string), c.text) {
			t.Errorf("%v: stdout %q (%v)", c.args, out, err)
		}
	}
}

// A report file in a directory that is not there is refused before the
// run (--timeline ran the whole run, then failed with exit 4 naming a
// temporary file), and so are --html and --junit.
func TestReportFileDirectoryCheckedFirst(t *testing.T) {
	dir := t.TempDir()
	p := writeProc(t, dir, "p.proc", "/WRITE-TEXT 'RAN'\n")
	missing := filepath.Join(dir, "no-such-dir", "r.html")
	for _, args := range [][]string{
		{"run", "--workdir", filepath.Join(dir, "w"), "--timeline", missing, p},
		{"explore", "--html", missing, p},
		{"test", "--junit", missing, "../../testdata/lang/goto.txtar"},
	} {
		code, out, errOut := runCLI(args...)
		if code != exitUsage || strings.Contains(out, "RAN") || !strings.Contains(errOut, missing+": directory "+filepath.Dir(missing)+" is not there") {
			t.Errorf("%v: exit %d, %q, %q", args[:2], code, out, errOut)
		}
	}
}
