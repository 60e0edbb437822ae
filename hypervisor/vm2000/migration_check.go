package vm2000

import (
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
)

// The synchronous part of a live migration: CHECK-VM-MIGRATION, and the
// check MIGRATE-VM runs first. V:CHK, V:PRE, V:PHA, V:DEVM, V:WPREJ,
// S seed 000.

// Reasons a target server unit gives for refusing a VM; each is printed
// as "VMS2404 ... REASON: key[,device]".
const (
	reasonDeviceTaken   = "VMS2437" // S seed 000: device exclusively assigned to another VM
	reasonDeviceMissing = "VMS4034" // I: seen as "VMS4034,9920" (V:CHK); taken as "device not generated"
	reasonVMExists      = "VMS4011" // I: seen as a bare reason (V:CHK); taken as "index or name in use"
	reasonMemory        = "VMS4504" // I: the general "memory bottleneck" code (V:RC)
	reasonGuests        = "VMS4016" // I: too many guests running on the target
)

// migrationCheck is the result of checking a migration.
type migrationCheck struct {
	problems []msg.Message // message lines, one per violated prerequisite
	warnings []msg.Message // VMS2471 lines, one per device to be detached
	detach   []string      // devices detached on the source during the migration
}

func (mc *migrationCheck) ok() bool { return len(mc.problems) == 0 }

// targetSU resolves SERVER-UNIT-NAME: *UNIQUE is the other server unit
// of the cluster when there is exactly one. The result is the refusal
// when the name does not lead to a partner in the cluster; a failed
// unit is none (I: a failed unit is not detected, so it is unknown).
func (m *Model) targetSU(c *call) (*serverUnit, *handler.Result) { return m.clusterPartner(c, false) }

// clusterPartner resolves SERVER-UNIT-NAME to another unit of the task's
// SU cluster (*UNIQUE: the only other one); a failed unit counts only
// when failedToo.
func (m *Model) clusterPartner(c *call, failedToo bool) (*serverUnit, *handler.Result) {
	refuse := func(id outcomeID, inserts ...string) (*serverUnit, *handler.Result) {
		r := m.refuse(c, id, inserts...)
		return nil, &r
	}
	var name string
	c.args.Unpack("SERVER-UNIT-NAME", &name)
	if name == "" || name == "*UNIQUE" {
		partners := c.su.partners()
		if len(partners) != 1 {
			return refuse(suNotUnique, c.su.name)
		}
		if partners[0].failed && !failedToo {
			return refuse(suUnknown, partners[0].name)
		}
		return partners[0], nil
	}
	other := m.byName[name]
	switch {
	case other == nil || other.failed && !failedToo:
		return refuse(suUnknown, name)
	case other == c.su:
		return refuse(suIsLocal, name)
	case other.cluster == nil || other.cluster != c.su.cluster:
		return refuse(suNotInCluster, name, c.su.name)
	}
	return other, nil
}

// checkMigration checks every prerequisite of migrating vm to target and
// renders the findings in the task's language.
func (m *Model) checkMigration(c *call, vm *VM, target *serverUnit) *migrationCheck {
	mc := &migrationCheck{}
	cmd := "/" + c.req.Name
	problem := func(id outcomeID, inserts ...string) {
		mc.problems = append(mc.problems, line(outcomes()[id].Msg, inserts...))
	}
	// source side
	if vm.isMonitor() {
		// V:RESTR: the monitor VM cannot be migrated, so no target is
		// asked: its checks would only add VMS4011 for the index 1 every
		// unit's monitor has.
		problem(monitorVM, cmd)
		return mc
	}
	rule := stateRules()[ruleMigrate]
	switch {
	case !rule.allowed.has(vm.state):
		problem(wrongState, append(vm.inserts(), vm.displayState(), cmd)...)
	}
	if vm.reconfig != nil {
		problem(reconfigRunning, append(vm.inserts(), cmd)...)
	}
	if !vm.su.cluster.active {
		problem(clusterInactive, vm.su.cluster.name)
	}
	// target side
	refused := func(reason string) {
		mc.problems = append(mc.problems, line(msgMigrationRefused, vm.inserts()[0], vm.name, target.name, reason))
	}
	if target.vms[vm.index] != nil || target.nameTaken(vm.name) {
		refused(reasonVMExists)
	}
	if _, fits := target.place(vm.occupied(), nil); !fits {
		refused(reasonMemory)
	}
	if (vm.state == StateRunning || vm.state == StateInHold) && target.running >= m.inst.Limits.MaxRunningGuests {
		refused(reasonGuests)
	}
	for _, mn := range vm.sortedDevices() {
		kind := deviceKinds[vm.su.devices[mn].kind]
		if kind.detachAtMigration {
			mc.detach = append(mc.detach, mn)
			mc.warnings = append(mc.warnings, line(msgDeviceDetached, mn, vm.inserts()[0], vm.name))
			continue
		}
		d := target.devices[mn]
		switch {
		case d == nil:
			refused(reasonDeviceMissing + "," + mn)
		case d.conflict(vm.devices[mn]) != nil:
			refused(reasonDeviceTaken + "," + mn)
		}
	}
	return mc
}

// migrationSubject resolves the VM and the target of CHECK-VM-MIGRATION
// and MIGRATE-VM; VMS3042 when the VM is migrating already.
func (m *Model) migrationSubject(c *call) (*VM, *serverUnit, *handler.Result) {
	vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
	if res != nil {
		return nil, nil, res
	}
	target, res := m.targetSU(c)
	if res != nil {
		return nil, nil, res
	}
	if vm.migration != nil || vm.incoming != nil {
		r := m.refuse(c, vmMigrating, append(vm.inserts(), "/"+c.req.Name)...)
		return nil, nil, &r
	}
	return vm, target, nil
}

// checkMigrationCommand: CHECK-VM-MIGRATION. "Not possible" is a
// warning (SC2=2, SC1=0), not an error. V:CHK
func (m *Model) checkMigrationCommand(c *call) handler.Result {
	vm, target, res := m.migrationSubject(c)
	if res != nil {
		return *res
	}
	mc := m.checkMigration(c, vm, target)
	lines := append(mc.problems, mc.warnings...)
	if !mc.ok() {
		return m.finish(c, migrationNotPossible, lines, vm.inserts()[0], vm.name, target.name)
	}
	return handler.Done(append(lines, line(msgMigrationPossible, vm.inserts()[0], vm.name, target.name))...)
}
