package interp

import (
	"sdfp/lexer"

	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// Control flow is a tree walk. A statement that does not simply complete
// returns a signal that travels up the blocks until one of them deals with
// it: a GOTO finds its label in the statement list that holds it, CYCLE and
// EXIT-BLOCK find their loop or block, an error finds the IF-CMD-ERROR
// right after the failing command or the next IF-BLOCK-ERROR of its block
// or an enclosing one, EXIT-PROCEDURE leaves the procedure.

type sigKind int

const (
	sigGoto sigKind = iota + 1
	sigCycle
	sigExitBlock
	sigError
	sigExit
)

type signal struct {
	kind    sigKind
	label   string // GOTO target; CYCLE/EXIT-BLOCK tag ("" = innermost)
	err     *Error // sigError
	rc      handler.ReturnCode
	exitErr bool // sigExit: EXIT-PROCEDURE ERROR=*YES
	// pos is the command that raised the signal (EXIT-PROCEDURE, GOTO,
	// CYCLE, EXIT-BLOCK, a branch): a GOTO or CYCLE that finds no target
	// is reported there, not where the procedure was called
	pos lexer.Pos
}

// execList runs a statement list.
func (r *Runner) execList(list []ast.Stmt) *signal {
	i := 0
	for i < len(list) {
		var sig *signal
		if c, ok := list[i].(*ast.Command); ok {
			if p := r.quickPlan(c); p != nil {
				// a planned assignment or statement, what execCommand's
				// way comes to for it, without its calls
				if sig = r.step(c); sig == nil {
					r.logCmd(c)
					if p.quick == quickSet {
						sig = r.setPlanned(c, p)
					} else {
						sig = r.callPlanned(c, p)
					}
				}
			} else {
				sig = r.execCommand(c)
			}
		} else {
			sig = r.execStmt(list[i])
		}
		jumped := false
		for sig != nil {
			switch sig.kind {
			case sigGoto:
				j := r.frame.labelIndex(list, sig.label)
				if j < 0 {
					return sig
				}
				i, sig, jumped = j, nil, true
			case sigError:
				if sig.err.Limit {
					return sig // a run limit ends the run; no handler catches it
				}
				k := errorHandlerIndex(list, i)
				if k < 0 {
					return sig
				}
				i = k
				if eb, ok := list[k].(*ast.ErrorBlock); ok {
					sig = r.runErrorHandler(eb, sig.err)
				} else {
					sig = r.endSpinOff(list[k].(*ast.Command), sig.err)
				}
			default:
				return sig
			}
		}
		if !jumped {
			i++
		}
	}
	return nil
}

// errorHandlerIndex finds the statement that handles an error of
// list[failed]: an IF-CMD-ERROR directly after a failing simple command
// (comment lines in between do not count), else the next IF-BLOCK-ERROR
// of the list or SET-JOB-STEP, which ends the error situation too
// (switches.go). It returns -1 when the list has none, so the error goes on
// to the enclosing block.
func errorHandlerIndex(list []ast.Stmt, failed int) int {
	if _, simple := list[failed].(*ast.Command); simple {
		for j := failed + 1; j < len(list); j++ {
			if c, ok := list[j].(*ast.Command); ok && c.Name == "" && c.Label == "" && len(c.Errs) == 0 {
				continue // comment line
			}
			if eb, ok := list[j].(*ast.ErrorBlock); ok && eb.ForCmd {
				return j
			}
			break
		}
	}
	for j := failed + 1; j < len(list); j++ {
		if eb, ok := list[j].(*ast.ErrorBlock); ok && !eb.ForCmd || isJobStep(list[j]) {
			return j
		}
	}
	return -1
}

// runErrorHandler runs the THEN part of an error block for a pending
// error. The error counts as handled: the commands of the handler run
// normally and SUBCODE1() etc. show the error's return code.
func (r *Runner) runErrorHandler(eb *ast.ErrorBlock, err *Error) *signal {
	r.frame.saved = err.RC
	r.branchCmd(eb.Cmd, BranchTaken) // the handler runs
	sig := r.execList(eb.Then)
	if sig == nil {
		r.blockCmd(eb.End)
	}
	return r.blockExit(eb, sig)
}

func (r *Runner) execStmt(s ast.Stmt) *signal {
	switch s := s.(type) {
	case *ast.Command:
		return r.execCommand(s)
	case *ast.Data:
		return r.dataLine(s)
	case *ast.If:
		return r.execIf(s)
	case *ast.ErrorBlock:
		// Reached without an error: IF-CMD-ERROR saves the preceding
		// command's return code; the ELSE part runs.
		if sig := r.step(s.Cmd); sig != nil {
			return sig
		}
		if s.ForCmd {
			r.frame.saved = r.frame.lastRC()
		}
		r.branchCmd(s.Cmd, BranchNotTaken) // no error: the handler is passed by
		var sig *signal
		if s.ElseCmd != nil {
			r.blockCmd(s.ElseCmd)
			sig = r.endBlock(s.End, r.execList(s.Else))
		} else {
			r.blockCmd(s.End)
		}
		return r.blockExit(s, sig)
	case *ast.While:
		return r.execWhile(s)
	case *ast.Repeat:
		return r.execRepeat(s)
	case *ast.For:
		return r.execFor(s)
	case *ast.Block:
		if sig := r.step(s.Cmd); sig != nil {
			return sig
		}
		r.blockCmd(s.Cmd)
		return r.blockExit(s, r.endBlock(s.End, r.execList(s.Body)))
	}
	return nil
}

// blockExit consumes an EXIT-BLOCK aimed at this block. EXIT-BLOCK without
// a tag leaves the innermost BEGIN block or loop, not an IF block.
func (r *Runner) blockExit(s ast.Stmt, sig *signal) *signal {
	if sig == nil || sig.kind != sigExitBlock {
		return sig
	}
	if sig.label == "" {
		switch s.(type) {
		case *ast.Block, *ast.While, *ast.Repeat, *ast.For:
			return nil
		}
		return sig
	}
	if ast.Tag(s) == sig.label {
		return nil
	}
	return sig
}

// loopControl handles a signal from a loop body: it reports whether the
// loop goes on (CYCLE for this loop) and what to return otherwise.
func (r *Runner) loopControl(s ast.Stmt, sig *signal) (cont bool, out *signal) {
	if sig == nil {
		return true, nil // the pass that ran through, inlined
	}
	return r.loopSignal(s, sig)
}

// loopSignal is loopControl for a pass that ended with a signal.
func (r *Runner) loopSignal(s ast.Stmt, sig *signal) (cont bool, out *signal) {
	if sig.kind == sigCycle && (sig.label == "" || sig.label == ast.Tag(s)) {
		return true, nil
	}
	return false, r.blockExit(s, sig)
}

func (r *Runner) execIf(s *ast.If) *signal {
	for _, b := range s.Branches {
		if sig := r.step(b.Cmd); sig != nil {
			return sig
		}
		r.logCmd(b.Cmd)
		ok, sig := r.condition(b.Cmd, b.Cond)
		if sig != nil {
			return sig
		}
		r.traceBranch(b.Cmd, branchOf(ok))
		if ok {
			return r.blockExit(s, r.endBlock(s.End, r.execList(b.Body)))
		}
	}
	if s.ElseCmd != nil {
		r.blockCmd(s.ElseCmd)
		return r.blockExit(s, r.endBlock(s.End, r.execList(s.Else)))
	}
	r.blockCmd(s.End)
	return nil
}

// endBlock traces the closing command of a block that ran to its end.
func (r *Runner) endBlock(end *ast.Command, sig *signal) *signal {
	if sig == nil {
		r.blockCmd(end)
	}
	return sig
}

// backBranch counts a loop pass against the back-branch limit.
func (r *Runner) backBranch(cmd *ast.Command, passes int) *signal {
	if r.backBranchLimit > 0 && passes > r.backBranchLimit {
		return r.backBranchFailed(cmd)
	}
	return nil // small enough to be inlined into every pass
}

func (r *Runner) backBranchFailed(cmd *ast.Command) *signal {
	return r.fail(cmd, backBranchLimit.result(r.backBranchLimit))
}

func (r *Runner) execWhile(s *ast.While) *signal {
	// & replacement in the WHILE condition happens once, on entry.
	cond := s.Cond
	if s.Cmd.Subst {
		c, sig := r.substituted(s.Cmd)
		if sig != nil {
			return sig
		}
		cond = conditionOf(c)
	}
	var site *site // the condition's, found at the first pass
	for passes := 1; ; passes++ {
		if sig := r.step(s.Cmd); sig != nil {
			return sig
		}
		if sig := r.backBranch(s.Cmd, passes); sig != nil {
			return sig
		}
		if passes == 1 {
			r.logCmd(s.Cmd) // a loop's opening command is logged once
		}
		if site == nil && cond != nil && len(s.Cmd.Errs) == 0 {
			site = r.siteOf(s.Cmd, cond)
		}
		var ok bool
		var sig *signal
		if site != nil && site.cmp != nil && !r.directOff {
			// I < 100000 without a box, as evalConditionAt would test it,
			// without its call at every pass (a function shared by the
			// two is not inlined and cost the counting loop 1.7%)
			b, fast, err := site.cmp()
			switch {
			case err != nil:
				sig = r.exprFail(s.Cmd, err)
			case fast:
				ok = b
			default:
				ok, sig = r.conditionValue(s.Cmd, cond, site)
			}
		} else {
			ok, sig = r.evalConditionAt(s.Cmd, cond, site)
		}
		if sig != nil {
			return sig
		}
		r.traceCmd(s.Cmd, handler.OK)
		if !ok {
			return nil
		}
		cont, out := r.loopControl(s, r.execList(s.Body))
		if !cont {
			return out
		}
		r.blockCmd(s.End) // the closing command once per pass
	}
}

func (r *Runner) execRepeat(s *ast.Repeat) *signal {
	if sig := r.step(s.Cmd); sig != nil {
		return sig
	}
	r.blockCmd(s.Cmd)
	for passes := 1; ; passes++ {
		if sig := r.backBranch(s.Cmd, passes); sig != nil {
			return sig
		}
		cont, out := r.loopControl(s, r.execList(s.Body))
		if !cont {
			return out
		}
		if s.Until == nil {
			return nil
		}
		if sig := r.step(s.Until); sig != nil {
			return sig
		}
		// & replacement in UNTIL happens on every pass.
		r.logCmd(s.Until)
		ok, sig := r.condition(s.Until, s.Cond)
		if sig != nil {
			return sig
		}
		r.traceCmd(s.Until, handler.OK)
		if ok {
			return nil
		}
	}
}

// condition evaluates the CONDITION of a block command, substituting &
// first when the command has any.
func (r *Runner) condition(cmd *ast.Command, cond ast.Expr) (bool, *signal) {
	if cmd.Subst {
		c, sig := r.substituted(cmd)
		if sig != nil {
			return false, sig
		}
		cond = conditionOf(c)
	}
	return r.evalCondition(cmd, cond)
}

func conditionOf(c *ast.Command) ast.Expr {
	if c.Args == nil {
		return nil
	}
	if v := c.Args.Get("CONDITION"); v != nil {
		return v.Expr
	}
	return nil
}

// evalCondition evaluates a condition that must be BOOLEAN.
func (r *Runner) evalCondition(cmd *ast.Command, cond ast.Expr) (bool, *signal) {
	return r.evalConditionAt(cmd, cond, nil)
}

// evalConditionAt is evalCondition with the condition's site, when the
// caller has it (nil: found here).
func (r *Runner) evalConditionAt(cmd *ast.Command, cond ast.Expr, s *site) (bool, *signal) {
	if len(cmd.Errs) > 0 {
		return false, r.fail(cmd, analysisFailure(cmd.Errs[0]))
	}
	if cond == nil {
		return false, r.fail(cmd, conditionMissing.result())
	}
	if s == nil {
		s = r.siteOf(cmd, cond)
	}
	if s.cmp != nil && !r.directOff { // I < 100000 without a box
		b, ok, err := s.cmp()
		if err != nil {
			return false, r.exprFail(cmd, err)
		}
		if ok {
			return b, nil
		}
	}
	return r.conditionValue(cmd, cond, s)
}

// conditionValue is evalConditionAt's general way: the condition
// evaluated to a value, which must be BOOLEAN.
func (r *Runner) conditionValue(cmd *ast.Command, cond ast.Expr, s *site) (bool, *signal) {
	v, err := r.evalAt(s, cond)
	if err != nil {
		return false, r.exprFail(cmd, err)
	}
	b, ok := v.(bool)
	if !ok {
		return false, r.fail(cmd, conditionNotBoolean.result(typeName(v)))
	}
	return b, nil
}

// dataLine: a data line outside a program run is in a false context.
func (r *Runner) dataLine(d *ast.Data) *signal {
	if !r.frame.dataErrors {
		return nil
	}
	return r.failAt(d.Unit.Pos(), dataLineFalseContext.result())
}

// execFor runs FOR over the elements of a list or over a counter. The
// values (list snapshot, FROM, TO, INCREMENT) are taken once at the start.
func (r *Runner) execFor(s *ast.For) *signal {
	c, sig := r.begin(s.Cmd)
	if sig != nil {
		return sig
	}
	if c.Args == nil {
		return r.fail(c, forNotAnalysable.result())
	}
	fp := r.forPlanOf(c)
	if fp.ctlErr != nil {
		return r.exprFail(c, fp.ctlErr)
	}
	ctl, values, cond := fp.ctl, fp.values, fp.cond
	var items []any
	switch values.Keyword {
	case "*LIST":
		ln, err := fp.list, fp.listErr
		if err != nil {
			return r.exprFail(c, err)
		}
		v, found, err := r.readVar(ln)
		if err == nil && !found {
			err = listNotDeclared.err(ln.Text)
		}
		if err != nil {
			return r.exprFail(c, err)
		}
		ref, isRef := v.(complexRef)
		if !isRef || ref.n.t.kind != listNode {
			return r.fail(c, notAList.result(ln.Text))
		}
		items = r.takeItems(len(ref.n.elems))
		defer r.giveItems(items)
		for _, e := range ref.n.elems {
			if e.t.kind == simpleNode {
				if e.hasValue() {
					items = append(items, e.value())
				}
				continue
			}
			items = append(items, complexRef{e})
		}
	case "*COUNTER":
		var bounds [3]int
		for i, key := range []string{"FROM", "TO", "INCREMENT"} {
			v := values.Struct.Get(key)
			if v.Expr == nil {
				bounds[i] = int(v.Int)
				continue
			}
			x, err := r.eval(v.Expr)
			if err != nil {
				return r.exprFail(c, err)
			}
			n, isInt := x.(int)
			if !isInt {
				return r.fail(c, counterNotInteger.result(key))
			}
			bounds[i] = n
		}
		from, to, inc := bounds[0], bounds[1], bounds[2]
		if inc == 0 {
			return r.fail(c, counterIncrementZero.result())
		}
		return r.forPasses(s, c, ctl, cond, func(i int) (any, int, bool) {
			v := int64(from) + int64(i)*int64(inc)
			if inc > 0 && v > int64(to) || inc < 0 && v < int64(to) {
				return nil, 0, false
			}
			return nil, int(v), true
		})
	default:
		return r.fail(c, forNeedsListOrCounter.result())
	}
	return r.forPasses(s, c, ctl, cond, func(i int) (any, int, bool) {
		if i >= len(items) {
			return nil, 0, false
		}
		return items[i], 0, true
	})
}

// takeItems gives an empty slice for the values of a FOR over a list,
// from those of loops that ended: FOR loops nest, so a few buffers serve
// a whole run, where a new one per loop cost most of the list loop's
// allocations (issue 18).
func (r *Runner) takeItems(n int) []any {
	if k := len(r.forItems); k > 0 {
		items := r.forItems[k-1]
		r.forItems = r.forItems[:k-1]
		if cap(items) >= n {
			return items
		}
	}
	return make([]any, 0, n)
}

// giveItems takes back a slice of takeItems once its loop has ended,
// holding no values.
func (r *Runner) giveItems(items []any) {
	clear(items)
	if len(r.forItems) < 8 && cap(items) <= 1<<16 {
		r.forItems = append(r.forItems, items[:0])
	}
}

// forPasses runs the passes of a FOR loop. next gives the control
// variable's value of a pass, nil for a counter's integer n, which is
// stored without a box (directint.go).
func (r *Runner) forPasses(s *ast.For, c *ast.Command, ctl *ast.VarName, cond ast.Expr, next func(int) (v any, n int, more bool)) *signal {
	r.traceCmd(c, handler.OK)
	var ctlSite *varCache // the control variable's binding, kept by the plan (plan.go)
	var ctlElem fieldCache
	if r.planned(c) {
		ctlSite = &r.plan(c).ctl
	} else if !r.directOff {
		ctlSite = &varCache{} // for this loop
	}
	for i := 0; ; i++ {
		v, n, more := next(i)
		if !more {
			return nil
		}
		if i > 0 {
			if sig := r.step(c); sig != nil {
				return sig
			}
			if sig := r.backBranch(c, i+1); sig != nil {
				return sig
			}
		}
		if x, ok := v.(int); ok && ctlSite != nil {
			v, n = nil, x // a list's integer goes the counter's way, unboxed
		}
		var err error
		switch {
		case v != nil:
			err = r.assignVia(ctlSite, ctl, v, modeReplace)
		case ctlSite != nil:
			err = r.assignInt(ctlSite, &ctlElem, ctl, n, modeReplace)
		default:
			err = r.assignVia(nil, ctl, n, modeReplace)
		}
		if err != nil {
			return r.exprFail(c, err)
		}
		if cond != nil {
			ok, sig := r.evalCondition(c, cond)
			if sig != nil {
				return sig
			}
			if !ok {
				return nil
			}
		}
		cont, out := r.loopControl(s, r.execList(s.Body))
		if !cont {
			return out
		}
		r.blockCmd(s.End)
	}
}
