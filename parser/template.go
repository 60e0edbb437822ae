package parser

import (
	"reflect"
	"strings"

	"sdfp/lexer"
	"sdfp/lexer/ebcdic"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// Command templates (issue 18). A command with & inside a string literal
// (WRITE-TEXT 'PASS &I') is analysed again after every replacement, and
// most replacements change nothing but the literal's contents. A Template
// keeps the first analysis and gives the analysis of another text without
// reading it again, when that text provably reads the same way:
//
//   - it is as long as the template's text and equal to it byte for byte
//     outside the contents of the template's rebindable literals, so
//     every token before, between and after them is the same token at the
//     same position;
//   - inside those contents its apostrophes stand where the template's do
//     (doubled, as in 'IT''S'), so each literal ends where it ended, and
//     each holds an & when, and only when, the template's held one (which
//     decides whether the command still counts as holding replacements);
//   - each such literal was bound alone as the whole value of an operand
//     (or a list element), and binding the new contents the same way
//     takes the same alternative without a problem.
//
// The command then differs from ParseCommand's only in those values,
// which are bound by the binder's own code (binder.alternative, or
// binder.cstring for a c-string every literal takes) with the same token
// position, unit text and leniency; a template is made only from a
// command whose operands the fast operand parser read, and a literal is
// rebindable only when binding its own contents alone gives the very
// value the command holds. Anything else — another
// length, a literal inside an expression or raw text, an X-string, a
// problem — answers false, and the caller reads the text as before.

// A Template is a command read by ParseCommandTemplate and the literals
// in it whose contents may change.
type Template struct {
	cmd  *ast.Command
	unit *lexer.Unit
	text string
	lits []templateLit
	// hot marks the values and structures on the way from the command's
	// operands to a rebindable literal: the nodes Apply copies.
	hot map[any]bool
	// leaf maps a literal's bound value to its index in lits.
	leaf map[*ast.Value]int
	// top are the indices of the command's hot operand values.
	top []int
	max int // Limits.CommandBytes
	// last is the command Apply returned last; spare one whose caller
	// said it holds nothing of it any more (Release), which the next
	// Apply fills instead of allocating.
	last, spare *appliedCommand
}

type templateLit struct {
	from, to int         // the contents, between the apostrophes, in text
	tok      lexer.Token // the literal as the template read it
	value    *ast.Value
	amp      bool // the contents hold an &
	lenient  bool
	assign   bool
	// cstring: the value is a <c-string> that every string literal
	// takes (no literal alternative comes before it, which a literal's
	// contents could name instead), bound by binder.cstring alone.
	cstring bool
}

// ParseCommandTemplate is ParseCommand that also returns a template of
// the command, or nil when the command has no literal a template could
// rebind (or any problem).
func (p *Parser) ParseCommandTemplate(u *lexer.Unit) (*ast.Command, *Template, []*lexer.Error) {
	max := p.FileLimits().CommandBytes
	if max > 0 && len(u.Text) > max && ebcdic.Len(u.Text) > max {
		cmd, errs := p.ParseCommand(u) // the length error
		return cmd, nil, errs
	}
	cmd, toks, fast, errs := p.parseCommandToks(u, nil)
	for _, e := range errs {
		e.Resolve()
	}
	cmd.Errs = errs
	if len(errs) > 0 || !fast || cmd.Args == nil {
		return cmd, nil, errs
	}
	return cmd, newTemplate(cmd, u, toks, max), nil
}

func newTemplate(cmd *ast.Command, u *lexer.Unit, toks []lexer.Token, max int) *Template {
	leaves := map[lexer.Pos]*ast.Value{}
	dup := map[lexer.Pos]bool{}
	collectLeaves(cmd.Args, leaves, dup)
	t := &Template{cmd: cmd, unit: u, text: u.Text, hot: map[any]bool{}, leaf: map[*ast.Value]int{}, max: max}
	for _, tok := range toks {
		if tok.Type != lexer.String {
			continue
		}
		v := leaves[tok.Pos]
		if v == nil || dup[tok.Pos] {
			continue // not a value of its own: its bytes must stay as they are
		}
		off := u.Offset(tok.Pos)
		if off < len(u.Text) && u.Text[off] != '\'' {
			off++ // C'...'
		}
		if off >= len(u.Text) || u.Text[off] != '\'' {
			continue
		}
		end := off + tokenWidth(u.Text, off, tok) - 1 // the closing apostrophe
		if end <= off || end >= len(u.Text) || u.Text[end] != '\'' {
			continue
		}
		lit := templateLit{from: off + 1, to: end, tok: tok, value: v, amp: strings.Contains(tok.Value, "&"),
			lenient: cmd.Subst, assign: cmd.Assign}
		// the literal must be the whole value: bound alone, it gives the
		// very value the command holds
		if nv, ok := lit.bind(tok.Value, u); !ok || !reflect.DeepEqual(nv, v) {
			continue
		}
		lit.cstring = takesEveryLiteral(v)
		t.leaf[v] = len(t.lits)
		t.lits = append(t.lits, lit)
	}
	if len(t.lits) == 0 || !t.markHot(cmd.Args) {
		return nil
	}
	for i, v := range cmd.Args.Values {
		if t.hot[v] {
			t.top = append(t.top, i)
		}
	}
	return t
}

// collectLeaves maps the position of every given value without
// sub-values to it; dup marks positions two values share.
func collectLeaves(a *ast.Args, leaves map[lexer.Pos]*ast.Value, dup map[lexer.Pos]bool) {
	if a == nil {
		return
	}
	for _, v := range a.Values {
		collectValue(v, leaves, dup)
	}
}

func collectValue(v *ast.Value, leaves map[lexer.Pos]*ast.Value, dup map[lexer.Pos]bool) {
	if v == nil {
		return
	}
	if v.Struct != nil || v.IsList {
		collectLeaves(v.Struct, leaves, dup)
		for _, e := range v.List {
			collectValue(e, leaves, dup)
		}
		return
	}
	if !v.Given {
		return
	}
	if _, seen := leaves[v.Pos]; seen {
		dup[v.Pos] = true
	}
	leaves[v.Pos] = v
}

// markHot marks the nodes above the rebindable literals; false when a
// literal's value is reached twice (a shared node Apply could not copy
// once).
func (t *Template) markHot(a *ast.Args) bool {
	found := 0
	var args func(a *ast.Args) bool
	var value func(v *ast.Value) bool
	args = func(a *ast.Args) bool {
		hot := false
		if a == nil {
			return false
		}
		for _, v := range a.Values {
			if value(v) {
				hot = true
			}
		}
		if hot {
			t.hot[a] = true
		}
		return hot
	}
	value = func(v *ast.Value) bool {
		if v == nil {
			return false
		}
		if _, ok := t.leaf[v]; ok {
			found++
			t.hot[v] = true
			return true
		}
		hot := args(v.Struct)
		for _, e := range v.List {
			if value(e) {
				hot = true
			}
		}
		if hot {
			t.hot[v] = true
		}
		return hot
	}
	args(a)
	return found == len(t.lits)
}

// takesEveryLiteral reports whether v's alternative is a <c-string> that
// bindAlternative gives any value written as one string literal: the
// literal is no keyword, and scalar meets no literal alternative before
// the c-string (integers, fixed numbers and X-strings take no string
// literal).
func takesEveryLiteral(v *ast.Value) bool {
	if v.Alt == nil || v.Alt.Kind != catalog.AltCString || v.Operand == nil {
		return false
	}
	for _, a := range v.Operand.Alts {
		if a == v.Alt {
			return true
		}
		if a.Kind == catalog.AltLiteral || a.Kind == catalog.AltCString {
			return false
		}
	}
	return false
}

// literalBinding is what bind hands the binder, in one allocation.
type literalBinding struct {
	b     binder
	tok   [1]lexer.Token
	atom  Atom
	atoms [1]*Atom
}

// bind binds contents as the literal's operand value, as the binder
// binds a value written as one string literal.
func (l *templateLit) bind(contents string, u *lexer.Unit) (*ast.Value, bool) {
	return l.bindInto(nil, contents, u)
}

// bindInto is bind that binds a c-string into v, when v is not nil (the
// value Apply allocates with the command).
func (l *templateLit) bindInto(v *ast.Value, contents string, u *lexer.Unit) (*ast.Value, bool) {
	if l.cstring {
		b := binder{lenient: l.lenient}
		tok := l.tok
		tok.Value = contents
		if v == nil {
			v = new(ast.Value)
		}
		*v = ast.Value{Pos: tok.Pos, Operand: l.value.Operand, Given: true}
		b.cstring(v, v.Operand, l.value.Alt, tok)
		return v, len(b.errs) == 0
	}
	lb := &literalBinding{b: binder{unit: u, lenient: l.lenient, assign: l.assign}, tok: [1]lexer.Token{l.tok}}
	lb.tok[0].Value = contents
	lb.atom = Atom{Pos: l.tok.Pos, Tokens: lb.tok[:], Token: &lb.tok[0]}
	lb.atoms[0] = &lb.atom
	nv := lb.b.alternative(l.value.Operand, lb.atoms[:], lb.tok[:], l.tok.Pos)
	if len(lb.b.errs) > 0 || nv.Alt != l.value.Alt {
		return nil, false
	}
	return nv, true
}

// appliedCommand is the command Apply returns with its unit, operands
// and the value of its first literal when that is a c-string, in one
// allocation.
type appliedCommand struct {
	cmd  ast.Command
	unit lexer.Unit
	args ast.Args
	vals [8]*ast.Value
	lit  ast.Value
}

// Apply returns the command text reads as, read at the template's
// position, when it reads as the template's with other literal contents
// (see above); false: read it with ParseCommand.
func (t *Template) Apply(text string) (*ast.Command, bool) {
	if len(text) != len(t.text) {
		return nil, false
	}
	if t.max > 0 && len(text) > t.max && ebcdic.Len(text) > t.max {
		return nil, false
	}
	at := 0
	for i := range t.lits {
		l := &t.lits[i]
		if text[at:l.from] != t.text[at:l.from] || !sameQuotes(text[l.from:l.to], t.text[l.from:l.to]) {
			return nil, false
		}
		at = l.to
	}
	if text[at:] != t.text[at:] {
		return nil, false
	}
	ac := t.spare // nobody holds it: written over even if this text fails below
	if ac == nil {
		ac = new(appliedCommand)
	}
	// Field by field: the operands, their values and the literal are all
	// written below before anything reads them, and writing the whole
	// struct (zeroing them first) was a fifth of Apply.
	ac.cmd, ac.unit = *t.cmd, t.unit.Retext(text)
	var one [1]*ast.Value
	values := one[:]
	if len(t.lits) > 1 {
		values = make([]*ast.Value, len(t.lits))
	}
	for i := range t.lits {
		l := &t.lits[i]
		contents := unquote(text[l.from:l.to])
		if strings.Contains(contents, "&") != l.amp {
			return nil, false
		}
		var into *ast.Value
		if i == 0 {
			into = &ac.lit
		}
		v, ok := l.bindInto(into, contents, &ac.unit)
		if !ok {
			return nil, false
		}
		values[i] = v
	}
	ac.cmd.Unit = &ac.unit
	if n := len(t.cmd.Args.Values); n <= len(ac.vals) {
		ac.args = ast.Args{Ops: t.cmd.Args.Ops, Values: ac.vals[:n:n]}
		copy(ac.args.Values, t.cmd.Args.Values)
		for _, i := range t.top {
			ac.args.Values[i] = t.copyValue(t.cmd.Args.Values[i], values)
		}
		ac.cmd.Args = &ac.args
	} else {
		ac.cmd.Args = t.copyArgs(t.cmd.Args, values)
	}
	t.spare, t.last = nil, ac
	return &ac.cmd, true
}

// Release tells the template that its caller holds nothing of c any
// more, neither the command nor its unit, operands or values (strings
// taken from them stay valid: they are not written): when c is the
// command Apply returned last, the next Apply fills c's memory instead
// of allocating a command. Only a caller that knows that nothing it
// handed c to kept it may release it.
func (t *Template) Release(c *ast.Command) {
	if t.last != nil && c == &t.last.cmd {
		t.spare, t.last = t.last, nil
	}
}

// sameQuotes reports whether two literal contents have their
// apostrophes at the same places.
func sameQuotes(a, b string) bool {
	if strings.IndexByte(a, '\'') < 0 && strings.IndexByte(b, '\'') < 0 {
		return true
	}
	for i := 0; i < len(a); i++ {
		if (a[i] == '\'') != (b[i] == '\'') {
			return false
		}
	}
	return true
}

// unquote is a literal's value: its contents with doubled apostrophes
// single, as scanString reads them.
func unquote(s string) string {
	if strings.IndexByte(s, '\'') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "''", "'")
}

