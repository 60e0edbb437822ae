// Package explore rehearses the failures of a procedure (`sdfp explore`):
// it runs the procedure once without faults and records what it touched
// (the asynchronous operations the VM2000 accepted, through
// vm2000.Model.Observe; the WAIT-EVENTs and error handlers, through the
// trace hook), derives every fault of the installation format that
// applies to that (scenarios.go), runs each scenario in its own
// in-memory golden run, in parallel, and classifies how each ended and
// whether its end state keeps the invariants (invariants.go).
package explore

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"sdfp/cmd/internal/golden"
	"sdfp/cmd/internal/session"
	"sdfp/hypervisor/vm2000"
	"sdfp/interp"
	"sdfp/parser"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// Options say what to explore.
type Options struct {
	Proc         string   // the procedure file
	Params       []string // NAME=VALUE or positional VALUE, as on the command line
	Installation *vm2000.Installation
	SU           string
	Lang         string
	Depth        int         // 1: single faults; 2: pairs too
	Invariants   []Invariant // nil: the Invariants table; more are appended by the caller
	Workers      int         // 0: GOMAXPROCS
	// Workdir, when set, is a directory whose files (the procedures the
	// procedure calls or enters, data files, job variables) every
	// scenario starts with, as sdfp run finds them in its workdir. It is
	// read once and never written: each scenario writes into memory.
	Workdir string
}

// maxWorkdirBytes bounds what Workdir may hold: every scenario starts
// with a copy of it in memory.
const maxWorkdirBytes = 64 << 20

// Baseline is what the run without faults touched.
type Baseline struct {
	Touches []vm2000.Touch `json:"touches"`
	Waits   []Wait         `json:"waits"`
	// Commands are the VM2000 commands the run issued, in order.
	Commands []string `json:"commands"`
}

func (b *Baseline) touches(kind string) []vm2000.Touch {
	var out []vm2000.Touch
	for _, t := range b.Touches {
		if t.Kind == kind {
			out = append(out, t)
		}
	}
	return out
}

// Wait is a WAIT-EVENT a task ran: where, from when until when.
type Wait struct {
	Task       string    `json:"task,omitempty"`
	Pos        string    `json:"pos"`
	Start, End time.Time `json:"-"`
	Seconds    float64   `json:"seconds"`
}

// Verdicts, from the best to the worst ending.
const (
	VerdictBaseline  = "baseline"  // normal end with the baseline's transcript
	VerdictCoped     = "coped"     // normal end, a different transcript
	VerdictReported  = "reported"  // the procedure reported the error itself (EXIT-PROCEDURE ERROR, a console message)
	VerdictUnhandled = "unhandled" // ended with an error the procedure did not handle
	VerdictLimit     = "limit"     // a run limit ended it (it hung)
)

// Outcome is how one scenario ended.
type Outcome struct {
	Scenario   Scenario    `json:"scenario"`
	Verdict    string      `json:"verdict"`
	Maincode   string      `json:"maincode"`
	Error      string      `json:"error,omitempty"`
	FirstDiff  string      `json:"first_difference,omitempty"`
	Violations []Violation `json:"violations,omitempty"`
	// Handlers are the error handlers (file:line:col IF-CMD-ERROR) that
	// ran for an error in this scenario.
	Handlers []string `json:"handlers,omitempty"`
	out      golden.Outcome
	timeline *Timeline
	errKey   string // the key of the error's message
	limit    bool   // a run limit ended the run
}

// Failed reports whether the outcome makes the exploration fail.
func (o *Outcome) Failed() bool {
	return o.Verdict == VerdictUnhandled || o.Verdict == VerdictLimit || len(o.Violations) > 0
}

