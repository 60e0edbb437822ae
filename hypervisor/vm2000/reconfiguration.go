package vm2000

import (
	"fmt"
	"time"

	"sdfp/hypervisor/clock"
	"sdfp/interp/handler"
)

// Dynamic memory reconfiguration (EXTEND-VM-MEMORY, REDUCE-VM-MEMORY):
// the command checks and accepts, the work runs as events on the
// virtual clock. An extension is done by VM2000 (on x86 by the firmware,
// in steps) and then by the running guest; a reduction the other way
// round. V:EXT, V:RED, V:RECONF, S seed 003.

// reconfiguration is a memory reconfiguration in progress.
type reconfiguration struct {
	vm      *VM
	extend  bool
	old     int // size before
	planned int // size asked for
	reached int // size assigned so far (an extension grows it step by step)
	newMin  int
	stopAt  int // fault extend-stops: an x86 extension ends here
	monJV   *monitorJV
	next    *clock.Event
}

// reconfigurationBarredByState reports whether the VM's state keeps
// EXTEND/REDUCE from being accepted: IN HOLD, or a running guest not yet
// SYSTEM READY (S seed 003). SHOW-VM-ATTRIBUTES prints MIN-MEM-SIZE as
// *UNDEF then, which is what the VMMEM procedure tests (I); a running
// migration or reconfiguration does not hide the sizes.
func reconfigurationBarredByState(vm *VM) bool {
	rule := stateRules()[ruleExtend]
	return vm.incoming == nil && (!rule.allowed.has(vm.state) || vm.state == StateRunning && vm.guest != GuestReady)
}

// checkReconfiguration runs the checks EXTEND and REDUCE share.
func (m *Model) checkReconfiguration(c *call, key ruleKey) (*VM, *handler.Result) {
	vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
	if res != nil {
		return nil, res
	}
	if res, _ := m.applyRule(c, key, vm); res != nil {
		return nil, res
	}
	if vm.state == StateRunning && vm.guest != GuestReady {
		r := m.refuse(c, notSystemReady, append(vm.inserts(), "/"+c.req.Name)...)
		return nil, &r
	}
	if vm.reconfig != nil {
		r := m.refuse(c, reconfigRunning, append(vm.inserts(), "/"+c.req.Name)...)
		return nil, &r
	}
	return vm, nil
}

// sizeCondition returns the condition a memory size violates on the SU
// type ("" when none): granularity and the smallest guest.
func sizeCondition(arch architecture, mb int) string {
	rules := memoryRules[arch]
	switch {
	case mb%rules.granule != 0:
		return fmt.Sprintf("MOD %d = 0", rules.granule)
	case mb < rules.guestMin:
		return fmt.Sprintf(">= %d", rules.guestMin)
	case mb > maxMemoryMB:
		return fmt.Sprintf("<= %d", maxMemoryMB)
	}
	return ""
}

// extendLimit is the largest size an extension may reach: the maximum
// size where one is set (x86 always), on /390 at most the memory free
// behind the VM.
func extendLimit(vm *VM) int {
	limit := vm.max
	if memoryRules[vm.su.arch].contiguous {
		room := vm.size + vm.su.roomToGrow(vm)
		if limit == 0 || room < limit {
			limit = room
		}
	}
	if limit < vm.size {
		limit = vm.size
	}
	return limit
}

func (m *Model) badSize(c *call, vm *VM, mb int, condition string) handler.Result {
	return m.refuse(c, badMemorySize, itoa(mb), vm.inserts()[0], vm.name, condition)
}

