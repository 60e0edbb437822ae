package interp

import (
	"errors"
	"strings"

	"sdfp/builtins"
	"sdfp/interp/handler"
	"sdfp/lexer"
	"sdfp/parser/ast"
)

// native is an SDF-P statement the interpreter executes itself. It
// returns the command's result, or a signal for branches, exits and
// errors it raises itself.
type native func(r *Runner, c *ast.Command) (handler.Result, *signal)

// natives is filled in init (statements.go) to avoid an initialisation
// cycle: the statements call back into the runner.
var natives map[string]native

// step counts one executed command against the limits and the context.
func (r *Runner) step(c *ast.Command) *signal {
	r.steps++
	if r.stepLimit > 0 && r.steps > r.stepLimit {
		return &signal{kind: sigError, err: r.limitError(c, "STEP LIMIT OF "+itoa(int(r.stepLimit))+" COMMANDS REACHED")}
	}
	if r.steps&1023 == 0 && r.ctx.Err() != nil {
		return &signal{kind: sigError, err: r.limitError(c, "RUN CANCELLED: "+r.ctx.Err().Error())}
	}
	return nil
}

func (r *Runner) limitError(c *ast.Command, msg string) *Error {
	e := r.errorAt(c.Pos, handler.ReturnCode{SC1: 130, Main: "SDP0099"}, msg)
	e.Limit = true
	return e
}

// begin starts executing a command: it counts the step, performs &
// replacement (giving the command as analysed after it) and logs it.
func (r *Runner) begin(c *ast.Command) (*ast.Command, *signal) {
	if sig := r.step(c); sig != nil {
		return nil, sig
	}
	if c.Subst {
		sc, sig := r.substituted(c)
		if sig != nil {
			return nil, sig
		}
		c = sc
	}
	r.logCmd(c)
	return c, nil
}

// execCommand runs one simple command.
func (r *Runner) execCommand(c *ast.Command) *signal {
	if c.Name == "" && !c.Subst {
		return nil // comment line or label alone
	}
	c, sig := r.begin(c)
	if sig != nil {
		return sig
	}
	if c.Spec == nil || c.Args == nil {
		return r.fail(c, handler.ReturnCode{SC1: 1, Main: "CMD0202"}, "COMMAND NOT ANALYSABLE: "+strings.TrimSpace(c.Unit.Text))
	}
	var res handler.Result
	if fn := natives[c.Name]; fn != nil {
		var sig *signal
		res, sig = fn(r, c)
		r.localize(&res)
		if sig != nil {
			if sig.kind == sigError {
				r.frame.last = sig.err.RC
				r.traceCmd(c, sig.err.RC)
			} else {
				r.frame.last = handler.OK
				r.traceCmd(c, handler.OK)
			}
			return sig
		}
	} else {
		res = r.dispatch(c)
	}
	return r.apply(c, res)
}

// dispatch hands a command to the handler chain.
func (r *Runner) dispatch(c *ast.Command) handler.Result {
	req := &handler.Request{Name: c.Name, Args: c.Args, Text: ast.CommandText(c), Pos: c.Pos, Task: r}
	res, ok := r.handlers.Handle(r.ctx, req)
	if !ok {
		return handler.Error(1, "CMD0202", "COMMAND "+c.Name+" IS NOT AVAILABLE IN THIS ENVIRONMENT")
	}
	if res.Wait != nil {
		return r.wait(res)
	}
	return res
}

// wait parks the task until the awaited condition holds or its time
// limit passes.
func (r *Runner) wait(res handler.Result) handler.Result {
	w := res.Wait
	res.Wait = nil
	if r.waiter == nil {
		ok, err := w.Ready()
		if err != nil {
			return handler.Error(64, codeSemantic, err.Error())
		}
		if ok {
			return res
		}
		return w.OnTimeout
	}
	ok, err := r.waiter.Wait(r.ctx, r, w)
	var limit interface{ RunLimit() bool }
	if errors.As(err, &limit) || err != nil && r.ctx.Err() != nil {
		return r.errResult(130, "SDP0099", strings.ToUpper(err.Error()))
	}
	if err != nil {
		return r.errResult(64, codeSemantic, strings.ToUpper(err.Error()))
	}
	if !ok {
		return w.OnTimeout
	}
	return res
}

