// Package format writes a procedure in its canonical form, as `sdfp fmt`
// does (and the language server's formatting): a command line starts with
// the slash in column 1, the command indented two blanks per open block;
// one command a line; a command longer than the width broken into
// continuation lines; data lines and // statement lines as they are.
//
// Formatting changes the layout and never the text SDF reads: each
// command, its continuation lines joined, is the same text as before,
// character for character apart from the blanks at its ends (the
// procedure log in SYSLST trims those too). Comments are part of that text
// and stay where they are. With Expand, abbreviated command names,
// operand names and keyword values are written in full; the command then
// binds to the same operands and values, which Source checks by reading
// its output back before returning it.
//
// The rules of the layout come from the SDF-P user guide, "Line format"
// (V, UG-de 12 "Zeilenformat", https://bs2manuals.ts.fujitsu.com/psSDFPV25de/sdf-p-benutzerhandbuch-21725/schnelleinstieg-sdf-p-sdf-p-v2-5i-2024-11-7/schreibregeln-fuer-s-prozeduren-sdf-p-v2-5i-2024-11-10/zeilenformat-sdf-p-v2-5i-2024-11-12):
// a line that does not end its command ends with a hyphen, the next line
// starts with a slash that the command goes on right after, and blanks in
// front of that slash are not part of the command, so that continuation
// lines can be indented without blanks in the procedure log. The page's
// example indents the operands of a structure deeper; so does Source:
// a continuation line's slash stands two columns right of its command's
// first character, and two more for each parenthesis open where the line
// starts (at most eight). A command's first line keeps its slash in column
// 1, as the manuals write it, and is indented after the slash (blanks the
// log trims). Several commands on one line, separated by semicolons (same
// page), become one a line.
package format

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"sdfp/lexer"
	"sdfp/parser"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// Options choose the canonical form.
type Options struct {
	// Width is the line width continuation lines are made for (0:
	// DefaultWidth). A line is broken after a comma or a blank outside
	// strings and comments; text without such a place stays longer.
	Width int
	// Expand writes command names, operand names and keyword values in
	// full (SHOW-VM-ATTR VM-ID=2,INF=*MEM becomes SHOW-VM-ATTRIBUTES
	// VM-IDENTIFICATION=2,INFORMATION=*MEMORY). Positional operands stay
	// positional, as the manuals write IF (A = B).
	Expand bool
	// Catalog knows the commands (nil: catalog.Builtin()); an
	// installation's site commands need its catalog.
	Catalog *catalog.Catalog
}

// DefaultWidth is 72, the columns SDF evaluates of a record in the
// classic input format (SET-PROCEDURE-OPTIONS INPUT-FORMAT=*BY-SDF-OPTION,
// spec 1.2, V UG-de 35), so formatted procedures read the same there.
const DefaultWidth = 72

// Indent is the indentation of one block level, after the slash.
const Indent = "  "

// MaxIndentDepth is the deepest block level that is indented further:
// blocks nested deeper stand at its indentation, so that the lines of a
// procedure nested thousands deep (which sdfp reads) stay within the
// line limit.
const MaxIndentDepth = 16

// contIndent is how far a continuation line's slash stands right of its
// command's first character.
const contIndent = 2

// Error is a procedure that cannot be formatted: its reader or block
// structure reports problems (they are in Problems, with positions), or
// the formatted text would not read back as the same procedure (an
// internal error, Problems empty).
type Error struct {
	File     string
	Reason   string
	Problems []*lexer.Error
}

func (e *Error) Error() string {
	if len(e.Problems) > 0 {
		return e.Problems[0].Error()
	}
	return e.File + ": " + e.Reason
}

