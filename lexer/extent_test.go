package lexer

import "testing"

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
