package interp

import (
	"testing"

	"sdfp/lexer"
)

// TestCalledPlansAreTheStatementsBeginAccepts: execList runs a command by
// its statement function itself (callPlanned) only where execCommand
// would come to that call after step and logCmd: a statement of the
// interpreter as parsed, without & (replaced first), without errors
// (which begin reports), and not a planned assignment (setPlanned).
// EXECUTE-CMD's call is its own (quickExec: into the result, with its
// plan); no other statement takes it.
func TestCalledPlansAreTheStatementsBeginAccepts(t *testing.T) {
	for _, tc := range []struct {
		text string
		way  quickWay
	}{
		{`EXEC-CMD (SHOW-USER-SWITCHES),TEXT-OUTPUT=OUT`, quickExec},
		{`EXECUTE-CMD CMD=(SHOW-USER-SWITCHES)`, quickExec},
		{`WRITE-TEXT 'PASS'`, quickCall},
		{`CYCLE`, quickCall},
		{`DECLARE-VARIABLE OUT,MULTIPLE-ELEMENTS=*LIST`, quickCall},
		{`SET-VARIABLE L = *LIST(A)`, quickCall}, // no expression: setVariable's way
		{`WRITE-TEXT 'PASS &I'`, quickNone},
		{`EXEC-CMD (SHOW-JV &J),TEXT-OUTPUT=OUT`, quickNone},
		{`EXEC-CMD (SHOW-JV J),TEXT-OUTPUT=*BOGUS`, quickNone},
		{`DECLARE-VARIABLE W(TYPE=*BOGUS)`, quickNone},
		{`I = I + 1`, quickSet},
		{`SHOW-USER-SWITCHES`, quickNone}, // the handler chain's
	} {
		r := New()
		c, errs := r.parser.ParseCommand(lexer.NewUnit(tc.text, lexer.Pos{Line: 1, Column: 2}))
		if c.Args == nil {
			t.Fatalf("%s: not bound (%v)", tc.text, errs)
		}
		p := r.newPlan(c)
		if p.quick != tc.way {
			t.Errorf("%s: way %d, want %d (errors %v)", tc.text, p.quick, tc.way, errs)
		}
	}
}