// apply prints a command's output, records its return code and turns an
// error into error mode.
func (r *Runner) apply(c *ast.Command, res handler.Result) *signal {
	for _, line := range res.Output {
		r.println(line)
	}
	r.frame.last = res.RC
	r.traceCmd(c, res.RC)
	if !r.isError(res) {
		if res.Goto != "" {
			return &signal{kind: sigGoto, label: res.Goto}
		}
		return nil
	}
	msg := ""
	if len(res.Output) > 0 {
		msg = strings.TrimPrefix(res.Output[len(res.Output)-1], "% "+res.RC.Main+" ")
	}
	r.frame.saved = res.RC
	e := r.errorAt(c.Pos, res.RC, msg)
	e.Limit = res.RC.SC1 == 130 && res.RC.Main == "SDP0099"
	return &signal{kind: sigError, err: e}
}

// isError decides by the procedure's ERROR-MECHANISM whether a result is
// an error: a spin-off, or any SUBCODE1 other than 0.
func (r *Runner) isError(res handler.Result) bool {
	if r.frame.byReturnCode {
		return res.RC.SC1 != 0
	}
	return res.SpinOff
}

// fail makes a command fail with a message of its own: the message is
// printed and error handling starts.
func (r *Runner) fail(c *ast.Command, rc handler.ReturnCode, msg string) *signal {
	return r.failAt(c.Pos, rc, msg)
}

func (r *Runner) failAt(pos lexer.Pos, rc handler.ReturnCode, msg string) *signal {
	r.println(r.messageLine(rc.Main, msg))
	r.frame.last, r.frame.saved = rc, rc
	return &signal{kind: sigError, err: r.errorAt(pos, rc, msg)}
}

// messageLine renders an interpreter message "% KEY text" through the
// message catalog in the run's language; detail is the message's insert.
// Without a catalog entry the detail is the text.
func (r *Runner) messageLine(key, detail string) string { return r.line(key, detail) }

// line renders a message "% KEY text" with its inserts in the run's
// language; without a catalog entry the inserts are the text.
func (r *Runner) line(key string, inserts ...string) string {
	if r.messages != nil {
		if t, ok := r.messages.Text(key, r.lang, inserts); ok {
			return "% " + key + " " + t
		}
	}
	return "% " + key + " " + strings.Join(inserts, " ")
}

// errResult is the result of a failing command with a catalog message.
func (r *Runner) errResult(sc1 int, key string, inserts ...string) handler.Result {
	return handler.Result{RC: handler.ReturnCode{SC1: sc1, Main: key}, SpinOff: sc1 != 0, Output: []string{r.line(key, inserts...)}}
}

// localize renders the message lines the interpreter's own statements
// produce ("% KEY detail", see handler.Error) through the catalog.
func (r *Runner) localize(res *handler.Result) {
	prefix := "% " + res.RC.Main + " "
	for i, line := range res.Output {
		if res.RC.Main != "" && res.RC.Main != "CMD0001" && strings.HasPrefix(line, prefix) {
			res.Output[i] = r.messageLine(res.RC.Main, strings.TrimPrefix(line, prefix))
		}
	}
}

// exprFail turns an expression evaluation error into a command error.
func (r *Runner) exprFail(c *ast.Command, err error) *signal {
	var ee *exprError
	if errors.As(err, &ee) {
		return r.fail(c, handler.ReturnCode{SC1: 64, Main: ee.code}, ee.msg)
	}
	var be *builtins.Error
	if errors.As(err, &be) {
		sc1 := be.SC1
		if sc1 == 0 {
			sc1 = 64
		}
		rc := handler.ReturnCode{SC1: sc1, Main: be.Code}
		if be.Inserts == nil {
			// a free text: printed as it is
			r.println("% " + be.Code + " " + be.Msg)
			r.frame.last, r.frame.saved = rc, rc
			return &signal{kind: sigError, err: r.errorAt(c.Pos, rc, be.Msg)}
		}
		r.println(r.line(be.Code, be.Inserts...))
		r.frame.last, r.frame.saved = rc, rc
		return &signal{kind: sigError, err: r.errorAt(c.Pos, rc, be.Msg)}
	}
	var se *signalError
	if errors.As(err, &se) {
		return se.sig
	}
	return r.fail(c, handler.ReturnCode{SC1: 64, Main: codeSemantic}, strings.ToUpper(err.Error()))
}

