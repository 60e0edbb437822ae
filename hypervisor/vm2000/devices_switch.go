package vm2000

import (
	"slices"
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer/ebcdic"
	"sdfp/lexer/wildcard"
	"sdfp/parser/ast"
)

// switchDevices: SWITCH-VM-DEVICES takes devices from FROM-VM and gives
// them to TO-VM with the usage they had (V, ...-253). With
// *PUBSET-DEVICES every device of the pubset must be FROM-VM's and none
// TO-VM's (V, 'Notes on pubset specification' ...-160), checked before
// any device moves. UNITS=*ALL takes
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
	sel, res := m.unitSelection(c, c.args, from.su, from, from.sortedDevices())
	if res != nil {
		return *res
	}
	for _, mn := range sel.names {
		if sel.pubset == nil {
			break
		}
		if _, ok := from.devices[mn]; !ok {
			return m.refuse(c, deviceNotAssigned, mn, from.inserts()[0], from.name)
		}
		if _, ok := to.devices[mn]; ok {
			return m.refuse(c, deviceBusy, mn, to.inserts()[0], to.name)
		}
	}
	var lines []msg.Message
	for _, mn := range sel.names {
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
	if p := sel.pubset; p != nil && from.pubsets[p.catid] {
		// the pubset goes as a whole, its PUBRES-FOR-ASSIGNMENT with it (I)
		from.setPubset(p.catid, false)
		to.setPubset(p.catid, true)
	}
	return handler.Done(lines...)
}

// unitsIn resolves a UNITS operand into device names (unitSelection).
func (m *Model) unitsIn(c *call, vm *VM, pool []string) ([]string, *handler.Result) {
	sel, res := m.unitSelection(c, c.args, vm.su, vm, pool)
	return sel.names, res
}

// units are the devices a UNITS operand selects; pubset is set when
// they are the devices of a pubset (*PUBSET-DEVICES).
type units struct {
	names  []string
	pubset *pubset
}

// unitSelection resolves the UNITS operand of args (the command's
// operands) on server unit su: *ALL(CHECK-VM-STATE) for SWITCH- and
// REMOVE-VM-DEVICES, *PUBSET-DEVICES, and a list of ranges, names and
// names with wildcards. pool holds the devices *ALL, a range and a
// wildcard choose from: the VM's own for SWITCH and REMOVE, the server
// unit's for ADD and the device-wide commands (V, ADD-VM-DEVICES ...-201:
// "all the devices in this range"). *ALL with CHECK-VM-STATE=*YES is
// only for a VM in DOWN or INIT-ONLY (V, REMOVE-VM-DEVICES ...-235,
// SWITCH-VM-DEVICES ...-253); vm is nil for the commands that name no VM.
// A named device the server unit lacks is refused before any device
// moves; a wildcard that matches no device of pool is VMS4030 with the
// pattern (I, as a VM pattern is VMS4000). Ranges and wildcards of the
// commands that assign or remove devices leave out alias devices (V
// ...-201: they cannot be assigned explicitly); SHOW-VM-DEVICE-STATUS
// shows them.
func (m *Model) unitSelection(c *call, args *ast.Args, su *serverUnit, vm *VM, pool []string) (units, *handler.Result) {
	refuse := func(id outcomeID, inserts ...string) (units, *handler.Result) {
		r := m.refuse(c, id, inserts...)
		return units{}, &r
	}
	var v *ast.Value
	args.Unpack("UNITS", &v)
	if v != nil && v.IsList && len(v.List) == 1 && v.List[0].Keyword != "" && v.List[0].Keyword != "*DEVICE-RANGE" {
		v = v.List[0] // the binder gives a list-poss operand as a list
	}
	if v != nil && !v.IsList {
		switch v.Keyword {
		case "*STD": // SHOW-VM-DEVICE-STATUS: every device, as *ALL in a user task (V ...-246)
			return units{names: sortedEBCDIC(slices.Clone(pool))}, nil
		case "*ALL":
			var check ast.Keyword
			v.Struct.Unpack("CHECK-VM-STATE", &check)
			if vm != nil && check != "*NO" && vm.state != StateDown && vm.state != StateInitOnly {
				return refuse(wrongState, append(vm.inserts(), vm.displayState(), "/"+c.req.Name)...)
			}
			return units{names: sortedEBCDIC(slices.Clone(pool))}, nil
		case "*PUBSET-DEVICES":
			p, res := m.pubsetOperand(c, su, v.Struct)
			if res != nil {
				return units{}, res
			}
			return units{names: slices.Clone(p.devices), pubset: p}, nil
		}
	}
	values := []*ast.Value{v}
	if v != nil && v.IsList {
		values = v.List
	}
	var names []string
	for _, e := range values {
		switch {
		case e == nil:
		case e.Keyword != "" && e.Keyword != "*DEVICE-RANGE":
			return refuse(unitsKeywordInList, e.Keyword)
		case e.Keyword == "*DEVICE-RANGE":
			var lo, hi string
			e.Struct.Unpack("FROM", &lo, "TO", &hi)
			in, ok := deviceRange(lo, hi, pool)
			if !ok {
				return refuse(badDeviceRange, lo, hi)
			}
			if vm != nil { // a command that assigns or removes: no alias devices (V ...-201)
				in = slices.DeleteFunc(in, func(mn string) bool { return su.devices[mn].kind == "alias" })
			}
			names = append(names, in...)
		case isWildName(e.Str):
			in, ok := wildDevices(e.Str, su, pool, vm != nil)
			if !ok {
				return refuse(deviceUnknown, ebcdic.ToUpper(strings.ReplaceAll(e.Str, " ", "")), su.name)
			}
			names = append(names, in...)
		case e.Str != "":
			mn := ebcdic.ToUpper(e.Str)
			switch d := su.devices[mn]; {
			case d == nil:
				return refuse(deviceUnknown, mn, su.name)
			case vm != nil && d.kind == "alias":
				return refuse(aliasExplicit, mn)
			}
			names = append(names, mn)
		}
	}
	return units{names: names}, nil
}

