package lsp

import (
	"sort"
	"strings"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"sdfp/lexer"
)

// text is a document's content with the byte offset of each line, for
// turning LSP positions (line, UTF-16 code units) into byte offsets and
// back; the reader's positions count bytes (lexer.Pos.Column).
type text struct {
	src   string
	lines []int // byte offset of each line's first character
}

func newText(src string) *text {
	t := &text{src: src, lines: []int{0}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	return t
}

// line returns line n (0-based) without its line end; "" past the end.
func (t *text) line(n int) string {
	if n < 0 || n >= len(t.lines) {
		return ""
	}
	end := len(t.src)
	if n+1 < len(t.lines) {
		end = t.lines[n+1] - 1
	}
	return strings.TrimSuffix(t.src[t.lines[n]:end], "\r")
}

// offset turns an LSP position into a byte offset, clamped to the text:
// a character past the line's end is its end, a line past the last is
// the text's end.
func (t *text) offset(p protocol.Position) int {
	if int(p.Line) >= len(t.lines) {
		return len(t.src)
	}
	start := t.lines[p.Line]
	l := t.line(int(p.Line))
	return start + byteColumn(l, int(p.Character))
}

// byteColumn is the byte index in l of the UTF-16 column u.
func byteColumn(l string, u int) int {
	n := 0
	for i, r := range l {
		if n >= u {
			return i
		}
		n += utf16Len(r)
	}
	return len(l)
}

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// position turns a byte offset into an LSP position.
func (t *text) position(off int) protocol.Position {
	off = min(max(off, 0), len(t.src))
	n := sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off }) - 1
	return protocol.Position{Line: protocol.UInteger(n), Character: protocol.UInteger(utf16Count(t.src[t.lines[n]:off]))}
}

func utf16Count(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Len(r)
	}
	return n
}

// pos turns a reader position (1-based line, 1-based byte column) into an
// LSP position.
func (t *text) pos(p lexer.Pos) protocol.Position {
	line := max(p.Line-1, 0)
	if line >= len(t.lines) {
		return t.position(len(t.src))
	}
	l := t.line(line)
	col := min(max(p.Column-1, 0), len(l))
	return protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(utf16Count(l[:col]))}
}

// lineRange is the range of a line's text, from its first to its last
// character.
func (t *text) lineRange(line int) protocol.Range {
	return protocol.Range{Start: protocol.Position{Line: protocol.UInteger(line)},
		End: protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(utf16Count(t.line(line)))}}
}

// apply makes one change of a didChange notification: a range replaced,
// or the whole text when the change has no range.
func apply(src string, change any) string {
	switch c := change.(type) {
	case protocol.TextDocumentContentChangeEvent:
		if c.Range == nil {
			return c.Text
		}
		t := newText(src)
		from, to := t.offset(c.Range.Start), t.offset(c.Range.End)
		if to < from {
			from, to = to, from
		}
		return src[:from] + c.Text + src[to:]
	case protocol.TextDocumentContentChangeEventWhole:
		return c.Text
	}
	return src
}
