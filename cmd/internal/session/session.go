// Package session wires a run together: the interpreter, the job
// environment (virtual clock, job variables, console, message catalog)
// and, when given, command handlers such as the embedded VM2000. The CLI,
// the dialog and the golden tests all build their runs here, so they
// behave alike.
package session

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"

	"sdfp/builtins"
	"sdfp/hypervisor/bs2000/console"
	"sdfp/hypervisor/bs2000/files"
	"sdfp/hypervisor/bs2000/jobenv"
	"sdfp/hypervisor/bs2000/jv"
	"sdfp/hypervisor/bs2000/site"
	"sdfp/hypervisor/clock"
	"sdfp/hypervisor/msg"
	"sdfp/hypervisor/vm2000"
	"sdfp/interp"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// Options configure a session. Zero values give an in-memory file
// system, English messages, the default start time and no output.
type Options struct {
	FS             afero.Fs  // the BS2000 files of the run: procedures, SYSLST files, JVs
	Lang           string    // message language, "E" or "D"
	Start          time.Time // virtual time at the start
	Stdout         io.Writer // SYSOUT
	Stdin          io.Reader // SYSDTA for READ-VARIABLE
	Syslst         io.Writer // the primary SYSLST
	Console        io.Writer // console lines as they are written
	MaxSteps       int64     // 0: the interpreter's default
	Strict         bool      // refuse any syntax error before a procedure runs (interp.WithStrictAnalysis)
	BackBranch     int       // loop pass limit, 0: none
	MaxVirtualTime time.Duration
	// Limits bound each task's procedure nesting, list elements, variable
	// size and the process's memory (nil: interp.DefaultLimits; a zero
	// field: no limit).
	Limits  *interp.Limits
	Trace   func(interp.TraceEvent)
	VarHook func(name string, value any)
	// JobHooks, when set, gives the trace and variable hooks of the task
	// of each batch job a task enters (its TSN known only then; a nil
	// hook: none). Unset, a job has Trace and VarHook, as every task
	// without hooks of its own (sdfp run sets each task's, so its jobs
	// were traced nowhere).
	JobHooks func(tsn string) (trace func(interp.TraceEvent), varHook func(name string, value any))
	Handlers []handler.Handler // handlers asked before the VM2000 and the job environment (stubs)
	// TSN, when set, is the TSN of every task of the session; empty: each
	// task takes the next number of the TSN counter (NextTSN), which
	// starts at FirstTSN (0: 1).
	TSN, User string
	FirstTSN  int
	// Installation is the VM2000 the procedures run against (nil: the
	// embedded default installation); LocalSU names the server unit whose
	// monitor system runs them (empty: the installation's choice).
	Installation *vm2000.Installation
	LocalSU      string
	// Progress is called every 1,024 commands of a task with its step
	// count and virtual time (interp.WithProgress).
	Progress func(steps int64, now time.Time)
	// NoVM2000 leaves the embedded VM2000 out (VM2000 commands then fail
	// as unknown in this environment).
	NoVM2000 bool
	// Reference runs the interpreter without its fast paths (direct
	// evaluation, command plans, site caches: interp.WithDirectEval), the
	// reference the differential tests hold them to.
	Reference bool
	// Procedures keeps the procedures the session's tasks read, parsed
	// (interp.ProcedureCache; nil: a cache of the session's own), for the
	// next session given it too: the scenarios of `sdfp explore` parse
	// each file once. The sessions sharing it share the catalog of an
	// installation too.
	Procedures *interp.ProcedureCache
}

// Session is one run's shared environment.
type Session struct {
	Clock   *clock.Clock
	JVs     *jv.Store
	Console *console.Console
	Msgs    *msg.Catalog
	Env     *jobenv.Env
	VM2000  *vm2000.Model // nil with Options.NoVM2000
	// Executors dispatch every command the interpreter does not run
	// itself to the one executor that serves it: the job environment,
	// the VM2000 and the site's commands.
	Executors *handler.Registry
	opts      Options
	catalog   *catalog.Catalog // nil: the built-in one
	// writeErrs are the files of the run that could not be written.
	writeErrs []msg.Message
	software  []builtins.Software // the installation's software inventory, for INSTALLATION-PATH
	// TSNs gives every task and batch job its TSN (jobenv.TSNs; the
	// saved world keeps its Last).
	TSNs *jobenv.TSNs
	// sched runs the tasks while RunTasks or Run runs; batch jobs are
	// spawned on it (jobs.go).
	sched  *clock.Scheduler
	runCtx context.Context // the context of the tasks sched runs
	// jobLimits are the batch jobs a run limit stopped, jobResults how
	// every job whose procedure ran ended, jobCancels the contexts of
	// the jobs' tasks by TSN (jobs.go).
	jobLimits  []JobResult
	jobResults []JobResult
	jobCancels map[string]context.CancelFunc
}

