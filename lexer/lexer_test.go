package lexer

import (
	"fmt"
	"strings"
	"testing"
)

// unitsOf renders the units of a source as "kind@line:col|text".
func unitsOf(t *testing.T, src string) []string {
	t.Helper()
	units, errs := Read("t.proc", src)
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	var out []string
	for _, u := range units {
		p := u.Pos()
		out = append(out, fmt.Sprintf("%s@%d:%d|%s", u.Kind, p.Line, p.Column, u.Text))
	}
	return out
}

func TestReadUnits(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"command", "/WRITE-TEXT 'A'\n", []string{"command@1:2|WRITE-TEXT 'A'"}},
		{"statement and data", "//END\nDATA LINE\n", []string{"statement@1:3|END", "data@2:1|DATA LINE"}},
		{"continuation", "/A = 1 + -\n/   2\n", []string{"command@1:2|A = 1 +    2"}},
		{"indented continuation slash", "/MOD-FILE-ATTR -\n   /  FILE-NAME=X\n", []string{"command@1:2|MOD-FILE-ATTR   FILE-NAME=X"}},
		{"blank after hyphen", "/A = 1 -   \n/2\n", []string{"command@1:2|A = 1 2"}},
		{"semicolons", "/IF-CMD-ERROR; END-IF\n", []string{"command@1:2|IF-CMD-ERROR", "command@1:15| END-IF"}},
		{"semicolon in string and parens", "/W 'A;B'; X (1;2)\n", []string{"command@1:2|W 'A;B'", "command@1:10| X (1;2)"}},
		{"semicolon in comment", "/W \"a;b\" 1\n", []string{"command@1:2|W \"a;b\" 1"}},
		{"comment line", "/\" comment\"\n", []string{"command@1:2|\" comment\""}},
		{"empty lines skipped", "\n/A=1\n\n", []string{"command@2:2|A=1"}},
		{"crlf", "/A=1\r\n/B=2\r\n", []string{"command@1:2|A=1", "command@2:2|B=2"}},
		{"leading blanks", "  /A=1\n", []string{"command@1:4|A=1"}},
		{"label alone", "/ERROR:\n", []string{"command@1:2|ERROR:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := unitsOf(t, tt.src)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"/A = 1 -\n", "t.proc:1:8: CMD0202 continuation hyphen at the end of the file"},
		{"/A = 1 -\nB\n", "t.proc:2:1: CMD0202 a continuation line must start with a slash"},
	}
	for _, tt := range tests {
		_, errs := Read("t.proc", tt.src)
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.src, errs, tt.want)
		}
	}
}

