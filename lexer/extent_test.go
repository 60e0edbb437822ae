package lexer

import (
	"strings"
	"testing"
)

func TestEnd(t *testing.T) {
	src := "/SHOW-VM-ATRIBUTES VM-ID=2\n/A = 'IT''S' + B\n/X = (1)\n"
	for _, tc := range []struct {
		line, col int
		want      int // the end column
	}{
		{1, 2, 19},  // SHOW-VM-ATRIBUTES
		{1, 20, 25}, // VM-ID, not the = after it
		{2, 6, 13},  // 'IT''S'
		{3, 6, 7},   // (
		{3, 9, 9},   // the line end: nothing
		{9, 1, 1},   // no such line
	} {
		pos := Pos{Line: tc.line, Column: tc.col}
		if off, ok := lineStartByNumber(src, tc.line); ok {
			pos.Offset = off + tc.col - 1
		}
		if got := End(src, pos); got.Column != tc.want || got.Line != tc.line {
			t.Errorf("End(%d:%d) = %d:%d, want %d:%d", tc.line, tc.col, got.Line, got.Column, tc.line, tc.want)
		}
	}
}

// End never panics and never leaves the line of its position.
func FuzzEnd(f *testing.F) {
	f.Add("/A = 'X''Y'\n/B\n", 1, 6, 5)
	f.Add("\xEF\xBB\xBF/ü\r\n", 1, 3, 5)
	f.Fuzz(func(t *testing.T, src string, line, col, off int) {
		pos := Pos{Line: line, Column: col, Offset: off}
		end := End(src, pos)
		if end.Line != pos.Line || end.Column < pos.Column {
			t.Fatalf("End(%+v) = %+v", pos, end)
		}
		if end.Column == pos.Column {
			return
		}
		from := end.Offset - (end.Column - pos.Column) // the word's start, as End found it
		if from < 0 || end.Offset > len(src) || strings.ContainsAny(src[from:end.Offset], "\r\n") {
			t.Fatalf("End(%+v) = %+v crosses a line end or leaves the source", pos, end)
		}
	})
}
