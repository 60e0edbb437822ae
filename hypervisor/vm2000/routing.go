package vm2000

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
)

// Who receives VM2000's messages, and the server unit each task runs on.
//
// Every VM2000 message has routing code 9 and goes to the BS2000
// consoles of the monitor system with that code (V VM2000 "Operating the
// whole VM2000 system": a console with only key 9 is the equal of the
// VM2000 administrator's dialog); sdfp has one such console per server
// unit, the console lines with the unit's name as source. The VM2000
// administrators of that server unit, the tasks in an ADMIN dialog with
// its monitor VM, receive them too, in their event stream (V
// "Administration dialogs from privileged user tasks"), so they appear on
// the task's SYSOUT: the migration messages on both sides (V "Phases of a
// VM migration": console and VM2000 administrators of the source and of
// the target SU), VMS1013 when a dialog opens (V, same page), the end of
// a memory reconfiguration (V "Reconfiguring main memory": all VM2000
// administrators and routing code 9). Messages of a guest system's
// console are not VM2000 messages and reach neither.
//
// A message a command causes while it runs is held until the command's
// own output is printed (handler.Result.After): the synchronous part of
// a command comes first, then what its asynchronous part starts with
// (MIGRATE-VM: the checks' VMS2471 warnings, then VMS2450 STARTED, V
// "Phases of a VM migration").

// routedLine is a console message: a VM2000 message for the monitor
// console of a server unit and its VM2000 administrators, or (su nil) a
// guest system's message for its console.
type routedLine struct {
	source string
	su     *serverUnit
	m      msg.Message
	// answered is the task whose command printed this message as its
	// answer already (CREATE-VM's VMS3050): it does not get it twice.
	answered string
}

// route sends a console message, or holds it while a command runs.
func (m *Model) route(l routedLine) {
	if m.handling {
		m.held = append(m.held, l)
		return
	}
	m.release()
	m.emit(l)
}

// release sends the messages held back while a command ran.
func (m *Model) release() {
	held := m.held
	m.held = nil
	for _, l := range held {
		m.emit(l)
	}
}

func (m *Model) emit(l routedLine) {
	m.con.Write(l.source, l.m)
	if l.su == nil {
		return
	}
	for _, r := range m.administrators(l.su) {
		if r.ID() != l.answered || l.answered == "" {
			r.Receive(l.m)
		}
	}
}

// administrators are the tasks in an ADMIN dialog with the monitor VM of
// a server unit that take free-running messages, in TSN order.
func (m *Model) administrators(su *serverUnit) []handler.Receiver {
	return m.receivers(su, func(d *dialog) bool { return d.admin })
}

// receivers are the tasks in a dialog on the server unit that take
// free-running messages and that keep accepts, in TSN order.
func (m *Model) receivers(su *serverUnit, keep func(*dialog) bool) []handler.Receiver {
	tasks := make([]string, 0, len(m.dialogs))
	for t := range m.dialogs {
		tasks = append(tasks, t)
	}
	sort.Strings(tasks)
	var out []handler.Receiver
	for _, t := range tasks {
		if d := m.dialogOf(t); d != nil && d.su == su && d.receiver != nil && keep(d) {
			out = append(out, d.receiver)
		}
	}
	return out
}

// afterCommand makes the messages a command caused follow its output.
func (m *Model) afterCommand(c *call, res handler.Result) handler.Result {
	m.handling = false
	if len(m.held) == 0 {
		return res
	}
	for i := range m.held {
		for _, o := range res.Output {
			if reflect.DeepEqual(o, m.held[i].m) {
				m.held[i].answered = c.task
			}
		}
	}
	next := res.After
	res.After = func() {
		m.release()
		if next != nil {
			next()
		}
	}
	return res
}

// SetTaskSU makes the named server unit the one whose monitor system the
// task (by TSN) runs in; tasks not named run on the local SU (SetLocalSU).
// Batch jobs a task enters run on its server unit (SetTaskSU by the
// session).
func (m *Model) SetTaskSU(task, name string) error {
	if err := m.CheckServerUnit(name); err != nil {
		return err
	}
	m.taskSU[task] = m.byName[strings.ToUpper(name)]
	return nil
}

// CheckServerUnit reports a server unit the installation lacks.
func (m *Model) CheckServerUnit(name string) error {
	su := m.byName[strings.ToUpper(name)]
	if su == nil {
		return fmt.Errorf("no server unit %q in %s (it has %s)", name, m.inst.Source(), strings.Join(m.unitNames(), ", "))
	}
	if su.failed {
		return fmt.Errorf("server unit %s has failed (state: failed in %s): no procedure runs in its monitor system", su.name, m.inst.Source())
	}
	return nil
}

// TaskSU is the name of the server unit a task runs on.
func (m *Model) TaskSU(task string) string { return m.suOfTask(task).name }

func (m *Model) suOfTask(task string) *serverUnit {
	if su := m.taskSU[task]; su != nil {
		return su
	}
	return m.local
}

func (m *Model) unitNames() []string {
	names := make([]string, len(m.units))
	for i, su := range m.units {
		names[i] = su.name
	}
	return names
}

// EndTask ends what a task had open: its dialog ends with it (V
// BEGIN-VM-DIALOG: open dialogs end with LOGOFF of the user task), so it
// receives no more messages.
func (m *Model) EndTask(task string) {
	delete(m.dialogs, task)
	delete(m.taskSU, task)
}
