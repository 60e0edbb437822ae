package interp

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer"
)

// writeSeed runs WRITE-TEXT commands whose line a write plan builds
// (substwrite.go) with values that must send it the general way: an
// apostrophe, an &, nothing, lower case, a character beyond ASCII, a
// line that outgrows TEXT's 4096 characters, a name deleted and one
// that holds no value, a structure, a boolean, a && in the literal; and
// commands that get no plan: an & outside the literal, an expression,
// an apostrophe in the literal's own text. FuzzDirectAgainstExpr runs it traced and,
// once more, untraced.
const writeSeed = `/DECLARE-VARIABLE V(TYPE=*STRING),MULTIPLE-ELEMENTS=*LIST
/V = 'ab', WRITE-MODE=*EXTEND
/V = 'E''', WRITE-MODE=*EXTEND
/V = '&&G', WRITE-MODE=*EXTEND
/V = '', WRITE-MODE=*EXTEND
/V = 'Ä', WRITE-MODE=*EXTEND
/V = 'LONGER VALUE', WRITE-MODE=*EXTEND
/I = 0
/U = 'HERE'
/B = TRUE
/O = 'SYSLST'
/DECLARE-VARIABLE Z(TYPE=*STRING)
/DECLARE-VARIABLE ST(TYPE=*STRUCTURE(*DYNAMIC))
/FOR S = *LIST(V)
/  I = I + 1
/  WRITE-TEXT 'P &S Q &I'
/  IF-CMD-ERROR
/    WRITE-TEXT 'REFUSED &(MAINCODE())'
/  END-IF
/  WRITE-TEXT 'P &S.&I &B',OUTPUT=*SYSLST
/  IF-CMD-ERROR
/    WRITE-TEXT 'REFUSED &(MAINCODE())'
/  END-IF
/  WRITE-TEXT '&S'
/  IF-CMD-ERROR
/    WRITE-TEXT 'REFUSED &(MAINCODE())'
/  END-IF
/  WRITE-TEXT 'A -
/  &S B'
/  IF-CMD-ERROR
/    WRITE-TEXT 'CONTINUED REFUSED'
/  END-IF
/  WRITE-TEXT 'U=&U'
/  IF-CMD-ERROR
/    WRITE-TEXT 'U REFUSED &(MAINCODE())'
/  END-IF
/  IF (I = 1)
/    DELETE-VARIABLE U
/  END-IF
/  IF (I = 3)
/    U = 'BACK'
/  END-IF
/  WRITE-TEXT 'Z=&Z'
/  IF-CMD-ERROR
/    WRITE-TEXT 'Z REFUSED &(MAINCODE())'
/  END-IF
/  IF (I = 4)
/    Z = 'SET'
/  END-IF
/  WRITE-TEXT 'ST=&ST'
/  IF-CMD-ERROR
/    WRITE-TEXT 'ST REFUSED &(MAINCODE())'
/  END-IF
/  WRITE-TEXT 'OUT &I',OUTPUT=*&O
/  IF-CMD-ERROR
/    WRITE-TEXT 'REFUSED &(MAINCODE())'
/  END-IF
/  WRITE-TEXT 'EXPR &(I + 1) &I'
/  IF-CMD-ERROR
/    WRITE-TEXT 'REFUSED &(MAINCODE())'
/  END-IF
/  WRITE-TEXT 'IT''S &I'
/  IF-CMD-ERROR
/    WRITE-TEXT 'REFUSED &(MAINCODE())'
/  END-IF
/  WRITE-TEXT 'AND && &I'
/  IF-CMD-ERROR
/    WRITE-TEXT 'REFUSED &(MAINCODE())'
/  END-IF
/END-FOR
/W = 'ABCD'
/WHILE (LENGTH(W) < 4096)
/  W = W // W
/  WRITE-TEXT 'W=&W'
/  IF-CMD-ERROR
/    WRITE-TEXT 'W REFUSED AT &(LENGTH(W))'
/  END-IF
/END-WHILE
`

