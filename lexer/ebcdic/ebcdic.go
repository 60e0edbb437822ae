// Package ebcdic orders strings as BS2000 does: byte by byte in EBCDIC
// (CCSID 1047). It is a leaf, so the interpreter, the builtin functions and
// the job environment (JV conditions of WAIT-EVENT) share one collation.
package ebcdic

import (
	"encoding/hex"

	"golang.org/x/text/encoding/charmap"
)

// EBCDIC collating order. SDF-P compares strings byte by byte in EBCDIC:
// lower case sorts before upper case and digits after letters. The table
// maps ASCII to the code points of CCSID 1047; bytes without a mapping
// keep their value.
var ebcdic = func() [256]byte {
	var t [256]byte
	for i := range t {
		t[i] = byte(i)
	}
	set := func(from string, to ...byte) {
		for i := 0; i < len(from); i++ {
			t[from[i]] = to[i]
		}
	}
	set(" ", 0x40)
	set(".<(+|&!$*);^-/,%_>?`:#@'=\"", 0x4B, 0x4C, 0x4D, 0x4E, 0x4F, 0x50, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
		0x60, 0x61, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F)
	for i := 0; i < 9; i++ {
		t['a'+i] = 0x81 + byte(i)
		t['j'+i] = 0x91 + byte(i)
		t['A'+i] = 0xC1 + byte(i)
		t['J'+i] = 0xD1 + byte(i)
	}
	for i := 0; i < 8; i++ {
		t['s'+i] = 0xA2 + byte(i)
		t['S'+i] = 0xE2 + byte(i)
	}
	for i := 0; i < 10; i++ {
		t['0'+i] = 0xF0 + byte(i)
	}
	set("~{}[]\\", 0xA1, 0xC0, 0xD0, 0xAD, 0xBD, 0xE0)
	return t
}()

// Byte returns the EBCDIC code point used to order byte c.
func Byte(c byte) byte { return ebcdic[c] }

// Compare compares two strings in EBCDIC order; a string that is a
// prefix of the other is the smaller (no blank padding). It returns -1, 0
// or 1.
func Compare(a, b string) int {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		x, y := ebcdic[a[i]], ebcdic[b[i]]
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

// DecodeHex turns the validated hex digits of an X-string into text. An
// odd count is padded with a zero half-byte on the right, as BS2000 does.
// The bytes are EBCDIC (code page 1047) on BS2000, while sdfp keeps text
// in the host's encoding, so they are converted: X'C8' is "H".
func DecodeHex(digits string) string {
	if len(digits)%2 == 1 {
		digits += "0"
	}
	b, err := hex.DecodeString(digits)
	if err != nil {
		return ""
	}
	text, err := charmap.CodePage1047.NewDecoder().Bytes(b)
	if err != nil {
		return string(b)
	}
	return string(text)
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
