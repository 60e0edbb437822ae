package interp

import (
	"sdfp/builtins"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// Job switches reach the interpreter in two ways: the variable SYSSWITCH
// and SET-JOB-STEP. The switches themselves belong to the job
// environment (hypervisor/bs2000/jobenv), which MODIFY-JOB-SWITCHES and
// SHOW-JOB-SWITCHES change and show; the interpreter reads and writes
// them through Switches.

// Switches is the job and user switch state of the run: 32 switches of
// each kind, bit n of a mask is switch n.
type Switches interface {
	JobSwitches(task string) uint32
	SetJobSwitches(task string, on uint32)
	// UserSwitches are the user switches of a user ID ("": the run's).
	UserSwitches(user string) uint32
}

// WithSwitches connects the interpreter to the run's job and user
// switches; without it SYSSWITCH is an ordinary name.
func WithSwitches(s Switches) Option { return func(r *Runner) { r.switches = s } }

// sysSwitchName is the array of the job switches: BOOLEAN elements 0 to
// 31, TRUE for ON, scope task, declared implicitly in every procedure and
// seen by every procedure level; it can be read and written but not freed
// [V RR "Reserved variable names"; V UGde "Reservierte Variablennamen"].
const sysSwitchName = "SYSSWITCH"

// jobStepSwitches are the job switches SET-JOB-STEP turns OFF: 16 to 31
// [V CMD set-job-step].
const jobStepSwitches uint32 = 0xFFFF0000

var sysSwitchTemplate = &template{kind: arrayNode, lower: 0, upper: 31, bounded: true,
	elem: &template{kind: simpleNode, typ: builtins.TypeBoolean}}

// sysSwitch returns SYSSWITCH with the task's job switches as they are
// now: MODIFY-JOB-SWITCHES may have changed them since the last read.
func (r *Runner) sysSwitch() *variable {
	if r.sysswitch == nil {
		r.sysswitch = &variable{name: sysSwitchName, node: newNode(sysSwitchTemplate), scope: "*TASK"}
	}
	// an assignment of a whole array may have brought another template
	r.sysswitch.node.t = sysSwitchTemplate
	on := r.switches.JobSwitches(r.tsn)
	cells := r.sysswitch.node.cells
	for n := 0; n <= 31; n++ {
		c := cells[n]
		if c == nil {
			c = newNode(sysSwitchTemplate.elem)
			cells[n] = c
		}
		c.set(on&(1<<uint(n)) != 0)
	}
	return r.sysswitch
}

// storeSysSwitch hands an assignment to SYSSWITCH (or one of its
// elements) on to the job switches.
func (r *Runner) storeSysSwitch() {
	var on uint32
	for n, c := range r.sysswitch.node.cells {
		if b, ok := c.value().(bool); ok && b && n >= 0 && n <= 31 {
			on |= 1 << uint(n)
		}
	}
	r.switches.SetJobSwitches(r.tsn, on)
}

// procedureOnly are the commands a dialog rejects: SKIP-COMMANDS works in
// cataloged command sequences only [V CMD skip-commands].
var procedureOnly = map[string]bool{"SKIP-COMMANDS": true}

// setJobStep is SET-JOB-STEP: it turns job switches 16 to 31 OFF; a
// dialog ignores it [V CMD set-job-step]. Reached while an error is
// pending it also ends the error situation (endSpinOff).
func (r *Runner) setJobStep(c *ast.Command) (handler.Result, *signal) {
	if r.switches != nil && !r.frame.dialog {
		r.switches.SetJobSwitches(r.tsn, r.switches.JobSwitches(r.tsn)&^jobStepSwitches)
	}
	return done, nil
}

// isJobStep reports whether a statement is SET-JOB-STEP: an error skips
// forward to it as to an IF-BLOCK-ERROR: S procedures keep the spin-off
// stop of the old procedures for compatibility [V CMD "Block-oriented
// error recovery"], and the procedure goes on with the command after it
// [V CMD set-job-step].
func isJobStep(s ast.Stmt) bool {
	c, ok := s.(*ast.Command)
	return ok && c.Name == "SET-JOB-STEP"
}

// endSpinOff runs the SET-JOB-STEP that ends a pending error. The error's
// return code stays available to SUBCODE1() and friends, as after an
// IF-BLOCK-ERROR (I).
func (r *Runner) endSpinOff(c *ast.Command, err *Error) *signal {
	r.frame.saved = err.RC
	return r.execStmt(c)
}

// branch continues at the label a command's result names (SKIP-COMMANDS,
// WAIT-EVENT's TIMEOUT-LABEL). TIMEOUT-LABEL may name a non-S label
// without its period (I). A label the procedure lacks fails the command.
func (r *Runner) branch(c *ast.Command, label string) *signal {
	if r.frame == nil || r.frame.proc == nil {
		return &signal{kind: sigGoto, label: label, pos: c.Pos}
	}
	labels := r.frame.proc.Labels
	if label[0] != '.' && labels[label] == nil && labels["."+label] != nil {
		label = "." + label
	}
	if labels[label] == nil {
		return r.fail(c, branchTargetMissing.result(label))
	}
	return &signal{kind: sigGoto, label: label, pos: c.Pos}
}

// UserSwitches answers USER-SWITCH( ): the user switches of a user ID
// ("" for the task's own).
func (e builtinEnv) UserSwitches(user string) (uint32, bool) {
	if e.r.switches == nil {
		return 0, false
	}
	if user == "" {
		user = e.r.user
	}
	return e.r.switches.UserSwitches(user), true
}
