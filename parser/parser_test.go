package parser

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sdfp/lexer"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
	"sdfp/parser/diagtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

func newParser() *Parser { return New(catalog.Builtin()) }

func TestParseExpr(t *testing.T) {
	tests := []struct{ src, want string }{
		{"1 + 2 * 3", "(1 + (2 * 3))"},
		{"(1 + 2) * 3", "((1 + 2) * 3)"},
		{"A - B - C", "((A - B) - C)"},
		{"A // B = C", "((A // B) = C)"},
		{"'X' // 1 + 2", "('X' // (1 + 2))"},
		{"NOT A = B", "((NOT A) = B)"},
		{"A AND B OR C XOR D", "(((A AND B) OR C) XOR D)"},
		{"A OR B AND C", "(A OR (B AND C))"},
		{"-5", "-5"},
		{"-2147483648", "-2147483648"},
		{"- A", "(-A)"},
		{"A EQ B", "(A = B)"},
		{"A == B", "(A = B)"},
		{"A NE B", "(A <> B)"},
		{"A GE B", "(A >= B)"},
		{"A MOD 7", "(A MOD 7)"},
		{"SUBSTRING(JVRES,1,2) = '$A'", "(SUBSTRING(JVRES,1,2) = '$A')"},
		{"SUBSTR(STRING=S,START=2)", "SUBSTR(STRING=S,START=2)"},
		{"DATE(FORMAT=*GERMAN)", "DATE(FORMAT=*GERMAN)"},
		{"TIME()", "TIME()"},
		{"SIZE ('LIST-A') > 250", "(SIZE('LIST-A') > 250)"},
		{"(JV.VMMEM.VM02,1,2) = '$T' OR (JV.VMMEM.VM02,1,2) = '$A'", "(((JV.VMMEM.VM02,1,2) = '$T') OR ((JV.VMMEM.VM02,1,2) = '$A'))"},
		{"TRUE AND NO", "(TRUE AND FALSE)"},
		{"X'C1C2'", "X'C1C2'"},
		{"'IT''S'", "'IT''S'"},
		{"SHVAS#.MEM-SIZE = MIMEMSI", "(SHVAS#.MEM-SIZE = MIMEMSI)"},
		{"A#I + L#3", "(A#I + L#3)"},
		// The manual's worked example of operator priorities (spec 3.2).
		{"A + B / C > D + C MOD E AND A + D * E < D * C OR F // G > H",
			"((((A + (B / C)) > (D + (C MOD E))) AND ((A + (D * E)) < (D * C))) OR ((F // G) > H))"},
	}
	for _, tt := range tests {
		e, err := ParseExprString(tt.src, lexer.Pos{Line: 1, Column: 1})
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		if got := e.String(); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestParseExprErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"1 +", "1:4: SDP0140 operand expected, found end of expression"},
		{"(1 + 2", "1:1: SDP0140 parenthesis opened here is not closed"},
		{"1 2", "1:3: SDP0140 unexpected \"2\" in expression"},
		{"2147483648", "1:1: SDP0091 integer 2147483648 is outside the range"},
		{"A AND", "1:6: SDP0140 operand expected"},
		{"AND", "1:1: SDP0140 operator AND where an operand is expected"},
		{"F(A,", "1:5: SDP0140 operand expected"},
		{"F(X=)", "1:3: SDP0140 function parameter X= has no value"},
		{"A#1X + 1", "1:1: SDP1101 syntax error in variable name A#1X: index 1X is not an integer"},
		{"(JV.X,0,2)", "1:7: SDP0140 job variable position or length 0 is outside 1..256"},
		{strings.Repeat("(", 300) + "1" + strings.Repeat(")", 300), "SDP0140 expression nested deeper than 200 levels"},
	}
	for _, tt := range tests {
		_, err := ParseExprString(tt.src, lexer.Pos{Line: 1, Column: 1})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestParseVarName(t *testing.T) {
	tests := []struct {
		src  string
		want []ast.NamePart
	}{
		{"SHVAS#.MIN-MEM-SIZE", []ast.NamePart{{Name: "SHVAS", Index: ast.EmptyIndex}, {Name: "MIN-MEM-SIZE"}}},
		{"cost#1996", []ast.NamePart{{Name: "COST", Index: ast.LitIndex, IndexLit: 1996}}},
		{"A#-2", []ast.NamePart{{Name: "A", Index: ast.LitIndex, IndexLit: -2}}},
		{"A#I.B", []ast.NamePart{{Name: "A", Index: ast.VarIndex, IndexVar: "I"}, {Name: "B"}}},
	}
	for _, tt := range tests {
		n, err := ParseVarName(tt.src, lexer.Pos{})
		if err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		if len(n.Parts) != len(tt.want) {
			t.Errorf("%s: %d parts, want %d", tt.src, len(n.Parts), len(tt.want))
			continue
		}
		for i := range tt.want {
			if n.Parts[i] != tt.want[i] {
				t.Errorf("%s part %d: got %+v want %+v", tt.src, i, n.Parts[i], tt.want[i])
			}
		}
	}
	for _, bad := range []string{"1A", "A-", "ABCDEFGHIJKLMNOPQRSTU", "A.", "AND", "A#1X", "A$B"} {
		if _, err := ParseVarName(bad, lexer.Pos{}); err == nil {
			t.Errorf("%s: accepted, want SDP1101", bad)
		}
	}
}

// Commands are bound to the catalog: abbreviations resolved, positional
// operands placed, keyword stars supplied.
func TestBindCommands(t *testing.T) {
	tests := []struct{ src, want string }{
		{"MOD-JOB-OPT LOG=*PAR(LIST=Y)", "MODIFY-JOB-OPTIONS LOGGING=*PARAMETERS(LISTING=*YES)"},
		{"SHOW-VM-ATTR VM-ID=2,INF=*MEMORY", "SHOW-VM-ATTRIBUTES INFORMATION=*MEMORY,VM-IDENTIFICATION=2"},
		{"DEL-JV JV.VMMEM.VM02", "DELETE-JV JV-NAME=JV.VMMEM.VM02"},
		{"DECLARE-VARIABLE NAME=SHVAS(TYPE=STRUCTURE),MULT-E=*LIST", "DECLARE-VARIABLE VARIABLE-NAME=(SHVAS(TYPE=*STRUCTURE)),MULTIPLE-ELEMENTS=*LIST"},
		{"DECL-VAR NAME=MIMEMSI(TYP=INT)", "DECLARE-VARIABLE VARIABLE-NAME=(MIMEMSI(TYPE=*INTEGER))"},
		{"DECL-VAR NAME=TXT(TYPE=STRING,INIT-VALUE='OK')", "DECLARE-VARIABLE VARIABLE-NAME=(TXT(INITIAL-VALUE='OK',TYPE=*STRING))"},
		{"DECL-VAR (IN,OUT),MULT-ELEM=*LIST", "DECLARE-VARIABLE VARIABLE-NAME=(IN,OUT),MULTIPLE-ELEMENTS=*LIST"},
		{"DECL-VAR COST(TYPE=*INTEGER),MULTIPLE-ELEMENTS=*ARRAY(1990,2099)", "DECLARE-VARIABLE VARIABLE-NAME=(COST(TYPE=*INTEGER)),MULTIPLE-ELEMENTS=*ARRAY(LOWER-BOUND=1990,UPPER-BOUND=2099)"},
		{"REDUCE-VM-MEMORY VM-ID=2,NEW-MEM-SIZE=*MINIMUM,MONJV=JV.VMMEM.VM02", "REDUCE-VM-MEMORY VM-IDENTIFICATION=2,NEW-MEMORY-SIZE=*MINIMUM,MONJV=JV.VMMEM.VM02"},
		{"EXTEND-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=*MAX", "EXTEND-VM-MEMORY VM-IDENTIFICATION=3,NEW-MEMORY-SIZE=*MAXIMUM"},
		{"WAIT-EVENT *JV(((JV.X,1,2) = '$T' OR (JV.X,1,2) = '$A'),TIME-LIM=300)", "WAIT-EVENT UNTIL=*JV(CONDITION=(((JV.X,1,2) = '$T') OR ((JV.X,1,2) = '$A')),TIME-LIMIT=300)"},
		{"EXEC-CMD (SHOW-VM-ATTR VM-ID=2,INF=*MEMORY),STRUCT-OUT=SHVAS", "EXECUTE-CMD CMD=(SHOW-VM-ATTR VM-ID=2,INF=*MEMORY),STRUCTURE-OUTPUT=SHVAS"},
		{"SEND-MSG TO=OPER,MSG='HELLO world'", "SEND-MSG TO=*OPERATOR,MSG='HELLO world'"},
		{"END-VM-DIALOG 1", "END-VM-DIALOG VM-IDENTIFICATION=1"},
		{"GOTO LABEL = ERROR", "GOTO LABEL=ERROR"},
		{"GOTO ERROR", "GOTO LABEL=ERROR"},
		{"TXT = 'A'", "SET-VARIABLE VARIABLE-NAME=TXT,VALUE='A'"},
		{"A = (B = C)", "SET-VARIABLE VARIABLE-NAME=A,VALUE=(B = C)"},
		{"L = 'X', WRITE-MODE=*EXTEND", "SET-VARIABLE VARIABLE-NAME=L,VALUE='X',WRITE-MODE=*EXTEND"},
		{"FOR I = *COUNTER(FROM=1,TO=10)", "FOR CONTROL-VARIABLE=I,VALUES=*COUNTER(FROM=1,TO=10)"},
		{"FOR LINE=*LIST(IN)", "FOR CONTROL-VARIABLE=LINE,VALUES=*LIST(LIST-NAME=IN)"},
		{"IF (SHVAS#.MIN-MEM-SIZE = '*UNDEF')", "IF CONDITION=(SHVAS#.MIN-MEM-SIZE = '*UNDEF')"},
		{"IF A==B", "IF CONDITION=(A = B)"},
		{"EXIT-PROC ERROR=*YES(SUBCODE1=1)", "EXIT-PROCEDURE ERROR=*YES(SUBCODE1=1)"},
		{"RAISE-ERROR", "RAISE-ERROR"},
		{"ASSIGN-SYSLST *PRIMARY", "ASSIGN-SYSLST TO=*PRIMARY"},
		{"HELP-MSG-INFORMATION MSG-IDENTIFICATION=VMS2437,LANGUAGE=D", "HELP-MSG-INFORMATION MSG-IDENTIFICATION=VMS2437,LANGUAGE=D"},
		{"MIGRATE-VM VM-ID=VM12PROD,SERVER-UNIT-NAME=ABGSE701,MONJV=MONJV.LM.VM12PROD", "MIGRATE-VM VM-IDENTIFICATION=VM12PROD,SERVER-UNIT-NAME=ABGSE701,MONJV=MONJV.LM.VM12PROD"},
		{"MODIFY-JV JV-CONTENTS=(MYJV,5,2),SET-VALUE=C'AB'", "MODIFY-JV JV-CONTENTS=*SUBSTRING(JV-NAME=MYJV,POSITION=5,LENGTH=2),SET-VALUE='AB'"},
		{"W-T 'x'", "WRITE-TEXT TEXT='x'"},
		{"EXTEND-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=4(DIMENSION=*GIGABYTE)", "EXTEND-VM-MEMORY VM-IDENTIFICATION=3,NEW-MEMORY-SIZE=4(DIMENSION=*GIGABYTE)"},
		{"SKIP-COMMANDS TO-LABEL=L1,IF=*JOB-SWITCHES(ON=(1,2))", "SKIP-COMMANDS TO-LABEL=L1,IF=*JOB-SWITCHES(ON=(1,2))"},
	}
	p := newParser()
	for _, tt := range tests {
		checkCommandText(t, p, tt.src, tt.want)
	}
}

// Typed access to bound operands, as handlers use it.
func TestArgsAccess(t *testing.T) {
	p := newParser()
	cmd, errs := p.ParseCommand(lexer.NewUnit("RAISE-ERROR SUBCODE2=7", lexer.Pos{Line: 1, Column: 1}))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if n, ok := cmd.Args.Int("SUBCODE1"); !ok || n != 64 {
		t.Errorf("SUBCODE1 default = %d,%v; want 64", n, ok)
	}
	if n, ok := cmd.Args.Int("SUBCODE2"); !ok || n != 7 {
		t.Errorf("SUBCODE2 = %d,%v; want 7", n, ok)
	}
	if s := cmd.Args.Str("MAINCODE"); s != "SDP0018" {
		t.Errorf("MAINCODE = %q", s)
	}
	if cmd.Args.Given("SUBCODE1") || !cmd.Args.Given("SUBCODE2") {
		t.Error("Given is wrong")
	}
}

// Commands with & keep their text for run-time analysis and are not
// reported by the static binder.
func TestSubstitutionDeferred(t *testing.T) {
	p := newParser()
	for _, src := range []string{
		"SEND-MSG TO=OPER,MSG='*** FEHLER BEI VMMEM: &TXT ***'",
		"SHOW-VM-ATTR VM-ID=&N",
		"&CMD X=1",
		"IF (&X = 1)",
	} {
		cmd, errs := p.ParseCommand(lexer.NewUnit(src, lexer.Pos{Line: 1, Column: 1}))
		if len(errs) > 0 {
			t.Errorf("%q: %v", src, errs)
		}
		if !cmd.Subst {
			t.Errorf("%q: Subst not set", src)
		}
	}
}

// TestDiagnostics runs every testdata/diag/*.proc file and checks that
// each expected diagnostic is reported on its line and nothing else is.
func TestDiagnostics(t *testing.T) {
	files, _ := filepath.Glob("testdata/diag/*.proc")
	if len(files) == 0 {
		t.Fatal("no diagnostic test files")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			_, errs := newParser().ParseFile(f, string(src))
			diagtest.Check(t, string(src), errs)
		})
	}
}