// extendMemory: EXTEND-VM-MEMORY.
func (m *Model) extendMemory(c *call) handler.Result {
	vm, res := m.checkReconfiguration(c, ruleExtend)
	if res != nil {
		return *res
	}
	size, kw, ok := megabytes(c.args, "NEW-MEMORY-SIZE")
	switch {
	case kw == "*MAXIMUM":
		size = extendLimit(vm)
	case !ok:
		size = vm.size
	}
	if cond := sizeCondition(vm.su.arch, size); cond != "" {
		return m.badSize(c, vm, size, cond)
	}
	if size < vm.size {
		return m.badSize(c, vm, size, ">= "+itoa(vm.size))
	}
	if vm.max > 0 && size > vm.max {
		return m.badSize(c, vm, size, "<= "+itoa(vm.max))
	}
	if size-vm.size > vm.su.roomToGrow(vm) {
		return m.refuse(c, memoryShort, itoa(size-vm.size), vm.su.name)
	}
	newMin, kw, ok := megabytes(c.args, "NEW-MIN-MEMORY-SIZE")
	switch {
	case kw == "*MAXIMUM":
		newMin = size
	case !ok:
		newMin = vm.min
	default:
		if cond := sizeCondition(vm.su.arch, newMin); cond != "" {
			return m.badSize(c, vm, newMin, cond)
		}
		if newMin > size {
			return m.badSize(c, vm, newMin, "<= "+itoa(size))
		}
	}
	if size == vm.size && newMin == vm.min {
		return m.refuse(c, noActionRequired)
	}
	return m.startReconfiguration(c, vm, true, size, newMin)
}

// reduceMemory: REDUCE-VM-MEMORY. *MINIMUM is the VM's minimum size.
func (m *Model) reduceMemory(c *call) handler.Result {
	vm, res := m.checkReconfiguration(c, ruleReduce)
	if res != nil {
		return *res
	}
	if vm.min == 0 {
		return m.badSize(c, vm, vm.size, "MIN-MEMORY-SIZE *UNDEF")
	}
	size, _, ok := megabytes(c.args, "NEW-MEMORY-SIZE")
	if !ok {
		size = vm.min
	}
	if cond := sizeCondition(vm.su.arch, size); cond != "" {
		return m.badSize(c, vm, size, cond)
	}
	if size < vm.min {
		return m.badSize(c, vm, size, ">= "+itoa(vm.min))
	}
	if size > vm.size {
		return m.badSize(c, vm, size, "<= "+itoa(vm.size))
	}
	if size == vm.size {
		return m.refuse(c, noActionRequired)
	}
	return m.startReconfiguration(c, vm, false, size, vm.min)
}

// startReconfiguration accepts a reconfiguration: the MONJV shows $R,
// an extension reserves its memory at once, and the first step is
// scheduled.
func (m *Model) startReconfiguration(c *call, vm *VM, extend bool, size, newMin int) handler.Result {
	j, res := m.startMonitorJV(c, c.req.Name+" "+vm.name, reconfigurationLayout, vm)
	if res != nil {
		return *res
	}
	r := &reconfiguration{vm: vm, extend: extend, old: vm.size, planned: size, reached: vm.size, newMin: newMin, monJV: j}
	if at, ok := m.faults.extendStops[vm.name]; ok && extend && vm.su.arch == archX86 && at < size {
		r.stopAt = at
	}
	if extend {
		vm.su.resize(size - vm.size) // occupied() becomes planned
	}
	vm.reconfig = r
	m.touched(Touch{Kind: TouchReconfiguration, VM: vm.name, SU: vm.su.name, Arch: vm.su.arch.String(), Extend: extend,
		From: vm.size, To: size, MonJV: monJVName(j)})
	m.writeMonitorJV(j, reconfigurationStatus.running, reconfigurationSizes(vm))
	if extend {
		m.scheduleVM2000Step(r)
	} else {
		m.scheduleGuestStep(r)
	}
	return handler.Done(line(msgReconfigAccepted, vm.inserts()[0], vm.name, itoa(vm.size), itoa(size)))
}

// reconfigurationSizes are the MONJV size fields.
func reconfigurationSizes(vm *VM) map[string]string {
	used := 0
	if vm.state == StateRunning && vm.guest == GuestReady {
		used = vm.size
	}
	return map[string]string{
		"size5": itoa(vm.size), "min5": itoa(vm.min), "used5": itoa(used),
		"size": itoa(vm.size), "min": itoa(vm.min), "used": itoa(used),
	}
}

