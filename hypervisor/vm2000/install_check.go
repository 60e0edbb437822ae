package vm2000

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"sdfp/hypervisor/bs2000/jv"
	"sdfp/parser/catalog"
)

// checker collects the semantic errors of an installation file.
type checker struct {
	file string
	errs InstallErrors
}

func (c *checker) errorf(p position, format string, args ...any) {
	c.errs = append(c.errs, &InstallError{File: c.file, Line: p.line, Col: p.col, Msg: fmt.Sprintf(format, args...)})
}

// check validates the installation, normalises names to upper case and
// fills defaults, reporting every problem with its position. The range
// of each number (installRanges) was checked on the YAML already.
func (inst *Installation) check() InstallErrors {
	c := &checker{file: inst.File}
	if inst.Limits.MaxVMIndex == 0 {
		inst.Limits.MaxVMIndex = limitFacts.maxVMIndex
	}
	if inst.Limits.MaxRunningGuests == 0 {
		inst.Limits.MaxRunningGuests = limitFacts.maxRunningGuests
	}
	switch strings.ToUpper(inst.ConsoleLanguage) {
	case "": // the run's language (sdfp run --lang)
	case "E", "D":
		inst.ConsoleLanguage = strings.ToUpper(inst.ConsoleLanguage)
	default:
		c.errorf(inst.at.of("console-language"), "console-language must be E or D, not %q", inst.ConsoleLanguage)
	}
	if len(inst.ServerUnits) == 0 {
		c.errorf(inst.at.of("server-units"), "no server-units defined")
		return c.errs
	}
	units := map[string]*ServerUnitSpec{}
	for i := range inst.ServerUnits {
		su := &inst.ServerUnits[i]
		c.serverUnit(su, inst.Limits)
		if units[su.Name] != nil {
			c.errorf(su.at.of("name"), "server unit %s defined twice", su.Name)
		}
		units[su.Name] = su
	}
	inst.LocalSU = strings.ToUpper(inst.LocalSU)
	if inst.LocalSU == "" {
		inst.LocalSU = inst.ServerUnits[0].Name
	} else if units[inst.LocalSU] == nil {
		c.errorf(inst.at.of("local-su"), "local-su %s is not a server unit of the installation", inst.LocalSU)
	}
	if su := units[inst.LocalSU]; su != nil && su.State == suFailed {
		at := inst.at.of("local-su")
		if at.line == 0 {
			at = su.at.of("state")
		}
		c.errorf(at, "local-su %s has failed (state: failed): procedures run in the monitor system of a running server unit", inst.LocalSU)
	}
	inCluster := map[string]string{}
	for i := range inst.Clusters {
		c.cluster(&inst.Clusters[i], units, inCluster)
	}
	for i := range inst.Faults {
		c.fault(&inst.Faults[i], units)
	}
	c.software(inst)
	if len(inst.Commands) > 0 {
		builtin, seen := catalog.Builtin(), map[string]bool{}
		for i := range inst.Commands {
			c.siteCommand(&inst.Commands[i], builtin, seen)
		}
	}
	return c.errs
}

