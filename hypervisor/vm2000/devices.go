package vm2000

import (
	"slices"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// ADD-VM-DEVICES and REMOVE-VM-DEVICES: explicit device assignment.
// V:ADDDEV, V:EXPDEV. Each device is reported by VMS4005 / VMS4009
// (V:WP390); the command stops at the first device that cannot be
// assigned, keeping the ones before it (I).

// unitsOperand returns the device names of a UNITS list; all is set for
// UNITS=*ALL (the binder gives a list-poss operand as a list, so *ALL
// arrives as its only element).
func unitsOperand(c *call) (names []string, all bool) {
	var v *ast.Value
	c.args.Unpack("UNITS", &v)
	if v == nil {
		return nil, false
	}
	values := v.List
	if !v.IsList {
		values = []*ast.Value{v}
	}
	for _, e := range values {
		switch {
		case e.Keyword == "*ALL":
			all = true
		case e.Str != "":
			names = append(names, e.Str)
		}
	}
	return names, all
}

// addDevices: ADD-VM-DEVICES. A range takes the server unit's devices in
// it (V, 'ADD-VM-DEVICES (Allocate devices to a VM)', ...-201), and a
// device of the range the VM or another VM holds stops the command like
// a named one (I: the page says nothing of a range's busy devices).
func (m *Model) addDevices(c *call) handler.Result {
	vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
	if res != nil {
		return *res
	}
	if res, _ := m.applyRule(c, ruleAddDevices, vm); res != nil {
		return *res
	}
	u := usageExclusive
	var typ, use ast.Keyword
	c.args.Unpack("TYPE", &typ, "USAGE", &use)
	if typ == "*VC" && vm.isMonitor() {
		// V 'Restrictions in VM2000 commands/functions': no virtual
		// consoles for the monitor VM
		return m.refuse(c, monitorVM, "/ADD-VM-DEVICES TYPE=*VC")
	}
	if typ == "*SD" || use == "*SHARED" {
		u = usageShared
	}
	units, res := m.unitsIn(c, vm, slices.Collect(mapKeys(vm.su.devices)))
	if res != nil {
		return *res
	}
	var lines []msg.Message
	for _, mn := range units {
		d := vm.su.devices[mn]
		if _, ok := vm.devices[mn]; ok {
			return m.finish(c, deviceBusy, lines, mn, vm.inserts()[0], vm.name)
		}
		du := u
		if !deviceKinds[d.kind].shareable {
			du = usageExclusive // I: TYPE=*SD on a device that cannot be shared
		}
		if holder := d.conflict(du); holder != nil {
			return m.finish(c, deviceBusy, lines, mn, holder.inserts()[0], holder.name)
		}
		d.assigned = append(d.assigned, assignment{vm, du})
		vm.devices[mn] = du
		text := line(msgDeviceAssigned, assignedInserts(vm, mn)...)
		m.consoleLine(vm.su, msgDeviceAssigned, assignedInserts(vm, mn)...)
		lines = append(lines, text)
	}
	return handler.Done(lines...)
}

// removeDevices: REMOVE-VM-DEVICES. UNITS=*ALL removes every device of
// the VM, with CHECK-VM-STATE=*YES (the default) only while it is DOWN
// or INIT-ONLY; a range takes the VM's devices in it (V, 'REMOVE-VM-DEVICES
// (Deallocate devices from VM)', ...-235).
func (m *Model) removeDevices(c *call) handler.Result {
	vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
	if res != nil {
		return *res
	}
	if res, _ := m.applyRule(c, ruleRemove, vm); res != nil {
		return *res
	}
	units, res := m.unitsIn(c, vm, vm.sortedDevices())
	if res != nil {
		return *res
	}
	var lines []msg.Message
	for _, mn := range units {
		if _, ok := vm.devices[mn]; !ok {
			return m.finish(c, deviceNotAssigned, lines, mn, vm.inserts()[0], vm.name)
		}
		m.unassignDevice(vm, mn)
		lines = append(lines, line(msgDeviceRemoved, mn, vm.inserts()[0], vm.name))
	}
	return handler.Done(lines...)
}

// assignedInserts are the inserts of VMS4005 for a device of the VM:
// the device, the VM, and " (TYPE=SD)" when it is assigned for shared
// use, as the console shows it (V:WP390, step 6).
func assignedInserts(vm *VM, mn string) []string {
	sd := ""
	if vm.devices[mn] == usageShared {
		sd = " (TYPE=SD)"
	}
	return []string{mn, vm.inserts()[0], vm.name, sd}
}

// unassignDevice takes a device from a VM and tells the console.
func (m *Model) unassignDevice(vm *VM, mn string) {
	delete(vm.devices, mn)
	if d := vm.su.devices[mn]; d != nil {
		d.unassign(vm)
	}
	m.consoleLine(vm.su, msgDeviceRemoved, mn, vm.inserts()[0], vm.name)
}
