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
	if strict || proc == nil || len(errs) == 0 {
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
