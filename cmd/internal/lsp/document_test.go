package lsp

import (
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"sdfp/lexer"
)

// The reader counts bytes, LSP counts UTF-16 code units: an umlaut is two
// bytes and one unit, a character beyond the BMP four bytes and two units.
func TestPositionsInUTF16(t *testing.T) {
	tx := newText("/W 'ä😀' X\r\n/B\n")
	for _, tc := range []struct {
		col  int // byte column, 1-based
		want protocol.Position
	}{
		{1, at(0, 0)}, {4, at(0, 3)}, {7, at(0, 5)}, {11, at(0, 7)}, {13, at(0, 9)}, {99, at(0, 10)},
	} {
		if got := tx.pos(lexer.Pos{Line: 1, Column: tc.col}); got != tc.want {
			t.Errorf("byte column %d: %+v, want %+v", tc.col, got, tc.want)
		}
	}
	if got := tx.offset(at(0, 7)); got != 10 {
		t.Errorf("offset of 0:7 is %d, want 10", got)
	}
	if got := tx.position(15); got != at(1, 0) {
		t.Errorf("position of byte 15: %+v", got)
	}
	// replace the emoji (units 5..7) by a letter, then insert a line
	src := apply(tx.src, protocol.TextDocumentContentChangeEvent{Range: &protocol.Range{Start: at(0, 5), End: at(0, 7)}, Text: "o"})
	src = apply(src, protocol.TextDocumentContentChangeEvent{Range: &protocol.Range{Start: at(1, 0), End: at(1, 0)}, Text: "/A\n"})
	if want := "/W 'äo' X\r\n/A\n/B\n"; src != want {
		t.Errorf("after the edits %q, want %q", src, want)
	}
}
