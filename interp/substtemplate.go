package interp

import (
	"sdfp/lexer"
	"sdfp/parser"
	"sdfp/parser/ast"
)

// Analysis after & replacement, kept (issue 18). A command such as
// WRITE-TEXT 'PASS &I' is analysed again after each replacement; when
// the replacement changed only the contents of string literals that are
// operand values of their own, and kept their lengths, the analysis of
// an earlier pass tells what this one gives (parser.Template: it checks
// that the text reads the same way and binds the new values with the
// binder's own code). A command keeps the templates of its last few
// replaced texts of different lengths (PASS 9, PASS 10). The text itself
// is still replaced each time, so what SYSLST logs, what traces show and
// where an error points are as before. With WithDirectEval(false) every
// replaced text is analysed anew, the reference the differential tests
// hold this to.

// templatesPerCommand is how many templates a command keeps: one per
// length of its replaced text, the one unused longest given up first.
const templatesPerCommand = 4

// maxTemplateMisses is how many replaced texts in a row may find no
// template before a command makes a new one only every
// templateRetry-th time: its literals are not values of their own (part
// of an expression, of raw text), or their lengths change at every pass,
// so each new template would be work for nothing.
const (
	maxTemplateMisses = 8
	templateRetry     = 16
)

type substTemplates struct {
	t      [templatesPerCommand]*parser.Template // the one that fitted last first
	misses int
	// applied is the command the last replacement gave, when template
	// from made it: a statement that keeps nothing of its command gives
	// it back to the template once it has run (releaseReplaced).
	applied *ast.Command
	from    *parser.Template
}

// keepsNothing are the statements that hold nothing of their command
// once they have returned and their result is printed: they copy out
// the strings they need. A command made by & replacement that runs one
// gives its memory back to its template for the next replacement
// (parser.Template.Release), which then allocates no command.
var keepsNothing = map[string]bool{"WRITE-TEXT": true, "REMARK": true}

// templatesOf are the templates of command c: a planned command keeps
// them in its plan, so none is found by hashing.
func (r *Runner) templatesOf(c *ast.Command) *substTemplates {
	var p *plan
	if r.planned(c) {
		if p = r.plan(c); p.templates != nil {
			return p.templates
		}
	}
	st := r.substTemplates[c]
	if st == nil {
		if r.substTemplates == nil || len(r.substTemplates) >= maxParsed {
			r.substTemplates = map[*ast.Command]*substTemplates{}
		}
		st = &substTemplates{}
		r.substTemplates[c] = st
	}
	if p != nil {
		p.templates = st
	}
	return st
}

// releaseReplaced gives command c, which the replacement of orig gave
// and which a statement that keeps nothing has run, back to its
// template.
func (r *Runner) releaseReplaced(orig, c *ast.Command) {
	if st := r.templatesOf(orig); st.applied == c && st.from != nil {
		st.from.Release(c)
		st.applied, st.from = nil, nil
	}
}

// analyseReplaced analyses text, command c's after replacement.
func (r *Runner) analyseReplaced(c *ast.Command, text string) (*ast.Command, []*lexer.Error) {
	if r.directOff {
		return r.parser.ParseCommand(lexer.NewUnit(text, c.Unit.Pos()))
	}
	st := r.templatesOf(c)
	st.applied, st.from = nil, nil
	for i, t := range st.t {
		if t == nil {
			break
		}
		if nc, ok := t.Apply(text); ok {
			st.misses = 0
			st.applied, st.from = nc, t
			// Tried first next time: a counter's replacement keeps its
			// length for a while (I from 1000 to 9999), so the template
			// that fitted last is the likeliest to fit again.
			copy(st.t[1:i+1], st.t[:i])
			st.t[0] = t
			return nc, nil
		}
	}
	st.misses++
	u := lexer.NewUnit(text, c.Unit.Pos())
	if st.misses > maxTemplateMisses && st.misses%templateRetry != 0 {
		return r.parser.ParseCommand(u)
	}
	nc, t, errs := r.parser.ParseCommandTemplate(u)
	if t == nil {
		return nc, errs
	}
	r.planWriteOnce(c, t)
	copy(st.t[1:], st.t[:templatesPerCommand-1]) // the one unused longest goes
	st.t[0] = t
	return nc, errs
}
