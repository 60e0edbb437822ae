package interp

import (
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser"
	"sdfp/parser/ast"
)

// WRITE-TEXT's line by plan (issue 18). WRITE-TEXT 'PASS &I' is SDF-P's
// print statement, and a loop runs it at every pass. When every & of
// such a command stands for a simple name inside its TEXT literal, the
// command after replacement reads as its template does (parser.Template)
// with other contents in that one literal, and the statement needs only
// the string those contents bind to: the plan joins the contents from
// their pieces and writes the line, with neither the whole text
// replaced, nor the template applied, nor the operands unpacked. Any
// value that would change how the command reads (an apostrophe),
// a line too long, an error of the replacement, a listing or a trace
// (which show the replaced text) take the general way: substituted,
// analyseReplaced, writeText. With WithDirectEval(false) no plan is
// made, the reference the differential tests hold this to.

// writePlan is how a planned WRITE-TEXT builds its line.
type writePlan struct {
	// head and tail are the literal's contents before the first name
	// and after the last; pieces are the names and texts between them.
	head, tail string
	pieces     []substPiece
	fixed      int // the bytes of the text outside the contents
	slot       parser.TextSlot
	syslst     bool // OUTPUT=*SYSLST
}

// planWrite makes the write plan of command c, a WRITE-TEXT with the
// replacement plan sp, from a template of its replaced text (its own,
// so the same pieces made the template's text), when its replacement
// allows one; nil otherwise.
func planWrite(c *ast.Command, sp *substPlan, t *parser.Template) *writePlan {
	if c.Name != "WRITE-TEXT" || sp == nil || sp.general || len(sp.pieces) < 3 {
		return nil
	}
	first, last := sp.pieces[0], sp.pieces[len(sp.pieces)-1]
	if first.kind != pieceText || last.kind != pieceText {
		return nil
	}
	text := t.Text()
	for _, p := range sp.pieces[1 : len(sp.pieces)-1] {
		if p.kind == pieceExpr || p.kind == pieceName && (p.name == nil || !p.name.Simple()) {
			return nil // an expression may do more than read (a function's side effects)
		}
		if p.kind == pieceText && strings.Contains(p.text, "'") { // doubled: the contents are not the text
			return nil
		}
	}
	cmd := t.Command()
	slot, ok := t.TextSlot(cmd.Args.Get("TEXT"))
	// the literal opens in the first text and closes in the last
	tailAt := len(text) - len(last.text)
	if !ok || slot.From > len(first.text) || slot.To < tailAt {
		return nil
	}
	wp := &writePlan{head: first.text[slot.From:], tail: last.text[:slot.To-tailAt],
		pieces: sp.pieces[1 : len(sp.pieces)-1], slot: slot, syslst: cmd.Args.Keyword("OUTPUT") == "*SYSLST"}
	if strings.Contains(wp.head, "'") || strings.Contains(wp.tail, "'") {
		return nil
	}
	wp.fixed = slot.From + len(text) - slot.To
	return wp
}

// writePlanned runs a WRITE-TEXT by its write plan; false: it did
// nothing, and the general way runs it.
func (r *Runner) writePlanned(c *ast.Command, wp *writePlan) (*signal, bool) {
	// A line for SYSLST is built in a buffer the runner keeps, which
	// the next one reuses: println copies it, and a line for SYSOUT is
	// copied out below. The loop that writes one line a pass then
	// allocates nothing for it.
	b := append(r.lineBuf[:0], wp.head...)
	for i := range wp.pieces {
		piece := &wp.pieces[i]
		if piece.kind == pieceText {
			b = append(b, piece.text...)
			continue
		}
		var err error
		if b, err = r.appendName(b, piece); err != nil {
			return nil, false // the general way reports it, after the step
		}
	}
	b = append(b, wp.tail...)
	r.lineBuf = b
	contents := bytesString(b)
	line, ok := wp.slot.Bind(contents, wp.fixed+len(contents))
	if !ok {
		return nil, false
	}
	if sig := r.step(c); sig != nil {
		return sig, true
	}
	if wp.syslst {
		r.syslst.println(line)
		return r.applyDone(c), true
	}
	res := handler.Done(msg.Plain(strings.Clone(line)))
	return r.apply(c, &res), true
}

// planWriteOnce makes the write plan of planned command c from the first
// template its replaced text made (a command is planned or not from its
// first execution on, so the templates Apply finds later add nothing).
func (r *Runner) planWriteOnce(c *ast.Command, t *parser.Template) {
	if c.Name != "WRITE-TEXT" || !r.planned(c) {
		return
	}
	if p := r.plan(c); !p.writeTried {
		p.writeTried = true
		p.write = planWrite(c, p.subst, t)
	}
}
