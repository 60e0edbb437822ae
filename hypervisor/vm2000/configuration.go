package vm2000

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
)

// Backing up and restoring the VM2000 configuration (V, VM2000 V12 user
// guide, 'Backing up and restoring the VM2000 configuration' ...-175 and
// its sections). SAVE-VM-CONFIGURATION writes the components of a
// server unit's configuration to a backup file on the monitor system's
// home pubset, which in sdfp is the run's workdir; RESTORE-VM-
// CONFIGURATION sets them up again from such a file.
//
// What is backed up (V ...-182 names what is not): the CPU pools, the VM
// groups, the devices of the unit with their assignment sets and, for
// each guest VM that is not persistent, its attributes and the devices
// assigned to it. Not backed up: persistent VMs (VMS4817: their
// definitions survive a reboot), VM definitions, MONJVs, the VMs'
// states (a restored VM is INIT-ONLY: its guest is started again by
// the administrator; AUTO-START is not modelled), the trace level,
// device assignments to a pubset (PUBRES-FOR-ASSIGNMENT). The monitor
// VM's processors, memory and password are in the file but not
// restored (V). The /390 memory location of a VM is not kept: a
// restored VM is placed anew (I).
//
// The file's content is sdfp's (I; the manual's backup file is an XML
// document, 'Structure of the contents' ...-181): the installation
// format (README, "The installation file") with one server unit that
// holds only the components backed up, so that it reads with
// LoadInstallation, errors at their line and column.

// FileStore is the monitor system's home pubset as the VM2000 reaches it:
// the run's file commands' executor (package files, wired by the
// session), which owns BS2000 file names, their completion with the
// run's user ID, the workdir files they map to and the DMS messages.
// The VM2000 does not import it (both are executors of one layer).
type FileStore interface {
	// UserID is the user ID a name without one is completed with.
	UserID() string
	// ForeignUser reports whether a file name gives another user ID.
	ForeignUser(name string) bool
	// WriteUserFile replaces the file atomically; the result is its full
	// name, or the refusal (a DMS message).
	WriteUserFile(name string, data []byte) (string, *handler.Result)
	// ReadUserFile reads at most max bytes of the file.
	ReadUserFile(name string, max int64) ([]byte, string, *handler.Result)
}

// SetFiles gives the model the files its backup commands write and read.
// Without it SAVE- and RESTORE-VM-CONFIGURATION are VMS9001.
func (m *Model) SetFiles(fs FileStore) { m.files = fs }

// defaultBackupName is the file FILE-NAME=*STD names, completed with the
// caller's user ID ('Storage location' ...-180, V); the name itself is
// sdfp's (I: the command's page is not stored).
const defaultBackupName = "SYS.VM2000.CONFIGURATION"

// privilegedUser is the user ID that may name another user ID's backup
// file (V ...-180: the TSOS privilege; the model's privilege is the ID).
const privilegedUser = "TSOS"

// maxBackupSize bounds what RESTORE-VM-CONFIGURATION reads: sdfp's limit,
// a hundred times the backup of a unit with 99 VMs and 1,000 devices.
const maxBackupSize = 4 << 20

// backupHeader is the backup file's first line (a YAML comment), for
// whoever opens the file.
const backupHeader = "# VM2000 configuration backup of server unit %s (SAVE-VM-CONFIGURATION, sdfp's format: the installation file's)\n"

// backupFileName is the FILE-NAME operand: *STD is the default name; a
// name with another user ID needs TSOS (CMD0216, the general return code
// of a missing privilege, V 'Command return codes' ...-196).
func (m *Model) backupFileName(c *call) (string, *handler.Result) {
	if m.files == nil {
		r := m.refuse(c, functionNotHere, "/"+c.req.Name)
		return "", &r
	}
	var name string
	c.args.Unpack("FILE-NAME", &name)
	if name == "" || name == "*STD" {
		name = defaultBackupName
	}
	if m.files.ForeignUser(name) && m.files.UserID() != privilegedUser {
		r := m.refuse(c, privilegeMissing)
		return "", &r
	}
	return name, nil
}

