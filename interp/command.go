package interp

import (
	"context"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"time"

	"sdfp/hypervisor/clock"
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer"
	"sdfp/parser/ast"
)

// native is an SDF-P statement the interpreter executes itself. It
// returns the command's result, or a signal for branches, exits and
// errors it raises itself.
type native func(r *Runner, c *ast.Command) (handler.Result, *signal)

// step counts one executed command against the limits and the context;
// its common case (no stop hook, the step limit not reached, no check
// due) returns at once.
func (r *Runner) step(c *ast.Command) *signal {
	r.steps++
	if r.steps < r.checkAt {
		return nil // small enough to be inlined into every statement
	}
	return r.stepChecks(c)
}

// stepChecks is the rest of step, for the step just counted. It runs at
// the first step and then no later than each step where one of its
// checks can fire (every step with a stop function, past the step limit,
// every checkSteps steps), which checkAt tells step.
func (r *Runner) stepChecks(c *ast.Command) *signal {
	switch next := (r.steps | (checkSteps - 1)) + 1; {
	case r.stop != nil:
		r.checkAt = r.steps + 1
	case r.stepLimit > 0 && r.steps <= r.stepLimit:
		r.checkAt = min(next, r.stepLimit+1)
	case r.stepLimit > 0:
		r.checkAt = r.steps + 1
	default:
		r.checkAt = next
	}
	if r.stop != nil && r.stop() {
		return &signal{kind: sigError, err: r.limitError(c, runCancelled.result("JOB ENDED"))}
	}
	if r.stepLimit > 0 && r.steps > r.stepLimit {
		return &signal{kind: sigError, err: r.limitError(c, stepLimit.result(r.stepLimit))}
	}
	if r.steps&(checkSteps-1) == 0 {
		if r.ctx.Err() != nil {
			return &signal{kind: sigError, err: r.limitError(c, runCancelled.result(cancelReason(r.ctx)))}
		}
		if err := r.checkMemory(); err != nil {
			return &signal{kind: sigError, err: r.limitError(c, resultOf(err))}
		}
		if r.progress != nil {
			r.progress(r.steps, r.clock.Now())
		}
	}
	return nil
}

// limitError is the error of a run stopped by a limit; its message is
// not printed on SYSOUT, the run's summary reports it.
func (r *Runner) limitError(c *ast.Command, res handler.Result) *Error {
	e := r.errorAt(c.Pos, res.RC, res.Message())
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
	if len(c.Errs) > 0 {
		// at the reader's place in the command, as --strict and sdfp
		// check report it (it was the command's start)
		at := c.Errs[0].Pos
		if at.Line == 0 {
			at = c.Pos
		}
		return nil, r.failTraced(c, at, analysisFailure(c.Errs[0]))
	}
	return c, nil
}

// failTraced fails a command that never reached its handler (the reader
// could not read it) and traces it, as apply traces one that ran: the
// trace and the JSON command events showed nothing of a CMD0202.
func (r *Runner) failTraced(c *ast.Command, at lexer.Pos, res handler.Result) *signal {
	sig := r.failAt(at, res)
	r.traceCmd(c, sig.err.RC)
	return sig
}

// execCommand runs one simple command.
func (r *Runner) execCommand(c *ast.Command) *signal {
	if c.Name == "" && !c.Subst && len(c.Errs) == 0 {
		return nil // comment line or label alone
	}
	orig := c
	if c.Subst && !r.listing && r.trace == nil && r.planned(c) {
		// a listing and a trace show the replaced text: the general way
		if wp := r.plan(c).write; wp != nil {
			if sig, ok := r.writePlanned(c, wp); ok {
				return sig
			}
		}
	}
	c, sig := r.begin(c)
	if sig != nil {
		return sig
	}
	if c.Spec == nil || c.Args == nil {
		return r.failTraced(c, c.Pos, commandNotAnalysable.result(strings.TrimSpace(c.Unit.Text)))
	}
	var res handler.Result
	var fn native
	var route handler.CommandFunc
	release := false // c goes back to its template (substtemplate.go)
	switch {
	case c != orig && c.Name == orig.Name && r.planned(orig):
		// made by & replacement: the statement of the command replaced,
		// which its plan found once
		p := r.plan(orig)
		fn, route, release = p.native, p.route, p.keepsNothing
	case !r.planned(c):
		fn = r.natives[c.Name] // the reference, and commands made by & replacement (plan.go)
	default:
		p := r.plan(c)
		if p.name != nil {
			return r.setPlanned(c, p)
		}
		fn, route = p.native, p.route
	}
	if fn != nil {
		var sig *signal
		res, sig = fn(r, c)
		if sig != nil {
			return r.signalled(c, sig)
		}
	} else if r.frame.dialog && procedureOnly[c.Name] {
		res = notInDialog.result(c.Name)
	} else if route != nil {
		r.dispatchRoute(route, &handler.Request{Name: c.Name, Args: c.Args, Pos: c.Pos, Task: r}, &res)
	} else {
		res = r.dispatch(c)
	}
	sig = r.apply(c, &res)
	if release {
		r.releaseReplaced(orig, c)
	}
	return sig
}

