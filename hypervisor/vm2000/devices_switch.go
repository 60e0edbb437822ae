package vm2000

import (
	"slices"
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer/ebcdic"
	"sdfp/parser/ast"
)

// switchDevices: SWITCH-VM-DEVICES takes devices from FROM-VM and gives
// them to TO-VM with the usage they had (V, ...-253). UNITS=*ALL takes
// every device of FROM-VM, with CHECK-VM-STATE=*YES only while FROM-VM
// is DOWN or INIT-ONLY (V); *DEVICE-RANGE takes FROM-VM's devices from
// FROM to TO (deviceRange). Each
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

// switchUnits resolves SWITCH-VM-DEVICES's UNITS into device names:
// *ALL and ranges take FROM-VM's devices.
func (m *Model) switchUnits(c *call, from *VM) ([]string, *handler.Result) {
	return m.unitsIn(c, from, from.sortedDevices())
}

// unitsIn resolves a UNITS operand of SWITCH- and REMOVE-VM-DEVICES
// (*ALL(CHECK-VM-STATE), ranges, names) and of ADD-VM-DEVICES (ranges,
// names) into device names. pool holds the devices *ALL and a range
// choose from: the VM's own for SWITCH and REMOVE, the server unit's for
// ADD (V, ADD-VM-DEVICES ...-201: "all the devices in this range").
// *ALL with CHECK-VM-STATE=*YES is only for a VM in DOWN or INIT-ONLY
// (V, REMOVE-VM-DEVICES ...-235, SWITCH-VM-DEVICES ...-253). A named
// device the server unit lacks is refused before any device moves.
func (m *Model) unitsIn(c *call, vm *VM, pool []string) ([]string, *handler.Result) {
	var v *ast.Value
	c.args.Unpack("UNITS", &v)
	if v != nil && v.IsList && len(v.List) == 1 && v.List[0].Keyword == "*ALL" {
		v = v.List[0] // the binder gives a list-poss operand as a list
	}
	if v != nil && !v.IsList && v.Keyword == "*ALL" {
		var check ast.Keyword
		v.Struct.Unpack("CHECK-VM-STATE", &check)
		if check != "*NO" && vm.state != StateDown && vm.state != StateInitOnly {
			r := m.refuse(c, wrongState, append(vm.inserts(), vm.displayState(), "/"+c.req.Name)...)
			return nil, &r
		}
		return sortedEBCDIC(pool), nil
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
			in, ok := deviceRange(lo, hi, pool)
			if !ok {
				r := m.refuse(c, badDeviceRange, lo, hi)
				return nil, &r
			}
			names = append(names, in...)
		case e.Str != "":
			if vm.su.devices[e.Str] == nil {
				r := m.refuse(c, deviceUnknown, e.Str, vm.su.name)
				return nil, &r
			}
			names = append(names, e.Str)
		}
	}
	return names, nil
}

// deviceRange picks the names of pool from lo to hi. The pages of ADD-,
// REMOVE- and SWITCH-VM-DEVICES (V, ...-201, ...-235, ...-253) give both
// ends as <alphanum-name 2..2> or <x-text 4..4>, of one kind, TO not
// below FROM; four-character names go in hexadecimal order, two-character
// names in alphabetical order (EBCDIC, letters before digits). ok is
// false for ends that break these rules.
func deviceRange(lo, hi string, pool []string) (in []string, ok bool) {
	compare := ebcdic.Compare
	switch {
	case len(lo) == 4 && len(hi) == 4 && isHex(lo) && isHex(hi):
		compare = strings.Compare // upper-case hex digits of one length sort as numbers
	case len(lo) == 2 && len(hi) == 2:
	default:
		return nil, false
	}
	if compare(lo, hi) > 0 {
		return nil, false
	}
	for _, mn := range pool {
		if len(mn) == len(lo) && compare(mn, lo) >= 0 && compare(mn, hi) <= 0 && (len(mn) == 2 || isHex(mn)) {
			in = append(in, mn)
		}
	}
	slices.SortFunc(in, compare)
	return in, true
}

// isHex reports whether s is written in (upper-case) hexadecimal digits.
func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune("0123456789ABCDEF", rune(s[i])) {
			return false
		}
	}
	return s != ""
}

// sortedEBCDIC sorts device names as BS2000 sorts them (EBCDIC: letters
// before digits).
func sortedEBCDIC(names []string) []string {
	slices.SortFunc(names, ebcdic.Compare)
	return names
}
