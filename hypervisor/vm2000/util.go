package vm2000

import (
	"strconv"

	"sdfp/parser/ast"
)

func itoa(n int) string { return strconv.Itoa(n) }

// megabytes reads a memory size operand: <integer>(DIMENSION=*MEGABYTE /
// *GIGABYTE) gives MB and ok; a keyword value gives the keyword.
func megabytes(a *ast.Args, operand string) (mb int, keyword string, ok bool) {
	var size ast.Ref
	var sub *ast.Args
	a.Unpack(operand, &size, operand, &sub)
	if !size.IsNumber {
		return 0, size.Keyword, false
	}
	n := int64(size.Number)
	var dim ast.Keyword
	sub.Unpack("DIMENSION", &dim)
	if dim == "*GIGABYTE" {
		n *= 1024
	}
	if n > maxMemoryMB {
		n = maxMemoryMB + 1 // out of range either way; keeps int small
	}
	return int(n), "", true
}
