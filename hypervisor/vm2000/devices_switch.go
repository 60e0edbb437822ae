package vm2000

import (
	"slices"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer/ebcdic"
	"sdfp/parser/ast"
)

// switchDevices: SWITCH-VM-DEVICES takes devices from FROM-VM and gives
// them to TO-VM with the usage they had (V, ...-253). UNITS=*ALL takes
// every device of FROM-VM, with CHECK-VM-STATE=*YES only while FROM-VM
// is DOWN or INIT-ONLY (V); *DEVICE-RANGE takes FROM-VM's devices from
// FROM to TO in EBCDIC order, names of FROM's length only (I). Each
// device is reported like REMOVE- and ADD-VM-DEVICES report it (VMS4009,
// VMS4005), and the command stops at the first device that cannot be
// switched, keeping those before it (I, as ADD-VM-DEVICES). FORCE has no
// effect: the model does not know whether a guest has a device attached.
func (m *Model) switchDevices(c *call) handler.Result {
	from, res := m.vmByOperand(c, "FROM-VM")
	if res != nil {
		return *res
	}
	to, res := m.vmByOperand(c, "TO-VM")
	if res != nil {
		return *res
	}
	for _, vm := range []*VM{from, to} {
		if vm.migration != nil || vm.incoming != nil {
			return m.refuse(c, vmMigrating, append(vm.inserts(), "/"+c.req.Name)...)
		}
	}
	units, res := m.switchUnits(c, from)
	if res != nil {
		return *res
	}
	var lines []msg.Message
	for _, mn := range units {
		u, ok := from.devices[mn]
		if !ok {
			return m.finish(c, deviceNotAssigned, lines, mn, from.inserts()[0], from.name)
		}
		d := from.su.devices[mn]
		d.unassign(from)
		holder := d.conflict(u)
		if _, has := to.devices[mn]; has {
			holder = to
		}
		if holder != nil {
			d.assigned = append(d.assigned, assignment{from, u}) // stays where it was
			return m.finish(c, deviceBusy, lines, mn, holder.inserts()[0], holder.name)
		}
		delete(from.devices, mn)
		m.consoleLine(from.su, msgDeviceRemoved, mn, from.inserts()[0], from.name)
		d.assigned = append(d.assigned, assignment{to, u})
		to.devices[mn] = u
		m.consoleLine(to.su, msgDeviceAssigned, assignedInserts(to, mn)...)
		lines = append(lines, line(msgDeviceRemoved, mn, from.inserts()[0], from.name), line(msgDeviceAssigned, assignedInserts(to, mn)...))
	}
	return handler.Done(lines...)
}

// switchUnits resolves SWITCH-VM-DEVICES's UNITS into device names.
func (m *Model) switchUnits(c *call, from *VM) ([]string, *handler.Result) {
	var v *ast.Value
	c.args.Unpack("UNITS", &v)
	if v != nil && v.IsList && len(v.List) == 1 && v.List[0].Keyword == "*ALL" {
		v = v.List[0] // the binder gives a list-poss operand as a list
	}
	if v != nil && !v.IsList && v.Keyword == "*ALL" {
		var check ast.Keyword
		v.Struct.Unpack("CHECK-VM-STATE", &check)
		if check != "*NO" && from.state != StateDown && from.state != StateInitOnly {
			r := m.refuse(c, wrongState, append(from.inserts(), from.displayState(), "/"+c.req.Name)...)
			return nil, &r
		}
		return sortedEBCDIC(from.sortedDevices()), nil
	}
	values := []*ast.Value{v}
	if v != nil && v.IsList {
		values = v.List
	}
	var names []string
	for _, e := range values {
		switch {
		case e == nil:
		case e.Keyword == "*DEVICE-RANGE":
			var lo, hi string
			e.Struct.Unpack("FROM", &lo, "TO", &hi)
			for _, mn := range sortedEBCDIC(from.sortedDevices()) {
				if len(mn) == len(lo) && ebcdic.Compare(mn, lo) >= 0 && ebcdic.Compare(mn, hi) <= 0 {
					names = append(names, mn)
				}
			}
		case e.Str != "":
			if from.su.devices[e.Str] == nil {
				r := m.refuse(c, deviceUnknown, e.Str, from.su.name)
				return nil, &r
			}
			names = append(names, e.Str)
		}
	}
	return names, nil
}

// sortedEBCDIC sorts device names as BS2000 sorts them (EBCDIC: letters
// before digits).
func sortedEBCDIC(names []string) []string {
	slices.SortFunc(names, ebcdic.Compare)
	return names
}