// TestWritePlanOnlyWhenTheLiteralHoldsTheReplacement reads commands as
// a planned command's first replacement reads them, and shows which get
// a write plan: those whose every & is a simple name inside their TEXT
// literal, whose literal holds no apostrophe of its own. The
// contents a plan joins are the string the template bound.
func TestWritePlanOnlyWhenTheLiteralHoldsTheReplacement(t *testing.T) {
	for _, tc := range []struct {
		text, replaced string
		plan           bool
	}{
		{`WRITE-TEXT 'PASS &I'`, `WRITE-TEXT 'PASS 1'`, true},
		{`WRITE-TEXT 'PASS &I',OUTPUT=*SYSLST`, `WRITE-TEXT 'PASS 1',OUTPUT=*SYSLST`, true},
		{`WRITE-TEXT TEXT='&A and &B.C'`, `WRITE-TEXT TEXT='x and yC'`, true},
		{`W-T '&A'`, `W-T 'x'`, true},
		{`WRITE-TEXT 'PASS &I',OUTPUT=*&O`, `WRITE-TEXT 'PASS 1',OUTPUT=*SYSLST`, false},
		{`WRITE-TEXT 'PASS &(I+1)'`, `WRITE-TEXT 'PASS 2'`, false},
		{`WRITE-TEXT 'IT''S &I'`, `WRITE-TEXT 'IT''S 1'`, false},
		{`WRITE-TEXT 'A && &I'`, `WRITE-TEXT 'A & 1'`, true},
		{`WRITE-TEXT 'A &I''S &B'`, `WRITE-TEXT 'A 1''S y'`, false},
		{`WRITE-TEXT &Q.X&Q. `, `WRITE-TEXT 'X' `, false}, // the literal opens in a value
		{`WRITE-TEXT 'A &L#1'`, `WRITE-TEXT 'A 1'`, false},
		{`WRITE-TEXT &T`, `WRITE-TEXT 'X'`, false},
		{`REMARK 'PASS &I'`, `REMARK 'PASS 1'`, false},
	} {
		r := New()
		u := lexer.NewUnit(tc.text, lexer.Pos{Line: 1, Column: 2})
		c, errs := r.parser.ParseCommand(u)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", tc.text, errs[0])
		}
		_, tm, errs := r.parser.ParseCommandTemplate(lexer.NewUnit(tc.replaced, u.Pos()))
		if len(errs) > 0 || tm == nil {
			t.Fatalf("%s: no template (%v)", tc.replaced, errs)
		}
		wp := planWrite(c, r.readSubst(c.Unit.Text), tm)
		if (wp != nil) != tc.plan {
			t.Errorf("%s: plan %v, want %v", tc.text, wp != nil, tc.plan)
			continue
		}
		if wp == nil {
			continue
		}
		// the pieces' values as the replaced text has them
		values := map[string]string{"I": "1", "A": "x", "B": "y"}
		joined := wp.head
		for _, p := range wp.pieces {
			if p.kind == pieceText {
				joined += p.text
			} else {
				joined += values[p.text]
			}
		}
		joined += wp.tail
		if want := tm.Command().Args.Str("TEXT"); joined != want {
			t.Errorf("%s: the plan joins %q, the template bound %q", tc.text, joined, want)
		}
		if got, want := wp.fixed+len(joined), len(tc.replaced); got != want {
			t.Errorf("%s: the plan counts %d bytes of text, the text has %d", tc.text, got, want)
		}
	}
}

// TestWritePlanLeavesTheTemplatesAlone shows that a WRITE-TEXT with a
// write plan reads only its first replacement: its counter's lines of
// other lengths (PASS 10) make no template of their own, as they do
// when a trace makes it take the general way; both print the same.
func TestWritePlanLeavesTheTemplatesAlone(t *testing.T) {
	const src = `/I = 0
/WHILE (I < 30)
/  I = I + 1
/  WRITE-TEXT 'PASS &I'
/END-WHILE
`
	var outs [2]string
	for i, traced := range []bool{false, true} {
		var opts []Option
		if traced {
			opts = append(opts, WithTrace(func(TraceEvent) {}))
		}
		var kept int
		outs[i], kept = runKeepingTemplates(t, src, opts...)
		if want := map[bool]int{false: 1, true: 2}[traced]; kept != want {
			t.Errorf("traced %v: %d templates kept, want %d", traced, kept, want)
		}
	}
	if outs[0] != outs[1] || !strings.Contains(outs[0], "PASS 30\n") {
		t.Errorf("by plan %q, the general way %q", outs[0], outs[1])
	}
}

// keptLines is a SYSOUT that keeps what it is given, as a writer of
// messages may (the JSON event stream).
type keptLines struct{ texts, msgs []string }

func (k *keptLines) Write(p []byte) (int, error) { return len(p), nil }
func (k *keptLines) WriteMessage(text string, m msg.Message) {
	k.texts = append(k.texts, text)
	k.msgs = append(k.msgs, m.Text)
}

