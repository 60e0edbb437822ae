package vm2000

import (
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// dialog is the administration dialog of a task: with the monitor VM it
// makes the task VM2000 administrator, with a guest VM the VM
// administrator of that VM. V:BVD, V:TYPES
type dialog struct {
	su    *serverUnit
	vm    *VM
	admin bool
	// receiver is the task, when it takes free-running messages
	// (routing.go).
	receiver handler.Receiver
}

// dialogOf returns the task's dialog; a dialog whose VM has been deleted
// or has left its server unit has ended with it. V:BVD
func (m *Model) dialogOf(task string) *dialog {
	d := m.dialogs[task]
	if d != nil && d.su.vms[d.vm.index] != d.vm {
		delete(m.dialogs, task)
		return nil
	}
	return d
}

// beginDialog: BEGIN-VM-DIALOG. One dialog per task.
func (m *Model) beginDialog(c *call) handler.Result {
	if c.dlg != nil {
		return m.refuse(c, dialogAlreadyOpen, c.dlg.vm.inserts()...)
	}
	vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
	if res != nil {
		return *res
	}
	var pw ast.Password
	c.args.Unpack("PASSWORD", &pw)
	if vm.password != "" && string(pw) != vm.password {
		return m.refuse(c, badPassword, vm.inserts()...)
	}
	d := &dialog{su: c.su, vm: vm, admin: vm.isMonitor()}
	d.receiver, _ = c.req.Task.(handler.Receiver)
	m.dialogs[c.task] = d
	tsn := c.task
	if tsn == "" {
		tsn = "0000"
	}
	m.consoleLine(c.su, msgDialogBegun, append(vm.inserts(), tsn)...)
	return handler.Done()
}

// endDialog: END-VM-DIALOG. Ending a dialog that is not open is refused.
func (m *Model) endDialog(c *call) handler.Result {
	if c.dlg == nil {
		return m.refuse(c, notInDialog, "/"+c.req.Name)
	}
	vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
	if res != nil {
		return *res
	}
	if vm != c.dlg.vm {
		return m.refuse(c, notAdministrator, "/"+c.req.Name)
	}
	delete(m.dialogs, c.task)
	return handler.Done(line(msgDialogEnded, vm.inserts()...))
}
