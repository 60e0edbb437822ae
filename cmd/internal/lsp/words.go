package lsp

import "strings"

// wordByte is a byte of an SDF name, number, keyword (*MEMORY), label
// (.NAME) or composed variable name (SHVAS#.MEM-SIZE); as the reader's
// nameByte, anything beyond ASCII too.
func wordByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
		strings.IndexByte("-.#@$_*&", c) >= 0 || c >= 0x80
}

// wordAt returns the word of line that holds byte col (or ends there),
// with its byte bounds; "" when there is none.
func wordAt(line string, col int) (w string, from, to int) {
	col = min(max(col, 0), len(line))
	from, to = col, col
	for from > 0 && wordByte(line[from-1]) {
		from--
	}
	for to < len(line) && wordByte(line[to]) {
		to++
	}
	// a word ends at a period that ends it ("FILE." is FILE, not a
	// partly qualified name, for lookups)
	return line[from:to], from, to
}

// after is the first byte after position to that is not a blank, 0 at
// the end of the line.
func after(line string, to int) byte {
	for i := to; i < len(line); i++ {
		if line[i] != ' ' && line[i] != '\t' {
			return line[i]
		}
	}
	return 0
}

// isMessageKey tells whether s has the shape of a message key: three
// letters and four letters or digits (SDP0091, CMD0202, VMS2461). Plain
// code, not a regexp compiled when every sdfp command starts.
func isMessageKey(s string) bool {
	return len(s) == 7 && keyStart(s[:3]) && strings.Trim(s[3:], "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == ""
}

// keyStart tells whether s can start a message key: three letters, then
// digits.
func keyStart(s string) bool {
	if len(s) < 3 || strings.Trim(s[:3], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return false
	}
	return strings.Trim(s[3:], "0123456789") == ""
}

// occurrence is a word of a procedure's commands, outside strings and
// comments.
type occurrence struct {
	line, from, to int // 0-based line, byte bounds
	word           string
}

// occurrences lists the words of the command lines of src: lines that
// start with a slash, and their continuation lines, skipping 'strings'
// and "comments".
func occurrences(t *text) []occurrence {
	var out []occurrence
	cont := false
	for n := range t.lines {
		l := t.line(n)
		if !cont && !strings.HasPrefix(strings.TrimLeft(l, " "), "/") {
			continue
		}
		trimmed := strings.TrimRight(l, " ")
		cont = strings.HasSuffix(trimmed, "-")
		for i := 0; i < len(l); {
			switch c := l[i]; {
			case c == '\'' || c == '"':
				j := strings.IndexByte(l[i+1:], c)
				if j < 0 {
					i = len(l)
				} else {
					i += j + 2
				}
			case wordByte(c):
				j := i
				for j < len(l) && wordByte(l[j]) {
					j++
				}
				out = append(out, occurrence{line: n, from: i, to: j, word: l[i:j]})
				i = j
			default:
				i++
			}
		}
	}
	return out
}
