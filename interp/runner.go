// Package interp runs SDF-P procedures: variables, expressions (compiled
// to expr programs), builtin functions, control flow, SDF-P error handling
// and procedure calls. Commands it does not execute itself go down a
// handler chain (package hypervisor/command): the job environment, the
// embedded VM2000 and test stubs plug in there.
//
// A Runner is built with functional options and holds everything of one
// run; two runners share nothing.
package interp

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"runtime/metrics"
	"strings"
	"time"

	"github.com/expr-lang/expr/vm"
	"github.com/spf13/afero"

	"sdfp/builtins"
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer"
	"sdfp/parser"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// Clock tells the run's time. The runtime never reads the wall clock; the
// default is a fixed instant, and the job environment supplies a virtual
// clock that advances while tasks wait.
type Clock interface {
	Now() time.Time
}

// FixedClock is a clock that always shows the same instant.
type FixedClock time.Time

// Now implements Clock.
func (c FixedClock) Now() time.Time { return time.Time(c) }

// DefaultStart is the virtual time a run starts at unless told otherwise.
var DefaultStart = time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)

// Waiter parks a task that waits for an event (WAIT-EVENT) and reports
// whether the condition held before the time limit. Without one, a wait
// whose condition is not already true times out at once.
type Waiter interface {
	Wait(ctx context.Context, task handler.Task, w *handler.Wait) (ready bool, err error)
}

// Option configures a Runner.
type Option func(*Runner)

// WithFS sets the file system every file of the run lives in: procedure
// files, SYSLST files, job variables. The default is an empty in-memory
// file system.
func WithFS(fs afero.Fs) Option { return func(r *Runner) { r.fs = fs } }

// WithStdout sets where SYSOUT goes.
func WithStdout(w io.Writer) Option { return func(r *Runner) { r.sysout = w } }

// WithStdin sets where READ-VARIABLE reads from (the task's SYSDTA).
func WithStdin(in io.Reader) Option { return func(r *Runner) { r.stdin = bufio.NewReader(in) } }

// WithSyslst sets the primary SYSLST (where SYSLST goes when it is not
// assigned to a file).
func WithSyslst(w io.Writer) Option { return func(r *Runner) { r.primarySyslst = w } }

// WithClock sets the clock DATE() and TIME() read.
func WithClock(c Clock) Option { return func(r *Runner) { r.clock = c } }

// WithWaiter sets how tasks wait for events.
func WithWaiter(w Waiter) Option { return func(r *Runner) { r.waiter = w } }

// WithStrictAnalysis refuses a procedure with any syntax error before it
// runs (sdfp run --strict), instead of failing each bad command when it
// is reached, as BS2000 does.
func WithStrictAnalysis(on bool) Option { return func(r *Runner) { r.strict = on } }

// WithStepLimit ends a run with an error after n commands (0: no limit).
func WithStepLimit(n int64) Option { return func(r *Runner) { r.stepLimit = n } }

// WithBackBranchLimit ends a loop with SDP0139 after n passes of one loop
// activation (0: no limit).
func WithBackBranchLimit(n int) Option { return func(r *Runner) { r.backBranchLimit = n } }

// WithHandlers adds command handlers; they are asked in order.
func WithHandlers(h ...handler.Handler) Option {
	return func(r *Runner) { r.handlers = append(r.handlers, h...) }
}

// WithMiddleware wraps the handler chain: every command the interpreter
// does not execute itself goes through mw, which may call through to the
// chain and change its result, or answer itself (a trace, a dry run, an
// injected fault). Several wrap in order: the first given is outermost.
func WithMiddleware(mw ...handler.Middleware) Option {
	return func(r *Runner) { r.middleware = append(r.middleware, mw...) }
}

// WithCatalog sets the command catalog (default: catalog.Builtin()).
func WithCatalog(c *catalog.Catalog) Option { return func(r *Runner) { r.parser = parser.New(c) } }

// WithFunctions sets the builtin function table.
func WithFunctions(t *builtins.Table) Option { return func(r *Runner) { r.funcs = t } }

// WithLanguage sets the message language, "E" (default) or "D".
func WithLanguage(lang string) Option { return func(r *Runner) { r.lang = strings.ToUpper(lang) } }

// WithTask sets the task's TSN and user ID.
func WithTask(tsn, user string) Option { return func(r *Runner) { r.tsn, r.user = tsn, user } }

// WithMessages sets the message catalog every message is rendered from
// (default: msg.Default()).
func WithMessages(m *msg.Catalog) Option { return func(r *Runner) { r.messages = m } }

// JobMonitor starts job monitoring (MODIFY-JOB-OPTIONS MONJV=...): the
// job environment's part of a command the interpreter executes.
type JobMonitor interface {
	MonitorJob(req *handler.Request) handler.Result
}

