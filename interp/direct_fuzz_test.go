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
// which looks each variable up by name: both runs must print the same and
// fail or succeed alike. The seeds are the language's golden cases (scopes,
// includes, declarations and deletions among them) and the benchmark
// suite.
func FuzzDirectAgainstExpr(f *testing.F) {
	addLanguageSeeds(f)
	f.Add(cacheSeed)
	procs, _ := filepath.Glob("testdata/bench/*.proc")
	for _, p := range procs {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(string(src))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		var outs [2]string
		var failed [2]bool
		for i, direct := range []bool{true, false} {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			var out bytes.Buffer
			r := New(WithStdout(&out), WithDirectEval(direct), WithStepLimit(2000), WithBackBranchLimit(500))
			res := r.RunSource(ctx, "f.proc", src, nil)
			cancel()
			outs[i], failed[i] = out.String(), res.Err != nil
		}
		if outs[0] != outs[1] || failed[0] != failed[1] {
			t.Fatalf("direct: %q (failed %v)\nexpr:   %q (failed %v)", outs[0], failed[0], outs[1], failed[1])
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
