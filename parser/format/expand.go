package format

import (
	"sort"

	"sdfp/lexer"
	"sdfp/parser"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// edit replaces text[off:off+n] by repl.
type edit struct {
	off, n int
	repl   string
}

// expand writes the command's abbreviated names in full: the command
// name, operand names and keyword values (a keyword written without its
// star gets it), also inside structures and lists. It leaves alone what
// binds only at run time (a command with &), the short assignment form,
// a command SDF rejects, and a name split over two lines. The result is
// read back and kept only if the command binds exactly as before; breaks
// move with the text.
func expand(cat *catalog.Catalog, c *ast.Command, text string, breaks []int) (string, []int) {
	if c.Spec == nil || c.Args == nil || c.Assign || c.Subst || len(c.Errs) > 0 || c.Unit.Text != text {
		return text, breaks
	}
	toks, err := lexer.Tokenize(c.Unit)
	if err != nil {
		return text, breaks
	}
	at := map[int]int{} // file offset -> token index
	for i, t := range toks {
		at[t.Pos.Offset] = i
	}
	x := &expander{unit: c.Unit, toks: toks, at: at}
	if i, ok := at[c.Pos.Offset]; ok && toks[i].Type == lexer.Name && toks[i].Value != c.Spec.Name {
		x.replace(toks[i], c.Spec.Name)
	}
	x.args(c.Args, true)
	if len(x.edits) == 0 {
		return text, breaks
	}
	out, moved, ok := apply(text, breaks, x.edits)
	if !ok || !bindsAlike(cat, c, out) {
		return text, breaks
	}
	return out, moved
}

type expander struct {
	unit  *lexer.Unit
	toks  []lexer.Token
	at    map[int]int
	edits []edit
}

func (x *expander) replace(t lexer.Token, full string) {
	x.edits = append(x.edits, edit{off: x.unit.Offset(t.Pos), n: len(t.Value), repl: full})
}

// args expands the operand names and values of bound operands. At the top
// level, a key that stands where a value was bound is the variable name
// of SET-VARIABLE's or FOR's "NAME = value" form, not an operand name.
func (x *expander) args(a *ast.Args, top bool) {
	if a == nil {
		return
	}
	valueAt := map[int]bool{}
	if top {
		for _, v := range a.Values {
			if v != nil && v.Given {
				valueAt[v.Pos.Offset] = true
			}
		}
	}
	for i, v := range a.Values {
		if v == nil || !v.Given || v.Pos.Line == 0 {
			continue
		}
		op := a.Ops[i]
		if j, ok := x.at[v.Pos.Offset]; ok && j >= 2 && x.toks[j-1].Type == lexer.Op && x.toks[j-1].Value == "=" {
			key := x.toks[j-2]
			if found, _ := catalog.LookupOperand(a.Ops, key.Value); key.Type == lexer.Name && found == op &&
				key.Value != op.Name && !valueAt[key.Pos.Offset] {
				x.replace(key, op.Name)
			}
		}
		x.value(v)
	}
}

// value expands a keyword value and what is inside it.
func (x *expander) value(v *ast.Value) {
	if v.IsList {
		for _, e := range v.List {
			if e != nil && e.Given {
				x.value(e)
			}
		}
		return
	}
	if v.Alt != nil && v.Alt.Kind == catalog.AltKeyword && v.Keyword != "" {
		if j, ok := x.at[v.Pos.Offset]; ok {
			t := x.toks[j]
			switch {
			case t.Type == lexer.Keyword && t.Value != v.Keyword:
				x.replace(t, v.Keyword)
			case t.Type == lexer.Name:
				x.replace(t, v.Keyword)
			}
		}
	}
	x.args(v.Struct, false)
}

// apply makes the edits, which must not overlap or span a break, and
// moves the breaks behind them.
func apply(text string, breaks []int, edits []edit) (string, []int, bool) {
	sort.Slice(edits, func(i, j int) bool { return edits[i].off < edits[j].off })
	var b []byte
	from := 0
	for _, e := range edits {
		if e.off < from || e.off+e.n > len(text) {
			return "", nil, false
		}
		for _, br := range breaks {
			if br > e.off && br < e.off+e.n {
				return "", nil, false
			}
		}
		b = append(b, text[from:e.off]...)
		b = append(b, e.repl...)
		from = e.off + e.n
	}
	b = append(b, text[from:]...)
	moved := make([]int, len(breaks))
	for i, br := range breaks {
		moved[i] = br
		for _, e := range edits {
			if e.off < br {
				moved[i] += len(e.repl) - e.n
			}
		}
	}
	return string(b), moved, true
}

// bindsAlike reports whether text, read as a command, binds as c does:
// the same label, name and operands in the canonical form, and no error.
func bindsAlike(cat *catalog.Catalog, c *ast.Command, text string) bool {
	nc, errs := parser.New(cat).ParseCommand(lexer.NewUnit(text, c.Unit.Pos()))
	return len(errs) == 0 && nc.Label == c.Label && nc.Name == c.Name && ast.CommandText(nc) == ast.CommandText(c)
}