// Positions of tokens after a continuation join point at the physical
// line they were written on.
func TestPositionsThroughContinuation(t *testing.T) {
	src := "/WAIT-EVENT *JV(((JV.A,1,2) = '$T' OR -\n/ (JV.A,1,2) = '$A'),TIME-LIM=300)\n"
	units, _ := Read("t.proc", src)
	toks, err := Tokenize(units[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range toks {
		if tok.Value == "'$A'" || tok.Value == "$A" {
			if tok.Pos.Line != 2 || tok.Pos.Column != 16 {
				t.Errorf("'$A' at %d:%d, want 2:16", tok.Pos.Line, tok.Pos.Column)
			}
			if src[tok.Pos.Offset] != '\'' {
				t.Errorf("offset %d points at %q", tok.Pos.Offset, src[tok.Pos.Offset])
			}
			return
		}
	}
	t.Fatal("token '$A' not found")
}

func tokString(toks []Token) string {
	var parts []string
	for _, t := range toks {
		if t.Type == EOF {
			break
		}
		parts = append(parts, TypeName(t.Type)+":"+t.Value)
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct{ src, want string }{
		{"SHVAS#.MIN-MEM-SIZE", "Name:SHVAS#.MIN-MEM-SIZE"},
		{"JV.VMMEM.VM02", "Name:JV.VMMEM.VM02"},
		{"N-1", "Name:N-1"},
		{"N - 1", "Name:N Op:- Int:1"},
		{"A -1", "Name:A Op:- Int:1"},
		{"L#-1", "Name:L#-1"},
		{"l#3 x", "Name:L#3 Name:X"},
		{"'IT''S'", "String:IT'S"},
		{"C'abc' X'c1F2'", "String:abc XString:C1F2"},
		{"*PAR(LIST=Y)", "Keyword:*PAR LParen:( Name:LIST Op:= Name:Y RParen:)"},
		{"A*B", "Name:A Op:* Name:B"},
		{"A * B", "Name:A Op:* Name:B"},
		{"CMD *KEY", "Name:CMD Keyword:*KEY"},
		{"2*A", "Int:2 Op:* Name:A"},
		{"CPU-QUOTA=12.5", "Name:CPU-QUOTA Op:= Fixed:12.5"},
		{"L#3.ELEM", "Name:L#3.ELEM"},
		{"A // B", "Name:A Op:// Name:B"},
		{"A<>B A==B A<=B A>=B A<B A>B", "Name:A Op:<> Name:B Name:A Op:== Name:B Name:A Op:<= Name:B Name:A Op:>= Name:B Name:A Op:< Name:B Name:A Op:> Name:B"},
		{"&NAME &(A + 1) && &N.FIX", "Subst:&NAME Subst:&(A + 1) Subst:&& Subst:&N. Name:FIX"},
		{"&(F(')'))", "Subst:&(F(')'))"},
		{"ERROR:", "Name:ERROR Colon::"},
		{"A \"comment\" B", "Name:A Name:B"},
		{"A \"unterminated", "Name:A"},
		{"2OSH", "Name:2OSH"},
		{"*V4.1", "Keyword:*V4.1"},
		{"$USER.FILE #TEMP.JV @X", "Name:$USER.FILE Name:#TEMP.JV Name:@X"},
		{"x'0FF'", "XString:0FF"},
		// a non-S label only where the command starts
		{".LOOP WRITE-TEXT 'A'", "Label:.LOOP Name:WRITE-TEXT String:A"},
		{"  .l1", "Label:.L1"},
		// the period of a file name pattern after or before a wildcard
		{"DEL JOB.*", "Name:DEL Name:JOB. Op:*"},
		{"DEL *.X", "Name:DEL Op:* Name:.X"},
		{"DEL JOB*.<A:C>", "Name:DEL Name:JOB Op:* Name:. Op:< Name:A Colon:: Name:C Op:>"},
	}
	for _, tt := range tests {
		toks, err := Tokenize(NewUnit(tt.src, Pos{Line: 1, Column: 1}))
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		if got := tokString(toks); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestTokenizeErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"'abc", "1:1: CMD0202 string has no closing apostrophe"},
		{"X'0G'", "1:4: CMD0202 X-string contains 'G'"},
		{"A ! B", "1:3: CMD0202 unexpected character \"!\""},
		{"A .L1", "1:3: CMD0202 unexpected character \".\""},
		{"&(A + 1", "1:1: SDP0140 &( has no closing parenthesis"},
		{"& A", "1:1: SDP0140 & must be followed"},
	}
	for _, tt := range tests {
		_, err := Tokenize(NewUnit(tt.src, Pos{Line: 1, Column: 1}))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	src := "/A = 1\n/IF (X = '12')\n"
	got := Snippet(src, Pos{Line: 2, Column: 6})
	want := "   | /IF (X = '12')\n   |      ^\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// The participle definition lexes a command from a string.
func TestDefinitionLexString(t *testing.T) {
	lx, err := Definition{}.LexString("x", "A = 1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		tok, _ := lx.Next()
		if tok.Type == EOF {
			break
		}
		got = append(got, tok.Value)
	}
	if strings.Join(got, " ") != "A = 1" {
		t.Errorf("got %v", got)
	}
}
