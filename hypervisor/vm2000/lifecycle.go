package vm2000

import (
	"fmt"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// The life of a VM: CREATE-VM, START-VM, HOLD-VM, RESUME-VM, RESET-VM,
// SHUTDOWN-VM, DELETE-VM. Which command runs in which state is the table
// stateRules (state.go).

// createVM: CREATE-VM. The VM is INIT-ONLY afterwards. V:CRVM, V:INIT
func (m *Model) createVM(c *call) handler.Result {
	su := c.su
	arch := su.arch
	size, _, _ := megabytes(c.args, "MEMORY-SIZE")
	min, _, _ := megabytes(c.args, "MIN-MEMORY-SIZE")
	max, _, hasMax := megabytes(c.args, "MAX-MEMORY-SIZE")
	if !hasMax && arch == archX86 {
		max = size // I: MAX-MEMORY-SIZE=*STD allows no extension
	}
	var wantIndex ast.Ref
	var name string
	var persistent ast.Keyword
	var pw ast.Password
	c.args.Unpack("VM-INDEX", &wantIndex, "VM-NAME", &name, "PERSISTENT", &persistent, "PASSWORD", &pw)
	index := 0
	if wantIndex.IsNumber {
		index = wantIndex.Number
		if su.vms[index] != nil {
			return m.refuse(c, vmIndexTaken, itoa(index))
		}
	} else if index = su.freeIndex(m.inst.Limits.MaxVMIndex); index == 0 {
		return m.refuse(c, noFreeIndex, su.name)
	}
	if name == "" || name == "*STD" {
		name = fmt.Sprintf("VM%02d", index)
	}
	if su.nameTaken(name) {
		return m.refuse(c, vmNameTaken, name)
	}
	probe := &VM{index: index, name: name, su: su}
	for _, mb := range []int{size, min, max} {
		if mb == 0 {
			continue
		}
		if cond := sizeCondition(arch, mb); cond != "" {
			return m.badSize(c, probe, mb, cond)
		}
	}
	if min > size {
		return m.badSize(c, probe, min, "<= "+itoa(size))
	}
	if max > 0 && max < size {
		return m.badSize(c, probe, max, ">= "+itoa(size))
	}
	cpu, res := m.cpuAttributes(c)
	if res != nil {
		return *res
	}
	location, res := m.createLocation(c, size)
	if res != nil {
		return *res
	}
	vm := &VM{su: su, index: index, name: name, state: StateInitOnly, size: size, min: min, max: max, location: location,
		processors: cpu.processors, cpuQuota: cpu.quota, maxCPU: cpu.maxCPU, maxIO: cpu.maxIO, pool: cpu.pool, group: cpu.group,
		persistent: persistent == "*YES", password: string(pw), devices: map[string]usage{}}
	j, res := m.startMonitorJV(c, "CREATE-VM "+name, vmMonitorLayout, vm)
	if res != nil {
		return *res
	}
	if j != nil {
		// shown completed with catalog and user ID (V JV "Permanent user
		// job variables"); the store takes either form
		vm.monJV = m.jvs.FullName(j.name)
	}
	su.addVM(vm)
	m.updateVMMonitor(vm)
	m.consoleLine(su, msgCreated, vm.inserts()...)
	return handler.Done(line(msgCreated, vm.inserts()...))
}

// processorLevels is the number of virtual CPUs each PROCESSOR keyword
// gives (the keywords V, their numbers what the names say, I). *MAXIMUM
// and *EXTRA-AND-NORMAL count real CPUs, which the model does not have:
// such a VM gets one virtual CPU.
var processorLevels = map[string]int{"*MONO": 1, "*BI": 2, "*TRIPLE": 3, "*QUADRO": 4, "*OCTO": 8}

// stdCPUQuota is the CPU quota of CPU-QUOTA=*STD: I, as CREATE-VM-GROUP's
// *STD (V, ...-214).
const stdCPUQuota = 1

// monitorCPUQuota is the monitor VM's CPU quota when the VM2000
// configuration file sets none (V: VM2000 V12, "Configuration via the
// VM2000 configuration file (SU /390)": default 14).
const monitorCPUQuota = 14

// cpuSettings are the CPU attributes CREATE-VM gives a VM.
type cpuSettings struct {
	processors  int
	quota       float64 // own CPU quota, or the member CPU quota in a group
	maxCPU      float64 // maximum CPU utilisation in percent, 0: 100
	maxIO       int
	pool, group string
}

// cpuAttributes reads PROCESSOR, CPU-QUOTA, CPU-POOL, MAX-CPU-UTILIZATION
// and MAX-IO-UTILIZATION and checks the names they give: the CPU pool must
// exist (VMS4600), a VM group exists on /390 only (VMS3011, VMS9004)
// and must exist (VMS4400). The model's groups have no CPU pool, so
// that the VM is in its group's pool (VMS4422) is not checked.
// ADMIN-PRIVILEGES, PRIVILEGES and VM-ACTIVE-IDLE are accepted and
// ignored: the model has no scheduler and no privileges.
func (m *Model) cpuAttributes(c *call) (cpuSettings, *handler.Result) {
	s := cpuSettings{processors: 1, quota: stdCPUQuota, maxIO: 100, pool: stdPool}
	var processor, maxIO ast.Ref
	var pool string
	var quotaKind ast.Keyword
	var quota float64
	var group *ast.Args
	c.args.Unpack("PROCESSOR", &processor, "CPU-POOL", &pool, "MAX-IO-UTILIZATION", &maxIO,
		"CPU-QUOTA", &quotaKind, "CPU-QUOTA", &quota, "CPU-QUOTA", &group)
	c.args.Unpack("MAX-CPU-UTILIZATION", &s.maxCPU)
	if s.maxCPU == 100 {
		s.maxCPU = 0 // the default, as an installation file leaves it out
	}
	if processor.IsNumber {
		s.processors = processor.Number
	} else if n := processorLevels[processor.Keyword]; n > 0 {
		s.processors = n
	}
	if pool != "" && pool != stdPool {
		if !c.su.pools[pool] {
			r := m.refuse(c, cpuPoolUnknown, pool)
			return s, &r
		}
		s.pool = pool
	}
	switch quotaKind {
	case "*STD":
	case "*BY-VM-GROUP":
		if c.su.arch == archX86 {
			r := m.refuse(c, notOnX86, "/CREATE-VM CPU-QUOTA=*BY-VM-GROUP")
			return s, &r
		}
		group.Unpack("VM-GROUP-NAME", &s.group, "MEMBER-CPU-QUOTA", &s.quota)
		if c.su.groups[s.group] == nil {
			r := m.refuse(c, vmGroupUnknown, s.group)
			return s, &r
		}
	default:
		s.quota = quota
	}
	// Maximum I/O utilisation exists on /390 only (V:CRVM); on x86 the
	// operand is accepted and the VM keeps 100 (I).
	if maxIO.IsNumber && c.su.arch != archX86 {
		s.maxIO = maxIO.Number
	}
	return s, nil
}

// createLocation places a new VM of size MB: on /390 in the first free
// area that fits (*ANY), the highest one (*MEMORY-END) or right before or
// after a named VM; LOCATION other than *ANY is refused on x86, where
// memory has no location (V:MEMX86, as MOVE-VM V:MOVE).
func (m *Model) createLocation(c *call, size int) (int, *handler.Result) {
	su := c.su
	var kw ast.Keyword
	var sub *ast.Args
	c.args.Unpack("LOCATION", &kw, "LOCATION", &sub)
	if kw != "*ANY" && su.arch == archX86 {
		r := m.refuse(c, notOnX86, "/CREATE-VM LOCATION="+string(kw))
		return 0, &r
	}
	location, ok := -1, false
	switch kw {
	case "*MEMORY-END":
		gaps := su.gaps(nil)
		for i := len(gaps) - 1; i >= 0; i-- {
			if gaps[i].end-gaps[i].start >= size {
				location = gaps[i].end - size
				break
			}
		}
	case "*BEFORE-VM", "*AFTER-VM":
		var ref ast.Ref
		sub.Unpack("VM-IDENTIFICATION", &ref)
		id := ref.String()
		next := su.lookupVM(id)
		if next == nil {
			r := m.refuse(c, vmUnknown, id)
			return 0, &r
		}
		location = next.location + next.occupied()
		if kw == "*BEFORE-VM" {
			location = next.location - size
		}
	default:
		location, ok = su.place(size, nil)
	}
	if location >= 0 && kw != "*ANY" {
		ok = su.placeAt(location, size, nil)
	}
	if !ok {
		r := m.refuse(c, memoryShort, itoa(size), su.name)
		return 0, &r
	}
	return location, nil
}

// updateVMMonitor writes the VM's MONJV (CREATE-VM MONJV=) after a state
// change. V10:150-151
func (m *Model) updateVMMonitor(vm *VM) {
	if vm.monJV == "" {
		return
	}
	j := m.newMonitorJV(vm.monJV, vmMonitorLayout, vm)
	m.writeMonitorJV(j, vmMonitorStatus[vm.state], map[string]string{"guest-state": vm.guest.String()})
}

// processed is the success line of an action command. V:SEND
func (m *Model) processed(c *call, vm *VM) msg.Message {
	return line(msgProcessed, "/"+c.req.Name, vm.inserts()[0], vm.name)
}

// startVM: START-VM. V:START, V:STARTG
func (m *Model) startVM(c *call) handler.Result {
	vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
	if res != nil {
		return *res
	}
	var check, holdKw ast.Keyword
	var unit string
	c.args.Unpack("CHECK-VM-STATE", &check, "HOLD", &holdKw, "IPL-UNIT", &unit)
	noCheck, hold := check == "*NO", holdKw == "*YES"
	key := ruleStart
	if noCheck {
		key = ruleStartNoCheck
	}
	if hold && vm.su.arch == archX86 {
		return m.refuse(c, notOnX86, "/START-VM HOLD=*YES")
	}
	if res, _ := m.applyRule(c, key, vm); res != nil {
		return *res
	}
	active := vm.state == StateRunning || vm.state == StateInHold
	if !active && vm.su.running >= m.inst.Limits.MaxRunningGuests {
		return m.refuse(c, tooManyGuests, vm.su.name, itoa(m.inst.Limits.MaxRunningGuests))
	}
	if unit != "" && unit != "*STD" {
		if _, ok := vm.devices[unit]; !ok {
			return m.refuse(c, deviceNotAssigned, unit, vm.inserts()[0], vm.name)
		}
	}
	if vm.migration != nil {
		m.abortMigration(vm.migration, "/START-VM")
	}
	if noCheck && active {
		m.abortReconfiguration(vm, "/START-VM", true)
	}
	m.stopGuest(vm)
	if hold {
		key = ruleStartHold
	}
	m.transition(vm, key)
	vm.guest = GuestStart
	if vm.state == StateRunning {
		m.touched(Touch{Kind: TouchGuestStart, VM: vm.name, SU: vm.su.name, Arch: vm.su.arch.String()})
		m.scheduleSystemReady(vm)
	}
	m.updateVMMonitor(vm)
	return handler.Done(m.processed(c, vm))
}

// scheduleSystemReady lets the guest reach SYSTEM READY after the
// start-up time, unless a fault keeps it from ever getting there.
func (m *Model) scheduleSystemReady(vm *VM) {
	if m.faults.guestNeverReady[vm.name] || vm.ready != nil {
		return
	}
	vm.ready = m.schedule(m.timing.GuestStart, "SYSTEM READY "+vm.name, func() {
		vm.ready = nil
		if vm.state == StateRunning && vm.guest == GuestStart {
			vm.guest = GuestReady
			m.updateVMMonitor(vm)
		}
	})
}

// transition moves a VM to the state its command leads to (stateRules).
func (m *Model) transition(vm *VM, key ruleKey) {
	if r := stateRules()[key]; r.changes {
		vm.su.setState(vm, r.to)
		vm.waits = 0 // a VM held anew shows WAIT(SEL) unless its HOLD-VM says otherwise
	}
}

// stopGuest cancels a pending SYSTEM READY.
func (m *Model) stopGuest(vm *VM) {
	m.clk.Cancel(vm.ready)
	vm.ready = nil
}

// forEachVM applies fn to the VM named by VM-IDENTIFICATION, or with
// *ALL (VM2000 administrator only) to every guest VM; with *ALL a VM in
// the wrong state is skipped and one being migrated makes the command
// partly executed (VMS3041, return code VMS9005). V:HOLD, V:NALLOW
// fn does the work and returns the line that reports it.
func (m *Model) forEachVM(c *call, key ruleKey, fn func(*VM) msg.Message) handler.Result {
	var id ast.Keyword
	c.args.Unpack("VM-IDENTIFICATION", &id)
	all := id == "*ALL" || id == "*VM-GUESTS"
	if !all {
		vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
		if res != nil {
			return *res
		}
		if res, _ := m.applyRule(c, key, vm); res != nil {
			return *res
		}
		return handler.Done(fn(vm))
	}
	if !c.dlg.admin {
		return m.refuse(c, notAdministrator, "/"+c.req.Name)
	}
	if stateRules()[key].only390 && c.su.arch == archX86 {
		return m.refuse(c, notOnX86, "/"+c.req.Name)
	}
	var lines []msg.Message
	partly := false
	for _, vm := range c.su.sortedVMs() {
		if vm.isMonitor() {
			continue
		}
		res, noop := m.applyRule(c, key, vm)
		switch {
		case res == nil:
			lines = append(lines, fn(vm))
		case !noop && res.RC.Main == outcomes()[vmMigrating].Maincode():
			partly = true
		}
	}
	if partly {
		return m.finish(c, partlyExecuted, lines, "/"+c.req.Name)
	}
	return handler.Done(lines...)
}

// holdVM: HOLD-VM (/390). A guest in start-up stops getting there.
func (m *Model) holdVM(c *call) handler.Result {
	wait, _ := waitOf(c)
	m.addWait(c, wait)
	return m.forEachVM(c, ruleHold, func(vm *VM) msg.Message {
		m.stopGuest(vm)
		m.transition(vm, ruleHold)
		vm.waits = wait
		m.updateVMMonitor(vm)
		return m.processed(c, vm)
	})
}

// resumeVM: RESUME-VM (/390).
func (m *Model) resumeVM(c *call) handler.Result {
	_, ends := waitOf(c)
	held := false
	res := m.forEachVM(c, ruleResume, func(vm *VM) msg.Message {
		if l := endWaits(vm, ends); l != nil {
			held = true
			return *l
		}
		m.transition(vm, ruleResume)
		if vm.guest == GuestStart {
			m.scheduleSystemReady(vm)
		}
		m.updateVMMonitor(vm)
		return m.processed(c, vm)
	})
	if held && res.RC == handler.OK {
		res.RC = outcomes()[stillHeld].Result().RC // VMS2020: a VM stays IN HOLD
	}
	return res
}

// resetVM: RESET-VM. The guest is aborted, the VM is INIT-ONLY; a
// running reconfiguration is aborted. V10:136, V:RECONF
func (m *Model) resetVM(c *call) handler.Result {
	vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
	if res != nil {
		return *res
	}
	if res, _ := m.applyRule(c, ruleReset, vm); res != nil {
		return *res
	}
	m.abortReconfiguration(vm, "/RESET-VM", false)
	m.stopGuest(vm)
	m.transition(vm, ruleReset)
	vm.guest = GuestNone
	m.updateVMMonitor(vm)
	return handler.Done(m.processed(c, vm))
}

// shutdownVM: SHUTDOWN-VM. *VM-GUESTS shuts every guest down; *VM2000
// (the whole VM2000 session) is outside the model.
func (m *Model) shutdownVM(c *call) handler.Result {
	var id ast.Keyword
	c.args.Unpack("VM-IDENTIFICATION", &id)
	if id == "*VM2000" {
		return m.shutdownVM2000(c) // shutdown_vm2000.go
	}
	return m.forEachVM(c, ruleShutdown, func(vm *VM) msg.Message {
		m.abortReconfiguration(vm, "/SHUTDOWN-VM", false)
		m.stopGuest(vm)
		m.transition(vm, ruleShutdown)
		vm.guest = GuestNTerm
		m.updateVMMonitor(vm)
		return m.processed(c, vm)
	})
}

// deleteVM: DELETE-VM. A persistent VM leaves its definition behind
// (DEFINED_ONLY). V:DEL, V:TERM
func (m *Model) deleteVM(c *call) handler.Result {
	key := ruleDelete
	var check ast.Keyword
	c.args.Unpack("CHECK-VM-STATE", &check)
	if check == "*NO" {
		key = ruleDeleteForce
	}
	return m.forEachVM(c, key, func(vm *VM) msg.Message {
		if vm.migration != nil {
			m.abortMigration(vm.migration, "/DELETE-VM")
		}
		m.abortReconfiguration(vm, "/DELETE-VM", false)
		m.stopGuest(vm)
		m.terminate(vm)
		return line(msgTerminated, vm.inserts()...)
	})
}

// terminate removes a VM from its server unit, keeping a persistent
// definition, ending its MONJV and announcing it on the console.
func (m *Model) terminate(vm *VM) {
	su := vm.su
	su.removeVM(vm)
	if vm.persistent {
		su.definitions[vm.name] = &definition{name: vm.name, index: vm.index, size: vm.size, min: vm.min, max: vm.max,
			processors: vm.processors, maxIO: vm.maxIO, pool: vm.pool, ha: vm.ha, password: vm.password, devices: vm.sortedDevices()}
	}
	if vm.monJV != "" {
		j := m.newMonitorJV(vm.monJV, vmMonitorLayout, vm)
		m.writeMonitorJV(j, vmMonitorTerminated, map[string]string{"guest-state": GuestNone.String()})
		m.endMonitorJV(j)
	}
	m.consoleLine(su, msgTerminated, vm.inserts()...)
}
