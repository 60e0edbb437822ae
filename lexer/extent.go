package lexer

import (
	"strings"
	"unicode/utf8"
)

// End returns where the word a diagnostic at pos points at ends: the
// position just after it, on the same line (the exclusive end that SARIF
// and editors take). A word is a quoted string (through its closing
// quote, a doubled quote inside it kept), a name or number (letters,
// digits and the characters SDF names are made of), or else the one
// character at pos. A position src does not hold ends where it starts.
func End(src string, pos Pos) Pos {
	start, ok := lineStartAt(src, pos)
	if !ok {
		if start, ok = lineStartByNumber(src, pos.Line); !ok {
			return pos
		}
		pos.Offset = start + pos.Column - 1
	}
	i := pos.Offset
	if i < start || i >= len(src) || src[i] == '\n' || src[i] == '\r' || strings.IndexByte(src[start:i], '\n') >= 0 {
		return pos // past the end of its line
	}
	j := i + 1
	switch c := src[i]; {
	case c == '\'':
		for j < len(src) && src[j] != '\n' && src[j] != '\r' {
			if src[j] == '\'' {
				if j+1 < len(src) && src[j+1] == '\'' {
					j += 2
					continue
				}
				j++
				break
			}
			j++
		}
	case nameByte(c):
		for j < len(src) && nameByte(src[j]) {
			j++
		}
	default:
		_, n := utf8.DecodeRuneInString(src[i:])
		j = i + n
	}
	end := pos
	end.Offset = j
	end.Column = pos.Column + (j - i)
	return end
}

// nameByte is a byte of a name or number: letters, digits, - . # @ $ _ *
// & and anything beyond ASCII (an umlaut in a variable's value).
func nameByte(c byte) bool {
	switch {
	case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c >= 0x80:
		return true
	}
	switch c {
	case '-', '.', '#', '@', '$', '_', '*', '&':
		return true
	}
	return false
}
