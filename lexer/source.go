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
	"sort"
	"strconv"
	"strings"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"sdfp/lexer/ebcdic"
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

// seg returns the index of the segment holding logical offset off: the
// last one starting at or before it (segments are in logical order).
func (u *Unit) seg(off int) int {
	i := sort.Search(len(u.segs), func(i int) bool { return u.segs[i].from > off })
	return max(i-1, 0)
}

// PosAt maps an offset into Text back to the physical position. An offset
// at or after the end maps just past the last character.
func (u *Unit) PosAt(off int) Pos {
	if len(u.segs) == 0 {
		return Pos{Line: 1, Column: 1}
	}
	s := u.segs[u.seg(off)]
	d := off - s.from
	p := s.at
	p.Offset += d
	p.Column += d
	return p
}

// Sub returns the unit made of Text[from:to], keeping the position map.
func (u *Unit) Sub(from, to int) *Unit {
	n := &Unit{Kind: u.Kind, Text: u.Text[from:to], EndLine: u.EndLine}
	for i := u.seg(from); i < len(u.segs) && u.segs[i].from < to; i++ {
		s := u.segs[i]
		end := len(u.Text)
		if i+1 < len(u.segs) {
			end = u.segs[i+1].from
		}
		if end <= from {
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

// Retext is the unit of another text read at u's positions: offset i of
// text is where offset i of u's text is. The position map is shared, as
// no unit's map changes once it is read. For a text that replaced u's in
// place (a kept analysis after & replacement, parser.Template).
func (u *Unit) Retext(text string) Unit {
	return Unit{Kind: u.Kind, Text: text, segs: u.segs, EndLine: u.EndLine}
}

// physLine is one physical line of the file.
type physLine struct {
	text   string
	line   int
	offset int
}

// lineScanner hands out the physical lines of a file one at a time, so
// that reading holds no table of all lines. A line longer than the limit
// is reported and read as empty.
type lineScanner struct {
	file string
	src  string
	off  int // start of the next line
	n    int // number of the next line
	max  int // LineBytes
	errs *Diagnostics
	// back is a line given back with unread, returned by the next call.
	back *physLine
}

func newLineScanner(file, src string, lim Limits, d *Diagnostics) *lineScanner {
	// A UTF-8 byte order mark is not part of the first line: offsets stay
	// those of the file, columns start after it.
	return &lineScanner{file: file, src: src, off: bomLen(src), n: 1, max: lim.LineBytes, errs: d}
}

// next returns the next physical line, or false at the end of the file.
func (sc *lineScanner) next() (physLine, bool) {
	if sc.back != nil {
		l := *sc.back
		sc.back = nil
		return l, true
	}
	if sc.off >= len(sc.src) {
		return physLine{}, false
	}
	rest := sc.src[sc.off:]
	text, next := rest, len(sc.src)
	if end := strings.IndexByte(rest, '\n'); end >= 0 {
		text, next = rest[:end], sc.off+end+1
	}
	text = strings.TrimSuffix(text, "\r")
	l := physLine{text: text, line: sc.n, offset: sc.off}
	// a record's bytes are EBCDIC bytes, one a character: an umlaut
	// takes two bytes of UTF-8 and one of the record
	if sc.max > 0 && len(text) > sc.max && ebcdic.Len(text) > sc.max {
		at := ebcdic.Offset(text, sc.max)
		sc.errs.Add(Errorf(Pos{Filename: sc.file, Offset: sc.off + at, Line: sc.n, Column: at + 1}, CodeSyntax,
			"line %d is %d bytes long; a procedure line (a BS2000 record) has at most %d, so the line is not read", sc.n, ebcdic.Len(text), sc.max))
		l.text = ""
	}
	sc.off = next
	sc.n++
	return l, true
}

// unread gives l back: the next call of next returns it again.
func (sc *lineScanner) unread(l physLine) { sc.back = &l }

// Read splits a procedure into logical units within DefaultLimits. It
// joins continuation lines and splits lines at top-level semicolons.
// Entirely empty lines are skipped: a host text file often ends with one,
// and BS2000 has no empty records in a procedure. Errors are returned with
// their positions, the first DefaultLimits.Findings of them; the units
// read so far are still returned, so a checker can go on.
func Read(file, src string) ([]*Unit, []*Error) {
	d := DefaultLimits.NewDiagnostics()
	units := DefaultLimits.Read(file, src, d)
	return units, d.List
}

// Read splits a procedure into logical units as the package function
// Read does, within these limits, adding its problems to d. A file over
// the size limit, or in an encoding sdfp does not read (UTF-16, EBCDIC),
// gives no units and one problem; a UTF-8 byte order mark is skipped.
func (lim Limits) Read(file, src string, d *Diagnostics) []*Unit {
	start := Pos{Filename: file, Line: 1, Column: 1}
	if lim.FileBytes > 0 && len(src) > lim.FileBytes {
		e := Errorf(start, CodeFile, "the file is larger than %d bytes (%s), the most sdfp reads from a procedure file", lim.FileBytes, mebibytes(lim.FileBytes))
		e.Whole = true
		d.Add(e)
		return nil
	}
	if enc := foreignEncoding(src); enc != "" {
		e := Errorf(start, CodeFile, "%s", enc)
		e.Whole = true
		d.Add(e)
		return nil
	}
	if !charsetProblems(file, src, d) {
		return nil
	}
	var units []*Unit
	sc := newLineScanner(file, src, lim, d)
	for {
		l, ok := sc.next()
		if !ok {
			break
		}
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
		units = append(units, splitSemicolons(lim.command(sc, kind, trimmed[skip:], pos, l.line))...)
	}
	return units
}

// mebibytes words a size in MiB, for messages.
func mebibytes(n int) string {
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', -1, 64) + " MiB"
}

// command reads one logical command whose first line has body at pos,
// joining its continuation lines. A command of one line keeps its text
// as a part of the source; one longer than CommandBytes is reported and
// read as empty.
func (lim Limits) command(sc *lineScanner, kind UnitKind, body string, pos Pos, line int) *Unit {
	u := &Unit{Kind: kind, EndLine: line}
	first := pos
	var b strings.Builder
	n := 0     // logical length so far, in bytes of the text
	chars := 0 // and in characters (EBCDIC bytes), which the limit counts
	tooLong := false
	for {
		cont := continued(body)
		if cont {
			body = strings.TrimRight(body, " \t")
			body = body[:len(body)-1]
		}
		switch {
		case tooLong:
		case lim.CommandBytes > 0 && n+len(body) > lim.CommandBytes && chars+ebcdic.Len(body) > lim.CommandBytes:
			tooLong = true
			at := pos
			off := ebcdic.Offset(body, lim.CommandBytes-chars)
			at.Offset += off
			at.Column += off
			sc.errs.Add(Errorf(at, CodeSyntax, "the command is longer than %d bytes (continuation lines joined), the most SDF reads, so it is not read", lim.CommandBytes))
		case len(u.segs) > 0 && u.segs[len(u.segs)-1].from == n:
			// the previous line added nothing: this one takes its place,
			// as PosAt would choose it anyway
			u.segs[len(u.segs)-1].at = pos
		default:
			u.segs = append(u.segs, segment{from: n, at: pos})
		}
		if !tooLong {
			if n == 0 && !cont && len(u.segs) == 1 {
				u.Text = body // a one-line command: no copy
			} else {
				b.WriteString(body)
			}
			n += len(body)
			chars += ebcdic.Len(body)
		}
		if !cont {
			break
		}
		nl, ok := sc.next()
		if !ok {
			if !tooLong {
				sc.errs.Add(Errorf(u.PosAt(n), CodeSyntax,
					"continuation hyphen at the end of the file: the command has no next line"))
			}
			break
		}
		t := strings.TrimLeft(nl.text, " \t")
		lead := len(nl.text) - len(t)
		if !strings.HasPrefix(t, "/") {
			sc.errs.Add(Errorf(Pos{Filename: sc.file, Offset: nl.offset + lead, Line: nl.line, Column: lead + 1},
				CodeSyntax, "a continuation line must start with a slash"))
			sc.unread(nl)
			break
		}
		u.EndLine = nl.line
		pos = Pos{Filename: sc.file, Offset: nl.offset + lead + 1, Line: nl.line, Column: lead + 2}
		body = t[1:]
	}
	switch {
	case tooLong:
		u.Text, u.segs = "", []segment{{at: first}}
	case b.Len() > 0:
		u.Text = b.String()
	}
	return u
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
	// segments are one per physical line, in line order: the last one on
	// or before p's line
	i := sort.Search(len(u.segs), func(i int) bool { return u.segs[i].at.Line > p.Line }) - 1
	end := func(i int) int {
		if i+1 < len(u.segs) {
			return u.segs[i+1].from
		}
		return len(u.Text)
	}
	if i < 0 {
		return 0
	}
	if s := u.segs[i]; s.at.Line == p.Line {
		if p.Column >= s.at.Column {
			return min(s.from+p.Column-s.at.Column, end(i))
		}
		if i == 0 {
			return 0
		}
		return end(i - 1)
	}
	return end(i)
}

// Breaks returns the offsets into Text at which a continuation line's
// text begins, in order: where the command was broken over physical
// lines. A formatter keeps them, so a reformatted command joins to the
// same text.
func (u *Unit) Breaks() []int {
	var out []int
	for i := 1; i < len(u.segs); i++ {
		if s := u.segs[i]; s.from > 0 && s.from < len(u.Text) && s.at.Line != u.segs[i-1].at.Line {
			out = append(out, s.from)
		}
	}
	return out
}