// copyArgs copies a structure's (or the command's) operands, the hot
// values copied too.
func (t *Template) copyArgs(a *ast.Args, values []*ast.Value) *ast.Args {
	n := &ast.Args{Ops: a.Ops, Values: make([]*ast.Value, len(a.Values))}
	for i, v := range a.Values {
		n.Values[i] = v
		if t.hot[v] {
			n.Values[i] = t.copyValue(v, values)
		}
	}
	return n
}

func (t *Template) copyValue(v *ast.Value, values []*ast.Value) *ast.Value {
	if i, ok := t.leaf[v]; ok {
		return values[i]
	}
	n := *v
	if v.Struct != nil && t.hot[v.Struct] {
		n.Struct = t.copyArgs(v.Struct, values)
	}
	if len(v.List) > 0 {
		n.List = make([]*ast.Value, len(v.List))
		for i, e := range v.List {
			n.List[i] = e
			if t.hot[e] {
				n.List[i] = t.copyValue(e, values)
			}
		}
	}
	return &n
}

// A TextSlot is a rebindable c-string literal of a template, for a
// caller that builds the literal's contents itself and needs only the
// string it binds to (WRITE-TEXT's line): the rest of the command is the
// template's, and stays so whatever the contents, as long as they hold
// no apostrophe (which could end the literal). An & in them would only
// make the command count as holding replacements, which changes nothing
// a c-string binds to: Apply refuses it because it returns the command.
type TextSlot struct {
	From, To int // the contents, between the apostrophes, in the template's text
	alt      *catalog.Alt
	max      int // Limits.CommandBytes
}

