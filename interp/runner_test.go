package interp

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/afero"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

func run(t *testing.T, src string, opts ...Option) (string, Result) {
	t.Helper()
	var out bytes.Buffer
	r := New(append([]Option{WithStdout(&out)}, opts...)...)
	res := r.RunSource(context.Background(), "t.proc", src, nil)
	return out.String(), res
}

// Two runners in one process share nothing: variables of the same name
// in parallel runs do not see each other.
func TestRunnersShareNothing(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			src := "/DECLARE-VARIABLE X(TYPE=*INTEGER),SCOPE=*TASK\n/X = " + itoa(i) + "\n/FOR K = *COUNTER(FROM=1,TO=200); X = X + 1; END-FOR\n/WRITE-TEXT '&X'\n"
			out, res := run(t, src)
			if res.Err != nil || out != itoa(i+200)+"\n" {
				t.Errorf("run %d: %q %v", i, out, res.Err)
			}
		}(i)
	}
	wg.Wait()
}

// A cancelled context ends a run with a positioned limit error.
func TestCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := New(WithStepLimit(0))
	res := r.RunSource(ctx, "t.proc", "/WHILE (TRUE)\n/  A = 1\n/END-WHILE\n", nil)
	if res.Err == nil || !res.Err.Limit || !strings.Contains(res.Err.Text, "CANCELLED") {
		t.Fatalf("got %+v", res.Err)
	}
	if res.Err.Pos.Line == 0 {
		t.Error("error has no position")
	}
}

// The back-branch limit ends a loop with SDP0139 as a command error that
// an IF-BLOCK-ERROR can handle.
func TestBackBranchLimit(t *testing.T) {
	out, res := run(t, "/BEGIN-BLOCK\n/  WHILE (TRUE); END-WHILE\n/END-BLOCK\n/IF-BLOCK-ERROR; WRITE-TEXT 'LIMIT &(MC)'; END-IF\n", WithBackBranchLimit(100))
	if res.Err != nil || !strings.HasSuffix(out, "LIMIT SDP0139\n") {
		t.Fatalf("out %q err %v", out, res.Err)
	}
}

// Regression: the limit's message once carried its own text as its insert
// ("BACK BRANCH LIMIT OF BACK BRANCH LIMIT OF 3 LOOP PASSES REACHED LOOP
// PASSES REACHED"), and an English sentence inside the German one. Each
// language prints its own text once, and so does the run's summary.
func TestBackBranchLimitMessage(t *testing.T) {
	src := "/WHILE (TRUE); END-WHILE\n"
	for lang, want := range map[string]string{
		"E": "BACK BRANCH LIMIT OF 3 LOOP PASSES REACHED",
		"D": "GRENZE VON 3 SCHLEIFENDURCHLAEUFEN ERREICHT",
	} {
		out, res := run(t, src, WithBackBranchLimit(3), WithLanguage(lang))
		if out != "% SDP0139 "+want+"\n" {
			t.Errorf("%s: printed %q, want %q", lang, out, want)
		}
		if res.Err == nil || res.Err.Text != want {
			t.Errorf("%s: error %v, want %q", lang, res.Err, want)
		}
	}
}

// Regression: under --lang D the details of interpreter errors stayed
// English inside the German message.
func TestGermanDetails(t *testing.T) {
	out, _ := run(t, "/A = 'X' + 1\n", WithLanguage("D"))
	want := "% SDP0091 SEMANTIKFEHLER: FALSCHER DATENTYP: OPERATOR + BRAUCHT INTEGER-OPERANDEN, NICHT STRING UND INTEGER\n"
	if out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
}

// Commands the interpreter does not execute go to the handler chain; an
// unknown one is a command error, a handled one returns its output and
// return code.
func TestHandlerChain(t *testing.T) {
	stub := handler.HandlerFunc(func(ctx context.Context, req *handler.Request) (handler.Result, bool) {
		if req.Name != "SHOW-VM-ATTRIBUTES" {
			return handler.Result{}, false
		}
		id, _ := req.Args.Int("VM-IDENTIFICATION")
		return handler.Result{RC: handler.OK, Output: []msg.Message{msg.Plain("% STUB VM " + itoa(int(id)))},
			Records: []handler.Record{{{Name: "VM-ID", Value: int(id)}, {Name: "MIN-MEM-SIZE", Value: "*UNDEF"}}}}, true
	})
	src := "/SHOW-VM-ATTR VM-ID=4\n/EXEC-CMD (SHOW-VM-ATTR VM-ID=5),TEXT-OUTPUT=*NONE,STRUCT-OUT=S\n/WRITE-TEXT '&(S#.VM-ID) &(S#1.MIN-MEM-SIZE)'\n/MIGRATE-VM VM-ID=2\n"
	out, res := run(t, src, WithHandlers(stub))
	want := "% STUB VM 4\n5 *UNDEF\n% CMD0202 SYNTAX ERROR IN COMMAND: COMMAND MIGRATE-VM IS NOT AVAILABLE IN THIS ENVIRONMENT\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if res.Err == nil || res.Err.RC.Main != "CMD0202" {
		t.Errorf("err %v", res.Err)
	}
}

