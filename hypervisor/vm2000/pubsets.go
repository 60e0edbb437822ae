package vm2000

import (
	"context"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// Pubsets as the device commands see them: a pubset is a set of disks
// named by its catalog ID, one of them its pubres device, and
// UNITS=*PUBSET-DEVICES(PUBSET=catid or *BY-PUBRES-DEVICE(UNIT=mn))
// takes all of them at once (V, 'Assigning and removing pubsets of a VM'
// ...-155, 'Notes on pubset specification in the VM2000 commands'
// ...-160, ADD-VM-DEVICES ...-201). VM2000 finds a pubset through the
// MRS catalog of the monitor system; the model has none, so the
// installation declares the pubsets of each server unit (I).
//
// A pubset assigned as a whole gives its pubres device the attribute
// PUBRES-FOR-ASSIGNMENT for that VM, shown as "(P)" in SHOW-VM-DEVICE-
// STATUS's ASSIGNED-BY column; releasing the pubset takes it away (V,
// 'Explicit pubset assignment and removal' ...-156).

// PubsetSpec is a pubset of a server unit in the installation file.
type PubsetSpec struct {
	CatID string `yaml:"catid"` // catalog ID, 1..4 letters or digits
	// Devices are the pubset's disks, the pubres device first.
	Devices []string `yaml:"devices"`
	at      located
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *PubsetSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain PubsetSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// pubset is a pubset of the model.
type pubset struct {
	catid   string
	devices []string // the pubres device first
}

func (p *pubset) pubres() string { return p.devices[0] }

// pubsetByCatID finds a pubset of the server unit.
func (su *serverUnit) pubsetByCatID(catid string) *pubset {
	i := slices.IndexFunc(su.pubsets, func(p *pubset) bool { return p.catid == catid })
	if i < 0 {
		return nil
	}
	return su.pubsets[i]
}

// pubsetByPubres finds the pubset whose pubres device is mn.
func (su *serverUnit) pubsetByPubres(mn string) *pubset {
	i := slices.IndexFunc(su.pubsets, func(p *pubset) bool { return p.pubres() == mn })
	if i < 0 {
		return nil
	}
	return su.pubsets[i]
}

// pubresFor reports whether the device is the pubres device of a pubset
// assigned as a whole to the VM (PUBRES-FOR-ASSIGNMENT).
func (vm *VM) pubresFor(mn string) bool {
	for catid := range vm.pubsets {
		if p := vm.su.pubsetByCatID(catid); p != nil && p.pubres() == mn {
			return true
		}
	}
	return false
}

// buildPubsets turns the declared pubsets into the model's.
func buildPubsets(specs []PubsetSpec) []*pubset {
	var out []*pubset
	for _, s := range specs {
		out = append(out, &pubset{catid: s.CatID, devices: slices.Clone(s.Devices)})
	}
	return out
}

// pubsetSpecs is the snapshot of a unit's pubsets.
func (su *serverUnit) pubsetSpecs() []PubsetSpec {
	var out []PubsetSpec
	for _, p := range su.pubsets {
		out = append(out, PubsetSpec{CatID: p.catid, Devices: slices.Clone(p.devices)})
	}
	return out
}

// pubsets checks a server unit's pubsets and the pubsets its VMs hold:
// a catalog ID once per unit, at least one device, every device a
// generated disk in one pubset only (I), and a VM's pubset one whose
// pubres device the VM holds.
func (c *checker) pubsets(su *ServerUnitSpec, devices map[string]*DeviceSpec) {
	catids := map[string]bool{}
	member := map[string]string{}
	for i := range su.Pubsets {
		p := &su.Pubsets[i]
		p.CatID = strings.ToUpper(p.CatID)
		switch {
		case !validCatID(p.CatID):
			c.errorf(p.at.of("catid"), "pubset catid %q must be 1..4 letters or digits", p.CatID)
		case catids[p.CatID]:
			c.errorf(p.at.of("catid"), "pubset %s is defined twice on %s", p.CatID, su.Name)
		}
		catids[p.CatID] = true
		if len(p.Devices) == 0 {
			c.errorf(p.at.of("catid"), "pubset %s has no devices: list its disks, the pubres device first", p.CatID)
		}
		for j := range p.Devices {
			mn := strings.ToUpper(p.Devices[j])
			p.Devices[j] = mn
			d := devices[mn]
			switch {
			case d == nil:
				c.errorf(p.at.of("devices"), "device %s of pubset %s is not generated on %s", mn, p.CatID, su.Name)
			case d.Kind != "disk" && d.Kind != "emulated-disk":
				c.errorf(p.at.of("devices"), "device %s of pubset %s is a %s, not a disk", mn, p.CatID, d.Kind)
			case member[mn] != "":
				c.errorf(p.at.of("devices"), "device %s is in pubsets %s and %s; a disk belongs to one pubset", mn, member[mn], p.CatID)
			default:
				member[mn] = p.CatID
			}
		}
	}
	for i := range su.VMs {
		vm := &su.VMs[i]
		for j, catid := range vm.Pubsets {
			catid = strings.ToUpper(catid)
			vm.Pubsets[j] = catid
			k := slices.IndexFunc(su.Pubsets, func(p PubsetSpec) bool { return p.CatID == catid })
			if k < 0 {
				c.errorf(vm.at.of("pubsets"), "pubset %s of VM %s is not a pubset of %s", catid, vm.Name, su.Name)
				continue
			}
			pubres := ""
			if ds := su.Pubsets[k].Devices; len(ds) > 0 {
				pubres = ds[0]
			}
			if !slices.ContainsFunc(vm.Devices, func(d VMDeviceSpec) bool { return d.MN == pubres }) {
				c.errorf(vm.at.of("pubsets"), "VM %s holds pubset %s but not its pubres device %s", vm.Name, catid, pubres)
			}
		}
	}
}

// validCatID reports whether s is a catalog ID: 1..4 letters or digits.
func validCatID(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for _, ch := range []byte(s) {
		if !(ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9') {
			return false
		}
	}
	return true
}