// saveConfiguration: SAVE-VM-CONFIGURATION. The prerequisites are the
// page's (V ...-176), checked at command entry, any breach a refusal
// with nothing written: a migration (VMS3042, V ...-87), a held VM
// (VMS3010 with its state, I), a RUNNING VM whose guest has not reached
// SYSTEM READY (VMS4092, I), a memory reconfiguration (VMS4090, I). The
// order of the checks is sdfp's. VMS4814 (an attached extra CPU) never
// comes: the model has no real CPUs.
func (m *Model) saveConfiguration(c *call) handler.Result {
	name, res := m.backupFileName(c)
	if res != nil {
		return *res
	}
	su := c.su
	cmd := "/" + c.req.Name
	vms := su.sortedVMs()
	for _, vm := range vms {
		if vm.migration != nil || vm.incoming != nil {
			return m.refuse(c, vmMigrating, append(vm.inserts(), cmd)...)
		}
	}
	for _, vm := range vms {
		switch {
		case vm.state == StateInHold:
			return m.refuse(c, wrongState, append(vm.inserts(), vm.displayState(), cmd)...)
		case vm.state == StateRunning && vm.guest != GuestReady:
			return m.refuse(c, notSystemReady, append(vm.inserts(), cmd)...)
		case vm.reconfig != nil:
			return m.refuse(c, reconfigRunning, append(vm.inserts(), cmd)...)
		}
	}
	var lines []msg.Message
	for _, vm := range vms {
		if vm.persistent && !vm.isMonitor() {
			lines = append(lines, line(msgPersistentNotSaved, vm.inserts()...))
		}
	}
	data, err := MarshalBackup(m.backupOf(su))
	if err != nil {
		return m.finish(c, internalError, lines)
	}
	full, bad := m.files.WriteUserFile(name, data)
	if bad != nil {
		r := *bad
		r.Output = append(lines, r.Output...)
		return r
	}
	lines = append(lines, line(msgConfigSaved, su.name, full))
	return handler.Result{RC: handler.OK, Output: lines}
}

// backupOf is what SAVE-VM-CONFIGURATION keeps of a server unit, as an
// installation of that one unit (see the top of the file).
func (m *Model) backupOf(su *serverUnit) *Installation {
	spec := m.unitSpec(su, nil)
	out := ServerUnitSpec{Name: spec.Name, Type: spec.Type, Memory: spec.Memory, Hypervisor: spec.Hypervisor,
		HomePubset: spec.HomePubset, CPUPools: spec.CPUPools, VMGroups: spec.VMGroups, Devices: spec.Devices,
		AssignmentSets: spec.AssignmentSets, NewDevicesAssignByGuest: spec.NewDevicesAssignByGuest}
	mon := spec.Monitor
	out.Monitor = MonitorSpec{Name: mon.Name, Memory: mon.Memory, MinMemory: mon.MinMemory, MaxMemory: mon.MaxMemory,
		Processors: mon.Processors, CPUQuota: mon.CPUQuota, MaxCPU: mon.MaxCPU, MaxIO: mon.MaxIO, CPUPool: mon.CPUPool,
		VMGroup: mon.VMGroup, Password: mon.Password, Devices: mon.Devices}
	for _, vs := range spec.VMs {
		if vs.Persistent {
			continue
		}
		out.VMs = append(out.VMs, VMSpec{Index: vs.Index, Name: vs.Name, Memory: vs.Memory, MinMemory: vs.MinMemory,
			MaxMemory: vs.MaxMemory, Processors: vs.Processors, CPUQuota: vs.CPUQuota, MaxIO: vs.MaxIO, MaxCPU: vs.MaxCPU,
			CPUPool: vs.CPUPool, VMGroup: vs.VMGroup, HA: vs.HA, Password: vs.Password, Devices: vs.Devices})
	}
	return &Installation{ServerUnits: []ServerUnitSpec{out}}
}

