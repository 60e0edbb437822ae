// Command gencatalog writes operands_literal.go of package catalog: the
// built-in commands' operand declarations, parsed from the declaration
// tables, as Go values (see package operandslit). It is run by
//
//	go generate ./parser/catalog
//
// and writes into the package directory; -o names another file.
package main

import (
	"sdfp/parser/catalog/internal/operandslit"
	"sdfp/parser/golit"
)

func main() { golit.Generate("catalog", "operands_literal.go", operandslit.Source) }
