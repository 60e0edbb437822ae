package interp

import "sdfp/parser/ast"

// SHOW-VARIABLE's INFORMATION operand. The manuals show one form of it
// (BS2000 Commands, "Explanation of the columns", page -46, V): list
// elements are printed as NAME(*LIST) by default and numbered NAME#1
// with INFORMATION=*PARAMETERS(NAME=*FULL-NAME(LIST-INDEX-NUMBER=*YES)).

// showListIndex reports whether SHOW-VARIABLE numbers list elements.
func showListIndex(a *ast.Args) bool {
	inf := a.Get("INFORMATION")
	if inf == nil || inf.Keyword != "*PARAMETERS" || inf.Struct == nil {
		return false
	}
	name := inf.Struct.Get("NAME")
	return name != nil && name.Keyword == "*FULL-NAME" && name.Struct != nil &&
		name.Struct.Keyword("LIST-INDEX-NUMBER") == "*YES"
}
