package interp

import (
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer"
	"sdfp/parser/ast"
)

// SDF-P analyses a procedure in two steps [V SDF-P UG "Preanalysis",
// "Procedure processing and execution"]: when it is called, its lines are
// read, the block structure is checked and the targets of GOTO,
// EXIT-BLOCK and CYCLE must exist; each command is analysed only when the
// procedure reaches it. A misspelt command in a branch never taken does
// not stop the procedure, and one that is reached fails like any command,
// with SUBCODE1 1, so IF-CMD-ERROR and IF-BLOCK-ERROR handle it.

// UpFront returns the problems that stop a procedure before it runs: the
// reader's and the block structure's. A command's own syntax error
// (ast.Command.Errs) waits until the command is reached. With strict set
// every problem stops the procedure (sdfp run --strict).
func UpFront(proc *ast.Procedure, errs []*lexer.Error, strict bool) []*lexer.Error {
	if proc == nil {
		return errs
	}
	errs = append(errs, branchTargets(proc)...)
	if strict || len(errs) == 0 {
		return errs
	}
	deferred := map[*lexer.Error]bool{}
	seen := map[*ast.Command]bool{}
	ast.Walk(proc.Body, func(s ast.Stmt) bool {
		for _, c := range ast.Commands(s) {
			if !seen[c] {
				seen[c] = true
				for _, e := range c.Errs {
					deferred[e] = true
				}
			}
		}
		return true
	})
	var out []*lexer.Error
	for _, e := range errs {
		if !deferred[e] {
			out = append(out, e)
		}
	}
	return out
}

// branchTargets are the GOTO, CYCLE and EXIT-BLOCK commands whose
// destination tag the procedure does not have, which the preanalysis
// rejects before the procedure runs. Whether the tag is one the command
// can reach (an enclosing block, a label of the current or an enclosing
// list) is checked when it runs, and by sdfp check.
func branchTargets(proc *ast.Procedure) []*lexer.Error {
	var out []*lexer.Error
	seen := map[*ast.Command]bool{}
	ast.Walk(proc.Body, func(s ast.Stmt) bool {
		for _, c := range ast.Commands(s) {
			if seen[c] || c.Args == nil || c.Subst || len(c.Errs) > 0 {
				continue
			}
			seen[c] = true
			var tag string
			switch c.Name {
			case "GOTO":
				c.Args.Unpack("LABEL", &tag)
			case "CYCLE":
				c.Args.Unpack("LOOP", &tag)
			case "EXIT-BLOCK":
				c.Args.Unpack("BLOCK", &tag)
			default:
				continue
			}
			if tag != "" && tag[0] != '*' && proc.Labels[tag] == nil {
				out = append(out, lexer.Errorf(c.Pos, codeBranchTarget, "%s target %s does not exist", c.Name, tag))
			}
		}
		return true
	})
	return out
}

// codeBranchTarget is the key of a missing branch target, as sdfp check
// reports it (parser.CodeLabel).
const codeBranchTarget = "SDP0118"

// analysisFailure is the result of a command that SDF could not analyse
// when the procedure reached it: its syntax error, SUBCODE1 1 (64 for a
// semantic error such as an integer literal out of range).
func analysisFailure(e *lexer.Error) handler.Result {
	sc1 := 1
	if e.Code == outcomes[varNotDeclared].Msg {
		sc1 = 64
	}
	return handler.Fail(sc1, msg.New(e.Code, e.Msg))
}
