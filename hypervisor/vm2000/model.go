package vm2000

import (
	"cmp"
	"errors"
	"fmt"
	"strings"
	"time"

	"sdfp/hypervisor/bs2000/console"
	"sdfp/hypervisor/bs2000/jv"
	"sdfp/hypervisor/clock"
	"sdfp/hypervisor/msg"
)

// Model is the embedded VM2000 of one run: the server units of an
// installation with their VMs, the administration dialogs of the tasks,
// and the asynchronous operations scheduled on the run's virtual clock.
// Two Models share nothing; a Model is not safe for concurrent use (a
// run's tasks and its clock execute one at a time).
type Model struct {
	inst    *Installation
	timing  Timing
	clk     *clock.Clock
	jvs     *jv.Store
	con     *console.Console
	units   []*serverUnit
	byName  map[string]*serverUnit
	local   *serverUnit
	dialogs map[string]*dialog // by task ID
	faults  faults
	// taskSU is the server unit of each task that does not run on local
	// (routing.go).
	taskSU map[string]*serverUnit
	// handling is set while a command runs; held are the VM2000
	// messages it caused, sent when its output is out (routing.go).
	handling bool
	held     []routedLine
	// files is the monitor system's home pubset (configuration.go).
	files FileStore
	// observer receives the asynchronous operations accepted (observe.go).
	observer func(Touch)
	// changed is set by what may change the model's state: a VM2000
	// command handled, work scheduled on the clock that ran (Changed).
	changed bool
}

// faults are the injected faults that act at run time, by VM name.
type faults struct {
	migrationAbort  map[string]MigrationAbortFault
	extendStops     map[string]int
	guestNeverReady map[string]bool
}

// New builds a model of the installation. clk, jvs, con and msgs are the
// run's virtual clock, job-variable store, console and message catalog;
// jvs may be nil when no procedure uses MONJVs.
func New(inst *Installation, clk *clock.Clock, jvs *jv.Store, con *console.Console) (*Model, error) {
	if inst == nil || len(inst.ServerUnits) == 0 {
		return nil, errors.New("hypervisor: the installation has no server units")
	}
	if clk == nil || con == nil {
		return nil, errors.New("hypervisor: New needs a clock and a console")
	}
	m := &Model{inst: inst, timing: inst.Timing.withDefaults(), clk: clk, jvs: jvs, con: con,
		byName: map[string]*serverUnit{}, dialogs: map[string]*dialog{}, taskSU: map[string]*serverUnit{},
		faults: faults{migrationAbort: map[string]MigrationAbortFault{}, extendStops: map[string]int{}, guestNeverReady: map[string]bool{}},
	}
	for i := range inst.ServerUnits {
		su, err := buildServerUnit(&inst.ServerUnits[i])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", inst.File, err)
		}
		m.units = append(m.units, su)
		m.byName[su.name] = su
	}
	for _, cs := range inst.Clusters {
		cl := &suCluster{name: cs.Name, active: cs.Active == nil || *cs.Active}
		for _, name := range cs.Units {
			if su := m.byName[name]; su != nil {
				su.cluster = cl
				cl.units = append(cl.units, su)
			}
		}
	}
	if err := m.applyFaults(); err != nil {
		return nil, fmt.Errorf("%s: %w", inst.File, err)
	}
	m.startGuests()
	m.local = m.byName[inst.LocalSU]
	if m.local == nil {
		m.local = m.units[0]
	}
	return m, nil
}

// SetLocalSU makes the named server unit the one whose monitor system the
// procedures run in. Dialogs already open stay with their server unit.
func (m *Model) SetLocalSU(name string) error {
	su := m.byName[strings.ToUpper(name)]
	if su == nil {
		return fmt.Errorf("hypervisor: no server unit %q in %s (it has %s)", name, m.inst.Source(), strings.Join(m.unitNames(), ", "))
	}
	if su.failed {
		return fmt.Errorf("hypervisor: server unit %s has failed (state: failed in %s)", su.name, m.inst.Source())
	}
	m.local = su
	return nil
}