// Source returns the canonical form of the procedure src read from file.
func Source(file, src string, opts Options) (string, error) {
	if opts.Width <= 0 {
		opts.Width = DefaultWidth
	}
	if opts.Catalog == nil {
		opts.Catalog = catalog.Builtin()
	}
	if i := strings.IndexByte(src, 0); i >= 0 {
		// the reader's guess of UTF-16 looks at NUL bytes, and a line end
		// added or taken away can change it
		return "", &Error{File: file, Reason: "not formatted", Problems: []*lexer.Error{lexer.Errorf(
			lexer.Pos{Filename: file, Offset: i, Line: 1 + strings.Count(src[:i], "\n"), Column: i - strings.LastIndexByte(src[:i], '\n')},
			lexer.CodeFile, "the file holds a NUL byte (X'00'); sdfp fmt leaves such a file as it is")}}
	}
	p := parser.New(opts.Catalog)
	proc, problems := read(p, file, src)
	if len(problems) > 0 {
		return "", &Error{File: file, Reason: "not formatted", Problems: problems}
	}
	f := &formatter{opts: opts, src: src, cat: opts.Catalog}
	f.list(proc.Body, 0)
	if len(f.problems) > 0 {
		return "", &Error{File: file, Reason: "not formatted", Problems: f.problems}
	}
	f.flush()
	out := f.b.String()
	if strings.HasPrefix(src, "\uFEFF") {
		out = "\uFEFF" + out
	}
	if reason := sameProcedure(p, proc, file, src, out, opts.Expand); reason != "" {
		return "", &Error{File: file, Reason: "formatting would change the procedure (" + reason + "); the file is left as it is"}
	}
	return out, nil
}

// read parses a procedure and returns the problems that keep it from
// being formatted: those of the reader (lines, continuation, encoding)
// and of the block structure. A command SDF would reject when it runs
// (an unknown operand) is formatted as written.
func read(p *parser.Parser, file, src string) (*ast.Procedure, []*lexer.Error) {
	d := p.FileLimits().NewDiagnostics()
	d.Max = 0 // every problem: the command ones are told apart below
	proc := p.Read(file, src, d)
	own := map[*lexer.Error]bool{}
	for _, c := range allCommands(proc.Body) {
		for _, e := range c.Errs {
			own[e] = true
		}
	}
	var out []*lexer.Error
	for _, e := range d.List {
		if !own[e] {
			out = append(out, e)
		}
	}
	return proc, out
}

func allCommands(list []ast.Stmt) []*ast.Command {
	var out []*ast.Command
	for _, s := range list {
		out = append(out, ast.Commands(s)...)
	}
	return out
}

// formatter writes the lines of a procedure in source order.
type formatter struct {
	opts Options
	src  string
	cat  *catalog.Catalog
	b    strings.Builder
	// line is the last physical line of the source written out so far;
	// lines between it and the next unit are blank lines, kept (empty).
	line int
	// blanks counts blank lines not yet written: trailing ones are
	// dropped.
	blanks int
	// starts are the offsets of the source's lines, made on first use.
	starts []int
	// problems are commands that cannot stand on a line of their own.
	problems []*lexer.Error
}

func (f *formatter) list(list []ast.Stmt, depth int) {
	for _, s := range list {
		f.stmt(s, depth)
	}
}

func (f *formatter) stmt(s ast.Stmt, depth int) {
	switch s := s.(type) {
	case *ast.Command:
		f.command(s, depth)
	case *ast.Data:
		f.verbatim(s.Unit)
	default:
		for _, p := range parts(s) {
			f.command(p.cmd, depth)
			f.list(p.body, depth+1)
		}
		f.command(ast.Closer(s), depth)
	}
}

// part is a command of a block statement and the statements it heads.
type part struct {
	cmd  *ast.Command
	body []ast.Stmt
}

// parts lists a block's commands with their bodies in source order: IF
// and each ELSE-IF, ELSE; the closing command is not among them.
func parts(s ast.Stmt) []part {
	var out []part
	var elseCmd *ast.Command
	var elseBody []ast.Stmt
	switch s := s.(type) {
	case *ast.If:
		for _, br := range s.Branches {
			out = append(out, part{br.Cmd, br.Body})
		}
		elseCmd, elseBody = s.ElseCmd, s.Else
	case *ast.ErrorBlock:
		out = append(out, part{s.Cmd, s.Then})
		elseCmd, elseBody = s.ElseCmd, s.Else
	default:
		var body []ast.Stmt
		for _, c := range ast.Children(s) {
			body = append(body, c...)
		}
		return []part{{s.Opener(), body}}
	}
	if elseCmd != nil {
		out = append(out, part{elseCmd, elseBody})
	}
	return out
}