// Text is the text the template was read from.
func (t *Template) Text() string { return t.text }

// Command is the command the template was read as; the caller must not
// change it.
func (t *Template) Command() *ast.Command { return t.cmd }

// TextSlot returns the slot of the literal bound as value v of the
// template's command, when v is a c-string every literal binds to.
func (t *Template) TextSlot(v *ast.Value) (TextSlot, bool) {
	i, ok := t.leaf[v]
	if !ok || !t.lits[i].cstring {
		return TextSlot{}, false
	}
	l := &t.lits[i]
	return TextSlot{From: l.from, To: l.to, alt: l.value.Alt, max: t.max}, true
}

// Bind returns the string the slot's operand holds when the literal's
// contents are contents and the command's text is textLen bytes long,
// as Apply binds it; false when Apply would refuse it (an apostrophe in
// contents, a command or string too long, too short).
func (s *TextSlot) Bind(contents string, textLen int) (string, bool) {
	if strings.IndexByte(contents, '\'') >= 0 {
		return "", false
	}
	if s.max > 0 && textLen > s.max {
		// perhaps not too long in characters: the caller's general way
		// decides, as it does for Apply
		return "", false
	}
	a := s.alt
	if a.HasRange {
		// a character takes at least one byte: no count needed when the
		// bytes are within the range
		if n := int64(len(contents)); n < a.Min || n > a.Max {
			if n := int64(ebcdic.Len(contents)); n < a.Min || n > a.Max {
				return "", false
			}
		}
	}
	if !a.Lower {
		return ebcdic.ToUpper(contents), true
	}
	return contents, true
}
