package vm2000

import (
	"bytes"
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
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
// It walks the values once, writing as it goes: every run that writes
// saves its VM2000 this way, and building the mappings and sequences
// first (as yaml's MapSlice and []any) was a third of saving the world.
func MarshalInstallation(inst *Installation) ([]byte, error) {
	var b bytes.Buffer
	v, sh := yamlShape(reflect.ValueOf(inst))
	switch sh {
	case yamlMapping:
		writeMapping(&b, v, 0, false)
	case yamlSequence:
		writeSequence(&b, v, 0)
	}
	return b.Bytes(), nil
}

// yamlShapeOf is how a value is written: a scalar, a mapping (a struct's
// tagged fields, a map's entries sorted by key) or a sequence.
type yamlShapeOf int

const (
	yamlScalarShape yamlShapeOf = iota
	yamlMapping
	yamlSequence
)

// yamlShape follows pointers to the value written and tells its shape;
// a nil pointer is the scalar null.
func yamlShape(v reflect.Value) (reflect.Value, yamlShapeOf) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return v, yamlScalarShape
		}
		v = v.Elem()
	}
	switch {
	case v.Type() == durationType:
		return v, yamlScalarShape
	case v.Kind() == reflect.Struct, v.Kind() == reflect.Map:
		return v, yamlMapping
	case v.Kind() == reflect.Slice:
		return v, yamlSequence
	}
	return v, yamlScalarShape
}

// writeScalar writes a value of scalar shape.
func writeScalar(b *bytes.Buffer, v reflect.Value) {
	switch {
	case v.Kind() == reflect.Pointer: // nil
		b.WriteString(yamlScalar(nil))
		return
	case v.Type() == durationType:
		b.WriteString(yamlString(time.Duration(v.Int()).String()))
		return
	case v.Type() == stringType:
		b.WriteString(yamlString(v.String()))
		return
	case v.Type().NumMethod() > 0:
		b.WriteString(yamlScalar(v.Interface())) // fmt.Sprint: a String method, say
		return
	}
	// as fmt.Sprint writes them, without boxing the value
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.Write(strconv.AppendInt(b.AvailableBuffer(), v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.Write(strconv.AppendUint(b.AvailableBuffer(), v.Uint(), 10))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	default:
		b.WriteString(yamlScalar(v.Interface()))
	}
}

var stringType = reflect.TypeFor[string]()

// yamlKeys are the keys of a struct type's fields that the writer
// considers (exported, with a yaml tag other than "-"), "" for the
// others, by the field's index: looked up once per type.
var yamlKeys sync.Map // reflect.Type -> []string

func yamlFieldKeys(t reflect.Type) []string {
	if keys, ok := yamlKeys.Load(t); ok {
		return keys.([]string)
	}
	keys := make([]string, t.NumField())
	for i := range keys {
		f := t.Field(i)
		if tag := f.Tag.Get("yaml"); f.IsExported() && tag != "" && tag != "-" {
			keys[i] = tag
		}
	}
	yamlKeys.Store(t, keys)
	return keys
}

// emptyMapping reports whether a value of mapping shape has no entries.
func emptyMapping(v reflect.Value) bool {
	if v.Kind() == reflect.Map {
		return v.Len() == 0
	}
	for i, key := range yamlFieldKeys(v.Type()) {
		if key != "" && !v.Field(i).IsZero() {
			return false
		}
	}
	return true
}

// writePad indents a line.
func writePad(b *bytes.Buffer, indent int) {
	for range indent {
		b.WriteString("  ")
	}
}

// writeMapping writes a mapping's entries at an indentation; inline:
// the first entry goes on the line already begun (after a sequence's
// dash).
func writeMapping(b *bytes.Buffer, v reflect.Value, indent int, inline bool) {
	if v.Kind() == reflect.Map {
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
		for i, k := range keys {
			writeEntry(b, k.String(), v.MapIndex(k), indent, inline && i == 0)
		}
		return
	}
	for i, key := range yamlFieldKeys(v.Type()) {
		if f := v.Field(i); key != "" && !f.IsZero() {
			writeEntry(b, key, f, indent, inline)
			inline = false
		}
	}
}

// writeEntry writes one entry of a mapping: its key, and its value after
// the colon; inline: on the line already begun.
func writeEntry(b *bytes.Buffer, key string, val reflect.Value, indent int, inline bool) {
	if !inline {
		writePad(b, indent)
	}
	b.WriteString(yamlString(key))
	b.WriteByte(':')
	writeNested(b, val, indent+1)
}

// writeSequence writes a sequence's elements at an indentation.
func writeSequence(b *bytes.Buffer, v reflect.Value, indent int) {
	for i := range v.Len() {
		writePad(b, indent)
		b.WriteString("-")
		if e, sh := yamlShape(v.Index(i)); sh == yamlMapping && !emptyMapping(e) {
			// the first key on the dash's line, the rest under it
			b.WriteByte(' ')
			writeMapping(b, e, indent+1, true)
			continue
		}
		writeNested(b, v.Index(i), indent+1)
	}
}

// writeNested writes what follows a key's colon or a sequence's dash.
func writeNested(b *bytes.Buffer, v reflect.Value, indent int) {
	v, sh := yamlShape(v)
	switch {
	case sh == yamlMapping && emptyMapping(v):
		b.WriteString(" {}\n")
	case sh == yamlMapping:
		b.WriteByte('\n')
		writeMapping(b, v, indent, false)
	case sh == yamlSequence && v.Len() == 0:
		b.WriteString(" []\n")
	case sh == yamlSequence:
		b.WriteByte('\n')
		writeSequence(b, v, indent)
	default:
		b.WriteByte(' ')
		writeScalar(b, v)
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
		return yamlString(v)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

// yamlString writes a string, plain only where YAML cannot read it as
// anything else.
func yamlString(v string) string {
	if yamlWord(v) || !plainYAML(v) {
		return strconv.Quote(v)
	}
	return v
}

// yamlWord reports whether YAML reads a string, in any case, as a
// boolean, null or a special number: whether strings.ToLower(v) is one of
// those words. A string of more than 6 bytes is none (the longest word
// has 5 letters, and the only non-ASCII capitals that lower to an ASCII
// letter, U+0130 to i and U+212A to k, appear in one word at most once:
// "İnf"); an ASCII one is lowered on the stack.
func yamlWord(v string) bool {
	if len(v) > 6 {
		return false
	}
	var buf [6]byte
	for i := range len(v) {
		c := v[i]
		if c >= 0x80 {
			return isYAMLWord(strings.ToLower(v))
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return isYAMLWord(string(buf[:len(v)]))
}

func isYAMLWord(s string) bool {
	switch s {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf":
		return true
	}
	return false
}

var durationType = reflect.TypeFor[time.Duration]()
