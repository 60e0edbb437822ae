package catalog

import (
	"sort"
	"strings"
	"sync"
)

// decl is the shape of one built-in declaration; the tables in sdfp.go,
// system.go and vm2000.go are lists of these.
type decl struct {
	name    string
	aliases []string
	role    Role
	domain  string
	source  string
	help    string
	ops     string
	// nameValue: see Command.NameValue.
	nameValue []string
}

func (d decl) command() Command {
	ops, _ := builtinOperands(d.name)
	return Command{
		Name: d.name, Aliases: d.aliases, Role: d.role, Domain: d.domain,
		Source: d.source, Help: d.help, Notation: d.ops, NameValue: d.nameValue,
		operands: ops,
	}
}

// builtinTables are the declaration tables, in the order they are added.
var builtinTables = [][]decl{sdfpCommands, systemCommands, vm2000Commands, vm2000AdminCommands, vm2000DeviceCommands, vm2000DefinitionCommands, vm2000MessageCommands, switchCommands, fileCommands, jobCommands}

var (
	builtinOnce sync.Once
	builtin     *Catalog
)

// Builtin returns a new catalog holding every command sdfp declares. Each
// call returns a catalog of its own, so a run that extends it does not
// change another run's; the parsed declarations themselves are shared and
// must not be modified.
func Builtin() *Catalog {
	builtinOnce.Do(func() {
		// the declarations in one array and the names in a map of their
		// size: every run builds this catalog, and a command allocated
		// at a time and the map grown as they came were most of it
		n, names := 0, 0
		for _, table := range builtinTables {
			n += len(table)
			for _, d := range table {
				names += 1 + len(d.aliases)
			}
		}
		cmds := make([]Command, 0, n)
		builtin = &Catalog{cmds: make([]*Command, 0, n), byName: make(map[string]*Command, names)}
		for _, table := range builtinTables {
			for _, d := range table {
				cmds = append(cmds, d.command())
				builtin.Add(&cmds[len(cmds)-1])
			}
		}
	})
	return builtin.clone()
}

// operands_literal.go holds the operand declarations of the tables,
// parsed and written as Go values, so that a run does not parse the
// notation of every command it uses. After a change to a table:
//
//go:generate go run ./internal/gencatalog

// builtinOperands returns the generated operand declarations of a
// built-in command (operands_literal.go); ok is false for a command
// without operands.
func builtinOperands(name string) (ops []*Operand, ok bool) {
	i, found := sort.Find(len(builtinOperandLists), func(i int) int { return strings.Compare(name, builtinOperandLists[i].name) })
	if !found {
		return nil, false
	}
	return builtinOperandLists[i].ops, true
}
