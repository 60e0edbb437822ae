package ebcdic

import (
	"encoding/binary"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Characters. On BS2000 every character of a value is one EBCDIC byte:
// LENGTH(X'4A') is 1 and a German umlaut is one character [V SDF-P user
// guide, INDEX (UG-289) and VERIFY (UG-363): positions of characters;
// I: that a character is one EBCDIC byte, as BS2000 text is]. sdfp keeps a value as a Go string in
// which each character is the Unicode character that code page 1047 maps
// its byte to. CCSID 1047 maps its 256 bytes one to one onto U+0000..U+00FF
// (the repertoire of ISO 8859-1), so a character is one rune of one or two
// UTF-8 bytes, counting characters is counting runes, the EBCDIC byte of
// a character is a table look-up, and host text (UTF-8) needs no
// conversion at the edges, only a check that it has no rune above U+00FF
// (Valid). [I] the design is sdfp's: keeping EBCDIC bytes in memory would
// mean converting every literal, keyword, message insert and &-replacement.
//
// The rule for code that counts or slices a value: count with Len, cut
// with Slice (or Offset for a byte offset), search with Index/LastIndex
// (character positions), order with Compare, and turn a character into
// its EBCDIC byte with Code. len(s) and s[i:j] are bytes, right only for
// ASCII.

// fromCode maps an EBCDIC byte to its character, toCode a character
// (U+0000..U+00FF) to its EBCDIC byte.
var fromCode, toCode = func() (from [256]rune, to [256]byte) {
	for b := 0; b < 256; b++ {
		r := charmap.CodePage1047.DecodeByte(byte(b))
		from[b] = r
		to[r] = byte(b) // r < 256: code page 1047 is a permutation of Latin-1
	}
	return
}()

// MaxRune is the highest character with an EBCDIC code.
const MaxRune = 0xFF

// Code returns the EBCDIC (code page 1047) byte of character r; false for
// a rune that has none.
func Code(r rune) (byte, bool) {
	if r < 0 || r > MaxRune {
		return 0, false
	}
	return toCode[r], true
}

// Char returns the character of EBCDIC byte b.
func Char(b byte) rune { return fromCode[b] }

// FromBytes turns EBCDIC bytes into a value: one character per byte.
func FromBytes(b []byte) string {
	buf := make([]byte, 0, len(b)+len(b)/4)
	for _, c := range b {
		buf = utf8.AppendRune(buf, fromCode[c])
	}
	return string(buf)
}

// Encode returns the EBCDIC bytes of a value. A character without an
// EBCDIC code (which Valid keeps out of every value) becomes X'3F', the
// substitute character SUB of code page 1047.
func Encode(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		c, ok := Code(r)
		if !ok {
			c = 0x3F
		}
		out = append(out, c)
	}
	return out
}

// ASCII reports whether s is all ASCII, where a byte is a character, so
// that a caller may count and cut it by bytes after asking once
// (SUBSTRING and INDEX would otherwise ask again in each of Len, Slice
// and Index). It tests eight bytes at a time as one word (the conversion to []byte
// of an 8-byte piece copies nothing: the compiler loads the word), and
// ORs the tail's bytes together without a branch a byte: every call of
// Len, Slice and Index asks it, and a byte at a time was a tenth of the
// string benchmark.
func ASCII(s string) bool {
	for len(s) >= 8 {
		if binary.LittleEndian.Uint64([]byte(s[:8]))&0x8080808080808080 != 0 {
			return false
		}
		s = s[8:]
	}
	var b byte
	for i := 0; i < len(s); i++ {
		b |= s[i]
	}
	return b < utf8.RuneSelf
}

// Len is the number of characters of s.
func Len(s string) int {
	if ASCII(s) {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

// Offset is the byte offset of character n (0-based) of s; len(s) when s
// has n characters or fewer, 0 for n < 0.
func Offset(s string, n int) int {
	if n <= 0 {
		return 0
	}
	i := 0
	for ; n > 0 && i < len(s); n-- {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// Slice returns n characters of s from character i (0-based), fewer when
// s ends first; n < 0 takes the rest.
func Slice(s string, i, n int) string {
	if i >= 0 && n >= 0 {
		// ASCII up to the end of the part, where a byte is a character
		end := len(s)
		if n < len(s) && i < len(s)-n {
			end = i + n
		}
		if ASCII(s[:end]) {
			return s[min(i, end):end]
		}
	}
	from := Offset(s, i)
	if n < 0 {
		return s[from:]
	}
	return s[from : from+Offset(s[from:], n)]
}

// charIndex turns byte offset off of s into a character position.
func charIndex(s string, off int) int {
	if off < 0 {
		return off
	}
	return Len(s[:off])
}

// Index is the character position (0-based) of the first sub in s, -1
// when there is none. A match is always on character boundaries: a rune
// is found as itself, never as the tail of another.
func Index(s, sub string) int { return charIndex(s, strings.Index(s, sub)) }

// LastIndex is the character position (0-based) of the last sub in s, -1
// when there is none.
func LastIndex(s, sub string) int { return charIndex(s, strings.LastIndex(s, sub)) }

// Valid checks that s is text with an EBCDIC code for every character:
// well-formed UTF-8 with no rune above U+00FF. It returns the byte
// offset of the first character that is not, and that character
// (utf8.RuneError for a byte that is not UTF-8), or -1.
func Valid(s string) (int, rune) {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r > MaxRune {
			return i, r
		}
		i += size
	}
	return -1, 0
}

// Describe names the character at byte offset off of s for a message
// about it: "'€' (U+20AC)", or "byte X'E4'" where s is not UTF-8.
func Describe(s string, off int) string {
	r, size := utf8.DecodeRuneInString(s[off:])
	if r == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("byte X'%02X'", s[off])
	}
	if r < 0x20 || r >= 0x7F && r < 0xA0 {
		return fmt.Sprintf("%U", r)
	}
	return fmt.Sprintf("'%c' (%U)", r, r)
}

// ToUpper turns the letters of s into capitals where code page 1047 has
// the capital (ä to Ä; ß and ÿ have none and stay), as SDF does with the
// text of an operand that is not written with-low. [I] which letters SDF
// folds beyond a-z is not documented; the Latin-1 letters are folded.
func ToUpper(s string) string {
	if ASCII(s) {
		return strings.ToUpper(s)
	}
	return strings.Map(func(r rune) rune {
		if u := unicode.ToUpper(r); u <= MaxRune {
			return u
		}
		return r
	}, s)
}
