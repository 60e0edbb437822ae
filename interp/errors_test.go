package interp

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
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

// Regression (issue 11): EXECUTE-CMD dropped the error of storing its
// text output, so a run went on as if the lines had reached the variable.
func TestExecCmdTextOutputError(t *testing.T) {
	src := "/DECL-VAR N(TYPE=*INTEGER)\n/EXEC-CMD (SHOW-VM-ATTR),TEXT-OUTPUT=N\n/WRITE-TEXT 'NEVER'\n"
	out, res := run(t, src, WithHandlers(outputStub(2)))
	if res.Err == nil || res.Err.RC.Main != "SDP0091" || res.Err.Pos.Line != 2 || strings.Contains(out, "NEVER") {
		t.Fatalf("out %q, error %v", out, res.Err)
	}
}

// outputStub answers SHOW-VM-ATTRIBUTES with n lines of text and n
// records.
func outputStub(n int) handler.Handler {
	return handler.HandlerFunc(func(ctx context.Context, req *handler.Request) (handler.Result, bool) {
		if req.Name != "SHOW-VM-ATTRIBUTES" {
			return handler.Result{}, false
		}
		res := handler.Result{RC: handler.OK}
		for i := 0; i < n; i++ {
			res.Output = append(res.Output, msg.Plain("LINE "+strconv.Itoa(i)))
			res.Records = append(res.Records, handler.Record{{Name: "LINE", Value: i}})
		}
		return res, true
	})
}
