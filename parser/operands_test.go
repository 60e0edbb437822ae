package parser

import (
	"reflect"
	"testing"

	"sdfp/lexer"
)

// operandSources are operand texts covering every form of the grammar.
var operandSources = []string{
	"", "A", "A=1", "A = 1, B = *X(C=2,D=(1,2))", "(1,2),,3", ",,", "A,", "*PAR(LIST=Y)",
	"((JV.X,1,2) = '$T' OR (JV.X,1,2) = '$A'),TIME-LIM=300", "X'C1' C'A' 'B'", "&(A) &B",
	"A = B = C", "(SHOW-VM-ATTR VM-ID=2,INF=*MEMORY),STRUCT-OUT=SHVAS", "ERROR:", "*JV(A=(B,(C,D)))",
	"()", "(", ")", "A=(", "(A", "A)", "(,)", "(A,)",
	"A '='", "A '=' B", // a string '=' is no keyword operand
}

// checkSame runs both parsers on one operand text: when participle
// accepts it, the fast parser must accept it with an identical tree, and
// the fast parser must never accept what participle rejects.
func checkSame(t *testing.T, src string) {
	t.Helper()
	toks, err := lexer.Tokenize(lexer.NewUnit(src, lexer.Pos{Line: 1, Column: 1}))
	if err != nil {
		return
	}
	want, perr := parseOperands(toks)
	got, ok := fastOperands(toks)
	switch {
	case perr != nil && ok:
		t.Fatalf("%q: fast parser accepts what participle rejects (%v)", src, perr)
	case perr == nil && !ok:
		t.Fatalf("%q: fast parser rejects what participle accepts", src)
	case perr == nil && !reflect.DeepEqual(want, got):
		t.Fatalf("%q: trees differ\nparticiple: %#v\nfast:       %#v", src, want, got)
	}
}

func TestFastOperandsMatchParticiple(t *testing.T) {
	for _, src := range operandSources {
		checkSame(t, src)
	}
}

// FuzzFastOperands holds the fast operand parser to the participle
// grammar on arbitrary input.
func FuzzFastOperands(f *testing.F) {
	for _, s := range operandSources {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) { checkSame(t, src) })
}
