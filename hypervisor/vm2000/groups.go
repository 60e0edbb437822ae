package vm2000

import (
	"maps"
	"slices"
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// VM groups (SU /390) and the assignment of VMs and VM groups to CPU
// pools: CREATE-VM-GROUP, DELETE-VM-GROUP, ADD-VM-TO-VM-GROUP,
// REMOVE-VM-FROM-VM-GROUP, ASSIGN-VM-TO-CPU-POOL,
// ASSIGN-VM-GROUP-TO-CPU-POOL and SHOW-VM-GROUP. Pages of the VM2000 V12
// user guide: 'Operating VM groups (SU /390)' ...-94, 'Creating a VM
// group' ...-95, the command pages ...-202, -203, -204, -214, -247.
// The model has no scheduler: quotas and utilisation limits are kept and
// shown, and ATTACHED-VM-CPUS is accepted without effect (a pool has no
// real CPUs in the model, I).

// vmGroup is a VM group of a server unit. Its members are the VMs whose
// group field names it.
type vmGroup struct {
	name   string
	quota  float64 // the group's CPU quota in its pool
	maxCPU float64 // maximum CPU utilisation in percent
	pool   string
}

// groupFacts are the rules of VM groups that come from the manual.
var groupFacts = struct {
	// perVMs: at most half as many groups as VMs, rounded up. V ...-95
	perVMs int
	source string
}{2, "V: 'Creating a VM group' ...-95"}

// maxGroups is how many VM groups the server unit allows.
func (m *Model) maxGroups() int {
	n := m.inst.Limits.MaxVMIndex
	return (n + groupFacts.perVMs - 1) / groupFacts.perVMs
}

// members returns the VMs of a group by index.
func (su *serverUnit) members(group string) []*VM {
	var out []*VM
	for _, vm := range su.sortedVMs() {
		if vm.group == group && vm.incoming == nil {
			out = append(out, vm)
		}
	}
	return out
}

// sortedGroups returns the server unit's VM groups by name.
func (su *serverUnit) sortedGroups() []*vmGroup {
	return slices.SortedFunc(maps.Values(su.groups), func(a, b *vmGroup) int { return strings.Compare(a.name, b.name) })
}

// onlyOn390 refuses a VM group command on SU x86 (VMS3011, VMS9004;
// every VM group page).
func (m *Model) onlyOn390(c *call) *handler.Result {
	if c.su.arch != archX86 {
		return nil
	}
	r := m.refuse(c, notOnX86, "/"+c.req.Name)
	return &r
}

// groupByOperand resolves VM-GROUP-NAME; on failure res is the refusal.
func (m *Model) groupByOperand(c *call) (*vmGroup, *handler.Result) {
	var name string
	c.args.Unpack("VM-GROUP-NAME", &name)
	g := c.su.groups[name]
	if g == nil {
		r := m.refuse(c, vmGroupUnknown, name)
		return nil, &r
	}
	return g, nil
}

// poolOperand resolves a CPU pool name (*STDPOOL or a created pool).
func (m *Model) poolOperand(c *call, operand string) (string, *handler.Result) {
	var name string
	c.args.Unpack(operand, &name)
	if name == "" {
		name = stdPool
	}
	if !c.su.pools[name] {
		r := m.refuse(c, cpuPoolUnknown, name)
		return "", &r
	}
	return name, nil
}

// createGroup: CREATE-VM-GROUP. V ...-214, ...-95
func (m *Model) createGroup(c *call) handler.Result {
	if res := m.onlyOn390(c); res != nil {
		return *res
	}
	var name string
	var quotaKind ast.Keyword
	g := &vmGroup{quota: stdCPUQuota, maxCPU: 100}
	c.args.Unpack("VM-GROUP-NAME", &name, "CPU-QUOTA", &quotaKind, "CPU-QUOTA", &g.quota, "MAX-CPU-UTILIZATION", &g.maxCPU)
	if quotaKind == "*STD" {
		g.quota = stdCPUQuota
	}
	g.name = name
	pool, res := m.poolOperand(c, "CPU-POOL-NAME")
	if res != nil {
		return *res
	}
	g.pool = pool
	switch {
	case c.su.groups[name] != nil:
		return m.refuse(c, vmGroupExists, name)
	case len(c.su.groups) >= m.maxGroups():
		return m.refuse(c, tooManyGroups, itoa(m.maxGroups()))
	}
	c.su.groups[name] = g
	return handler.Done()
}

// deleteGroup: DELETE-VM-GROUP; a group with members stays (I).
func (m *Model) deleteGroup(c *call) handler.Result {
	if res := m.onlyOn390(c); res != nil {
		return *res
	}
	g, res := m.groupByOperand(c)
	if res != nil {
		return *res
	}
	if members := c.su.members(g.name); len(members) > 0 {
		return m.refuse(c, groupHasMembers, g.name, itoa(len(members)))
	}
	delete(c.su.groups, g.name)
	return handler.Done()
}

// groupMember resolves the VM of a group command and refuses one being
// migrated (VMS3042, SC1=128 on ...-202).
func (m *Model) groupMember(c *call) (*VM, *handler.Result) {
	vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
	if res != nil {
		return nil, res
	}
	if vm.migration != nil || vm.incoming != nil {
		r := m.refuse(c, vmMigratingGroup, append(vm.inserts(), "/"+c.req.Name)...)
		return nil, &r
	}
	return vm, nil
}

// addToGroup: ADD-VM-TO-VM-GROUP. The VM must be in the group's CPU pool
// (VMS4422) and in no group yet (VMS4424); its CPU quota becomes the
// member CPU quota. VMS4425 is the guaranteed message. V ...-202
func (m *Model) addToGroup(c *call) handler.Result {
	if res := m.onlyOn390(c); res != nil {
		return *res
	}
	vm, res := m.groupMember(c)
	if res != nil {
		return *res
	}
	g, res := m.groupByOperand(c)
	if res != nil {
		return *res
	}
	switch {
	case vm.group != "":
		return m.refuse(c, vmAlreadyInGroup, append(vm.inserts(), vm.group)...)
	case vm.pool != g.pool:
		return m.refuse(c, vmNotInGroupPool, append(vm.inserts(), g.pool, g.name)...)
	}
	c.args.Unpack("MEMBER-CPU-QUOTA", &vm.cpuQuota)
	vm.group = g.name
	return handler.Done(line(msgGroupAssigned, append(vm.inserts(), g.name)...))
}

// removeFromGroup: REMOVE-VM-FROM-VM-GROUP. The VM stays in the group's
// CPU pool with its own CPU quota (I: its page is not stored).
func (m *Model) removeFromGroup(c *call) handler.Result {
	if res := m.onlyOn390(c); res != nil {
		return *res
	}
	vm, res := m.groupMember(c)
	if res != nil {
		return *res
	}
	if vm.group == "" {
		return m.refuse(c, vmNotInGroup, vm.inserts()...)
	}
	var kind ast.Keyword
	q := float64(stdCPUQuota)
	c.args.Unpack("CPU-QUOTA", &kind, "CPU-QUOTA", &q)
	if kind == "*STD" {
		q = stdCPUQuota
	}
	vm.group, vm.cpuQuota = "", q
	return handler.Done()
}

// assignVMToPool: ASSIGN-VM-TO-CPU-POOL, for a VM in no VM group. V ...-204
func (m *Model) assignVMToPool(c *call) handler.Result {
	vm, res := m.groupMember(c)
	if res != nil {
		return *res
	}
	if vm.group != "" {
		return m.refuse(c, vmAlreadyInGroup, append(vm.inserts(), vm.group)...)
	}
	pool, res := m.poolOperand(c, "TO-CPU-POOL")
	if res != nil {
		return *res
	}
	vm.pool = pool
	c.args.Unpack("CPU-QUOTA", &vm.cpuQuota)
	return handler.Done()
}

// assignGroupToPool: ASSIGN-VM-GROUP-TO-CPU-POOL; the members move with
// the group, which is refused while one of them migrates. V ...-203
func (m *Model) assignGroupToPool(c *call) handler.Result {
	if res := m.onlyOn390(c); res != nil {
		return *res
	}
	g, res := m.groupByOperand(c)
	if res != nil {
		return *res
	}
	pool, res := m.poolOperand(c, "TO-CPU-POOL")
	if res != nil {
		return *res
	}
	members := c.su.members(g.name)
	if i := slices.IndexFunc(members, func(vm *VM) bool { return vm.migration != nil }); i >= 0 {
		return m.refuse(c, vmMigratingGroup, append(members[i].inserts(), "/"+c.req.Name)...)
	}
	g.pool = pool
	c.args.Unpack("CPU-QUOTA", &g.quota)
	for _, vm := range members {
		vm.pool = pool
	}
	return handler.Done()
}

// showGroup: SHOW-VM-GROUP. The layout and the element names are sdfp's
// (I): one line per group under *ATTRIBUTES, one per member under
// *MEMBERS, both tables with *ALL; one record per group, its members a
// list of structures (MEMBER(*LIST)), as SHOW-VM-ASSIGNMENT-SET lists
// its VMs (V ...-242). V ...-247
func (m *Model) showGroup(c *call) handler.Result {
	if res := m.onlyOn390(c); res != nil {
		return *res
	}
	groups, res := m.selectGroups(c)
	if res != nil {
		return *res
	}
	var info ast.Keyword
	c.args.Unpack("INFORMATION", &info)
	attrs, members := info != "*MEMBERS", info != "*ATTRIBUTES"
	attrCols := []column{{title: "VM-GROUP", width: 8}, {title: "CPU-POOL(P)", width: 11}, {title: "CPU-Q", width: 5, right: true},
		{title: "MAX-U", width: 6, right: true}, {title: "MEMBERS", width: 7, right: true}}
	memberCols := []column{{title: "VM-GROUP", width: 8}, vmIDColumn, stateColumn, {title: "PROC", width: 4, right: true},
		{title: "M-CPU-Q", width: 7, right: true}}
	var attrLines, memberLines []string
	records := make([]handler.Record, 0, len(groups))
	for _, g := range groups {
		vms := c.su.members(g.name)
		rec := handler.Record{{Name: "VM-GROUP-NAME", Value: g.name}}
		if attrs {
			attrLines = append(attrLines, row(attrCols, g.name, g.pool+"(P)", quota(g.quota), quota(g.maxCPU), itoa(len(vms))))
			rec = append(rec, handler.Field{Name: "CPU-POOL", Value: g.pool}, handler.Field{Name: "CPU-QUOTA", Value: quota(g.quota)},
				handler.Field{Name: "MAX-CPU-UTIL", Value: quota(g.maxCPU)}, handler.Field{Name: "NUM-OF-MEMBERS", Value: len(vms)})
		}
		if members {
			list := []handler.Record{}
			for _, vm := range vms {
				memberLines = append(memberLines, row(memberCols, g.name, vmID(vm.index, vm.name), vm.displayState(), itoa(vm.processors), quota(vm.cpuQuota)))
				list = append(list, handler.Record{{Name: "VM-INDEX", Value: vm.index}, {Name: "VM-NAME", Value: vm.name},
					{Name: "MEMBER-CPU-QUOTA", Value: quota(vm.cpuQuota)}})
			}
			rec = append(rec, handler.Field{Name: "MEMBER", Value: list})
		}
		records = append(records, rec)
	}
	var lines []string
	if attrs {
		lines = append(append(lines, header(attrCols)), attrLines...)
	}
	if members {
		lines = append(append(lines, header(memberCols)), memberLines...)
	}
	return handler.Result{RC: handler.OK, Output: msg.Plains(lines...), Records: records}
}

// selectGroups resolves SHOW-VM-GROUP's VM-GROUP-NAME: *ALL, a name, the
// group of a member (*BY-MEMBER) or the groups of a pool (*BY-CPU-POOL).
// helper 16's VM selection, once merged, serves *BY-MEMBER's VM.
func (m *Model) selectGroups(c *call) ([]*vmGroup, *handler.Result) {
	var kw ast.Keyword
	var name string
	var sub *ast.Args
	c.args.Unpack("VM-GROUP-NAME", &kw, "VM-GROUP-NAME", &name, "VM-GROUP-NAME", &sub)
	var out []*vmGroup
	switch kw {
	case "*ALL":
		return c.su.sortedGroups(), nil
	case "*BY-MEMBER":
		var ref ast.Ref
		sub.Unpack("VM-IDENTIFICATION", &ref)
		vm := c.su.byName[ref.Name]
		if ref.IsNumber {
			vm = c.su.vms[ref.Number]
		}
		if vm == nil {
			r := m.refuse(c, vmUnknown, ref.String())
			return nil, &r
		}
		if g := c.su.groups[vm.group]; g != nil {
			out = append(out, g)
		}
		if len(out) == 0 {
			r := m.refuse(c, vmNotInGroup, vm.inserts()...)
			return nil, &r
		}
		return out, nil
	case "*BY-CPU-POOL":
		var pool string
		sub.Unpack("CPU-POOL-NAME", &pool)
		if pool == "" {
			pool = stdPool
		}
		if !c.su.pools[pool] {
			r := m.refuse(c, cpuPoolUnknown, pool)
			return nil, &r
		}
		for _, g := range c.su.sortedGroups() {
			if g.pool == pool {
				out = append(out, g)
			}
		}
		return out, nil
	}
	g := c.su.groups[name]
	if g == nil {
		r := m.refuse(c, vmGroupUnknown, name)
		return nil, &r
	}
	return append(out, g), nil
}

// modifyGroup: MODIFY-VM-GROUP-ATTRIBUTES changes a group's CPU quota
// and maximum CPU utilisation (I: the page is not stored).
func (m *Model) modifyGroup(c *call) handler.Result {
	if res := m.onlyOn390(c); res != nil {
		return *res
	}
	g, res := m.groupByOperand(c)
	if res != nil {
		return *res
	}
	var quotaKind, maxKind ast.Keyword
	q, mx := g.quota, g.maxCPU
	c.args.Unpack("CPU-QUOTA", &quotaKind, "CPU-QUOTA", &q, "MAX-CPU-UTILIZATION", &maxKind, "MAX-CPU-UTILIZATION", &mx)
	if quotaKind != "*UNCHANGED" {
		g.quota = q
	}
	if maxKind != "*UNCHANGED" {
		g.maxCPU = mx
	}
	return handler.Done()
}
