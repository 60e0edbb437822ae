package interp

import (
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// Branch is the way a decision went, reported on the trace event of the
// command that made it, so that coverage can tell which IF and ELSE-IF
// conditions held and which error handlers ran.
//
// An error block has two ways as an IF block has (V: SDF-P V2.5 user
// guide, "Error handling blocks"; "IF-CMD-ERROR Initiate command error
// handling"; "IF-BLOCK-ERROR Initiate block error handling"): SDF-P
// branches to it for an error, and its THEN part runs; or the procedure
// reaches it without one, and its ELSE part runs if it has one. An
// IF-CMD-ERROR after a block command, which the manual says has no
// effect, is never branched to, so it only ever counts as not taken.
type Branch uint8

const (
	// NoBranch: the command decides nothing.
	NoBranch Branch = iota
	// BranchTaken: the condition of an IF or ELSE-IF held, or the THEN
	// part of an IF-CMD-ERROR or IF-BLOCK-ERROR ran for an error.
	BranchTaken
	// BranchNotTaken: the condition did not hold, or the error block was
	// reached without an error (its ELSE part, if any, runs).
	BranchNotTaken
)

func branchOf(taken bool) Branch {
	if taken {
		return BranchTaken
	}
	return BranchNotTaken
}

// branchCmd logs and traces the opening command of an error block with
// the way it went.
func (r *Runner) branchCmd(c *ast.Command, b Branch) {
	r.logCmd(c)
	r.traceBranch(c, b)
}

// traceBranch traces the opening command of a decision with the way it
// went.
func (r *Runner) traceBranch(c *ast.Command, b Branch) {
	if c == nil || r.trace == nil {
		return
	}
	ev := r.traceEvent(c, handler.OK)
	ev.Branch = b
	r.trace(ev)
}
