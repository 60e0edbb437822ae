package vm2000

import (
	"time"

	"sdfp/hypervisor/clock"
	"sdfp/interp/handler"
)

// The asynchronous part of a live migration, as events on the virtual
// clock: setup on the target, memory transfer, then the switch (the VM
// is suspended on the source, resumed on the target, deleted on the
// source). Any phase can be aborted; everything is undone and the VM
// goes on running on the source. V:PHA, V:WPREJ, V:WP390, S seed 001.

// MigrationPhase is how far a live migration has got.
type MigrationPhase int

const (
	PhaseAccepted MigrationPhase = iota // checked and accepted; MONJV $S
	PhaseSetup                          // VM set up on the target (SETUP(MIGR)); MONJV $R
	PhaseTransfer                       // memory transferred, VM suspended on the source
	PhaseSwitch                         // VM resumed on the target, deleted on the source
)

var phaseNames = [...]string{"accepted", "setup", "transfer", "switch"}

func (p MigrationPhase) String() string {
	if p < 0 || int(p) >= len(phaseNames) {
		return "?"
	}
	return phaseNames[p]
}

// parsePhase reads a phase at which a fault can abort a migration.
func parsePhase(s string) (MigrationPhase, bool) {
	for i, n := range phaseNames[1:] {
		if n == s {
			return MigrationPhase(i + 1), true
		}
	}
	return PhaseAccepted, false
}

// migration is a live migration in progress.
type migration struct {
	vm       *VM // on the source
	source   *serverUnit
	target   *serverUnit
	targetVM *VM // SETUP(MIGR) on the target, from PhaseSetup on
	phase    MigrationPhase
	detach   []string         // devices detached on the source for the migration
	detached map[string]usage // ... and how they were assigned
	monJV    *monitorJV
	next     *clock.Event
	abortAt  MigrationPhase // fault migration-abort; PhaseAccepted: none
	reason   string         // reason key of a fault abort
}

// defaultAbortReason is the reason reported for an abort injected
// without one. I
const defaultAbortReason = "VMS2454"

// migrateVM: MIGRATE-VM. The check runs first; if it finds a violation
// the command is rejected (MONJV $AF), otherwise the asynchronous
// execution starts and the command returns. V:MIG, V:PHA
func (m *Model) migrateVM(c *call) handler.Result {
	vm, target, res := m.migrationSubject(c)
	if res != nil {
		return *res
	}
	mc := m.checkMigration(c, vm, target)
	j, res := m.startMonitorJV(c, "MIGRATE-VM "+vm.name, migrationLayout, vm)
	if res != nil {
		return *res
	}
	values := map[string]string{"source-su": vm.su.name, "target-su": target.name}
	if !mc.ok() {
		m.writeMonitorJV(j, migrationStatus.rejected, values)
		m.endMonitorJV(j)
		return m.finish(c, migrationRejected, append(mc.problems, mc.warnings...), vm.inserts()[0], vm.name, target.name)
	}
	mig := &migration{vm: vm, source: vm.su, target: target, detach: mc.detach, detached: map[string]usage{}, monJV: j}
	if f, ok := m.faults.migrationAbort[vm.name]; ok {
		mig.abortAt, _ = parsePhase(f.Phase)
		mig.reason = f.Reason
	}
	vm.migration = mig
	m.touched(Touch{Kind: TouchMigration, VM: vm.name, SU: vm.su.name, Arch: vm.su.arch.String(), Target: target.name,
		Devices: vm.sortedDevices(), MonJV: monJVName(j)})
	m.writeMonitorJV(j, migrationStatus.accepted, values)
	m.script(mig, migrationScripts[vm.su.arch].accepted)
	mig.next = m.schedule(m.timing.Migration.Setup, "migration setup "+vm.name, func() { m.migrationSetup(mig) })
	return handler.Done(mc.warnings...)
}

// transferTime is how long the memory transfer takes: the memory at the
// transfer rate, longer the more pages the guest keeps changing. I
func (m *Model) transferTime(vm *VM) time.Duration {
	t := m.timing.Migration
	base := rateDuration(vm.occupied(), t.TransferRate)
	load := vm.load
	if vm.state != StateRunning {
		load = 0 // an inactive guest changes no pages
	}
	return base + time.Duration(float64(base)*load*t.DirtyFactor)
}

