package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sdfp/lexer"
	"sdfp/parser/catalog"
)

// seedProcedures adds every procedure in the repository to a fuzz corpus.
func seedProcedures(f *testing.F) {
	for _, pattern := range []string{"../procs/*.proc", "testdata/diag/*.proc", "../testdata/*/*.proc"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(string(src))
			}
		}
	}
	f.Add("/A = 1\n/IF (A = 1); WRITE-TEXT 'X'; END-IF\n")
	f.Add("/W &(A + 1) &&X &N.Y\n/W 'A;B' \"c;d\" -\n/ 2\n")
	// wildcard choices whose commas the binder joins, closed or not
	f.Add("/DELETE-FILE X<A,B>.<C:D,,E>,OUTPUT=*SYSOUT\n/SHOW-VM-STATUS VM-ID=VM<02,12\n/SHOW-VM-ATTR VM-ID=<,A>,INF=*ALL\n")
}

// FuzzRead: no input makes the line reader or tokenizer panic, and every
// token position lies inside the source.
func FuzzRead(f *testing.F) {
	seedProcedures(f)
	f.Fuzz(func(t *testing.T, src string) {
		units, _ := lexer.Read("f.proc", src)
		for _, u := range units {
			toks, err := lexer.Tokenize(u)
			if err != nil {
				continue
			}
			for _, tok := range toks {
				if tok.Pos.Offset < 0 || tok.Pos.Offset > len(src) {
					t.Fatalf("token %q at offset %d outside source of %d bytes", tok.Value, tok.Pos.Offset, len(src))
				}
			}
		}
	})
}

// FuzzParseFile: the whole reader (operands, binding, blocks) never
// panics, every diagnostic has a position inside the file, there are at
// most Limits.Findings of them, and each renders to a bounded snippet.
func FuzzParseFile(f *testing.F) {
	seedProcedures(f)
	f.Add("\xEF\xBB\xBF/A = 1\n/" + strings.Repeat("(", 300) + "\n")
	f.Add("\xEF\xBB\xBF/A = '€'\n/B = 'Gr\xfc\xdfe' \" “x” \"\n") // characters without EBCDIC codes, Latin-1
	p := newParser()
	f.Fuzz(func(t *testing.T, src string) {
		_, errs := p.ParseFile("f.proc", src)
		lines := strings.Count(src, "\n") + 1
		if len(errs) > lexer.DefaultLimits.Findings {
			t.Fatalf("%d diagnostics", len(errs))
		}
		for _, e := range errs {
			if e.Pos.Line < 1 || e.Pos.Line > lines {
				t.Fatalf("diagnostic %v on line %d of %d", e, e.Pos.Line, lines)
			}
			if s := lexer.Snippet(src, e.Pos); len(s) > 300 {
				t.Fatalf("snippet of %d bytes for %v", len(s), e)
			}
		}
	})
}

// FuzzParseExpr: expressions never panic, and a parsed expression's
// canonical form parses again to the same form.
func FuzzParseExpr(f *testing.F) {
	for _, s := range []string{"A + B / C > D + C MOD E AND A + D * E < D * C OR F // G > H",
		"SUBSTR(STRING=S,START=2)", "(JV.X,1,2) = '$T'", "NOT (A = B)", "-2147483648", "X'C1F'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := ParseExprString(src, lexer.Pos{Line: 1, Column: 1})
		if err != nil {
			return
		}
		canon := e.String()
		e2, err := ParseExprString(canon, lexer.Pos{Line: 1, Column: 1})
		if err != nil {
			t.Fatalf("canonical form %q of %q does not parse: %v", canon, src, err)
		}
		if e2.String() != canon {
			t.Fatalf("canonical form not stable: %q -> %q", canon, e2.String())
		}
	})
}

// FuzzSiteCommand: a command declared by an installation file, with any
// declaration the notation accepts, binds any operand list without a
// panic.
func FuzzSiteCommand(f *testing.F) {
	f.Add("FROM-FILE = <filename 1..54> !\nPROGRAM-PARAMETERS = *NONE / <c-string 1..1800>", "FROM-FILE=X,PROG-PAR='A'")
	f.Add("A = *X(B = <integer 1..9>, C = *NO / *YES) / <fixed 0.01..99.99>", "*X(B=3,C=*YES)")
	f.Add("L = list-poss(3): <name 1..8>", "(A,B,C,D)")
	f.Add("", "ANY=THING,(1,2)")
	f.Fuzz(func(t *testing.T, ops, operands string) {
		cmd, err := catalog.NewCommand("SITE-COMMAND", ops, "site", "fuzz", "")
		if err != nil {
			return
		}
		cat := catalog.Builtin()
		cat.Add(cmd)
		New(cat).ParseCommand(lexer.NewUnit("SITE-COMMAND "+operands, lexer.Pos{Line: 1, Column: 1}))
	})
}
