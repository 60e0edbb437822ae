// Package ebcdic orders strings as BS2000 does: byte by byte in EBCDIC
// (CCSID 1047). It is a leaf, so the interpreter, the builtin functions and
// the job environment (JV conditions of WAIT-EVENT) share one collation,
// and one notion of a character (chars.go).
package ebcdic

import (
	"encoding/hex"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// order is the collating weight of character r: its EBCDIC byte. A rune
// without one (never in a value, see Valid) sorts after every character.
func order(r rune) int {
	if c, ok := Code(r); ok {
		return int(c)
	}
	return 256 + int(r)
}

// Compare compares two strings in EBCDIC order, character by character
// from the left: the first differing character decides by its EBCDIC
// code; a string that is a prefix of the other is the smaller (no blank
// padding) [V in the spec notes (sdfp-syntax.md §4.3, from BS2000
// Commands "Expressions"); the SDF-P Benutzerhandbuch page
// "Vergleichsoperatoren" (UGde-214), read this session, gives the rule
// that both operands have one type, its string paragraph was not in
// the stored excerpt]. It returns -1, 0 or 1.
func Compare(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		if x < utf8.RuneSelf && y < utf8.RuneSelf {
			if x != y {
				return sign(int(toCode[x]) - int(toCode[y]))
			}
			i++
			j++
			continue
		}
		ra, na := utf8.DecodeRuneInString(a[i:])
		rb, nb := utf8.DecodeRuneInString(b[j:])
		if ra != rb {
			return sign(order(ra) - order(rb))
		}
		i += na
		j += nb
	}
	switch {
	case i < len(a):
		return 1
	case j < len(b):
		return -1
	}
	return 0
}

func sign(d int) int {
	switch {
	case d < 0:
		return -1
	case d > 0:
		return 1
	}
	return 0
}

// DecodeHex turns the validated hex digits of an X-string in a command
// operand into a value. An odd count is padded with a zero half-byte on
// the RIGHT: job variable values in commands are written as assembler
// constants, and "hexadecimal constants of uneven length are padded on
// the right with a binary zero" [V JV user guide, "Values of the user job
// variables"], so MODIFY-JV SET-VALUE=X'0FF' sets X'0FF0'. [I] other
// x-string operands (passwords) follow the same rule. The bytes are
// EBCDIC: X'C8' is "H".
func DecodeHex(digits string) string {
	if len(digits)%2 == 1 {
		digits += "0"
	}
	return fromHex(digits)
}

// DecodeHexLiteral turns the validated hex digits of an X-string literal
// of an SDF-P expression into a value. An odd count is padded with a zero
// half-byte on the LEFT: X'123' is X'0123' [V in the spec notes
// (sdfp-syntax.md, <x-string>), from the SDF-P Benutzerhandbuch page
// "String-Literale" (UGde-204); that page was not in the stored corpus
// this session, so the rule is theirs].
func DecodeHexLiteral(digits string) string {
	if len(digits)%2 == 1 {
		digits = "0" + digits
	}
	return fromHex(digits)
}

func fromHex(digits string) string {
	b, err := hex.DecodeString(digits)
	if err != nil {
		return ""
	}
	return FromBytes(b)
}

// Decode converts EBCDIC text (code page 1047) to UTF-8, for showing
// what a file in EBCDIC says.
func Decode(b string) string {
	text, err := charmap.CodePage1047.NewDecoder().String(b)
	if err != nil {
		return b
	}
	return text
}