func (c *checker) serverUnit(su *ServerUnitSpec, lim Limits) {
	su.Name = strings.ToUpper(su.Name)
	if !validSUName(su.Name) {
		c.errorf(su.at.of("name"), "server unit name %q must be 1..64 letters, digits or $#@-.", su.Name)
	}
	arch, ok := parseArch(su.Type)
	if !ok {
		c.errorf(su.at.of("type"), "server unit type must be /390 or x86, not %q", su.Type)
	}
	su.Type = arch.String()
	if su.Memory <= 0 {
		c.errorf(su.at.of("memory"), "memory of server unit %s must be given in MB", su.Name)
	}
	if arch == archX86 && su.Hypervisor != 0 {
		c.errorf(su.at.of("hypervisor"), "hypervisor memory is a /390 setting")
	}
	if su.HomePubset == "" {
		su.HomePubset = suFacts.homePubset
	}
	su.HomePubset = strings.ToUpper(su.HomePubset)
	if len(su.HomePubset) > 4 {
		c.errorf(su.at.of("home-pubset"), "home-pubset is a catalog ID of 1..4 characters")
	}
	if su.Session == 0 {
		su.Session = 1
	}
	switch su.State = strings.ToLower(su.State); su.State {
	case "", "running":
		su.State = ""
	case suFailed:
	default:
		c.errorf(su.at.of("state"), "server unit state must be running or failed, not %q", su.State)
	}
	c.monitor(su, arch)
	pools := map[string]bool{stdPool: true}
	for _, p := range su.CPUPools {
		pools[strings.ToUpper(p)] = true
	}
	groups := map[string]bool{}
	for i := range su.VMGroups {
		c.vmGroup(su, &su.VMGroups[i], pools, groups)
	}
	if arch == archX86 && len(su.VMGroups) > 0 {
		c.errorf(su.at.of("vm-groups"), "VM groups exist on SU /390 only")
	}
	c.monitorAssignments(su, pools, groups)
	c.cpus(su, pools)
	devices := map[string]*DeviceSpec{}
	for i := range su.Devices {
		d := &su.Devices[i]
		d.MN = strings.ToUpper(d.MN)
		if !validMN(d.MN) {
			c.errorf(d.at.of("mn"), "device name %q must be 2 alphanumerics or 4 hex digits", d.MN)
		}
		if d.Kind == "" {
			d.Kind = "disk"
		}
		if _, ok := deviceKinds[d.Kind]; !ok {
			c.errorf(d.at.of("kind"), "unknown device kind %q (known: %s)", d.Kind, strings.Join(deviceKindNames(), ", "))
		}
		if devices[d.MN] != nil {
			c.errorf(d.at.of("mn"), "device %s defined twice on %s", d.MN, su.Name)
		}
		devices[d.MN] = d
	}
	names := map[string]bool{su.Monitor.Name: true}
	indexes := map[int]bool{1: true}
	exclusive := map[string]string{}
	used := su.Hypervisor + su.Monitor.Memory
	running := 0
	for i := range su.VMs {
		vm := &su.VMs[i]
		c.vm(su, vm, arch, lim, pools, groups)
		if indexes[vm.Index] && vm.Index != 1 {
			// index 1, the monitor VM's, has its own message (c.vm)
			c.errorf(vm.at.of("index"), "VM index %d used twice on %s", vm.Index, su.Name)
		}
		indexes[vm.Index] = true
		if names[vm.Name] {
			c.errorf(vm.at.of("name"), "VM name %s used twice on %s", vm.Name, su.Name)
		}
		names[vm.Name] = true
		used += vm.Memory
		if st, _, _ := parseShownState(vm.State); st == StateRunning || st == StateInHold {
			running++
		}
	}
	// the devices of every VM, the monitor's first
	holders := []deviceHolder{{su.Monitor.Name, su.Monitor.Devices}}
	for _, vm := range su.VMs {
		holders = append(holders, deviceHolder{vm.Name, vm.Devices})
	}
	for _, h := range holders {
		for j := range h.devs {
			d := &h.devs[j]
			if devices[d.MN] == nil {
				c.errorf(d.at.node, "device %s of VM %s is not generated on %s", d.MN, h.name, su.Name)
				continue
			}
			holder, taken := exclusive[d.MN]
			switch {
			case taken:
				c.errorf(d.at.node, "device %s assigned to VM %s is already assigned exclusively to VM %s", d.MN, h.name, holder)
			case d.Usage == usageExclusive.String():
				exclusive[d.MN] = h.name
			}
		}
	}
	for _, h := range holders {
		for _, d := range h.devs {
			if holder, ok := exclusive[d.MN]; ok && holder != h.name && d.Usage == usageShared.String() {
				c.errorf(d.at.node, "device %s of VM %s is assigned exclusively to VM %s", d.MN, h.name, holder)
			}
		}
	}
	if running > lim.MaxRunningGuests {
		c.errorf(su.at.of("vms"), "%d guest systems active on %s, at most %d may run at once", running, su.Name, lim.MaxRunningGuests)
	}
	if su.Memory > 0 && used > su.Memory {
		c.errorf(su.at.of("memory"), "the VMs of %s need %d MB, the server unit has %d MB", su.Name, used, su.Memory)
	}
	if arch == arch390 && used <= su.Memory {
		c.locations(su)
	}
	for i := range su.Definitions {
		d := &su.Definitions[i]
		c.definition(su, d, arch, lim, pools, devices)
		if names[d.Name] {
			c.errorf(d.at.of("name"), "VM name %s used twice on %s", d.Name, su.Name)
		}
		names[d.Name] = true
	}
	c.assignmentSets(su, names, devices)
	c.pubsets(su, devices)
}

