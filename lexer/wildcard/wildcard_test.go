package wildcard

import (
	"strings"
	"testing"
)

func letter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' }

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"A*", "ABC", true}, {"A*", "BA", false}, {"*", "", true},
		{"A/C", "ABC", true}, {"A/C", "AC", false},
		{"<X,YZ>1", "YZ1", true}, {"<X,YZ>1", "Y1", false},
		{"<B:D>", "C", true}, {"<B:D>", "E", false},
		{"<A:>.X", "QQ.X", true}, // an open range: any string from A on
		{"<A:Z>", "5", false},    // digits sort after letters (EBCDIC)
		{"-A*", "B", true}, {"-A*", "AB", false},
	} {
		p, ok := Parse(tc.pattern, letter, 8)
		if !ok {
			t.Fatalf("%q refused", tc.pattern)
		}
		if got := p.Match(tc.name); got != tc.want {
			t.Errorf("%q ~ %q = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
	for _, bad := range []string{"A<B", "A%", "<A:B:C>"} {
		if _, ok := Parse(bad, letter, 8); ok {
			t.Errorf("%q accepted", bad)
		}
	}
	if p, _ := Parse("ABC", letter, 8); p.Wild() {
		t.Error("ABC has no wildcard")
	}
}

// A pattern of many stars against a long name ends at once: each element
// is tried at each position once.
func TestMatchBounded(t *testing.T) {
	p, _ := Parse(strings.Repeat("*/", 40)+"B", letter, 8)
	if p.Match(strings.Repeat("A", 100)) {
		t.Error("a name without B matched a pattern ending in B")
	}
}

// FuzzMatch: no pattern panics, and a name matches a pattern or its
// negation, never both.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{"VM0*", "*/*/*/*/*/*", "<A:Z>*", "<:>", "**********", "<A,B:C>"} {
		f.Add(s, "VM12PROD")
	}
	f.Fuzz(func(t *testing.T, pattern, name string) {
		pattern = strings.TrimLeft(pattern, "-")
		p, ok := Parse(pattern, letter, 8)
		q, qok := Parse("-"+pattern, letter, 8)
		if !ok || !qok {
			return
		}
		if p.Match(name) == q.Match(name) {
			t.Errorf("%q and its negation agree on %q", pattern, name)
		}
	})
}