// New builds a session. It fails only when the installation cannot be
// set up (for example an unknown LocalSU).
func New(o Options) (*Session, error) {
	if o.FS == nil {
		o.FS = afero.NewMemMapFs()
	}
	if o.Lang == "" {
		o.Lang = "E"
	}
	if o.Procedures == nil {
		// the session's own: a procedure its tasks call again (in a loop,
		// from several jobs) is parsed once, as long as its text is the
		// same (the cache's key is the exact text)
		o.Procedures = interp.NewProcedureCache()
	}
	if o.Start.IsZero() {
		o.Start = interp.DefaultStart
	}
	if o.User == "" {
		o.User = "SDFPUSER"
	}
	s := &Session{Clock: clock.New(o.Start), Msgs: msg.Default(), opts: o}
	if o.MaxVirtualTime > 0 {
		s.Clock.Limit = o.Start.Add(o.MaxVirtualTime)
	}
	s.JVs = jv.New(o.FS, s.Clock.Now)
	// JV changes reach the files when the tasks end (Flush), each file
	// replaced atomically once, not at every state a MONJV passes.
	s.JVs.Deferred = true
	s.Console = console.New(s.Clock.Now, s.Msgs, o.Lang)
	s.Console.W = o.Console
	s.Env = jobenv.New(s.JVs, s.Clock, s.Console, s.Msgs)
	s.Env.User = o.User
	s.JVs.Catalog, s.JVs.User = s.Env.Catalog, o.User // JV.X and :SDFP:$USER.JV.X are one JV
	s.TSNs = &jobenv.TSNs{}
	if o.FirstTSN > 0 {
		s.TSNs.SetLast(o.FirstTSN - 1) // a continued world goes on from there
	}
	s.jobCancels = map[string]context.CancelFunc{}
	s.Env.TSNs = s.TSNs
	s.Env.SetJobStarter(jobStarter{s})
	fileCmds := files.New(o.FS, s.Clock.Now, s.Env.Catalog, o.User)
	execs := []handler.Executor{s.Env, fileCmds}
	if !o.NoVM2000 {
		inst := o.Installation
		if inst == nil {
			inst = defaultInstallation()
		}
		if inst.ConsoleLanguage != "" {
			s.Console.SetLanguage(inst.ConsoleLanguage)
		}
		m, err := vm2000.New(inst, s.Clock, s.JVs, s.Console)
		if err != nil {
			return nil, err
		}
		if o.LocalSU != "" {
			if err := m.SetLocalSU(o.LocalSU); err != nil {
				return nil, err
			}
		}
		m.SetFiles(fileCmds) // the backup file of SAVE- and RESTORE-VM-CONFIGURATION
		s.VM2000 = m
		s.software = softwareOf(inst)
		execs = append(execs, m)
		if len(inst.Commands) > 0 {
			if o.Procedures != nil {
				s.catalog = o.Procedures.Catalog(inst.CatalogKey(), inst.Catalog)
			} else {
				s.catalog = inst.Catalog()
			}
			sc := site.New(inst.SiteCommands())
			execs = append(execs, sc)
			fileCmds.Without(sc.Commands()) // a site command wins over a file command of its name
		}
	}
	if s.catalog == nil && o.Procedures != nil {
		// one built-in catalog for every session of the cache, so that
		// their runners find the same trees (catalog.Builtin gives a copy
		// at each call)
		s.catalog = o.Procedures.Catalog("", catalog.Builtin)
	}
	reg, err := handler.NewRegistry(execs...)
	if err != nil {
		return nil, err
	}
	s.Executors = reg
	return s, nil
}

// softwareOf is the installation's software inventory as the builtin
// functions read it.
func softwareOf(inst *vm2000.Installation) []builtins.Software {
	var out []builtins.Software
	for _, s := range inst.Software() {
		out = append(out, builtins.Software{Unit: s.Unit, Version: s.Version, Items: s.Items})
	}
	return out
}

// Language is the run's message language, "E" or "D".
func (s *Session) Language() string { return s.opts.Lang }

