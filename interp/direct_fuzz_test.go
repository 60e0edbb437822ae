package interp

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzDirectAgainstExpr runs a procedure twice, with the fast paths (the
// direct path and its variable site cache, varcache.go; builtin calls
// bound once per site, directcall.go; the command plans, plan.go; unboxed
// integers, directint.go; analyses kept after & replacement,
// substtemplate.go) and with every expression on expr and no plan,
// which looks each variable and statement up by name and binds each
// builtin call anew: both runs must print the same on SYSOUT and SYSLST,
// trace the same commands with the same return codes, and fail alike,
// with the same message at the same position. The seeds are the
// language's golden cases (scopes, includes, declarations and deletions
// among them), the benchmark suite and the seeds below.
func FuzzDirectAgainstExpr(f *testing.F) {
	addLanguageSeeds(f)
	f.Add(cacheSeed)
	f.Add(callSeed)
	f.Add(intSeed)
	f.Add(substSeed) // substtemplate_test.go
	f.Add(intCallSeed)
	f.Add(strSeed)
	f.Add(nameSeed)
	f.Add(fastSeed)
	f.Add(planSeed)
	f.Add(writeSeed) // substwrite_test.go
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
			var out, lst bytes.Buffer
			trace := func(e TraceEvent) {
				fmt.Fprintf(&out, "trace %d:%d L%d %q %v %v\n", e.Pos.Line, e.Pos.Column, e.Level, e.Text, e.RC, e.Branch)
			}
			r := New(WithStdout(&out), WithSyslst(&lst), WithTrace(trace), WithDirectEval(direct), WithStepLimit(2000), WithBackBranchLimit(500))
			res := r.RunSource(ctx, "f.proc", src, nil)
			cancel()
			outs[i] = out.String() + "SYSLST:\n" + lst.String() + fmt.Sprintf("steps %d", res.Steps)
			if res.Err != nil {
				errs[i] = "failed: " + res.Err.Error()
			}
		}
		if outs[0] != outs[1] || errs[0] != errs[1] {
			t.Fatalf("direct: %q (%s)\nexpr:   %q (%s)", outs[0], errs[0], outs[1], errs[1])
		}
		if !strings.Contains(src, "&") {
			return
		}
		// A trace (and a listing) shows the replaced text, so a WRITE-TEXT
		// builds its line by its plan only in a run without one
		// (substwrite.go): the direct run again, untraced, must print
		// what the reference printed besides its trace.
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		var out, lst bytes.Buffer
		r := New(WithStdout(&out), WithSyslst(&lst), WithStepLimit(2000), WithBackBranchLimit(500))
		res := r.RunSource(ctx, "f.proc", src, nil)
		got := withoutTrace(out.String() + "SYSLST:\n" + lst.String() + fmt.Sprintf("steps %d", res.Steps))
		gotErr := ""
		if res.Err != nil {
			gotErr = "failed: " + res.Err.Error()
		}
		// (a line of SYSOUT or SYSLST that looks like a trace line goes
		// from both)
		if want := withoutTrace(outs[1]); got != want || gotErr != errs[1] {
			t.Fatalf("direct, untraced: %q (%s)\nexpr:   %q (%s)", got, gotErr, want, errs[1])
		}
	})
}

