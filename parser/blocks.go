package parser

import (
	"fmt"

	"sdfp/lexer"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// Block structure. SDF-P reads the whole procedure before it runs it and
// pairs every block-opening command with its closing command. The pairing
// is done here with a stack rather than in the participle grammar, so a
// misnested procedure gets precise messages ("END-WHILE closes the IF
// opened at line 7") and the rest of the procedure is still read.

type frame struct {
	stmt   ast.Stmt
	opener *ast.Command
	body   *[]ast.Stmt
	inElse bool
}

// closer says which opening roles a closing role may close.
var closer = map[catalog.Role][]catalog.Role{
	catalog.RoleEndIf:     {catalog.RoleIf, catalog.RoleIfBlockError, catalog.RoleIfCmdError},
	catalog.RoleEndWhile:  {catalog.RoleWhile},
	catalog.RoleUntil:     {catalog.RoleRepeat},
	catalog.RoleEndFor:    {catalog.RoleFor},
	catalog.RoleEndBlock:  {catalog.RoleBeginBlock},
	catalog.RoleEndParams: {catalog.RoleBeginParams},
}

func roleOf(c *ast.Command) catalog.Role {
	if c == nil || c.Spec == nil {
		return catalog.RoleNone
	}
	return c.Spec.Role
}

func condOf(c *ast.Command) ast.Expr {
	if c.Args == nil {
		return nil
	}
	if v := c.Args.Get("CONDITION"); v != nil {
		return v.Expr
	}
	return nil
}

func buildBlocks(file string, items []ast.Stmt) (*ast.Procedure, []*lexer.Error) {
	proc := &ast.Procedure{File: file, Labels: map[string]*ast.Command{}}
	var errs []*lexer.Error
	stack := []*frame{{body: &proc.Body}}
	// open counts the frames on the stack by opening role, so that a
	// closing command with no block to close is known without a search
	// through the whole stack (quadratic for deeply nested procedures)
	open := map[catalog.Role]int{}
	top := func() *frame { return stack[len(stack)-1] }
	push := func(s ast.Stmt, opener *ast.Command, body *[]ast.Stmt) {
		*top().body = append(*top().body, s)
		stack = append(stack, &frame{stmt: s, opener: opener, body: body})
		open[roleOf(opener)]++
	}
	pop := func(depth int) {
		for _, f := range stack[depth:] {
			open[roleOf(f.opener)]--
		}
		stack = stack[:depth]
	}
	proc.Slots = len(items) + 1
	for i, it := range items {
		c, ok := it.(*ast.Command)
		if !ok {
			*top().body = append(*top().body, it)
			continue
		}
		c.Slot = i + 1
		if c.Label != "" {
			if prev, dup := proc.Labels[c.Label]; dup {
				errs = append(errs, lexer.Errorf(c.Pos, CodeLabel, "label %s is already defined at line %d", lexer.Clip(c.Label), prev.Pos.Line))
			} else {
				proc.Labels[c.Label] = c
			}
		}
		switch role := roleOf(c); role {
		case catalog.RoleIf:
			s := &ast.If{Branches: []*ast.CondBranch{{Cmd: c, Cond: condOf(c)}}}
			push(s, c, &s.Branches[0].Body)
		case catalog.RoleIfBlockError, catalog.RoleIfCmdError:
			s := &ast.ErrorBlock{Cmd: c, ForCmd: role == catalog.RoleIfCmdError}
			push(s, c, &s.Then)
		case catalog.RoleWhile:
			s := &ast.While{Cmd: c, Cond: condOf(c)}
			push(s, c, &s.Body)
		case catalog.RoleRepeat:
			s := &ast.Repeat{Cmd: c}
			push(s, c, &s.Body)
		case catalog.RoleFor:
			s := &ast.For{Cmd: c}
			push(s, c, &s.Body)
		case catalog.RoleBeginBlock, catalog.RoleBeginParams:
			s := &ast.Block{Cmd: c}
			push(s, c, &s.Body)
		case catalog.RoleElseIf:
			f := top()
			s, isIf := f.stmt.(*ast.If)
			if !isIf || f.inElse {
				errs = append(errs, wrongContext(c, f, "an IF block"))
				*f.body = append(*f.body, c)
				continue
			}
			b := &ast.CondBranch{Cmd: c, Cond: condOf(c)}
			s.Branches = append(s.Branches, b)
			f.body = &b.Body
		case catalog.RoleElse:
			f := top()
			switch s := f.stmt.(type) {
			case *ast.If:
				if !f.inElse {
					s.ElseCmd, f.inElse, f.body = c, true, &s.Else
					continue
				}
			case *ast.ErrorBlock:
				if !f.inElse {
					s.ElseCmd, f.inElse, f.body = c, true, &s.Else
					continue
				}
			}
			errs = append(errs, wrongContext(c, f, "an IF, IF-BLOCK-ERROR or IF-CMD-ERROR block"))
			*f.body = append(*f.body, c)
		case catalog.RoleEndIf, catalog.RoleEndWhile, catalog.RoleUntil, catalog.RoleEndFor,
			catalog.RoleEndBlock, catalog.RoleEndParams:
			depth := -1
			for i := len(stack) - 1; i > 0 && anyOpen(open, closer[role]); i-- {
				if roleIn(roleOf(stack[i].opener), closer[role]) {
					depth = i
					break
				}
			}
			if depth < 0 {
				errs = append(errs, lexer.Errorf(c.Pos, CodeWrongContext, "%s has no open block to close", c.Name))
				*top().body = append(*top().body, c)
				continue
			}
			for i := len(stack) - 1; i > depth; i-- {
				o := stack[i].opener
				errs = append(errs, lexer.Errorf(o.Pos, CodeWrongContext,
					"%s opened at line %d is not closed before %s at line %d", o.Name, o.Pos.Line, c.Name, c.Pos.Line))
			}
			f := stack[depth]
			if tag := endTag(c); tag != "" && tag != f.opener.Label {
				errs = append(errs, lexer.Errorf(c.Pos, CodeWrongContext,
					"%s names block %s, but the innermost open %s (line %d) is %s", c.Name, lexer.Clip(tag), f.opener.Name, f.opener.Pos.Line, labelOrNone(lexer.Clip(f.opener.Label))))
			}
			closeBlock(f.stmt, c)
			pop(depth)
		default:
			*top().body = append(*top().body, c)
		}
	}
	for i := len(stack) - 1; i > 0; i-- {
		o := stack[i].opener
		errs = append(errs, lexer.Errorf(o.Pos, CodeWrongContext, "%s opened here is not closed (%s missing)", o.Name, closingName(roleOf(o))))
	}
	return proc, errs
}

func labelOrNone(l string) string {
	if l == "" {
		return "untagged"
	}
	return "tagged " + l
}

// anyOpen reports whether a block of one of the roles is open.
func anyOpen(open map[catalog.Role]int, roles []catalog.Role) bool {
	for _, r := range roles {
		if open[r] > 0 {
			return true
		}
	}
	return false
}

func roleIn(r catalog.Role, rs []catalog.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func wrongContext(c *ast.Command, f *frame, want string) *lexer.Error {
	where := "at procedure level"
	if f.opener != nil {
		where = fmt.Sprintf("inside %s of line %d", f.opener.Name, f.opener.Pos.Line)
	}
	return lexer.Errorf(c.Pos, CodeWrongContext, "%s is only allowed in %s, not %s", c.Name, want, where)
}

// endTag returns the block tag a closing command names (END-BLOCK BLOCK=X,
// END-WHILE X), or "".
func endTag(c *ast.Command) string {
	if c.Args == nil {
		return ""
	}
	for _, name := range []string{"BLOCK", "LOOP"} {
		if v := c.Args.Get(name); v != nil && v.Given && v.Alt != nil && v.Alt.Kind != catalog.AltKeyword {
			return v.Str
		}
	}
	return ""
}

func closeBlock(s ast.Stmt, c *ast.Command) {
	switch s := s.(type) {
	case *ast.If:
		s.End = c
	case *ast.ErrorBlock:
		s.End = c
	case *ast.While:
		s.End = c
	case *ast.Repeat:
		s.Until, s.Cond = c, condOf(c)
	case *ast.For:
		s.End = c
	case *ast.Block:
		s.End = c
	}
}

func closingName(r catalog.Role) string {
	switch r {
	case catalog.RoleIf, catalog.RoleIfBlockError, catalog.RoleIfCmdError:
		return "END-IF"
	case catalog.RoleWhile:
		return "END-WHILE"
	case catalog.RoleRepeat:
		return "UNTIL"
	case catalog.RoleFor:
		return "END-FOR"
	case catalog.RoleBeginParams:
		return "END-PARAMETER-DECLARATION"
	}
	return "END-BLOCK"
}
