package interp

import (
	"context"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// Issue 11: an error deep in a recursion names the innermost and the
// outermost calls and counts the ones between, instead of printing every
// level (10,000 levels printed 10,000 lines, and building the stack took
// seconds, copying it at every level); the stack stays outermost first.
func TestErrorStackOfADeepRecursion(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "deep.proc", []byte("/DECLARE-VARIABLE D(TYPE=*INTEGER,INITIAL-VALUE=0),SCOPE=*TASK\n/D = D + 1\n"+
		"/IF (D < 50)\n/  CALL-PROCEDURE DEEP\n/ELSE\n/  A = 1 / 0\n/END-IF\n"), 0o644)
	r := New(WithFS(fs))
	res := r.RunSource(context.Background(), "main.proc", "/WRITE-TEXT 'GO'\n/CALL-PROCEDURE DEEP\n", nil)
	e := res.Err
	if e == nil || len(e.Stack) != 50 {
		t.Fatalf("error %v with %d calls, want 50", e, len(e.Stack))
	}
	if e.Stack[0].Filename != "main.proc" || e.Stack[1].Filename != "deep.proc" {
		t.Errorf("stack not outermost first: %v", e.Stack[:2])
	}
	text := e.Error()
	if n := strings.Count(text, "called from"); n != 2*stackShown {
		t.Errorf("%d calls shown, want %d:\n%s", n, 2*stackShown, text)
	}
	if !strings.Contains(text, "\n\t... 30 more calls\n") || !strings.HasSuffix(text, "called from main.proc:2:2") {
		t.Errorf("text:\n%s", text)
	}
}
