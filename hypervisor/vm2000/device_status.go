package vm2000

import (
	"slices"
	"strconv"
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// SHOW-VM-DEVICE-STATUS and MODIFY-VM-DEVICE-ATTRIBUTES: the devices of
// a server unit as VM2000's device management sees them.
//
// What is V ('SHOW-VM-DEVICE-STATUS (Output detailed device
// information)' ...-246, 'MODIFY-VM-DEVICE-ATTRIBUTES (Modify device
// attributes)' ...-228): the operands up to SELECT's *DISPOSABLE(...,
// ASSIGN-BY-GUEST), where the stored page ends; what the command
// reports (device name, type, pubres attributes, ASSIGN-BY-GUEST and
// assignment set, the VMs it is assigned to, assignment and usage mode);
// an ASSIGNED-BY column that marks a pubres device with
// PUBRES-FOR-ASSIGNMENT by the suffix (P) ('Explicit pubset assignment
// and removal' ...-156); ASSIGN-BY-GUEST=*NO by default, *NEW-DEVICES
// for devices added later, the attribute ignored for alias devices, no
// message unless a device fails.
//
// What is I: the SYSOUT layout and the S variables (the page's tables
// are not stored), the values of *DISPOSABLE's ASSIGN-BY-GUEST and of
// MODIFY's ASSIGN-BY-GUEST, INFORMATION (*STD and the page's
// *VM-SUMMARY), and that a selection of assignments shows only the
// assignments it selects. The model has no implicit assignments, so
// ASSIGNED-BY is VM-ADMIN (BY=*GUEST selects nothing), and no device
// types, so TYPE=<device> selects nothing, as in SHOW-VM-ATTRIBUTES.

var (
	deviceStatusColumns = []column{{title: "UNIT", width: 4}, {title: "TYPE", width: 13}, {title: "A-B-G", width: 5},
		{title: "ASSIGN-SET", width: 10}, {title: "PUBSET", width: 9}, {title: "ASSIGNED-BY", width: 11}, {title: "USAGE", width: 6}, {title: "VM-ID", width: 11}}
	deviceSummaryColumns = []column{vmIDColumn, {title: "#EXCL", width: 5, right: true}, {title: "#SHARED", width: 7, right: true}}
)

// deviceFilter is SHOW-VM-DEVICE-STATUS's SELECT=*PARAMETERS(...).
type deviceFilter struct {
	typ string
	// state: *ANY, *ASSIGNED or *DISPOSABLE
	state        string
	by, usage    string      // *ASSIGNED(BY, USAGE)
	vms          []*VM       // *ASSIGNED(VM-IDENTIFICATION), nil: any
	current, abg ast.Keyword // *DISPOSABLE(CURRENT-STATE, ASSIGN-BY-GUEST)
}

// showDeviceStatus: SHOW-VM-DEVICE-STATUS.
func (m *Model) showDeviceStatus(c *call) handler.Result {
	f, res := m.deviceFilter(c)
	if res != nil {
		return *res
	}
	su := c.su
	sel, res := m.unitSelection(c, c.args, su, nil, slices.Collect(mapKeys(su.devices)))
	if res != nil {
		return *res
	}
	names := slices.Clone(sel.names)
	slices.SortFunc(names, compareDevices)
	names = slices.Compact(names)
	var info ast.Keyword
	c.args.Unpack("INFORMATION", &info)
	type shown struct {
		d       *device
		assigns []assignment
	}
	var devices []shown
	for _, mn := range names {
		d := su.devices[mn]
		if assigns, ok := f.selects(d); ok {
			devices = append(devices, shown{d, assigns})
		}
	}
	if info == "*VM-SUMMARY" {
		return m.deviceSummary(su, func(yield func(assignment) bool) {
			for _, s := range devices {
				for _, a := range s.assigns {
					if !yield(a) {
						return
					}
				}
			}
		})
	}
	lines := []string{header(deviceStatusColumns)}
	var records []handler.Record
	for _, s := range devices {
		d := s.d
		abg, set, ps := yesNo(d.assignByGuest), su.assignmentSetOf(d.mn), su.pubsetOf(d.mn)
		first := []string{d.mn, strings.ToUpper(d.kind), abg, set, ps}
		var list []handler.Record
		if len(s.assigns) == 0 {
			lines = append(lines, row(deviceStatusColumns, append(first, "NONE")...))
		}
		for i, a := range s.assigns {
			by := "VM-ADMIN"
			if a.vm.pubresFor(d.mn) {
				by += "(P)"
			}
			cells := append(slices.Clone(first), by, usageWord(a.usage), vmID(a.vm.index, a.vm.name))
			if i > 0 {
				cells = append(make([]string, 5), cells[5:]...)
			}
			lines = append(lines, row(deviceStatusColumns, cells...))
			list = append(list, handler.Record{{Name: "VM-INDEX", Value: a.vm.index}, {Name: "VM-NAME", Value: a.vm.name},
				{Name: "ASSIGNED-BY", Value: "*VM-ADMIN"}, {Name: "USAGE", Value: "*" + a.usage.String()},
				{Name: "PUBRES-FOR-ASSIGNMENT", Value: a.vm.pubresFor(d.mn)}})
		}
		rec := handler.Record{{Name: "UNIT", Value: d.mn}, {Name: "DEVICE-TYPE", Value: strings.ToUpper(d.kind)},
			{Name: "ASSIGN-BY-GUEST", Value: d.assignByGuest}, {Name: "ASSIGNMENT-SET", Value: set},
			{Name: "PUBSET", Value: noneIfEmpty(strings.TrimSuffix(ps, "(PR)"))}, {Name: "PUBRES", Value: strings.HasSuffix(ps, "(PR)")},
			{Name: "NUM-OF-VMS", Value: len(list)}}
		if len(list) > 0 {
			rec = append(rec, handler.Field{Name: "VM", Value: list})
		}
		records = append(records, rec)
	}
	return handler.Result{RC: handler.OK, Output: msg.Plains(lines...), Records: records}
}

// deviceSummary is INFORMATION=*VM-SUMMARY: per VM that holds any of the
// devices shown, how many it holds exclusively and shared (I).
func (m *Model) deviceSummary(su *serverUnit, assigns func(func(assignment) bool)) handler.Result {
	excl, shared := map[*VM]int{}, map[*VM]int{}
	for a := range assigns {
		if a.usage == usageShared {
			shared[a.vm]++
		} else {
			excl[a.vm]++
		}
	}
	lines := []string{header(deviceSummaryColumns)}
	var records []handler.Record
	for _, vm := range su.sortedVMs() {
		if excl[vm]+shared[vm] == 0 {
			continue
		}
		lines = append(lines, row(deviceSummaryColumns, vmID(vm.index, vm.name), strconv.Itoa(excl[vm]), strconv.Itoa(shared[vm])))
		records = append(records, handler.Record{{Name: "VM-INDEX", Value: vm.index}, {Name: "VM-NAME", Value: vm.name},
			{Name: "NUM-OF-EXCL", Value: excl[vm]}, {Name: "NUM-OF-SHARED", Value: shared[vm]}})
	}
	return handler.Result{RC: handler.OK, Output: msg.Plains(lines...), Records: records}
}

// deviceFilter reads SELECT=*PARAMETERS(TYPE, STATE).
func (m *Model) deviceFilter(c *call) (deviceFilter, *handler.Result) {
	var f deviceFilter
	var sel *ast.Args
	c.args.Unpack("SELECT", &sel)
	if sel == nil {
		return f, nil
	}
	var state ast.Ref
	var sub *ast.Args
	sel.Unpack("TYPE", &f.typ, "STATE", &state, "STATE", &sub)
	f.state = state.Keyword
	switch f.state {
	case "*ASSIGNED":
		var by, use ast.Keyword
		sub.Unpack("BY", &by, "USAGE", &use)
		f.by, f.usage = string(by), string(use)
		var id ast.Ref
		sub.Unpack("VM-IDENTIFICATION", &id)
		if id.Keyword != "*ANY" && (id.Keyword != "" || id.Name != "" || id.IsNumber) {
			vms, res := m.selectVMsIn(c, sub, "VM-IDENTIFICATION")
			if res != nil {
				return f, res
			}
			f.vms = vms
		}
	case "*DISPOSABLE":
		sub.Unpack("CURRENT-STATE", &f.current, "ASSIGN-BY-GUEST", &f.abg)
	}
	return f, nil
}

// selects reports whether the filter shows the device, and with which
// of its assignments.
func (f deviceFilter) selects(d *device) ([]assignment, bool) {
	switch f.typ {
	case "", "*ANY":
	case "*VC":
		return nil, false // the model has no virtual consoles
	default:
		if deviceKinds[d.kind].family != f.typ {
			return nil, false
		}
	}
	switch f.state {
	case "*ASSIGNED":
		var out []assignment
		for _, a := range d.assigned {
			switch {
			case f.by == "*GUEST": // no implicit assignments in the model
			case f.usage == "*EXCLUSIVE" && a.usage != usageExclusive, f.usage == "*SHARED" && a.usage != usageShared:
			case f.vms != nil && !slices.Contains(f.vms, a.vm):
			default:
				out = append(out, a)
			}
		}
		return out, len(out) > 0
	case "*DISPOSABLE":
		if d.kind == "alias" || slices.ContainsFunc(d.assigned, func(a assignment) bool { return a.usage == usageExclusive }) {
			return nil, false // assigned only implicitly, or held exclusively
		}
		switch {
		case f.current == "*UNASSIGNED" && len(d.assigned) > 0, f.current == "*SHARED" && len(d.assigned) == 0:
			return nil, false
		case f.abg == "*YES" && !d.assignByGuest, f.abg == "*NO" && d.assignByGuest:
			return nil, false
		}
	}
	return d.assigned, true
}

// modifyDeviceAttributes: MODIFY-VM-DEVICE-ATTRIBUTES sets ASSIGN-BY-GUEST
// for the devices named, ranges, names with wildcards, a pubset's, an
// assignment set's (VMS4200 for one not created), all existing devices
// (*ALL) or the devices a dynamic I/O change adds (*NEW-DEVICES). Alias
// devices keep theirs (V ...-228: they are only assigned implicitly). It
// says nothing on success.
func (m *Model) modifyDeviceAttributes(c *call) handler.Result {
	var abg ast.Keyword
	c.args.Unpack("ASSIGN-BY-GUEST", &abg)
	su := c.su
	if abg == "" || abg == "*UNCHANGED" {
		return handler.Done()
	}
	on := abg == "*YES"
	var names []string
	switch v := singleUnits(c.args); {
	case v != nil && v.Keyword == "*NEW-DEVICES":
		su.newDevicesAssignByGuest = on
		return handler.Done()
	case v != nil && v.Keyword == "*BY-ASSIGNMENT-SET":
		var set ast.Ref
		v.Struct.Unpack("SET-NAME", &set)
		s := su.assignmentSetNamed(set.String())
		if s == nil {
			return m.refuse(c, assignmentSetUnknown, set.String())
		}
		names = su.setMembers(s)
	default:
		sel, res := m.unitSelection(c, c.args, su, nil, slices.Collect(mapKeys(su.devices)))
		if res != nil {
			return *res
		}
		names = sel.names
	}
	for _, mn := range names {
		if d := su.devices[mn]; d.kind != "alias" {
			d.assignByGuest = on
		}
	}
	return handler.Done()
}

// singleUnits is the UNITS value when it is one keyword (the binder gives
// a list-poss operand as a list of one).
func singleUnits(args *ast.Args) *ast.Value {
	var v *ast.Value
	args.Unpack("UNITS", &v)
	if v != nil && v.IsList && len(v.List) == 1 {
		v = v.List[0]
	}
	if v == nil || v.IsList || v.Keyword == "" {
		return nil
	}
	return v
}

// assignmentSetOf is the assignment set a device belongs to.
func (su *serverUnit) assignmentSetOf(mn string) string {
	for _, s := range su.assignmentSets[1:] {
		if slices.Contains(s.devices, mn) {
			return s.name
		}
	}
	return stdSet
}

// assignmentSetNamed finds an assignment set; nil when none.
func (su *serverUnit) assignmentSetNamed(name string) *assignmentSet {
	i := slices.IndexFunc(su.assignmentSets, func(s *assignmentSet) bool { return s.name == name })
	if i < 0 {
		return nil
	}
	return su.assignmentSets[i]
}

// setMembers are the devices of an assignment set: *STDSET's those no
// other set names.
func (su *serverUnit) setMembers(s *assignmentSet) []string {
	if s.name != stdSet {
		return slices.Clone(s.devices)
	}
	var out []string
	for mn := range su.devices {
		if su.assignmentSetOf(mn) == stdSet {
			out = append(out, mn)
		}
	}
	return out
}

// pubsetOf is the PUBSET column: the pubset a device belongs to, with
// (PR) for its pubres device; empty for none.
func (su *serverUnit) pubsetOf(mn string) string {
	for _, p := range su.pubsets {
		if i := slices.Index(p.devices, mn); i == 0 {
			return p.catid + "(PR)"
		} else if i > 0 {
			return p.catid
		}
	}
	return ""
}

// usageWord is a usage as the device tables print it (EXCL, as
// SHOW-VM-ATTRIBUTES INFORMATION=*UNITS does).
func usageWord(u usage) string {
	if u == usageShared {
		return "SHARED"
	}
	return "EXCL"
}
