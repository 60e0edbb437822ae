package lexer

import (
	"strings"
	"unicode/utf8"

	"sdfp/lexer/ebcdic"
)

// Encodings. sdfp reads procedures as text in the host's encoding (ASCII,
// UTF-8 or an 8-bit code page such as Latin-1). A UTF-8 byte order mark
// is skipped, as editors on Windows write one. A file in UTF-16 or in
// EBCDIC (a procedure copied from BS2000 in binary mode) would only give
// a garbage error on its first line, so it is reported as what it is.

// utf8BOM is the UTF-8 encoding of U+FEFF.
const utf8BOM = "\xEF\xBB\xBF"

// bomLen is the length of a UTF-8 byte order mark at the start of src.
func bomLen(src string) int {
	if strings.HasPrefix(src, utf8BOM) {
		return len(utf8BOM)
	}
	return 0
}

// byteOrderMarks of encodings sdfp does not read, longest first.
var byteOrderMarks = []struct{ mark, name, iconv string }{
	{"\x00\x00\xFE\xFF", "UTF-32 (big-endian)", "UTF-32"},
	{"\xFF\xFE\x00\x00", "UTF-32 (little-endian)", "UTF-32"},
	{"\xFE\xFF", "UTF-16 (big-endian)", "UTF-16"},
	{"\xFF\xFE", "UTF-16 (little-endian)", "UTF-16"},
}

// readAs is what every message about a foreign encoding ends with.
const readAs = "; sdfp reads procedures as ASCII or UTF-8 text: "

// foreignEncoding names the encoding of src when it is one sdfp cannot
// read, with what to do about it; "" for text it reads.
func foreignEncoding(src string) string {
	for _, b := range byteOrderMarks {
		if strings.HasPrefix(src, b.mark) {
			return "the file is encoded in " + b.name + " (it starts with a byte order mark)" + readAs +
				"convert it, for example with iconv -f " + b.iconv + " -t UTF-8"
		}
	}
	if name, iconv := utf16Pattern(src); name != "" {
		return "the file is encoded in " + name + " (every other byte is NUL)" + readAs +
			"convert it, for example with iconv -f " + iconv + " -t UTF-8"
	}
	if line, ok := ebcdicCommand(src); ok {
		return "the file is encoded in EBCDIC (its first line reads " + line + " in code page 1047), as a procedure copied from BS2000 in binary mode is" +
			readAs + "transfer it in text mode or convert it, for example with iconv -f IBM1047 -t UTF-8"
	}
	return ""
}

// utf16Sample is how many bytes of the start of a file are looked at.
const utf16Sample = 64

// utf16Pattern recognises UTF-16 without a byte order mark by its NUL
// bytes: ASCII text in UTF-16 has a NUL in every other byte.
func utf16Pattern(src string) (name, iconv string) {
	n := min(len(src), utf16Sample) &^ 1
	if n < 4 {
		return "", ""
	}
	evenNUL, oddNUL := 0, 0
	for i := 0; i < n; i += 2 {
		if src[i] == 0 {
			evenNUL++
		}
		if src[i+1] == 0 {
			oddNUL++
		}
	}
	pairs := n / 2
	switch {
	case evenNUL == pairs && oddNUL == 0:
		return "UTF-16 (big-endian)", "UTF-16BE"
	case oddNUL == pairs && evenNUL == 0:
		return "UTF-16 (little-endian)", "UTF-16LE"
	}
	return "", ""
}

// ebcdicCommand recognises a file in EBCDIC by its first line (up to an
// ASCII or EBCDIC new line, 0x15 or 0x25): after EBCDIC blanks (0x40, the
// '@' of ASCII) a slash (0x61, the 'a' of ASCII), the line not UTF-8 and
// mostly bytes above 0x7F, where EBCDIC has its letters and digits. It
// returns the start of that line decoded, quoted.
func ebcdicCommand(src string) (string, bool) {
	line := src[:min(len(src), 256)]
	if i := strings.IndexAny(line, "\n\x15\x25"); i >= 0 {
		line = line[:i]
	}
	body := strings.TrimLeft(line, "\x40")
	if len(body) < 4 || body[0] != 0x61 || utf8.ValidString(line) {
		return "", false
	}
	high := 0
	for i := 0; i < len(body); i++ {
		if body[i] >= 0x80 {
			high++
		}
	}
	if 2*high < len(body) {
		return "", false
	}
	text := ebcdic.Decode(body[:min(len(body), 40)])
	if len(body) > 40 {
		text += "..."
	}
	return "'" + text + "'", true
}
