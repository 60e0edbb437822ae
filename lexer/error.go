package lexer

import (
	"fmt"
	"strings"
)

// Message codes used for problems found while reading a procedure. SDF
// reports every syntax error of a command as CMD0202; the more specific
// text says what was wrong.
const (
	CodeSyntax = "CMD0202"
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
	return Snippet(src, e.Pos)
}

// Snippet renders the line of src at pos with a caret under its column.
func Snippet(src string, pos Pos) string {
	if pos.Line < 1 {
		return ""
	}
	line := ""
	n := 1
	for rest := src; ; n++ {
		i := strings.IndexByte(rest, '\n')
		if n == pos.Line {
			if i < 0 {
				line = rest
			} else {
				line = rest[:i]
			}
			break
		}
		if i < 0 {
			return ""
		}
		rest = rest[i+1:]
	}
	line = strings.TrimSuffix(line, "\r")
	col := pos.Column
	if col < 1 {
		col = 1
	}
	if col > len(line)+1 {
		col = len(line) + 1
	}
	pad := strings.Map(func(r rune) rune {
		if r == '\t' {
			return '\t'
		}
		return ' '
	}, line[:col-1])
	return "   | " + line + "\n   | " + pad + "^\n"
}
