package vm2000

import (
	"bytes"
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
)

// Snapshot returns the model's present state as an installation: the
// server units with the VMs, definitions and devices they have now (a VM
// migrated away stands under its new unit, one created by CREATE-VM is
// there, a reconfigured one has its new memory), the clusters with their
// state, and the installation's timing, limits, faults, site commands
// and software unchanged. Loading its MarshalInstallation text builds a
// model in the same state, which is how `sdfp run --continue` carries
// the VM2000 from one run to the next. Work still under way (a migration
// the virtual time limit cut off) is not part of it: the VM stands where
// it is, as if the operation had not been started.
func (m *Model) Snapshot() *Installation {
	inst := *m.inst
	inst.File = ""
	inst.at = located{}
	inst.LocalSU = m.inst.LocalSU // --su is the run's choice, not the world's
	inst.Clusters = nil
	seen := map[*suCluster]bool{}
	for _, su := range m.units {
		if cl := su.cluster; cl != nil && !seen[cl] {
			seen[cl] = true
			active := cl.active
			cs := ClusterSpec{Name: cl.name, Active: &active}
			for _, u := range cl.units {
				cs.Units = append(cs.Units, u.name)
			}
			inst.Clusters = append(inst.Clusters, cs)
		}
	}
	inst.ServerUnits = nil
	for i, su := range m.units {
		inst.ServerUnits = append(inst.ServerUnits, m.unitSpec(su, &m.inst.ServerUnits[i]))
	}
	inst.Faults = slices.Clone(m.inst.Faults)
	for i, f := range inst.Faults {
		if f.MemoryShort != nil {
			// the memory outside the model stays what it was, whatever
			// the VMs took or freed since: New reserves all but Free
			su := m.byName[f.MemoryShort.SU]
			inst.Faults[i].MemoryShort = &MemoryShortFault{SU: su.name, Free: su.freeMemory()}
		}
	}
	return &inst
}

// unitSpec is a server unit's present state; spec is what the
// installation declared of it (device kinds do not change at run time).
func (m *Model) unitSpec(su *serverUnit, spec *ServerUnitSpec) ServerUnitSpec {
	out := ServerUnitSpec{Name: su.name, Type: su.arch.String(), Memory: su.memory, Hypervisor: su.hypervisor,
		HomePubset: su.homePubset, Session: su.session, NewDevicesAssignByGuest: su.newDevicesAssignByGuest,
		Pubsets: su.pubsetSpecs(), CPUs: su.cpuSpecs()}
	if su.failed {
		out.State = suFailed
	}
	if pools := su.sortedPools()[1:]; len(pools) > 0 { // *STDPOOL always exists
		out.CPUPools = pools
	}
	for _, g := range su.sortedGroups() { // created, deleted and reassigned at run time
		out.VMGroups = append(out.VMGroups, VMGroupSpec{Name: g.name, CPUQuota: g.quota, MaxCPU: g.maxCPU, CPUPool: g.pool})
	}
	for _, mn := range slices.Sorted(mapKeys(su.devices)) {
		d := su.devices[mn]
		out.Devices = append(out.Devices, DeviceSpec{MN: mn, Kind: d.kind, AssignByGuest: d.assignByGuest})
	}
	out.AssignmentSets = su.assignmentSetSpecs()
	for _, vm := range su.sortedVMs() {
		if vm.incoming != nil {
			continue // set up for a migration that has not switched over
		}
		if vm.isMonitor() {
			out.Monitor = m.monitorSpec(su, vm)
			continue
		}
		out.VMs = append(out.VMs, m.vmSpec(su, vm))
	}
	for _, name := range slices.Sorted(mapKeys(su.definitions)) {
		d := su.definitions[name]
		out.Definitions = append(out.Definitions, DefinitionSpec{Name: d.name, Index: d.index, Memory: d.size,
			MinMemory: d.min, MaxMemory: d.max, Processors: d.processors, MaxIO: d.maxIO, CPUPool: d.pool, HA: d.ha, Password: d.password,
			Devices: slices.Clone(d.devices)})
	}
	return out
}

// monitorSpec is the monitor VM's present state; what no command changed
// is left out, as the installation file would leave it.
func (m *Model) monitorSpec(su *serverUnit, vm *VM) MonitorSpec {
	ms := MonitorSpec{Name: vm.name, Memory: vm.size, MinMemory: vm.min, MaxMemory: vm.max, Processors: vm.processors,
		MaxCPU: vm.maxCPU, VMGroup: vm.group, Password: vm.password, Devices: m.deviceSpecs(su, vm)}
	if vm.cpuQuota != monitorCPUQuota {
		ms.CPUQuota = vm.cpuQuota
	}
	if vm.maxIO != 100 {
		ms.MaxIO = vm.maxIO
	}
	if vm.pool != stdPool {
		ms.CPUPool = vm.pool
	}
	return ms
}

// vmSpec is a guest VM's present state: where it is, its state as VM2000
// shows it with the wait states beneath, its guest's state where loading
// would not give it, its monitoring JV, memory, attributes and devices.
func (m *Model) vmSpec(su *serverUnit, vm *VM) VMSpec {
	vs := VMSpec{Index: vm.index, Name: vm.name, State: vm.shownState(), MoreWaitStates: vm.moreWaitStates(), MonJV: vm.monJV,
		Memory: vm.size, MinMemory: vm.min, MaxMemory: vm.max, Processors: vm.processors, CPUQuota: vm.cpuQuota, MaxCPU: vm.maxCPU,
		MaxIO: vm.maxIO, CPUPool: vm.pool, VMGroup: vm.group, Persistent: vm.persistent, HA: vm.ha, Password: vm.password, Load: vm.load,
		Devices: m.deviceSpecs(su, vm), Pubsets: slices.Sorted(mapKeys(vm.pubsets))}
	if vm.guest != defaultGuest(vm.state) {
		vs.Guest = vm.guest.String()
	}
	if su.arch == arch390 {
		loc := vm.location
		vs.Location = &loc
	}
	return vs
}

