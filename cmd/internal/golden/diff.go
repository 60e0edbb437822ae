package golden

import (
	"fmt"
	"strings"

	"github.com/rogpeppe/go-internal/diff"
)

// Mismatch is one expected section of a case that a run did not
// reproduce.
type Mismatch struct {
	Section string // the section's name: sysout, result, jv:JV.X ...
	Want    string // the case's text of the section ("" when Missing)
	Got     string // what the run gave
	// Missing: the case has no such section, so there is nothing to
	// compare with (a case without sysout whose run printed something).
	Missing bool
	// Line is the line of the case file where the first difference
	// is: the first expected line that differs, or the line after the
	// section when the run gave more; for a missing section, 1.
	Line int
}

// Mismatches compares an outcome with the case's expected sections and
// returns one Mismatch per differing section, in the case's order (empty
// when the case passes).
func (c *Case) Mismatches(out Outcome) []Mismatch {
	var ms []Mismatch
	for _, name := range c.expected(out) {
		want, has := c.section(name)
		got := out[name]
		if got == want {
			continue
		}
		m := Mismatch{Section: name, Want: want, Got: got, Missing: !has, Line: 1}
		if has {
			m.Line = c.sectionLine(name) + 1 + firstDifference(want, got)
		}
		ms = append(ms, m)
	}
	return ms
}

// Diff compares an outcome with the case's expected sections and returns
// one rendered message per differing section, without colour (empty when
// the case passes).
func (c *Case) Diff(out Outcome) []string {
	var diffs []string
	for _, m := range c.Mismatches(out) {
		diffs = append(diffs, m.Render(c.Path, false))
	}
	return diffs
}

// sectionLine is the line of the case file that holds the marker
// "-- name --" of a section, 0 if there is none. txtar.Parse ends the
// comment and every section with a newline, so counting them gives the
// lines of the file.
func (c *Case) sectionLine(name string) int {
	line := 1 + strings.Count(string(c.Archive.Comment), "\n")
	for _, f := range c.Archive.Files {
		if f.Name == name {
			return line
		}
		line += 1 + strings.Count(string(f.Data), "\n")
	}
	return 0
}

// firstDifference is the index of the first line in which want and got
// differ (len of want's lines when got only adds lines).
func firstDifference(want, got string) int {
	w := strings.SplitAfter(want, "\n")
	g := strings.SplitAfter(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	return i
}

// maxDiffLines bounds the lines of one section's diff, so that a run
// that prints something else entirely does not flood the terminal.
const maxDiffLines = 200

// ANSI colours of a diff, as git colours its diffs.
const (
	colorBold  = "\x1b[1m"
	colorRed   = "\x1b[31m"
	colorGreen = "\x1b[32m"
	colorCyan  = "\x1b[36m"
	colorReset = "\x1b[0m"
)

// Render shows a mismatch as a unified diff with three lines of context
// under a legend that says which side is which: "-" lines are the case's
// (expected), "+" lines this run's. casePath names the case file;
// colour adds ANSI colours.
func (m Mismatch) Render(casePath string, colour bool) string {
	var b strings.Builder
	if m.Missing {
		paint(&b, colour, colorBold, fmt.Sprintf("section %s missing from %s; this run gave:", m.Section, casePath))
		writeHunks(&b, "", m.Got, colour)
		return b.String()
	}
	paint(&b, colour, colorBold, fmt.Sprintf("section %s differs at %s:%d", m.Section, casePath, m.Line))
	paint(&b, colour, colorBold, "--- expected (section "+m.Section+" of the case)")
	paint(&b, colour, colorBold, "+++ this run")
	writeHunks(&b, m.Want, m.Got, colour)
	return b.String()
}

// LineDiff renders the difference of two texts as a unified diff without
// colour, "-" lines from want, "+" lines from got ("" when they are equal).
func LineDiff(want, got string) string {
	if want == got {
		return ""
	}
	var b strings.Builder
	b.WriteString("--- want\n+++ got\n")
	writeHunks(&b, want, got, false)
	return b.String()
}

// writeHunks writes the hunks of the unified diff of two texts, with three
// lines of context: go-internal's diff, an LCS of the lines that occur once
// on each side (the patience diff), which keeps an inserted line from
// showing every later line as changed.
func writeHunks(b *strings.Builder, want, got string, colour bool) {
	out := string(diff.Diff("want", []byte(want), "got", []byte(got)))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	// The diff starts with "diff", "---" and "+++" lines naming the
	// sides; the caller's legend says it better.
	if len(lines) < 3 {
		return
	}
	lines = lines[3:]
	for i, l := range lines {
		if i == maxDiffLines {
			fmt.Fprintf(b, "... %d more line(s) of the diff not shown\n", len(lines)-i)
			return
		}
		code := ""
		switch {
		case strings.HasPrefix(l, "@@"):
			code = colorCyan
		case strings.HasPrefix(l, "-"):
			code = colorRed
		case strings.HasPrefix(l, "+"):
			code = colorGreen
		}
		paint(b, colour, code, l)
	}
}

// paint writes a line, in the colour code when colour is on.
func paint(b *strings.Builder, colour bool, code, line string) {
	if colour && code != "" && line != "" {
		line = code + line + colorReset
	}
	b.WriteString(line + "\n")
}
