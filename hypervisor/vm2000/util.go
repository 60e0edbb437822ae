package vm2000

import (
	"strconv"

	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

func itoa(n int) string { return strconv.Itoa(n) }

// megabytes reads a memory size operand: <integer>(DIMENSION=*MEGABYTE /
// *GIGABYTE) gives MB and ok; a keyword value gives the keyword.
func megabytes(a *ast.Args, operand string) (mb int, keyword string, ok bool) {
	v := a.Get(operand)
	if v == nil || v.Alt == nil {
		return 0, "", false
	}
	if v.Alt.Kind == catalog.AltKeyword {
		return 0, v.Keyword, false
	}
	n, isInt := a.Int(operand)
	if !isInt {
		return 0, v.Keyword, false
	}
	if v.Struct != nil && v.Struct.Keyword("DIMENSION") == "*GIGABYTE" {
		n *= 1024
	}
	if n > maxMemoryMB {
		n = maxMemoryMB + 1 // out of range either way; keeps int small
	}
	return int(n), "", true
}
