package lexer

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Message codes used for problems found while reading a procedure. SDF
// reports every syntax error of a command as CMD0202; the more specific
// text says what was wrong. A file that cannot be read as a procedure at
// all (too large, in a foreign encoding) is a semantic error, as the
// interpreter reports a CALL-PROCEDURE file that is not a procedure.
const (
	CodeSyntax = "CMD0202"
	CodeFile   = "SDP0091"
)

// Severity tells whether a diagnostic stops a procedure or only warns.
type Severity int

const (
	SevError Severity = iota
	SevWarning
)

func (s Severity) String() string {
	if s == SevWarning {
		return "warning"
	}
	return "error"
}

// Error is a positioned diagnostic with a BS2000-style message code.
type Error struct {
	Pos      Pos
	Code     string
	Msg      string
	Severity Severity
	// Whole is set for a problem of the file as a whole (its size, its
	// encoding): it is reported at 1:1, with no source line to show.
	Whole bool
	// hint completes Msg when the diagnostic is shown (see WithHint).
	hint *hint
}

// Errorf makes an error-severity diagnostic.
func Errorf(pos Pos, code, format string, args ...any) *Error {
	return &Error{Pos: pos, Code: code, Msg: fmt.Sprintf(format, args...)}
}

// Warnf makes a warning.
func Warnf(pos Pos, code, format string, args ...any) *Error {
	return &Error{Pos: pos, Code: code, Msg: fmt.Sprintf(format, args...), Severity: SevWarning}
}

func (e *Error) Error() string {
	e.Resolve()
	return fmt.Sprintf("%s: %s %s", FormatPos(e.Pos), e.Code, e.Msg)
}

// FormatPos renders a position as file:line:col.
func FormatPos(p Pos) string {
	name := p.Filename
	if name == "" {
		name = "<input>"
	}
	return fmt.Sprintf("%s:%d:%d", name, p.Line, p.Column)
}

// Snippet renders the source line of the diagnostic with a caret under the
// column, in the style
//
//	| /IF (SHVAS#.MEM-SIZE = '12')
//	|            ^
//
// src is the whole file the position refers to; an empty result means the
// line is not available.
func (e *Error) Snippet(src string) string {
	if e.Whole {
		return "" // the first line of a UTF-16 file is NUL bytes
	}
	return Snippet(src, e.Pos)
}

// snippetBefore and snippetAfter bound the part of a long line a snippet
// shows: so many bytes before the column and from it on. A line of a few
// kilobytes is cut to a window around the column, marked with "...".
const (
	snippetBefore = 40
	snippetAfter  = 60
)

// Snippet renders the line of src at pos with a caret under its column.
// It finds the line from the position's offset, so a file with many
// diagnostics is not scanned again for each, and shows a window of a long
// line around the column.
func Snippet(src string, pos Pos) string {
	if pos.Line < 1 {
		return ""
	}
	start, ok := lineStartAt(src, pos)
	if !ok {
		if start, ok = lineStartByNumber(src, pos.Line); !ok {
			return ""
		}
	}
	rest := src[start:]
	col := max(pos.Column, 1)
	// the line ends at the next newline, looked for only as far as the
	// window reaches: a whole line if it is short, up to snippetAfter
	// past the column otherwise
	limit := min(len(rest), max(col-1+snippetAfter, snippetBefore+snippetAfter)+1)
	end := strings.IndexByte(rest[:limit], '\n')
	cutRight := false
	if end < 0 {
		end = limit
		cutRight = limit < len(rest) && !lineEndsAt(rest, limit)
	}
	line := strings.TrimSuffix(rest[:end], "\r")
	col = min(col, len(line)+1)
	from, to := 0, len(line)
	if cutRight || len(line) > snippetBefore+snippetAfter {
		if col-1 > snippetBefore {
			from = runeStart(line, col-1-snippetBefore)
		}
		if cutRight {
			to = runeStart(line, min(len(line), col-1+snippetAfter))
		}
	}
	shown := line[from:to]
	lead, trail := "", ""
	if from > 0 {
		lead = "..."
	}
	if cutRight || to < len(line) {
		trail = "..."
	}
	pad := strings.Map(func(r rune) rune {
		if r == '\t' {
			return '\t'
		}
		return ' '
	}, lead+line[from:col-1])
	return "   | " + lead + shown + trail + "\n   | " + pad + "^\n"
}

// lineEndsAt reports whether s[i:] starts with a line end: "\n", "\r\n",
// or a "\r" that ends s.
func lineEndsAt(s string, i int) bool {
	return s[i] == '\n' || s[i] == '\r' && (i+1 == len(s) || s[i+1] == '\n')
}

// runeStart moves i back to the start of the UTF-8 character it is in, so
// that a window does not cut a character in two; at most UTFMax-1 bytes,
// as text that is not UTF-8 may have any number of continuation bytes.
func runeStart(s string, i int) int {
	for k := 1; k < utf8.UTFMax && i > 0 && i < len(s) && !utf8.RuneStart(s[i]); k++ {
		i--
	}
	return i
}

// lineStartAt finds the start of pos's line from its byte offset and
// column, and checks that they agree with src (a byte before the line
// start that is a newline, none between it and the offset).
func lineStartAt(src string, pos Pos) (int, bool) {
	start := pos.Offset - (pos.Column - 1)
	if pos.Column < 1 || start < 0 || pos.Offset > len(src) {
		return 0, false
	}
	if start <= bomLen(src) {
		if start != bomLen(src) || pos.Line != 1 {
			return 0, false
		}
	} else if src[start-1] != '\n' {
		return 0, false
	}
	if strings.IndexByte(src[start:pos.Offset], '\n') >= 0 {
		return 0, false
	}
	return start, true
}

// lineStartByNumber finds the start of a line by counting newlines, for a
// position without a usable offset.
func lineStartByNumber(src string, line int) (int, bool) {
	off := bomLen(src)
	for n := 1; n < line; n++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return 0, false
		}
		off += i + 1
	}
	return off, true
}

// clipBytes is how much of a piece of the user's text a message quotes.
const clipBytes = 40

// Clip shortens text the user wrote (a name, a token) for quoting in a
// message: a command may be kilobytes long, and each message that quotes
// it whole multiplies the output.
func Clip(s string) string { return ClipN(s, clipBytes) }

// ClipN shortens s to about n bytes, cut at a character boundary and
// marked with "...".
func ClipN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:runeStart(s, n)] + "..."
}
