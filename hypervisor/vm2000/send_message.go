package vm2000

import (
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// sendMessage: SEND-VM-MESSAGE passes a text to every VM administrator
// of a VM, or with VM-ID=*ALL of every VM of the server unit: the tasks
// in an ADMIN dialog with it, the sender too when it is one of them. Any
// administrator may send to any VM; the page's example has the VM
// administrator of VM 4 write to VM 2. The sender gets VMS3000 as the
// command's answer, each receiver VMS2036 with the sender's VM, after
// that answer (the order of the example). V 'SEND-VM-MESSAGE (Pass
// messages to VM administrators)', ...-241. VMS2036 goes to no console
// (I: the page names only the VM administrators).
func (m *Model) sendMessage(c *call) handler.Result {
	var text string
	var ref ast.Ref
	c.args.Unpack("MESSAGE", &text, "VM-IDENTIFICATION", &ref)
	target := []string{" ", "*ALL"}
	var vm *VM
	switch {
	case ref.IsNumber:
		vm = c.su.vms[ref.Number]
		if vm == nil {
			return m.refuse(c, vmUnknown, ref.String())
		}
	case ref.Name != "":
		vm = c.su.byName[ref.Name]
		if vm == nil {
			return m.refuse(c, vmUnknown, ref.Name)
		}
	}
	if vm != nil {
		target = vm.inserts()
	}
	receivers := m.vmAdministrators(c.su, vm)
	if len(receivers) == 0 {
		return m.refuse(c, noAdministratorConnected, target...)
	}
	from := c.dlg.vm.inserts()
	res := handler.Done(line(msgProcessed, "/"+c.req.Name, target[0], target[1]))
	res.After = func() {
		for _, r := range receivers {
			r.Receive(line(msgVMMessage, from[0], from[1], text))
		}
	}
	return res
}

// vmAdministrators are the tasks in an ADMIN dialog with vm (nil: with
// any VM) on the server unit that take free-running messages, in TSN
// order.
func (m *Model) vmAdministrators(su *serverUnit, vm *VM) []handler.Receiver {
	return m.receivers(su, func(d *dialog) bool { return vm == nil || d.vm == vm })
}
