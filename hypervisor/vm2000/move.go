package vm2000

import (
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// moveVM: MOVE-VM (/390) relocates a VM's memory area. A running VM
// waits (WAIT(INT)) while it is moved, which takes no virtual time here.
// During a reconfiguration the area has the new size after EXTEND and
// the old size after REDUCE (V:EXT, V:RED), which is what occupied()
// returns. V:MOVE
func (m *Model) moveVM(c *call) handler.Result {
	vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
	if res != nil {
		return *res
	}
	if res, _ := m.applyRule(c, ruleMove, vm); res != nil {
		return *res
	}
	size := vm.occupied()
	location, ok := -1, false
	var where ast.Keyword
	c.args.Unpack("LOCATION", &where)
	switch where {
	case "*BEFORE-VM":
		if next := m.neighbour(c, vm, +1); next != nil {
			location = next.location - size
		}
	case "*AFTER-VM":
		if prev := m.neighbour(c, vm, -1); prev != nil {
			location = prev.location + prev.occupied()
		}
	default: // *MEMORY-END: the highest free area that fits
		gaps := vm.su.gaps(vm)
		for i := len(gaps) - 1; i >= 0; i-- {
			if gaps[i].end-gaps[i].start >= size {
				location = gaps[i].end - size
				break
			}
		}
	}
	if location >= 0 {
		ok = vm.su.placeAt(location, size, vm)
	}
	if !ok {
		return m.refuse(c, memoryShort, itoa(size), vm.su.name)
	}
	vm.location = location
	return handler.Done(m.processed(c, vm))
}

// neighbour resolves the VM-IDENTIFICATION of LOCATION=*BEFORE-VM(...)
// or *AFTER-VM(...): a named VM, or *NEXT / *PREVIOUS, the VM whose area
// follows or precedes this VM's (dir +1 / -1).
func (m *Model) neighbour(c *call, vm *VM, dir int) *VM {
	var sub *ast.Args
	c.args.Unpack("LOCATION", &sub)
	var ref ast.Ref
	sub.Unpack("VM-IDENTIFICATION", &ref)
	switch {
	case ref.IsNumber:
		return vm.su.vms[ref.Number]
	case ref.Name != "":
		return vm.su.lookupVM(ref.Name)
	}
	var best *VM
	for _, other := range vm.su.vms {
		switch {
		case other == vm:
		case dir > 0 && other.location > vm.location && (best == nil || other.location < best.location):
			best = other
		case dir < 0 && other.location < vm.location && (best == nil || other.location > best.location):
			best = other
		}
	}
	return best
}