// Every procedure shipped in procs/ that needs no hypervisor runs to its
// end (procedures that use VM2000 commands are run by the golden cases of
// the hypervisor).
func TestProcsWithoutHypervisor(t *testing.T) {
	files, _ := filepath.Glob("../procs/*.proc")
	if len(files) == 0 {
		t.Fatal("no procedures")
	}
	ran := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := New()
		proc, errs := r.Parser().ParseFile(f, string(src))
		if len(errs) > 0 {
			t.Errorf("%s: %v", f, errs[0])
			continue
		}
		if usesHandlers(proc) {
			continue
		}
		ran++
		if res := r.Run(context.Background(), proc, nil); res.Err != nil {
			t.Errorf("%s: %v", f, res.Err)
		}
	}
	if ran == 0 {
		t.Skip("every procedure in procs/ uses VM2000 or job commands")
	}
}

// DATE and TIME read the run's clock, never the wall clock.
func TestVirtualClock(t *testing.T) {
	at := time.Date(2030, 6, 15, 13, 14, 15, 0, time.UTC)
	out, res := run(t, "/WRITE-TEXT '&(TIME()) &(DATE(FORMAT=*GERMAN))'\n", WithClock(FixedClock(at)))
	if res.Err != nil || !strings.HasPrefix(out, "13:14:15 15.06.2030") {
		t.Errorf("got %q %v", out, res.Err)
	}
}

// Procedure files are found in the run's file system by their BS2000 name.
func TestCallByFileName(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "sub.proc", []byte("/WRITE-TEXT 'SUB'\n"), 0o644)
	afero.WriteFile(fs, "DATA.TXT", []byte("not a procedure\n"), 0o644)
	out, res := run(t, "/CALL-PROCEDURE SUB\n/CALL-PROCEDURE SUB.PROC\n/CALL-PROCEDURE DATA.TXT\n", WithFS(fs))
	if out != "SUB\nSUB\n% SDP0091 SEMANTIC ERROR: FILE DATA.TXT IS NOT A PROCEDURE: ITS FIRST RECORD IS NOT A COMMAND\n" || res.Err == nil {
		t.Errorf("got %q %v", out, res.Err)
	}
}

// A run limit is no procedure error: no IF-BLOCK-ERROR catches it.
func TestLimitNotCaught(t *testing.T) {
	_, res := run(t, "/BEGIN-BLOCK\n/  WHILE (TRUE); END-WHILE\n/END-BLOCK\n/IF-BLOCK-ERROR\n/  WRITE-TEXT 'CAUGHT'\n/END-IF\n", WithStepLimit(50))
	if res.Err == nil || !res.Err.Limit {
		t.Fatalf("got %v", res.Err)
	}
}

// A system file assigned again is replaced, however long its old content
// was (it is written over and cut at close, not truncated at open), and
// extended when OPEN-MODE=*EXTEND says so.
func TestSyslstReplacesOldContent(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "LST.X", []byte(strings.Repeat("OLD LINE\n", 100)), 0o644)
	src := "/ASSIGN-SYSLST LST.X\n/WRITE-TEXT 'NEW',OUTPUT=*SYSLST\n/ASSIGN-SYSLST *PRIMARY\n" +
		"/ASSIGN-SYSLST LST.X,OPEN-MODE=*EXTEND\n/WRITE-TEXT 'MORE',OUTPUT=*SYSLST\n/ASSIGN-SYSLST *PRIMARY\n"
	if _, res := run(t, src, WithFS(fs)); res.Err != nil {
		t.Fatal(res.Err)
	}
	got, _ := afero.ReadFile(fs, "LST.X")
	if string(got) != "NEW\nMORE\n" {
		t.Errorf("LST.X = %q", got)
	}
}

// does not execute itself.
func usesHandlers(p *ast.Procedure) bool {
	found := false
	ast.Walk(p.Body, func(s ast.Stmt) bool {
		for _, c := range ast.Commands(s) {
			if c.Name != "" && natives[c.Name] == nil && (c.Spec == nil || c.Spec.Role == 0) {
				found = true
			}
		}
		return true
	})
	return found
}