// WithJobMonitor sets who starts job monitoring.
func WithJobMonitor(j JobMonitor) Option { return func(r *Runner) { r.jobs = j } }

// WithJVs sets where JV() and JV conditions read job variables.
func WithJVs(j JVReader) Option { return func(r *Runner) { r.jvs = j } }

// WithVarHook sets a function called after every assignment to a
// variable (for JSON event output).
func WithVarHook(fn func(name string, value any)) Option { return func(r *Runner) { r.varHook = fn } }

// WithTrace sets a function called for every executed command.
func WithTrace(fn func(TraceEvent)) Option { return func(r *Runner) { r.trace = fn } }

// TraceEvent describes one executed command.
type TraceEvent struct {
	Time  time.Time
	Pos   lexer.Pos
	Level int    // procedure nesting level, 1 for the procedure run
	Text  string // the command in accepted form
	RC    handler.ReturnCode
	// Branch says which way a decision went, for coverage (branch.go):
	// set on the opening command of IF, ELSE-IF, IF-CMD-ERROR and
	// IF-BLOCK-ERROR, NoBranch on every other command.
	Branch Branch
}

// Runner runs procedures.
type Runner struct {
	progress        func(steps int64, now time.Time) // WithProgress
	fs              afero.Fs
	sysout          io.Writer
	primarySysout   io.Writer
	sysoutFile      io.WriteCloser
	jvs             JVReader
	software        []builtins.Software // WithSoftware
	dialogTask      bool                // a dialog runs the task: TASK-MODE( ) is DIALOG
	jobs            JobMonitor
	strict          bool // WithStrictAnalysis
	primarySyslst   io.Writer
	syslst          *syslst
	stdin           *bufio.Reader
	clock           Clock
	waiter          Waiter
	stepLimit       int64
	backBranchLimit int
	handlers        handler.Chain
	natives         map[string]native // the table natives
	middleware      []handler.Middleware
	dispatcher      handler.Handler // the chain wrapped by the middleware
	parser          *parser.Parser
	procs           *ProcedureCache // WithProcedureCache; nil: every file is parsed
	funcs           *builtins.Table
	lang            string
	tsn, user       string
	messages        *msg.Catalog
	trace           func(TraceEvent)
	varHook         func(name string, value any)
	limits          Limits

	// varBytes counts the task's variables against limits.VariableBytes
	// (never below their true size); varCheckAt is where charge counts
	// them exactly next.
	varBytes   int64
	varCheckAt int64
	heapSample []metrics.Sample
	includes   int // INCLUDE-BLOCK subprocedures running, counted with the procedure levels

	ctx       context.Context
	steps     int64
	checkAt   int64 // the next step at which step runs stepChecks (0: the first)
	globals   *scope
	frame     *frame
	listing   bool               // MODIFY-JOB-OPTIONS LOGGING=*PAR(LISTING=*YES)
	sites     map[ast.Expr]*site // expression sites evaluated outside a procedure level
	forItems  [][]any            // buffers for FOR over a list (exec.go)
	directOff bool
	vm        vm.VM
	env       *exprEnv
	layouts   map[string]*template // structure layouts (BEGIN-STRUCTURE)
	// substExprs caches the expressions of &(...) by their text.
	substExprs map[string]ast.Expr
	// parsedCmds and parsedNames keep parsed EXECUTE-CMD commands and
	// variable names given as text (parsecache.go).
	parsedCmds  map[parsedCmdKey]*ast.Command
	parsedNames map[string]*ast.VarName
	// substTemplates keep the analysis of a command after & replacement
	// for the next replacement (substtemplate.go).
	substTemplates map[*ast.Command]*substTemplates
	// lineBuf is where a planned WRITE-TEXT builds its line
	// (substwrite.go), reused by the next one
	lineBuf   []byte
	lastFound foundName  // find's last name (resolve.go)
	layout    *layoutDef // the layout being defined

	// containers are the open permanent variable containers (vcontainers.go).
	containers map[string]*permContainer
	// sysinf is where each procedure level sends the structured output of
	// SHOW commands (ASSIGN-STREAM SYSINF, streams.go).
	sysinf map[*frame]*streamTarget
	// switches are the run's job and user switches (WithSwitches; nil:
	// none); sysswitch is SYSSWITCH, the job switches as a variable
	// (switches.go).
	switches  Switches
	sysswitch *variable
	stop      func() bool // WithStop (jobs.go)
}

