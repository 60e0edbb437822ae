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
	deferred := map[*lexer.Error]bool{}
	var targets []*lexer.Error
	// ast.Commands gives every command of a top-level statement, nested
	// ones included: one pass over the body sees each command once.
	for _, s := range proc.Body {
		for _, c := range ast.Commands(s) {
			for _, e := range c.Errs {
				deferred[e] = true
			}
			if e := missingTarget(proc, c); e != nil {
				targets = append(targets, e)
			}
		}
	}
	var out []*lexer.Error
	for _, e := range errs {
		if strict || !deferred[e] {
			out = append(out, e)
		}
	}
	return append(out, targets...)
}

// missingTarget is the error of a GOTO, CYCLE or EXIT-BLOCK whose
// destination tag the procedure does not have, which the preanalysis
// rejects before the procedure runs. Whether the tag is one the command
// can reach (an enclosing block, a label of the current or an enclosing
// list) is checked when it runs, and by sdfp check.
func missingTarget(proc *ast.Procedure, c *ast.Command) *lexer.Error {
	if c.Args == nil || c.Subst || len(c.Errs) > 0 {
		return nil
	}
	var tag string
	switch c.Name {
	case "GOTO":
		c.Args.Unpack("LABEL", &tag)
	case "CYCLE":
		c.Args.Unpack("LOOP", &tag)
	case "EXIT-BLOCK":
		c.Args.Unpack("BLOCK", &tag)
	default:
		return nil
	}
	if tag == "" || tag[0] == '*' || proc.Labels[tag] != nil {
		return nil
	}
	return lexer.Errorf(c.Pos, codeBranchTarget, "%s target %s does not exist", c.Name, tag)
}

// codeBranchTarget is the key of a missing branch target, as sdfp check
// reports it (parser.CodeLabel).
const codeBranchTarget = "SDP0118"

// analysisFailure is the result of a command that SDF could not analyse
// when the procedure reached it: its syntax error, SUBCODE1 1 (64 for a
// semantic error such as an integer literal out of range).
func analysisFailure(e *lexer.Error) handler.Result {
	e.Resolve() // its did-you-mean, not computed for errors only counted
	sc1 := 1
	if e.Code == outcomes[varNotDeclared].Msg {
		sc1 = 64
	}
	return handler.Fail(sc1, msg.New(e.Code, e.Msg))
}
