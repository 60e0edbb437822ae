// Command gendefault writes default_literal.go of package vm2000: the
// default installation, default.yaml, as Go code (see package
// defaultlit). It is run by
//
//	go generate ./hypervisor/vm2000
//
// and writes into the package directory; -o names another file.
package main

import (
	"sdfp/hypervisor/vm2000/internal/defaultlit"
	"sdfp/parser/golit"
)

func main() { golit.Generate("vm2000", "default_literal.go", defaultlit.Source) }
