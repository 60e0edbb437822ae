package interp

import (
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// Scopes of S variables (SDF-P V2.5 user guide, "Scope of variables"
// UG-138, "Scope TASK" UG-139, "Scopes PROCEDURE and CURRENT" UG-140,
// "Choosing the call command" UG-83, V; German edition one page lower):
//
//   - a procedure sees the variables it declares, whatever their scope;
//     one entered by INCLUDE-PROCEDURE (and a running INCLUDE-BLOCK, a
//     block of the procedure itself, UG-112, I) also sees what its caller sees, unless
//     it declares the name itself; one entered by CALL-PROCEDURE sees
//     nothing of its caller;
//   - *CURRENT declares into the current procedure, *PROCEDURE into the
//     procedure last entered by CALL-PROCEDURE (for such a procedure the
//     two are the same; an include procedure chooses between its own and
//     its caller's scope); an implicit declaration is always *CURRENT;
//   - a task variable is visible in a procedure only after that procedure
//     declared it with SCOPE=*TASK (which creates it or attaches to the
//     existing one) or imported it with IMPORT-VARIABLE (which only
//     attaches);
//   - a procedure-local variable declared with IMPORT-ALLOWED=*YES can be
//     imported by the procedures it calls, IMPORT-VARIABLE
//     FROM=*SCOPE(SCOPE=*CALLING-PROCEDURES).
//
// A visible variable that lives elsewhere is borrowed into the scope of
// the level that sees it, so lookup walks the levels and nothing else,
// and the borrowing ends with the level.

// declared is where a DECLARE-VARIABLE puts a variable.
type declared struct {
	name          string // the variable's scope: *PROCEDURE or *TASK
	home          *scope // where the variable lives
	bind          *scope // where its name is bound: home, or for *TASK the current level
	task          bool
	importAllowed bool
}

// declaredScope reads DECLARE-VARIABLE's SCOPE operand: *CURRENT and
// *PROCEDURE take IMPORT-ALLOWED (UG-140 writes the operand as
// SCOPE=*CURRENT/*PROCEDURE(IMPORT-ALLOWED=*YES), V; *NO as its default
// is I), *TASK takes STATE.
func (r *Runner) declaredScope(a *ast.Args) declared {
	d := declared{name: "*PROCEDURE", home: r.frame.locals}
	switch a.Keyword("SCOPE") {
	case "*TASK":
		d = declared{name: "*TASK", home: r.globals, task: true}
	case "*PROCEDURE":
		d.home = r.procedureScope()
	}
	d.bind = d.home
	if d.task {
		d.bind = r.frame.locals
	} else if s := a.Get("SCOPE").Struct; s != nil {
		d.importAllowed = s.Keyword("IMPORT-ALLOWED") == "*YES"
	}
	return d
}

// importVariable is IMPORT-VARIABLE: each name is bound in the current
// level to a task variable (FROM=*TASK, the default) or to a variable of
// a calling procedure that allows it (FROM=*SCOPE(SCOPE=
// *CALLING-PROCEDURES)). Importing creates nothing (UG-139, V).
func (r *Runner) importVariable(c *ast.Command) (handler.Result, *signal) {
	a := c.Args
	fromCallers := false
	if a.Keyword("FROM") == "*SCOPE" {
		if s := a.Get("FROM").Struct; s != nil {
			fromCallers = s.Keyword("SCOPE") == "*CALLING-PROCEDURES"
		}
	}
	res := done
	here := r.frame.locals
	for _, item := range declaredItems(a, "VARIABLE-NAME") {
		name, err := nameOf(item)
		if err != nil || !name.Simple() {
			return importNeedsSimpleName.result(item.Str), nil
		}
		root := name.Parts[0].Name
		var v *variable
		if fromCallers {
			if v = r.importable(root); v == nil {
				return importNotInCallers.result(root), nil
			}
		} else if v = r.globals.vars[root]; v == nil {
			return importNoTaskVariable.result(root), nil
		}
		switch old := here.vars[root]; {
		case old == v:
			res.RC.SC2 = 1 // imported before: a warning, as for a repeated declaration
		case old != nil:
			return importNameTaken.result(root), nil
		default:
			here.borrow(root, v)
		}
	}
	return res, nil
}

// importable finds the variable a procedure may import from its callers:
// the search goes from the calling procedure up to the outermost one and
// passes over a variable of that name declared without IMPORT-ALLOWED=*YES
// (IS-DECLARED, UG-297, V). Task variables are imported from the task.
func (r *Runner) importable(name string) *variable {
	for f := r.frame.parent; f != nil; f = f.parent {
		if v := f.locals.vars[name]; v != nil && v.importAllowed && v.scope != "*TASK" {
			return v
		}
	}
	return nil
}

// exportVariable is EXPORT-VARIABLE as sdfp reads it (I: the command's
// page is not stored): each named procedure-local variable becomes the
// task variable of its name, with its attributes and value; an existing
// task variable must have the same attributes and takes the value. The
// level that saw the local variable sees the task variable from then on.
func (r *Runner) exportVariable(c *ast.Command) (handler.Result, *signal) {
	res := done
	for _, item := range declaredItems(c.Args, "VARIABLE-NAME") {
		name, err := nameOf(item)
		if err != nil || !name.Simple() {
			return exportNeedsSimpleName.result(item.Str), nil
		}
		root := name.Parts[0].Name
		v := r.lookup(root)
		if v == nil {
			return varNotDeclared.result(root), nil
		}
		if v.scope == "*TASK" {
			res.RC.SC2 = 1 // already a task variable
			continue
		}
		g := r.globals.vars[root]
		if g != nil && !sameShape(g.node.t, v.node.t) {
			return varOtherAttributes.result(root), nil
		}
		c := v.node.clone()
		if g == nil {
			g = &variable{name: root, node: c, scope: "*TASK"}
			if err := r.newVariable(root, c); err != nil {
				return resultOf(err), nil
			}
			r.globals.set(root, g)
		} else {
			if err := r.charge(c.size() - g.node.size()); err != nil {
				return resultOf(err), nil
			}
			*g.node = *c
		}
		r.rebind(root, v, g)
	}
	return res, nil
}

// rebind makes the level that sees old under name see v instead.
func (r *Runner) rebind(name string, old, v *variable) {
	for f := r.frame; f != nil; f = f.parent {
		if f.locals.vars[name] == old {
			f.locals.borrow(name, v)
			return
		}
	}
}

// deleteDeclared is DELETE-VARIABLE of one name in a scope: *CURRENT the
// current level, *PROCEDURE the level last entered by CALL-PROCEDURE,
// *TASK the task, which also ends the variable's visibility in every
// level that borrowed it.
func (r *Runner) deleteDeclared(name, scopeKeyword string) error {
	switch scopeKeyword {
	case "*TASK":
		v := r.globals.vars[name]
		if v == nil {
			return varNotDeclared.err(name)
		}
		r.dropTaskVariable(name, v)
		return nil
	case "*PROCEDURE":
		return r.procedureScope().deleteOwn(name)
	}
	return r.frame.locals.deleteOwn(name)
}

// dropTaskVariable removes a task variable, and its name from every
// procedure level that declared or imported it.
func (r *Runner) dropTaskVariable(name string, v *variable) {
	r.globals.unbind(name)
	for f := r.frame; f != nil; f = f.parent {
		if f.locals.vars[name] == v {
			f.locals.unbind(name)
		}
	}
}

// deleteOwn removes a variable that lives in this scope, or the name of
// one borrowed here (the variable stays where it lives).
func (s *scope) deleteOwn(name string) error {
	if s.vars[name] == nil {
		return varNotDeclared.err(name)
	}
	s.unbind(name)
	return nil
}

func (s *scope) unbind(name string) {
	s.gen++
	delete(s.vars, name)
	delete(s.borrowed, name)
}
