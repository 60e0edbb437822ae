package vm2000

import (
	"fmt"
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// SHOW-VM-ATTRIBUTES: the attributes of one VM, or with *VM2000 of all
// VMs of the server unit. The S-variable names are sdfp's proposal (spec
// 3.2, I) except VM-INDEX and VM-NAME (V, spec 10.1) and MEM-SIZE /
// MIN-MEM-SIZE, which the VMMEM procedure reads (S seed 003).

// x86FirmwareMB is the share of a VM's memory the x86 firmware uses, the
// difference of MEM-SIZE and BS2-MEM-S. V:MEMX86 says it is small; the
// size is sdfp's (I).
const x86FirmwareMB = 32

// infoSections are the sections each INFORMATION value shows.
var infoSections = map[string][]string{
	"*STD":        {"std"},
	"*CPU":        {"cpu"},
	"*MEMORY":     {"memory"},
	"*UNITS":      {"units"},
	"*MONJV":      {"monjv"},
	"*PRIVILEGES": {"privileges"},
	"*ALL":        {"std", "cpu", "memory", "units", "monjv", "privileges"},
}

// showAttributes: SHOW-VM-ATTRIBUTES.
func (m *Model) showAttributes(c *call) handler.Result {
	var info ast.Keyword
	var typ string
	c.args.Unpack("INFORMATION", &info, "TYPE", &typ)
	vms, res := m.selectVMs(c, "VM-IDENTIFICATION")
	if res != nil {
		return *res
	}
	if info == "" {
		info = "*STD"
	}
	var lines []string
	records := make([]handler.Record, len(vms))
	for i, vm := range vms {
		records[i] = handler.Record{{Name: "VM-INDEX", Value: vm.index}, {Name: "VM-NAME", Value: vm.name},
			{Name: "STATE", Value: vm.displayState()}, {Name: "GUEST-STATE", Value: vm.guest.String()}}
	}
	for _, section := range infoSections[string(info)] {
		show := attributeSections[section]
		lines = append(lines, headers(show.cols)...)
		for i, vm := range vms {
			v := attributeView{vm, typ}
			lines = append(lines, show.lines(v)...)
			records[i] = append(records[i], show.fields(v)...)
		}
	}
	return handler.Result{RC: handler.OK, Output: msg.Plains(lines...), Records: records}
}

// attributeSection is one INFORMATION class: its SYSOUT columns and
// lines, and its structured-output fields.
type attributeSection struct {
	cols   []column
	lines  func(v attributeView) []string
	fields func(v attributeView) []handler.Field
}

// attributeView is one VM as a SHOW-VM-ATTRIBUTES command shows it:
// TYPE selects the devices of INFORMATION=*UNITS.
type attributeView struct {
	*VM
	typ string
}

// units are the VM's devices that TYPE selects (V:SVA): *ALL every one,
// *SD those assigned for shared use, *VC its virtual consoles (the model
// has none), a family the devices of the kinds of that family; a device
// type names none (the model keeps no device types).
func (v attributeView) units() []string {
	var out []string
	for _, mn := range v.sortedDevices() {
		switch v.typ {
		case "", "*ALL":
		case "*SD":
			if v.devices[mn] != usageShared {
				continue
			}
		default:
			if deviceKinds[v.su.devices[mn].kind].family != v.typ {
				continue
			}
		}
		out = append(out, mn)
	}
	return out
}

var (
	// stateColumn holds the longest state VM2000 shows, INIT-ONLY(MIGR).
	stateColumn = column{title: "STATE", width: len(StateInitOnly.String() + migratingSuffix)}
	// The *STD table begins as the manual's example does (V:HOLD: a line
	// CPU-POOL(P), then VM-ID VM-GROUP(G) CPU-Q MAX-U PROC ME...); the
	// columns after PROC are cut there and are sdfp's (I).
	stdColumns = []column{vmIDColumn, groupColumn, {title: "CPU-Q", width: 5, right: true}, {title: "MAX-U", width: 6, right: true},
		{title: "PROC", width: 4, right: true}, {title: "MEM-SIZE", width: 8, right: true}, stateColumn, {title: "PER", width: 3}}
	cpuColumns        = []column{vmIDColumn, stateColumn, {title: "PROC", width: 4, right: true}, {title: "CPU-Q", width: 6, right: true}, {title: "MAX-U", width: 6, right: true}, groupColumn}
	memoryColumns     = []column{vmIDColumn, stateColumn, {title: "MEM-SIZE", width: 8, right: true}, {title: "BS2-MEM-S", width: 9, right: true}, {title: "MIN-MEM-S", width: 9, right: true}, {title: "MAX-MEM-S", width: 9, right: true}, {title: "PLAN-MEM-S", width: 10, right: true}, {title: "START-ADR", width: 9}}
	unitColumns       = []column{vmIDColumn, {title: "UNITS"}}
	monjvColumns      = []column{vmIDColumn, stateColumn, {title: "MONJV", width: 54}}
	privColumns       = []column{vmIDColumn, stateColumn, {title: "ADMIN-PRIV", width: 10}, {title: "PASSWORD", width: 8}}
	attributeSections = map[string]attributeSection{
		"std": {cols: stdColumns,
			lines: func(vm attributeView) []string {
				return []string{row(stdColumns, vmID(vm.index, vm.name), poolColumn(vm.group, vm.pool), quota(vm.cpuQuota), quota(vm.maxCPUUtilization()),
					itoa(vm.processors), itoa(vm.size), vm.displayState(), yesNo(vm.persistent))}
			},
			fields: func(vm attributeView) []handler.Field {
				return []handler.Field{{Name: "PROC", Value: vm.processors}, {Name: "CPU-POOL", Value: vm.pool},
					{Name: "VM-GROUP", Value: groupOrNone(vm.group)}, {Name: "MEM-SIZE", Value: vm.size}, {Name: "PERSISTENT", Value: vm.persistent}}
			}},
		"cpu": {cols: cpuColumns,
			lines: func(vm attributeView) []string {
				return []string{row(cpuColumns, vmID(vm.index, vm.name), vm.displayState(), itoa(vm.processors), quota(vm.cpuQuota), quota(vm.maxCPUUtilization()), poolColumn(vm.group, vm.pool))}
			},
			fields: func(vm attributeView) []handler.Field {
				return []handler.Field{{Name: "PROC", Value: vm.processors}, {Name: "CPU-QUOTA", Value: quota(vm.cpuQuota)},
					{Name: "MAX-CPU-UTIL", Value: quota(vm.maxCPUUtilization())}, {Name: "CPU-POOL", Value: vm.pool}, {Name: "VM-GROUP", Value: groupOrNone(vm.group)}}
			}},
		"memory": {cols: memoryColumns,
			lines: func(vm attributeView) []string {
				mem := memoryView(vm.VM)
				return []string{row(memoryColumns, vmID(vm.index, vm.name), vm.displayState(), itoa(vm.size), itoa(mem.bs2), mem.min, mem.max, mem.planned, mem.start)}
			},
			fields: func(vm attributeView) []handler.Field {
				mem := memoryView(vm.VM)
				return []handler.Field{{Name: "MEM-SIZE", Value: vm.size}, {Name: "BS2-MEM-SIZE", Value: mem.bs2},
					{Name: "MIN-MEM-SIZE", Value: mem.min}, {Name: "MAX-MEM-SIZE", Value: mem.max},
					{Name: "PLAN-MEM-SIZE", Value: mem.plannedField}, {Name: "RECONF", Value: mem.reconf}, {Name: "START-ADDR", Value: mem.start}}
			}},
		"units": {cols: unitColumns,
			lines: func(vm attributeView) []string { return unitBlocks(vm) },
			fields: func(vm attributeView) []handler.Field {
				units := []handler.Record{}
				for _, mn := range vm.units() {
					units = append(units, handler.Record{{Name: "UNIT", Value: mn}, {Name: "USAGE", Value: "*" + vm.devices[mn].String()},
						{Name: "KIND", Value: vm.su.devices[mn].kind}})
				}
				return []handler.Field{{Name: "UNIT", Value: units}}
			}},
		"monjv": {cols: monjvColumns,
			lines: func(vm attributeView) []string {
				return []string{row(monjvColumns, vmID(vm.index, vm.name), vm.displayState(), noneIfEmpty(vm.monJV))}
			},
			fields: func(vm attributeView) []handler.Field {
				return []handler.Field{{Name: "MONJV", Value: noneIfEmpty(vm.monJV)}}
			}},
		"privileges": {cols: privColumns,
			lines: func(vm attributeView) []string {
				return []string{row(privColumns, vmID(vm.index, vm.name), vm.displayState(), "*STD", yesNo(vm.password != ""))}
			},
			fields: func(vm attributeView) []handler.Field {
				return []handler.Field{{Name: "ADMIN-PRIVILEGES", Value: "*STD"}, {Name: "PASSWORD", Value: vm.password != ""}}
			}},
	}
)

// memoryFacts is the memory view of a VM for SHOW output.
type memoryFacts struct {
	bs2                      int
	min, max, planned, start string
	plannedField, reconf     string
}

// memoryView: the current, minimum, maximum and, while a reconfiguration
// runs, the planned size (S seed 003: SHOW-VM-ATTRIBUTES and
// SHOW-VM-RESOURCES give all four during a reconfiguration, so a
// running reconfiguration or migration shows the VM's minimum too).
// MIN-MEM-SIZE is *UNDEF when the VM has no minimum, or when its state
// bars a reconfiguration (IN HOLD, a guest not yet SYSTEM READY: seed
// 003), which is what the VMMEM procedure asks before it reconfigures
// (I).
func memoryView(vm *VM) memoryFacts {
	f := memoryFacts{bs2: vm.size, min: sizeOrUndef(vm.min), max: sizeOrUndef(vm.max), plannedField: "*NONE", reconf: "*NONE", start: "*UNDEF"}
	if reconfigurationBarredByState(vm) {
		f.min = "*UNDEF"
	}
	if vm.su.arch == archX86 {
		f.bs2 = vm.size - x86FirmwareMB
	} else {
		f.start = fmt.Sprintf("%08X", vm.location)
	}
	if r := vm.reconfig; r != nil {
		f.planned, f.plannedField = itoa(r.planned), itoa(r.planned)
		f.reconf = "*REDUCE"
		if r.extend {
			f.reconf = "*EXTEND"
		}
	}
	return f
}

func groupOrNone(g string) string {
	if g == "" {
		return "*NONE"
	}
	return g
}

func noneIfEmpty(s string) string {
	if s == "" {
		return "*NONE"
	}
	return s
}

func quota(q float64) string { return fmt.Sprintf("%.2f", q) }

// unitBlocks renders the devices of INFORMATION=*UNITS as VM2000 does
// (V10:542, "Ausgabeformat für INFORMATION = *UNITS"): a block per way of
// assignment, here always ASSIGNED BY VM-ADMIN (the model assigns
// devices explicitly only), in it a group per usage, EXCL: and SHARED:,
// each a list in VM2000's device order; empty blocks and groups are
// left out, NONE for a VM without devices. Indentation and the number
// of names a line holds are sdfp's (I).
func unitBlocks(vm attributeView) []string {
	var excl, shared []string
	for _, mn := range vm.units() {
		if vm.devices[mn] == usageShared {
			shared = append(shared, mn)
		} else {
			excl = append(excl, mn)
		}
	}
	id := vmID(vm.index, vm.name)
	if len(excl)+len(shared) == 0 {
		return []string{row(unitColumns, id, "NONE")}
	}
	out := []string{row(unitColumns, id, "ASSIGNED BY VM-ADMIN")}
	for _, g := range []struct {
		label string
		names []string
	}{{"EXCL:  ", excl}, {"SHARED:", shared}} {
		for len(g.names) > 0 {
			n := min(len(g.names), unitsPerLine)
			out = append(out, row(unitColumns, "", "  "+g.label+" "+strings.Join(g.names[:n], ",")))
			g.names, g.label = g.names[n:], "       "
		}
	}
	return out
}

// unitsPerLine is how many device names one line of a unit list holds
// (I: 12 four-character names and their commas stay within 80 columns).
const unitsPerLine = 12