func (c *checker) monitor(su *ServerUnitSpec, arch architecture) {
	m := &su.Monitor
	if m.Name == "" {
		m.Name = suFacts.monitorName
	}
	m.Name = strings.ToUpper(m.Name)
	if !validVMName(m.Name) {
		c.errorf(m.at.of("name"), "monitor VM name %q is not a name of 1..8 characters", m.Name)
	}
	rules := memoryRules[arch]
	if m.Memory == 0 {
		m.Memory = rules.monitorMin
	}
	if m.Processors == 0 {
		m.Processors = 1
	}
	if m.Memory < rules.monitorMin {
		c.errorf(m.at.of("memory"), "the monitor VM needs at least %d MB on SU %s", rules.monitorMin, arch)
	}
	c.memory(m.at, arch, m.Memory, m.MinMemory, &m.MaxMemory)
}

// deviceHolder is a VM of an installation file with the devices it
// assigns it.
type deviceHolder struct {
	name string
	devs []VMDeviceSpec
}

// monitorAssignments checks what commands may have changed of the
// monitor VM: its CPU pool, VM group and devices.
func (c *checker) monitorAssignments(su *ServerUnitSpec, pools, groups map[string]bool) {
	m := &su.Monitor
	if m.CPUPool != "" {
		c.cpuPool(m.at, &m.CPUPool, pools, su.Name)
	}
	m.VMGroup = strings.ToUpper(m.VMGroup)
	if m.VMGroup != "" && !groups[m.VMGroup] {
		c.errorf(m.at.of("vm-group"), "VM group %s is not defined on %s", m.VMGroup, su.Name)
	}
	c.vmDevices(m.Devices, m.Name)
}

func (c *checker) vm(su *ServerUnitSpec, vm *VMSpec, arch architecture, lim Limits, pools, groups map[string]bool) {
	if vm.Index < 2 || vm.Index > lim.MaxVMIndex {
		c.errorf(vm.at.of("index"), "VM index must be 2..%d (1 is the monitor VM), not %d", lim.MaxVMIndex, vm.Index)
	}
	if vm.Name == "" {
		vm.Name = fmt.Sprintf("VM%02d", vm.Index)
	}
	vm.Name = strings.ToUpper(vm.Name)
	if !validVMName(vm.Name) {
		c.errorf(vm.at.of("name"), "VM name %q is not a name of 1..8 characters", vm.Name)
	}
	if vm.Memory <= 0 {
		c.errorf(vm.at.of("memory"), "memory of VM %s must be given in MB", vm.Name)
	}
	c.memory(vm.at, arch, vm.Memory, vm.MinMemory, &vm.MaxMemory)
	if vm.Location != nil && arch == archX86 {
		c.errorf(vm.at.of("location"), "memory locations exist on SU /390 only")
	}
	if vm.Processors == 0 {
		vm.Processors = 1
	}
	if vm.MaxIO == 0 {
		vm.MaxIO = 100
	}
	if vm.CPUQuota == 0 {
		vm.CPUQuota = stdCPUQuota
	}
	c.cpuPool(vm.at, &vm.CPUPool, pools, su.Name)
	vm.VMGroup = strings.ToUpper(vm.VMGroup)
	if vm.VMGroup != "" && !groups[vm.VMGroup] {
		c.errorf(vm.at.of("vm-group"), "VM group %s is not defined on %s", vm.VMGroup, su.Name)
	}
	c.vmState(vm, arch)
	if vm.MonJV != "" {
		n, err := jv.NormalName(vm.MonJV)
		if err != nil || !validJVPath(n) {
			c.errorf(vm.at.of("monjv"), "monjv %q is not a job variable name", vm.MonJV)
		}
		vm.MonJV = n
	}
	c.vmDevices(vm.Devices, vm.Name)
}