// withoutTrace is a run's output without the lines its trace wrote.
func withoutTrace(out string) string {
	lines := strings.SplitAfter(out, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(l, "trace ") {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "")
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

// planSeed runs planned assignments whose targets setPlanned's own way
// must leave to the general one: an element of a simple variable that
// holds an integer unboxed (an error, which the integer store must not
// write over the variable), and a list written with WRITE-MODE *EXTEND
// and *PREFIX, inside a loop so that the target's binding is kept.
const planSeed = `/DECLARE-VARIABLE L(TYPE=*INTEGER),MULTIPLE-ELEMENTS=*LIST
/J = 0
/WHILE (J < 3)
/  J = J + 1
/  X = J
/  X#1 = J + 100
/  IF-CMD-ERROR
/    WRITE-TEXT 'NO ELEMENT OF A SIMPLE VARIABLE'
/  END-IF
/  SET-VARIABLE L = J, WRITE-MODE=*EXTEND
/  SET-VARIABLE L = J + 10, WRITE-MODE=*PREFIX
/  WRITE-TEXT 'X=&X L=&(SIZE('L')) L#1=&(L#1)'
/END-WHILE
`

// fastSeed calls the builtins' fast forms (fastcall.go) with values
// that fit them and values that make the call take its typed way: a
// variable holding a string where an integer goes, an integer where a
// string goes, a structure, an undeclared name, a boxed literal; an
// argument that warns before one that gives way (which must not warn
// twice); keywords in order and out of order.
const fastSeed = `/A = 'ABCDEFGHIJ'
/DECLARE-VARIABLE ST(TYPE=*STRUCTURE(*DYNAMIC))
/ST.X = 'Y'
/I = 2
/J = 'X'
/K = 0
/WHILE (K < 3)
/  K = K + 1
/  S = SUBSTRING(SUBSTRING(A, 30), I, 2) // SUBSTRING(A, K, 3) // UPPER-CASE(J)
/  WRITE-TEXT '&K: &S &(INDEX(A, S)) &(INDEX(STRING=A, PATTERN='C')) &(INDEX(PATTERN='C', STRING=A))'
/  T = SUBSTRING(SUBSTRING(A, 30), J, 2)
/  IF-BLOCK-ERROR
/    WRITE-TEXT 'J &K'
/  END-IF
/  N = LENGTH(STRING(K)) + LENGTH(I) + INTEGER(STRING(I)) + INDEX(A, J)
/  IF-BLOCK-ERROR
/    WRITE-TEXT 'LENGTH OF AN INTEGER &K'
/  END-IF
/  N = LENGTH(ST)
/  IF-BLOCK-ERROR
/    WRITE-TEXT 'STRUCTURE &K'
/  END-IF
/  N = LENGTH(NONE) + INDEX(A, LOWER-CASE(NONE))
/  IF-BLOCK-ERROR
/    WRITE-TEXT 'UNDECLARED &K'
/  END-IF
/  W = STRING(J) // STRING(K * 1000) // UPPER-CASE(SUBSTRING(A, K, 2 * K))
/  WRITE-TEXT '&W &(INTEGER(' 12 ')) &(INTEGER(J))'
/  IF-BLOCK-ERROR
/    WRITE-TEXT 'NOT AN INTEGER &K'
/  END-IF
/  I = 'S'
/  IF (K = 2)
/    I = 3
/  END-IF
/END-WHILE
`

// nameSeed calls SIZE with names written as literals, which a call site
// checks and upper-cases once (builtins.Param.VariableName), and with
// names in variables: in lower case, with a reserved word, too long,
// malformed, and of a variable declared only in the second pass.
const nameSeed = `/DECLARE-VARIABLE L(TYPE=*STRING),MULTIPLE-ELEMENTS=*LIST
/L = 'X', WRITE-MODE=*EXTEND
/V = 'l'
/I = 0
/WHILE (I < 3)
/  I = I + 1
/  L = STRING(I), WRITE-MODE=*EXTEND
/  N = SIZE('L') + SIZE('l') + SIZE(V) + SIZE(VARIABLE-NAME='L')
/  WRITE-TEXT '&I: &N'
/  N = SIZE('AND')
/  IF-BLOCK-ERROR
/    WRITE-TEXT 'AND &I'
/  END-IF
/  N = SIZE('L--X') + SIZE('ABCDEFGHIJKLMNOPQRSTU')
/  IF-BLOCK-ERROR
/    WRITE-TEXT 'MALFORMED &I'
/  END-IF
/  N = SIZE('M')
/  IF-BLOCK-ERROR
/    WRITE-TEXT 'NO M &I'
/    DECLARE-VARIABLE M(TYPE=*STRING),MULTIPLE-ELEMENTS=*LIST
/  END-IF
/  WRITE-TEXT 'M &N'
/END-WHILE
`

// strSeed assigns STRING expressions (plan.go's assignStr) to targets
// that take them as they are and to those that do not: an implicit
// variable, a declared *STRING, *INTEGER and *BOOLEAN one, list and
// structure elements, WRITE-MODE=*EXTEND, SYSSWITCH, a variable that
// changes type and one deleted between passes, and a string grown past
// the longest value.
const strSeed = `/A = 'ABCDEFGHIJ'
/DECLARE-VARIABLE T(TYPE=*STRING)
/DECLARE-VARIABLE N(TYPE=*INTEGER)
/DECLARE-VARIABLE B(TYPE=*BOOLEAN)
/DECLARE-VARIABLE L(TYPE=*STRING),MULTIPLE-ELEMENTS=*LIST
/DECLARE-VARIABLE P(TYPE=*STRUCTURE(*DYNAMIC))
/I = 0
/WHILE (I < 4)
/  I = I + 1
/  S = SUBSTRING(A, I, 2) // 'Z'
/  T = 'T' // S
/  L = S // STRING(I), WRITE-MODE=*EXTEND
/  P.E = UPPER-CASE(S) // 'P'
/  L#1 = 'F' // S
/  X = 'X' // S
/  IF (I = 2)
/    X = 7
/  END-IF
/  IF (I = 3)
/    DELETE-VARIABLE X
/  ELSE
/    SHOW-VARIABLE X
/  END-IF
/  SHOW-VARIABLE S
/  SHOW-VARIABLE T
/  SHOW-VARIABLE L
/  SHOW-VARIABLE P
/END-WHILE
/N = 'N' // S
/IF-BLOCK-ERROR
/  WRITE-TEXT 'N'
/END-IF
/B = 'B' // S
/IF-BLOCK-ERROR
/  WRITE-TEXT 'B'
/END-IF
/SYSSWITCH = 'ON' // ''
/IF-BLOCK-ERROR
/  WRITE-TEXT 'SYSSWITCH'
/END-IF
/G = 'GGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG'
/G = G // G // G // G // G // G // G // G
/G = G // G // G // G // G // G // G // G
/G = G // G // G // G // G // G // G // G
/IF-BLOCK-ERROR
/  WRITE-TEXT 'G'
/END-IF
/SHOW-VARIABLE G
`

// intSeed goes through the unboxed integer paths (directint.go,
// plan.go) where they must give way to the general one: overflow,
// division by zero, the signs of / and MOD, typed and uninitialized
// targets, a builtin read as a variable, list, array and structure
// elements (composed names, an index variable, WRITE-MODE=*EXTEND and
// *PREFIX, a copied structure), a variable that changes type, is
// deleted or exported, names made by & replacement, and a structure
// whose elements a site keeps (fieldcache.go) assigned, freed and
// exported between its passes.
const intSeed = `/MODIFY-JOB-OPTIONS LOGGING=*PARAMETERS(LISTING=*YES)
/I = 2147483646
/I = I + 1
/I = I + 1
/IF-CMD-ERROR
/  WRITE-TEXT 'OVERFLOW KEEPS &I'
/END-IF
/Z = 0
/Q = 5 / Z
/IF-CMD-ERROR
/  WRITE-TEXT 'DIVISION BY ZERO'
/END-IF
/M = -7 MOD 3
/M2 = 7 MOD -3
/D = -7 / 2
/N = -(-2147483647 - 1)
/IF-CMD-ERROR
/  WRITE-TEXT 'NEGATION OVERFLOWS'
/END-IF
/WRITE-TEXT 'M=&M M2=&M2 D=&D'
/DECLARE-VARIABLE S(TYPE=*STRING)
/S = 1 + 1
/IF-CMD-ERROR
/  WRITE-TEXT 'STRING TAKES NO INTEGER'
/END-IF
/DECLARE-VARIABLE B(TYPE=*BOOLEAN)
/B = 2 * 3
/IF-CMD-ERROR
/  WRITE-TEXT 'BOOLEAN TAKES NO INTEGER'
/END-IF
/DECLARE-VARIABLE U(TYPE=*INTEGER)
/V = U + 1
/IF-CMD-ERROR
/  WRITE-TEXT 'U NOT INITIALIZED'
/END-IF
/W = SUBCODE1 + 1
/WRITE-TEXT 'W=&W'
/DECLARE-VARIABLE L(TYPE=*INTEGER),MULTIPLE-ELEMENTS=*LIST
/L = 1 + 1, WRITE-MODE=*EXTEND
/L = L#1 * 10, WRITE-MODE=*PREFIX
/L#2 = L#1 + 5
/K = 2
/L#K = L#K + 1
/L#3 = 7
/IF-CMD-ERROR
/  WRITE-TEXT 'NO THIRD ELEMENT'
/END-IF
/T = 0
/FOR X = *LIST(L)
/  T = T + X
/  L#1 = 0
/END-FOR
/WRITE-TEXT 'T=&T L1=&(L#1) L2=&(L#2)'
/DECLARE-VARIABLE P(TYPE=*STRUCTURE)
/P.A = 1
/P.A = P.A + 1
/P.NEW = P.A * 2
/DECLARE-VARIABLE R(TYPE=*STRUCTURE)
/R = P
/P.A = 100
/WRITE-TEXT 'R.A=&(R.A) R.NEW=&(R.NEW) P.A=&(P.A)'
/I = 'X'
/I = I + 1
/IF-CMD-ERROR
/  WRITE-TEXT 'STRING PLUS ONE'
/END-IF
/IF (S < 5)
/  WRITE-TEXT 'NEVER'
/END-IF
/IF-BLOCK-ERROR
/  WRITE-TEXT 'STRING BELOW INTEGER'
/END-IF
/I = 3
/IF (I = 3)
/  WRITE-TEXT 'I IS 3'
/ELSE-IF (I > 3)
/  WRITE-TEXT 'NEVER'
/END-IF
/DELETE-VARIABLE I
/J = I + 1
/IF-CMD-ERROR
/  WRITE-TEXT 'I DELETED'
/END-IF
/I = 5
/EXPORT-VARIABLE I
/I = I + 1
/WRITE-TEXT 'TASK I=&I'
/FOR C = *COUNTER(FROM=1,TO=3)
/  X&C = C * C + T
/  T = T + X&C
/END-FOR
/WRITE-TEXT 'T=&T X3=&X3'
/DECLARE-VARIABLE A(TYPE=*INTEGER),MULTIPLE-ELEMENTS=*ARRAY(LOWER-BOUND=1,UPPER-BOUND=3)
/A#2 = 4 + 4
/A#4 = 1 + 1
/IF-CMD-ERROR
/  WRITE-TEXT 'OUTSIDE THE ARRAY'
/END-IF
/DECLARE-VARIABLE G(TYPE=*STRUCTURE)
/G.A = 50
/J = 0
/WHILE (J < 5)
/  J = J + 1
/  P.A = P.A + 1
/  IF-CMD-ERROR
/    WRITE-TEXT 'P HAS NO A'
/    P.A = 7
/  END-IF
/  WRITE-TEXT 'PASS &J P.A=&(P.A) G.A=&(G.A)'
/  IF (J = 1)
/    P = G
/  END-IF
/  IF (J = 2)
/    FREE-VARIABLE P
/  END-IF
/  IF (J = 3)
/    G = P
/    G.A = G.A * 2
/  END-IF
/  IF (J = 4)
/    EXPORT-VARIABLE P
/  END-IF
/END-WHILE
/DECLARE-VARIABLE FS(TYPE=*STRING)
/BEGIN-BLOCK
/  FOR FS = *COUNTER(FROM=1000,TO=1001)
/    WRITE-TEXT 'NEVER'
/  END-FOR
/END-BLOCK
/IF-BLOCK-ERROR
/  WRITE-TEXT 'A STRING COUNTS NOT'
/END-IF
/FOR P.C = *COUNTER(FROM=300,TO=306,INCREMENT=3)
/  P.D = P.C * 2
/END-FOR
/FOR FC = *COUNTER(FROM=2147483646,TO=2147483647)
/  WRITE-TEXT 'FC=&FC'
/END-FOR
/SHOW-VARIABLE *ALL
`

// intCallSeed puts INTEGER builtins inside integer expressions, the
// integer path's calls (directint.go): a warning in an argument before
// an operand that gives way, an overflow and a division by zero after a
// call ran, a call's own error, comparisons of calls, a string variable
// after a call; and concatenations of unboxed strings (directstr.go),
// with a warning in a part and an integer as the last one.
const intCallSeed = `/A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
/S = 'X'
/N = 2147483620
/Q = 0
/I = 0
/WHILE (I < 3)
/  I = I + 1
/  N = N + INDEX(SUBSTRING(A, 24, 9), 'Z') + LENGTH(A)
/  IF-CMD-ERROR
/    WRITE-TEXT 'OVERFLOW AFTER THE CALLS, N=&N'
/    N = 0
/  END-IF
/  M = LENGTH(SUBSTRING(A, 30)) + S
/  IF-CMD-ERROR
/    WRITE-TEXT 'STRING AFTER A WARNING'
/  END-IF
/  Q = INDEX(A, 'C') / (I - 1)
/  IF-CMD-ERROR
/    WRITE-TEXT 'DIVISION BY ZERO AFTER A CALL'
/  END-IF
/  R = INTEGER(S) + 1
/  IF-CMD-ERROR
/    WRITE-TEXT 'NO INTEGER IN S'
/  END-IF
/  IF (INDEX(A, 'Q') = 17 + I - I)
/    WRITE-TEXT 'Q AT 17'
/  END-IF
/  IF (LENGTH(SUBSTRING(A, 20, 99)) > S)
/    WRITE-TEXT 'NEVER'
/  END-IF
/  IF-BLOCK-ERROR
/    WRITE-TEXT 'COMPARED WITH A STRING'
/  END-IF
/  T = -INDEX(A, 'B') - -2147483647 + SIZE('A')
/  U = SUBSTRING(A, 24 + I, 2) // STRING(I) // UPPER-CASE(LOWER-CASE(SUBSTRING(A, 1, I)))
/  V = 'N' // STRING(N) // I
/  IF-CMD-ERROR
/    WRITE-TEXT 'AN INTEGER CONCATENATED, U=&U'
/  END-IF
/  WRITE-TEXT 'I=&I N=&N Q=&Q T=&T'
/END-WHILE
`
