package vm2000

import (
	"slices"
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// Real CPUs. VM2000 manages a server unit's real normal and extra CPUs
// in its CPU pools (V 'Real CPUs' ...-121); each is attached (ATT),
// detached (DET) or offline (OFF). They are installation data
// (ServerUnitSpec.CPUs); SWITCH-VM-CPU moves them between pools (V
// ...-252). A server unit that declares no CPUs has none, and every
// screen shows what it showed before real CPUs were modelled. Not
// modelled: WFM and ERR, hot spare CPUs, ATTACH-/DETACH-VM-RESOURCES,
// the virtual CPUs' BLOCK state (the implicit attaching and detaching
// *ADJUST-NUMBER starts in the guest systems).

const (
	cpuNormal   = "normal"
	cpuExtra    = "extra"
	cpuAttached = "attached"
	cpuDetached = "detached"
	cpuOffline  = "offline"
)

// realCPU is one real CPU of a server unit.
type realCPU struct {
	id    string // two hexadecimal digits
	pool  string
	extra bool
	state string // cpuAttached, cpuDetached or cpuOffline
}

// validCPUID: 1..2 hexadecimal digits, SWITCH-VM-CPU's <x-text 1..2> (V
// ...-252).
func validCPUID(s string) bool {
	if len(s) < 1 || len(s) > 2 {
		return false
	}
	for i := range len(s) {
		if strings.IndexByte("0123456789ABCDEFabcdef", s[i]) < 0 {
			return false
		}
	}
	return true
}

// normalCPUID writes an ID with two digits, so "1" and "01" name one CPU
// (I: the pages' screens are not stored).
func normalCPUID(s string) string {
	s = strings.ToUpper(s)
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// shortState is the state as the page's table abbreviates it (V ...-121).
func (cpu *realCPU) shortState() string {
	switch cpu.state {
	case cpuAttached:
		return "ATT"
	case cpuDetached:
		return "DET"
	}
	return "OFF"
}

// attribute is the CPU type as the page names it (V ...-121).
func (cpu *realCPU) attribute() string {
	if cpu.extra {
		return "EXTRA"
	}
	return "NORMAL"
}

func buildCPUs(specs []CPUSpec) []*realCPU {
	var out []*realCPU
	for _, s := range specs {
		out = append(out, &realCPU{id: s.ID, pool: s.Pool, extra: s.Attribute == cpuExtra, state: s.State})
	}
	slices.SortFunc(out, func(a, b *realCPU) int { return strings.Compare(a.id, b.id) })
	return out
}

// cpuSpecs is the CPUs' present state, as the installation writes it.
func (su *serverUnit) cpuSpecs() []CPUSpec {
	var out []CPUSpec
	for _, cpu := range su.cpus {
		attr := cpuNormal
		if cpu.extra {
			attr = cpuExtra
		}
		out = append(out, CPUSpec{ID: cpu.id, Pool: cpu.pool, Attribute: attr, State: cpu.state})
	}
	return out
}

// poolCPUs returns the real CPUs of a pool, by ID.
func (su *serverUnit) poolCPUs(pool string) []*realCPU {
	var out []*realCPU
	for _, cpu := range su.cpus {
		if cpu.pool == pool {
			out = append(out, cpu)
		}
	}
	return out
}

// attachedIn counts the attached real CPUs of a pool.
func (su *serverUnit) attachedIn(pool string) int {
	n := 0
	for _, cpu := range su.poolCPUs(pool) {
		if cpu.state == cpuAttached {
			n++
		}
	}
	return n
}

// cpuUsers are the VMs of a pool that need a real CPU: on SU /390 those
// RUNNING, held or set up for a migration (V ...-252), on x86 every VM
// assigned to it (I: the page restricts the states on /390 only). The
// monitor VM is one of them.
func (su *serverUnit) cpuUsers(pool string) []*VM {
	var out []*VM
	for _, vm := range su.sortedVMs() {
		if vm.pool != pool {
			continue
		}
		if su.arch == archX86 || vm.incoming != nil || vm.state == StateRunning || vm.state == StateInHold {
			out = append(out, vm)
		}
	}
	return out
}

// switchCPU: SWITCH-VM-CPU moves real CPUs from one CPU pool to another
// (V ...-252). The CPUs are named (each must be in FROM-CPU-POOL), all
// of the pool's (*ALL), or selected by number, attribute and state
// (*SELECT). Refused when the last attached CPU would leave a pool that
// still has an active VM (VMS4612, V), and with
// SOURCE-CPU-POOL=*CHECK-NUMBER when a VM of the source pool has more
// virtual CPUs (its PROCESSORS) than attached real CPUs would remain
// (V; the key VMS4612 is I, the meaning "too few attached CPUs in the
// pool" is ASSIGN-VM-TO-CPU-POOL's, V10:441). *ADJUST-NUMBER and
// TARGET-CPU-POOL are accepted; the implicit detaching and attaching of
// virtual CPUs they start is not modelled. Each CPU moved is reported
// with VMS4610 (I).
func (m *Model) switchCPU(c *call) handler.Result {
	var from, to string
	var actions *ast.Args
	c.args.Unpack("FROM-CPU-POOL", &from, "TO-CPU-POOL", &to, "ATTACHED-VM-CPUS", &actions)
	from, to = cmpPool(from), cmpPool(to)
	for _, p := range []string{from, to} {
		if !c.su.pools[p] {
			return m.refuse(c, cpuPoolUnknown, p)
		}
	}
	if from == to {
		return m.refuse(c, cpuPoolSame, from)
	}
	cpus, res := m.cpuSelection(c, from)
	if res != nil {
		return *res
	}
	attachedLeaving := 0
	for _, cpu := range cpus {
		if cpu.state == cpuAttached {
			attachedLeaving++
		}
	}
	remaining := c.su.attachedIn(from) - attachedLeaving
	var source ast.Keyword
	if actions != nil {
		actions.Unpack("SOURCE-CPU-POOL", &source)
	}
	for _, vm := range c.su.cpuUsers(from) {
		if remaining == 0 && attachedLeaving > 0 || source != "*ADJUST-NUMBER" && vm.processors > remaining && attachedLeaving > 0 {
			return m.refuse(c, cpuPoolTooFew, append([]string{from}, vm.inserts()...)...)
		}
	}
	var lines []msg.Message
	for _, cpu := range cpus {
		cpu.pool = to
		m.consoleLine(c.su, msgCPUSwitched, cpu.id, from, to)
		lines = append(lines, line(msgCPUSwitched, cpu.id, from, to))
	}
	return handler.Result{RC: handler.OK, Output: lines}
}

// cmpPool: the pool operands' default and values as the pools are kept.
func cmpPool(p string) string {
	if p == "" {
		return stdPool
	}
	return strings.ToUpper(p)
}

// cpuSelection resolves CPU-IDENTIFICATION against the source pool.
func (m *Model) cpuSelection(c *call, from string) ([]*realCPU, *handler.Result) {
	refuse := func(id outcomeID, inserts ...string) ([]*realCPU, *handler.Result) {
		r := m.refuse(c, id, inserts...)
		return nil, &r
	}
	pool := c.su.poolCPUs(from)
	var v *ast.Value
	c.args.Unpack("CPU-IDENTIFICATION", &v)
	if v != nil && v.IsList && len(v.List) == 1 && v.List[0].Keyword != "" {
		v = v.List[0] // the binder gives a list-poss operand as a list
	}
	if v == nil || !v.IsList && v.Keyword == "*SELECT" {
		return selectCPUs(v, pool, from, refuse)
	}
	if !v.IsList && v.Keyword == "*ALL" {
		if len(pool) == 0 {
			return refuse(cpuSelectionShort, from)
		}
		return pool, nil
	}
	values := []*ast.Value{v}
	if v.IsList {
		values = v.List
	}
	var out []*realCPU
	for _, e := range values {
		if e == nil {
			continue
		}
		if e.Keyword != "" {
			return refuse(cpuKeywordInList, e.Keyword)
		}
		if !validCPUID(e.Str) {
			return refuse(badCPUID, e.Str)
		}
		id := normalCPUID(e.Str)
		i := slices.IndexFunc(pool, func(cpu *realCPU) bool { return cpu.id == id })
		if i < 0 {
			return refuse(cpuNotInPool, id, from)
		}
		if !slices.Contains(out, pool[i]) {
			out = append(out, pool[i])
		}
	}
	return out, nil
}

// selectCPUs: *SELECT(NUMBER-OF-CPUS, ATTRIBUTE, STATE), the CPUs of the
// pool with that attribute and state, by ID; fewer than NUMBER-OF-CPUS
// is refused (I), none with *ALL too.
func selectCPUs(v *ast.Value, pool []*realCPU, from string, refuse func(outcomeID, ...string) ([]*realCPU, *handler.Result)) ([]*realCPU, *handler.Result) {
	number, attr, state := 1, ast.Keyword("*NORMAL"), ast.Keyword("*ATTACHED")
	if v != nil && v.Struct != nil {
		v.Struct.Unpack("NUMBER-OF-CPUS", &number, "ATTRIBUTE", &attr, "STATE", &state)
	}
	all := number == 0 // *ALL
	var out []*realCPU
	for _, cpu := range pool {
		if cpu.extra == (attr == "*EXTRA") && "*"+strings.ToUpper(cpu.state) == string(state) {
			out = append(out, cpu)
		}
	}
	switch {
	case all && len(out) == 0, !all && len(out) < number:
		return refuse(cpuSelectionShort, from)
	case !all:
		out = out[:number]
	}
	return out, nil
}

// cpuScreen is SHOW-VM-CPU-POOL's list of a pool's real CPUs, each ID
// with its state and (E) for an extra CPU: "00(ATT) 04(DET,E)" (I: the
// screen of INFORMATION=*CPU is not stored).
func cpuScreen(cpus []*realCPU) string {
	var parts []string
	for _, cpu := range cpus {
		s := cpu.id + "(" + cpu.shortState()
		if cpu.extra {
			s += ",E"
		}
		parts = append(parts, s+")")
	}
	if len(parts) == 0 {
		return "*NONE"
	}
	return strings.Join(parts, " ")
}

// cpuRecords are the real CPUs as structured output, REAL-CPU(*LIST).
func cpuRecords(cpus []*realCPU) []handler.Record {
	list := []handler.Record{}
	for _, cpu := range cpus {
		list = append(list, handler.Record{{Name: "CPU-ID", Value: cpu.id}, {Name: "CPU-POOL-NAME", Value: cpu.pool},
			{Name: "ATTRIBUTE", Value: "*" + cpu.attribute()}, {Name: "STATE", Value: "*" + cpu.shortState()}})
	}
	return list
}