// defaultInstallation reads the embedded installation once per process;
// sessions only read it (each vm2000.Model builds its own state).
var defaultInstallation = sync.OnceValue(vm2000.DefaultInstallation)

// AddHandler adds a command handler (a stub) built on
// the session's clock and job variables; it is asked before the job
// environment.
func (s *Session) AddHandler(h handler.Handler) { s.opts.Handlers = append(s.opts.Handlers, h) }

// Runner returns an interpreter for a task of the session, with the
// next TSN unless Options.TSN fixes one.
func (s *Session) Runner() *interp.Runner {
	o := s.opts
	if o.TSN == "" {
		o.TSN = s.NextTSN()
	}
	return s.runnerWith(o)
}

func (s *Session) runnerWith(o Options, extra ...interp.Option) *interp.Runner {
	opts := []interp.Option{
		interp.WithFS(o.FS),
		interp.WithClock(s.Clock),
		interp.WithWaiter(s.Clock),
		interp.WithJVs(s.Env),
		interp.WithMessages(s.Msgs),
		interp.WithLanguage(o.Lang),
		interp.WithTask(o.TSN, o.User),
		interp.WithHandlers(o.Handlers...),
		interp.WithHandlers(s.Executors),
		interp.WithJobMonitor(s.Env),
		interp.WithSoftware(s.software),
		interp.WithSwitches(s.Env),
	}
	if s.catalog != nil {
		opts = append(opts, interp.WithCatalog(s.catalog))
	}
	if o.Procedures != nil {
		opts = append(opts, interp.WithProcedureCache(o.Procedures))
	}
	if o.Stdout != nil {
		opts = append(opts, interp.WithStdout(o.Stdout))
	}
	if o.Stdin != nil {
		opts = append(opts, interp.WithStdin(o.Stdin))
	}
	if o.Syslst != nil {
		opts = append(opts, interp.WithSyslst(o.Syslst))
	}
	if o.Strict {
		opts = append(opts, interp.WithStrictAnalysis(true))
	}
	if o.MaxSteps > 0 {
		opts = append(opts, interp.WithStepLimit(o.MaxSteps))
	}
	if o.BackBranch > 0 {
		opts = append(opts, interp.WithBackBranchLimit(o.BackBranch))
	}
	if o.Limits != nil {
		opts = append(opts, interp.WithLimits(*o.Limits))
	}
	if o.Trace != nil {
		opts = append(opts, interp.WithTrace(o.Trace))
	}
	if o.VarHook != nil {
		opts = append(opts, interp.WithVarHook(o.VarHook))
	}
	if o.Progress != nil {
		opts = append(opts, interp.WithProgress(o.Progress))
	}
	if o.Reference {
		opts = append(opts, interp.WithDirectEval(false))
	}
	return interp.New(append(opts, extra...)...)
}

// Run runs a procedure file of the session's file system as a task, then
// lets asynchronous operations it started finish (see Drain).
func (s *Session) Run(ctx context.Context, file string, params []interp.Param) interp.Result {
	r := s.Runner()
	var res interp.Result
	s.schedule(ctx, []func(){func() {
		res = r.RunFile(ctx, file, params)
		s.endTask(r)
	}}, []*interp.Runner{r})
	s.finish()
	return res
}

// schedule runs tasks on a scheduler of the session's clock, in order,
// until they and the batch jobs they enter have ended.
func (s *Session) schedule(ctx context.Context, runs []func(), runners []*interp.Runner) {
	sched := clock.NewScheduler(s.Clock)
	for i := range runs {
		run, r := runs[i], runners[i]
		sched.Add(r.ID(), func(w *clock.TaskWaiter) {
			interp.WithWaiter(w)(r)
			run()
		})
	}
	s.sched, s.runCtx = sched, ctx
	sched.Run(ctx)
	s.sched, s.runCtx = nil, nil
}

// endTask ends a task's job and keeps what its files could not take.
func (s *Session) endTask(r *interp.Runner) {
	s.Env.EndJob(r.ID())
	if s.VM2000 != nil {
		s.VM2000.EndTask(r.ID()) // its ADMIN dialog ends with it
	}
	s.writeErrs = append(s.writeErrs, r.WriteErrors()...)
}