// signalled ends a statement that raised a signal: the return code it
// leaves is the error's, or OK for a branch or an exit.
func (r *Runner) signalled(c *ast.Command, sig *signal) *signal {
	if sig.kind == sigError {
		r.frame.setLast(sig.err.RC)
		r.traceCmd(c, sig.err.RC)
	} else {
		r.frame.setOK()
		r.traceCmd(c, handler.OK)
	}
	return sig
}

// dispatch hands a command to the handler chain.
func (r *Runner) dispatch(c *ast.Command) handler.Result {
	return r.dispatchRequest(&handler.Request{Name: c.Name, Args: c.Args, Pos: c.Pos, Task: r})
}

// dispatchRequest hands a request to the handler chain.
func (r *Runner) dispatchRequest(req *handler.Request) handler.Result {
	res, ok := handle(r.ctx, r.dispatcher, req)
	if !ok {
		return commandNotAvailable.result(req.Name)
	}
	if res.Wait != nil {
		return r.wait(res)
	}
	return res
}

// dispatchRoute hands a request to the function the handler chain
// routes its command to (routeOf), its result written into res: the
// result is 16 words, and each copy on the way back from the executor
// costs a loop's command (EXEC-CMD in a loop) about 30 instructions.
func (r *Runner) dispatchRoute(fn handler.CommandFunc, req *handler.Request, res *handler.Result) {
	handleRoute(r.ctx, fn, req, res)
	if res.Wait != nil {
		*res = r.wait(*res)
	}
}

// routeOf is the function the handler chain routes a command to, when
// it can tell from the name alone (handler.Router): a planned command
// calls it itself at every execution. nil: the chain decides for each
// request (a middleware, a stub, a site's commands), or no handler
// serves the command.
func (r *Runner) routeOf(name string) handler.CommandFunc {
	fn, _ := handler.Route(r.dispatcher, name)
	return fn
}

// wait parks the task until the awaited condition holds or its time
// limit passes.
func (r *Runner) wait(res handler.Result) handler.Result {
	w := res.Wait
	res.Wait = nil
	if r.waiter == nil {
		ready, err := w.Ready()
		if err != nil {
			return resultOf(err)
		}
		if ready {
			return res
		}
		return w.OnTimeout
	}
	ready, err := r.waiter.Wait(r.ctx, r, w)
	if err != nil && r.ctx.Err() != nil {
		return runCancelled.result(cancelReason(r.ctx))
	}
	if err != nil {
		return resultOf(err)
	}
	if !ready {
		return w.OnTimeout
	}
	return res
}

// apply prints a command's output, records its return code and turns an
// error into error mode. It takes the result by its address, as
// dispatchRoute writes it, to spare a copy of its 16 words.
func (r *Runner) apply(c *ast.Command, res *handler.Result) *signal {
	if IsLimit(res.RC) {
		r.frame.setLast(res.RC)
		r.frame.saved = res.RC
		r.traceCmd(c, res.RC)
		return &signal{kind: sigError, err: r.limitError(c, *res)}
	}
	if len(res.Records) > 0 {
		streamed := r.streamRecords(*res) // the caller's stays as it is
		res = &streamed
	}
	for _, line := range res.Output {
		r.print(line)
	}
	if res.After != nil {
		res.After()
	}
	r.frame.setLast(res.RC)
	r.traceCmd(c, res.RC)
	if !r.isError(res) {
		if res.Goto != "" {
			return r.branch(c, res.Goto)
		}
		return nil
	}
	r.frame.saved = res.RC
	return &signal{kind: sigError, err: r.errorAt(c.Pos, res.RC, res.Message())}
}

