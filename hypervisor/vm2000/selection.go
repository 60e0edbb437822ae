package vm2000

import (
	"strings"

	"sdfp/interp/handler"
	"sdfp/lexer/ebcdic"
	"sdfp/lexer/wildcard"
	"sdfp/parser/ast"
)

// VM selections: the VM-IDENTIFICATION operand of the commands that act
// on or show several VMs at once, and the VM-NAME of SHOW-VM-DEFINITION.
// Forms and who may use them (V:PRIVF "Specifying information for
// several VMs", V:SVA syntax; V:SVD (de) VM-NAME = *ALL / <name 1..8
// with-wild(20)>; V:SVS "multiple VMs are selected (by specifying
// wildcards)"):
//
//	<integer 1..99>, <name 1..8>   one VM; VMS4000 when there is none
//	<name 1..8 with-wild(20)>      the VMs whose names match; VM2000 administrator only
//	*VM2000, *ALL                  every VM of the server unit; a VM administrator sees his own (SHOW-VM-STATUS)
//	*VM-GUESTS                     every VM but the monitor VM
//	*BY-VM-GROUP(VM-GROUP-NAME=g)  the members of a VM group; VMS4400 for a group not created (/390 only)
//	*BY-CPU-POOL(CPU-POOL-NAME=p)  the VMs of a CPU pool; VMS4600 for a pool not created
//	*CURRENT                       the dialog's VM
//
// VMs come in index order; a pattern that matches no VM is VMS4000 with
// the pattern as insert (I). Wildcards are SDF's: * any string, / one
// character, <a,b> one of the strings, <a:b> a range in EBCDIC order, a
// leading - for "all but" (SDF-P ready reference "Suffixes for data
// types", V).

// selectVMs resolves a selection operand of the command on the call's
// server unit. On failure res is the refusal. A command that accepts
// only some forms declares only those in its catalog line, so every form
// that reaches here is one the command takes.
func (m *Model) selectVMs(c *call, operand string) (vms []*VM, res *handler.Result) {
	return m.selectVMsIn(c, c.args, operand)
}

// selectVMsIn resolves a selection operand of a structure of the
// command's operands (SHOW-VM-DEVICE-STATUS SELECT=*PARAMETERS(...,
// VM-IDENTIFICATION=...)); *ANY selects every VM as *ALL does.
func (m *Model) selectVMsIn(c *call, args *ast.Args, operand string) (vms []*VM, res *handler.Result) {
	var ref ast.Ref
	var sub *ast.Args
	args.Unpack(operand, &ref, operand, &sub)
	// a name the catalog took as text (one with wildcards, or any name
	// written as more than one token) is as written: names are capitals
	ref.Name = ebcdic.ToUpper(strings.ReplaceAll(ref.Name, " ", ""))
	refuse := func(id outcomeID, inserts ...string) ([]*VM, *handler.Result) {
		r := m.refuse(c, id, inserts...)
		return nil, &r
	}
	admin := c.dlg == nil || c.dlg.admin
	switch ref.Keyword {
	case "", "*CURRENT":
		if ref.Keyword == "" && !ref.IsNumber && isWildName(ref.Name) {
			if !admin {
				return refuse(notAdministrator, "/"+c.req.Name)
			}
			return m.matchingVMs(c, ref.Name)
		}
		vm, r := m.vmByRef(c, ref)
		if r != nil {
			return nil, r
		}
		return []*VM{vm}, nil
	case "*ALL", "*ANY", "*VM2000", "*VM-GUESTS":
		if !admin {
			if ref.Keyword == "*ALL" && c.dlg.vm != nil {
				return []*VM{c.dlg.vm}, nil
			}
			return refuse(notAdministrator, "/"+c.req.Name)
		}
		all := c.su.sortedVMs()
		if ref.Keyword == "*VM-GUESTS" {
			all = all[1:]
		}
		return all, nil
	case "*BY-VM-GROUP", "*BY-CPU-POOL":
		if !admin {
			return refuse(notAdministrator, "/"+c.req.Name)
		}
		return m.vmsOf(c, ref.Keyword, sub)
	}
	return refuse(vmUnknown, ref.String())
}

// vmsOf returns the members of a VM group or CPU pool.
func (m *Model) vmsOf(c *call, kind string, sub *ast.Args) ([]*VM, *handler.Result) {
	var name ast.Ref
	field, member := "CPU-POOL-NAME", func(vm *VM, n string) bool { return vm.pool == n }
	known, unknown := func(n string) bool { return c.su.pools[n] }, cpuPoolUnknown
	if kind == "*BY-VM-GROUP" {
		field, member = "VM-GROUP-NAME", func(vm *VM, n string) bool { return vm.group == n }
		known, unknown = func(n string) bool { return c.su.groups[n] != nil }, vmGroupUnknown
		if c.su.arch == archX86 {
			r := m.refuse(c, notOnX86, "/"+c.req.Name)
			return nil, &r
		}
	}
	sub.Unpack(field, &name)
	n := name.String() // *STDPOOL is the standard pool's name
	if !known(n) {
		r := m.refuse(c, unknown, n)
		return nil, &r
	}
	var out []*VM
	for _, vm := range c.su.sortedVMs() {
		if member(vm, n) {
			out = append(out, vm)
		}
	}
	return out, nil
}

// matchingVMs returns the VMs whose names a wildcard pattern selects.
func (m *Model) matchingVMs(c *call, pattern string) ([]*VM, *handler.Result) {
	p, ok := parseNamePattern(pattern)
	var out []*VM
	for _, vm := range c.su.sortedVMs() {
		if ok && p.Match(vm.name) {
			out = append(out, vm)
		}
	}
	if len(out) == 0 {
		r := m.refuse(c, vmUnknown, pattern)
		return nil, &r
	}
	return out, nil
}

// isWildName reports whether a name operand holds wildcard characters.
func isWildName(s string) bool { return strings.ContainsAny(s, "*/<-") }

// parseNamePattern parses a VM name pattern (SDF's wildcards, package
// lexer/wildcard); blanks the command reader put between tokens are
// dropped and letters taken in capitals. ok is false for a pattern no VM
// name can match: empty, over 20 characters (with-wild(20)), or with a
// character a name cannot hold.
func parseNamePattern(s string) (p wildcard.Pattern, ok bool) {
	s = ebcdic.ToUpper(strings.ReplaceAll(s, " ", ""))
	if body := strings.TrimPrefix(s, "-"); body == "" || len(body) > 20 {
		return p, false
	}
	return wildcard.Parse(s, nameChar, 8)
}

// nameChar reports whether c may stand in a <name>.
func nameChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '$' || c == '#' || c == '@'
}
