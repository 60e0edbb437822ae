package session

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"sdfp/interp"
)

// The command loop's fast paths (issue 18: EXECUTE-CMD's plan, the
// replacement read into pieces, the variable functions' kept name) held
// to the reference (Options.Reference) on loops made of the shapes of
// interp/testdata/bench/command.proc: EXEC-CMD with its output in list,
// string, JV-linked, limited and structure-element variables, extended
// or replaced, failing, with return codes in variables, run from an
// include procedure; WRITE-TEXT with & to SYSOUT and SYSLST; SIZE of
// the list; and between them declarations, deletions and assignments
// that change what each name stands for, and FOR loops, copies and
// prefixed or structure elements of the list a TEXT-OUTPUT replaces, and
// statements run by their plans from the statement list. SYSOUT,
// SYSLST, the trace, the variable events and the result must be the
// same.

// loopPieces are the statements a generated loop body is made of; K is
// the loop counter.
var loopPieces = []string{
	"EXEC-CMD (SHOW-USER-SWITCHES),TEXT-OUTPUT=OUT",
	"EXEC-CMD (SHOW-JV JV.X),TEXT-OUTPUT=OUT(WRITE-MODE=*EXTEND)",
	"EXEC-CMD (SHOW-JV-ATTRIBUTES JV.X),TEXT-OUTPUT=OUT",
	"EXEC-CMD (SHOW-JV-ATTRIBUTES JV.X),TEXT-OUTPUT=SHORT",
	"EXEC-CMD (SHOW-JV JV.X),TEXT-OUTPUT=T",
	"EXEC-CMD (SHOW-JV JV.X),TEXT-OUTPUT=D.L",
	"EXEC-CMD (SHOW-JV JV.X),TEXT-OUTPUT=V",
	"EXEC-CMD (SHOW-JV JV.NONE),TEXT-OUTPUT=ERR",
	"EXEC-CMD (SHOW-JV JV.NONE),TEXT-OUTPUT=ERR,RETURNCODE=*VARIABLE(SUBCODE1=S1,MAINCODE=M)",
	"EXEC-CMD (SHOW-VARIABLE K),TEXT-OUTPUT=OUT(WRITE-MODE=*EXTEND)",
	"EXEC-CMD (SHOW-USER-SWITCHES),TEXT-OUTPUT=*SYSOUT",
	"EXEC-CMD (MODIFY-JV JV.X,SET-VALUE='P&K'),TEXT-OUTPUT=*NONE",
	"EXEC-CMD (SHOW-JV JV.X),TEXT-OUTPUT=OUT#2",
	"WRITE-TEXT 'PASS &K',OUTPUT=*SYSLST",
	"WRITE-TEXT 'PASS &K: &V &k. && &(K * 2)'",
	"WRITE-TEXT 'OUT: &OUT, T: &T'",
	"WRITE-TEXT 'FIRST: &(OUT#1)'",
	"WRITE-TEXT 'M: &M &S1 &N'",
	"N = N + SIZE('OUT')",
	"N = SIZE('SHORT') + SIZE('OUT')",
	"V = 'TEXT&K'",
	"V = K * 1000",
	"V = TRUE",
	"DELETE-VARIABLE V",
	"DELETE-VARIABLE OUT",
	"DECLARE-VARIABLE OUT(TYPE=*STRING)",
	"DECLARE-VARIABLE OUT,MULTIPLE-ELEMENTS=*LIST",
	"DECLARE-VARIABLE OUT(TYPE=*INTEGER),MULTIPLE-ELEMENTS=*LIST",
	"DECLARE-VARIABLE OUT(TYPE=*STRING),MULTIPLE-ELEMENTS=*LIST(LIMIT=1)",
	"MODIFY-JV JV-CONTENTS=JV.T,SET-VALUE='CHANGED'",
	"INCLUDE-PROCEDURE I.LOOP",
	"CALL-PROCEDURE C.LOOP",
	// the former elements of a list its TEXT-OUTPUT replaces, seen by a
	// FOR, a copy, a prefixed element and a structure copied in
	"FOR L = *LIST(OUT)\n/    EXEC-CMD (SHOW-JV-ATTRIBUTES JV.X),TEXT-OUTPUT=OUT\n/    WRITE-TEXT 'FOR &L'\n/  END-FOR",
	"L2 = OUT",
	"WRITE-TEXT 'COPY: &(L2#1)'",
	"OUT = 'FRONT', WRITE-MODE=*PREFIX",
	"OUT = D, WRITE-MODE=*EXTEND",
	"FOR L = *LIST(OUT)\n/    EXEC-CMD (SHOW-USER-SWITCHES),TEXT-OUTPUT=OUT\n/    SHOW-VARIABLE L\n/  END-FOR",
	// statements that execList calls by their plans (callPlanned):
	// control, an error raised, output, nothing, and one with an
	// operand error that must fail as parsed
	"IF (K = 2)\n/    CYCLE\n/  END-IF",
	"RAISE-ERROR",
	"SHOW-VARIABLE N",
	"REMARK 'NOTHING'",
	"SAVE-RETURNCODE",
	"DECLARE-VARIABLE W(TYPE=*BOGUS)",
}