// applyDone is apply for the result done: no output, no branch, no
// error, CMD0001 recorded. Small enough to be inlined into the planned
// statements that end with it (setPlanned at every pass of a loop).
func (r *Runner) applyDone(c *ast.Command) *signal {
	r.frame.setOK()
	if r.trace != nil {
		r.traceTo(c, handler.OK)
	}
	return nil
}

// isError decides by the procedure's ERROR-MECHANISM whether a result is
// an error: a spin-off, or any SUBCODE1 other than 0. It takes the
// result by its address: inlined into apply, it still copied the 16
// words (about 17 instructions of apply's 64 at every command).
func (r *Runner) isError(res *handler.Result) bool {
	if r.frame.byReturnCode {
		return res.RC.SC1 != 0
	}
	return res.SpinOff
}

// fail makes a command fail with an error the interpreter raises itself:
// its message is printed and error handling starts, whatever the
// ERROR-MECHANISM.
func (r *Runner) fail(c *ast.Command, res handler.Result) *signal { return r.failAt(c.Pos, res) }

func (r *Runner) failAt(pos lexer.Pos, res handler.Result) *signal {
	if !IsLimit(res.RC) {
		// a limit's message is not printed: the run's summary reports it
		for _, line := range res.Output {
			r.print(line)
		}
	}
	r.frame.setLast(res.RC)
	r.frame.saved = res.RC
	return &signal{kind: sigError, err: r.errorAt(pos, res.RC, res.Message())}
}

// resultOf is the result of a command whose expression, name or value
// failed: a message-valued failure keeps its message; anything else is
// an internal error of sdfp, reported with its Go text.
func resultOf(err error) handler.Result {
	var f *msg.Failure
	if errors.As(err, &f) {
		sc1 := f.SC1
		if sc1 == 0 {
			sc1 = 64
		}
		return handler.Fail(sc1, f.Msg)
	}
	var tl *clock.ErrTimeLimit
	if errors.As(err, &tl) {
		return virtualTimeLimit.result(tl.Limit.Format(time.DateTime))
	}
	return internalError.result(strings.ToUpper(err.Error()))
}

// exprFail turns an expression evaluation error into a command error.
func (r *Runner) exprFail(c *ast.Command, err error) *signal {
	var se *signalError
	if errors.As(err, &se) {
		return se.sig
	}
	return r.fail(c, resultOf(err))
}

// signalError carries a signal through expr's error path (a limit hit
// inside a function call).
type signalError struct{ sig *signal }

func (e *signalError) Error() string { return e.sig.err.Text }

// errorAt builds an Error with the current call stack; its text is
// rendered once, in the task's language.
func (r *Runner) errorAt(pos lexer.Pos, rc handler.ReturnCode, m msg.Message) *Error {
	e := &Error{RC: rc, Msg: m, Text: r.messages.Body(m, r.lang), Pos: pos, Limit: IsLimit(rc)}
	for f := r.frame; f != nil && f.parent != nil; f = f.parent {
		e.Stack = append(e.Stack, f.callPos)
	}
	slices.Reverse(e.Stack) // outermost first
	return e
}

// logCmd writes an executed command to the procedure log on SYSLST when
// LISTING=*YES is set: as it was written (after & replacement), before
// any message it produces.
func (r *Runner) logCmd(c *ast.Command) {
	if r.listing && c != nil && c.Unit != nil {
		r.logLine(c)
	}
}

func (r *Runner) logLine(c *ast.Command) {
	r.syslst.println(logLine(r.frame.level, c.Pos.Line, strings.TrimSpace(c.Unit.Text)))
}

// traceCmd reports an executed command with its return code to the trace
// hook.
func (r *Runner) traceCmd(c *ast.Command, rc handler.ReturnCode) {
	if c != nil && r.trace != nil {
		r.traceTo(c, rc)
	}
}

func (r *Runner) traceTo(c *ast.Command, rc handler.ReturnCode) { r.trace(r.traceEvent(c, rc)) }

// traceEvent describes an executed command for the trace hook.
func (r *Runner) traceEvent(c *ast.Command, rc handler.ReturnCode) TraceEvent {
	text := ast.CommandText(c)
	if c.Spec == nil && c.Unit != nil {
		// not read (CMD0202): the line as written, on one line
		text = strings.TrimPrefix(strings.Join(strings.Fields(c.Unit.Text), " "), "/")
	} else if c.Label != "" {
		text = ast.LabelText(c.Label) + " " + text
	}
	return TraceEvent{Time: r.clock.Now(), Pos: c.Pos, Level: r.frame.level, Text: text, RC: rc}
}

