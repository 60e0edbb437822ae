package lexer

import (
	"strings"
	"testing"
)

// oldSnippet is the snippet as it was before windows: the whole line,
// found by counting lines. For a line that fits the window, Snippet must
// give the same.
func oldSnippet(src string, pos Pos) string {
	src = src[bomLen(src):]
	lines := strings.Split(src, "\n")
	if pos.Line < 1 || pos.Line > len(lines) {
		return ""
	}
	line := strings.TrimSuffix(lines[pos.Line-1], "\r")
	col := min(max(pos.Column, 1), len(line)+1)
	pad := strings.Map(func(r rune) rune {
		if r == '\t' {
			return '\t'
		}
		return ' '
	}, line[:col-1])
	return "   | " + line + "\n   | " + pad + "^\n"
}

// FuzzSnippet: a snippet found by offset is the one found by line
// number; it is the old whole-line snippet when the line fits the
// window, and bounded when it does not.
func FuzzSnippet(f *testing.F) {
	f.Add("/A = 1\n/IF (X = '12')\n", 2, 6)
	f.Add("\xEF\xBB\xBF/A = 1\r\n/B\n", 1, 3)
	f.Add("/"+strings.Repeat("é", 100)+"\n", 1, 80)
	f.Add("/\tA\t= 1", 1, 4)
	f.Fuzz(func(t *testing.T, src string, line, col int) {
		if line < 1 || line > 1000 || col < 1 {
			return
		}
		start, ok := lineStartByNumber(src, line)
		if !ok || start > len(src) {
			return
		}
		text := src[start:]
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			text = text[:i]
		}
		col = min(col, len(text)+1)
		pos := Pos{Line: line, Column: col, Offset: start + col - 1}
		got := Snippet(src, pos)
		if byLine := Snippet(src, Pos{Line: line, Column: col, Offset: len(src) + 1}); got != byLine {
			t.Fatalf("by offset %q, by line %q", got, byLine)
		}
		if len(strings.TrimSuffix(text, "\r")) <= snippetBefore+snippetAfter-1 {
			if want := oldSnippet(src, pos); got != want {
				t.Fatalf("got %q, want %q", got, want)
			}
		}
		if len(got) > 2*(5+3+snippetBefore+snippetAfter+3+4)+2 {
			t.Fatalf("snippet of %d bytes for a line of %d", len(got), len(text))
		}
	})
}
