package vm2000

import (
	"slices"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
)

// CPU pools: CREATE-VM-CPU-POOL, DELETE-VM-CPU-POOL, SHOW-VM-CPU-POOL.
// The names are the manual's ('Dynamic CPU pools' ...-128: a pool can be
// empty, with no real CPU and no VM or VM group); their pages are not
// stored, so operands, refusals, layout and element names are sdfp's
// (I). The model has no real CPUs: a pool is a name that VMs and VM
// groups are assigned to, *STDPOOL always exists.

// poolUsers counts the VMs and VM groups assigned to a pool.
func (su *serverUnit) poolUsers(pool string) (vms, groups int) {
	for _, vm := range su.vms {
		if vm.pool == pool && vm.incoming == nil {
			vms++
		}
	}
	for _, g := range su.groups {
		if g.pool == pool {
			groups++
		}
	}
	return vms, groups
}

// sortedPools returns the pool names, *STDPOOL first.
func (su *serverUnit) sortedPools() []string {
	var out []string
	for p := range su.pools {
		if p != stdPool {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return append([]string{stdPool}, out...)
}

// createPool: CREATE-VM-CPU-POOL.
func (m *Model) createPool(c *call) handler.Result {
	var name string
	c.args.Unpack("CPU-POOL-NAME", &name)
	if c.su.pools[name] {
		return m.refuse(c, cpuPoolExists, name)
	}
	c.su.pools[name] = true
	return handler.Done()
}

// deletePool: DELETE-VM-CPU-POOL; only an unused pool other than
// *STDPOOL goes.
func (m *Model) deletePool(c *call) handler.Result {
	var name string
	c.args.Unpack("CPU-POOL-NAME", &name)
	if !c.su.pools[name] {
		return m.refuse(c, cpuPoolUnknown, name)
	}
	if vms, groups := c.su.poolUsers(name); vms+groups > 0 {
		return m.refuse(c, cpuPoolInUse, name, itoa(vms), itoa(groups))
	}
	delete(c.su.pools, name)
	for _, cpu := range c.su.poolCPUs(name) {
		cpu.pool = stdPool // its real CPUs go back to the standard pool (I)
	}
	return handler.Done()
}

// showPool: SHOW-VM-CPU-POOL, one line and one record per pool. A server
// unit with real CPUs adds the number of attached ones and the list of
// them (the pages name SHOW-VM-CPU-POOL INFORMATION=*CPU as the command
// that shows the real CPUs and their pools, V 'Real CPUs' ...-121; the
// layout and the element names are I).
func (m *Model) showPool(c *call) handler.Result {
	var name string
	c.args.Unpack("CPU-POOL-NAME", &name)
	pools := c.su.sortedPools()
	switch name {
	case "", "*ALL":
	default:
		if !c.su.pools[name] {
			return m.refuse(c, cpuPoolUnknown, name)
		}
		pools = []string{name}
	}
	cols := []column{{title: "CPU-POOL", width: 8}, {title: "VMS", width: 3, right: true}, {title: "VM-GROUPS", width: 9, right: true}}
	real := len(c.su.cpus) > 0
	if real {
		cols = append(cols, column{title: "ATT", width: 3, right: true}, column{title: "REAL-CPUS", width: 9})
	}
	lines := []string{header(cols)}
	var records []handler.Record
	for _, p := range pools {
		vms, groups := c.su.poolUsers(p)
		rec := handler.Record{{Name: "CPU-POOL-NAME", Value: p}, {Name: "NUM-OF-VMS", Value: vms}, {Name: "NUM-OF-VM-GROUPS", Value: groups}}
		if !real {
			lines = append(lines, row(cols, p, itoa(vms), itoa(groups)))
			records = append(records, rec)
			continue
		}
		cpus := c.su.poolCPUs(p)
		lines = append(lines, row(cols, p, itoa(vms), itoa(groups), itoa(c.su.attachedIn(p)), cpuScreen(cpus)))
		records = append(records, append(rec, handler.Field{Name: "NUM-OF-ATT-CPUS", Value: c.su.attachedIn(p)},
			handler.Field{Name: "REAL-CPU", Value: cpuRecords(cpus)}))
	}
	return handler.Result{RC: handler.OK, Output: msg.Plains(lines...), Records: records}
}