// migrationSetup: the target sets the VM up (SETUP(MIGR)) with the
// devices that migrate; the source detaches the others.
func (m *Model) migrationSetup(mig *migration) {
	mig.next = nil
	if m.abortsNow(mig, PhaseSetup) {
		return
	}
	vm, target := mig.vm, mig.target
	switch {
	case target.vms[vm.index] != nil || target.nameTaken(vm.name):
		m.abortMigration(mig, reasonVMExists)
		return
	case !vm.su.cluster.active:
		m.abortMigration(mig, outcomes()[clusterInactive].Msg)
		return
	}
	location, fits := target.place(vm.occupied(), nil)
	if !fits {
		m.abortMigration(mig, reasonMemory)
		return
	}
	for _, mn := range vm.sortedDevices() {
		if d := target.devices[mn]; !contains(mig.detach, mn) && (d == nil || d.conflict(vm.devices[mn]) != nil) {
			m.abortMigration(mig, reasonDeviceTaken+","+mn)
			return
		}
	}
	tvm := &VM{index: vm.index, name: vm.name, state: StateInitOnly, size: vm.size, min: vm.min, max: vm.max,
		location: location, processors: vm.processors, cpuQuota: vm.cpuQuota, maxCPU: vm.maxCPU, maxIO: vm.maxIO, pool: vm.pool,
		group: vm.group, persistent: vm.persistent, ha: vm.ha, password: vm.password, load: vm.load,
		devices: map[string]usage{}, incoming: mig}
	if !target.pools[tvm.pool] {
		tvm.pool = stdPool
	}
	if target.groups[tvm.group] == nil {
		tvm.group = ""
	}
	target.addVM(tvm)
	mig.targetVM = tvm
	for _, mn := range mig.detach {
		mig.detached[mn] = vm.devices[mn]
		delete(vm.devices, mn)
		vm.su.devices[mn].unassign(vm)
	}
	for _, mn := range vm.sortedDevices() {
		u := vm.devices[mn]
		tvm.devices[mn] = u
		target.devices[mn].assigned = append(target.devices[mn].assigned, assignment{tvm, u})
	}
	for catid := range vm.pubsets {
		// the pubset goes along where the target knows it by the same
		// pubres device (I: the pages say nothing of it)
		src, p := vm.su.pubsetByCatID(catid), target.pubsetByCatID(catid)
		if src != nil && p != nil && p.pubres() == src.pubres() {
			if _, ok := tvm.devices[p.pubres()]; ok {
				tvm.setPubset(catid, true)
			}
		}
	}
	mig.phase = PhaseSetup
	m.writeMonitorJV(mig.monJV, migrationStatus.running, nil)
	m.script(mig, migrationScripts[vm.su.arch].setup)
	mig.next = m.schedule(m.transferTime(vm), "migration transfer "+vm.name, func() { m.migrationTransfer(mig) })
}

// migrationTransfer: the memory is across; the VM is suspended on the
// source for the final copy.
func (m *Model) migrationTransfer(mig *migration) {
	mig.next = nil
	if m.abortsNow(mig, PhaseTransfer) {
		return
	}
	mig.phase = PhaseTransfer
	m.script(mig, migrationScripts[mig.source.arch].suspend)
	mig.next = m.schedule(m.timing.Migration.Suspend, "migration switch "+mig.vm.name, func() { m.migrationSwitch(mig) })
}

// migrationSwitch: the VM runs on the target and is deleted on the
// source; alias devices are attached again on the target, tapes and
// emulated disks stay detached (then the MONJV says $TW). V:DEVM
func (m *Model) migrationSwitch(mig *migration) {
	mig.next = nil
	if m.abortsNow(mig, PhaseSwitch) {
		return
	}
	vm, tvm, target := mig.vm, mig.targetVM, mig.target
	mig.phase = PhaseSwitch
	tvm.incoming = nil
	target.setState(tvm, vm.state)
	tvm.guest = vm.guest
	tvm.monJV = vm.monJV
	warnings := false
	var reattached []string
	for _, mn := range mig.detach {
		d := target.devices[mn]
		if deviceKinds[vm.su.devices[mn].kind].reattachOnTarget && d != nil && d.conflict(mig.detached[mn]) == nil {
			tvm.devices[mn] = mig.detached[mn]
			d.assigned = append(d.assigned, assignment{tvm, mig.detached[mn]})
			reattached = append(reattached, mn)
			continue
		}
		warnings = true
	}
	if vm.ready != nil {
		m.stopGuest(vm)
		m.scheduleSystemReady(tvm)
	}
	m.script(mig, migrationScripts[vm.su.arch].switchOver)
	for _, mn := range reattached {
		m.consoleLine(target, msgDeviceAssigned, assignedInserts(tvm, mn)...)
	}
	vm.migration = nil
	vm.su.removeVM(vm)
	status := migrationStatus.done
	if warnings {
		status = migrationStatus.doneWarnings
	}
	m.writeMonitorJV(mig.monJV, status, nil)
	m.endMonitorJV(mig.monJV)
	m.updateVMMonitor(tvm)
}

// abortsNow aborts the migration when a fault says so for this phase.
func (m *Model) abortsNow(mig *migration, phase MigrationPhase) bool {
	if mig.abortAt != phase {
		return false
	}
	reason := mig.reason
	if reason == "" {
		reason = defaultAbortReason
	}
	m.abortMigration(mig, reason)
	return true
}

// abortMigration undoes a migration: the VM set up on the target goes,
// detached devices come back, the VM runs on on the source. V:WPREJ
func (m *Model) abortMigration(mig *migration, reason string) {
	m.clk.Cancel(mig.next)
	mig.next = nil
	vm, target := mig.vm, mig.target
	if tvm := mig.targetVM; tvm != nil {
		target.removeVM(tvm)
	}
	for _, mn := range mig.detach {
		u, ok := mig.detached[mn]
		d := vm.su.devices[mn]
		if !ok || d == nil || d.conflict(u) != nil {
			continue
		}
		vm.devices[mn] = u
		d.assigned = append(d.assigned, assignment{vm, u})
	}
	s := migrationScripts[vm.su.arch]
	if mig.targetVM != nil {
		m.script(mig, s.targetRemoved)
	}
	m.scriptWith(mig, s.aborted, reason)
	vm.migration = nil
	m.writeMonitorJV(mig.monJV, migrationStatus.aborted, map[string]string{"reason": reason})
	m.endMonitorJV(mig.monJV)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