// gap notes the blank lines in front of a unit starting on line.
func (f *formatter) gap(line int) {
	if f.line > 0 && line > f.line+1 {
		f.blanks += line - f.line - 1
	}
}

// emit writes one output line, after the blank lines pending.
func (f *formatter) emit(s string) {
	for ; f.blanks > 0; f.blanks-- {
		f.b.WriteByte('\n')
	}
	f.b.WriteString(s)
	f.b.WriteByte('\n')
}

func (f *formatter) flush() { f.blanks = 0 }

// verbatim copies the physical lines of a unit (a data line, a //
// statement) as they are, apart from a line ending in CR LF. It copies
// from the line after the last one written: a unit's position is that of
// its first line that holds text, and a statement may start with a line
// that holds only its continuation hyphen. (The lines before it are
// blank, and written as empty lines.)
func (f *formatter) verbatim(u *lexer.Unit) {
	first := u.Pos().Line
	if u.Kind == lexer.StatementUnit || first <= f.line {
		first = f.line + 1
	}
	f.gap(first)
	for n := first; n <= u.EndLine; n++ {
		l := f.sourceLine(n)
		switch {
		case strings.Trim(l, " \t") == "": // the reader's blank line
			l = ""
		case strings.HasSuffix(l, "\r"):
			// a CR of the text before the line end: the reader takes one
			// CR away, so the line keeps one more
			l += "\r"
		}
		f.emit(l)
	}
	f.line = max(f.line, u.EndLine)
}

// sourceLine returns physical line n (1-based) of the source without its
// end. The lines' starts are found once.
func (f *formatter) sourceLine(n int) string {
	if f.starts == nil {
		f.starts = []int{bomLen(f.src)}
		for i := 0; i < len(f.src); i++ {
			if f.src[i] == '\n' {
				f.starts = append(f.starts, i+1)
			}
		}
	}
	if n < 1 || n > len(f.starts) {
		return ""
	}
	l := f.src[f.starts[n-1]:]
	if j := strings.IndexByte(l, '\n'); j >= 0 {
		l = l[:j]
	}
	return strings.TrimSuffix(l, "\r")
}

func bomLen(s string) int {
	if strings.HasPrefix(s, "\uFEFF") {
		return len("\uFEFF")
	}
	return 0
}

// command writes one command: its text, expanded if asked, on its first
// line and the continuation lines it was written with, each broken
// further where it passes the width.
func (f *formatter) command(c *ast.Command, depth int) {
	if c == nil || c.Unit == nil {
		return
	}
	u := c.Unit
	if u.Kind != lexer.CommandUnit {
		f.verbatim(u)
		return
	}
	f.gap(u.Pos().Line)
	text, breaks := u.Text, u.Breaks()
	if f.opts.Expand {
		text, breaks = expand(f.cat, c, text, breaks)
	}
	indent := strings.Repeat(Indent, min(depth, MaxIndentDepth))
	pieces := splitAt(text, breaks)
	lead := 0 // blanks the first line loses, and lines that hold only blanks
	for len(pieces) > 1 && strings.TrimLeft(pieces[0], " \t") == "" {
		lead += len(pieces[0])
		pieces = pieces[1:]
	}
	n := len(pieces[0]) - len(strings.TrimLeft(pieces[0], " \t"))
	pieces[0], lead = pieces[0][n:], lead+n
	last := len(pieces) - 1
	pieces[last] = strings.TrimRight(pieces[last], " \t")
	if strings.HasSuffix(pieces[last], "-") {
		// "/A -;B": alone on its line, the hyphen would continue it
		f.problems = append(f.problems, lexer.Errorf(u.PosAt(len(u.Text)), lexer.CodeSyntax,
			"a command that ends with a hyphen cannot stand on a line of its own: the hyphen would continue it"))
		return
	}
	if strings.HasPrefix(pieces[0], "/") && indent == "" {
		// "//" would start a program statement
		indent = " "
	}
	first := "/" + indent
	free := outsideQuotes(text)
	parens := parenDepths(text, free)
	breakable := outsideChoices(text, free)
	// a continuation line's slash stands contIndent right of the
	// command, and further by the parentheses open where it starts, as
	// the manual indents the operands of a structure
	cont := func(off int) string {
		return strings.Repeat(" ", len(first)+contIndent-1+len(Indent)*min(parens[off], maxContDepth)) + "/"
	}
	var lines []string
	off := lead // where the piece starts in text
	for i, piece := range pieces {
		prefix := first
		if i > 0 {
			prefix = cont(off)
		}
		lines = append(lines, f.fit(breakable[off:off+len(piece)], parens[off:off+len(piece)], piece, off, prefix, cont, i == last)...)
		off += len(piece)
	}
	for i, l := range lines {
		if i < len(lines)-1 {
			l += "-"
		}
		f.emit(l)
	}
	f.line = max(f.line, u.EndLine)
}

