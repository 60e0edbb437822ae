package lexer

import (
	"strings"
	"unicode/utf8"

	"sdfp/lexer/ebcdic"
)

// Character set. A procedure on BS2000 is EBCDIC (code page 1047), and
// sdfp reads it as UTF-8 host text in which each character stands for one
// EBCDIC byte (package lexer/ebcdic). Reading is where host text meets
// BS2000, so the reader checks it: a character that has no EBCDIC code
// (any rune above U+00FF, a euro sign, a typographic quote) could not be
// written to a BS2000 file, and is reported where it stands instead of
// being changed silently. A file that is not UTF-8 at all, as one in an
// 8-bit code page such as Latin-1 is, is reported at its first such byte
// with the conversion to use: which 8-bit code page it is cannot be told
// from the bytes, so sdfp does not guess. [I] sdfp's rule; BS2000 itself
// never sees host text.

// charsetProblems reports the characters of src (after a byte order
// mark) that have no EBCDIC code, each at its position. It returns false
// when src is not UTF-8: then only the first bad byte is reported, and
// the file is not read.
func charsetProblems(file, src string, d *Diagnostics) bool {
	for off := bomLen(src); off < len(src) && !d.Full(); {
		i, _ := ebcdic.Valid(src[off:])
		if i < 0 {
			return true
		}
		off += i
		pos := positionOf(file, src, off)
		what := ebcdic.Describe(src, off)
		if r, size := utf8.DecodeRuneInString(src[off:]); r != utf8.RuneError || size > 1 {
			d.Add(Errorf(pos, CodeSyntax, "the character %s has no EBCDIC code (code page 1047), so BS2000 cannot hold it; write it as an X-string or leave it out", what))
			off += size
			continue
		}
		d.Add(Errorf(pos, CodeFile, "%s is not UTF-8: the file is in an 8-bit code page such as Latin-1%s"+
			"convert it, for example with iconv -f LATIN1 -t UTF-8", what, readAs))
		return false
	}
	return true
}

// positionOf is the position of byte offset off of src; columns count
// bytes, as everywhere in the reader, from after a byte order mark.
func positionOf(file, src string, off int) Pos {
	start := strings.LastIndexByte(src[:off], '\n') + 1
	col := off - start + 1
	if start == 0 {
		col -= bomLen(src)
	}
	return Pos{Filename: file, Offset: off, Line: strings.Count(src[:off], "\n") + 1, Column: col}
}
