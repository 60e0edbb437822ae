package interp

import (
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// MODIFY-PROCEDURE-TEST-OPTIONS (SDF-P user guide, page 408, V): test
// settings of the task. BACK-BRANCH-LIMIT limits how often a loop may
// branch back (the passes of WHILE, REPEAT and FOR), so that an endless
// loop ends with SDP0139; *NONE lifts the limit, *UNCHANGED keeps it. The
// limit is an arithmetic expression. LOGGING (commands and data written
// to the log) and FUNCTIONALITY=*BASIC (SDF-P-BASYS simulated) are
// accepted and change nothing in sdfp (I).
func (r *Runner) modifyTestOptions(c *ast.Command) (handler.Result, *signal) {
	v := c.Args.Get("BACK-BRANCH-LIMIT")
	switch {
	case v == nil || v.Keyword == "*UNCHANGED":
	case v.Keyword == "*NONE":
		r.backBranchLimit = 0
	case v.Expr != nil:
		val, err := r.eval(v.Expr)
		if err != nil {
			return resultOf(err), nil
		}
		n, ok := val.(int)
		if !ok || n < 1 {
			return backBranchLimitValue.result(formatValue(val)), nil
		}
		r.backBranchLimit = n
	}
	return done, nil
}