// Explorer runs the scenarios of one procedure.
type Explorer struct {
	opts Options
	base *golden.Case // the procedure, its parameters and unit; installation added per scenario
	// procs keeps the procedures parsed: every scenario runs the same
	// files, which need parsing once (interp.ProcedureCache)
	procs    *interp.ProcedureCache
	baseline *Outcome
	Baseline Baseline
	// Handlers are the procedure's error handlers in source order.
	Handlers []string
	// asGiven names the procedure in positions as the command line gave
	// it (../jobs/migrate.proc:63:4): each scenario runs it under its
	// base name, the name of its file in the scenario's workdir
	asGiven *strings.Replacer
}

// New reads the procedure and runs the baseline.
func New(ctx context.Context, o Options) (*Explorer, error) {
	data, err := os.ReadFile(o.Proc)
	if err != nil {
		return nil, err
	}
	if o.Installation == nil {
		o.Installation = vm2000.DefaultInstallation()
	}
	if o.Invariants == nil {
		o.Invariants = Invariants
	}
	name := strings.ToLower(filepath.Base(o.Proc))
	if !strings.HasSuffix(name, ".proc") {
		name += ".proc"
	}
	a := &txtar.Archive{Files: []txtar.File{{Name: name, Data: data}}}
	if len(o.Params) > 0 {
		a.Files = append(a.Files, txtar.File{Name: "args", Data: []byte(strings.Join(o.Params, "\n") + "\n")})
	}
	if o.SU != "" {
		a.Files = append(a.Files, txtar.File{Name: "su", Data: []byte(o.SU + "\n")})
	}
	if o.Lang != "" {
		a.Files = append(a.Files, txtar.File{Name: "lang", Data: []byte(o.Lang + "\n")})
	}
	if o.Workdir != "" {
		files, err := workdirFiles(o.Workdir)
		if err != nil {
			return nil, err
		}
		a.Files = append(a.Files, files...)
	}
	e := &Explorer{opts: o, base: &golden.Case{Path: o.Proc, Name: name, Archive: a}, procs: interp.NewProcedureCache()}
	if o.Proc != name {
		// a position starts a line or follows a space (called from ...)
		e.asGiven = strings.NewReplacer(" "+name+":", " "+o.Proc+":", "\t"+name+":", "\t"+o.Proc+":", "\n"+name+":", "\n"+o.Proc+":")
	}
	e.Handlers = e.shownAll(handlersOf(name, data, o.Installation))
	e.baseline, err = e.run(ctx, Scenario{ID: "baseline"}, &e.Baseline, false)
	if err != nil {
		return nil, err
	}
	e.baseline.Verdict = VerdictBaseline
	if e.baseline.Error != "" {
		e.baseline.Verdict = e.ending(e.baseline)
	}
	return e, nil
}

// shown writes the procedure's positions in a text as the command line
// named it (asGiven).
func (e *Explorer) shown(text string) string {
	if e.asGiven == nil {
		return text
	}
	return strings.TrimPrefix(e.asGiven.Replace("\n"+text), "\n") // a position at the start too
}

// shownAll is shown of each text, in place.
func (e *Explorer) shownAll(texts []string) []string {
	for i, t := range texts {
		texts[i] = e.shown(t)
	}
	return texts
}

