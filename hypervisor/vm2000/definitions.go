package vm2000

import (
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// CREATE-VM-DEFINITION, ACTIVATE-VM-DEFINITION and DELETE-VM-DEFINITION
// work on the persistent definitions of VMs that are not initialised
// (su.definitions; SHOW-VM-DEFINITION shows them as ACT NO). V:DEFCMD
// ...-92, V:CRDEF ...-213. What a page does not say is I: the refusals
// reuse the keys of CREATE-VM, and every check comes before a change.

// createDefinition: CREATE-VM-DEFINITION. A name in use by a VM or a
// definition is refused (VMS4013, V ...-213); an index, when given, must
// be free among the VMs and the definitions (I).
func (m *Model) createDefinition(c *call) handler.Result {
	su := c.su
	var name string
	var wantIndex ast.Ref
	var pw ast.Password
	c.args.Unpack("VM-NAME", &name, "VM-INDEX", &wantIndex, "PASSWORD", &pw)
	if su.nameTaken(name) {
		return m.refuse(c, vmNameTaken, name)
	}
	index := 0
	if wantIndex.IsNumber {
		index = wantIndex.Number
		if su.vms[index] != nil || su.definitionIndexTaken(index) {
			return m.refuse(c, vmIndexTaken, itoa(index))
		}
	}
	size, _, _ := megabytes(c.args, "MEMORY-SIZE")
	min, _, _ := megabytes(c.args, "MIN-MEMORY-SIZE")
	max, _, hasMax := megabytes(c.args, "MAX-MEMORY-SIZE")
	if !hasMax && su.arch == archX86 {
		max = size // as CREATE-VM
	}
	probe := &VM{index: index, name: name, su: su}
	for _, mb := range []int{size, min, max} {
		if cond := sizeCondition(su.arch, mb); mb != 0 && cond != "" {
			return m.badSize(c, probe, mb, cond)
		}
	}
	switch {
	case min > size:
		return m.badSize(c, probe, min, "<= "+itoa(size))
	case max > 0 && max < size:
		return m.badSize(c, probe, max, ">= "+itoa(size))
	}
	cpu, res := m.cpuAttributes(c)
	if res != nil {
		return *res
	}
	units, _ := unitsOperand(c)
	for _, mn := range units {
		if su.devices[mn] == nil {
			return m.refuse(c, deviceUnknown, mn, su.name)
		}
	}
	su.definitions[name] = &definition{name: name, index: index, size: size, min: min, max: max,
		processors: cpu.processors, maxIO: cpu.maxIO, pool: cpu.pool, password: string(pw), devices: units}
	return handler.Done()
}

// definitionIndexTaken reports whether a definition asks for the index.
func (su *serverUnit) definitionIndexTaken(index int) bool {
	for _, d := range su.definitions {
		if d.index == index {
			return true
		}
	}
	return false
}

// definitionOperand resolves VM-NAME to a definition of an uninitialised
// VM; an initialised VM of that name is refused with VMS2302 (I).
func (m *Model) definitionOperand(c *call) (*definition, *handler.Result) {
	var name string
	c.args.Unpack("VM-NAME", &name)
	if vm := c.su.byName[name]; vm != nil {
		r := m.refuse(c, definitionActive, append(vm.inserts(), "/"+c.req.Name)...)
		return nil, &r
	}
	d := c.su.definitions[name]
	if d == nil {
		r := m.refuse(c, definitionUnknown, name)
		return nil, &r
	}
	return d, nil
}

// deleteDefinition: DELETE-VM-DEFINITION.
func (m *Model) deleteDefinition(c *call) handler.Result {
	d, res := m.definitionOperand(c)
	if res != nil {
		return *res
	}
	delete(c.su.definitions, d.name)
	return handler.Done()
}

// activateDefinition: ACTIVATE-VM-DEFINITION initialises the VM of a
// definition as CREATE-VM would with the definition's attributes: state
// INIT-ONLY, PERSISTENT, its index (or the lowest free one), memory in
// the first free area, its devices assigned exclusively (I). The VM
// carries its definition from then on (ACT YES).
func (m *Model) activateDefinition(c *call) handler.Result {
	d, res := m.definitionOperand(c)
	if res != nil {
		return *res
	}
	su := c.su
	index := d.index
	switch {
	case index > 0 && su.vms[index] != nil:
		return m.refuse(c, vmIndexTaken, itoa(index))
	case index == 0:
		if index = su.freeIndex(m.inst.Limits.MaxVMIndex); index == 0 {
			return m.refuse(c, noFreeIndex, su.name)
		}
	}
	if !su.pools[d.pool] {
		return m.refuse(c, cpuPoolUnknown, d.pool)
	}
	for _, mn := range d.devices {
		dev := su.devices[mn]
		if dev == nil {
			return m.refuse(c, deviceUnknown, mn, su.name)
		}
		if holder := dev.conflict(usageExclusive); holder != nil {
			return m.refuse(c, deviceBusy, mn, holder.inserts()[0], holder.name)
		}
	}
	location, ok := su.place(d.size, nil)
	if !ok {
		return m.refuse(c, memoryShort, itoa(d.size), su.name)
	}
	vm := &VM{index: index, name: d.name, state: StateInitOnly, size: d.size, min: d.min, max: d.max, location: location,
		processors: d.processors, cpuQuota: stdCPUQuota, maxIO: d.maxIO, pool: d.pool, persistent: true, ha: d.ha,
		password: d.password, devices: map[string]usage{}}
	if vm.processors == 0 {
		vm.processors = 1
	}
	if vm.maxIO == 0 {
		vm.maxIO = 100
	}
	for _, mn := range d.devices {
		vm.devices[mn] = usageExclusive
		su.devices[mn].assigned = append(su.devices[mn].assigned, assignment{vm, usageExclusive})
	}
	delete(su.definitions, d.name)
	su.addVM(vm)
	m.consoleLine(su, msgCreated, vm.inserts()...)
	return handler.Done(line(msgCreated, vm.inserts()...))
}

// modifyDefinition: MODIFY-VM-DEFINITION. The new values are checked
// together against the old ones before any is taken (I), with the rules
// of CREATE-VM-DEFINITION. V ...-227
func (m *Model) modifyDefinition(c *call) handler.Result {
	d, res := m.definitionOperand(c)
	if res != nil {
		return *res
	}
	su := c.su
	next := *d
	var index, processor, maxIO ast.Ref
	var pool string
	var pwKind ast.Keyword
	var pw ast.Password
	c.args.Unpack("VM-INDEX", &index, "PROCESSOR", &processor, "MAX-IO-UTILIZATION", &maxIO,
		"CPU-POOL", &pool, "PASSWORD", &pwKind, "PASSWORD", &pw)
	switch {
	case index.Keyword == "*ANY":
		next.index = 0
	case index.IsNumber && index.Number != d.index:
		if su.vms[index.Number] != nil || su.definitionIndexTaken(index.Number) {
			return m.refuse(c, vmIndexTaken, itoa(index.Number))
		}
		next.index = index.Number
	}
	if mb, kw, _ := megabytes(c.args, "MEMORY-SIZE"); kw != "*UNCHANGED" {
		next.size = mb
	}
	for _, f := range []struct {
		operand string
		to      *int
	}{{"MIN-MEMORY-SIZE", &next.min}, {"MAX-MEMORY-SIZE", &next.max}} {
		switch mb, kw, _ := megabytes(c.args, f.operand); kw {
		case "*UNCHANGED":
		case "*STD":
			*f.to = 0
		default:
			*f.to = mb
		}
	}
	probe := &VM{index: next.index, name: d.name, su: su}
	for _, mb := range []int{next.size, next.min, next.max} {
		if cond := sizeCondition(su.arch, mb); mb != 0 && cond != "" {
			return m.badSize(c, probe, mb, cond)
		}
	}
	switch {
	case next.min > next.size:
		return m.badSize(c, probe, next.min, "<= "+itoa(next.size))
	case next.max > 0 && next.max < next.size:
		return m.badSize(c, probe, next.max, ">= "+itoa(next.size))
	}
	if processor.IsNumber {
		next.processors = processor.Number
	} else if n := processorLevels[processor.Keyword]; n > 0 {
		next.processors = n
	} else if processor.Keyword == "*MAXIMUM" || processor.Keyword == "*EXTRA-AND-NORMAL" {
		next.processors = 1 // as CREATE-VM: the model has no real CPUs
	}
	if pool != "" && pool != "*UNCHANGED" {
		if !su.pools[pool] {
			return m.refuse(c, cpuPoolUnknown, pool)
		}
		next.pool = pool
	}
	if maxIO.IsNumber && su.arch != archX86 {
		next.maxIO = maxIO.Number
	}
	if pwKind != "*UNCHANGED" {
		next.password = string(pw)
	}
	*d = next
	return handler.Done()
}
