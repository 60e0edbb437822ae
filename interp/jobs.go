package interp

import "sdfp/parser/ast"

// LoadProcedure reads and parses a procedure file of the run's file
// system, found as CALL-PROCEDURE finds it: the file a batch job runs
// (ENTER-JOB, ENTER-PROCEDURE), read when the job is entered so that a
// missing or broken file fails the entering command.
func (r *Runner) LoadProcedure(name string) (*ast.Procedure, *Error) { return r.loadProcedure(name) }

// WithStop sets a test made before every command: once it reports true
// the task ends before that command, as a cancelled run ends (a run
// limit, which no error handling of the procedure catches). A batch job
// ends so after EXIT-JOB or LOGOFF, or when CANCEL-JOB cancels it.
func WithStop(stop func() bool) Option { return func(r *Runner) { r.stop = stop } }
