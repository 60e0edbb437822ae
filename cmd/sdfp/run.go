package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/afero"

	"sdfp/cmd/internal/session"
	"sdfp/hypervisor/bs2000/dms"
	"sdfp/hypervisor/bs2000/world"
	"sdfp/hypervisor/vm2000"
	"sdfp/interp"
)

// Exit codes of runs, beyond those all subcommands share (main.go).
const (
	// exitLimit: the run was stopped by a limit: steps, virtual time,
	// procedure nesting, list elements, variable size or the memory budget.
	exitLimit = 3
	// exitWriteFailed: a file of the run could not be written (a SYSLST
	// or SYSOUT file, a job variable, the --console or --trace file);
	// each such workdir file keeps its previous content.
	exitWriteFailed = 4
	// exitBusy: with --no-wait, the workdir was in use by another run;
	// nothing ran.
	exitBusy = 5
)

// DefaultMaxVirtualTime is the virtual time a run may pass unless
// --max-virtual-time says otherwise, so that an endless WAIT-EVENT *TIME
// loop (which costs few steps per virtual hour) ends with exit status 3
// instead of running silently on. A day is far more than a procedure
// that reconfigures or migrates VMs waits (sdfp's own choice, I).
const DefaultMaxVirtualTime = 24 * time.Hour

// DefaultWorkdir is where `sdfp run` keeps the BS2000 files of runs (SYSLST
// files, job variables, called procedures) unless --workdir says otherwise.
const DefaultWorkdir = "sdfp-work"

// optionalFile is a flag that may be given alone (--trace) or with a file
// (--trace=FILE).
type optionalFile struct {
	set  bool
	file string
}

func (o *optionalFile) String() string { return o.file }
func (o *optionalFile) Set(v string) error {
	if v == "false" { // --trace=false: no trace, not a file named "false"
		*o = optionalFile{}
		return nil
	}
	o.set = true
	if v != "true" {
		o.file = v
	}
	return nil
}
func (o *optionalFile) IsBoolFlag() bool { return true }

type runFlags struct {
	installation string
	su           string
	lang         string
	workdir      string
	dryRun       bool
	start        string
	console      string
	trace        optionalFile
	traceFile    string // --trace-file FILE: the same as --trace=FILE
	format       string
	maxSteps     int64
	maxVTime     time.Duration
	limits       limitFlags
	noWait       bool
	strict       bool
	cont         bool
	timeline     string // --timeline FILE.html: the picture of the run
}

// sessionFlags declares the flags run and dialog share: the
// installation, the local SU, the message language and the workdir.
func (f *runFlags) sessionFlags(fs *flag.FlagSet, suUse, workdirUse string) {
	fs.StringVar(&f.installation, "installation", "", "VM2000 installation file (YAML); default: the embedded installation")
	fs.StringVar(&f.su, "su", "", suUse)
	fs.StringVar(&f.lang, "lang", "E", "message language: E or D")
	fs.StringVar(&f.workdir, "workdir", DefaultWorkdir, workdirUse)
	fs.BoolVar(&f.noWait, "no-wait", false, "when another run uses the workdir, end at once (exit status 5) instead of waiting for it")
}

// openWorkdir opens the workdir and takes its lock for the whole run: a
// run that writes holds it alone, dry runs share it. When another run
// holds it, the run waits and says so on stderr, or with --no-wait ends
// with exitBusy. A run holding the lock alone first removes the
// temporary files of runs killed while writing. The code is the exit
// status when ok is false.
func (f *runFlags) openWorkdir(c *cli, sub string, mode session.LockMode) (root *session.RootFS, code int, ok bool) {
	root, err := session.OpenRoot(f.workdir)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp %s: workdir: %v\n", sub, err)
		return nil, exitUsage, false
	}
	var waiting func()
	if !f.noWait {
		waiting = func() {
			fmt.Fprintf(c.stderr, "sdfp %s: workdir %s is in use by another sdfp run; waiting for it to end (--no-wait: do not wait)\n", sub, f.workdir)
		}
	}
	switch err := root.Lock(mode, waiting); {
	case err == nil:
		if mode == session.LockExclusive {
			root.RemoveStale()
		}
	case errors.Is(err, session.ErrBusy):
		fmt.Fprintf(c.stderr, "sdfp %s: workdir %s is in use by another sdfp run; not waiting (--no-wait)\n", sub, f.workdir)
		root.Close()
		return nil, exitBusy, false
	case errors.Is(err, errors.ErrUnsupported):
		fmt.Fprintf(c.stderr, "sdfp %s: warning: this system cannot lock workdir %s; do not start two runs on it at once\n", sub, f.workdir)
	default:
		fmt.Fprintf(c.stderr, "sdfp %s: workdir %s: cannot lock it: %v\n", sub, f.workdir, err)
		root.Close()
		return nil, exitUsage, false
	}
	return root, 0, true
}

