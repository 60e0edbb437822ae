package vm2000

import (
	"fmt"
	"sort"
)

// Main memory of a server unit. On x86 a VM's memory is scattered, so
// only the amount of free memory counts. On /390 every VM has one area
// at a location (the hypervisor first, then the monitor VM, then the
// guests, V:MEM390); a new or migrated VM needs a free area of its size,
// and an extension needs free memory right behind the VM (I).

// area is a stretch of /390 main memory in MB: [start, end).
type area struct{ start, end int }

// freeMemory is the memory not taken by the hypervisor, VMs or systems
// outside the model.
func (su *serverUnit) freeMemory() int {
	free := su.memory - su.used - su.foreign
	if free < 0 {
		return 0
	}
	return free
}

// takenAreas returns the /390 areas in use, sorted by start; skip is
// left out (a VM being moved).
func (su *serverUnit) takenAreas(skip *VM) []area {
	areas := make([]area, 0, len(su.vms)+len(su.foreignAreas)+1)
	if su.hypervisor > 0 {
		areas = append(areas, area{0, su.hypervisor})
	}
	for _, vm := range su.vms {
		if vm != skip {
			areas = append(areas, area{vm.location, vm.location + vm.occupied()})
		}
	}
	areas = append(areas, su.foreignAreas...)
	sort.Slice(areas, func(i, j int) bool { return areas[i].start < areas[j].start })
	return areas
}

// gaps returns the free /390 areas, in address order.
func (su *serverUnit) gaps(skip *VM) []area {
	var out []area
	at := 0
	for _, a := range su.takenAreas(skip) {
		if a.start > at {
			out = append(out, area{at, a.start})
		}
		if a.end > at {
			at = a.end
		}
	}
	if at < su.memory {
		out = append(out, area{at, su.memory})
	}
	return out
}

// largestFree is the largest VM that fits now: the largest gap on /390,
// all free memory on x86.
func (su *serverUnit) largestFree() int {
	if !memoryRules[su.arch].contiguous {
		return su.freeMemory()
	}
	largest := 0
	for _, g := range su.gaps(nil) {
		if g.end-g.start > largest {
			largest = g.end - g.start
		}
	}
	return largest
}

// place finds room for size MB: the location of the first gap that
// fits on /390 (0 on x86), or false.
func (su *serverUnit) place(size int, skip *VM) (int, bool) {
	if !memoryRules[su.arch].contiguous {
		return 0, su.freeMemory() >= size
	}
	for _, g := range su.gaps(skip) {
		if g.end-g.start >= size {
			return g.start, true
		}
	}
	return 0, false
}

// firstFit places areas one after another, each into the first gap that
// fits, as place does after every addVM, but in O(log n) per area
// instead of recomputing the gaps: a segment tree over the gaps holds
// the largest gap of each range of them, so the first gap of at least a
// size is found by descending from the root.
type firstFit struct {
	gaps   []area
	leaves int   // a power of two, at least len(gaps)
	max    []int // node i covers max[2i] and max[2i+1]; leaves from index leaves
}

// newFirstFit takes over gaps (in address order, as gaps returns them).
func newFirstFit(gaps []area) *firstFit {
	leaves := 1
	for leaves < len(gaps) {
		leaves *= 2
	}
	f := &firstFit{gaps: gaps, leaves: leaves, max: make([]int, 2*leaves)}
	for i, g := range gaps {
		f.max[leaves+i] = g.end - g.start
	}
	for i := leaves - 1; i >= 1; i-- {
		f.max[i] = max(f.max[2*i], f.max[2*i+1])
	}
	return f
}

// take returns the start of the first gap of at least size MB (size at
// least 1) and takes size MB from the start of that gap.
func (f *firstFit) take(size int) (int, bool) {
	if len(f.gaps) == 0 || f.max[1] < size {
		return 0, false
	}
	i := 1
	for i < f.leaves {
		if i = 2 * i; f.max[i] < size {
			i++
		}
	}
	g := &f.gaps[i-f.leaves]
	start := g.start
	g.start += size
	for f.max[i] = g.end - g.start; i > 1; {
		i /= 2
		f.max[i] = max(f.max[2*i], f.max[2*i+1])
	}
	return start, true
}

// placeAll places VMs at load, in order, each where place would put it
// (the first gap that fits on /390), and adds them: linear in the VMs
// (n log n on /390) where calling place for each would be quadratic.
func (su *serverUnit) placeAll(vms []*VM) error {
	var fit *firstFit
	if memoryRules[su.arch].contiguous {
		fit = newFirstFit(su.gaps(nil))
	}
	for _, vm := range vms {
		ok := su.freeMemory() >= vm.size
		if fit != nil {
			vm.location, ok = fit.take(max(vm.size, 1))
		}
		if !ok {
			return fmt.Errorf("no free area of %d MB for VM %s on %s", vm.size, vm.name, su.name)
		}
		su.addVM(vm)
	}
	return nil
}

// placeAt reports whether a VM of size MB fits at location.
func (su *serverUnit) placeAt(location, size int, skip *VM) bool {
	for _, g := range su.gaps(skip) {
		if g.start <= location && location+size <= g.end {
			return true
		}
	}
	return false
}

// roomToGrow is how many MB a VM can grow by now: the free memory right
// behind it on /390, all free memory on x86.
func (su *serverUnit) roomToGrow(vm *VM) int {
	if !memoryRules[su.arch].contiguous {
		return su.freeMemory()
	}
	end := vm.location + vm.occupied()
	for _, g := range su.gaps(nil) {
		if g.start == end {
			return g.end - g.start
		}
	}
	return 0
}

// reserveForeign takes size MB of memory for systems outside the model
// (fault memory-short): from the highest free areas down on /390.
func (su *serverUnit) reserveForeign(size int) {
	if size <= 0 {
		return
	}
	su.foreign += size
	if !memoryRules[su.arch].contiguous {
		return
	}
	gaps := su.gaps(nil)
	for i := len(gaps) - 1; i >= 0 && size > 0; i-- {
		g := gaps[i]
		take := g.end - g.start
		if take > size {
			take = size
		}
		su.foreignAreas = append(su.foreignAreas, area{g.end - take, g.end})
		size -= take
	}
}
