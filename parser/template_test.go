package parser

import (
	"reflect"
	"strings"
	"testing"

	"sdfp/lexer"
	"sdfp/parser/catalog"
)

// templateParser knows the built-in commands and one whose operands
// put string literals where a template must be careful: a literal
// alternative before the c-string (ABC), a short range, a list, a
// structure, lower case kept or not.
func templateParser(t testing.TB) *Parser {
	cat := catalog.Builtin()
	cmd, err := catalog.NewCommand("TEST-LITERALS", `TEXT = *NONE / ABC / <c-string 1..4> / <text 0..20>
		LIST = *NONE / list-poss(5): <c-string 0..10>
		LOW = *NONE / <c-string 0..12 with-low>
		STRUCT = *NONE / *PAR(INNER = *NONE / <c-string 0..8>, OTHER = *NONE / <integer 1..9>)
		EXPR = *NONE / <expr>`, "TEST", "S", "")
	if err != nil {
		t.Fatal(err)
	}
	cat.Add(cmd)
	return New(cat)
}

var templatePos = lexer.Pos{Filename: "t.proc", Offset: 40, Line: 3, Column: 2}

// checkTemplate parses a as a template and applies it to b: when the
// template takes b, its command must be ParseCommand's of b, which
// must have no problem; want says whether it should take b.
func checkTemplate(t *testing.T, p *Parser, a, b string, want bool) {
	t.Helper()
	_, tmpl, _ := p.ParseCommandTemplate(lexer.NewUnit(a, templatePos))
	got := false
	if tmpl != nil {
		var c any
		c, got = tmpl.Apply(b)
		if got {
			ref, errs := p.ParseCommand(lexer.NewUnit(b, templatePos))
			if len(errs) > 0 {
				t.Fatalf("%q from %q: the template took it, ParseCommand says %v", b, a, errs[0])
			}
			if !reflect.DeepEqual(c, ref) {
				t.Fatalf("%q from %q: the template's command differs from ParseCommand's", b, a)
			}
		}
	}
	if got != want {
		t.Errorf("%q from %q: template took it %v, want %v", b, a, got, want)
	}
}

func TestTemplateAgainstParse(t *testing.T) {
	p := templateParser(t)
	tests := []struct {
		a, b string
		want bool
	}{
		{"WRITE-TEXT 'PASS 1',OUTPUT=*SYSLST", "WRITE-TEXT 'PASS 2',OUTPUT=*SYSLST", true},
		{"WRITE-TEXT 'PASS 1',OUTPUT=*SYSLST", "WRITE-TEXT 'PASS 10',OUTPUT=*SYSLST", false}, // another length
		{"WRITE-TEXT 'PASS 1',OUTPUT=*SYSLST", "WRITE-TEXT 'PASS 2',OUTPUT=*SYSOUT", false},  // outside the literal
		{"WRITE-TEXT 'PASS 1'", "WRITE-TEXT 'PA'S 1'", false},                                // an apostrophe
		{"WRITE-TEXT 'IT''S 1'", "WRITE-TEXT 'IT''S 2'", true},
		{"WRITE-TEXT 'IT''S 1'", "WRITE-TEXT 'I''TS 1'", false}, // the apostrophes elsewhere
		{"WRITE-TEXT 'A && 1'", "WRITE-TEXT 'A && 2'", true},    // & in both
		{"WRITE-TEXT 'A B 1'", "WRITE-TEXT 'A & 1'", false},     // & only in one
		{"WRITE-TEXT C'PASS 1'", "WRITE-TEXT C'PASS 2'", true},
		{"WRITE-TEXT 'pass 1'", "WRITE-TEXT 'PäSS 2'", false}, // lengths in bytes differ
		{"WRITE-TEXT 'PASS \"1\"'", "WRITE-TEXT 'PASS \"2\"'", true},
		{"L: WRITE-TEXT 'PASS 1' \"note\"", "L: WRITE-TEXT 'PASS 2' \"note\"", true},
		{"WRITE-TEXT TEXT='X 1', OUTPUT=*SYSLST", "WRITE-TEXT TEXT='Y 2', OUTPUT=*SYSLST", true},
		{"WRITE-TEXT 'PASS 1' 'B'", "WRITE-TEXT 'PASS 2' 'B'", false}, // text of two tokens
		{"X = 'PASS 1'", "X = 'PASS 2'", true},                        // an expression of one literal
		{"X = 'PASS 1' // Y", "X = 'PASS 2' // Y", false},             // part of an expression
		{"SET-VARIABLE X, VALUE='V 1'", "SET-VARIABLE X, VALUE='V 2'", true},
		{"TEST-LITERALS 'ABD'", "TEST-LITERALS 'ABC'", false}, // the literal alternative
		{"TEST-LITERALS 'ABC'", "TEST-LITERALS 'ABD'", false},
		{"TEST-LITERALS 'AB'", "TEST-LITERALS 'XY'", true},
		{"TEST-LITERALS 'ABCDE'", "TEST-LITERALS 'ABCDF'", false}, // text, not the c-string
		{"TEST-LITERALS 'abcd'", "TEST-LITERALS 'äbc'", true},     // 4 bytes, 3 characters: in the range
		{"TEST-LITERALS 'abc'", "TEST-LITERALS 'ä'", false},       // the lengths in bytes differ
		{"TEST-LITERALS 'äb'", "TEST-LITERALS 'abd'", true},
		{"TEST-LITERALS 'äb'", "TEST-LITERALS 'abc'", false}, // abc is the literal alternative
		{"TEST-LITERALS LIST=('A 1','B 1')", "TEST-LITERALS LIST=('A 2','B 3')", true},
		{"TEST-LITERALS LIST='A 1'", "TEST-LITERALS LIST='A 2'", true},
		{"TEST-LITERALS LOW='a 1'", "TEST-LITERALS LOW='b 2'", true},
		{"TEST-LITERALS STRUCT=*PAR(INNER='I 1',OTHER=3)", "TEST-LITERALS STRUCT=*PAR(INNER='J 2',OTHER=3)", true},
		{"TEST-LITERALS STRUCT=*PAR(INNER='I 1',OTHER=3)", "TEST-LITERALS STRUCT=*PAR(INNER='J 2',OTHER=4)", false},
		{"TEST-LITERALS EXPR='E 1'", "TEST-LITERALS EXPR='E 2'", true},
		{"TEST-LITERALS EXPR=('E 1')", "TEST-LITERALS EXPR=('E 2')", false},
		{"WRITE-TEXT X'C1'", "WRITE-TEXT X'C2'", false},
		{"WRITE-TEXT 'PASS 1', OUTPUT=*SYSLST, BAD=1", "WRITE-TEXT 'PASS 2', OUTPUT=*SYSLST, BAD=1", false}, // a problem
	}
	for _, tc := range tests {
		checkTemplate(t, p, tc.a, tc.b, tc.want)
	}
}