// vmState checks a VM's state, its further wait states and its guest's
// state, and writes them in capitals.
func (c *checker) vmState(vm *VMSpec, arch architecture) {
	if vm.State == "" {
		vm.State = StateRunning.String()
	}
	st, shown, ok := parseShownState(vm.State)
	if !ok {
		c.errorf(vm.at.of("state"), "VM state must be INIT-ONLY, RUNNING, DOWN, or for a held VM WAIT(SEL), WAIT(GLB), WAIT(VMA) or IN-HOLD, not %q", vm.State)
	}
	vm.State = st.String()
	if st == StateInHold {
		vm.State = (&VM{state: st, waits: shown}).waitState()
		if arch == archX86 {
			c.errorf(vm.at.of("state"), "a held VM (%s) exists on SU /390 only", vm.State)
		}
	}
	if len(vm.MoreWaitStates) > 0 && st != StateInHold {
		c.errorf(vm.at.of("more-wait-states"), "more-wait-states are for a held VM, not one in state %s", vm.State)
	}
	for i, name := range vm.MoreWaitStates {
		w, ok := parseWaitState(name)
		switch {
		case !ok:
			c.errorf(vm.at.of("more-wait-states"), "more-wait-states: %q is not WAIT(SEL), WAIT(GLB) or WAIT(VMA)", name)
		case w <= shown:
			// waitStates are ordered by strength, which is their bit order
			c.errorf(vm.at.of("more-wait-states"), "more-wait-states: %s is not beneath the state shown, %s", strings.ToUpper(name), vm.State)
		default:
			shown |= w // the next must be weaker still
			vm.MoreWaitStates[i] = strings.ToUpper(strings.TrimSpace(name))
		}
	}
	if vm.Guest == "" {
		return
	}
	g, ok := parseGuestState(vm.Guest)
	if !ok {
		c.errorf(vm.at.of("guest"), "guest state must be one of %s, not %q", strings.Join(guestStateNames[:], ", "), vm.Guest)
		return
	}
	vm.Guest = g.String()
	if !slices.Contains(guestsOf[st], g) {
		c.errorf(vm.at.of("guest"), "a guest in state %s is not possible in a VM in state %s", vm.Guest, vm.State)
	}
}

// validJVPath: a JV name's last part, after a catalog and user ID, is a
// name of its own (NormalName has checked the characters).
func validJVPath(n string) bool {
	rest := n
	if strings.HasPrefix(rest, ":") {
		end := strings.IndexByte(rest[1:], ':')
		if end < 1 {
			return false
		}
		rest = rest[end+2:]
	}
	if strings.HasPrefix(rest, "$") {
		dot := strings.IndexByte(rest, '.')
		if dot < 0 {
			return false
		}
		rest = rest[dot+1:]
	}
	return rest != "" && !strings.ContainsAny(rest, ":$")
}

// vmDevices checks the devices assigned to a VM and writes their usage
// as the model names it.
func (c *checker) vmDevices(devs []VMDeviceSpec, vmName string) {
	seen := map[string]bool{}
	for i := range devs {
		d := &devs[i]
		d.MN = strings.ToUpper(d.MN)
		switch strings.ToLower(d.Usage) {
		case "", "exclusive":
			d.Usage = usageExclusive.String()
		case "shared":
			d.Usage = usageShared.String()
		default:
			c.errorf(d.at.of("usage"), "device usage must be exclusive or shared, not %q", d.Usage)
		}
		if seen[d.MN] {
			c.errorf(d.at.node, "device %s assigned twice to VM %s", d.MN, vmName)
		}
		seen[d.MN] = true
	}
}

// memory checks sizes against the SU type's granularity and bounds and
// fills the x86 default of the maximum (the initial size).
func (c *checker) memory(at located, arch architecture, size, min int, max *int) {
	rules := memoryRules[arch]
	for _, f := range []struct {
		key string
		mb  int
	}{{"memory", size}, {"min-memory", min}, {"max-memory", *max}} {
		if f.mb != 0 && (f.mb < rules.guestMin || f.mb%rules.granule != 0 || f.mb > maxMemoryMB) {
			c.errorf(at.of(f.key), "%s %d MB: SU %s needs a multiple of %d MB from %d to %d MB", f.key, f.mb, arch, rules.granule, rules.guestMin, maxMemoryMB)
		}
	}
	if min < 0 || *max < 0 || min > 0 && min > size {
		c.errorf(at.of("min-memory"), "min-memory %d MB exceeds memory %d MB", min, size)
	}
	if *max == 0 && arch == archX86 {
		*max = size
	}
	if *max > 0 && *max < size {
		c.errorf(at.of("max-memory"), "max-memory %d MB is below memory %d MB", *max, size)
	}
}

