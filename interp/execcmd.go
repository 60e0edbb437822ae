package interp

import (
	"sdfp/builtins"
	"sdfp/interp/handler"
	"sdfp/lexer"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// EXECUTE-CMD: running a command with its text and structured output
// caught in variables.

// execOperands are EXECUTE-CMD's operands as executeCmd reads them.
type execOperands struct {
	cmd, textTarget, structTarget string
	textKind, structKind, rcKind  ast.Keyword
	textMode, structMode, rcVars  *ast.Args
}

func readExecOperands(a *ast.Args) execOperands {
	var o execOperands
	a.Unpack("CMD", &o.cmd,
		"TEXT-OUTPUT", &o.textKind, "TEXT-OUTPUT", &o.textTarget, "TEXT-OUTPUT", &o.textMode,
		"STRUCTURE-OUTPUT", &o.structKind, "STRUCTURE-OUTPUT", &o.structTarget, "STRUCTURE-OUTPUT", &o.structMode,
		"RETURNCODE", &o.rcKind, "RETURNCODE", &o.rcVars)
	return o
}

// executeCmd runs a command and catches its text output, its structured
// output and its return code. A planned EXECUTE-CMD reads its operands,
// and parses a command text without &, once (execplan.go).
func (r *Runner) executeCmd(c *ast.Command) (handler.Result, *signal) {
	var p *execPlan
	if r.planned(c) {
		p = r.execPlanOf(c)
	}
	var res handler.Result
	sig := r.executeInto(c, p, &res)
	return res, sig
}

// executeInto is executeCmd writing its result into out, which holds
// the zero Result: callPlanned calls it with the statement's plan
// (quickExec), so that the result, which carries the inner command's,
// is not copied on its way back (about 50 instructions of a loop's
// EXECUTE-CMD). p is nil for an EXECUTE-CMD without a plan.
func (r *Runner) executeInto(c *ast.Command, p *execPlan, out *handler.Result) *signal {
	var o *execOperands
	if p != nil {
		o = &p.ops
	} else {
		ops := readExecOperands(c.Args)
		o = &ops
	}
	var inner *ast.Command
	if p != nil && p.inner != nil {
		inner = p.inner
	} else {
		var errs []*lexer.Error
		inner, errs = r.parseInnerCommand(o.cmd, c.Pos)
		if len(errs) > 0 {
			*out = execCmdSyntax.result(errs[0].Msg)
			return nil
		}
	}
	if inner.Spec == nil || inner.Args == nil {
		*out = execCmdEmpty.result()
		return nil
	}
	if inner.Spec.Role != catalog.RoleNone {
		*out = execCmdControl.result(inner.Name)
		return nil
	}
	var res handler.Result
	if fn := r.innerNative(p, inner); fn != nil {
		var sig *signal
		res, sig = fn(r, inner)
		if sig != nil {
			return sig
		}
	} else if p != nil && p.inner == inner && p.route != nil {
		r.dispatchRoute(p.route, &p.req, &res)
	} else if p != nil && p.inner == inner {
		res = r.dispatchRequest(&p.req)
	} else {
		res = r.dispatch(inner)
	}
	switch o.textKind {
	case "*NONE":
	case "*SYSOUT":
		for _, l := range res.Output {
			r.print(l)
		}
	default:
		var lres handler.Result
		var sig *signal
		if p != nil {
			sig = r.outputToList(p, res.Output, &lres)
		} else {
			lres, sig = r.linesToList(o.textTarget, r.render(res.Output), modeOf(o.textMode))
		}
		if sig != nil || lres.RC.SC1 != 0 {
			if res.After != nil {
				res.After()
			}
			*out = lres
			return sig // the lines did not all reach the variable
		}
	}
	if res.After != nil {
		// free-running messages the command started are not its output:
		// they reach SYSOUT, not the TEXT-OUTPUT variable
		res.After()
	}
	if o.structKind != "*NONE" {
		if err := r.structureOutput(o.structTarget, res.Records, modeOf(o.structMode)); err != nil {
			*out = resultOf(err)
			return nil
		}
	}
	switch o.rcKind {
	case "*STD":
		// The message stays the error's reason: the command's output went
		// where TEXT-OUTPUT says, but the run's summary names it.
		*out = handler.Result{RC: res.RC, SpinOff: res.SpinOff, Reason: reasonOf(&res)}
		return nil
	case "*VARIABLE":
		// In the order the operands are declared, so that the assignments
		// (and the JSON variable events) come out the same in every run.
		for _, rcField := range []struct {
			operand string
			value   any
		}{{"SUBCODE1", res.RC.SC1}, {"SUBCODE2", res.RC.SC2}, {"MAINCODE", res.RC.Main}} {
			var target string
			o.rcVars.Unpack(rcField.operand, &target)
			if target == "" || target == "*NONE" {
				continue
			}
			name, err := varName(target)
			if err != nil {
				*out = resultOf(err)
				return nil
			}
			if err := r.assign(name, rcField.value, modeReplace); err != nil {
				*out = resultOf(err)
				return nil
			}
		}
	}
	*out = done
	return nil
}

// structureOutput stores a command's structured output as a list of
// structures: one element per record. A missing target is declared as a
// list of dynamic structures; for a list of static structures only the
// declared elements are filled, the others get their type's default.
func (r *Runner) structureOutput(target string, records []handler.Record, mode writeMode) error {
	name, err := r.parsedName(target)
	if err != nil {
		return err
	}
	v := r.lookup(name.Parts[0].Name)
	if v == nil {
		if !name.Simple() {
			return varNotDeclared.err(name.Text)
		}
		v = &variable{name: name.Parts[0].Name, scope: "*PROCEDURE",
			node: newNode(&template{kind: listNode, elem: &template{kind: structNode, dynamic: true}})}
		if err := r.newVariable(v.name, v.node); err != nil {
			return err
		}
		r.frame.locals.set(v.name, v)
	}
	list, err := r.walk(v, name.Parts, true)
	if err != nil {
		return err
	}
	if list.t.kind != listNode || list.t.elem.kind != structNode {
		return structureOutputTarget.err(name.Text, list.t.kindName())
	}
	if mode == modeReplace {
		list.elems = nil
	}
	for _, rec := range records {
		e := recordNode(rec, list.t.elem)
		if err := r.grow(name.Text, len(list.elems), e); err != nil {
			return err
		}
		list.elems = append(list.elems, e)
	}
	return nil
}

func recordNode(rec handler.Record, t *template) *node {
	n := newNode(t)
	for _, f := range rec {
		existing := n.fields[f.Name]
		if existing == nil && !t.dynamic {
			continue
		}
		var e *node
		switch v := f.Value.(type) {
		case []handler.Record:
			e = newNode(&template{kind: listNode, elem: &template{kind: structNode, dynamic: true}})
			for _, sub := range v {
				e.elems = append(e.elems, recordNode(sub, e.t.elem))
			}
		default:
			if existing != nil && existing.t.kind == simpleNode && existing.t.accepts(v) {
				existing.set(v)
				continue
			}
			e = newNode(&template{kind: simpleNode})
			e.set(v)
		}
		if existing == nil {
			n.addField(f.Name)
		}
		n.fields[f.Name] = e
	}
	if !t.dynamic {
		for _, name := range n.fieldOrder() {
			if f := n.fields[name]; f.t.kind == simpleNode && !f.hasValue() {
				switch f.t.typ {
				case builtins.TypeInteger:
					f.set(0)
				case builtins.TypeBoolean:
					f.set(false)
				default:
					f.set("")
				}
			}
		}
	}
	return n
}
