package jobenv

import (
	"errors"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// Job switches and user switches: 32 each, numbered 0 to 31, ON or OFF.
//
//   - Job switches belong to the job (the task): all OFF when it starts
//     and again when it ends; MODIFY-JOB-SWITCHES, SYSSWITCH and
//     SET-JOB-STEP (16 to 31 OFF) change them [V CMD "Job switches"; V RR
//     "Reserved variable names" SYSSWITCH].
//   - User switches belong to the user ID: every task of the user sees and
//     changes the same ones, and they outlive the job; another user's can
//     be read but only changed by TSOS [V CMD modify-user-switches; V UG
//     user-switch]. sdfp's tasks all run under the session's user ID; the
//     switches of any other user ID are all OFF, since nothing sets them.
//
// A set of switches is a bit mask: bit n is switch n.

// switchCount is the number of job switches and of user switches.
const switchCount = 32

// switchCommands are the commands of the switches, added to the job
// environment's table.
var switchCommands = map[string]func(*Env, *handler.Request) handler.Result{
	"MODIFY-JOB-SWITCHES":  (*Env).modifyJobSwitches,
	"MODIFY-USER-SWITCHES": (*Env).modifyUserSwitches,
	"SHOW-JOB-SWITCHES":    (*Env).showJobSwitches,
	"SHOW-USER-SWITCHES":   (*Env).showUserSwitches,
	"SKIP-COMMANDS":        (*Env).skipCommands,
}

func init() {
	for name, fn := range switchCommands {
		commands[name] = fn
	}
}

// JobSwitches returns the job switches of a task.
func (e *Env) JobSwitches(task string) uint32 { return e.jobSwitches[task] }

// SetJobSwitches sets the job switches of a task (SYSSWITCH, SET-JOB-STEP).
func (e *Env) SetJobSwitches(task string, on uint32) {
	if e.jobSwitches == nil {
		e.jobSwitches = map[string]uint32{}
	}
	e.jobSwitches[task] = on
}

// UserSwitches returns the user switches of a user ID; "" or *OWN is the
// user of the run.
func (e *Env) UserSwitches(user string) uint32 { return e.userSwitches[e.userID(user)] }

func (e *Env) userID(user string) string {
	if user == "" || user == "*OWN" {
		return e.User
	}
	return strings.ToUpper(user)
}

// switchList reads a list-poss(32) operand of switch numbers (or
// *UNCHANGED, *NONE: no switch) as a mask.
func switchList(a *ast.Args, name string) uint32 {
	var v *ast.Value
	a.Unpack(name, &v)
	if v == nil {
		return 0
	}
	if !v.IsList {
		return switchBit(v)
	}
	var mask uint32
	for _, e := range v.List {
		mask |= switchBit(e)
	}
	return mask
}

// switchBit is the bit of one switch number; none for a keyword or a
// number outside 0..31 (which the binder does not let through).
func switchBit(v *ast.Value) uint32 {
	if v.Alt == nil || v.Alt.Kind != catalog.AltInteger || v.Int < 0 || v.Int >= switchCount {
		return 0
	}
	return 1 << uint(v.Int)
}

// modify applies ON, OFF and INVERT to a set of switches, in that order.
func modify(old uint32, a *ast.Args) uint32 {
	s := old | switchList(a, "ON")
	s &^= switchList(a, "OFF")
	return s ^ switchList(a, "INVERT")
}

func (e *Env) modifyJobSwitches(req *handler.Request) handler.Result {
	task := req.Task.ID()
	e.SetJobSwitches(task, modify(e.JobSwitches(task), req.Args))
	return handler.Result{RC: handler.OK}
}

func (e *Env) modifyUserSwitches(req *handler.Request) handler.Result {
	var user string
	req.Args.Unpack("USER-IDENTIFICATION", &user)
	if id := e.userID(user); id != e.User {
		return outcomes[userSwitchesNotOwn].Result(id)
	}
	if e.userSwitches == nil {
		e.userSwitches = map[string]uint32{}
	}
	e.userSwitches[e.User] = modify(e.userSwitches[e.User], req.Args)
	return handler.Result{RC: handler.OK}
}

// switchLayout is how SHOW-JOB-SWITCHES and SHOW-USER-SWITCHES print the
// switches that are ON. The pages of the two commands are not among the
// manual pages read, so the layout is sdfp's own (I); it lives here as
// data so a correction changes no code.
var switchLayout = struct{ job, user, none, sep string }{
	job:  "%  JOB-SWITCHES ON: ",
	user: "%  USER-SWITCHES (&USER) ON: ",
	none: "NONE",
	sep:  ",",
}

// onList renders the switches that are ON, in ascending order.
func onList(mask uint32) string {
	var on []string
	for n := 0; n < switchCount; n++ {
		if mask&(1<<uint(n)) != 0 {
			on = append(on, strconv.Itoa(n))
		}
	}
	if len(on) == 0 {
		return switchLayout.none
	}
	return strings.Join(on, switchLayout.sep)
}

// switchRecord is the structured output of the SHOW commands: one
// element per switch that is ON (I).
func switchRecord(mask uint32) []handler.Record {
	var recs []handler.Record
	for m := mask; m != 0; m &= m - 1 { // the switches that are on, from 0 up
		recs = append(recs, handler.Record{{Name: "SWITCH", Value: bits.TrailingZeros32(m)}})
	}
	return recs
}

func (e *Env) showJobSwitches(req *handler.Request) handler.Result {
	mask := e.JobSwitches(req.Task.ID())
	res := handler.Done(msg.Plain(switchLayout.job + onList(mask)))
	res.Records = switchRecord(mask)
	return res
}

func (e *Env) showUserSwitches(req *handler.Request) handler.Result {
	// Str, not Unpack: the operand is a name or *OWN, which Str gives as
	// Unpack would, and the loop that shows the switches at every pass
	// spent a tenth of its EXEC-CMD in Unpack's generic way
	id := e.userID(req.Args.Str("USER-IDENTIFICATION"))
	mask := e.userSwitches[id]
	s := &e.shownUser
	if s.res.Output == nil || s.id != id || s.mask != mask {
		head := strings.ReplaceAll(switchLayout.user, "&USER", id)
		*s = shownSwitches{id: id, mask: mask, res: handler.Result{RC: handler.OK,
			Output: []msg.Message{msg.Plain(head + onList(mask))}, Records: slices.Clip(switchRecord(mask))}}
	}
	return s.res
}

// shownSwitches is a SHOW-USER-SWITCHES result, the same for the same
// user ID and switches: a loop that shows them at each pass makes it
// once. Its line and records are shared, as a message never changes
// once made and nothing changes a result's records (EXECUTE-CMD copies
// them into variables); the slices have no room beyond them, so an
// append copies.
type shownSwitches struct {
	id   string
	mask uint32
	res  handler.Result
}

// switchCondition is the IF=*JOB-SWITCHES(...) or *USER-SWITCHES(...) of
// SKIP-COMMANDS and the UNTIL=*USER-SWITCHES(...) of WAIT-EVENT: the
// switches named in ON must be ON, those in OFF must be OFF; with
// CONDITION=*AND all of them, with *OR at least one (I: the operand
// structure of the two pages is not in the stored text).
type switchCondition struct {
	on, off uint32
	any     bool // CONDITION=*OR
}

func readSwitchCondition(a *ast.Args) switchCondition {
	var cond ast.Keyword
	a.Unpack("CONDITION", &cond)
	return switchCondition{on: switchList(a, "ON"), off: switchList(a, "OFF"), any: cond == "*OR"}
}

// empty: neither ON nor OFF names a switch.
func (c switchCondition) empty() bool { return c.on == 0 && c.off == 0 }

func (c switchCondition) holds(s uint32) bool {
	if c.any {
		return s&c.on != 0 || ^s&c.off != 0
	}
	return s&c.on == c.on && s&c.off == 0
}

// skipCommands branches to a non-S label (.NAME), unconditionally or when
// the job switches, the user switches or a JV condition say so; else the
// procedure goes on with the next command [V CMD skip-commands].
func (e *Env) skipCommands(req *handler.Request) handler.Result {
	var label string
	var kind ast.Keyword
	var s *ast.Args
	req.Args.Unpack("TO-LABEL", &label, "IF", &kind, "IF", &s)
	jump := handler.Result{RC: handler.OK, Goto: "." + strings.ToUpper(label)}
	switch kind {
	case "*JOB-SWITCHES":
		if readSwitchCondition(s).holds(e.JobSwitches(req.Task.ID())) {
			return jump
		}
		return handler.Result{RC: handler.OK}
	case "*USER-SWITCHES":
		var user string
		s.Unpack("USER-IDENTIFICATION", &user)
		if readSwitchCondition(s).holds(e.UserSwitches(user)) {
			return jump
		}
		return handler.Result{RC: handler.OK}
	case "*JV":
		var cond ast.Expr
		s.Unpack("CONDITION", &cond)
		if err := e.missingJV(cond); err != nil {
			return jvFail(err)
		}
		ok, err := e.evalCond(cond)
		if err != nil {
			return errResult(err)
		}
		if ok {
			return jump
		}
		return handler.Result{RC: handler.OK}
	}
	return jump
}

// waitUserSwitches parks the task until the user switches are as ON and
// OFF ask, or the time limit passes, which spins off [V CMD wait-event].
// Without ON and OFF the command does not wait at all.
func (e *Env) waitUserSwitches(s *ast.Args) handler.Result {
	var user string
	var limit int
	s.Unpack("USER-IDENTIFICATION", &user, "TIME-LIMIT", &limit)
	cond := readSwitchCondition(s)
	if cond.empty() {
		return handler.Result{RC: handler.OK}
	}
	return handler.Result{RC: handler.OK, Wait: &handler.Wait{
		Ready:     func() (bool, error) { return cond.holds(e.UserSwitches(user)), nil },
		Deadline:  int64(limit),
		OnTimeout: handler.Fail(64, msg.New(KeyWaitTimeout, limit)),
	}}
}

// errResult is the result of a command whose condition could not be
// evaluated: the condition's own failure, or the store's refusal.
func errResult(err error) handler.Result {
	var f *msg.Failure
	if errors.As(err, &f) {
		return handler.Fail(64, f.Msg)
	}
	return jvFail(err)
}

// SetUserSwitch turns user switch n (0 to 31) of a user ID ON or OFF, as
// another job of that user would with MODIFY-USER-SWITCHES (the golden
// cases' events).
func (e *Env) SetUserSwitch(user string, n int, on bool) {
	if n < 0 || n >= switchCount {
		return
	}
	if e.userSwitches == nil {
		e.userSwitches = map[string]uint32{}
	}
	id := e.userID(user)
	if on {
		e.userSwitches[id] |= 1 << uint(n)
	} else {
		e.userSwitches[id] &^= 1 << uint(n)
	}
}
