package vm2000

import (
	"time"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// shutdownVM2000: SHUTDOWN-VM VM-IDENTIFICATION=*VM2000(...), the
// coordinated shutdown of VM2000 (V:SHUT ...-250, 'Coordinated shutdown
// of VM2000' ...-43): refused while a VM is migrated, and with
// WAITING-TIME=*UNLIMITED while a VM is IN HOLD; every running guest is
// shut down, and once all VMs are DOWN or INIT-ONLY, or the waiting time
// has passed, VM2000 deletes every guest VM (CHECK-VM-STATE=*NO), a
// persistent one keeping its definition. The model keeps the monitor
// system running, since the procedure runs in it (I); ACTION and
// QUIET-TIME concern the guest systems' shutdown, which the model does
// not run, and have no effect (I).
func (m *Model) shutdownVM2000(c *call) handler.Result {
	if !c.dlg.admin {
		return m.refuse(c, notAdministrator, "/SHUTDOWN-VM VM-ID=*VM2000")
	}
	var sub *ast.Args
	c.args.Unpack("VM-IDENTIFICATION", &sub)
	var wait ast.Ref
	sub.Unpack("WAITING-TIME", &wait)
	guests := c.su.sortedVMs()[1:]
	for _, vm := range guests {
		switch {
		case vm.migration != nil || vm.incoming != nil:
			return m.refuse(c, vmMigrating, append(vm.inserts(), "/SHUTDOWN-VM VM-ID=*VM2000")...)
		case vm.state == StateInHold && !wait.IsNumber:
			return m.refuse(c, wrongState, append(vm.inserts(), vm.displayState(), "/SHUTDOWN-VM VM-ID=*VM2000(WAITING-TIME=*UNLIMITED)")...)
		}
	}
	var lines []msg.Message
	allDown := true
	for _, vm := range guests {
		if vm.state == StateRunning {
			m.abortReconfiguration(vm, "/SHUTDOWN-VM", false)
			m.stopGuest(vm)
			m.transition(vm, ruleShutdown)
			vm.guest = GuestNTerm
			m.updateVMMonitor(vm)
			lines = append(lines, m.processed(c, vm))
		}
		allDown = allDown && (vm.state == StateDown || vm.state == StateInitOnly)
	}
	su := c.su
	end := func() {
		for _, vm := range su.sortedVMs()[1:] {
			m.abortReconfiguration(vm, "/SHUTDOWN-VM", false)
			m.stopGuest(vm)
			m.terminate(vm)
		}
	}
	if allDown {
		end()
		for _, vm := range guests {
			lines = append(lines, line(msgTerminated, vm.inserts()...))
		}
		return handler.Done(lines...)
	}
	// a VM held with a limited waiting time: VM2000 ends after it
	m.schedule(time.Duration(wait.Number)*time.Minute, "coordinated shutdown of VM2000 on "+su.name, end)
	return handler.Done(lines...)
}
