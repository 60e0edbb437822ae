package vm2000

import (
	"sort"
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer/ebcdic"
)

// showDefinition: SHOW-VM-DEFINITION lists the VM definitions of the
// server unit: those of initialised VMs (ACT YES) and the persistent
// definitions of uninitialised ones (ACT NO, DEFINED_ONLY in the SE
// Manager). Columns as in seed 000; sorted by VM name. V:SVD, S seed 000
func (m *Model) showDefinition(c *call) handler.Result {
	var filter string
	c.args.Unpack("VM-NAME", &filter)
	filter = ebcdic.ToUpper(strings.ReplaceAll(filter, " ", "")) // a name taken as text is as written
	type entry struct {
		name                     string
		index                    int
		active, persistent, ha   bool
		pool, group              string
		proc, size, min, max, io int
	}
	var entries []entry
	for _, vm := range c.su.vms {
		if vm.incoming == nil {
			entries = append(entries, entry{vm.name, vm.index, true, vm.persistent, vm.ha, vm.pool, vm.group, vm.processors, vm.size, vm.min, vm.max, vm.maxIO})
		}
	}
	// A definition of an uninitialised VM shows the index it reserves
	// (CREATE-VM-DEFINITION VM-INDEX), '-' for *ANY as seed 000 shows
	// its definition without one [I: the page's output layout is not
	// stored; S seed 000].
	for _, d := range c.su.definitions {
		entries = append(entries, entry{d.name, d.index, false, true, d.ha, d.pool, "", d.processors, d.size, d.min, d.max, d.maxIO})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].name < entries[j].name })
	cols := []column{vmIDColumn, {title: "ACT", width: 3}, {title: "PER", width: 3}, {title: "HA", width: 3},
		groupColumn, {title: "PROC", width: 4, right: true},
		{title: "MEM-SIZE", width: 8, right: true}, {title: "MAX-IO", width: 6, right: true}}
	lines := headers(cols)
	var records []handler.Record
	// VM-NAME: *ALL or a name, with wildcards (V:SVD, selection.go)
	pattern, valid := parseNamePattern(filter)
	for _, e := range entries {
		if filter != "" && filter != "*ALL" && !(valid && pattern.Match(e.name)) {
			continue
		}
		lines = append(lines, row(cols, vmID(e.index, e.name), yesNo(e.active), yesNo(e.persistent), yesNo(e.ha),
			poolColumn(e.group, e.pool), itoa(e.proc), itoa(e.size), itoa(e.io)))
		group := e.group
		if group == "" {
			group = "*NONE"
		}
		records = append(records, handler.Record{
			{Name: "VM-NAME", Value: e.name},
			{Name: "VM-INDEX", Value: e.index},
			{Name: "ACTIVE", Value: e.active},
			{Name: "PERSISTENT", Value: e.persistent},
			{Name: "HA", Value: e.ha},
			{Name: "CPU-POOL", Value: e.pool},
			{Name: "VM-GROUP", Value: group},
			{Name: "PROC", Value: e.proc},
			{Name: "MEM-SIZE", Value: e.size},
			{Name: "MIN-MEM-SIZE", Value: sizeOrUndef(e.min)},
			{Name: "MAX-MEM-SIZE", Value: sizeOrUndef(e.max)},
			{Name: "MAX-IO", Value: e.io},
		})
	}
	if len(records) == 0 {
		return m.refuse(c, definitionUnknown, filter)
	}
	return handler.Result{RC: handler.OK, Output: msg.Plains(lines...), Records: records}
}