// wildDevices picks the devices of pool a name with wildcards selects
// (<alphanum-name 1..4 with-wild(20)>, SDF's wildcards as in VM names),
// with noAlias alias devices left out (V, ADD-VM-DEVICES ...-201), in
// VM2000's device order. ok is false when the pattern is not one or
// selects nothing.
func wildDevices(pattern string, su *serverUnit, pool []string, noAlias bool) (in []string, ok bool) {
	s := ebcdic.ToUpper(strings.ReplaceAll(pattern, " ", ""))
	if body := strings.TrimPrefix(s, "-"); body == "" || len(body) > 20 {
		return nil, false
	}
	p, ok := wildcard.Parse(s, alnumChar, 4)
	if !ok {
		return nil, false
	}
	for _, mn := range pool {
		if d := su.devices[mn]; d != nil && !(noAlias && d.kind == "alias") && p.Match(mn) {
			in = append(in, mn)
		}
	}
	slices.SortFunc(in, compareDevices)
	return in, len(in) > 0
}

// alnumChar reports whether c may stand in an <alphanum-name>.
func alnumChar(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }

// pubsetOperand resolves *PUBSET-DEVICES(PUBSET=...): a catalog ID, or
// *BY-PUBRES-DEVICE(UNIT=mn) naming the pubres device (V ...-201). A
// pubset the server unit does not know is VMS4222, a device that is no
// pubres device VMS4223 (keys and texts I; the pages say the pubset must
// be in the monitor system's MRS catalog).
func (m *Model) pubsetOperand(c *call, su *serverUnit, args *ast.Args) (*pubset, *handler.Result) {
	var ref ast.Ref
	var sub *ast.Args
	args.Unpack("PUBSET", &ref, "PUBSET", &sub)
	refuse := func(id outcomeID, inserts ...string) (*pubset, *handler.Result) {
		r := m.refuse(c, id, inserts...)
		return nil, &r
	}
	if ref.Keyword == "*BY-PUBRES-DEVICE" {
		var mn string
		sub.Unpack("UNIT", &mn)
		mn = ebcdic.ToUpper(mn)
		if su.devices[mn] == nil {
			return refuse(deviceUnknown, mn, su.name)
		}
		if p := su.pubsetByPubres(mn); p != nil {
			return p, nil
		}
		return refuse(notPubres, mn)
	}
	catid := ebcdic.ToUpper(ref.String())
	if p := su.pubsetByCatID(catid); p != nil {
		return p, nil
	}
	return refuse(pubsetUnknown, catid, su.name)
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
