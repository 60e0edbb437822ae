package interp

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// A task variable visible in several procedure levels (declared in one,
// imported in the others) counts once against the variable limit: the
// levels borrow it, they do not hold copies. Counted once per level, the
// 4,000-byte value would be over the limit's 12,000 bytes once the
// growing running count makes the run count exactly.
func TestBorrowedVariablesCountOnce(t *testing.T) {
	fs := afero.NewMemMapFs()
	// D counts the levels; each level imports S and D
	afero.WriteFile(fs, "level.proc", []byte("/IMPORT-VARIABLE (S,D)\n/D = D + 1\n/IF (D < 3)\n/  CALL-PROCEDURE LEVEL\n/ELSE\n"+
		"/  FOR K = *COUNTER(FROM=1,TO=3); Z = S; FREE-VARIABLE Z; END-FOR\n/  WRITE-TEXT 'INNERMOST &D'\n/END-IF\n"), 0o644)
	src := "/DECLARE-VARIABLE S,SCOPE=*TASK\n/S = '" + strings.Repeat("X", 4000) + "'\n" +
		"/DECLARE-VARIABLE D(INITIAL-VALUE=0),SCOPE=*TASK\n/CALL-PROCEDURE LEVEL\n"
	out, res := run(t, src, WithFS(fs), WithLimits(Limits{VariableBytes: 12_000}))
	if res.Err != nil || out != "INNERMOST 3\n" {
		t.Fatalf("out %q, error %v", out, res.Err)
	}
}