// blockCmd logs and traces a block command that cannot fail (BEGIN-BLOCK,
// ELSE, END-IF ...).
func (r *Runner) blockCmd(c *ast.Command) {
	if r.listing || r.trace != nil { // small enough to be inlined: END-WHILE at every pass
		r.blockCmdOut(c)
	}
}

func (r *Runner) blockCmdOut(c *ast.Command) {
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
	var text string
	var err error
	if r.planned(c) {
		text, err = r.substitutePlanned(c)
	} else {
		text, err = r.substitute(c.Unit.Text)
	}
	if err != nil {
		return nil, r.exprFail(c, err)
	}
	nc, errs := r.analyseReplaced(c, text)
	if len(errs) > 0 {
		return nil, r.fail(c, substReparse.result(errs[0].Msg, strings.TrimSpace(text)))
	}
	if nc.Label != "" && nc.Label != c.Label {
		return nil, r.fail(c, substLabel.result())
	}
	if c.Spec != nil && c.Spec.Role != 0 && (nc.Spec == nil || nc.Spec.Role != c.Spec.Role) {
		return nil, r.fail(c, substControlChanged.result())
	}
	if c.Spec == nil && nc.Spec != nil && nc.Spec.Role != 0 {
		return nil, r.fail(c, substControlCreated.result())
	}
	nc.Pos, nc.Label = c.Pos, c.Label
	return nc, nil
}

// errorOf is the error of a result that ends a procedure before it runs
// (a procedure that cannot be loaded): its message is not printed here.
func (r *Runner) errorOf(pos lexer.Pos, res handler.Result) *Error {
	return r.errorAt(pos, res.RC, res.Message())
}

// syntaxError is the error of a procedure the reader rejects: the reader's
// own text under its key.
func (r *Runner) syntaxError(e *lexer.Error) *Error {
	m := msg.New(e.Code, e.Msg)
	return &Error{RC: handler.ReturnCode{SC1: 1, Main: e.Code}, Msg: m, Text: e.Msg, Pos: e.Pos}
}

// parseFailure is a reader error met while running (a variable name given
// as text): its text is the reader's.
func parseFailure(e *lexer.Error) error {
	return &msg.Failure{SC1: 64, Msg: msg.New(e.Code, e.Msg)}
}

// openFailure is what an I/O error says, without the file name the
// message names already.
func openFailure(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return strings.ToUpper(err.Error())
}

// handle asks a handler, turning an executor that reads an operand its
// command does not declare (ast.UnpackError, a defect of sdfp that the
// tests are there to catch) into an internal error of the command rather
// than a crash of the run.
func handle(ctx context.Context, h handler.Handler, req *handler.Request) (res handler.Result, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			res, ok = unpackFailure(req, p), true
		}
	}()
	return h.Handle(ctx, req)
}

// handleRoute is handle for the function a command is routed to.
func handleRoute(ctx context.Context, fn handler.CommandFunc, req *handler.Request, res *handler.Result) {
	// recover in a closure of its own rather than in a deferred call of
	// unpackFailure: that took a wrapper and a call at every command
	defer func() {
		if p := recover(); p != nil {
			*res = unpackFailure(req, p)
		}
	}()
	*res = fn(ctx, req)
}

// cancelReason is why the run's context ended: the cause its canceller
// gave (the dialog's Ctrl-C), else Go's words for it in capitals, as
// the message's other text is ("context canceled" was all a dialog user
// saw of a Ctrl-C).
func cancelReason(ctx context.Context) string {
	if c := context.Cause(ctx); c != nil && c != ctx.Err() {
		return c.Error()
	}
	return strings.ToUpper(ctx.Err().Error())
}

// unpackFailure is the internal error of the request's command that an
// ast.UnpackError panic p stands for; any other panic goes on.
func unpackFailure(req *handler.Request, p any) handler.Result {
	ue, isUnpack := p.(*ast.UnpackError)
	if !isUnpack {
		panic(p)
	}
	return internalError.result(strings.ToUpper(req.Name + ": " + ue.Error()))
}
