package interp

import (
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// The plan of an EXECUTE-CMD (issue 18). A planned EXECUTE-CMD (one of a
// procedure file, plan.go) reads its operands once; a command text
// without & that parses without problems is parsed once, with its
// statement function or the request the handler chain gets (the same at
// every execution: the same command, position and task; no handler
// changes what a request says, the registry only keeps its route on
// it). The TEXT-OUTPUT target is parsed once, and a simple name keeps
// its variable as a variable site does (varcache.go), its lines
// rendered one by one into the list, a list of simple values taking
// the nodes of its former elements. Everything else (a target with
// elements or indexes, one not yet declared, SYSSWITCH, a JV-linked
// variable, a run with a variable hook) takes linesToList, the general
// path; with WithDirectEval(false) no plan is used at all, the
// reference the differential tests hold this to.

type execPlan struct {
	ops      execOperands
	textMode writeMode

	inner  *ast.Command // the command text parsed once; nil: parsed at every execution
	native native       // inner's statement function, nil: the handler chain's
	req    handler.Request
	route  handler.CommandFunc // the function the chain routes inner to (routeOf); nil: the chain decides

	text    *ast.VarName // TEXT-OUTPUT's target; nil: a problem, left to linesToList
	textVar varCache
}

// execPlanOf is the plan of a planned EXECUTE-CMD.
func (r *Runner) execPlanOf(c *ast.Command) *execPlan {
	p := r.plan(c)
	if p.exec != nil {
		return p.exec
	}
	e := &execPlan{ops: readExecOperands(c.Args)}
	switch e.ops.textKind {
	case "*NONE", "*SYSOUT":
	default:
		e.textMode = modeOf(e.ops.textMode)
		if n, err := r.parseName(e.ops.textTarget); err == nil {
			e.text = n
		}
	}
	// what parseInnerCommand keeps
	if inner, errs := r.parseInnerCommand(e.ops.cmd, c.Pos); len(errs) == 0 && !inner.Subst && !strings.Contains(e.ops.cmd, "&") {
		e.inner = inner
		e.native = r.natives[inner.Name]
		e.req = handler.Request{Name: inner.Name, Args: inner.Args, Pos: inner.Pos, Task: r}
		if e.native == nil {
			e.route = r.routeOf(inner.Name)
		}
	}
	p.exec = e
	return e
}

// innerNative is the statement function of an EXECUTE-CMD's command, nil
// for one of the handler chain.
func (r *Runner) innerNative(p *execPlan, inner *ast.Command) native {
	if p != nil && p.inner == inner {
		return p.native
	}
	return r.natives[inner.Name]
}

// outputToList is linesToList for a planned TEXT-OUTPUT target; the
// result of lines that did not all reach the variable goes into res,
// which is left alone otherwise (a copy of done at every command was
// a tenth of the loop's EXEC-CMD).
func (r *Runner) outputToList(p *execPlan, lines []msg.Message, res *handler.Result) *signal {
	v := r.outputVar(p)
	if v == nil {
		var sig *signal
		*res, sig = r.linesToList(p.ops.textTarget, r.render(lines), p.textMode)
		return sig
	}
	name := p.text
	n := v.node // what walk gives for a simple name
	if n.t.kind != listNode {
		for _, l := range lines {
			if err := r.store(n, name.Text, r.messages.Render(l, r.lang), modeExtend); err != nil {
				*res = resultOf(err)
				return nil
			}
		}
		return nil
	}
	// The list's former elements of simple values become its new ones:
	// linesToList drops them, and nothing holds an element of a simple
	// value beyond a statement (a FOR takes the values, an assignment
	// copies, an expression reads the value), so none is seen again. A
	// list with room in front of it (WRITE-MODE=*PREFIX) keeps its own.
	var former []*node
	if p.textMode == modeReplace {
		if n.ext == nil && n.t.elem.kind == simpleNode {
			former = n.elems
			n.elems = n.elems[:0:cap(n.elems)]
		} else {
			n.elems = make([]*node, 0, len(lines)) // what linesToList leaves, grown once
		}
	}
	for i := range lines { // by index: a line is seven words
		var spare *node
		if i < len(former) && former[i].ext == nil && former[i].t.kind == simpleNode { // not a structure copied in
			spare = former[i]
		}
		if err := r.addStrElement(n, name.Text, r.messages.Render(lines[i], r.lang), modeExtend, spare); err != nil {
			*res = resultOf(err)
			return nil
		}
	}
	return nil
}

// outputVar is the variable a planned TEXT-OUTPUT target names, when
// outputToList stores into it itself; nil: linesToList does.
func (r *Runner) outputVar(p *execPlan) *variable {
	name := p.text
	if name == nil || !name.Simple() || r.varHook != nil || name.Parts[0].Name == sysSwitchName {
		return nil
	}
	if v := p.textVar.hit(r); v != nil {
		return v
	}
	// found without reading a JV, which linesToList reads as before
	v := r.visible(name.Parts[0].Name)
	if v == nil || v.node.jvName() != "" {
		return nil
	}
	p.textVar.keep(r, name.Parts[0].Name, v)
	return v
}

// okReason is the reason EXECUTE-CMD gives a command that ended with
// CMD0001 without saying so: one value for all, as a message never
// changes once made.
var okReason = msg.New(handler.OK.Main)

// reasonOf is the reason EXECUTE-CMD keeps of a command's result, taken
// by its address: the result is 16 words, and a loop's EXECUTE-CMD
// copied them at every pass.
func reasonOf(res *handler.Result) *msg.Message {
	if res.RC.Main == okReason.Key && !res.Carries() {
		return &okReason // what Message gives it, without making it
	}
	m := res.Message()
	if m.Key == okReason.Key && m.Inserts == nil && m.Text == "" {
		return &okReason
	}
	p := new(msg.Message)
	*p = m
	return p
}