// loopProcedure makes a loop of n pieces chosen by rng, each followed by
// a handler that prints the error a piece raises and goes on.
func loopProcedure(rng *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("/CREATE-JV JV.X\n/MODIFY-JV JV.X,SET-VALUE='FIRST'\n")
	b.WriteString("/DECLARE-VARIABLE SHORT(TYPE=*STRING),MULTIPLE-ELEMENTS=*LIST(LIMIT=1)\n")
	b.WriteString("/DECLARE-VARIABLE D(TYPE=*STRUCTURE)\n/DECL-VAR T(TYPE=*STRING),CONTAINER=*JV(JV.T)\n/T = 'JV'\n")
	b.WriteString("/N = 0\n/K = 0\n/WHILE (K < 3)\n/  K = K + 1\n")
	for range n {
		fmt.Fprintf(&b, "/  %s\n/  IF-CMD-ERROR; WRITE-TEXT 'ERROR &K: &(MC)'; END-IF\n", loopPieces[rng.Intn(len(loopPieces))])
	}
	b.WriteString("/END-WHILE\n/WRITE-TEXT 'N=&N'\n")
	return b.String()
}

const includedLoop = "/EXEC-CMD (SHOW-JV JV.X),TEXT-OUTPUT=OUT(WRITE-MODE=*EXTEND)\n/WRITE-TEXT 'INCLUDED &K'\n"
const calledLoop = "/EXEC-CMD (SHOW-JV JV.X),TEXT-OUTPUT=OUT\n/N = SIZE('OUT')\n/WRITE-TEXT 'CALLED &N &(OUT#1)'\n"

// runLoop runs a procedure in a new session, on the fast paths or the
// reference, and describes everything it did; untraced, without the
// trace (a WRITE-TEXT then builds its line by its plan, which a trace
// does not let it: interp/substwrite.go).
func runLoop(t *testing.T, src string, reference, hook bool) string {
	return runLoopTraced(t, src, reference, hook, true)
}

func runLoopTraced(t *testing.T, src string, reference, hook, traced bool) string {
	t.Helper()
	fs := afero.NewMemMapFs()
	for name, text := range map[string]string{"i.loop.proc": includedLoop, "c.loop.proc": calledLoop} {
		if err := afero.WriteFile(fs, name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, lst, events bytes.Buffer
	o := Options{FS: fs, Stdout: &out, Syslst: &lst, Reference: reference,
		Trace: func(e interp.TraceEvent) {
			fmt.Fprintf(&events, "%d:%d L%d %s %v %v\n", e.Pos.Line, e.Pos.Column, e.Level, e.Text, e.RC, e.Branch)
		}}
	if !traced {
		o.Trace = nil
	}
	if hook {
		o.VarHook = func(name string, v any) { fmt.Fprintf(&events, "%s=%v\n", name, v) }
	}
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	res := s.RunTasks(context.Background(), []Task{{Name: "loop.proc", Source: src}})
	errText := "<nil>"
	if e := res[0].Err; e != nil {
		errText = fmt.Sprintf("%v %s %v", e.RC, e.Text, e.Pos)
	}
	return fmt.Sprintf("rc %v err %s steps %d\n-- sysout --\n%s-- syslst --\n%s-- events --\n%s",
		res[0].RC, errText, res[0].Steps, out.String(), lst.String(), events.String())
}

func checkLoopAgainstReference(t *testing.T, src string, hook bool) {
	t.Helper()
	fast, ref := runLoop(t, src, false, hook), runLoop(t, src, true, hook)
	if fast != ref {
		t.Fatalf("procedure:\n%s\nfast:\n%s\nreference:\n%s", src, fast, ref)
	}
	fast, ref = runLoopTraced(t, src, false, hook, false), runLoopTraced(t, src, true, hook, false)
	if fast != ref {
		t.Fatalf("procedure:\n%s\nfast, untraced:\n%s\nreference, untraced:\n%s", src, fast, ref)
	}
}

func TestCommandLoopAgainstReference(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewSource(18))
	for i := range 300 {
		checkLoopAgainstReference(t, loopProcedure(rng, 2+rng.Intn(8)), i%4 == 0)
	}
}

// FuzzCommandLoopAgainstReference chooses the pieces of a loop from the
// fuzzer's bytes.
func FuzzCommandLoopAgainstReference(f *testing.F) {
	f.Add([]byte{0, 13, 18})
	f.Add([]byte{4, 24, 14, 26, 1, 15})
	f.Add([]byte{30, 5, 27, 12, 19, 31})
	f.Fuzz(func(t *testing.T, choice []byte) {
		if len(choice) == 0 || len(choice) > 24 {
			return
		}
		rng := rand.New(rand.NewSource(int64(choice[0])))
		var b strings.Builder
		b.WriteString("/CREATE-JV JV.X\n/MODIFY-JV JV.X,SET-VALUE='FIRST'\n")
		b.WriteString("/DECLARE-VARIABLE SHORT(TYPE=*STRING),MULTIPLE-ELEMENTS=*LIST(LIMIT=1)\n")
		b.WriteString("/DECLARE-VARIABLE D(TYPE=*STRUCTURE)\n/DECL-VAR T(TYPE=*STRING),CONTAINER=*JV(JV.T)\n/T = 'JV'\n")
		b.WriteString("/N = 0\n/K = 0\n/WHILE (K < 3)\n/  K = K + 1\n")
		for _, c := range choice[1:] {
			fmt.Fprintf(&b, "/  %s\n/  IF-CMD-ERROR; WRITE-TEXT 'ERROR &K: &(MC)'; END-IF\n", loopPieces[int(c)%len(loopPieces)])
		}
		b.WriteString("/END-WHILE\n/WRITE-TEXT 'N=&N'\n")
		checkLoopAgainstReference(t, b.String(), rng.Intn(2) == 0)
	})
}
