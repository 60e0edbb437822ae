package interp

import (
	"bytes"
	"context"
	"testing"
)

// substSeed replaces inside and outside string literals at the same
// commands, with values of changing lengths, values holding an
// apostrophe, an &, a quote or nothing, && and &( ), a period ending a
// name, a label, a continuation line, a comment, a single-literal
// expression, and a literal the new value no longer fits (the range of
// DATA-ESCAPE-CHAR): FuzzDirectAgainstExpr holds the kept analyses of
// substtemplate.go to analysing each replaced text anew.
const substSeed = `/MODIFY-JOB-OPTIONS LOGGING=*PARAMETERS(LISTING=*YES)
/DECLARE-VARIABLE V(TYPE=*STRING),MULTIPLE-ELEMENTS=*LIST
/V = 'AB', WRITE-MODE=*EXTEND
/V = 'CD', WRITE-MODE=*EXTEND
/V = 'E''', WRITE-MODE=*EXTEND
/V = '&&G', WRITE-MODE=*EXTEND
/V = '"H', WRITE-MODE=*EXTEND
/V = '', WRITE-MODE=*EXTEND
/V = 'IJ', WRITE-MODE=*EXTEND
/O = 'SYSLST'
/FOR S = *LIST(V)
/  WRITE-TEXT 'P &S. && &(LENGTH(S)) Q',OUTPUT=*&O
/  IF-CMD-ERROR
/    WRITE-TEXT 'REFUSED &(MAINCODE())'
/  END-IF
/  L1: WRITE-TEXT '&S-&S' "&S"
/  IF-CMD-ERROR
/    WRITE-TEXT 'L1 REFUSED'
/  END-IF
/  WRITE-TEXT 'A -
/  &S B'
/  IF-CMD-ERROR
/    WRITE-TEXT 'CONTINUED REFUSED'
/  END-IF
/  X = '&S'
/  IF-CMD-ERROR
/    WRITE-TEXT 'X REFUSED'
/  END-IF
/  SHOW-VARIABLE X
/  O = 'SYSOUT'
/END-FOR
/C = 'Ä'
/T = 0
/WHILE (T < 2)
/  T = T + 1
/  MODIFY-PROCEDURE-OPTIONS DATA-ESCAPE-CHAR='&C'
/  IF-CMD-ERROR
/    WRITE-TEXT 'ESCAPE &C REFUSED'
/  END-IF
/  C = 'AB'
/END-WHILE
`

// TestReplacedAnalysisKept shows that a WRITE-TEXT the general way runs
// (an & outside its literal: no write plan, substwrite.go) keeps its
// analysis from pass to pass, and that the reference run keeps none and
// prints the same.
func TestReplacedAnalysisKept(t *testing.T) {
	const src = `/I = 0
/O = 'SYSOUT'
/WHILE (I < 30)
/  I = I + 1
/  WRITE-TEXT 'PASS &I',OUTPUT=*&O
/END-WHILE
`
	var outs [2]string
	for i, direct := range []bool{true, false} {
		var kept int
		outs[i], kept = runKeepingTemplates(t, src, WithDirectEval(direct))
		// PASS 1..9 and PASS 10..30: one template for each length
		if want := map[bool]int{true: 2, false: 0}[direct]; kept != want {
			t.Errorf("direct %v: %d templates kept, want %d", direct, kept, want)
		}
	}
	if outs[0] != outs[1] {
		t.Errorf("kept analyses print %q, the reference %q", outs[0], outs[1])
	}
}

// runKeepingTemplates runs src and returns what it printed and how many
// templates of replaced commands its runner kept.
func runKeepingTemplates(t *testing.T, src string, opts ...Option) (string, int) {
	t.Helper()
	var out bytes.Buffer
	r := New(append([]Option{WithStdout(&out)}, opts...)...)
	if res := r.RunSource(context.Background(), "t.proc", src, nil); res.Err != nil {
		t.Fatal(res.Err)
	}
	kept := 0
	for _, st := range r.substTemplates {
		for _, tm := range st.t {
			if tm != nil {
				kept++
			}
		}
	}
	return out.String(), kept
}