// MarshalBackup writes a backup (an installation of one server unit) as
// the backup file's text.
func MarshalBackup(b *Installation) ([]byte, error) {
	if len(b.ServerUnits) != 1 {
		return nil, errors.New("a backup holds one server unit")
	}
	body, err := MarshalInstallation(b)
	if err != nil {
		return nil, err
	}
	return append(fmt.Appendf(nil, backupHeader, b.ServerUnits[0].Name), body...), nil
}

// LoadBackup reads a backup file's text: an installation file of exactly
// one server unit, checked as one (file:line:col errors), and without
// the parts a backup never has (MONJVs, persistent VMs, definitions,
// pubsets), which a hand-edited file could carry in. A VM's state, if
// one is written, is ignored: restored VMs are INIT-ONLY.
func LoadBackup(filename string, data []byte) (*ServerUnitSpec, error) {
	inst, err := LoadInstallation(filename, data)
	if err != nil {
		return nil, err
	}
	if len(inst.ServerUnits) != 1 || len(inst.Clusters) > 0 || len(inst.Faults) > 0 || len(inst.Commands) > 0 {
		return nil, &InstallError{File: filename, Line: 1, Col: 1, Msg: "a backup holds one server unit and nothing else"}
	}
	su := &inst.ServerUnits[0]
	if len(su.Definitions) > 0 || len(su.Pubsets) > 0 || su.State != "" {
		return nil, &InstallError{File: filename, Line: su.at.node.line, Col: su.at.node.col,
			Msg: "definitions, pubsets and a unit state are not part of a backup"}
	}
	for _, vs := range su.VMs {
		if vs.MonJV != "" || vs.Persistent || len(vs.Pubsets) > 0 {
			return nil, &InstallError{File: filename, Line: vs.at.node.line, Col: vs.at.node.col,
				Msg: fmt.Sprintf("VM %s: MONJVs, PERSISTENT and pubsets are not part of a backup", vs.Name)}
		}
	}
	return su, nil
}

// restoreConfiguration: RESTORE-VM-CONFIGURATION. A file that is missing
// or cannot be read gets the file layer's DMS message; one whose content
// is no backup VMS4802 with its first error (I). Only the monitor VM may
// exist (VMS4804, I: the page's further requirements are not stored; a
// migration to or from the unit has a VM there, so it is refused too).
// The monitor VM's values are not restored (V ...-182). A VM that no
// longer fits is VMS4803 and the others go on (V ...-178), after
// VMS4811 when the unit's memory is smaller than at the backup (V). A
// device the unit lacks (VMS4030) or another VM holds (VMS4032) is left
// out of its VM, a warning (V ...-182: such an assignment cannot be
// restored; the keys I). The devices get their saved ASSIGN-BY-GUEST
// attribute back (V ...-182); their assignment sets are installation
// data no command changes, so they stay the unit's (I). The CPU pools and VM groups of the backup are
// set up (a group of that name takes the backup's attributes, I); the
// VMs come up INIT-ONLY (V: VM states are not backed up), each with
// VMS3050.
func (m *Model) restoreConfiguration(c *call) handler.Result {
	name, res := m.backupFileName(c)
	if res != nil {
		return *res
	}
	su := c.su
	for _, vm := range su.sortedVMs() {
		if !vm.isMonitor() {
			return m.refuse(c, guestVMsExist, vm.inserts()...)
		}
	}
	data, full, bad := m.files.ReadUserFile(name, maxBackupSize)
	if bad != nil {
		return *bad
	}
	spec, err := LoadBackup(full, data)
	if err != nil {
		return m.refuse(c, backupUnusable, full, firstProblem(full, err))
	}
	if spec.Type != su.arch.String() {
		return m.refuse(c, backupUnusable, full, fmt.Sprintf("a backup of an SU %s, this is an SU %s", spec.Type, su.arch))
	}
	var lines []msg.Message
	if spec.Memory > su.memory {
		lines = append(lines, line(msgRealMemorySmaller, itoa(su.memory), itoa(spec.Memory)))
	}
	for _, p := range spec.CPUPools {
		su.pools[strings.ToUpper(p)] = true
	}
	// the devices' attributes as saved (V ...-182: "those which were
	// saved for the devices"), for the devices the unit still has
	for _, d := range spec.Devices {
		if dev := su.devices[d.MN]; dev != nil {
			dev.assignByGuest = d.AssignByGuest
		}
	}
	su.newDevicesAssignByGuest = spec.NewDevicesAssignByGuest
	for _, g := range spec.VMGroups {
		su.groups[g.Name] = &vmGroup{name: g.Name, quota: g.CPUQuota, maxCPU: g.MaxCPU, pool: g.CPUPool}
	}
	vmSpecs := slices.Clone(spec.VMs)
	slices.SortFunc(vmSpecs, func(a, b VMSpec) int { return a.Index - b.Index })
	for _, vs := range vmSpecs {
		lines = append(lines, m.restoreVM(su, vs)...)
	}
	lines = append(lines, line(msgConfigRestored, su.name, full))
	return handler.Result{RC: handler.OK, Output: lines}
}