// New returns a runner.
func New(opts ...Option) *Runner {
	r := &Runner{
		fs:         afero.NewMemMapFs(),
		sysout:     io.Discard,
		clock:      FixedClock(DefaultStart),
		stepLimit:  100_000_000,
		funcs:      builtins.Default,
		lang:       "E",
		messages:   msg.Default(),
		natives:    natives,
		tsn:        "0001",
		user:       "SDFPUSER",
		globals:    newScope(),
		sites:      map[ast.Expr]*site{},
		layouts:    map[string]*template{},
		substExprs: map[string]ast.Expr{},
	}
	r.setLimits(DefaultLimits)
	for _, o := range opts {
		o(r)
	}
	if r.parser == nil { // no WithCatalog: the built-in commands, copied only then
		r.parser = parser.New(catalog.Builtin())
	}
	if r.stdin == nil {
		r.stdin = bufio.NewReader(strings.NewReader(""))
	}
	if r.primarySyslst == nil {
		r.primarySyslst = io.Discard
	}
	r.syslst = &syslst{w: r.primarySyslst}
	r.dispatcher = r.handlers
	for i := len(r.middleware) - 1; i >= 0; i-- {
		r.dispatcher = r.middleware[i](r.dispatcher)
	}
	r.primarySysout = r.sysout
	r.env = newExprEnv(r)
	return r
}

// ID implements handler.Task.
func (r *Runner) ID() string { return r.tsn }

// Language implements handler.Task.
func (r *Runner) Language() string { return r.lang }

// Parser returns the runner's parser.
func (r *Runner) Parser() *parser.Parser { return r.parser }

// Result is how a procedure ended.
type Result struct {
	// RC is the return code the procedure passes to its caller.
	RC handler.ReturnCode
	// Err is set when the procedure ended with an error (an unhandled
	// command error, EXIT-PROCEDURE ERROR=*YES, or a limit).
	Err *Error
	// Steps is the number of commands executed.
	Steps int64
}

// RunFile reads a procedure from the run's file system and runs it.
func (r *Runner) RunFile(ctx context.Context, name string, params []Param) Result {
	proc, err := r.loadProcedure(name)
	if err != nil {
		return Result{RC: err.RC, Err: err}
	}
	return r.Run(ctx, proc, params)
}

// RunSource parses and runs a procedure given as text. Syntax errors the
// reader finds make the run fail before any command executes.
func (r *Runner) RunSource(ctx context.Context, file, src string, params []Param) Result {
	proc, errs := r.readProcedure(file, src)
	if len(errs) > 0 {
		e := r.syntaxError(errs[0])
		return Result{RC: e.RC, Err: e}
	}
	return r.Run(ctx, proc, params)
}

// Run runs a parsed procedure as the outermost procedure of the task.
func (r *Runner) Run(ctx context.Context, proc *ast.Procedure, params []Param) Result {
	if ctx == nil {
		ctx = context.Background()
	}
	r.ctx = ctx
	rc, err := r.call(proc, params, false, lexer.Pos{})
	r.saveContainersAtEnd()
	r.closeSystemFiles()
	return Result{RC: rc, Err: err, Steps: r.steps}
}

// Error is a runtime error: the return code, the message and where it
// happened, with the procedure call stack.
type Error struct {
	RC    handler.ReturnCode
	Msg   msg.Message // the message, as a value
	Text  string      // the message's text, rendered in the task's language
	Pos   lexer.Pos
	Stack []lexer.Pos // positions of the calls that led here, outermost first
	// Limit is set when the run was stopped by the step limit, a
	// cancelled context or the virtual time limit.
	Limit bool
}

// stackShown is how many of the innermost and of the outermost calls an
// error's text shows; the calls between are counted.
const stackShown = 10

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s %s", lexer.FormatPos(e.Pos), e.RC.Main, e.Text)
	for i := len(e.Stack) - 1; i >= 0; i-- {
		if n := len(e.Stack); n > 2*stackShown && i == n-1-stackShown {
			// a deep recursion: the innermost and the outermost calls
			fmt.Fprintf(&b, "\n\t... %d more calls", n-2*stackShown)
			i = stackShown - 1
		}
		fmt.Fprintf(&b, "\n\tcalled from %s", lexer.FormatPos(e.Stack[i]))
	}
	return b.String()
}

// MessageWriter is a SYSOUT writer that wants each line together with the
// message it was rendered from (the JSON event output): the interpreter
// calls WriteMessage instead of Write for every line it prints.
type MessageWriter interface {
	WriteMessage(text string, m msg.Message)
}

// print writes a line to SYSOUT and, with LISTING=*YES, to SYSLST,
// rendered in the task's language.
func (r *Runner) print(m msg.Message) {
	text := r.messages.Render(m, r.lang)
	if mw, ok := r.sysout.(MessageWriter); ok {
		mw.WriteMessage(text, m)
	} else {
		fmt.Fprintln(r.sysout, text)
	}
	if r.listing {
		r.syslst.println(text)
	}
}

// render renders output lines as text in the task's language (EXECUTE-CMD
// TEXT-OUTPUT into a variable).
func (r *Runner) render(lines []msg.Message) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = r.messages.Render(l, r.lang)
	}
	return out
}
