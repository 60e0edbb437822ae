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

// The scope rules, one case a line: the main procedure, the procedure it
// calls or includes (SUB), and what SYSOUT must show.
func TestScopeRules(t *testing.T) {
	for _, c := range []struct{ name, main, sub, want string }{
		{"a called procedure does not see the task variable",
			"/DECL-VAR T,SCOPE=*TASK\n/T = 1\n/CALL-PROC SUB\n/WRITE-TEXT '&T'\n",
			"/WRITE-TEXT '&(IS-DECLARED('T'))'\n/T = 2\n", "FALSE\n1\n"},
		{"an include procedure sees what its caller imported",
			"/DECL-VAR T,SCOPE=*TASK\n/T = 1\n/INCLUDE-PROC SUB\n/WRITE-TEXT '&T'\n",
			"/T = T + 1\n", "2\n"},
		{"what an include procedure imports is its own",
			"/DECL-VAR T,SCOPE=*TASK\n/T = 1\n/CALL-PROC SUB\n",
			"/INCLUDE-PROC INC\n/WRITE-TEXT '&(IS-DECLARED('T'))'\n", "TRUE\nFALSE\n"},
		{"SCOPE=*PROCEDURE of an include procedure is its caller's to delete",
			"/INCLUDE-PROC SUB\n/WRITE-TEXT '&(IS-DECLARED('P'))'\n/DELETE-VARIABLE P\n/WRITE-TEXT '&(IS-DECLARED('P'))'\n",
			"/DECL-VAR P,SCOPE=*PROCEDURE\n", "TRUE\nFALSE\n"},
		{"an include procedure deletes its caller's variable with SCOPE=*PROCEDURE",
			"/P = 1\n/INCLUDE-PROC SUB\n/WRITE-TEXT '&(IS-DECLARED('P'))'\n",
			"/DELETE-VARIABLE P,SCOPE=*PROCEDURE\n", "FALSE\n"},
		{"an include procedure finds its caller's importable variable",
			"/DECL-VAR A(INITIAL-VALUE=1),SCOPE=*CURRENT(IMPORT-ALLOWED=*YES)\n/INCLUDE-PROC SUB\n",
			"/WRITE-TEXT '&(IS-DECLARED('A',SCOPE=*CALLING-PROCEDURES))'\n", "TRUE\n"},
		{"the caller's own declaration does not allow import by default",
			"/DECL-VAR A(INITIAL-VALUE=1),SCOPE=*PROCEDURE\n/CALL-PROC SUB\n",
			"/WRITE-TEXT '&(IS-DECLARED('A',SCOPE=*CALLING-PROCEDURES))'\n", "FALSE\n"},
		{"SHOW-VARIABLE *ALL lists what the procedure sees",
			"/DECL-VAR (T,U),SCOPE=*TASK\n/T = 1\n/U = 2\n/CALL-PROC SUB\n",
			"/IMPORT-VARIABLE U\n/L = 3\n/SHOW-VARIABLE *ALL\n", "L = 3\nU = 2\n"},
		{"the procedure's end ends what it imported, not the variable",
			"/DECL-VAR T,SCOPE=*TASK\n/CALL-PROC SUB\n/WRITE-TEXT '&T'\n",
			"/IMPORT-VARIABLE T\n/T = 'SET BY SUB'\n", "SET BY SUB\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := afero.NewMemMapFs()
			afero.WriteFile(fs, "sub.proc", []byte(c.sub), 0o644)
			afero.WriteFile(fs, "inc.proc", []byte("/IMPORT-VARIABLE T\n/WRITE-TEXT '&(IS-DECLARED('T'))'\n"), 0o644)
			out, res := run(t, c.main, WithFS(fs))
			if res.Err != nil || out != c.want {
				t.Errorf("out %q, want %q, error %v", out, c.want, res.Err)
			}
		})
	}
}
