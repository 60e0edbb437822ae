// Package lexer turns the text of an SDF-P procedure into logical commands
// and tokens. SDF's line rules (leading slash, continuation with a trailing
// hyphen, several commands on one line, comments in double quotes) depend on
// context that a regular-expression lexer cannot see, so the scanner is
// written by hand. It still implements participle's lexer.Definition, so the
// parser can drive participle with these tokens.
//
// Every token keeps the physical file, line and column it came from, also
// when continuation lines have been joined into one logical command.
package lexer

import (
	"strings"

	plexer "github.com/alecthomas/participle/v2/lexer"
)

// Pos is a position in a source file: file name, byte offset and 1-based
// line and column. It is participle's position type, so positions flow
// through the parser without conversion.
type Pos = plexer.Position

// UnitKind tells what a logical unit of a procedure is.
type UnitKind int

const (
	// CommandUnit is a command: the text after the slash of a "/" line.
	CommandUnit UnitKind = iota
	// StatementUnit is a program statement: the text after "//".
	StatementUnit
	// DataUnit is a data line for a program: a line that does not start
	// with a slash.
	DataUnit
)

func (k UnitKind) String() string {
	switch k {
	case CommandUnit:
		return "command"
	case StatementUnit:
		return "statement"
	}
	return "data"
}

// segment maps a run of logical text onto the physical source: logical
// bytes [from, from+len) start at physical position at.
type segment struct {
	from int
	at   Pos
}

// Unit is one logical command, statement or data line. Continuation lines
// are joined into Text; commands separated by ";" become units of their own.
type Unit struct {
	Kind UnitKind
	// Text is the logical text: for commands without the leading slash,
	// continuation hyphens and continuation slashes removed; comments are
	// still in it (the tokenizer skips them).
	Text string
	segs []segment
	// EndLine is the last physical line the unit was read from.
	EndLine int
}

// Pos returns the physical position of the unit's first character.
func (u *Unit) Pos() Pos { return u.PosAt(0) }

// PosAt maps an offset into Text back to the physical position. An offset
// at or after the end maps just past the last character.
func (u *Unit) PosAt(off int) Pos {
	if len(u.segs) == 0 {
		return Pos{Line: 1, Column: 1}
	}
	i := len(u.segs) - 1
	for i > 0 && u.segs[i].from > off {
		i--
	}
	s := u.segs[i]
	d := off - s.from
	p := s.at
	p.Offset += d
	p.Column += d
	return p
}

// Sub returns the unit made of Text[from:to], keeping the position map.
func (u *Unit) Sub(from, to int) *Unit {
	n := &Unit{Kind: u.Kind, Text: u.Text[from:to], EndLine: u.EndLine}
	for i, s := range u.segs {
		end := len(u.Text)
		if i+1 < len(u.segs) {
			end = u.segs[i+1].from
		}
		if end <= from || s.from >= to {
			continue
		}
		if s.from < from {
			d := from - s.from
			s.at.Offset += d
			s.at.Column += d
			s.from = from
		}
		s.from -= from
		n.segs = append(n.segs, s)
	}
	if len(n.segs) == 0 {
		n.segs = []segment{{at: u.PosAt(from)}}
	}
	return n
}

// NewUnit makes a command unit from text that starts at pos, for text that
// does not come from a file (dialog input, EXECUTE-CMD, substitution).
func NewUnit(text string, pos Pos) *Unit {
	return &Unit{Kind: CommandUnit, Text: text, segs: []segment{{at: pos}}, EndLine: pos.Line}
}

// physLine is one physical line of the file.
type physLine struct {
	text   string
	line   int
	offset int
}

func splitLines(src string) []physLine {
	var out []physLine
	off, n := 0, 1
	for off <= len(src) {
		end := strings.IndexByte(src[off:], '\n')
		var text string
		next := 0
		if end < 0 {
			if off == len(src) {
				break
			}
			text = src[off:]
			next = len(src) + 1
		} else {
			text = src[off : off+end]
			next = off + end + 1
		}
		text = strings.TrimSuffix(text, "\r")
		out = append(out, physLine{text: text, line: n, offset: off})
		off = next
		n++
	}
	return out
}

