package vm2000

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"

	"sdfp/hypervisor/clock"
	"sdfp/lexer/ebcdic"
)

// serverUnit is one server unit at run time: its monitor VM, guest VMs,
// definitions of uninitialised VMs and devices.
type serverUnit struct {
	name       string
	arch       architecture
	memory     int // MB available to VM2000
	hypervisor int // MB at the start of memory (/390)
	homePubset string
	session    int
	cluster    *suCluster
	pools      map[string]bool
	cpus       []*realCPU // by ID; none when the installation declares none (cpus.go)
	groups     map[string]*vmGroup
	devices    map[string]*device
	vms        map[int]*VM // by index; the monitor VM is index 1
	byName     map[string]*VM
	// definitions are the persistent definitions of VMs that are not
	// initialised (DEFINED_ONLY); initialised VMs carry their own.
	definitions map[string]*definition
	// assignmentSets: *STDSET first, then by name (assignment_sets.go).
	assignmentSets []*assignmentSet
	pubsets        []*pubset // as declared (pubsets.go)
	// newDevicesAssignByGuest is ASSIGN-BY-GUEST for devices a dynamic
	// I/O change adds (MODIFY-VM-DEVICE-ATTRIBUTES UNITS=*NEW-DEVICES).
	newDevicesAssignByGuest bool
	// failed: the unit has failed in its SU cluster (recover.go).
	failed bool
	// used is the memory taken by the hypervisor and all VMs (x86 free
	// memory is memory-used-foreign); kept up to date on every change so
	// that no command has to add up all VMs.
	used int
	// foreign is memory taken by systems outside the model (fault
	// memory-short); on /390 it lies in foreignAreas.
	foreign      int
	foreignAreas []area
	running      int // guest systems running or held, the monitor's not counted
}

// suCluster is an SU cluster.
type suCluster struct {
	name   string
	units  []*serverUnit
	active bool
}

// partners returns the other server units of the cluster.
func (su *serverUnit) partners() []*serverUnit {
	if su.cluster == nil {
		return nil
	}
	var out []*serverUnit
	for _, u := range su.cluster.units {
		if u != su {
			out = append(out, u)
		}
	}
	return out
}

// device is a device generated on a server unit and its assignments.
type device struct {
	mn       string
	kind     string
	assigned []assignment
	// assignByGuest: a guest may assign the device implicitly (V:
	// MODIFY-VM-DEVICE-ATTRIBUTES ...-228, default *NO).
	assignByGuest bool
}

type assignment struct {
	vm    *VM
	usage usage
}

// usage is how a device is assigned to a VM.
type usage int

const (
	usageExclusive usage = iota
	usageShared
)

func (u usage) String() string {
	if u == usageShared {
		return "SHARED"
	}
	return "EXCLUSIVE"
}

// conflict returns a VM whose assignment keeps the device from being
// assigned with usage u: one holding it exclusively, or for an exclusive
// assignment any VM holding it.
func (d *device) conflict(u usage) *VM {
	for _, a := range d.assigned {
		if a.usage == usageExclusive || u == usageExclusive {
			return a.vm
		}
	}
	return nil
}

func (d *device) unassign(vm *VM) {
	for i, a := range d.assigned {
		if a.vm == vm {
			d.assigned = append(d.assigned[:i], d.assigned[i+1:]...)
			return
		}
	}
}

// VM is an initialised virtual machine (or, with incoming set, the VM
// being set up on the target of a live migration).
type VM struct {
	su         *serverUnit
	index      int
	name       string
	state      VMState
	guest      GuestState
	size       int // MB
	min        int // MB, 0: not set (*UNDEF)
	max        int // MB, 0: not set (/390)
	location   int // /390 start address in MB
	processors int
	cpuQuota   float64
	maxCPU     float64 // maximum CPU utilisation in percent, 0: 100
	maxIO      int
	pool       string
	group      string
	persistent bool
	ha         bool
	password   string
	load       float64
	devices    map[string]usage // explicitly assigned devices
	pubsets    map[string]bool  // catalog IDs of pubsets assigned as a whole (pubsets.go)
	monJV      string           // VM monitoring JV (CREATE-VM MONJV=)
	waits      waitSet          // the wait states of a VM IN HOLD (holds.go)

	migration *migration       // running live migration, on the source
	incoming  *migration       // running live migration, on the target
	reconfig  *reconfiguration // running memory reconfiguration
	ready     *clock.Event     // pending SYSTEM READY of the guest
}

