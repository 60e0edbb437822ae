package files

import (
	"strings"
	"testing"
)

func TestParseName(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Name
		bad  bool
	}{
		{in: "JOBA", want: Name{File: "JOBA"}},
		{in: "lst.vmmem", want: Name{File: "LST.VMMEM"}},
		{in: "$SDFPUSER.LST.VMMEM", want: Name{User: "SDFPUSER", File: "LST.VMMEM"}},
		{in: ":SDFP:$SDFPUSER.A-B.C", want: Name{Cat: "SDFP", User: "SDFPUSER", File: "A-B.C"}},
		{in: ":2OSG:X", want: Name{Cat: "2OSG", File: "X"}},
		{in: "$A#@.X$", want: Name{User: "A#@", File: "X$"}},
		{in: "", bad: true},
		{in: "A..B", bad: true},
		{in: "A.", bad: true},   // partly qualified: only a pattern
		{in: ".A", bad: true},   // no empty part
		{in: "A-.B", bad: true}, // no part ends in a hyphen
		{in: "-A", bad: true},
		{in: "A*", bad: true},
		{in: "A/B", bad: true}, // never a path
		{in: "../X", bad: true},
		{in: ":TOOLONG:X", bad: true},
		{in: ":CAT", bad: true},
		{in: "$1USER.X", bad: true}, // a user ID does not start with a digit
		{in: "$USERIDXXX.X", bad: true},
		{in: "$USER", bad: true},
		{in: "A_B", bad: true},
		{in: strings.Repeat("A", MaxName+1), bad: true},
		{in: strings.Repeat("A", MaxName), want: Name{File: strings.Repeat("A", MaxName)}},
	} {
		got, err := ParseName(c.in)
		if c.bad {
			if err == nil {
				t.Errorf("ParseName(%q) = %+v, want an error", c.in, got)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("ParseName(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
}

func TestPatternMatch(t *testing.T) {
	for _, c := range []struct {
		pattern string
		yes, no []string
	}{
		{"JOB*", []string{"JOB", "JOBA", "JOB.X.Y"}, []string{"JO", "XJOB"}},
		{"*", []string{"A", "A.B"}, nil},
		{"*.X", []string{"A.X", "A.B.X", ".X"}, []string{"A.XY", "X"}},
		{"J/B", []string{"JOB", "JAB"}, []string{"JB", "JOOB"}},
		{"JOB.", []string{"JOB.A", "JOB.A.B"}, []string{"JOB", "JOB.", "JOBA"}},
		{"<A,B>.X", []string{"A.X", "B.X"}, []string{"C.X", "AB.X"}},
		{"JOB<A:C>", []string{"JOBA", "JOBB", "JOBC"}, []string{"JOBD", "JOBAA", "JOB"}},
		{"<A:ZZ>", []string{"A", "ZZ", "MM", "B"}, []string{"ZZZ", "0"}},
		{"<A:9>", []string{"Z", "5", "9"}, []string{"$"}},        // digits after letters (EBCDIC)
		{"<B:>", []string{"B", "Z", "ZZZZ", "9"}, []string{"A"}}, // no upper bound
		{"X<,.OLD>", []string{"X", "X.OLD"}, []string{"X.NEW"}},  // an empty string among the choices
		{"-JOB*", []string{"LST.VMMEM", "JO"}, []string{"JOB", "JOBA"}},
		{"-JOBA", []string{"JOBB"}, []string{"JOBA"}},
		{"LST.VMMEM", []string{"LST.VMMEM"}, []string{"LST.VMMEMX", "LST"}},
		{"$SDFPUSER.A*", []string{"AB"}, []string{"B"}},
		{"*A*A*A*A*A*A*A*A*B", []string{"AAAAAAAAB"}, []string{strings.Repeat("A", 54)}},
	} {
		p, err := ParsePattern(c.pattern)
		if err != nil {
			t.Errorf("ParsePattern(%q): %v", c.pattern, err)
			continue
		}
		for _, n := range c.yes {
			if !p.Match(n) {
				t.Errorf("%q does not select %q", c.pattern, n)
			}
		}
		for _, n := range c.no {
			if p.Match(n) {
				t.Errorf("%q selects %q", c.pattern, n)
			}
		}
	}
}

func TestPatternLiteral(t *testing.T) {
	for in, want := range map[string]string{"A.B": "A.B", "A*": "", "A.": "", "-A": "", ":SDFP:$U.X": "X", "<A,B>": ""} {
		p, err := ParsePattern(in)
		if err != nil || p.Literal() != want {
			t.Errorf("ParsePattern(%q).Literal() = %v, %v; want %q", in, p, err, want)
		}
	}
}

func TestBadPatterns(t *testing.T) {
	for _, in := range []string{"", "-", "JOB<A", "JOB<A:B:C>", "A_B*", "<A;B>", "$USER", ":C:", "../*", "A..*", ".*"} {
		if p, err := ParsePattern(in); err == nil {
			t.Errorf("ParsePattern(%q) = %+v, want an error", in, p)
		}
	}
}

// The command reader keeps a wildcard operand as its tokens joined by
// blanks; the blanks are not part of the pattern.
func TestPatternFromTokens(t *testing.T) {
	p, err := ParsePattern("JOB < A : C >")
	if err != nil || !p.Match("JOBB") {
		t.Errorf("JOB < A : C >: %v", err)
	}
}

// FuzzPattern: no string makes the name or pattern parser or the matcher
// panic or run long; a name reads back from its full form and never holds
// a path separator; a parsed literal pattern is a valid file name, and a
// pattern without wildcards selects its own name.
func FuzzPattern(f *testing.F) {
	for _, s := range []string{"JOB*", "<A:C>.X", "-A.", ":SDFP:$U.*", "A/B", "<,A>", "*<A:>*"} {
		f.Add(s, "JOBA")
	}
	f.Fuzz(func(t *testing.T, pattern, name string) {
		if n, err := ParseName(pattern); err == nil {
			full := Name{Cat: "C", User: "U", File: n.File}.String()
			if back, err := ParseName(full); err != nil || back.File != n.File {
				t.Fatalf("%q: %s reads back as %+v, %v", pattern, full, back, err)
			}
			if strings.Contains(n.File, "/") || strings.HasPrefix(n.File, ".") {
				t.Fatalf("%q: file part %q could leave the workdir's top directory", pattern, n.File)
			}
		}
		p, err := ParsePattern(pattern)
		if err != nil {
			return
		}
		p.Match(strings.ToUpper(name))
		if lit := p.Literal(); lit != "" {
			if _, err := ParseName(lit); err != nil {
				t.Fatalf("literal %q of %q is no file name: %v", lit, pattern, err)
			}
			if !p.Match(lit) {
				t.Fatalf("%q does not select its own name", pattern)
			}
		}
	})
}
