// Package diagtest checks diagnostics against expectations written in the
// procedure itself, in the manner of starlark's chunkedfile tests: an SDF
// comment "### regexp" on a line says that a diagnostic matching regexp
// (its code and message) must be reported for that line, and a reported
// diagnostic without such a comment is a failure.
package diagtest

import (
	"regexp"
	"strings"
	"testing"

	"sdfp/lexer"
)

var expectation = regexp.MustCompile(`"### (.*?)"`)

// Check compares diagnostics with the expectations in src.
func Check(t testing.TB, src string, errs []*lexer.Error) {
	t.Helper()
	want := map[int][]*regexp.Regexp{}
	for i, line := range strings.Split(src, "\n") {
		for _, m := range expectation.FindAllStringSubmatch(line, -1) {
			re, err := regexp.Compile(m[1])
			if err != nil {
				t.Fatalf("line %d: bad expectation %q: %v", i+1, m[1], err)
			}
			want[i+1] = append(want[i+1], re)
		}
	}
	for _, e := range errs {
		msg := e.Code + " " + e.Msg
		matched := false
		for i, re := range want[e.Pos.Line] {
			if re != nil && re.MatchString(msg) {
				want[e.Pos.Line][i] = nil
				matched = true
				break
			}
		}
		if !matched {
			t.Errorf("unexpected diagnostic %s", e)
		}
	}
	for line, res := range want {
		for _, re := range res {
			if re != nil {
				t.Errorf("line %d: no diagnostic matching %q", line, re)
			}
		}
	}
}