// deviceSpecs are the devices assigned to a VM, but those a fault gives
// it (the fault assigns them again when the snapshot is loaded).
func (m *Model) deviceSpecs(su *serverUnit, vm *VM) []VMDeviceSpec {
	var out []VMDeviceSpec
	for _, mn := range slices.Sorted(mapKeys(vm.devices)) {
		if m.takenByFault(su, vm, mn) {
			continue
		}
		out = append(out, VMDeviceSpec{MN: mn, Usage: strings.ToLower(vm.devices[mn].String())})
	}
	return out
}

// takenByFault reports whether a device-taken fault gave the VM the device.
func (m *Model) takenByFault(su *serverUnit, vm *VM, mn string) bool {
	for _, f := range m.inst.Faults {
		if t := f.DeviceTaken; t != nil && t.SU == su.name && t.Device == mn && su.lookupVM(t.VM) == vm {
			return true
		}
	}
	return false
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// MarshalInstallation writes an installation in the installation file
// format LoadInstallation reads: the fields in the order of their
// declaration, those with a zero value (which is each field's default)
// left out, durations in Go notation.
//
// It writes the YAML itself (block style, a plain scalar where YAML
// reads it back as the same string, else a double-quoted one): yaml's
// encoder took 0.8 ms for the default installation, a fifth of a run.
func MarshalInstallation(inst *Installation) ([]byte, error) {
	var b bytes.Buffer
	writeYAML(&b, yamlValue(reflect.ValueOf(inst)), 0)
	return b.Bytes(), nil
}

// writeYAML writes a mapping's or a sequence's entries at an indentation.
func writeYAML(b *bytes.Buffer, v any, indent int) {
	pad := strings.Repeat("  ", indent)
	switch v := v.(type) {
	case yaml.MapSlice:
		for _, it := range v {
			b.WriteString(pad)
			b.WriteString(yamlScalar(it.Key))
			b.WriteByte(':')
			writeNested(b, it.Value, indent+1)
		}
	case []any:
		for _, e := range v {
			b.WriteString(pad)
			b.WriteString("-")
			if m, ok := e.(yaml.MapSlice); ok && len(m) > 0 {
				// the first key on the dash's line, the rest under it
				var first bytes.Buffer
				writeYAML(&first, m[:1], indent+1)
				b.WriteByte(' ')
				b.Write(bytes.TrimLeft(first.Bytes(), " "))
				writeYAML(b, m[1:], indent+1)
				continue
			}
			writeNested(b, e, indent+1)
		}
	}
}

// writeNested writes what follows a key's colon or a sequence's dash.
func writeNested(b *bytes.Buffer, v any, indent int) {
	switch v := v.(type) {
	case yaml.MapSlice:
		if len(v) == 0 {
			b.WriteString(" {}\n")
			return
		}
		b.WriteByte('\n')
		writeYAML(b, v, indent)
	case []any:
		if len(v) == 0 {
			b.WriteString(" []\n")
			return
		}
		b.WriteByte('\n')
		writeYAML(b, v, indent)
	default:
		b.WriteByte(' ')
		b.WriteString(yamlScalar(v))
		b.WriteByte('\n')
	}
}

// plainYAML reports whether a string can stand unquoted: a letter, then
// letters, digits and _ . $ # @ - (no regexp: it would be compiled at
// every start of sdfp).
func plainYAML(s string) bool {
	for i, c := range []byte(s) {
		letter := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || strings.IndexByte("_.$#@-", c) >= 0)) {
			return false
		}
	}
	return s != ""
}

// yamlScalar writes a scalar; a string is plain only where YAML cannot
// read it as anything else.
func yamlScalar(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		switch strings.ToLower(v) {
		case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf":
			return strconv.Quote(v)
		}
		if plainYAML(v) {
			return v
		}
		return strconv.Quote(v)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

var durationType = reflect.TypeFor[time.Duration]()

// yamlValue turns a value of the installation types into what yaml
// writes: structs as ordered mappings of their tagged, non-zero fields.
func yamlValue(v reflect.Value) any {
	switch {
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return yamlValue(v.Elem())
	case v.Type() == durationType:
		return time.Duration(v.Int()).String()
	case v.Kind() == reflect.Struct:
		var out yaml.MapSlice
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("yaml")
			if !f.IsExported() || tag == "" || tag == "-" || v.Field(i).IsZero() {
				continue
			}
			out = append(out, yaml.MapItem{Key: tag, Value: yamlValue(v.Field(i))})
		}
		return out
	case v.Kind() == reflect.Slice:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = yamlValue(v.Index(i))
		}
		return out
	case v.Kind() == reflect.Map:
		var out yaml.MapSlice
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
		for _, k := range keys {
			out = append(out, yaml.MapItem{Key: k.String(), Value: yamlValue(v.MapIndex(k))})
		}
		return out
	}
	return v.Interface()
}