// Middleware sees every command that goes to the handler chain and may
// change its result: here it fails SHOW-VM-ATTRIBUTES as an injected
// fault would, and passes the rest on.
func TestMiddleware(t *testing.T) {
	stub := handler.HandlerFunc(func(ctx context.Context, req *handler.Request) (handler.Result, bool) {
		return handler.Done(msg.Plain("STUB " + req.Name)), true
	})
	var seen []string
	fault := func(next handler.Handler) handler.Handler {
		return handler.HandlerFunc(func(ctx context.Context, req *handler.Request) (handler.Result, bool) {
			seen = append(seen, req.Name)
			if req.Name == "SHOW-VM-ATTRIBUTES" {
				return outcomes[commandNotAvailable].Result(req.Name), true
			}
			return next.Handle(ctx, req)
		})
	}
	out, res := run(t, "/SHOW-VM-STATUS\n/SHOW-VM-ATTR\n", WithHandlers(stub), WithMiddleware(fault))
	want := "STUB SHOW-VM-STATUS\n% CMD0202 SYNTAX ERROR IN COMMAND: COMMAND SHOW-VM-ATTRIBUTES IS NOT AVAILABLE IN THIS ENVIRONMENT\n"
	if out != want || res.Err == nil || strings.Join(seen, " ") != "SHOW-VM-STATUS SHOW-VM-ATTRIBUTES" {
		t.Errorf("out %q, err %v, seen %v", out, res.Err, seen)
	}
}

// Regression (found by FuzzSession): TEXT-OUTPUT into an element of a
// variable that does not exist (O#0) dereferenced the missing variable
// and crashed the run; it is the error of the command.
func TestTextOutputIntoUndeclaredElement(t *testing.T) {
	out, res := run(t, "/EXEC-CMD (WRITE-TEXT 'A'),TEXT-OUTPUT=O#0\n")
	if res.Err == nil || res.Err.RC.Main != "SDP0091" || !strings.Contains(out, "VARIABLE O IS NOT DECLARED") {
		t.Errorf("out %q, err %v", out, res.Err)
	}
}

// Regression: a called procedure that starts with a UTF-8 byte order mark
// was "not a procedure" (the reader skips the mark, the test for a first
// command did not); a file in UTF-16 is named as such.
func TestCallProcedureEncodings(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "bom.proc", []byte("\uFEFF/WRITE-TEXT 'BOM'\n"), 0o644)
	afero.WriteFile(fs, "wide.proc", []byte("\xFF\xFE/\x00W\x00"), 0o644)
	out, res := run(t, "/CALL-PROCEDURE BOM\n/CALL-PROCEDURE WIDE\n", WithFS(fs))
	if !strings.HasPrefix(out, "BOM\n") || res.Err == nil || !strings.Contains(res.Err.Text, "UTF-16") {
		t.Errorf("out %q, err %v", out, res.Err)
	}
}

// The preanalysis rejects a procedure whose GOTO, CYCLE or EXIT-BLOCK
// names a tag the procedure does not have, even in a branch never taken;
// a bad command there waits until it is reached, which it never is.
func TestPreanalysis(t *testing.T) {
	out, res := run(t, "/IF (1 = 2)\n/  GOTO NOWHERE\n/END-IF\n/WRITE-TEXT 'RAN'\n")
	if out != "" || res.Err == nil || res.Err.RC.Main != "SDP0118" || !strings.Contains(res.Err.Text, "GOTO target NOWHERE does not exist") {
		t.Errorf("missing target: out %q, err %v", out, res.Err)
	}
	out, res = run(t, "/IF (1 = 2)\n/  WRTE-TEXT 'X'\n/END-IF\n/WRITE-TEXT 'RAN'\n")
	if out != "RAN\n" || res.Err != nil {
		t.Errorf("bad command never reached: out %q, err %v", out, res.Err)
	}
	out, res = run(t, "/IF (1 = 2)\n/WRITE-TEXT 'RAN'\n")
	if out != "" || res.Err == nil || res.Err.RC.Main != "SDP0118" {
		t.Errorf("open block: out %q, err %v", out, res.Err)
	}
}

// step checks only at the steps where a check can fire (checkAt): a run
// stops at exactly the step past its limit, and a stop function is asked
// at every step, on both sides of the periodic checks.
func TestStepChecksWhereTheyFire(t *testing.T) {
	loop := "/WHILE (TRUE); END-WHILE\n"
	for _, limit := range []int64{1, 2, 1023, 1024, 1025, 2047, 2048, 3000} {
		_, res := run(t, loop, WithStepLimit(limit))
		if res.Err == nil || !res.Err.Limit || res.Steps != limit+1 {
			t.Errorf("step limit %d: stopped at step %d with %v", limit, res.Steps, res.Err)
		}
	}
	for _, at := range []int64{1, 2, 1023, 1024, 1025, 2500} {
		asked := int64(0)
		stop := func() bool { asked++; return asked >= at }
		_, res := run(t, loop, WithStop(stop), WithStepLimit(5000))
		if res.Err == nil || !res.Err.Limit || res.Steps != at || asked != at {
			t.Errorf("stop at the %d. question: stopped at step %d, asked %d times, %v", at, res.Steps, asked, res.Err)
		}
	}
}