// TestWritePlanLinesOutliveTheirPass shows that the lines a write plan
// builds in its reused buffer and hands to SYSOUT are their own: a
// writer that keeps them sees each pass's line, not the last one.
func TestWritePlanLinesOutliveTheirPass(t *testing.T) {
	const src = `/I = 0
/WHILE (I < 3)
/  I = I + 1
/  WRITE-TEXT 'PASS &I'
/  WRITE-TEXT 'LIST &I',OUTPUT=*SYSLST
/END-WHILE
`
	var kept keptLines
	var lst bytes.Buffer
	r := New(WithStdout(&kept), WithSyslst(&lst))
	if res := r.RunSource(context.Background(), "t.proc", src, nil); res.Err != nil {
		t.Fatal(res.Err)
	}
	want := []string{"PASS 1", "PASS 2", "PASS 3"}
	if !slices.Equal(kept.texts, want) || !slices.Equal(kept.msgs, want) {
		t.Errorf("SYSOUT kept %q and %q, want %q", kept.texts, kept.msgs, want)
	}
	if got := lst.String(); got != "LIST 1\nLIST 2\nLIST 3\n" {
		t.Errorf("SYSLST %q", got)
	}
}

// TestExecReasonOfAFailureKeyedCMD0001 shows that EXECUTE-CMD keeps the
// message that explains a failing command whose maincode is CMD0001
// (reasonOf's shortcut for a result without one must not take it): the
// line its command printed with that key, or the reason it gave.
func TestExecReasonOfAFailureKeyedCMD0001(t *testing.T) {
	const src = `/I = 0
/WHILE (I < 2)
/  I = I + 1
/  EXEC-CMD (SHOW-USER-SWITCHES),TEXT-OUTPUT=*NONE
/END-WHILE
`
	for _, tc := range []struct {
		res  handler.Result
		want string
	}{
		{handler.Result{RC: handler.ReturnCode{SC1: 64, Main: "CMD0001"}, SpinOff: true,
			Output: []msg.Message{msg.Plain("FIRST"), msg.New("CMD0001", "KEYED LINE")}}, "KEYED LINE"},
		{handler.Result{RC: handler.ReturnCode{SC1: 64, Main: "CMD0001"}, SpinOff: true,
			Reason: &msg.Message{Text: "GIVEN REASON"}}, "GIVEN REASON"},
	} {
		stub := handler.HandlerFunc(func(context.Context, *handler.Request) (handler.Result, bool) { return tc.res, true })
		r := New(WithStdout(&bytes.Buffer{}), WithHandlers(stub))
		res := r.RunSource(context.Background(), "t.proc", src, nil)
		// the message as a value: CMD0001's text has no place for an insert
		if res.Err == nil || !strings.Contains(fmt.Sprint(res.Err.Msg), tc.want) {
			t.Errorf("error %v, want one whose message holds %s", res.Err, tc.want)
		}
	}
}

// undeclaredReader is an executor that reads an operand its command
// does not declare (a defect of sdfp that Unpack reports by panicking).
type undeclaredReader struct{}

func (undeclaredReader) Commands() []string { return []string{"SHOW-USER-SWITCHES"} }
func (undeclaredReader) Handle(_ context.Context, req *handler.Request) (handler.Result, bool) {
	var x string
	req.Args.Unpack("NO-SUCH-OPERAND", &x)
	return handler.Done(), true
}

// routedUndeclaredReader is the same executor as a handler.Router.
type routedUndeclaredReader struct{ undeclaredReader }

func (e routedUndeclaredReader) Route(string) (handler.CommandFunc, bool) {
	return func(ctx context.Context, req *handler.Request) handler.Result {
		res, _ := e.Handle(ctx, req)
		return res
	}, true
}

// TestExecutorDefectIsTheCommandsError shows that an executor reading
// an operand its command does not declare fails its command with an
// internal error the procedure can handle, on the handler chain's way
// and on a route (handleRoute), given as a command and inside
// EXECUTE-CMD, at every pass.
func TestExecutorDefectIsTheCommandsError(t *testing.T) {
	const src = `/I = 0
/WHILE (I < 2)
/  I = I + 1
/  SHOW-USER-SWITCHES
/  IF-CMD-ERROR
/    WRITE-TEXT 'CAUGHT &I &(MAINCODE())'
/  END-IF
/  EXEC-CMD (SHOW-USER-SWITCHES),TEXT-OUTPUT=*NONE
/  IF-CMD-ERROR
/    WRITE-TEXT 'EXEC CAUGHT &I &(MAINCODE())'
/  END-IF
/END-WHILE
`
	for _, e := range []handler.Executor{undeclaredReader{}, routedUndeclaredReader{}} {
		reg, err := handler.NewRegistry(e)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		r := New(WithStdout(&out), WithHandlers(reg))
		if res := r.RunSource(context.Background(), "t.proc", src, nil); res.Err != nil {
			t.Fatalf("%T: %v", e, res.Err)
		}
		got := out.String()
		for _, want := range []string{"NO-SUCH-OPERAND", "CAUGHT 1 ", "EXEC CAUGHT 2 "} {
			if !strings.Contains(got, want) {
				t.Errorf("%T: no %q in\n%s", e, want, got)
			}
		}
	}
}