// language returns the --lang value in capitals, or an error naming the
// subcommand when it is neither E nor D.
func (f *runFlags) language(c *cli, sub string) (string, bool) {
	lang, err := f.langValue()
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp %s: %v\n", sub, err)
		return "", false
	}
	return lang, true
}

// langValue is the --lang value in capitals, or why it is none.
func (f *runFlags) langValue() (string, error) {
	lang := strings.ToUpper(f.lang)
	if lang != "E" && lang != "D" {
		return "", fmt.Errorf("--lang must be E or D, not %q", f.lang)
	}
	return lang, nil
}

func (c *cli) run(args []string) int {
	fs := flag.NewFlagSet("sdfp run", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	var f runFlags
	f.sessionFlags(fs, "server unit whose monitor system runs the procedures",
		"directory holding the run's BS2000 files (SYSLST files, job variables, procedures)")
	fs.BoolVar(&f.dryRun, "dry-run", false, "keep every write in memory and list what would have been written")
	fs.BoolVar(&f.cont, "continue", false, "continue the world the last run left in the workdir (its files, VM2000, virtual time and TSNs) "+
		"instead of undoing it and starting from the installation")
	fs.StringVar(&f.start, "start", "", "virtual start time, e.g. 2026-01-01T08:00:00Z (default "+interp.DefaultStart.Format(time.RFC3339)+")")
	fs.StringVar(&f.console, "console", "on", "operator console messages: on (interleaved with SYSOUT), off, or a FILE")
	fs.Var(&f.trace, "trace", "log each executed command to stderr (or --trace=FILE; a bare --trace takes no separate value)")
	fs.StringVar(&f.traceFile, "trace-file", "", "log each executed command to this `FILE`")
	fs.StringVar(&f.format, "format", "text", "output format: text, or json (one event per line)")
	fs.StringVar(&f.timeline, "timeline", "", "write a picture of the run in virtual time (memory, operations, waits, console) to this HTML `FILE`")
	fs.Int64Var(&f.maxSteps, "max-steps", 100_000_000, "stop after this many commands (exit status 3)")
	fs.BoolVar(&f.strict, "strict", false, "refuse a procedure with any syntax error before it runs (exit status 2); "+
		"without it, as in BS2000, only the block structure is checked first and a bad command fails when it is reached")
	fs.DurationVar(&f.maxVTime, "max-virtual-time", DefaultMaxVirtualTime, "stop when virtual time passes this much, e.g. 48h (0: no limit; exit status 3)")
	f.limits.declare(fs)
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: sdfp run [flags] FILE.proc[@SU] [VALUE ...] [PARAM=VALUE ...] [FILE2.proc[@SU] ...]")
		fmt.Fprintln(c.stderr, "Runs procedures against the embedded VM2000 (several files run as concurrent tasks;")
		fmt.Fprintln(c.stderr, "FILE@SU runs one on the monitor system of server unit SU, default --su).")
		fmt.Fprintln(c.stderr, "Exit status: 0 normal end, 1 procedure ended with an error, 2 usage or syntax error, 3 limit reached")
		fmt.Fprintln(c.stderr, "(steps, virtual time, procedure nesting, list elements, variable size, memory), 4 a file could not")
		fmt.Fprintln(c.stderr, "be written, 5 workdir in use (--no-wait).")
		fs.PrintDefaults()
	}
	if err := bareTraceValue(args); err != nil {
		fmt.Fprintf(c.stderr, "sdfp run: %v\n", err)
		return exitUsage
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if f.traceFile != "" {
		if f.trace.file != "" && f.trace.file != f.traceFile {
			fmt.Fprintln(c.stderr, "sdfp run: --trace=FILE and --trace-file name different files")
			return exitUsage
		}
		f.trace = optionalFile{set: true, file: f.traceFile}
	}
	tasks, err := taskArgs(fs.Args(), existingFile)
	if err != nil {
		c.runUsage(f.format == "json", "%v", err)
		fs.Usage()
		return exitUsage
	}
	if f.format != "text" && f.format != "json" {
		return c.runUsage(f.format == "json", "--format must be text or json, not %q", f.format)
	}
	lang, err := f.langValue()
	if err != nil {
		// an event too, as every other refused flag value is
		return c.runUsage(f.format == "json", "%v", err)
	}
	if _, err := f.limits.limits(); err != nil {
		return c.runUsage(f.format == "json", "%v", err)
	}
	if err := outputFileDir("--timeline", f.timeline); err != nil {
		return c.runUsage(f.format == "json", "%v", err) // before the run, not after it
	}
	start := interp.DefaultStart
	if f.cont && f.start != "" {
		return c.runUsage(f.format == "json", "--continue goes on at the virtual time of the saved world; --start cannot be given with it")
	}
	if f.start != "" {
		if start, err = parseStart(f.start); err != nil {
			return c.runUsage(f.format == "json", "--start: %v", err)
		}
	}
	inst, err := installation(f.installation)
	if err != nil {
		return c.runUsage(f.format == "json", "%v", err)
	}
	// A procedure with syntax errors does not run: report them like check.
	stdout := &hostFile{what: "standard output", w: c.stdout}
	out := newOutput(stdout, f.format == "json", lang)
	out.errw = c.stderr
	out.now = func() time.Time { return start }
	chk := checker(inst)
	bad := false
	for i := range tasks {
		// a regular file within the size cap only: a FIFO would hang the
		// read, a huge file exhaust memory
		src, err := dms.ReadFile(afero.NewOsFs(), tasks[i].Name, dms.MaxProcedureSize)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the path is named below, without the system call
			}
			return c.runUsage(f.format == "json", "procedure file %s: %v", tasks[i].Name, err)
		}
		tasks[i].Source = string(src)
		proc, errs := chk.Parser.ParseFile(tasks[i].Name, tasks[i].Source)
		tasks[i].Proc = proc
		// BS2000 checks the block structure when a procedure is called and
		// each command when it is reached; --strict refuses every syntax
		// error before anything runs
		errs = interp.UpFront(proc, errs, f.strict)
		if len(errs) == 0 {
			// parameters that could never bind stop the run before it
			// starts, pointing at the DECLARE-PARAMETER
			errs = interp.CheckParams(proc, tasks[i].Name, tasks[i].Params)
		}
		if len(errs) > 0 {
			for _, e := range errs {
				out.syntaxError(fmt.Sprintf("%04d", i+1), e, tasks[i].Source)
			}
			bad = true
		}
	}
	if bad {
		if err := stdout.close(); err != nil {
			fmt.Fprintf(c.stderr, "sdfp run: %v\n", err)
			return exitWriteFailed
		}
		return exitUsage
	}
	return c.execute(f, inst, out, stdout, tasks)
}