// The canonical form of the seed's VMMEM procedure is pinned in a golden
// file (regenerate with go test ./parser -update, then read the diff).
func TestVMMEMGolden(t *testing.T) {
	src, err := os.ReadFile("../procs/vmmem.proc")
	if err != nil {
		t.Fatal(err)
	}
	proc, errs := newParser().ParseFile("vmmem.proc", string(src))
	if len(errs) > 0 {
		t.Fatalf("vmmem.proc has diagnostics: %v", errs)
	}
	got := ast.Print(proc)
	golden := "testdata/vmmem.ast"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("canonical form differs from %s:\n%s", golden, lineDiff(string(want), got))
	}
}

// lineDiff shows the first differing lines of two texts.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n- " + a + "\n+ " + b
		}
	}
	return ""
}

// A non-S label (/.NAME command) is the command's label with its period:
// SKIP-COMMANDS finds it in the procedure's labels, a second one of the
// same name is reported, and the printer writes it back without a colon.
func TestNonSLabels(t *testing.T) {
	src := "/.START WRITE-TEXT 'A'\n/TAG: WRITE-TEXT 'B'\n/.END\n/.START REMARK\n"
	proc, errs := newParser().ParseFile("t.proc", src)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "label .START is already defined at line 1") {
		t.Fatalf("errors: %v", errs)
	}
	for _, l := range []string{".START", "TAG", ".END"} {
		if proc.Labels[l] == nil {
			t.Errorf("label %s missing from %v", l, proc.Labels)
		}
	}
	out := ast.Print(proc)
	for _, want := range []string{".START WRITE-TEXT TEXT='A'", "TAG: WRITE-TEXT TEXT='B'", ".END\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("printed procedure lacks %q:\n%s", want, out)
		}
	}
}

// checkCommandText parses src as one command and checks its canonical
// text (ast.CommandText): every operand bound, written in full.
func checkCommandText(t *testing.T, p *Parser, src, want string) {
	t.Helper()
	cmd, errs := p.ParseCommand(lexer.NewUnit(src, lexer.Pos{Line: 1, Column: 1}))
	if len(errs) > 0 {
		t.Errorf("%q: %v", src, errs)
		return
	}
	if got := ast.CommandText(cmd); got != want {
		t.Errorf("%q:\n got %s\nwant %s", src, got, want)
	}
}