// signalError carries a signal through expr's error path (a limit hit
// inside a function call).
type signalError struct{ sig *signal }

func (e *signalError) Error() string { return e.sig.err.Msg }

// errorAt builds an Error with the current call stack.
func (r *Runner) errorAt(pos lexer.Pos, rc handler.ReturnCode, msg string) *Error {
	e := &Error{RC: rc, Msg: msg, Pos: pos}
	for f := r.frame; f != nil && f.parent != nil; f = f.parent {
		e.Stack = append([]lexer.Pos{f.callPos}, e.Stack...)
	}
	return e
}

// logCmd writes an executed command to the procedure log on SYSLST when
// LISTING=*YES is set: as it was written (after & replacement), before
// any message it produces.
func (r *Runner) logCmd(c *ast.Command) {
	if !r.listing || c == nil || c.Unit == nil {
		return
	}
	r.syslst.println(logLine(r.frame.level, c.Pos.Line, strings.TrimSpace(c.Unit.Text)))
}

// traceCmd reports an executed command with its return code to the trace
// hook.
func (r *Runner) traceCmd(c *ast.Command, rc handler.ReturnCode) {
	if c == nil || r.trace == nil {
		return
	}
	text := ast.CommandText(c)
	if c.Label != "" {
		text = c.Label + ": " + text
	}
	r.trace(TraceEvent{Time: r.clock.Now(), Pos: c.Pos, Level: r.frame.level, Text: text, RC: rc})
}

// blockCmd logs and traces a block command that cannot fail (BEGIN-BLOCK,
// ELSE, END-IF ...).
func (r *Runner) blockCmd(c *ast.Command) {
	r.logCmd(c)
	r.traceCmd(c, handler.OK)
}

// logLine formats one procedure log record: procedure level, line number
// and the command as executed.
func logLine(level, line int, text string) string {
	return padLeft(itoa(level), 3) + " " + padLeft(itoa(line), 5) + " /" + text
}

func padLeft(s string, n int) string {
	for len(s) < n {
		s = " " + s
	}
	return s
}

// substituted performs & replacement on a command's text and analyses the
// result again, as BS2000 does before syntax analysis.
func (r *Runner) substituted(c *ast.Command) (*ast.Command, *signal) {
	text, err := r.substitute(c.Unit.Text)
	if err != nil {
		return nil, r.exprFail(c, err)
	}
	u := lexer.NewUnit(text, c.Unit.Pos())
	nc, errs := r.parser.ParseCommand(u)
	if len(errs) > 0 {
		return nil, r.fail(c, handler.ReturnCode{SC1: 1, Main: "SDP0140"},
			errs[0].Msg+" IN THE REPLACED COMMAND: "+strings.TrimSpace(text))
	}
	if nc.Label != "" && nc.Label != c.Label {
		return nil, r.fail(c, handler.ReturnCode{SC1: 1, Main: "SDP0140"}, "A LABEL CANNOT BE CREATED BY REPLACEMENT")
	}
	if c.Spec != nil && c.Spec.Role != 0 && (nc.Spec == nil || nc.Spec.Role != c.Spec.Role) {
		return nil, r.fail(c, handler.ReturnCode{SC1: 1, Main: "SDP0140"}, "A CONTROL COMMAND CANNOT BE CREATED OR CHANGED BY REPLACEMENT")
	}
	if c.Spec == nil && nc.Spec != nil && nc.Spec.Role != 0 {
		return nil, r.fail(c, handler.ReturnCode{SC1: 1, Main: "SDP0140"}, "A CONTROL COMMAND CANNOT BE CREATED BY REPLACEMENT")
	}
	nc.Pos, nc.Label = c.Pos, c.Label
	return nc, nil
}
