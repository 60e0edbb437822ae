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
	sel, res := m.unitSelection(c, c.args, vm.su, vm, slices.Collect(mapKeys(vm.su.devices)))
	if res != nil {
		return *res
	}
	if sel.pubset != nil {
		return m.addPubset(c, vm, sel.pubset, u)
	}
	var lines []msg.Message
	for _, mn := range sel.names {
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
		lines = append(lines, m.assignDevice(vm, mn, du))
	}
	return handler.Done(lines...)
}

// assignDevice gives a device to a VM and tells the console; the line is
// VMS4005 for the command's output.
func (m *Model) assignDevice(vm *VM, mn string, u usage) msg.Message {
	d := vm.su.devices[mn]
	d.assigned = append(d.assigned, assignment{vm, u})
	vm.devices[mn] = u
	m.consoleLine(vm.su, msgDeviceAssigned, assignedInserts(vm, mn)...)
	return line(msgDeviceAssigned, assignedInserts(vm, mn)...)
}

// addPubset: ADD-VM-DEVICES UNITS=*PUBSET-DEVICES(...). All or nothing:
// a device another VM holds in a way that excludes the VM stops the
// command before any device is assigned; devices the VM holds already
// stay as they are (V, 'Notes on pubset specification in the VM2000
// commands' ...-160). Each device assigned is VMS4005, then VMS4220
// names the pubset, as the page's example prints it (V ...-163), and the
// pubres device gets PUBRES-FOR-ASSIGNMENT for the VM. A disk that
// cannot be shared is assigned exclusively (I, as a named device).
func (m *Model) addPubset(c *call, vm *VM, p *pubset, u usage) handler.Result {
	var todo []string
	for _, mn := range p.devices {
		if _, ok := vm.devices[mn]; ok {
			continue
		}
		du := u
		if !deviceKinds[vm.su.devices[mn].kind].shareable {
			du = usageExclusive
		}
		if holder := vm.su.devices[mn].conflict(du); holder != nil {
			return m.refuse(c, deviceBusy, mn, holder.inserts()[0], holder.name)
		}
		todo = append(todo, mn)
	}
	var lines []msg.Message
	for _, mn := range todo {
		du := u
		if !deviceKinds[vm.su.devices[mn].kind].shareable {
			du = usageExclusive
		}
		lines = append(lines, m.assignDevice(vm, mn, du))
	}
	vm.setPubset(p.catid, true)
	m.consoleLine(vm.su, msgPubsetAssigned, p.catid, p.pubres(), vm.inserts()[0], vm.name)
	return handler.Done(append(lines, line(msgPubsetAssigned, p.catid, p.pubres(), vm.inserts()[0], vm.name))...)
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
	sel, res := m.unitSelection(c, c.args, vm.su, vm, vm.sortedDevices())
	if res != nil {
		return *res
	}
	had := sel.pubset != nil && vm.pubsets[sel.pubset.catid]
	var lines []msg.Message
	for _, mn := range sel.names {
		if _, ok := vm.devices[mn]; !ok {
			if sel.pubset != nil {
				continue // V ...-160: pubset devices may have gone already
			}
			return m.finish(c, deviceNotAssigned, lines, mn, vm.inserts()[0], vm.name)
		}
		m.unassignDevice(vm, mn)
		lines = append(lines, line(msgDeviceRemoved, mn, vm.inserts()[0], vm.name))
	}
	if p := sel.pubset; had {
		vm.setPubset(p.catid, false)
		m.consoleLine(vm.su, msgPubsetRemoved, p.catid, p.pubres(), vm.inserts()[0], vm.name)
		lines = append(lines, line(msgPubsetRemoved, p.catid, p.pubres(), vm.inserts()[0], vm.name))
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

// setPubset gives or takes the PUBRES-FOR-ASSIGNMENT attribute of a
// pubset's pubres device for the VM (pubsets.go).
func (vm *VM) setPubset(catid string, on bool) {
	if !on {
		delete(vm.pubsets, catid)
		return
	}
	if vm.pubsets == nil {
		vm.pubsets = map[string]bool{}
	}
	vm.pubsets[catid] = true
}

// unassignDevice takes a device from a VM and tells the console. A
// pubres device that goes takes its pubset's attribute with it (V
// ...-156: the attribute goes when the pubres device is released).
func (m *Model) unassignDevice(vm *VM, mn string) {
	for catid := range vm.pubsets {
		if p := vm.su.pubsetByCatID(catid); p != nil && p.pubres() == mn {
			vm.setPubset(catid, false)
		}
	}
	delete(vm.devices, mn)
	if d := vm.su.devices[mn]; d != nil {
		d.unassign(vm)
	}
	m.consoleLine(vm.su, msgDeviceRemoved, mn, vm.inserts()[0], vm.name)
}
