package interp

import (
	"context"
	"strings"
	"testing"
)

// dialogInputs runs each input of a dialog in turn and returns the SYSOUT
// of each and the error each ended with.
func dialogInputs(t *testing.T, r *Runner, inputs ...string) ([]string, []*Error) {
	t.Helper()
	var out strings.Builder
	WithStdout(&out)(r)
	d := r.NewDialog(context.Background())
	defer d.Close()
	var outs []string
	var errs []*Error
	for i, in := range inputs {
		proc, perrs := r.Parser().ParseFile("input", in)
		if len(perrs) > 0 {
			t.Fatalf("input %d: %v", i+1, perrs[0])
		}
		out.Reset()
		errs = append(errs, d.Run(proc))
		outs = append(outs, out.String())
	}
	return outs, errs
}

// Each input of a dialog has the whole step limit: a runaway loop that
// reaches it ends its own input, and the next input runs (the count was
// the session's, so every later command failed with SDP0099).
func TestDialogStepLimitIsPerInput(t *testing.T) {
	r := New(WithStepLimit(50))
	outs, errs := dialogInputs(t, r, "/WHILE (TRUE)\n/END-WHILE\n", "/WRITE-TEXT 'NEXT'\n", "/WHILE (TRUE)\n/END-WHILE\n", "/WRITE-TEXT 'AGAIN'\n")
	for i, wantLimit := range []bool{true, false, true, false} {
		if got := errs[i] != nil && errs[i].Limit; got != wantLimit || !wantLimit && errs[i] != nil {
			t.Errorf("input %d: error %v, want a limit %v", i+1, errs[i], wantLimit)
		}
	}
	if outs[1] != "NEXT\n" || outs[3] != "AGAIN\n" {
		t.Errorf("outputs after the limit: %q", outs)
	}
}

// A GOTO without its label and a CYCLE outside a loop in a dialog input
// print their message and fail at the command (they ended the input
// silently, with the error at 0:0).
func TestDialogBranchWithoutTarget(t *testing.T) {
	outs, errs := dialogInputs(t, New(), "/WRITE-TEXT 'A'\n/GOTO NOWHERE\n", "/CYCLE\n", "/WRITE-TEXT 'B'\n")
	for i, want := range []struct{ out, pos string }{
		{"A\n% SDP0118 COMMAND IN WRONG CONTEXT: GOTO TARGET NOWHERE NOT FOUND IN THIS INPUT\n", "input:2:2"},
		{"% SDP0118 COMMAND IN WRONG CONTEXT: CYCLE OR EXIT-BLOCK OUTSIDE OF A LOOP OR BLOCK\n", "input:1:2"},
	} {
		if outs[i] != want.out || errs[i] == nil || !strings.HasPrefix(errs[i].Error(), want.pos+": SDP0118") {
			t.Errorf("input %d: %q, error %v; want %q at %s", i+1, outs[i], errs[i], want.out, want.pos)
		}
	}
	if outs[2] != "B\n" || errs[2] != nil {
		t.Errorf("the next input: %q %v", outs[2], errs[2])
	}
}
