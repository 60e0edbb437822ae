package golden

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

func parseCase(path, text string) *Case {
	return &Case{Path: path, Name: path, Archive: txtar.Parse([]byte(text))}
}

// One inserted line shows as one "+" line between context lines, not as
// every later line changed.
func TestDiffInsertedLine(t *testing.T) {
	want := "A\nB\nC\nD\nE\nF\nG\nH\n"
	got := "A\nB\nC\nNEW\nD\nE\nF\nG\nH\n"
	d := LineDiff(want, got)
	wantDiff := "--- want\n+++ got\n@@ -1,6 +1,7 @@\n A\n B\n C\n+NEW\n D\n E\n F\n"
	if d != wantDiff {
		t.Errorf("diff:\n%s\nwant:\n%s", d, wantDiff)
	}
	if LineDiff(want, want) != "" {
		t.Errorf("equal texts differ")
	}
}

func TestMismatches(t *testing.T) {
	c := parseCase("x.txtar", "What it shows.\n-- main.proc --\n/WRITE-TEXT 'A'\n-- sysout --\nA\nB\n-- jv:JV.X --\n\"v\" monitor=\"\"\n")
	out := Outcome{"sysout": "A\nC\n", "result": "rc (0,0,CMD0001)\n", "jv:JV.X": "\"v\" monitor=\"\"\n", "console": "08:00:00 X hello\n"}
	ms := c.Mismatches(out)
	var got []string
	for _, m := range ms {
		got = append(got, fmt.Sprintf("%s missing=%v line=%d", m.Section, m.Missing, m.Line))
	}
	// sysout differs at line 6 ("B"); result and console are missing
	// from the case while the run gave them.
	want := []string{"sysout missing=false line=6", "result missing=true line=1", "console missing=true line=1"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("mismatches: %q\nwant %q", got, want)
	}
	r := ms[0].Render(c.Path, false)
	for _, w := range []string{"section sysout differs at x.txtar:6\n", "--- expected (section sysout of the case)\n+++ this run\n", "-B\n+C\n"} {
		if !strings.Contains(r, w) {
			t.Errorf("render lacks %q:\n%s", w, r)
		}
	}
	if r := ms[1].Render(c.Path, false); r != "section result missing from x.txtar; this run gave:\n@@ -0,0 +1,1 @@\n+rc (0,0,CMD0001)\n" {
		t.Errorf("missing section rendered as:\n%s", r)
	}
	if r := ms[0].Render(c.Path, true); !strings.Contains(r, colorRed+"-B"+colorReset+"\n") || !strings.Contains(r, colorGreen+"+C"+colorReset+"\n") {
		t.Errorf("colour render:\n%q", r)
	}
	// The compatibility form renders the same, without colour.
	if d := c.Diff(out); len(d) != 3 || d[0] != ms[0].Render(c.Path, false) {
		t.Errorf("Diff: %q", d)
	}
}

// A run that writes to the console fails a case without a console
// section, and -update adds one.
func TestConsoleWithoutSection(t *testing.T) {
	c := parseCase("c.txtar", "-- main.proc --\n/SEND-MSG TO=*OPERATOR,MSG='HELLO'\n-- sysout --\n-- result --\nrc (0,0,CMD0001)\n")
	out, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if out["console"] == "" {
		t.Fatal("SEND-MSG wrote nothing to the console")
	}
	ms := c.Mismatches(out)
	if len(ms) == 0 || ms[len(ms)-1].Section != "console" || !ms[len(ms)-1].Missing {
		t.Errorf("mismatches %+v", ms)
	}
}

func TestDiffBounded(t *testing.T) {
	var want, got strings.Builder
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&want, "want %d\n", i)
		fmt.Fprintf(&got, "got %d\n", i)
	}
	d := LineDiff(want.String(), got.String())
	if n := strings.Count(d, "\n"); n > maxDiffLines+3 || !strings.Contains(d, "more line(s) of the diff not shown") {
		t.Errorf("%d lines:\n%s", n, d[len(d)-200:])
	}
}

func TestSectionLine(t *testing.T) {
	c := parseCase("l.txtar", "line 1\nline 2\n-- a.proc --\n/A\n/B\n-- sysout --\nX\n-- b --\n")
	for name, want := range map[string]int{"a.proc": 3, "sysout": 6, "b": 8, "none": 0} {
		if got := c.sectionLine(name); got != want {
			t.Errorf("sectionLine(%s) = %d, want %d", name, got, want)
		}
	}
}