// splitAt cuts text at the offsets.
func splitAt(text string, breaks []int) []string {
	var out []string
	from := 0
	for _, b := range breaks {
		out = append(out, text[from:b])
		from = b
	}
	return append(out, text[from:])
}

// fit breaks one piece of a command's text, at offset off of the text,
// into lines that fit the width: the first behind prefix, the others
// behind the continuation prefix cont gives for their offset. Every line
// but the command's last is followed by a continuation hyphen, which
// counts. free tells which bytes of the piece stand outside strings and
// comments, parens how many parentheses are open at each.
func (f *formatter) fit(free []bool, parens []int, piece string, off int, prefix string, cont func(int) string, final bool) []string {
	var lines []string
	for {
		room := f.opts.Width - utf8.RuneCountInString(prefix)
		hyphen := 1
		if final {
			hyphen = 0
		}
		if utf8.RuneCountInString(piece)+hyphen <= room {
			return append(lines, prefix+piece)
		}
		cut := breakPoint(free, parens, piece, room-1)
		if cut <= 0 {
			return append(lines, prefix+piece)
		}
		lines = append(lines, prefix+piece[:cut])
		piece, free, parens, off = piece[cut:], free[cut:], parens[cut:], off+cut
		prefix = cont(off)
	}
}

// maxContDepth bounds the indentation parentheses add to a continuation
// line, so deep nesting does not push the text off the line.
const maxContDepth = 8

// parenDepths gives for each offset of text (and its end) the number of
// parentheses open in front of it, outside strings and comments.
func parenDepths(text string, free []bool) []int {
	out := make([]int, len(text)+1)
	d := 0
	for i := 0; i < len(text); i++ {
		out[i] = d
		if free[i] {
			switch text[i] {
			case '(':
				d++
			case ')':
				d = max(d-1, 0)
			}
		}
	}
	out[len(text)] = d
	return out
}

// breakPoint returns where piece is best cut so that its first part has
// at most room characters, after a comma or blank outside strings and
// comments: of the places that fill at least a third of the room, the
// last of those with the fewest parentheses open, so that a line ends
// between operands rather than inside a structure; else the last place
// that fits; else the first one past the room; 0 when there is none.
// What follows the cut must hold more than blanks, and a run of blanks
// is cut after its last blank.
func breakPoint(free []bool, parens []int, piece string, room int) int {
	best, bestDepth, last, after, chars := 0, 0, 0, 0, 0
	end := len(strings.TrimRight(piece, " \t")) // a cut at or after it leaves only blanks
	for i := 0; i < end-1; i++ {
		c := piece[i]
		if utf8.RuneStart(c) {
			chars++
		}
		if !free[i] || c != ',' && c != ' ' || piece[i+1] == ' ' {
			continue
		}
		switch {
		case chars > room:
			if after == 0 {
				after = i + 1
			}
		case chars >= room/3 && (best == 0 || parens[i] <= bestDepth):
			best, bestDepth, last = i+1, parens[i], i+1
		default:
			last = i + 1
		}
	}
	switch {
	case best > 0:
		return best
	case last > 0:
		return last
	}
	return after
}