// workdirFiles reads the regular files below dir as the golden case's
// workdir files ("file:NAME" sections, slash-separated), in name order.
// Names starting with a dot are sdfp's bookkeeping (or the user's own)
// and stay out, and so do symbolic links, which a run's workdir does not
// follow either.
func workdirFiles(dir string) ([]txtar.File, error) {
	var files []txtar.File
	total := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if total += len(data); total > maxWorkdirBytes {
			return fmt.Errorf("workdir %s holds more than %d MiB, which every scenario would copy", dir, maxWorkdirBytes>>20)
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		files = append(files, txtar.File{Name: "file:" + filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("--workdir: %w", err)
	}
	return files, nil
}

// BaselineOutcome is how the run without faults ended.
func (e *Explorer) BaselineOutcome() *Outcome { return e.baseline }

// Scenarios are the exploration's scenarios at its depth.
func (e *Explorer) Scenarios() []Scenario {
	return Derive(&e.Baseline, e.opts.Installation, e.opts.Depth)
}

// Case is the golden case of a scenario: the procedure, its parameters,
// and the installation with the scenario's faults.
func (e *Explorer) Case(s Scenario) (*golden.Case, error) {
	yml, err := vm2000.MarshalInstallation(s.installation(e.opts.Installation))
	if err != nil {
		return nil, err
	}
	a := &txtar.Archive{Files: append([]txtar.File{{Name: "installation.yaml", Data: yml}}, e.base.Archive.Files...)}
	a.Comment = []byte(fmt.Sprintf("sdfp explore scenario %s: %s.\n", s.ID, s.What()))
	return &golden.Case{Path: e.base.Path, Name: s.ID, Archive: a}, nil
}

// Run runs the scenarios on all cores and classifies each; the outcomes
// are in the scenarios' order.
func (e *Explorer) Run(ctx context.Context, scenarios []Scenario) ([]*Outcome, error) {
	workers := e.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]*Outcome, len(scenarios))
	errs := make([]error, len(scenarios))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(len(scenarios), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = e.run(ctx, scenarios[i], nil, false)
			}
		}()
	}
	for i := range scenarios {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Rerun runs one scenario again and keeps its timeline (the HTML
// picture); trace, when set, receives every command.
func (e *Explorer) Rerun(ctx context.Context, s Scenario, trace func(interp.TraceEvent)) (*Outcome, error) {
	var rec *Baseline
	if len(s.Faults) == 0 {
		rec = &Baseline{}
	}
	o, err := e.runTraced(ctx, s, rec, true, trace)
	return o, err
}

// Transcript is what the scenario's run printed: sysout, console, result.
func (o *Outcome) Transcript() golden.Outcome { return o.out }

// Timeline is the scenario's picture, kept by Rerun.
func (o *Outcome) Timeline() *Timeline { return o.timeline }

func (e *Explorer) run(ctx context.Context, s Scenario, rec *Baseline, keep bool) (*Outcome, error) {
	return e.runTraced(ctx, s, rec, keep, nil)
}

// runTraced runs a scenario; rec, when set, records what the run touched
// (the baseline), keep keeps the timeline.
func (e *Explorer) runTraced(ctx context.Context, s Scenario, rec *Baseline, keep bool, trace func(interp.TraceEvent)) (*Outcome, error) {
	// the case without its installation.yaml: the installation goes in
	// as a value (Case writes the YAML for --golden)
	c := &golden.Case{Path: e.base.Path, Name: s.ID, Archive: e.base.Archive}
	o := &Outcome{Scenario: s}
	var (
		r      *Recorder
		result interp.Result
	)
	opts := golden.Options{
		Setup: func(_ *golden.Case, ss *session.Session) error {
			r = NewRecorder(ss, keep)
			if rec != nil && ss.VM2000 != nil {
				vmCmds := map[string]bool{}
				for _, n := range ss.VM2000.Commands() {
					vmCmds[n] = true
				}
				ss.AddHandler(commandRecorder{vmCmds, &rec.Commands})
			}
			for _, f := range s.Faults {
				if f.refusal != nil {
					ref := *f.refusal // each run counts the calls anew
					ss.AddHandler(&ref)
				}
			}
			return nil
		},
		Trace: func(ev interp.TraceEvent) {
			if trace != nil {
				trace(ev)
			}
			r.Trace("", ev)
		},
		Done:         func(_ *session.Session, res interp.Result) { result = res },
		Installation: s.installation(e.opts.Installation),
		Procedures:   e.procs,
	}
	out, err := c.RunWith(ctx, opts)
	if err != nil {
		return nil, err
	}
	o.out = out
	o.Maincode = result.RC.Main
	if result.Err != nil {
		o.Error = e.shown(result.Err.Error())
	}
	o.Handlers = e.shownAll(uniq(r.Handlers))
	if end := r.EndState(); end != nil {
		o.Violations = checkInvariants(e.opts.Invariants, end)
	}
	o.timeline = r.Timeline()
	if rec != nil {
		rec.Touches, rec.Waits = r.Touches, r.Waits
	}
	if result.Err != nil {
		o.errKey = result.Err.Msg.Key
		o.limit = result.Err.Limit || interp.IsLimit(result.RC)
	}
	if e.baseline != nil {
		o.Verdict = e.ending(o)
		o.FirstDiff = firstDifference(e.baseline.out, out)
	}
	return o, nil
}

// ending classifies an outcome against the baseline.
func (e *Explorer) ending(o *Outcome) string {
	switch {
	case o.limit:
		return VerdictLimit
	case o.errKey == "exit-procedure-error":
		return VerdictReported
	case o.Error != "":
		return VerdictUnhandled
	case e.baseline != nil && same(e.baseline.out, o.out):
		return VerdictBaseline
	case newProcedureConsoleLine(e.baseline, o):
		return VerdictReported
	}
	return VerdictCoped
}

// same compares the transcripts: SYSOUT, the console and the ending.
func same(a, b golden.Outcome) bool {
	return a["sysout"] == b["sysout"] && a["console"] == b["console"] && a["result"] == b["result"]
}

// newProcedureConsoleLine: the run sent the operator a message the
// baseline did not (SEND-MSG writes as "TSN nnnn"): the procedure reported
// a failure though it ended normally.
func newProcedureConsoleLine(base, o *Outcome) bool {
	had := map[string]bool{}
	if base != nil {
		for _, l := range strings.Split(base.out["console"], "\n") {
			had[dropTime(l)] = true
		}
	}
	for _, l := range strings.Split(o.out["console"], "\n") {
		if f := strings.Fields(l); len(f) > 2 && f[1] == "TSN" && !had[dropTime(l)] {
			return true
		}
	}
	return false
}

func dropTime(line string) string {
	_, rest, _ := strings.Cut(line, " ")
	return rest
}

// firstDifference is the first line of SYSOUT, then of the console, in
// which the run differs from the baseline: the run's line, or the
// baseline's marked (missing) where the run's text ends before it.
func firstDifference(base, got golden.Outcome) string {
	for _, sec := range []string{"sysout", "console", "result"} {
		w, g := lines(base[sec]), lines(got[sec])
		for i := 0; i < len(w) || i < len(g); i++ {
			if i >= len(g) {
				return fmt.Sprintf("%s:%d: (missing) %s", sec, i+1, w[i])
			}
			if i >= len(w) || w[i] != g[i] {
				return fmt.Sprintf("%s:%d: %s", sec, i+1, g[i])
			}
		}
	}
	return ""
}

// lines splits a transcript into its lines; the newline that ends the
// last is no empty line after it (which read as a difference of nothing:
// "sysout:11: " where the run stopped a line early).
func lines(text string) []string {
	if text == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

func posString(ev interp.TraceEvent) string {
	return fmt.Sprintf("%s:%d:%d", ev.Pos.Filename, ev.Pos.Line, ev.Pos.Column)
}

// handlersOf lists the IF-CMD-ERROR and IF-BLOCK-ERROR handlers of a
// procedure, as the trace names their positions.
func handlersOf(name string, data []byte, inst *vm2000.Installation) []string {
	cat := catalog.Builtin()
	if inst != nil && len(inst.Commands) > 0 {
		cat = inst.Catalog()
	}
	proc, _ := parser.New(cat).ParseFile(name, string(data))
	if proc == nil {
		return nil
	}
	var out []string
	ast.Walk(proc.Body, func(s ast.Stmt) bool {
		if b, ok := s.(*ast.ErrorBlock); ok {
			out = append(out, fmt.Sprintf("%s:%d:%d %s", name, b.Cmd.Pos.Line, b.Cmd.Pos.Column, b.Cmd.Name))
		}
		return true
	})
	return out
}