// locations checks explicit /390 start addresses: inside main memory,
// after the hypervisor and the monitor, not overlapping. The areas are
// swept in address order against the one reaching furthest so far, so
// that 100,000 VMs do not need 5 billion comparisons; an overlap is
// reported at the VM written later in the file.
func (c *checker) locations(su *ServerUnitSpec) {
	type area struct {
		name       string
		start, end int
		at         position
		order      int // in the file; the monitor VM comes first
	}
	low := su.Hypervisor + su.Monitor.Memory
	areas := []area{{"the monitor VM", su.Hypervisor, low, su.Monitor.at.node, -1}}
	for i, vm := range su.VMs {
		if vm.Location == nil {
			continue
		}
		a := area{"VM " + vm.Name, *vm.Location, *vm.Location + vm.Memory, vm.at.of("location"), i}
		if a.start < low || a.end > su.Memory {
			c.errorf(a.at, "location %d of VM %s is outside the memory free for guests (%d..%d MB)", a.start, vm.Name, low, su.Memory)
		}
		areas = append(areas, a)
	}
	sort.SliceStable(areas, func(i, j int) bool { return areas[i].start < areas[j].start })
	reach := areas[0]
	for _, a := range areas[1:] {
		if a.start < reach.end && a.end > a.start {
			later, other := a, reach
			if reach.order > a.order {
				later, other = reach, a
			}
			c.errorf(later.at, "memory of %s overlaps %s", later.name, other.name)
		}
		if a.end > reach.end {
			reach = a
		}
	}
}

func (c *checker) definition(su *ServerUnitSpec, d *DefinitionSpec, arch architecture, lim Limits, pools map[string]bool, devices map[string]*DeviceSpec) {
	d.Name = strings.ToUpper(d.Name)
	if !validVMName(d.Name) {
		c.errorf(d.at.of("name"), "VM name %q is not a name of 1..8 characters", d.Name)
	}
	if d.Index != 0 && (d.Index < 2 || d.Index > lim.MaxVMIndex) {
		c.errorf(d.at.of("index"), "VM index must be 2..%d, not %d", lim.MaxVMIndex, d.Index)
	}
	if d.Memory <= 0 {
		c.errorf(d.at.of("memory"), "memory of VM definition %s must be given in MB", d.Name)
	}
	c.memory(d.at, arch, d.Memory, d.MinMemory, &d.MaxMemory)
	if d.Processors == 0 {
		d.Processors = 1
	}
	if d.MaxIO == 0 {
		d.MaxIO = 100
	}
	c.cpuPool(d.at, &d.CPUPool, pools, su.Name)
	for i, mn := range d.Devices {
		d.Devices[i] = strings.ToUpper(mn)
		if devices[d.Devices[i]] == nil {
			c.errorf(d.at.of("devices"), "device %s of VM definition %s is not generated on %s", mn, d.Name, su.Name)
		}
	}
}

func (c *checker) cluster(cl *ClusterSpec, units map[string]*ServerUnitSpec, inCluster map[string]string) {
	cl.Name = strings.ToUpper(cl.Name)
	if cl.Active == nil {
		active := true
		cl.Active = &active
	}
	if len(cl.Units) < 2 {
		c.errorf(cl.at.of("units"), "SU cluster %s needs at least two server units", cl.Name)
	}
	var arch string
	for i, name := range cl.Units {
		name = strings.ToUpper(name)
		cl.Units[i] = name
		su := units[name]
		if su == nil {
			c.errorf(cl.at.of("units"), "server unit %s of SU cluster %s is not defined", name, cl.Name)
			continue
		}
		if other, ok := inCluster[name]; ok {
			c.errorf(cl.at.of("units"), "server unit %s is already in SU cluster %s", name, other)
		}
		inCluster[name] = cl.Name
		if arch == "" {
			arch = su.Type
		} else if su.Type != arch {
			c.errorf(cl.at.of("units"), "SU cluster %s mixes server units of type %s and %s", cl.Name, arch, su.Type)
		}
	}
}

