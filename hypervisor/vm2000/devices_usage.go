package vm2000

import (
	"strings"

	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// modifyDeviceUsage: MODIFY-VM-DEVICE-USAGE changes the usage mode of
// devices of a VM (V, 'MODIFY-VM-DEVICE-USAGE (Modify usage mode of
// devices of a VM)', ...-229): SHARED for an exclusive device whose kind
// can be shared, EXCLUSIVE for a shared device no other VM holds; the
// VM's definition keeps the change. The devices are named or given as
// ranges of the VM's devices (unitsIn). The page's messages are not in
// the stored text: the command reports nothing on success and stops at
// the first device it cannot change, keeping those before it (I, as
// ADD-VM-DEVICES); a device the VM lacks is VMS4033, one another VM
// shares VMS4032 naming that VM, one whose kind cannot be shared a
// semantic error (CMD0202 with a detail, I). A VM being migrated is refused (VMS3042:
// no resource of a migrating VM may change, 'Commands not permitted
// during VM migration' ...-87).
func (m *Model) modifyDeviceUsage(c *call) handler.Result {
	vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
	if res != nil {
		return *res
	}
	if vm.migration != nil || vm.incoming != nil {
		return m.refuse(c, vmMigrating, append(vm.inserts(), "/"+c.req.Name)...)
	}
	units, res := m.unitsIn(c, vm, vm.sortedDevices())
	if res != nil {
		return *res
	}
	var kw ast.Keyword
	c.args.Unpack("USAGE", &kw)
	want := usageExclusive
	if kw == "*SHARED" {
		want = usageShared
	}
	for _, mn := range units {
		if _, ok := vm.devices[mn]; !ok {
			return m.refuse(c, deviceNotAssigned, mn, vm.inserts()[0], vm.name)
		}
		d := vm.su.devices[mn]
		switch {
		case want == usageShared && !deviceKinds[d.kind].shareable:
			return m.refuse(c, deviceNotShareable, mn, strings.ToUpper(d.kind))
		case want == usageExclusive:
			for _, a := range d.assigned {
				if a.vm != vm {
					return m.refuse(c, deviceBusy, mn, a.vm.inserts()[0], a.vm.name)
				}
			}
		}
		vm.devices[mn] = want
		for i := range d.assigned {
			if d.assigned[i].vm == vm {
				d.assigned[i].usage = want
			}
		}
	}
	return handler.Done()
}
