package interp

import (
	"context"

	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// Dialog runs commands entered one after another at the terminal, as in
// a BS2000 dialog: all inputs share one procedure level, so variables,
// options and the saved return code carry over from one input to the
// next. An error ends only the input that caused it.
type Dialog struct {
	r *Runner
	f *frame
}

// NewDialog starts a dialog on the runner.
func (r *Runner) NewDialog(ctx context.Context) *Dialog {
	if ctx == nil {
		ctx = context.Background()
	}
	r.ctx = ctx
	r.dialogTask = true
	f := &frame{
		proc: &ast.Procedure{File: "dialog", Labels: map[string]*ast.Command{}}, locals: newScope(),
		dialog: true, level: 1, implicitDecl: true, dataErrors: true, last: handler.OK, saved: handler.OK,
		usedParams: map[int]bool{}, labels: map[*ast.Stmt]map[string]int{}, blocks: map[string]*ast.Block{},
		syslstSaved: r.syslst.save(),
	}
	r.frame = f
	return &Dialog{r: r, f: f}
}

// Run executes the statements of one input (a command, or a whole block
// entered up to its closing command). It returns the error the input
// ended with, if any.
func (d *Dialog) Run(stmts *ast.Procedure) *Error {
	r := d.r
	r.frame = d.f
	// each input has the whole step limit: counted over the session, one
	// runaway loop stopped by it made every later input fail at its
	// first command
	r.steps, r.checkAt = 0, 0
	ast.Walk(stmts.Body, func(s ast.Stmt) bool {
		if b, ok := s.(*ast.Block); ok && b.Cmd.Label != "" {
			d.f.blocks[b.Cmd.Label] = b
		}
		return true
	})
	sig := r.execList(stmts.Body)
	if sig == nil {
		return nil
	}
	switch sig.kind {
	case sigError:
		return sig.err
	case sigExit:
		return nil
	case sigGoto:
		return r.branchError(sig.pos, gotoTargetMissing.result(sig.label))
	}
	return r.branchError(sig.pos, loopControlOutside.result())
}

// Close ends the dialog: SYSLST and SYSOUT files are closed (and so
// replace the files' old content; see WriteErrors).
func (d *Dialog) Close() {
	d.r.syslst.restore(d.f.syslstSaved)
	d.r.closeSystemFiles()
}

// RunContext is Run with a context of the input's own: cancelling it
// (Ctrl-C in sdfp dialog) ends the input at its next check (every
// 1,024 commands) with SDP0099 RUN CANCELLED, and the dialog goes on
// with the next input.
func (d *Dialog) RunContext(ctx context.Context, stmts *ast.Procedure) *Error {
	prev := d.r.ctx
	d.r.ctx = ctx
	defer func() { d.r.ctx = prev }()
	return d.Run(stmts)
}
