package vm2000

import (
	"slices"

	"sdfp/interp/handler"
)

// A server unit that has failed in its SU cluster, and what can be had
// from it: RECOVER-VM-DEFINITION transfers a VM definition from a remote
// server unit of the local unit's SU cluster to the local unit; the
// remote unit must not run, which the caller has to make sure of (V,
// 'RECOVER-VM-DEFINITION (Recover a VM definition)' ...-233). The
// installation marks such a unit `state: failed`: no procedure runs in
// its monitor system, no VM migrates there (VMS2400, I), and its VMs and
// definitions stay as they were when it failed.
//
// What a failed unit still has (I, from 'Working with VM definitions'
// ...-90: definitions are kept on a system disk, a persistent one
// survives a reboot): the persistent definitions of its uninitialised
// VMs and those of its persistent VMs. A non-persistent VM's definition
// is not kept, so it is VMS2300 as an unknown name. The definition
// leaves the failed unit (the page: "transferred"), and arrives as the
// definition of an uninitialised VM (ACT NO), which ACTIVATE-VM-
// DEFINITION initialises.

const suFailed = "failed"

// recoverDefinition: RECOVER-VM-DEFINITION. Its return codes are the
// page's (V): VMS2347 when the local unit is in no SU cluster, VMS2341
// when *UNIQUE finds not exactly one other unit, VMS2400 for a unit the
// installation lacks, VMS2342 for the local unit, VMS2343 for a unit of
// another cluster, VMS2344 for a unit that runs, VMS2300 for a name the
// remote unit has no definition of, VMS4013 for a name the local unit
// already has, VMS2346 for one a third unit of the cluster has (I: the
// page's "VM definition is not unique in the SU cluster"); success is
// VMS2340.
func (m *Model) recoverDefinition(c *call) handler.Result {
	var name string
	c.args.Unpack("VM-NAME", &name)
	remote, res := m.remoteSU(c)
	if res != nil {
		return *res
	}
	if !remote.failed {
		return m.refuse(c, suRunning, remote.name)
	}
	def := remote.keptDefinition(name)
	if def == nil {
		return m.refuse(c, definitionUnknown, name)
	}
	if c.su.nameTaken(name) {
		return m.refuse(c, vmNameTaken, name)
	}
	for _, other := range c.su.partners() {
		if other != remote && other.nameTaken(name) {
			return m.refuse(c, definitionNotUnique, name, other.name)
		}
	}
	if vm := remote.byName[name]; vm != nil {
		remote.removeVM(vm)
	}
	delete(remote.definitions, name)
	c.su.definitions[name] = def
	m.consoleLine(c.su, msgDefRecovered, name, remote.name)
	return handler.Done(line(msgDefRecovered, name, remote.name))
}

// remoteSU resolves RECOVER-VM-DEFINITION's SERVER-UNIT-NAME: *UNIQUE is
// the other unit of a cluster of two (V ...-233).
func (m *Model) remoteSU(c *call) (*serverUnit, *handler.Result) {
	if c.su.cluster == nil {
		r := m.refuse(c, noCluster, c.su.name)
		return nil, &r
	}
	return m.clusterPartner(c, true)
}

// keptDefinition is the persistent definition of that name a failed
// unit kept: an uninitialised VM's, or a persistent VM's taken from the
// VM as it stood (its devices those the VM held, I).
func (su *serverUnit) keptDefinition(name string) *definition {
	if d := su.definitions[name]; d != nil {
		return d
	}
	vm := su.byName[name]
	if vm == nil || !vm.persistent || vm.isMonitor() {
		return nil
	}
	return &definition{name: vm.name, index: vm.index, size: vm.size, min: vm.min, max: vm.max, processors: vm.processors,
		maxIO: vm.maxIO, pool: vm.pool, ha: vm.ha, password: vm.password, devices: slices.Clone(vm.sortedDevices())}
}