// restoreVM sets up one VM of a backup, INIT-ONLY, and gives the lines
// that report it.
func (m *Model) restoreVM(su *serverUnit, vs VMSpec) []msg.Message {
	probe := &VM{index: vs.Index, name: vs.Name}
	if su.vms[vs.Index] != nil {
		return []msg.Message{outcomes()[vmIndexTaken].Message(itoa(vs.Index))}
	}
	if su.nameTaken(vs.Name) {
		return []msg.Message{outcomes()[vmNameTaken].Message(vs.Name)}
	}
	location, ok := su.place(vs.Memory, nil)
	if !ok {
		return []msg.Message{line(msgVMNotRestored, append(probe.inserts(), itoa(vs.Memory))...)}
	}
	vm := &VM{index: vs.Index, name: vs.Name, state: StateInitOnly, size: vs.Memory, min: vs.MinMemory, max: vs.MaxMemory,
		location: location, processors: vs.Processors, cpuQuota: vs.CPUQuota, maxCPU: vs.MaxCPU, maxIO: vs.MaxIO,
		pool: vs.CPUPool, group: vs.VMGroup, ha: vs.HA, password: vs.Password,
		devices: map[string]usage{}, pubsets: map[string]bool{}}
	if vm.pool == "" {
		vm.pool = stdPool
	}
	var lines []msg.Message
	for _, d := range vs.Devices {
		dev := su.devices[d.MN]
		u := usageExclusive
		if d.Usage == usageShared.String() {
			u = usageShared
		}
		if dev == nil {
			lines = append(lines, outcomes()[deviceUnknown].Message(d.MN, su.name))
			continue
		}
		if holder := dev.conflict(u); holder != nil {
			lines = append(lines, outcomes()[deviceBusy].Message(d.MN, holder.inserts()[0], holder.name))
			continue
		}
		vm.devices[d.MN] = u
		dev.assigned = append(dev.assigned, assignment{vm, u})
	}
	su.addVM(vm)
	m.consoleLine(su, msgCreated, vm.inserts()...)
	return append(lines, line(msgCreated, vm.inserts()...))
}

// firstProblem is the first error of a backup file that does not load,
// without the file name the message names already.
func firstProblem(file string, err error) string {
	var errs InstallErrors
	var one *InstallError
	switch {
	case errors.As(err, &errs) && len(errs) > 0:
		one = errs[0]
	case errors.As(err, &one):
	default:
		return err.Error()
	}
	text := fmt.Sprintf("%d:%d: %s", one.Line, one.Col, one.Msg)
	// one line, printable: the insert goes into a message line
	return string(bytes.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, []byte(text)))
}