// runUsage reports a usage error of sdfp run on stderr and, with
// --format json, also as a usage-error event on stdout, so that a
// consumer of the events learns why nothing ran; it returns exitUsage.
func (c *cli) runUsage(json bool, format string, args ...any) int {
	text := fmt.Sprintf(format, args...)
	fmt.Fprintf(c.stderr, "sdfp run: %s\n", text)
	if json {
		writeUsageEvent(c.stdout, text)
	}
	return exitUsage
}

// bareTraceValue refuses `--trace FILE`: --trace is a switch, so the flag
// package would take FILE for the procedure and the procedure for a
// second one. A word after a bare --trace that does not end in .proc is
// taken for a trace file meant as its value; --trace=FILE and
// --trace-file FILE say it unambiguously (a procedure file without .proc
// comes after "--").
func bareTraceValue(args []string) error {
	for i, a := range args {
		if a == "--" {
			return nil
		}
		if (a == "--trace" || a == "-trace") && i+1 < len(args) {
			next := args[i+1]
			if !strings.HasPrefix(next, "-") && !strings.HasSuffix(strings.ToLower(next), ".proc") {
				return fmt.Errorf("--trace takes no separate value: write --trace=%s or --trace-file %s "+
					"(a procedure file whose name does not end in .proc goes after --)", next, next)
			}
		}
	}
	return nil
}

// taskArgs splits FILE [VALUE ...] [PARAM=VALUE ...] groups. After a
// procedure file, a word without '=' is a positional parameter value,
// bound in declaration order as SDF binds positional operands, unless it
// looks like the next procedure file: it names a path (contains '/'),
// ends in .proc, or is an existing file. As in SDF, positional values come
// before the keyword ones.
func taskArgs(args []string, isFile func(string) bool) ([]session.Task, error) {
	var tasks []session.Task
	for _, a := range args {
		k, v, named := strings.Cut(a, "=")
		named = named && !strings.ContainsAny(k, "/.")
		file, su := splitSU(a, isFile)
		if len(tasks) == 0 {
			if named {
				return nil, fmt.Errorf("parameter %s comes before any procedure file", a)
			}
			tasks = append(tasks, session.Task{Name: file, SU: su})
			continue
		}
		t := &tasks[len(tasks)-1]
		switch {
		case named:
			t.Params = append(t.Params, interp.Param{Name: strings.ToUpper(k), Value: v})
		case procedureFile(file, isFile):
			tasks = append(tasks, session.Task{Name: file, SU: su})
		case len(t.Params) > 0 && t.Params[len(t.Params)-1].Name != "":
			return nil, fmt.Errorf("positional parameter %s of %s comes after a keyword parameter: "+
				"give the positional values first, or write NAME=%s", a, t.Name, a)
		default:
			t.Params = append(t.Params, interp.Param{Value: a})
		}
	}
	if len(tasks) == 0 {
		return nil, fmt.Errorf("no procedure file given")
	}
	return tasks, nil
}

