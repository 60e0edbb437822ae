package jobenv

import (
	"fmt"
	"strings"
	"time"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// Batch jobs: ENTER-JOB and ENTER-PROCEDURE start a procedure as a new
// task of the run, with its own TSN (from the session's counter, TSNs)
// and SYSOUT, on the same installation and virtual clock [V CMD
// enter-job: an independent batch job with a TSN of its own]. The job
// environment keeps the job table, the jobs' MONJVs and the commands
// around them (SHOW-JOB-STATUS, CANCEL-JOB); the session, which builds
// interpreters, starts and stops the tasks (JobStarter).

// JobState is where a batch job is in its life.
type JobState int

const (
	JobQueued  JobState = iota // accepted, waiting for its start ($S)
	JobRunning                 // its task runs or waits ($R)
	JobEnded                   // ended normally ($T)
	JobAborted                 // cancelled or ended with EXIT-JOB MODE=*ABNORMAL ($A)
)

// jobStates are each state's MONJV status and SHOW-JOB-STATUS type: 1 a
// job in the queue, 2 a running batch job [V CMD show-job-status: types
// T1 to T3, *PROGRAM only for T2 and T3, so T1 is the one not yet
// running; the type of a dialog job, 3, is I].
var jobStates = [...]struct{ status, typ string }{
	JobQueued:  {statusQueued, "1 QUEUED"},
	JobRunning: {statusRunning, "2 BATCH"},
	JobEnded:   {statusEnded, ""},
	JobAborted: {statusAborted, ""},
}

// Job is one batch job entered by a task.
type Job struct {
	TSN   string
	Name  string // JOB-NAME, or the file's last name part
	Class string // JOB-CLASS
	User  string
	// File is the ENTER file (ENTER-JOB) or the S procedure
	// (ENTER-PROCEDURE, with Params its PROCEDURE-PARAMETERS).
	File      string
	Procedure bool
	Params    string
	MONJV     string // the monitoring JV's name; "" for none
	// Spool is the workdir file that takes the job's SYSOUT when it
	// ends: S.OUT.tsn.yyyy-mm-dd.hh.mm.ss, named as ENTER-PROCEDURE
	// names its copies S.PROC.tsn.date.time [V CMD enter-procedure; the
	// S.OUT prefix of a SYSOUT list is I].
	Spool          string
	EnteredBy      string // TSN of the task that entered it
	State          JobState
	Entered, Start time.Time // Start: when it may start (START=*AT)
	Started, Ended time.Time
	// Exit is set by EXIT-JOB or LOGOFF, Cancelled by CANCEL-JOB (the
	// canceller's TSN and TEXT); either ends the task at its next
	// command or wait.
	Exit        bool
	Cancelled   bool
	CancelledBy string
	CancelText  string
	namedByFile bool // no JOB-NAME given: SET-LOGON-PARAMETERS may name it
}

// JobStarter starts and stops the task of a batch job: the session,
// which builds interpreters. StartJob reads the job's file now (its
// failure is the entering command's result, ok false) and schedules the
// task to run once j.Start is reached; the task calls Env.JobStarted
// when it begins and Env.JobDone when it ends. StopJob ends a cancelled
// job's task: it leaves a wait at once and runs no further command.
type JobStarter interface {
	StartJob(j *Job) (handler.Result, bool)
	StopJob(j *Job)
}

// batch is the job environment's table of batch jobs.
type batch struct {
	starter JobStarter
	jobs    []*Job
}

// SetJobStarter sets who starts the tasks of batch jobs; without one,
// ENTER-JOB and ENTER-PROCEDURE fail (jobsUnavailable).
func (e *Env) SetJobStarter(s JobStarter) { e.batch.starter = s }

// Jobs returns the batch jobs entered so far, in the order entered.
func (e *Env) Jobs() []*Job { return e.batch.jobs }

// job finds a batch job by TSN.
func (e *Env) job(tsn string) *Job {
	for _, j := range e.batch.jobs {
		if j.TSN == tsn {
			return j
		}
	}
	return nil
}

func init() {
	for name, fn := range map[string]func(*Env, *handler.Request) handler.Result{
		"ENTER-JOB":            (*Env).enterJob,
		"ENTER-PROCEDURE":      (*Env).enterJob,
		"SHOW-JOB-STATUS":      (*Env).showJobStatus,
		"CANCEL-JOB":           (*Env).cancelJob,
		"SET-LOGON-PARAMETERS": (*Env).setLogonParameters,
		"EXIT-JOB":             (*Env).exitJob,
		"LOGOFF":               (*Env).exitJob,
	} {
		commands[name] = fn
	}
}

// enterJob is ENTER-JOB and ENTER-PROCEDURE.
func (e *Env) enterJob(req *handler.Request) handler.Result {
	if e.batch.starter == nil || e.TSNs == nil {
		return outcomes[jobsUnavailable].Result(req.Name)
	}
	if len(e.batch.jobs) >= MaxJobs {
		return outcomes[jobsTooMany].Result(MaxJobs)
	}
	var file, name, class, monjv, params string
	var nameKw, monKw, paramsKw ast.Keyword
	var pw ast.Password
	var sched *ast.Args
	req.Args.Unpack("FROM-FILE", &file, "JOB-NAME", &name, "JOB-NAME", &nameKw, "JOB-CLASS", &class,
		"MONJV", &monjv, "MONJV", &monKw, "JV-PASSWORD", &pw, "SCHEDULING-TIME", &sched)
	now := e.Clock.Now()
	start, bad := startTime(sched, now)
	if bad != "" {
		return outcomes[jobStartBad].Result(bad)
	}
	j := &Job{Name: name, Class: class, User: e.User, File: file, EnteredBy: req.Task.ID(),
		Entered: now, Start: start}
	if req.Name == "ENTER-PROCEDURE" {
		req.Args.Unpack("PROCEDURE-PARAMETERS", &params, "PROCEDURE-PARAMETERS", &paramsKw)
		j.Procedure, j.Params = true, params
	}
	if j.Name == "" || nameKw != "" {
		j.Name, j.namedByFile = defaultJobName(file), true
	}
	if j.Class == "" || j.Class == "*STD" {
		j.Class = defaultJobClass
	}
	// A job the system does not accept gets no TSN: the counter goes
	// back when the file cannot be started.
	last := e.TSNs.Last()
	j.TSN = e.TSNs.Next()
	j.Spool = spoolName(j.TSN, now)
	if res, ok := e.batch.starter.StartJob(j); !ok {
		e.TSNs.SetLast(last)
		return res
	}
	// The MONJV is created or taken only once the job is accepted [V JV
	// "Commands for defining job monitoring"].
	if monjv != "" && monKw == "" {
		n, err := e.startJobMonitor(monjv, j.TSN, string(pw), statusQueued)
		if err != nil {
			e.abandon(j)
			return jvFail(err)
		}
		j.MONJV = n
		e.jobMonitors[j.TSN] = n
	}
	e.batch.jobs = append(e.batch.jobs, j)
	// the job confirmation, with the TSN [V CMD enter-job]
	return handler.Done(msg.New(KeyJobAccepted, j.Name, now.Format("2006-01-02"), now.Format("15:04"), j.TSN))
}

// abandon forgets a job whose start failed after its task was scheduled:
// the task, when its turn comes, finds it cancelled and runs nothing.
func (e *Env) abandon(j *Job) {
	j.Cancelled = true
	j.State = JobAborted
	e.batch.starter.StopJob(j)
}

// MaxJobs bounds the batch jobs one run may enter, so that a job that
// enters itself again cannot fill memory with tasks. The limit is sdfp's
// (I); on BS2000 job classes limit how many jobs run at once.
const MaxJobs = 1000

// KeyJobAccepted is the job confirmation of ENTER-JOB and
// ENTER-PROCEDURE.
const KeyJobAccepted = "JMS0066"

// defaultJobClass is the job class of a job entered without JOB-CLASS
// (I: the installation's default batch class is not modelled).
const defaultJobClass = "JCBATCH"

// defaultJobName names a job entered without JOB-NAME after the first
// part of its file name (catalog and user ID left out), at most 8
// characters (I).
func defaultJobName(file string) string {
	n := strings.ToUpper(file)
	if strings.HasPrefix(n, ":") { // :CATID:
		if i := strings.Index(n[1:], ":"); i >= 0 {
			n = n[i+2:]
		}
	}
	if strings.HasPrefix(n, "$") { // $USERID.
		if i := strings.Index(n, "."); i >= 0 {
			n = n[i+1:]
		}
	}
	if i := strings.Index(n, "."); i > 0 {
		n = n[:i]
	}
	if len(n) > 8 {
		n = n[:8]
	}
	return n
}

// spoolName is the SYSOUT list file of the job with TSN tsn entered at t.
func spoolName(tsn string, t time.Time) string {
	return "S.OUT." + tsn + "." + t.Format("2006-01-02.15.04.05")
}

// startTime reads SCHEDULING-TIME=*PARAMETERS(START=*AT(DATE, TIME)): the
// virtual time the job may start at, now for *STD and *SOON; a bad date
// or time is returned as bad. A time already passed today starts the job
// at once (I).
func startTime(sched *ast.Args, now time.Time) (at time.Time, bad string) {
	if sched == nil {
		return now, ""
	}
	var kw ast.Keyword
	var atArgs *ast.Args
	sched.Unpack("START", &kw, "START", &atArgs)
	if atArgs == nil {
		return now, ""
	}
	var date, clock string
	var today ast.Keyword
	atArgs.Unpack("DATE", &date, "DATE", &today, "TIME", &clock)
	day := now
	if date != "" && today == "" {
		d, err := time.Parse("2006-01-02", date)
		if err != nil {
			return now, date
		}
		day = d
	}
	var tm time.Time
	var err error
	for _, layout := range []string{"15:04:05", "15:04"} {
		if tm, err = time.Parse(layout, clock); err == nil {
			break
		}
	}
	if err != nil {
		return now, clock
	}
	at = time.Date(day.Year(), day.Month(), day.Day(), tm.Hour(), tm.Minute(), tm.Second(), 0, now.Location())
	if at.Before(now) {
		at = now
	}
	return at, ""
}

// JobStarted is called by a job's task when it begins: the job runs, its
// MONJV shows $R.
func (e *Env) JobStarted(j *Job) {
	j.State, j.Started = JobRunning, e.Clock.Now()
	if j.MONJV != "" {
		_ = e.setJobStatus(j.MONJV, statusRunning) // a write refused now is reported when the JVs are stored
	}
}

// JobDone is called when a job's task has ended: the MONJV gets $T, or
// $A for a cancelled job or EXIT-JOB MODE=*ABNORMAL, and is an ordinary
// user JV again.
func (e *Env) JobDone(j *Job) error {
	j.Ended = e.Clock.Now()
	if j.State != JobAborted {
		j.State = JobEnded
	}
	return e.endJob(j.TSN, jobStates[j.State].status)
}

// setLogonParameters is the first command of an ENTER file. Its job
// attributes are ignored for a user without the OPERATING privilege [V
// CMD enter-job], which every sdfp user is.
func (e *Env) setLogonParameters(req *handler.Request) handler.Result {
	var name string
	req.Args.Unpack("JOB-NAME", &name)
	if j := e.job(req.Task.ID()); j != nil && j.namedByFile && name != "" && name != "*STD" {
		j.Name = name // a job name is a job attribute, not a privileged one (I)
	}
	return handler.Result{RC: handler.OK}
}

// exitJob is EXIT-JOB and LOGOFF: in a batch job it ends the job (the
// session stops its task before its next command); MODE=*ABNORMAL ends
// it abnormally. In a task that is not a batch job it does nothing (I).
func (e *Env) exitJob(req *handler.Request) handler.Result {
	j := e.job(req.Task.ID())
	if j == nil {
		return handler.Result{RC: handler.OK}
	}
	var mode ast.Keyword
	if req.Name == "EXIT-JOB" {
		req.Args.Unpack("MODE", &mode)
	}
	if mode == "*ABNORMAL" {
		j.State = JobAborted
	}
	j.Exit = true
	return handler.Result{RC: handler.OK}
}

// jobOf reads JOB-IDENTIFICATION: a TSN, *TSN(TSN=) or *MONJV(MONJV=);
// own is set for *OWN (SHOW-JOB-STATUS without operands).
func (e *Env) jobOf(a *ast.Args) (tsn string, own bool, err error) {
	var kw ast.Keyword
	var sub *ast.Args
	a.Unpack("JOB-IDENTIFICATION", &tsn, "JOB-IDENTIFICATION", &kw, "JOB-IDENTIFICATION", &sub)
	switch kw {
	case "*OWN":
		return "", true, nil
	case "*TSN":
		sub.Unpack("TSN", &tsn)
	case "*MONJV":
		var name string
		var pw ast.Password
		sub.Unpack("MONJV", &name, "JV-PASSWORD", &pw)
		v, rerr := e.JVs.Read(e.resolve(name), string(pw))
		if rerr != nil {
			return "", false, rerr
		}
		tsn = strings.TrimSpace(substring(v, jobMONJV.tsn.pos, jobMONJV.tsn.len))
	}
	return strings.ToUpper(tsn), false, nil
}

// cancelJob is CANCEL-JOB: a batch job of the run that has not ended is
// ended at once, waiting in the queue or in WAIT-EVENT; a job cannot
// cancel itself, and an ended job is refused [V CMD cancel-job].
func (e *Env) cancelJob(req *handler.Request) handler.Result {
	tsn, _, err := e.jobOf(req.Args)
	if err != nil {
		return jvFail(err)
	}
	var text string
	req.Args.Unpack("TEXT", &text)
	if tsn == req.Task.ID() {
		return outcomes[jobCancelSelf].Result()
	}
	j := e.job(tsn)
	switch {
	case j == nil:
		return outcomes[jobNotFound].Result(tsn)
	case j.State == JobEnded || j.State == JobAborted || j.Exit:
		return outcomes[jobAlreadyEnded].Result(tsn)
	}
	j.Cancelled, j.CancelledBy, j.CancelText = true, req.Task.ID(), text
	j.State = JobAborted
	if j.MONJV != "" {
		// the job ends at once: its MONJV says so before its task has
		// had its turn again
		_ = e.setJobStatus(j.MONJV, statusAborted)
	}
	e.batch.starter.StopJob(j)
	return handler.Result{RC: handler.OK}
}

// showJobStatus is SHOW-JOB-STATUS: the lines of jobStatusLines and one
// structured record.
func (e *Env) showJobStatus(req *handler.Request) handler.Result {
	tsn, own, err := e.jobOf(req.Args)
	if err != nil {
		return jvFail(err)
	}
	if own {
		tsn = req.Task.ID()
	}
	j := e.job(tsn)
	if j == nil && tsn == req.Task.ID() {
		// the task's own job, which no ENTER-JOB started, running since
		// the run began
		runStart := e.Clock.Now().Add(-e.Clock.Elapsed())
		j = &Job{TSN: tsn, Name: "*NONE", Class: defaultJobClass, User: e.User, State: JobRunning, Entered: runStart, Started: runStart}
		if n, ok := e.jobMonitors[tsn]; ok {
			j.MONJV = n
		}
	}
	if j == nil || j.State == JobEnded || j.State == JobAborted {
		return outcomes[jobNotFound].Result(tsn)
	}
	var lines []string
	for _, row := range jobStatusLines {
		lines = append(lines, "%"+row(e, j))
	}
	rec := handler.Record{{Name: "TSN", Value: j.TSN}, {Name: "JOB-NAME", Value: j.Name}, {Name: "USER-ID", Value: j.User},
		{Name: "TYPE", Value: jobStates[j.State].typ}, {Name: "JOB-CLASS", Value: j.Class},
		{Name: "MONJV", Value: e.fullJVName(j.MONJV)}, {Name: "START-TIME", Value: stamp(j.Started)}}
	return handler.Result{RC: handler.OK, Output: msg.Plains(lines...), Records: []handler.Record{rec}}
}

// jobStatusLines are the SYSOUT lines of SHOW-JOB-STATUS, a label and a
// value each. The manual page read describes what is shown (TSN, job
// name, type, job class, start time) but its layout is not among the
// stored text: the layout is sdfp's (I), kept here so that a corrected
// one changes only this table.
var jobStatusLines = []func(e *Env, j *Job) string{
	func(e *Env, j *Job) string {
		return fmt.Sprintf("TSN:      %-8s TYPE:     %-10s NOW:      %s", j.TSN, jobStates[j.State].typ, stamp(e.Clock.Now()))
	},
	func(e *Env, j *Job) string {
		return fmt.Sprintf("JOBNAME:  %-8s JCLASS:   %-10s SPOOLIN:  %s", j.Name, j.Class, stamp(j.Entered))
	},
	func(e *Env, j *Job) string {
		return fmt.Sprintf("USERID:   %-8s ORIGTSN:  %-10s START:    %s", j.User, orNone(j.EnteredBy), stamp(j.Started))
	},
	func(e *Env, j *Job) string { return "MONJV:    " + orNone(e.fullJVName(j.MONJV)) },
}

// stamp is a time as SHOW-JOB-STATUS prints it; zero: *NONE.
func stamp(t time.Time) string {
	if t.IsZero() {
		return "*NONE"
	}
	return t.Format("2006-01-02.150405")
}

func orNone(s string) string {
	if s == "" {
		return "*NONE"
	}
	return s
}

// fullJVName is a JV's name with catalog and user ID ("" for none).
func (e *Env) fullJVName(n string) string {
	if n == "" {
		return ""
	}
	return ":" + e.Catalog + ":$" + e.User + "." + n
}

// JobsUnavailable is the result of ENTER-JOB where no scheduler runs the
// tasks (the dialog).
func JobsUnavailable(cmd string) handler.Result { return outcomes[jobsUnavailable].Result(cmd) }

// CheckEnterFile refuses a file for ENTER-JOB whose first command is not
// SET-LOGON-PARAMETERS [V CMD enter-job] (comments and label-only lines
// do not count).
func CheckEnterFile(p *ast.Procedure, file string) (handler.Result, bool) {
	for _, st := range p.Body {
		if c := st.Opener(); c != nil && c.Name != "" {
			if c.Name == "SET-LOGON-PARAMETERS" {
				return handler.Result{}, true
			}
			break
		}
	}
	return outcomes[notEnterFile].Result(file), false
}

// JobParamsBad refuses PROCEDURE-PARAMETERS of ENTER-PROCEDURE that do
// not make a CALL-PROCEDURE.
func JobParamsBad(params string) handler.Result { return outcomes[jobParamsBad].Result(params) }

// SpoolLines are the last lines of a job's SYSOUT list: who cancelled
// it, and how and when it ended. Call it after JobDone.
func SpoolLines(j *Job) []msg.Message {
	var out []msg.Message
	if j.Cancelled {
		text := j.CancelText
		if text == "" {
			text = "*NO"
		}
		out = append(out, outcomes[jobCancelledBy].Message(j.CancelledBy, text))
	}
	end := outcomes[jobEndedNormally]
	if j.State == JobAborted {
		end = outcomes[jobEndedAbnormally]
	}
	return append(out, end.Message(j.Name, j.TSN, j.Ended.Format("15:04:05")))
}

// SpoolNotWritten is the message of a SYSOUT list that could not be
// written.
func SpoolNotWritten(j *Job, err error) msg.Message {
	return outcomes[spoolNotWritten].Message(j.Spool, strings.ToUpper(err.Error()))
}