func (c *checker) fault(f *FaultSpec, units map[string]*ServerUnitSpec) {
	set := 0
	for _, given := range []bool{f.DeviceTaken != nil, f.MemoryShort != nil, f.MigrationAbort != nil, f.ExtendStops != nil, f.GuestNeverReady != nil} {
		if given {
			set++
		}
	}
	if set != 1 {
		c.errorf(f.at.node, "a fault needs exactly one of device-taken, memory-short, migration-abort, extend-stops, guest-never-ready")
		return
	}
	su := func(key, name string) *ServerUnitSpec {
		s := units[strings.ToUpper(name)]
		if s == nil {
			c.errorf(f.at.of(key), "server unit %q is not defined", name)
		}
		return s
	}
	switch {
	case f.DeviceTaken != nil:
		d := f.DeviceTaken
		d.SU, d.Device, d.VM = strings.ToUpper(d.SU), strings.ToUpper(d.Device), strings.ToUpper(d.VM)
		s := su("device-taken", d.SU)
		if s == nil {
			return
		}
		vm := findVMSpec(s, d.VM)
		if vm == nil {
			c.errorf(f.at.of("device-taken"), "VM %q is not defined on %s", d.VM, s.Name)
			return
		}
		if !deviceGenerated(s, d.Device) {
			c.errorf(f.at.of("device-taken"), "device %s is not generated on %s", d.Device, s.Name)
			return
		}
		for _, other := range s.VMs {
			for _, od := range other.Devices {
				if od.MN == d.Device {
					c.errorf(f.at.of("device-taken"), "device %s is already assigned to VM %s", d.Device, other.Name)
					return
				}
			}
		}
	case f.MemoryShort != nil:
		f.MemoryShort.SU = strings.ToUpper(f.MemoryShort.SU)
		su("memory-short", f.MemoryShort.SU)
	case f.MigrationAbort != nil:
		a := f.MigrationAbort
		a.VM, a.Phase, a.Reason = strings.ToUpper(a.VM), strings.ToLower(a.Phase), strings.ToUpper(a.Reason)
		if _, ok := parsePhase(a.Phase); !ok {
			c.errorf(f.at.of("migration-abort"), "migration phase must be setup, transfer or switch, not %q", a.Phase)
		}
		if a.Reason != "" && len(a.Reason) != 7 {
			c.errorf(f.at.of("migration-abort"), "reason must be a message key such as VMS4504")
		}
		if a.VM == "" {
			c.errorf(f.at.of("migration-abort"), "migration-abort needs the vm name")
		}
	case f.ExtendStops != nil:
		f.ExtendStops.VM = strings.ToUpper(f.ExtendStops.VM)
		if f.ExtendStops.VM == "" || f.ExtendStops.At <= 0 {
			c.errorf(f.at.of("extend-stops"), "extend-stops needs the vm name and the size it stops at")
		}
	case f.GuestNeverReady != nil:
		f.GuestNeverReady.VM = strings.ToUpper(f.GuestNeverReady.VM)
		if f.GuestNeverReady.VM == "" {
			c.errorf(f.at.of("guest-never-ready"), "guest-never-ready needs the vm name")
		}
	}
}

func findVMSpec(su *ServerUnitSpec, id string) *VMSpec {
	n, err := strconv.Atoi(id)
	for i := range su.VMs {
		if err == nil && su.VMs[i].Index == n || su.VMs[i].Name == id {
			return &su.VMs[i]
		}
	}
	return nil
}

func deviceGenerated(su *ServerUnitSpec, mn string) bool {
	for _, d := range su.Devices {
		if d.MN == mn {
			return true
		}
	}
	return false
}

// validVMName: an SDF <name 1..8>: a letter or $#@ first, then letters,
// digits and $#@.
func validVMName(s string) bool {
	if len(s) < 1 || len(s) > 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		letter := ch >= 'A' && ch <= 'Z' || ch == '$' || ch == '#' || ch == '@'
		if !letter && (i == 0 || ch < '0' || ch > '9') {
			return false
		}
	}
	return true
}

