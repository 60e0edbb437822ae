package vm2000

import (
	"slices"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// showResources: SHOW-VM-RESOURCES, the resources of the server unit:
// memory (total, free, largest size still assignable, distribution),
// devices and their owners, VMs and definitions; *STD lists every VM
// with its state. One record with the
// totals and the lists VM(*LIST) and UNIT(*LIST). V:SVR; layout I.
func (m *Model) showResources(c *call) handler.Result {
	su := c.su
	var kw ast.Keyword
	c.args.Unpack("INFORMATION", &kw)
	info := string(kw)
	if info == "" {
		info = "*STD"
	}
	section := func(names ...string) bool {
		for _, n := range names {
			if info == n || info == "*ALL" && !slices.Contains(allLeavesOut["SHOW-VM-RESOURCES"], n) {
				return true
			}
		}
		return false
	}
	vms := su.sortedVMs()
	free := su.freeMemory()
	largest := su.largestFree()
	freeIndexes := m.inst.Limits.MaxVMIndex - 1 - (len(su.vms) - 1) // indexes 2..max not in use
	sumCols := []column{{title: "SERVER-UNIT", width: 15}, {title: "TYPE", width: 4}, {title: "MEM-SIZE", width: 8, right: true},
		{title: "FREE-MEM", width: 8, right: true}, {title: "MAX-VM-MEM", width: 10, right: true}, {title: "VMS", width: 3, right: true},
		{title: "FREE-VMS", width: 8, right: true}, {title: "DEFS", width: 4, right: true}}
	lines := []string{header(sumCols), row(sumCols, su.name, su.arch.String(), itoa(su.memory), itoa(free), itoa(largest),
		itoa(len(vms)), itoa(freeIndexes), itoa(len(su.definitions)))}
	rec := handler.Record{
		{Name: "SU-NAME", Value: su.name}, {Name: "SU-TYPE", Value: su.arch.String()},
		{Name: "MEM-SIZE", Value: su.memory}, {Name: "FREE-MEM-SIZE", Value: free}, {Name: "MAX-VM-MEM-SIZE", Value: largest},
		{Name: "NUM-OF-VMS", Value: len(vms)}, {Name: "NUM-OF-FREE-VMS", Value: freeIndexes},
		{Name: "NUM-OF-DEFINITIONS", Value: len(su.definitions)},
	}
	if section("*STD") {
		// the attributes and states of all VMs (V:SVR, V:SUSP), the
		// *STD table of SHOW-VM-ATTRIBUTES; SYSOUT only
		lines = append(lines, headers(stdColumns)...)
		for _, vm := range vms {
			lines = append(lines, attributeSections["std"].lines(attributeView{VM: vm})...)
		}
	}
	if section("*CPU") && len(su.cpus) > 0 {
		// the real CPUs and their pools (V 'Real CPUs' ...-121 names
		// SHOW-VM-RESOURCES INFORMATION=*CPU for them); layout I
		cols := []column{{title: "CPU", width: 3}, {title: "ATTRIBUTE", width: 9}, {title: "STATE", width: 5}, {title: "CPU-POOL", width: 8}}
		lines = append(lines, header(cols))
		for _, cpu := range su.cpus {
			lines = append(lines, row(cols, cpu.id, cpu.attribute(), cpu.shortState(), cpu.pool))
		}
		rec = append(rec, handler.Field{Name: "REAL-CPU", Value: cpuRecords(su.cpus)})
	}
	if section("*CONFIGURATION") {
		cfg := []column{{title: "MAX-VM-INDEX", width: 12, right: true}, {title: "MAX-ACTIVE", width: 10, right: true}, {title: "ACTIVE", width: 6, right: true}}
		lines = append(lines, header(cfg), row(cfg, itoa(m.inst.Limits.MaxVMIndex), itoa(m.inst.Limits.MaxRunningGuests), itoa(su.running)))
		rec = append(rec, handler.Field{Name: "MAX-VM-INDEX", Value: m.inst.Limits.MaxVMIndex},
			handler.Field{Name: "MAX-ACTIVE-GUESTS", Value: m.inst.Limits.MaxRunningGuests}, handler.Field{Name: "NUM-OF-ACTIVE-GUESTS", Value: su.running})
	}
	if section("*MEMORY") {
		lines = append(lines, header(memoryColumns))
		list := []handler.Record{}
		for _, vm := range vms {
			mem := memoryView(vm)
			lines = append(lines, row(memoryColumns, vmID(vm.index, vm.name), vm.displayState(), itoa(vm.size), itoa(mem.bs2), mem.min, mem.max, mem.planned, mem.start))
			list = append(list, handler.Record{{Name: "VM-INDEX", Value: vm.index}, {Name: "VM-NAME", Value: vm.name},
				{Name: "MEM-SIZE", Value: vm.size}, {Name: "MIN-MEM-SIZE", Value: mem.min}, {Name: "MAX-MEM-SIZE", Value: mem.max},
				{Name: "PLAN-MEM-SIZE", Value: mem.plannedField}, {Name: "START-ADDR", Value: mem.start}})
		}
		rec = append(rec, handler.Field{Name: "VM", Value: list})
	}
	if section("*UNITS") {
		rec = append(rec, handler.Field{Name: "UNIT", Value: m.unitLines(c, su, &lines)})
	}
	return handler.Result{RC: handler.OK, Output: msg.Plains(lines...), Records: []handler.Record{rec}}
}

// unitLines adds the device table (filtered by UNITS) and returns its
// records.
func (m *Model) unitLines(c *call, su *serverUnit, lines *[]string) []handler.Record {
	wanted := map[string]bool{}
	units, _ := unitsOperand(c)
	for _, mn := range units {
		wanted[mn] = true
	}
	names := make([]string, 0, len(su.devices))
	for mn := range su.devices {
		if len(wanted) == 0 || wanted[mn] {
			names = append(names, mn)
		}
	}
	slices.SortFunc(names, compareDevices)
	cols := []column{{title: "UNIT", width: 4}, {title: "KIND", width: 13}, vmIDColumn, {title: "USAGE", width: 9}}
	*lines = append(*lines, header(cols))
	list := []handler.Record{}
	for _, mn := range names {
		d := su.devices[mn]
		if len(d.assigned) == 0 {
			*lines = append(*lines, row(cols, mn, d.kind, "  FREE"))
			list = append(list, handler.Record{{Name: "UNIT", Value: mn}, {Name: "KIND", Value: d.kind},
				{Name: "VM-INDEX", Value: 0}, {Name: "VM-NAME", Value: "*NONE"}, {Name: "USAGE", Value: "*NONE"}})
			continue
		}
		// the VMs sharing a device by index [I: the page's example has
		// none shared], so the list does not depend on the order of
		// assignment, which a saved world does not keep
		holders := slices.SortedFunc(slices.Values(d.assigned), func(a, b assignment) int { return a.vm.index - b.vm.index })
		for _, a := range holders {
			*lines = append(*lines, row(cols, mn, d.kind, vmID(a.vm.index, a.vm.name), a.usage.String()))
			list = append(list, handler.Record{{Name: "UNIT", Value: mn}, {Name: "KIND", Value: d.kind},
				{Name: "VM-INDEX", Value: a.vm.index}, {Name: "VM-NAME", Value: a.vm.name}, {Name: "USAGE", Value: "*" + a.usage.String()}})
		}
	}
	return list
}