// Changed reports whether anything may have changed the model since New:
// a VM2000 command it handled (a SHOW- command too), or work it scheduled
// on the clock that ran (a guest's SYSTEM READY, a migration's phase). A
// model nothing changed is in the state New built, whose snapshot
// DefaultState holds for the default installation: saving the world of a
// run that left the VM2000 alone needs no Snapshot. Choosing the local
// server unit, routing tasks and ending them change nothing a snapshot
// holds.
func (m *Model) Changed() bool { return m.changed }

// schedule is the clock's Schedule for the model's own work, which
// counts as a change when it runs.
func (m *Model) schedule(d time.Duration, name string, fn func()) *clock.Event {
	return m.clk.Schedule(d, name, func() {
		m.changed = true
		fn()
	})
}

// LocalSU returns the name of the server unit the procedures run on.
func (m *Model) LocalSU() string { return m.local.name }

func buildServerUnit(spec *ServerUnitSpec) (*serverUnit, error) {
	arch, _ := parseArch(spec.Type)
	su := &serverUnit{name: spec.Name, arch: arch, memory: spec.Memory, hypervisor: spec.Hypervisor,
		homePubset: spec.HomePubset, session: spec.Session, failed: spec.State == suFailed,
		newDevicesAssignByGuest: spec.NewDevicesAssignByGuest,
		pools:                   map[string]bool{stdPool: true}, groups: map[string]*vmGroup{},
		devices: map[string]*device{}, vms: map[int]*VM{}, byName: map[string]*VM{}, definitions: map[string]*definition{},
		used: spec.Hypervisor,
	}
	for _, p := range spec.CPUPools {
		su.pools[strings.ToUpper(p)] = true
	}
	su.cpus = buildCPUs(spec.CPUs)
	for _, g := range spec.VMGroups {
		su.groups[g.Name] = &vmGroup{name: g.Name, quota: g.CPUQuota, maxCPU: g.MaxCPU, pool: g.CPUPool}
	}
	for _, d := range spec.Devices {
		su.devices[d.MN] = &device{mn: d.MN, kind: d.Kind, assignByGuest: d.AssignByGuest}
	}
	su.assignmentSets = buildAssignmentSets(spec.AssignmentSets)
	su.pubsets = buildPubsets(spec.Pubsets)
	mon := spec.Monitor
	monitor := &VM{index: 1, name: mon.Name, state: StateRunning, guest: GuestReady, size: mon.Memory, min: mon.MinMemory,
		max: mon.MaxMemory, location: spec.Hypervisor, processors: mon.Processors, cpuQuota: cmp.Or(mon.CPUQuota, monitorCPUQuota),
		maxCPU: mon.MaxCPU, maxIO: cmp.Or(mon.MaxIO, 100), pool: cmp.Or(mon.CPUPool, stdPool), group: mon.VMGroup, password: mon.Password,
		devices: map[string]usage{}, pubsets: map[string]bool{}}
	su.assignDevices(monitor, mon.Devices)
	su.addVM(monitor)
	// VMs with an explicit location first, so the others fill the gaps.
	var later []*VM
	for _, vs := range spec.VMs {
		st, waits, _ := parseShownState(vs.State)
		for _, name := range vs.MoreWaitStates {
			w, _ := parseWaitState(name)
			waits |= w
		}
		vm := &VM{index: vs.Index, name: vs.Name, state: st, waits: waits, guest: defaultGuest(st), size: vs.Memory, min: vs.MinMemory,
			max: vs.MaxMemory, processors: vs.Processors, cpuQuota: vs.CPUQuota, maxCPU: vs.MaxCPU, maxIO: vs.MaxIO, pool: vs.CPUPool,
			group: vs.VMGroup, persistent: vs.Persistent, ha: vs.HA, password: vs.Password, load: vs.Load, monJV: vs.MonJV,
			devices: map[string]usage{}, pubsets: map[string]bool{}}
		for _, catid := range vs.Pubsets {
			vm.pubsets[catid] = true
		}
		if g, ok := parseGuestState(vs.Guest); ok {
			vm.guest = g
		}
		su.assignDevices(vm, vs.Devices)
		if vs.Location != nil {
			vm.location = *vs.Location
			su.addVM(vm)
		} else {
			later = append(later, vm)
		}
	}
	if err := su.placeAll(later); err != nil {
		return nil, err
	}
	for _, ds := range spec.Definitions {
		su.definitions[ds.Name] = &definition{name: ds.Name, index: ds.Index, size: ds.Memory, min: ds.MinMemory, max: ds.MaxMemory,
			processors: ds.Processors, maxIO: ds.MaxIO, pool: ds.CPUPool, ha: ds.HA, password: ds.Password, devices: append([]string(nil), ds.Devices...)}
	}
	return su, nil
}

