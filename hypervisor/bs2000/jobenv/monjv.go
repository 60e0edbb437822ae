package jobenv

import (
	"fmt"
	"strings"

	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// Job monitoring: MODIFY-JOB-OPTIONS MONJV=name makes a JV the monitoring
// JV of the task's job. The system writes its status ($R while the job
// runs, $T at its end) and protects it until the job ends; afterwards it
// is an ordinary user JV.

// jobMONJV is the layout of the system part of a job MONJV (JV user
// guide, "values for monitoring job variables", tag V): field, 1-based
// position and length. A corrected layout changes only this table.
var jobMONJV = struct {
	status, tsn, catid, kind, start struct{ pos, len int }
}{
	status: struct{ pos, len int }{1, 3},
	tsn:    struct{ pos, len int }{5, 4},
	catid:  struct{ pos, len int }{9, 4},
	kind:   struct{ pos, len int }{17, 1},
	start:  struct{ pos, len int }{21, 16},
}

func field(v string, n int, rightJustify bool) string {
	if len(v) > n {
		return v[:n]
	}
	pad := strings.Repeat(" ", n-len(v))
	if rightJustify {
		return pad + v
	}
	return v + pad
}

// MonitorJob starts job monitoring with the JV named by the MONJV operand
// of MODIFY-JOB-OPTIONS. The interpreter executes that command (its
// LOGGING operand is the procedure log's) and hands the MONJV part here.
func (e *Env) MonitorJob(req *handler.Request) handler.Result {
	var name string
	var kw ast.Keyword
	var pw ast.Password
	req.Args.Unpack("MONJV", &name, "MONJV", &kw, "JV-PASSWORD", &pw)
	if kw != "" { // *NONE, *UNCHANGED
		return handler.Result{RC: handler.OK}
	}
	n, err := e.startJobMonitor(name, req.Task.ID(), string(pw), statusRunning)
	if err != nil {
		return jvFail(err)
	}
	e.jobMonitors[req.Task.ID()] = n
	return handler.Result{RC: handler.OK}
}

// Job monitoring status values, bytes 1-3 of a job MONJV [V JV "Job
// monitoring": $S, $R, $T, $A, $M]: $S the job waits in the job queue,
// $R it runs, $T it ended normally, $A abnormally (meanings of $S and $A
// I, from the job commands' descriptions).
const (
	statusQueued  = "$S"
	statusRunning = "$R"
	statusEnded   = "$T"
	statusAborted = "$A"
)

// startJobMonitor makes name the monitoring JV of the job with TSN tsn
// and writes its system part: status, TSN, catalog ID, kind J and the
// start of monitoring.
func (e *Env) startJobMonitor(name, tsn, pw, status string) (string, error) {
	n, err := e.JVs.StartMonitor(name, "JOB "+tsn, pw)
	if err != nil {
		return "", err
	}
	l := jobMONJV
	writes := []struct {
		pos   int
		value string
	}{
		{l.status.pos, field(status, l.status.len, false)},
		{l.tsn.pos, field(tsn, l.tsn.len, true)},
		{l.catid.pos, field(e.Catalog, l.catid.len, false)},
		{l.kind.pos, "J"},
		{l.start.pos, field(e.Clock.Now().UTC().Format("2006-01-02150405"), l.start.len, false)},
	}
	for _, w := range writes {
		if err := e.JVs.SystemWrite(n, w.pos, w.value); err != nil {
			return "", err
		}
	}
	return n, nil
}

// setJobStatus writes the status of a job's MONJV.
func (e *Env) setJobStatus(n, status string) error {
	return e.JVs.SystemWrite(n, jobMONJV.status.pos, field(status, jobMONJV.status.len, false))
}

// EndJob ends the job of a task: its monitoring JV gets $T and becomes an
// ordinary user JV. (An S procedure ending with an error still ends the
// job normally; only CANCEL-JOB or an abnormal EXIT-JOB give $A.)
func (e *Env) EndJob(taskID string) error { return e.endJob(taskID, statusEnded) }

func (e *Env) endJob(taskID, status string) error {
	delete(e.jobSwitches, taskID) // job switches end with the job
	n, ok := e.jobMonitors[taskID]
	if !ok {
		return nil
	}
	delete(e.jobMonitors, taskID)
	if err := e.setJobStatus(n, status); err != nil {
		return fmt.Errorf("ending job monitoring: %w", err)
	}
	return e.JVs.EndMonitor(n)
}
