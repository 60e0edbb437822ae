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
func TestCalledPlansAreTheStatementsBeginAccepts(t *testing.T) {
	for _, tc := range []struct {
		text        string
		called, set bool
	}{
		{`EXEC-CMD (SHOW-USER-SWITCHES),TEXT-OUTPUT=OUT`, true, false},
		{`WRITE-TEXT 'PASS'`, true, false},
		{`CYCLE`, true, false},
		{`DECLARE-VARIABLE OUT,MULTIPLE-ELEMENTS=*LIST`, true, false},
		{`SET-VARIABLE L = *LIST(A)`, true, false}, // no expression: setVariable's way
		{`WRITE-TEXT 'PASS &I'`, false, false},
		{`EXEC-CMD (SHOW-JV &J),TEXT-OUTPUT=OUT`, false, false},
		{`DECLARE-VARIABLE W(TYPE=*BOGUS)`, false, false},
		{`I = I + 1`, false, true},
		{`SHOW-USER-SWITCHES`, false, false}, // the handler chain's
	} {
		r := New()
		c, errs := r.parser.ParseCommand(lexer.NewUnit(tc.text, lexer.Pos{Line: 1, Column: 2}))
		if c.Args == nil {
			t.Fatalf("%s: not bound (%v)", tc.text, errs)
		}
		p := r.newPlan(c)
		if called, set := p.quick == quickCall, p.quick == quickSet; called != tc.called || set != tc.set {
			t.Errorf("%s: called %v set %v, want %v %v (errors %v)", tc.text, called, set, tc.called, tc.set, errs)
		}
	}
}