// outsideChoices is free without the commas of wildcard choices
// (VM<02,12>, X<A,B>.C): a line broken there would still read the same,
// but the pattern is one value and is easier to read on one line. A
// choice is a '<' that is not an operator's (<=, <>) closed by a '>'
// with no blank, parenthesis, apostrophe or '=' in between.
func outsideChoices(text string, free []bool) []bool {
	out := free
	for i := 0; i+1 < len(text); i++ {
		if !free[i] || text[i] != '<' || text[i+1] == '=' || text[i+1] == '>' {
			continue
		}
		j := i + 1
		for j < len(text) && strings.IndexByte(" \t()'\"=<>", text[j]) < 0 {
			j++
		}
		if j == len(text) || text[j] != '>' || !strings.Contains(text[i:j], ",") {
			continue
		}
		if &out[0] == &free[0] {
			out = append([]bool(nil), free...)
		}
		for k := i + 1; k < j; k++ {
			if text[k] == ',' {
				out[k] = false
			}
		}
		i = j
	}
	return out
}

// outsideQuotes marks the bytes of a command's text that stand outside
// strings ('...', with doubled quotes inside) and comments ("..."), the
// quotes themselves not counted as outside. An unclosed string or comment
// runs to the end.
func outsideQuotes(t string) []bool {
	out := make([]bool, len(t))
	for i := 0; i < len(t); i++ {
		switch q := t[i]; q {
		case '\'', '"':
			j := i + 1
			for ; j < len(t); j++ {
				if t[j] != q {
					continue
				}
				if q == '\'' && j+1 < len(t) && t[j+1] == '\'' {
					j++
					continue
				}
				break
			}
			i = j
		default:
			out[i] = true
		}
	}
	return out
}

// sameProcedure reads the formatted text back and reports how it differs
// from the source (proc is the source read), "" when it does not: the same units of the same kinds
// with the same text (unless expanded), and the same syntax tree printed
// canonically without line numbers.
func sameProcedure(p *parser.Parser, proc *ast.Procedure, file, src, out string, expanded bool) string {
	before, _ := lexer.Read(file, src)
	after, errs := lexer.Read(file, out)
	if len(errs) > 0 {
		return errs[0].Error()
	}
	if len(before) != len(after) {
		return fmt.Sprintf("%d units instead of %d", len(after), len(before))
	}
	for i := range before {
		b, a := before[i], after[i]
		if b.Kind != a.Kind {
			return fmt.Sprintf("line %d: a %s became a %s", b.Pos().Line, b.Kind, a.Kind)
		}
		if !expanded && strings.TrimSpace(b.Text) != strings.TrimSpace(a.Text) && b.Kind != lexer.DataUnit {
			return fmt.Sprintf("line %d: the command reads %q instead of %q", b.Pos().Line, strings.TrimSpace(a.Text), strings.TrimSpace(b.Text))
		}
		if b.Kind == lexer.DataUnit && b.Text != a.Text {
			return fmt.Sprintf("line %d: data line changed", b.Pos().Line)
		}
	}
	pa, _ := p.ParseFile(file, out)
	if x, y := Canonical(proc), Canonical(pa); x != y {
		return "the syntax tree differs"
	}
	return ""
}

// Canonical is the procedure's syntax tree printed as ast.Print prints
// it, without the line numbers (formatting may move lines): two
// procedures with the same canonical text do the same.
func Canonical(proc *ast.Procedure) string {
	lines := strings.Split(ast.Print(proc), "\n")
	for i, l := range lines {
		// "%4d " in front: blanks, the digits, one blank
		t := strings.TrimLeft(l, " ")
		if j := strings.IndexByte(t, ' '); j > 0 {
			lines[i] = t[j+1:]
		}
	}
	return strings.Join(lines, "\n")
}