// assignDevices gives a VM the devices an installation file assigns it.
func (su *serverUnit) assignDevices(vm *VM, devs []VMDeviceSpec) {
	for _, d := range devs {
		u := usageExclusive
		if d.Usage == usageShared.String() {
			u = usageShared
		}
		vm.devices[d.MN] = u
		su.devices[d.MN].assigned = append(su.devices[d.MN].assigned, assignment{vm, u})
	}
}

// startGuests lets the guests an installation file gives in START reach
// SYSTEM READY, the guest-start time from now [I: how far the start had
// got is not kept].
func (m *Model) startGuests() {
	for _, su := range m.units {
		for _, vm := range su.sortedVMs() {
			if vm.state == StateRunning && vm.guest == GuestStart {
				m.scheduleSystemReady(vm)
			}
		}
	}
}

func (m *Model) applyFaults() error {
	for _, f := range m.inst.Faults {
		switch {
		case f.DeviceTaken != nil:
			su := m.byName[f.DeviceTaken.SU]
			vm := su.lookupVM(f.DeviceTaken.VM)
			d := su.devices[f.DeviceTaken.Device]
			if vm == nil || d == nil {
				return fmt.Errorf("fault device-taken: no VM %s or device %s on %s", f.DeviceTaken.VM, f.DeviceTaken.Device, su.name)
			}
			vm.devices[d.mn] = usageExclusive
			d.assigned = append(d.assigned, assignment{vm, usageExclusive})
		case f.MemoryShort != nil:
			su := m.byName[f.MemoryShort.SU]
			su.reserveForeign(su.freeMemory() - f.MemoryShort.Free)
		case f.MigrationAbort != nil:
			m.faults.migrationAbort[f.MigrationAbort.VM] = *f.MigrationAbort
		case f.ExtendStops != nil:
			m.faults.extendStops[f.ExtendStops.VM] = f.ExtendStops.At
		case f.GuestNeverReady != nil:
			m.faults.guestNeverReady[f.GuestNeverReady.VM] = true
		}
	}
	return nil
}

// lookupVM finds a VM by index (decimal text) or name.
func (su *serverUnit) lookupVM(id string) *VM {
	if vm := su.byName[id]; vm != nil {
		return vm
	}
	n := 0
	for _, ch := range id {
		if ch < '0' || ch > '9' || n > 1000000 {
			return nil
		}
		n = n*10 + int(ch-'0')
	}
	return su.vms[n]
}

// consoleLine writes a message to the console of a server unit's monitor
// system and to its VM2000 administrators (routing.go).
func (m *Model) consoleLine(su *serverUnit, key string, inserts ...string) {
	m.route(routedLine{source: su.name, su: su, m: msg.FromStrings(key, inserts...)})
}

// guestConsoleLine writes a message to the console of a guest system.
func (m *Model) guestConsoleLine(vm *VM, key string, inserts ...string) {
	m.route(routedLine{source: vm.name, m: msg.FromStrings(key, inserts...)})
}