// FuzzTemplateAgainstParse fills the same command text with two
// contents at each @: whenever the template of the first takes the
// second, its command must be ParseCommand's of the second.
func FuzzTemplateAgainstParse(f *testing.F) {
	for _, s := range []string{
		"WRITE-TEXT '@',OUTPUT=*SYSLST", "X = '@'", "TEST-LITERALS '@', LIST=('@','B'), LOW='@'",
		"TEST-LITERALS STRUCT=*PAR(INNER='@')", "TEST-LITERALS EXPR='@'", "WRITE-TEXT C'@' \"c\"",
		"L: TEST-LITERALS @", "WRITE-TEXT '@' '@'", "SET-VARIABLE X, VALUE='@'",
	} {
		f.Add(s, "PASS 1", "PASS 2")
		f.Add(s, "IT''S", "IT''S")
		f.Add(s, "A&&B", "A&&C")
		f.Add(s, "ABC", "abc")
	}
	p := templateParser(f)
	f.Fuzz(func(t *testing.T, text, a, b string) {
		if len(text) > 200 || len(a) > 40 || len(b) > 40 {
			return
		}
		ta, tb := strings.ReplaceAll(text, "@", a), strings.ReplaceAll(text, "@", b)
		_, tmpl, _ := p.ParseCommandTemplate(lexer.NewUnit(ta, templatePos))
		if tmpl == nil {
			return
		}
		c, ok := tmpl.Apply(tb)
		if !ok {
			return
		}
		ref, errs := p.ParseCommand(lexer.NewUnit(tb, templatePos))
		if len(errs) > 0 {
			t.Fatalf("%q from %q: the template took it, ParseCommand says %v", tb, ta, errs[0])
		}
		if !reflect.DeepEqual(c, ref) {
			t.Fatalf("%q from %q: the template's command differs from ParseCommand's", tb, ta)
		}
		// Released, the command's memory takes the next text; kept, it
		// is left as it is.
		tmpl.Release(c)
		again, ok := tmpl.Apply(ta)
		if !ok {
			t.Fatalf("%q: its own template does not take it after a release", ta)
		}
		refA, _ := p.ParseCommand(lexer.NewUnit(ta, templatePos))
		if !reflect.DeepEqual(again, refA) {
			t.Fatalf("%q: the command filled in a released one differs from ParseCommand's", ta)
		}
		if third, ok := tmpl.Apply(tb); !ok || !reflect.DeepEqual(third, ref) {
			t.Fatalf("%q from %q: the template's command differs from ParseCommand's after a release", tb, ta)
		} else if third == again || !reflect.DeepEqual(again, refA) {
			t.Fatalf("%q then %q: a command not released was written over", ta, tb)
		}
	})
}

// A command goes back to its template only when it is the one the
// template gave last; the next command then takes its memory.
func TestTemplateRelease(t *testing.T) {
	p := templateParser(t)
	_, tmpl, _ := p.ParseCommandTemplate(lexer.NewUnit("WRITE-TEXT 'PASS 1'", templatePos))
	first, _ := tmpl.Apply("WRITE-TEXT 'PASS 2'")
	second, _ := tmpl.Apply("WRITE-TEXT 'PASS 3'")
	tmpl.Release(first) // not the last: ignored
	third, _ := tmpl.Apply("WRITE-TEXT 'PASS 4'")
	if third == first || third == second || first.Args.Str("TEXT") != "PASS 2" || second.Args.Str("TEXT") != "PASS 3" {
		t.Fatal("a command the template did not give last was reused")
	}
	tmpl.Release(third)
	fourth, _ := tmpl.Apply("WRITE-TEXT 'PASS 5'")
	if fourth != third || fourth.Args.Str("TEXT") != "PASS 5" || fourth.Unit.Text != "WRITE-TEXT 'PASS 5'" {
		t.Fatal("the released command was not filled with the next text")
	}
	if _, ok := tmpl.Apply("WRITE-TEXT 'PASS 66'"); ok {
		t.Fatal("another length taken")
	}
	if fifth, _ := tmpl.Apply("WRITE-TEXT 'PASS 6'"); fifth == fourth || fourth.Args.Str("TEXT") != "PASS 5" {
		t.Fatal("a command not released was written over")
	}
}