// splitSU splits FILE@SU, a procedure file and the server unit whose
// monitor system runs it (a name of 1 to 8 letters, digits, $, # or @,
// as the BCAM host names that name /390 server units). A word naming an
// existing file is that file, whatever it contains.
func splitSU(a string, isFile func(string) bool) (file, su string) {
	i := strings.LastIndexByte(a, '@')
	if i <= 0 || isFile(a) {
		return a, ""
	}
	name := strings.ToUpper(a[i+1:])
	if name == "" || len(name) > 8 || strings.Trim(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789$#@") != "" {
		return a, ""
	}
	return a[:i], name
}

// procedureFile tells a procedure file from a positional parameter value.
func procedureFile(a string, isFile func(string) bool) bool {
	return strings.Contains(a, "/") || strings.HasSuffix(strings.ToLower(a), ".proc") || isFile(a)
}

// existingFile reports whether a host path names something that exists.
func existingFile(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

func parseStart(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time like 2026-01-01T08:00:00Z", s)
}

// execute builds the session and runs the tasks.
func (c *cli) execute(f runFlags, inst *vm2000.Installation, out *output, stdout *hostFile, tasks []session.Task) int {
	lang, start := out.lang, out.now()
	var fsys afero.Fs
	var dry *world.DryFS // a dry run's file system
	mode := session.LockExclusive
	if f.dryRun {
		mode = session.LockShared
	}
	var root afero.Fs // the workdir
	if (f.dryRun || f.cont) && workdirMissing(f.workdir) {
		// a dry run creates nothing, its workdir included: it reads an
		// empty one (and --continue finds no world in it); --continue
		// refuses a missing one, and so must not create it first
		root = afero.NewMemMapFs()
	} else {
		r, code, ok := f.openWorkdir(c, "run", mode)
		if !ok {
			return code
		}
		defer r.Close()
		root = r
	}
	w, code, ok := c.openWorld(f, root, start)
	if !ok {
		return code
	}
	start = w.start
	if w.inst != nil {
		inst = w.inst
	}
	fsys = root
	if w.fs != nil {
		fsys = w.fs
	}
	if f.dryRun {
		dry = world.NewDryFS(w.dryBase(root))
		fsys = dry
	}
	var consoleFile, traceFile *hostFile
	defer func() { consoleFile.close(); traceFile.close() }() // on early returns; close is idempotent
	var err error
	limits, _ := f.limits.limits() // checked in run
	defer setMemoryLimit(limits.Memory)()
	opts := session.Options{Strict: f.strict,
		FS: fsys, Lang: lang, Start: start, Stdout: out.sysout(), Stdin: c.stdin,
		MaxSteps: f.maxSteps, MaxVirtualTime: f.maxVTime, Limits: &limits, FirstTSN: w.firstTSN,
	}
	var traceTo io.Writer // the text trace, nil: none
	if f.trace.set {
		w := c.stderr
		if f.trace.file != "" {
			if traceFile, err = createHostFile("--trace", f.trace.file); err != nil {
				return c.runUsage(out.json, "%v", err)
			}
			w = traceFile
		}
		traceTo = w
	}
	// hooks are a task's trace and variable hooks (nil: none), the same
	// for the batch jobs the tasks enter, under their own TSN
	hooks := func(tsn string) (trace func(interp.TraceEvent), vars func(string, any)) {
		if traceTo != nil || out.json {
			trace = func(e interp.TraceEvent) { out.trace(traceTo, tsn, e) }
		}
		if out.json {
			vars = func(name string, value any) { out.variable(tsn, name, value) }
		}
		return trace, vars
	}
	opts.JobHooks = hooks
	opts.Installation, opts.LocalSU = inst, f.su
	s, err := session.New(opts)
	if err != nil {
		return c.runUsage(out.json, "%v", err)
	}
	for _, t := range tasks {
		if t.SU == "" {
			continue
		}
		if err := s.CheckServerUnit(t.SU); err != nil {
			return c.runUsage(out.json, "%s@%s: %v", t.Name, t.SU, err)
		}
	}
	switch f.console {
	case "off":
	case "on":
		s.Console.OnLine = out.console
	default:
		if consoleFile, err = createHostFile("--console", f.console); err != nil {
			return c.runUsage(out.json, "%v", err)
		}
		s.Console.W = consoleFile
	}
	out.now = s.Clock.Now
	prog := newProgress(c.stderr)
	tsns := make([]string, len(tasks))
	for i := range tasks {
		tsn := s.PeekTSN(i)
		tsns[i] = tsn
		if prog != nil {
			tasks[i].Progress = prog.hook(tsn)
		}
		if len(tasks) > 1 || out.json {
			tasks[i].Stdout = out.taskSysout(tsn, len(tasks) > 1)
		}
		tasks[i].Trace, tasks[i].VarHook = hooks(tsn)
	}
	rec := timelineRecorder(f.timeline, s, tasks, tsns)
	results := s.RunTasks(context.Background(), tasks)
	prog.done()
	status := exitOK
	if err := writeTimeline(f.timeline, rec, tasks); err != nil {
		fmt.Fprintf(c.stderr, "sdfp run: --timeline: %v\n", err)
		status = exitWriteFailed
	}
	for i, res := range results {
		st := out.result(tsns[i], tasks[i].Name, res)
		if st > status {
			status = st
		}
	}
	for _, j := range s.LimitedJobs() { // batch jobs the tasks entered
		name := j.Name // the summary's "procedure MIGRATE (TSN 0002) ..."
		if out.json {
			name = j.File // the event has the TSN
		}
		if st := out.result(j.TSN, name, j.Result); st > status {
			status = st
		}
	}
	if out.json {
		// how every other job ended, as an event: its error is no
		// error of the run (the entering procedure sees it in its MONJV)
		for _, j := range s.JobResults() {
			if !(j.Result.Err != nil && j.Result.Err.Limit) {
				out.jobResult(j.TSN, j.File, j.Result)
			}
		}
	}
	if f.dryRun {
		out.dryRun(dryRunChanges(root, dry, w.view != nil))
	}
	for _, m := range s.WriteErrors() {
		out.writeError(s.Msgs.Render(m, lang), m)
		status = exitWriteFailed
	}
	if err := w.save(root, s); err != nil {
		fmt.Fprintf(c.stderr, "sdfp run: %v\n", err)
		status = exitWriteFailed
	}
	out.flush()
	for _, hf := range []*hostFile{stdout, consoleFile, traceFile} {
		if err := hf.close(); err != nil {
			fmt.Fprintf(c.stderr, "sdfp run: %v\n", err)
			status = exitWriteFailed
		}
	}
	return status
}

// hostFile is what sdfp writes for the user outside the workdir: the
// standard output, the --console FILE, the --trace=FILE. Writes are not
// checked where they happen (SYSOUT, the console and the trace write
// lines as they come), so it keeps the first error and close reports it.
type hostFile struct {
	what   string // how the user named it: "standard output", "--console FILE"
	w      io.Writer
	c      io.Closer // nil: not sdfp's to close
	err    error
	closed bool
}

// outputFileDir refuses an output file (a flag's; "" for none) whose
// directory is not there: a report written at the end of a run would
// fail only after the whole run.
func outputFileDir(flag, name string) error {
	if name == "" {
		return nil
	}
	dir := filepath.Dir(name)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s %s: directory %s is not there", flag, name, dir)
	}
	return nil
}

func createHostFile(flag, name string) (*hostFile, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", flag, err)
	}
	return &hostFile{what: flag + " " + name, w: f, c: f}, nil
}

func (h *hostFile) Write(p []byte) (int, error) {
	if h.err != nil {
		return 0, h.err
	}
	n, err := h.w.Write(p)
	if err != nil {
		h.err = err
	}
	return n, err
}

// close closes the file (nil: none) and returns the first error of its
// writes or of the close.
func (h *hostFile) close() error {
	if h == nil || h.closed {
		return nil
	}
	h.closed = true
	var err error
	if h.c != nil {
		err = h.c.Close()
	}
	if h.err != nil {
		err = h.err
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", h.what, err)
	}
	return nil
}

// workdirMissing reports whether dir is not there (a file on its path
// is an error openWorkdir reports).
func workdirMissing(dir string) bool {
	_, err := os.Stat(dir)
	return errors.Is(err, fs.ErrNotExist)
}
