package catalog

import "testing"

// Every built-in declaration must parse; a broken table would otherwise
// only show at start-up.
func TestBuiltinTablesParse(t *testing.T) {
	for _, table := range [][]decl{sdfpCommands, systemCommands, vm2000Commands} {
		for _, d := range table {
			if _, err := ParseOperands(d.ops); err != nil {
				t.Errorf("%s: %v", d.name, err)
			}
		}
	}
}
