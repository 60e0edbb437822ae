package session

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
)

// TestStubBeforeTheExecutors shows that a planned command does not call
// its executor directly (handler.Router) when a handler in front of the
// executors might take it: a stub for SHOW-USER-SWITCHES answers at
// every pass of a loop, given as a command and inside EXECUTE-CMD, and
// the commands it leaves reach the job environment as before.
func TestStubBeforeTheExecutors(t *testing.T) {
	var out bytes.Buffer
	stubbed := 0
	s, err := New(Options{Stdout: &out, Handlers: []handler.Handler{handler.HandlerFunc(
		func(_ context.Context, req *handler.Request) (handler.Result, bool) {
			if req.Name != "SHOW-USER-SWITCHES" {
				return handler.Result{}, false
			}
			stubbed++
			return handler.Done(msg.Plain("STUB")), true
		})}})
	if err != nil {
		t.Fatal(err)
	}
	const src = `/DECLARE-VARIABLE OUT(TYPE=*STRING),MULTIPLE-ELEMENTS=*LIST
/I = 0
/WHILE (I < 3)
/  I = I + 1
/  SHOW-USER-SWITCHES
/  EXEC-CMD (SHOW-USER-SWITCHES),TEXT-OUTPUT=OUT
/  WRITE-TEXT '&(OUT#1)'
/  EXEC-CMD (SHOW-JOB-SWITCHES),TEXT-OUTPUT=OUT
/  WRITE-TEXT '&(OUT#1)'
/END-WHILE
`
	res := s.RunTasks(context.Background(), []Task{{Name: "stub.proc", Source: src}})
	if res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	if stubbed != 6 {
		t.Errorf("the stub answered %d times, want 6", stubbed)
	}
	if got := strings.Count(out.String(), "STUB\n"); got != 6 {
		t.Errorf("STUB printed %d times, want 6:\n%s", got, out.String())
	}
	if got := strings.Count(out.String(), "JOB-SWITCHES ON: NONE"); got != 3 {
		t.Errorf("the job switches shown %d times, want 3:\n%s", got, out.String())
	}
}
