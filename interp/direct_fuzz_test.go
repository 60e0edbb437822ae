package interp

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzDirectAgainstExpr runs a procedure twice, with the direct path (and
// its variable site cache, varcache.go) and with every expression on expr,
// which looks each variable up by name and binds each builtin call anew
// (directcall.go): both runs must print the same and fail alike, with the
// same message at the same position. The seeds are the language's golden cases (scopes,
// includes, declarations and deletions among them) and the benchmark
// suite.
func FuzzDirectAgainstExpr(f *testing.F) {
	addLanguageSeeds(f)
	f.Add(cacheSeed)
	f.Add(callSeed)
	procs, _ := filepath.Glob("testdata/bench/*.proc")
	for _, p := range procs {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(string(src))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		var outs, errs [2]string
		for i, direct := range []bool{true, false} {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			var out bytes.Buffer
			r := New(WithStdout(&out), WithDirectEval(direct), WithStepLimit(2000), WithBackBranchLimit(500))
			res := r.RunSource(ctx, "f.proc", src, nil)
			cancel()
			outs[i] = out.String()
			if res.Err != nil {
				errs[i] = "failed: " + res.Err.Error()
			}
		}
		if outs[0] != outs[1] || errs[0] != errs[1] {
			t.Fatalf("direct: %q (%s)\nexpr:   %q (%s)", outs[0], errs[0], outs[1], errs[1])
		}
	})
}

// cacheSeed changes the names of a level while sites read them: a
// variable deleted and declared again, one exported, one implicitly
// declared after a site found nothing; the sites that write X and E
// keep their variable too.
const cacheSeed = `/X = 'A'
/DECLARE-VARIABLE E(INITIAL-VALUE='LOCAL')
/J = 0
/WHILE (J < 3)
/  J = J + 1
/  F = E // X
/  WRITE-TEXT 'PASS &J READS &F'
/  IF (J = 1)
/    EXPORT-VARIABLE E
/    E = 'TASK'
/  END-IF
/  IF (J = 2)
/    DELETE-VARIABLE X
/    DECLARE-VARIABLE X(INITIAL-VALUE='B')
/  END-IF
/  X = X // '+'
/  E = E // '-'
/END-WHILE
`

// callSeed calls builtins on the direct path: keyword and abbreviated
// keyword arguments, defaults, the warnings SDP0412 and SDP0414 with
// their results, nested calls, a list's SIZE, and a failing call last.
const callSeed = `/A = 'ABCDEFGHIJ'
/DECLARE-VARIABLE L(TYPE=*STRING),MULTIPLE-ELEMENTS=*LIST
/L = 'X', WRITE-MODE=*EXTEND
/L = 'Y', WRITE-MODE=*EXTEND
/I = 0
/WHILE (I < 3)
/  I = I + 1
/  S = SUBSTRING(A, I * 4, 5) // SUBSTR(STRING=A, STA=2, L=*REST)
/  N = INDEX(A, 'C', DIR=*REV, B-C=I) + LENGTH(UPPER-CASE(S)) + SIZE('L')
/  M = INTEGER(' 1' // STRING(I)) + INDEX(S, 'F', END-COLUMN=*LAST)
/  WRITE-TEXT '&I: &S &N &M'
/END-WHILE
/N = INTEGER(A)
`
