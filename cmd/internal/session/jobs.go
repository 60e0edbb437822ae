package session

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"sdfp/hypervisor/bs2000/dms"
	"sdfp/hypervisor/bs2000/jobenv"
	"sdfp/hypervisor/clock"
	"sdfp/hypervisor/msg"
	"sdfp/interp"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// Batch jobs (ENTER-JOB, ENTER-PROCEDURE): the job environment keeps the
// job table; the session makes each job a task of the run's scheduler,
// with the TSN the job environment drew from the session's counter, its
// SYSOUT in a buffer that becomes the workdir file j.Spool when the job
// ends. Tasks run one at a time in a fixed order (clock.Scheduler), so
// the same inputs give the same interleaving and TSNs every run.

// jobStarter is the session's jobenv.JobStarter.
type jobStarter struct{ s *Session }

// StartJob reads the job's file and schedules its task.
func (js jobStarter) StartJob(j *jobenv.Job) (handler.Result, bool) {
	s := js.s
	if s.sched == nil {
		return jobenv.JobsUnavailable("ENTER-JOB"), false
	}
	spool := &bytes.Buffer{}
	o := s.opts
	o.TSN, o.Stdout, o.Stdin, o.Syslst = j.TSN, spool, strings.NewReader(""), nil
	if s.opts.JobHooks != nil {
		// hooks of the job's own (the session's otherwise: golden
		// coverage and explore's recorder see every task)
		o.Trace, o.VarHook = s.opts.JobHooks(j.TSN)
	}
	r := s.runnerWith(o, interp.WithStop(func() bool { return j.Exit || j.Cancelled }))
	if s.VM2000 != nil && j.EnteredBy != "" {
		// a job runs on the system it was entered on
		_ = s.VM2000.SetTaskSU(j.TSN, s.VM2000.TaskSU(j.EnteredBy))
	}
	proc, res, ok := loadJob(r, j)
	if !ok {
		return res, false
	}
	// the task stops when the run is cancelled or the job is (StopJob)
	ctx, cancel := context.WithCancel(s.runCtx)
	s.jobCancels[j.TSN] = cancel
	s.sched.Spawn(j.TSN, func(w *clock.TaskWaiter) {
		defer cancel()
		interp.WithWaiter(w)(r)
		if wait := j.Start.Sub(s.Clock.Now()); wait > 0 {
			// SCHEDULING-TIME START=*AT: in the queue until then
			_, _ = w.Wait(ctx, r, &handler.Wait{Ready: func() (bool, error) { return j.Cancelled, nil },
				Deadline: int64((wait + time.Second - 1) / time.Second)})
		}
		var result *interp.Result
		if !j.Cancelled {
			s.Env.JobStarted(j)
			res := r.Run(ctx, proc, nil)
			result = &res
		}
		s.endBatchJob(r, j, result, spool)
	})
	return handler.Result{}, true
}

// StopJob makes a cancelled job's task leave its wait.
func (js jobStarter) StopJob(j *jobenv.Job) {
	if cancel := js.s.jobCancels[j.TSN]; cancel != nil {
		cancel() // before the task wakes, so its wait ends as a cancelled run
	}
	if js.s.sched != nil {
		js.s.sched.Cancel(j.TSN)
	}
}

// loadJob reads the procedure a job runs: the ENTER file, whose first
// command must be SET-LOGON-PARAMETERS [V CMD enter-job], or for
// ENTER-PROCEDURE a CALL-PROCEDURE of the S procedure with its
// parameters, the ENTER file the manual says ENTER-PROCEDURE makes [V
// CMD enter-procedure, Method 2; sdfp keeps it in memory].
func loadJob(r *interp.Runner, j *jobenv.Job) (*ast.Procedure, handler.Result, bool) {
	proc, err := r.LoadProcedure(j.File)
	if err != nil {
		return nil, handler.Result{RC: err.RC, SpinOff: true, Output: []msg.Message{err.Msg}}, false
	}
	if !j.Procedure {
		res, ok := jobenv.CheckEnterFile(proc, j.File)
		return proc, res, ok
	}
	params := strings.TrimSpace(j.Params)
	switch {
	case params == "":
		params = "*NONE"
	case !strings.HasPrefix(params, "(") && !strings.EqualFold(params, "*NONE"):
		params = "(" + params + ")" // the operand's text comes without its parentheses
	}
	src := "/SET-LOGON-PARAMETERS\n/CALL-PROCEDURE FROM-FILE=" + j.File + ",PROCEDURE-PARAMETERS=" + params + "\n/EXIT-JOB\n"
	proc, errs := r.Parser().ParseFile("S.E."+j.TSN, src)
	if len(errs) > 0 {
		return nil, jobenv.JobParamsBad(params), false
	}
	return proc, handler.Result{}, true
}

// endBatchJob ends a job's task: its SYSOUT list gets the run limit the
// job ended at, the canceller's line and the job's last line, and is
// written to the workdir; the MONJV gets $T or $A.
func (s *Session) endBatchJob(r *interp.Runner, j *jobenv.Job, res *interp.Result, spool *bytes.Buffer) {
	s.writeErrs = append(s.writeErrs, r.WriteErrors()...)
	if s.VM2000 != nil {
		s.VM2000.EndTask(j.TSN) // its ADMIN dialog ends with the job: no message reaches its list after the end
	}
	if j.Cancelled && j.CancelledBy == "" {
		// not accepted after all (its MONJV was refused): no list
		delete(s.jobCancels, j.TSN)
		return
	}
	lang := s.opts.Lang
	line := func(m msg.Message) { fmt.Fprintln(spool, s.Msgs.Render(m, lang)) }
	// a run limit's message goes to no SYSOUT (the summary of sdfp run
	// names it): the job's list gets it; a command error's message is
	// there already
	jr := JobResult{TSN: j.TSN, File: j.File, Name: j.File + " (TSN " + j.TSN + ")"}
	if res != nil {
		jr.Result = *res
		s.jobResults = append(s.jobResults, jr)
	}
	if res != nil && res.Err != nil && res.Err.Limit && !j.Exit && !j.Cancelled {
		line(res.Err.Msg)
		j.State = jobenv.JobAborted // stopped from outside, as a cancelled job (I)
		s.jobLimits = append(s.jobLimits, jr)
	}
	s.Env.JobDone(j)
	delete(s.jobCancels, j.TSN)
	for _, m := range jobenv.SpoolLines(j) {
		line(m)
	}
	if err := dms.WriteFile(s.opts.FS, j.Spool, spool.Bytes()); err != nil {
		s.writeErrs = append(s.writeErrs, jobenv.SpoolNotWritten(j, err))
	}
}

// JobResult is how a batch job's task ended.
type JobResult struct {
	TSN    string
	File   string // the job's procedure file, as ENTER-PROCEDURE named it
	Name   string // the job's file and TSN, for messages
	Result interp.Result
}

// LimitedJobs are the batch jobs a run limit stopped (steps, virtual
// time, memory): the run reports them as it reports its own tasks' limits.
// A job that ends with a command error is not among them: as in BS2000,
// its MONJV and SYSOUT list tell the procedure that entered it.
func (s *Session) LimitedJobs() []JobResult { return s.jobLimits }

// JobResults is how each batch job whose procedure ran ended, in the
// order they ended (the JSON result events of sdfp run).
func (s *Session) JobResults() []JobResult { return s.jobResults }
