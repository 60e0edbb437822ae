package vm2000

import (
	"strconv"

	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// moveVM: MOVE-VM (/390) relocates a VM's memory area. A running VM
// waits (WAIT(INT)) while it is moved, which takes no virtual time here.
// During a reconfiguration the area has the new size after EXTEND and
// the old size after REDUCE (V:EXT, V:RED), which is what occupied()
// returns. LOCATION names a neighbour, the memory's end or an address
// (V, 'MOVE-VM (Move a VM within main memory)', ...-232); MSCF-COORDINATED
// has no effect, as the model has no MSCF partners. V:MOVE
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
	var at *ast.Value
	c.args.Unpack("LOCATION", &at)
	where := ""
	if at != nil {
		where = at.Keyword
	}
	switch where {
	case "*BEFORE-VM":
		if next := m.neighbour(c, vm, +1); next != nil {
			location = next.location - size
		}
	case "*AFTER-VM":
		if prev := m.neighbour(c, vm, -1); prev != nil {
			location = prev.location + prev.occupied()
		}
	case "", "*MEMORY-END":
		if at != nil && at.Str != "" {
			var good bool
			if location, good = moveAddress(at); !good {
				return m.refuse(c, badMemoryAddress, at.Str)
			}
			break
		}
		gaps := vm.su.gaps(vm) // the highest free area that fits
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

// maxMoveAddress is the highest address MOVE-VM takes, in MB: the page
// gives 00000000..7FF00000 in bytes (V, ...-232); the same bound in MB
// for DIMENSION=*MEGABYTE is I.
const maxMoveAddress = 0x7FF

// moveAddress reads LOCATION=<x-text 1..8>(DIMENSION=...) of MOVE-VM as
// a location in MB: hexadecimal digits, padded on the left, in bytes a
// multiple of 1 MB (V, ...-232). ok is false for any other text.
func moveAddress(at *ast.Value) (mb int, ok bool) {
	if !isHex(at.Str) {
		return 0, false
	}
	v, err := strconv.ParseUint(at.Str, 16, 32)
	if err != nil {
		return 0, false
	}
	var dim ast.Keyword
	if at.Struct != nil {
		at.Struct.Unpack("DIMENSION", &dim)
	}
	if dim != "*MEGABYTE" {
		if v%(1<<20) != 0 {
			return 0, false
		}
		v >>= 20
	}
	if v > maxMoveAddress {
		return 0, false
	}
	return int(v), true
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
