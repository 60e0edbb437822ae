package vm2000

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
)

// Assignment sets: the devices a VM's guest system may assign itself
// implicitly (V, 'SHOW-VM-ASSIGNMENT-SET (Output assignment sets)',
// VM2000 V12 user guide ...-242). The model keeps them as installation
// data and shows them; no command changes them, and guests assign no
// devices implicitly, so a set only says who would be allowed to.
//
// Rules of the data (I, the pages that create and modify sets are not
// stored): *STDSET always exists and holds every device no other set
// names; it takes the new devices of a dynamic I/O change unless another
// set is declared for them; a device is in one set only.

const stdSet = "*STDSET"

// AssignmentSetSpec is an assignment set of a server unit in the
// installation file.
type AssignmentSetSpec struct {
	Name string `yaml:"name"` // *STDSET or a name of 1..8 characters
	// VMs are the names of the VMs whose guests may assign devices of the
	// set implicitly (initialised VMs, the monitor or definitions).
	VMs []string `yaml:"vms"`
	// Devices are the set's devices; *STDSET lists none (it has the rest).
	Devices []string `yaml:"devices"`
	// NewDevices: devices added by a dynamic I/O change join this set.
	NewDevices bool `yaml:"new-devices"`
	at         located
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *AssignmentSetSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain AssignmentSetSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// assignmentSet is a set of the model.
type assignmentSet struct {
	name       string
	vms        []string // VM names, as declared
	devices    []string // empty for *STDSET: it has the others
	newDevices bool
}

// assignmentSets checks a server unit's sets. names are the VM names of
// the unit (monitor, VMs, definitions); devices its generated devices.
func (c *checker) assignmentSets(su *ServerUnitSpec, names map[string]bool, devices map[string]*DeviceSpec) {
	seen := map[string]bool{}
	member := map[string]string{}
	newSet := ""
	for i := range su.AssignmentSets {
		s := &su.AssignmentSets[i]
		s.Name = strings.ToUpper(s.Name)
		switch {
		case s.Name != stdSet && !validVMName(s.Name):
			c.errorf(s.at.of("name"), "assignment set name %q is not *STDSET or a name of 1..8 characters", s.Name)
		case seen[s.Name]:
			c.errorf(s.at.of("name"), "assignment set %s is defined twice on %s", s.Name, su.Name)
		}
		seen[s.Name] = true
		for j := range s.VMs {
			s.VMs[j] = strings.ToUpper(s.VMs[j])
			if !names[s.VMs[j]] {
				c.errorf(s.at.of("vms"), "VM %s of assignment set %s is not a VM of %s", s.VMs[j], s.Name, su.Name)
			}
		}
		if s.Name == stdSet && len(s.Devices) > 0 {
			c.errorf(s.at.of("devices"), "*STDSET lists no devices: it holds those no other set names")
		}
		for j := range s.Devices {
			mn := strings.ToUpper(s.Devices[j])
			s.Devices[j] = mn
			switch {
			case devices[mn] == nil:
				c.errorf(s.at.of("devices"), "device %s of assignment set %s is not generated on %s", mn, s.Name, su.Name)
			case member[mn] != "":
				c.errorf(s.at.of("devices"), "device %s is in assignment sets %s and %s; a device is in one set only", mn, member[mn], s.Name)
			default:
				member[mn] = s.Name
			}
		}
		if s.NewDevices {
			if newSet != "" {
				c.errorf(s.at.of("new-devices"), "new devices go to one assignment set only, and %s takes them", newSet)
			}
			newSet = s.Name
		}
	}
}

// buildAssignmentSets turns the declared sets into the model's, *STDSET
// first (added when the installation leaves it out).
func buildAssignmentSets(specs []AssignmentSetSpec) []*assignmentSet {
	sets := []*assignmentSet{{name: stdSet, newDevices: true}}
	for _, s := range specs {
		set := sets[0]
		if s.Name != stdSet {
			set = &assignmentSet{name: s.Name}
			sets = append(sets, set)
		}
		set.vms = slices.Clone(s.VMs)
		set.devices = sortedEBCDIC(slices.Clone(s.Devices))
		if s.NewDevices && set != sets[0] {
			sets[0].newDevices = false
			set.newDevices = true
		}
	}
	slices.SortFunc(sets[1:], func(a, b *assignmentSet) int { return strings.Compare(a.name, b.name) })
	return sets
}

// assignmentSetSpecs is the snapshot of a unit's sets: the VMs still on
// the unit (a VM migrated or deleted with its definition leaves them).
func (su *serverUnit) assignmentSetSpecs() []AssignmentSetSpec {
	var out []AssignmentSetSpec
	for _, s := range su.assignmentSets {
		var vms []string
		for _, name := range s.vms {
			if su.lookupVM(name) != nil || su.definitions[name] != nil {
				vms = append(vms, name)
			}
		}
		if s.name == stdSet && len(vms) == 0 && s.newDevices {
			continue // the default *STDSET, as a missing entry gives it
		}
		out = append(out, AssignmentSetSpec{Name: s.name, VMs: vms, Devices: slices.Clone(s.devices), NewDevices: s.newDevices && s.name != stdSet})
	}
	return out
}

// setDevices is the number of devices in a set: *STDSET's are those no
// other set names.
func (su *serverUnit) setDevices(s *assignmentSet) int {
	if s.name != stdSet {
		return len(s.devices)
	}
	n := len(su.devices)
	for _, other := range su.assignmentSets[1:] {
		n -= len(other.devices)
	}
	return n
}

// showAssignmentSet: SHOW-VM-ASSIGNMENT-SET, the page's screen (set,
// number of devices with +NEW, one line per VM allowed, NONE when there
// is none) and one record per set with the page's S variables (V,
// ...-242), each line after the "% " the other screens start with. VMs
// not initialised have no index and are left out of both (I). An unknown
// set is VMS4200; as an information command it does not spin off (V,
// 'Command return codes' ...-196).
func (m *Model) showAssignmentSet(c *call) handler.Result {
	var name string
	c.args.Unpack("SET-NAME", &name)
	sets := c.su.assignmentSets
	if name != "" && name != "*ALL" {
		i := slices.IndexFunc(sets, func(s *assignmentSet) bool { return s.name == name })
		if i < 0 {
			return m.refuse(c, assignmentSetUnknown, name)
		}
		sets = sets[i : i+1]
	}
	lines := []string{"% ASSIGNMENT-SET   #DEVICES   VM-ID"}
	var records []handler.Record
	for _, s := range sets {
		count := fmt.Sprintf("%5d", c.su.setDevices(s))
		if s.newDevices {
			count += "+NEW"
		}
		var vms []*VM
		for _, n := range s.vms {
			if vm := c.su.lookupVM(n); vm != nil {
				vms = append(vms, vm)
			}
		}
		slices.SortFunc(vms, func(a, b *VM) int { return a.index - b.index })
		ids := []string{"NONE"}
		var list []handler.Record
		for i, vm := range vms {
			if i == 0 {
				ids = ids[:0]
			}
			ids = append(ids, fmt.Sprintf("%2d %s", vm.index, vm.name))
			list = append(list, handler.Record{{Name: "VM-INDEX", Value: vm.index}, {Name: "VM-NAME", Value: vm.name}})
		}
		lines = append(lines, fmt.Sprintf("%% %-17s%-11s%s", s.name, count, ids[0]))
		for _, id := range ids[1:] {
			lines = append(lines, "% "+strings.Repeat(" ", 28)+id)
		}
		rec := handler.Record{{Name: "ASSIGNMENT-SET", Value: s.name}}
		if len(list) > 0 {
			rec = append(rec, handler.Field{Name: "VM", Value: list})
		}
		rec = append(rec, handler.Field{Name: "NUM-OF-DEV", Value: c.su.setDevices(s)}, handler.Field{Name: "NEW-DEV", Value: s.newDevices},
			handler.Field{Name: "NUM-OF-VMS", Value: len(vms)})
		records = append(records, rec)
	}
	return handler.Result{RC: handler.OK, Output: msg.Plains(lines...), Records: records}
}
