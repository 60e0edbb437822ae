package vm2000

import (
	"strings"

	"sdfp/interp/handler"
	"sdfp/lexer/ebcdic"
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
	known, unknown := c.su.pools, cpuPoolUnknown
	if kind == "*BY-VM-GROUP" {
		field, member = "VM-GROUP-NAME", func(vm *VM, n string) bool { return vm.group == n }
		known, unknown = c.su.groups, vmGroupUnknown
		if c.su.arch == archX86 {
			r := m.refuse(c, notOnX86, "/"+c.req.Name)
			return nil, &r
		}
	}
	sub.Unpack(field, &name)
	n := name.String() // *STDPOOL is the standard pool's name
	if !known[n] {
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
		if ok && p.match(vm.name) {
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

// namePattern is a parsed name with wildcards: a sequence of pieces.
type namePattern struct {
	negate bool
	pieces []namePiece
}

// namePiece is one piece of a pattern: a literal character, "*", "/",
// or a choice <...> of strings and ranges.
type namePiece struct {
	wild byte // 0 literal, '*' any string, '/' one character, '<' choice
	lit  byte
	alts []string // choice: plain strings
	lo   []string // choice: ranges lo..hi (hi "" no upper bound)
	hi   []string
}

// parseNamePattern parses a VM name pattern (blanks the command reader
// put between tokens are dropped). ok is false for a pattern no VM name
// can match: empty, too long, or with a character a name cannot hold.
func parseNamePattern(s string) (p namePattern, ok bool) {
	s = ebcdic.ToUpper(strings.ReplaceAll(s, " ", ""))
	if strings.HasPrefix(s, "-") {
		p.negate, s = true, s[1:]
	}
	if s == "" || len(s) > 20 {
		return p, false
	}
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; ch {
		case '*', '/':
			p.pieces = append(p.pieces, namePiece{wild: ch})
		case '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return p, false
			}
			piece := namePiece{wild: '<'}
			for _, a := range strings.Split(s[i+1:i+end], ",") {
				lo, hi, isRange := strings.Cut(a, ":")
				if !nameChars(lo) || !nameChars(hi) || lo == "" && !isRange {
					return p, false
				}
				if isRange {
					piece.lo, piece.hi = append(piece.lo, lo), append(piece.hi, hi)
				} else {
					piece.alts = append(piece.alts, a)
				}
			}
			p.pieces = append(p.pieces, piece)
			i += end
		default:
			if !nameChars(string(ch)) {
				return p, false
			}
			p.pieces = append(p.pieces, namePiece{lit: ch})
		}
	}
	return p, true
}

// nameChars reports whether s holds only characters of a <name>.
func nameChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '$' || c == '#' || c == '@') {
			return false
		}
	}
	return true
}

// match reports whether the pattern selects the name. Each piece is
// tried at each position of the name once (a table of the answers), so
// no pattern of stars takes more than pieces times characters steps.
func (p namePattern) match(name string) bool {
	n := len(name)
	seen := make([]int8, (len(p.pieces)+1)*(n+1)) // 0 unknown, 1 matches, -1 does not
	var from func(i, j int) bool
	from = func(i, j int) bool {
		k := i*(n+1) + j
		if seen[k] != 0 {
			return seen[k] > 0
		}
		ok := false
		if i == len(p.pieces) {
			ok = j == n
		} else {
			switch piece := p.pieces[i]; piece.wild {
			case 0:
				ok = j < n && name[j] == piece.lit && from(i+1, j+1)
			case '/':
				ok = j < n && from(i+1, j+1)
			case '*':
				for e := j; e <= n && !ok; e++ {
					ok = from(i+1, e)
				}
			default:
				for e := j; e <= n && !ok; e++ {
					ok = piece.takes(name[j:e]) && from(i+1, e)
				}
			}
		}
		seen[k] = -1
		if ok {
			seen[k] = 1
		}
		return ok
	}
	return from(0, 0) != p.negate
}

// takes reports whether a choice selects s: one of its strings, or a
// string within one of its ranges in EBCDIC order, no shorter than the
// shorter and no longer than the longer bound (an empty upper bound:
// no limit above).
func (piece namePiece) takes(s string) bool {
	for _, a := range piece.alts {
		if a == s {
			return true
		}
	}
	for k, lo := range piece.lo {
		hi := piece.hi[k]
		short, long := min(len(lo), len(hi)), max(len(lo), len(hi))
		if hi == "" {
			short, long = len(lo), 8
		}
		if len(s) < short || len(s) > long || s == "" {
			continue
		}
		if ebcdic.Compare(s, lo) >= 0 && (hi == "" || ebcdic.Compare(s, hi) <= 0) {
			return true
		}
	}
	return false
}