// rateDuration is how long moving mb MB takes at rate MB per second.
func rateDuration(mb, rate int) time.Duration {
	if mb < 0 {
		mb = -mb
	}
	if rate <= 0 {
		return 0
	}
	return time.Duration(int64(mb) * int64(time.Second) / int64(rate))
}

// scheduleVM2000Step schedules VM2000's (on x86 the firmware's) part:
// one step on /390, steps of X86Step MB on x86.
func (m *Model) scheduleVM2000Step(r *reconfiguration) {
	t := m.timing.Reconfiguration
	delta := r.planned - r.reached
	if !r.extend {
		delta = r.old - r.planned
	}
	if r.extend && r.vm.su.arch == archX86 && delta > t.X86Step {
		delta = t.X86Step
	}
	wait := rateDuration(delta, t.Rate)
	if r.reached == r.old {
		wait += t.Base
	}
	r.next = m.schedule(wait, "VM2000 memory "+r.vm.name, func() { m.vm2000Step(r, delta) })
}

func (m *Model) vm2000Step(r *reconfiguration, delta int) {
	r.next = nil
	if !r.extend {
		m.finishReconfiguration(r)
		return
	}
	r.reached += delta
	if r.stopAt > 0 && r.reached >= r.stopAt {
		granule := memoryRules[r.vm.su.arch].granule
		r.reached = r.stopAt - r.stopAt%granule
		if r.reached < r.old {
			r.reached = r.old
		}
		m.abortReconfiguration(r.vm, "*PARTIAL", false)
		return
	}
	if r.reached < r.planned {
		m.scheduleVM2000Step(r)
		return
	}
	m.scheduleGuestStep(r)
}

// scheduleGuestStep schedules the running guest's part; an inactive
// guest has none.
func (m *Model) scheduleGuestStep(r *reconfiguration) {
	vm := r.vm
	if vm.state != StateRunning {
		if r.extend {
			m.finishReconfiguration(r)
		} else {
			m.scheduleVM2000Step(r)
		}
		return
	}
	wait := rateDuration(r.planned-r.old, m.timing.Reconfiguration.GuestRate)
	if !r.extend {
		wait += m.timing.Reconfiguration.Base
	}
	r.next = m.schedule(wait, "guest memory "+vm.name, func() {
		r.next = nil
		if r.extend {
			m.finishReconfiguration(r)
		} else {
			m.scheduleVM2000Step(r)
		}
	})
}

// finishReconfiguration completes it: new sizes, noted in the VM
// definition (the VM's own record), VMS4094 to the administrators, $T.
func (m *Model) finishReconfiguration(r *reconfiguration) {
	vm := r.vm
	if !r.extend {
		vm.su.resize(r.planned - r.old)
	}
	vm.size, vm.min = r.planned, r.newMin
	vm.reconfig = nil
	m.consoleLine(vm.su, msgReconfigDone, vm.inserts()[0], vm.name, itoa(vm.size))
	m.writeMonitorJV(r.monJV, reconfigurationStatus.done, reconfigurationSizes(vm))
	m.endMonitorJV(r.monJV)
}

// abortReconfiguration ends a running reconfiguration early, caused by
// a command (its name) or a fault. An extension keeps the memory already
// assigned, all of it when the guest is restarted (START-VM uses the new
// size, V:EXT); a reduction keeps the old size (V:RED). VMS4095, $A.
func (m *Model) abortReconfiguration(vm *VM, cause string, restart bool) {
	r := vm.reconfig
	if r == nil {
		return
	}
	m.clk.Cancel(r.next)
	if r.extend {
		if restart {
			r.reached = r.planned
		}
		vm.su.resize(r.reached - r.planned)
		vm.size = r.reached
		if r.newMin <= vm.size {
			vm.min = r.newMin
		}
	}
	vm.reconfig = nil
	m.consoleLine(vm.su, msgReconfigFailed, vm.inserts()[0], vm.name, itoa(vm.size), cause)
	m.writeMonitorJV(r.monJV, reconfigurationStatus.aborted, reconfigurationSizes(vm))
	m.endMonitorJV(r.monJV)
}