// Read splits a procedure into logical units. It joins continuation lines
// and splits lines at top-level semicolons. Entirely empty lines are
// skipped: a host text file often ends with one, and BS2000 has no empty
// records in a procedure. Errors are returned with their positions; the
// units read so far are still returned, so a checker can go on.
func Read(file, src string) ([]*Unit, []*Error) {
	var units []*Unit
	var errs []*Error
	lines := splitLines(src)
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		trimmed := strings.TrimLeft(l.text, " \t")
		if trimmed == "" {
			continue
		}
		lead := len(l.text) - len(trimmed)
		pos := Pos{Filename: file, Offset: l.offset + lead, Line: l.line, Column: lead + 1}
		if trimmed[0] != '/' {
			units = append(units, &Unit{Kind: DataUnit, Text: l.text, EndLine: l.line,
				segs: []segment{{at: Pos{Filename: file, Offset: l.offset, Line: l.line, Column: 1}}}})
			continue
		}
		kind, skip := CommandUnit, 1
		if strings.HasPrefix(trimmed, "//") {
			kind, skip = StatementUnit, 2
		}
		pos.Offset += skip
		pos.Column += skip
		u := &Unit{Kind: kind, EndLine: l.line}
		var b strings.Builder
		body := trimmed[skip:]
		for {
			cont := continued(body)
			if cont {
				body = strings.TrimRight(body, " \t")
				body = body[:len(body)-1]
			}
			u.segs = append(u.segs, segment{from: b.Len(), at: pos})
			b.WriteString(body)
			if !cont {
				break
			}
			if i+1 >= len(lines) {
				errs = append(errs, Errorf(u.PosAt(b.Len()), CodeSyntax,
					"continuation hyphen at the end of the file: the command has no next line"))
				break
			}
			i++
			nl := lines[i]
			t := strings.TrimLeft(nl.text, " \t")
			lead := len(nl.text) - len(t)
			if !strings.HasPrefix(t, "/") {
				errs = append(errs, Errorf(Pos{Filename: file, Offset: nl.offset + lead, Line: nl.line, Column: lead + 1},
					CodeSyntax, "a continuation line must start with a slash"))
				i--
				break
			}
			u.EndLine = nl.line
			pos = Pos{Filename: file, Offset: nl.offset + lead + 1, Line: nl.line, Column: lead + 2}
			body = t[1:]
		}
		u.Text = b.String()
		units = append(units, splitSemicolons(u)...)
	}
	return units, errs
}

// continued reports whether a command line is continued on the next line:
// its last non-blank character is a hyphen.
func continued(body string) bool {
	t := strings.TrimRight(body, " \t")
	return strings.HasSuffix(t, "-")
}

// splitSemicolons splits a command at semicolons that are outside strings,
// comments and parentheses. Data units are never split.
func splitSemicolons(u *Unit) []*Unit {
	if u.Kind == DataUnit || !strings.Contains(u.Text, ";") {
		return []*Unit{u}
	}
	var out []*Unit
	start, depth := 0, 0
	t := u.Text
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\'':
			i = skipQuoted(t, i, '\'')
		case '"':
			i = skipQuoted(t, i, '"')
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ';':
			if depth == 0 {
				out = append(out, u.Sub(start, i))
				start = i + 1
			}
		}
	}
	return append(out, u.Sub(start, len(t)))
}

// skipQuoted returns the index of the closing quote of the quoted text
// starting at i (or the last index when it is not closed). For strings, a
// doubled quote is part of the text.
func skipQuoted(t string, i int, q byte) int {
	for j := i + 1; j < len(t); j++ {
		if t[j] == q {
			if q == '\'' && j+1 < len(t) && t[j+1] == '\'' {
				j++
				continue
			}
			return j
		}
	}
	return len(t) - 1
}

// Offset maps a physical position inside the unit back to an offset into
// Text (the inverse of PosAt). Positions outside the unit map to the
// nearest end.
func (u *Unit) Offset(p Pos) int {
	best := 0
	for i, s := range u.segs {
		end := len(u.Text)
		if i+1 < len(u.segs) {
			end = u.segs[i+1].from
		}
		if s.at.Line == p.Line && p.Column >= s.at.Column {
			off := s.from + p.Column - s.at.Column
			if off > end {
				off = end
			}
			return off
		}
		if s.at.Line < p.Line {
			best = end
		}
	}
	return best
}