// Task is one procedure to run as a task of the session.
type Task struct {
	Name   string // file name for messages
	Source string // the procedure text
	// Proc is the procedure already parsed from Source with the session's
	// catalog (a caller that checked it first need not parse it twice);
	// nil: RunTasks parses Source.
	Proc   *ast.Procedure
	Params []interp.Param
	// SU names the server unit whose monitor system runs the task
	// (`sdfp run a.proc@ABGSE701`); empty: Options.LocalSU. Check it
	// first with CheckServerUnit.
	SU     string
	Stdout io.Writer // the task's SYSOUT (default: the session's)
	// Trace and VarHook, when set, replace the session's for this task
	// (the JSON events of `sdfp run` name the task of each).
	Trace   func(interp.TraceEvent)
	VarHook func(name string, value any)
	// Progress, when set, replaces the session's for this task.
	Progress func(steps int64, now time.Time)
}

func (t *Task) run(ctx context.Context, r *interp.Runner) interp.Result {
	if t.Proc != nil {
		return r.Run(ctx, t.Proc, t.Params)
	}
	return r.RunSource(ctx, t.Name, t.Source, t.Params)
}

// RunTasks runs procedures as concurrent tasks on the session's clock
// and installation, interleaved deterministically (clock.Scheduler); one
// task runs without a scheduler. It returns each task's result.
func (s *Session) RunTasks(ctx context.Context, tasks []Task) []interp.Result {
	results := make([]interp.Result, len(tasks))
	runs := make([]func(), len(tasks))
	runners := make([]*interp.Runner, len(tasks))
	for i := range tasks {
		o := s.opts
		if o.TSN == "" {
			o.TSN = s.NextTSN()
		}
		if tasks[i].Stdout != nil {
			o.Stdout = tasks[i].Stdout
		}
		if tasks[i].Trace != nil {
			o.Trace = tasks[i].Trace
		}
		if tasks[i].VarHook != nil {
			o.VarHook = tasks[i].VarHook
		}
		if tasks[i].Progress != nil {
			o.Progress = tasks[i].Progress
		}
		r := s.runnerWith(o)
		if su := tasks[i].SU; su != "" && s.VM2000 != nil {
			_ = s.VM2000.SetTaskSU(o.TSN, su) // checked by the caller (CheckServerUnit)
		}
		runners[i] = r
		runs[i] = func() {
			results[i] = tasks[i].run(ctx, r)
			s.endTask(r)
		}
	}
	s.schedule(ctx, runs, runners)
	s.finish()
	return results
}

// CheckServerUnit reports a server unit the installation lacks, naming
// the ones it has; a session without the VM2000 has none.
func (s *Session) CheckServerUnit(name string) error {
	if s.VM2000 == nil {
		return errors.New("no VM2000 in this session: a task cannot name a server unit")
	}
	return s.VM2000.CheckServerUnit(name)
}

// finish lets asynchronous work end and writes the job variables.
func (s *Session) finish() {
	s.Drain()
	s.writeErrs = append(s.writeErrs, s.flushJVs()...)
}

// Flush writes the job variables changed so far (the dialog calls it
// after each input) and returns a message (JVS0416, naming the JV and
// its file) for each that could not be written; those keep their
// earlier files, and the next Flush tries again.
func (s *Session) Flush() []msg.Message { return s.flushJVs() }

func (s *Session) flushJVs() []msg.Message {
	err := s.JVs.Flush()
	if err == nil {
		return nil
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	out := make([]msg.Message, 0, len(errs))
	for _, e := range errs {
		var je *jv.Error
		if errors.As(e, &je) {
			out = append(out, msg.FromStrings(je.Key, je.Inserts...))
		} else {
			out = append(out, msg.New(jv.KeyStoreError, "?", "?", strings.ToUpper(e.Error())))
		}
	}
	return out
}

// WriteErrors returns a message for every file the run could not write:
// SYSLST and SYSOUT files of its tasks (DMS0502) and job variables
// (JVS0416), each naming the file. Every such file holds what it held
// before the run. A caller reports them and ends with an exit status
// that says so.
func (s *Session) WriteErrors() []msg.Message { return s.writeErrs }

// maxDrainEvents bounds Drain, so an event that keeps rescheduling itself
// cannot hold a run forever.
const maxDrainEvents = 1_000_000

// Drain runs the events still scheduled when the tasks have ended (a
// migration started without waiting for it goes on to its end), within
// the virtual time limit.
func (s *Session) Drain() {
	for i := 0; i < maxDrainEvents; i++ {
		at, ok := s.Clock.Next()
		if !ok || !s.Clock.Limit.IsZero() && at.After(s.Clock.Limit) {
			return
		}
		s.Clock.Step()
	}
}