// validSUName: an SDF <composed-name 1..64> as far as SU names use it.
func validSUName(s string) bool {
	if len(s) < 1 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if !(ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || strings.IndexByte("$#@-.", ch) >= 0) {
			return false
		}
	}
	return true
}

// validMN: a mnemonic device name, <alphanum-name 2..2> or <x-text 4..4>.
func validMN(s string) bool {
	alnum := func(ch byte) bool { return ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' }
	hex := func(ch byte) bool { return ch >= 'A' && ch <= 'F' || ch >= '0' && ch <= '9' }
	switch len(s) {
	case 2:
		return alnum(s[0]) && alnum(s[1])
	case 4:
		return hex(s[0]) && hex(s[1]) && hex(s[2]) && hex(s[3])
	}
	return false
}

// vmGroup checks a VM group and fills in its defaults (CREATE-VM-GROUP's,
// V ...-214): CPU quota 1, maximum CPU utilisation 100, *STDPOOL.
func (c *checker) vmGroup(su *ServerUnitSpec, g *VMGroupSpec, pools, groups map[string]bool) {
	g.Name = strings.ToUpper(g.Name)
	switch {
	case g.Name == "" || len(g.Name) > 8:
		c.errorf(g.at.of("name"), "a VM group needs a name of 1..8 characters")
	case groups[g.Name]:
		c.errorf(g.at.of("name"), "VM group %s is defined twice on %s", g.Name, su.Name)
	}
	groups[g.Name] = true
	if g.CPUQuota == 0 {
		g.CPUQuota = stdCPUQuota
	}
	if g.MaxCPU == 0 {
		g.MaxCPU = 100
	}
	c.cpuPool(g.at, &g.CPUPool, pools, su.Name)
}

// cpuPool fills in *STDPOOL for a cpu-pool field left out and checks
// that the pool is defined on the server unit.
func (c *checker) cpuPool(at located, pool *string, pools map[string]bool, su string) {
	*pool = strings.ToUpper(*pool)
	if *pool == "" {
		*pool = stdPool
	}
	if !pools[*pool] {
		c.errorf(at.of("cpu-pool"), "CPU pool %s is not defined on %s", *pool, su)
	}
}

// cpus checks the real CPUs of a server unit and fills in their
// defaults: *STDPOOL, normal, attached (an extra CPU detached: V 'Real
// CPUs' ...-121, extra CPUs stand by at startup).
func (c *checker) cpus(su *ServerUnitSpec, pools map[string]bool) {
	seen := map[string]bool{}
	for i := range su.CPUs {
		cpu := &su.CPUs[i]
		cpu.ID = strings.ToUpper(cpu.ID)
		switch {
		case !validCPUID(cpu.ID):
			c.errorf(cpu.at.of("id"), "CPU ID %q must be 1..2 hexadecimal digits", cpu.ID)
		case seen[normalCPUID(cpu.ID)]:
			c.errorf(cpu.at.of("id"), "CPU %s is declared twice on %s", cpu.ID, su.Name)
		}
		cpu.ID = normalCPUID(cpu.ID)
		seen[cpu.ID] = true
		switch cpu.Attribute = strings.ToLower(cpu.Attribute); cpu.Attribute {
		case "":
			cpu.Attribute = cpuNormal
		case cpuNormal, cpuExtra:
		default:
			c.errorf(cpu.at.of("attribute"), "CPU attribute must be normal or extra, not %q", cpu.Attribute)
		}
		switch cpu.State = strings.ToLower(cpu.State); cpu.State {
		case "":
			cpu.State = cpuAttached
			if cpu.Attribute == cpuExtra {
				cpu.State = cpuDetached
			}
		case cpuAttached, cpuDetached, cpuOffline:
		default:
			c.errorf(cpu.at.of("state"), "CPU state must be attached, detached or offline, not %q", cpu.State)
		}
		cpu.Pool = strings.ToUpper(cpu.Pool)
		if cpu.Pool == "" {
			cpu.Pool = stdPool
		}
		if !pools[cpu.Pool] {
			c.errorf(cpu.at.of("pool"), "CPU pool %s of CPU %s is not defined on %s", cpu.Pool, cpu.ID, su.Name)
		}
	}
}
