package interp

import "sdfp/parser/ast"

// LoadProcedure reads and parses a procedure file of the run's file
// system, found as CALL-PROCEDURE finds it: the file a batch job runs
// (ENTER-JOB, ENTER-PROCEDURE), read when the job is entered so that a
// missing or broken file fails the entering command.
func (r *Runner) LoadProcedure(name string) (*ast.Procedure, *Error) { return r.loadProcedure(name) }