func (vm *VM) isMonitor() bool { return vm.index == 1 }

// maxCPUUtilization is the VM's maximum CPU utilisation in percent.
func (vm *VM) maxCPUUtilization() float64 {
	if vm.maxCPU == 0 {
		return 100
	}
	return vm.maxCPU
}

// inserts are the message inserts (index, name) of the VM.
func (vm *VM) inserts() []string { return []string{strconv.Itoa(vm.index), vm.name} }

// occupied is the memory the VM takes now: a running extension has
// reserved its new size already, a reduction frees memory only when done.
func (vm *VM) occupied() int {
	if vm.reconfig != nil && vm.reconfig.extend {
		return vm.reconfig.planned
	}
	return vm.size
}

// displayState is the state as SHOW commands print it. V:PHA
func (vm *VM) displayState() string {
	switch {
	case vm.incoming != nil:
		return setupState
	case vm.migration != nil:
		return vm.state.String() + migratingSuffix
	case vm.state == StateInHold:
		return vm.waitState()
	}
	return vm.state.String()
}

// sortedDevices returns the VM's devices in the order VM2000 lists them.
func (vm *VM) sortedDevices() []string {
	return slices.SortedFunc(maps.Keys(vm.devices), compareDevices)
}

// compareDevices orders mnemonic device names as VM2000's device lists
// do: the two-character names first, then the four-character ones, each
// ascending in the collating order, EBCDIC, where letters come before
// digits (V10:542 "Ausgabeformat für INFORMATION = *UNITS"; the V12
// pages name the same two name classes, V:ADDDEV).
func compareDevices(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return ebcdic.Compare(a, b)
}

// definition is a persistent VM definition of an uninitialised VM.
type definition struct {
	name       string
	index      int // 0: *ANY
	size, min  int
	max        int
	processors int
	maxIO      int
	pool       string
	ha         bool
	password   string // BEGIN-VM-DIALOG password of the VM once activated
	devices    []string
}

// sortedVMs returns the VMs of a server unit by index.
func (su *serverUnit) sortedVMs() []*VM {
	out := make([]*VM, 0, len(su.vms))
	for _, vm := range su.vms {
		out = append(out, vm)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].index < out[j].index })
	return out
}

// addVM enters a VM into the tables of its server unit and accounts for
// its memory.
func (su *serverUnit) addVM(vm *VM) {
	vm.su = su
	su.vms[vm.index] = vm
	su.byName[vm.name] = vm
	su.used += vm.occupied()
	if !vm.isMonitor() && (vm.state == StateRunning || vm.state == StateInHold) {
		su.running++
	}
}

// removeVM takes a VM out of its server unit, freeing memory and devices.
func (su *serverUnit) removeVM(vm *VM) {
	delete(su.vms, vm.index)
	delete(su.byName, vm.name)
	su.used -= vm.occupied()
	if vm.state == StateRunning || vm.state == StateInHold {
		su.running--
	}
	for mn := range vm.devices {
		if d := su.devices[mn]; d != nil {
			d.unassign(vm)
		}
	}
}

// setState changes a VM's state, keeping the running-guest count.
func (su *serverUnit) setState(vm *VM, st VMState) {
	active := func(s VMState) bool { return s == StateRunning || s == StateInHold }
	if active(vm.state) && !active(st) {
		su.running--
	}
	if !active(vm.state) && active(st) {
		su.running++
	}
	vm.state = st
}

// resize changes how much memory a VM occupies, by delta MB.
func (su *serverUnit) resize(delta int) { su.used += delta }

// freeIndex returns the lowest free VM index, 0 if none.
func (su *serverUnit) freeIndex(maxIndex int) int {
	for i := 2; i <= maxIndex; i++ {
		if su.vms[i] == nil {
			return i
		}
	}
	return 0
}

// nameTaken reports whether a VM or VM definition of that name exists.
func (su *serverUnit) nameTaken(name string) bool {
	return su.byName[name] != nil || su.definitions[name] != nil
}

func (su *serverUnit) String() string { return fmt.Sprintf("%s(%s)", su.name, su.arch) }
