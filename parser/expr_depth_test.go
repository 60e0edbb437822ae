package parser

import (
	"strings"
	"testing"

	"sdfp/lexer"
)

// The canonical form of every expression the parser accepts reads again
// to the same form, also at the nesting limit: a run of prefix operators
// prints in one pair of parentheses (a pair per operator doubled the
// nesting, and 101 '+' signs failed FuzzParseExpr), and a chain of
// operators counts towards the limit as deeply as its canonical form
// nests.
func TestCanonicalExprReadsAgain(t *testing.T) {
	chain := func(n int, op string) string { return "A" + strings.Repeat(op+"A", n) }
	tests := []struct{ src, canon string }{
		{strings.Repeat("+", 101) + "A", "(" + strings.Repeat("+", 101) + "A)"},
		{strings.Repeat("-", 200) + "A", ""},
		{strings.Repeat("NOT ", maxExprDepth) + "A", ""},
		{"-NOT -A", "(-NOT -A)"},
		{"NOT NOT (A = 1)", "(NOT NOT (A = 1))"},
		{"+-5", "(+-5)"},
		{"- - 5", "5"},
		{"-(A + B)", "(-(A + B))"},
		{chain(maxExprDepth, "+"), ""},
		{chain(maxExprDepth/2, "//") + " = " + chain(maxExprDepth/2-1, "+"), ""},
		{strings.Repeat("(", maxExprDepth) + "A" + strings.Repeat(")", maxExprDepth), "A"},
		{strings.Repeat("F(", maxExprDepth) + strings.Repeat(")", maxExprDepth), ""},
		{strings.Repeat("-(", 100) + "A" + strings.Repeat(")", 100), ""},
	}
	for _, tt := range tests {
		e, err := ParseExprString(tt.src, lexer.Pos{Line: 1, Column: 1})
		if err != nil {
			t.Errorf("%.30q...: %v", tt.src, err)
			continue
		}
		canon := e.String()
		if tt.canon != "" && canon != tt.canon {
			t.Errorf("%.30q: canonical form %.40q, want %.40q", tt.src, canon, tt.canon)
		}
		e2, err := ParseExprString(canon, lexer.Pos{Line: 1, Column: 1})
		if err != nil {
			t.Errorf("canonical form %.40q... of %.30q... does not read: %v", canon, tt.src, err)
			continue
		}
		if e2.String() != canon {
			t.Errorf("canonical form %.40q not stable", canon)
		}
	}
}

// Past the limit, chains and runs of prefix operators are refused as
// nested too deeply, not read into a tree that nests without bound.
func TestExprNestingLimit(t *testing.T) {
	for _, src := range []string{
		"A" + strings.Repeat("+A", maxExprDepth+1),
		strings.Repeat("-", maxExprDepth+1) + "A",
		strings.Repeat("NOT ", maxExprDepth+1) + "A",
		strings.Repeat("F(", maxExprDepth+1) + strings.Repeat(")", maxExprDepth+1),
		strings.Repeat("-(", maxExprDepth+1) + "A" + strings.Repeat(")", maxExprDepth+1),
		"A" + strings.Repeat("+A", 10000),
	} {
		_, err := ParseExprString(src, lexer.Pos{Line: 1, Column: 1})
		if err == nil || !strings.Contains(err.Error(), "SDP0140 expression nested deeper than 200 levels") {
			t.Errorf("%.30q... (%d bytes): %v", src, len(src), err)
		}
	}
}

// -2147483648 is the one literal written negated; negating it again is
// out of range, not -2147483648 once more.
func TestNegatedMinInt(t *testing.T) {
	for _, src := range []string{"- -2147483648", "-(-2147483648)", "--2147483648"} {
		_, err := ParseExprString(src, lexer.Pos{Line: 1, Column: 1})
		if err == nil || !strings.Contains(err.Error(), "1:1: SDP0091 integer 2147483648 is outside the range") {
			t.Errorf("%q: %v", src, err)
		}
	}
	if e, err := ParseExprString("-2147483648", lexer.Pos{Line: 1, Column: 1}); err != nil || e.String() != "-2147483648" {
		t.Errorf("-2147483648: %v %v", e, err)
	}
}
