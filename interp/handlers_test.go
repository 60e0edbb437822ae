package interp

import (
	"sdfp/parser/ast"
)

// usesHandlers reports whether a procedure has commands the interpreter
// does not execute itself.
func usesHandlers(p *ast.Procedure) bool {
	found := false
	ast.Walk(p.Body, func(s ast.Stmt) bool {
		for _, c := range ast.Commands(s) {
			if c.Name != "" && natives[c.Name] == nil && (c.Spec == nil || c.Spec.Role == 0) {
				found = true
			}
		}
		return true
	})
	return found
}
