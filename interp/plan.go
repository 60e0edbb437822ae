package interp

import (
	"sdfp/builtins"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// Command plans (issue 18). What a command needs at every execution and
// that does not change while its parsed tree lives is worked out once and
// kept in a plan: the statement function (no lookup by name), and for
// SET-VARIABLE with an expression its target name, WRITE-MODE and value
// site, for a block command its CONDITION site, for FOR its control
// variable's site. A procedure level keeps its plans in a slice indexed
// by ast.Command.Slot, so none is found by hashing; the plans go with the
// level, as its sites do (direct.go). A command parsed on its own (after
// & replacement, Slot 0) has no plan and runs as before, its sites
// bounded per level (maxSites), so a loop running one piles nothing up.
// With WithDirectEval(false) no plan is used: the statements look
// everything up as before, the reference the differential tests hold the
// plans to.

type plan struct {
	cmd    *ast.Command // the command planned (a dialog level reads new commands into old slots)
	native native       // nil: a command of the handler chain
	// a command of the handler chain: the function the chain routes it
	// to, when the chain can tell from the name (routeOf); nil: the
	// chain decides at every execution
	route handler.CommandFunc

	expr ast.Expr // SET-VARIABLE's VALUE, a block command's CONDITION
	site *site    // expr's compiled site

	name  *ast.VarName // SET-VARIABLE's target; nil: SET-VARIABLE takes its general path
	quick quickWay     // how execList runs the command itself, with nothing before it but step and logCmd (quickPlan)
	plain bool         // quickSet, and the target is a simple name written with WRITE-MODE=*REPLACE
	elem  fieldCache   // SET-VARIABLE P.E: the element (fieldcache.go)
	ctl   varCache     // FOR: the control variable's binding
	loop  *forPlan     // FOR: its operands
	exec  *execPlan    // EXECUTE-CMD: its operands and command (execplan.go)
	subst *substPlan   // a command with &: the pieces of its replacement (substplan.go)
	// a command with &: its templates (substtemplate.go), and whether its
	// statement keeps nothing of a replaced command
	templates    *substTemplates
	keepsNothing bool
	// a WRITE-TEXT with &: how it builds its line (substwrite.go), once
	// its first replacement read as a template (writeTried)
	write      *writePlan
	writeTried bool
}

// quickWay is how execList runs a planned command itself: one field, so
// that the statement list asks one question per command (two flags cost
// the counting loop 0.3% more instructions than one).
type quickWay uint8

const (
	quickNone quickWay = iota // execCommand's way
	quickSet                  // name is set: setPlanned
	quickCall                 // no name; the command, as parsed and without errors, runs by its statement function (callPlanned)
	quickExec                 // quickCall of EXECUTE-CMD: callPlanned runs it with its plan, into its result (executeInto)
)

// planned reports whether a command as executed has a plan: one of a
// procedure file (a slot), and not the reference run. A command made by
// & replacement is new at every execution and takes the general path,
// whose sites are bounded (direct.go).
func (r *Runner) planned(c *ast.Command) bool { return c.Slot > 0 && !r.directOff && r.frame != nil }

// quickPlan is the plan of a command that execCommand would run by
// setPlanned (a SET-VARIABLE with an expression, as parsed, without
// errors) or by its statement function (a statement as parsed, without
// & and errors: EXECUTE-CMD, GOTO ...), when it has been made: what
// execCommand's checks come to for it, without them, for execList to
// run it itself. nil: execCommand takes its way.
func (r *Runner) quickPlan(c *ast.Command) *plan {
	if f := r.frame; f != nil && c.Slot > 0 && c.Slot < len(f.plans) && !r.directOff {
		if p := f.plans[c.Slot]; p != nil && p.cmd == c && p.quick != quickNone {
			return p
		}
	}
	return nil
}

// plan returns the plan of a planned command: the one made, or a new
// one (makePlan, apart so that the hit a loop's EXEC-CMD and WRITE-TEXT
// take twice a pass stays short; it is not quite small enough to be
// inlined).
func (r *Runner) plan(c *ast.Command) *plan {
	if plans := r.frame.plans; c.Slot < len(plans) {
		if p := plans[c.Slot]; p != nil && p.cmd == c {
			return p
		}
	}
	return r.makePlan(c)
}

// makePlan makes the plan of a command that has none yet, in its slot.
func (r *Runner) makePlan(c *ast.Command) *plan {
	f := r.frame
	if c.Slot >= len(f.plans) {
		n := c.Slot + 1
		if f.proc != nil && f.proc.Slots > n {
			n = f.proc.Slots
		}
		f.plans = append(f.plans, make([]*plan, n-len(f.plans))...)
	}
	p := r.newPlan(c)
	f.plans[c.Slot] = p
	return p
}

// planSite compiles the site of a planned expression, with its integer
// path (directint.go).
func (r *Runner) planSite(e ast.Expr) *site {
	s := &site{direct: r.directFn(e), ints: r.intFnOf(e)}
	if b, ok := e.(*ast.Binary); ok && s.direct != nil {
		s.cmp = r.intComparison(b)
	}
	if s.direct != nil && s.ints == nil {
		s.str = r.strOf(e)
	}
	return s
}

func (r *Runner) newPlan(c *ast.Command) *plan {
	p := &plan{cmd: c, native: r.natives[c.Name], keepsNothing: keepsNothing[c.Name]}
	if c.Args == nil {
		return p
	}
	if p.native == nil {
		p.route = r.routeOf(c.Name)
	}
	if c.Name == "SET-VARIABLE" && !c.Subst { // the text before replacement is not the command run
		val := c.Args.Get("VALUE")
		name, err := nameOf(c.Args.Get("VARIABLE-NAME"))
		if err == nil && val != nil && val.Expr != nil {
			p.name, p.expr = name, val.Expr
			p.site = r.planSite(val.Expr)
			p.site.mode, p.site.moded = modeOf(c.Args), true
			if len(c.Errs) == 0 && c.Spec != nil {
				p.quick = quickSet
			}
			p.plain = p.site.mode == modeReplace && name.Simple()
		}
	}
	// where execCommand's way comes to the statement function: begin
	// fails a command with errors, one with & is replaced first, and a
	// SET-VARIABLE with a target goes to setPlanned; its operands are
	// bound here, so it has its Spec
	if p.native != nil && p.name == nil && !c.Subst && len(c.Errs) == 0 {
		p.quick = quickCall
		if c.Name == "EXECUTE-CMD" {
			p.quick = quickExec
		}
	}
	return p
}

// callPlanned runs a command by its statement function, what
// execCommand comes to for a command of a quickCall plan once step and
// logCmd are done: a loop's EXECUTE-CMD no longer goes through
// execCommand's checks and a second look for its plan at every pass.
func (r *Runner) callPlanned(c *ast.Command, p *plan) *signal {
	var res handler.Result
	var sig *signal
	if p.quick == quickExec {
		e := p.exec
		if e == nil {
			e = r.execPlanOf(c)
		}
		sig = r.executeInto(c, e, &res)
	} else {
		res, sig = p.native(r, c)
	}
	if sig != nil {
		return r.signalled(c, sig)
	}
	return r.apply(c, &res)
}

// forPlan is what FOR reads from its operands at every start.
type forPlan struct {
	ctl     *ast.VarName // CONTROL-VARIABLE, or ctlErr
	ctlErr  error
	values  *ast.Value
	cond    ast.Expr     // CONDITION, nil without one
	list    *ast.VarName // VALUES=*LIST(LIST-NAME=...), or listErr
	listErr error
}

// forPlanOf reads a FOR command's operands, once per plan (the reference
// reads them at every start).
func (r *Runner) forPlanOf(c *ast.Command) *forPlan {
	var p *plan
	if r.planned(c) {
		if p = r.plan(c); p.loop != nil {
			return p.loop
		}
	}
	fp := &forPlan{values: c.Args.Get("VALUES")}
	fp.ctl, fp.ctlErr = nameOf(c.Args.Get("CONTROL-VARIABLE"))
	if cv := c.Args.Get("CONDITION"); cv != nil {
		fp.cond = cv.Expr
	}
	if fp.values.Keyword == "*LIST" {
		fp.list, fp.listErr = varName(fp.values.Struct.Str("LIST-NAME"))
	}
	if p != nil {
		p.loop = fp
	}
	return fp
}

// siteOf is the site of an expression of command c: the plan's when the
// expression is the one planned (a block command's condition is planned
// on first use), else the level's site of it.
func (r *Runner) siteOf(c *ast.Command, e ast.Expr) *site {
	if c == nil || c.Subst || !r.planned(c) {
		return r.site(e) // the condition of a replaced command is new at each replacement
	}
	p := r.plan(c)
	if p.expr == nil && p.name == nil && c.Name != "SET-VARIABLE" {
		p.expr, p.site = e, r.planSite(e)
	}
	if p.expr == e && p.site != nil {
		return p.site
	}
	return r.site(e)
}

// setPlanned executes SET-VARIABLE with an expression value by its plan,
// as execCommand does setVariable: what it does after the statement is
// apply's for a result without output, records or branch. It is the
// commonest statement of a loop, so its integer cases are written out
// here: the loop counter's with nothing called but the expression (an
// integer stored into the simple variable the site keeps, which holds
// one unboxed, so it takes integers, is no JV's and counts no bytes), any
// other by assignInt. Strings and the general way go by setValue, whose
// call and frame the integer cases would pay for.
// (With a variable hook no node holds an unboxed integer, since assignInt
// leaves every store to assignVia, which reports it; the hook is tested
// here all the same, so that its reports do not rest on that alone.)
func (r *Runner) setPlanned(c *ast.Command, p *plan) *signal {
	s := p.site
	if s.ints != nil {
		x, ok, err := s.ints()
		if ok {
			if v := s.target.hit(r); v != nil && p.plain {
				if n := v.node; n.isNum && n.val == nil && n.ext == nil && r.varBytes <= r.varCheckAt && r.varHook == nil {
					n.num = x
					return r.applyDone(c)
				}
			}
			// an element (P.SUM = P.SUM + X), a boxed value: setDone's
			// end here, applyDone inlined (setDone's call cost the list
			// loop 2%)
			if err := r.assignInt(&s.target, &p.elem, p.name, x, s.mode); err != nil {
				res := resultOf(err)
				return r.apply(c, &res)
			}
			return r.applyDone(c)
		}
		if err != nil {
			return r.signalled(c, r.exprFail(c, err))
		}
	}
	return r.setValue(c, p) // the site gave way, or is no integer one
}

// setValue is setPlanned for a value that is not an integer of the
// integer way: a STRING expression's string, else the general way.
func (r *Runner) setValue(c *ast.Command, p *plan) *signal {
	s := p.site
	if s.str != nil { // a plan is never used with the fast paths off (planned)
		str, err := s.str()
		if err != nil {
			return r.signalled(c, r.exprFail(c, err))
		}
		return r.setDone(c, r.assignStr(&s.target, p.name, str, s.mode))
	}
	v, err := r.evalAt(s, p.expr)
	if err != nil {
		return r.signalled(c, r.exprFail(c, err))
	}
	return r.setDone(c, r.assignVia(&s.target, p.name, v, s.mode))
}

// setDone ends a planned SET-VARIABLE whose assignment returned err.
func (r *Runner) setDone(c *ast.Command, err error) *signal {
	if err != nil {
		res := resultOf(err)
		return r.apply(c, &res)
	}
	return r.applyDone(c)
}

// assignInt is assignVia of an integer: stored without a box into a
// simple variable or element that takes integers and is no JV's, else
// boxed and stored the general way.
func (r *Runner) assignInt(cache *varCache, elem *fieldCache, name *ast.VarName, x int, mode writeMode) error {
	v := cache.hit(r)
	if v == nil {
		v = cache.miss(r, name.Parts[0].Name)
	}
	if v == nil || mode != modeReplace || v == r.sysswitch || r.varHook != nil {
		return r.assignVia(cache, name, x, mode)
	}
	n := v.node // what walk gives for a simple name
	if n.isNum && n.val == nil && n.ext == nil && r.varBytes <= r.varCheckAt && name.Simple() {
		// The loop counter's case, what the rest comes to for it: a
		// simple variable holding an integer unboxed (so one that takes
		// integers, no JV's, counting no bytes) takes the next.
		n.num = x
		return nil
	}
	if fieldName(name) {
		var err error
		if n, err = elem.walk(r, v, name, true); err != nil {
			return err
		}
	} else if len(name.Parts) > 1 || name.Parts[0].Index != ast.NoIndex {
		var err error
		if n, err = r.walk(v, name.Parts, true); err != nil {
			return err
		}
	}
	if n.t.kind != simpleNode || n.jvName() != "" || !n.t.acceptsInt() {
		return r.store(n, name.Text, x, mode)
	}
	if err := r.charge(-n.bytes()); err != nil {
		return err
	}
	n.setInt(x)
	return nil
}

// assignStr is assignVia of a string: stored straight into a simple
// variable that takes strings and is no JV's, what store comes to for
// it (a string no longer than any value may be); else the general way.
func (r *Runner) assignStr(cache *varCache, name *ast.VarName, x string, mode writeMode) error {
	v := cache.hit(r)
	if v == nil {
		v = cache.miss(r, name.Parts[0].Name)
	}
	if v != nil && mode == modeReplace && v != r.sysswitch && r.varHook == nil && name.Simple() && len(x) <= maxString {
		if n := v.node; n.t.kind == simpleNode && n.ext == nil && (n.t.typ == builtins.TypeAny || n.t.typ == builtins.TypeString) {
			if err := r.charge(int64(len(x)) - n.bytes()); err != nil {
				return err
			}
			n.setStr(x) // unboxed: a box is made only when it is read as an interface
			return nil
		}
	}
	return r.assignVia(cache, name, x, mode)
}
