// Command genstate writes default_state.go of package vm2000: the state
// of a model of the default installation that nothing has changed (see
// package defaultstate). It is run by
//
//	go generate ./hypervisor/vm2000
//
// after default_literal.go, and writes into the package directory; -o
// names another file.
package main

import (
	"sdfp/hypervisor/vm2000/internal/defaultstate"
	"sdfp/parser/golit"
)

func main() { golit.Generate("vm2000", "default_state.go", defaultstate.Source) }
