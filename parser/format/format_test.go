package format

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"sdfp/lexer"
	"sdfp/parser"
	"sdfp/parser/catalog"
)

// One line of input, one of output: "\n" separates lines.
var cases = []struct {
	name string
	opts Options
	src  string
	want string
}{
	{"blocks indented two blanks after the slash", Options{},
		"/IF (A = 1)\n/ B = 2\n/      WHILE (B > 0)\n/B = B - 1\n/END-WHILE\n/ELSE\n/B = 3\n/END-IF\n",
		"/IF (A = 1)\n/  B = 2\n/  WHILE (B > 0)\n/    B = B - 1\n/  END-WHILE\n/ELSE\n/  B = 3\n/END-IF\n"},
	{"one command a line", Options{},
		"/IF (A = 1); WRITE-TEXT 'X;Y'; END-IF \"one; line\"\n",
		"/IF (A = 1)\n/  WRITE-TEXT 'X;Y'\n/END-IF \"one; line\"\n"},
	{"comment lines take the indentation of their place", Options{},
		"/BEGIN-BLOCK\n/\"inside\"\n/A = 1 \"kept\"\n/END-BLOCK\n/ \"after\n",
		"/BEGIN-BLOCK\n/  \"inside\"\n/  A = 1 \"kept\"\n/END-BLOCK\n/\"after\n"},
	{"data lines untouched", Options{},
		"/BEGIN-BLOCK\n   DATA, LINE   \n/END-BLOCK\n",
		"/BEGIN-BLOCK\n   DATA, LINE   \n/END-BLOCK\n"},
	{"labels stay in front of their command", Options{},
		"/BEGIN-BLOCK\n/L1: A = 1\n/L2:\n/END-BLOCK\n",
		"/BEGIN-BLOCK\n/  L1: A = 1\n/  L2:\n/END-BLOCK\n"},
	{"blank lines kept, trailing ones and blanks at line ends dropped", Options{},
		"/A = 1   \n\n  \n/B = 2\r\n\n\n",
		"/A = 1\n\n\n/B = 2\n"},
	{"continuation lines kept and indented before their slash", Options{},
		"/BEGIN-BLOCK\n/WAIT-EVENT *JV(((JV.A,1,2) = '$T' OR -\n/ (JV.A,1,2) = '$A'),TIME-LIM=300)\n/END-BLOCK\n",
		"/BEGIN-BLOCK\n/  WAIT-EVENT *JV(((JV.A,1,2) = '$T' OR -\n        / (JV.A,1,2) = '$A'),TIME-LIM=300)\n/END-BLOCK\n"},
	{"a long command broken after the last comma that fits", Options{Width: 40},
		"/REDUCE-VM-MEMORY VM-ID=2,NEW-MEM-SIZE=*MINIMUM,MONJV=JV.VMMEM.VM02\n",
		"/REDUCE-VM-MEMORY VM-ID=2,-\n  /NEW-MEM-SIZE=*MINIMUM,-\n  /MONJV=JV.VMMEM.VM02\n"},
	{"a line ends between operands rather than inside a structure", Options{},
		"/ENTER-PROCEDURE FROM-FILE=MIGRATE,PROCEDURE-PARAMETERS=(VM='&VM',TARGET='&TARGET'),JOB-NAME=NIGHTMIG,MONJV=JV.NIGHTMIG\n",
		"/ENTER-PROCEDURE FROM-FILE=MIGRATE,-\n  /PROCEDURE-PARAMETERS=(VM='&VM',TARGET='&TARGET'),JOB-NAME=NIGHTMIG,-\n  /MONJV=JV.NIGHTMIG\n"},
	{"no break inside a string or a comment", Options{Width: 30},
		"/WRITE-TEXT 'A, B, C, D, E, F, G, H' \"x, y, z, w, v\"\n",
		"/WRITE-TEXT -\n  /'A, B, C, D, E, F, G, H' -\n  /\"x, y, z, w, v\"\n"},
	{"no break inside a wildcard choice", Options{Width: 30},
		"/DELETE-FILE JOB.<AAAA,BBBB,CCCC>.<X,Y>,OUTPUT=*SYSOUT\n",
		"/DELETE-FILE -\n  /JOB.<AAAA,BBBB,CCCC>.<X,Y>,-\n  /OUTPUT=*SYSOUT\n"},
	{"a blank is kept where the line is broken", Options{Width: 30},
		"/IF (AAAAAAAAAA = 1 OR BBBBBBBBBB = 2)\n/END-IF\n",
		"/IF (AAAAAAAAAA = 1 OR -\n    /BBBBBBBBBB = 2)\n/END-IF\n"},
	{"a slash starting the text at the top level keeps a blank", Options{},
		"/ /X\n",
		"/ /X\n"},
	// the user guide's own example of continuation lines, "Line format"
	// (UG-de 12, Zeilenformat): the operands of a structure indented
	// deeper, in front of their slash
	{"continuation lines indented by the parentheses open", Options{},
		"/ MODIFY-FILE-ATTRIBUTES -\n/FILE-NAME = INFO.TXT, -\n/PROTECTION = *PARAMETERS(ACCESS = *READ, -\n/USER-ACCESS = *ALL-USERS), -\n/MIGRATE = *ALLOWED\n",
		"/MODIFY-FILE-ATTRIBUTES -\n  /FILE-NAME = INFO.TXT, -\n  /PROTECTION = *PARAMETERS(ACCESS = *READ, -\n    /USER-ACCESS = *ALL-USERS), -\n  /MIGRATE = *ALLOWED\n"},
	{"a line of blanks only is no line of the command", Options{},
		" / -\n/00\n",
		"/00\n"},
	{"program statements stay as they are", Options{},
		"/BEGIN-BLOCK\n//  STATEMENT A  ,-\n// B\n/END-BLOCK\n",
		"/BEGIN-BLOCK\n//  STATEMENT A  ,-\n// B\n/END-BLOCK\n"},
	{"expand: names and keyword values in full", Options{Expand: true},
		"/SHOW-VM-ATTR VM-ID=2,INF=*MEM\n/MODIFY-JOB-OPTIONS LOG=*PAR(LIST=Y)\n",
		"/SHOW-VM-ATTRIBUTES VM-IDENTIFICATION=2,INFORMATION=*MEMORY\n/MODIFY-JOB-OPTIONS LOGGING=*PARAMETERS(LISTING=*YES)\n"},
	{"expand: structures and lists", Options{Expand: true},
		"/DECL-VAR NAME=X(TYP=INT),MULT-E=*LIST\n",
		"/DECLARE-VARIABLE VARIABLE-NAME=X(TYPE=*INTEGER),MULTIPLE-ELEMENTS=*LIST\n"},
	{"expand: positional operands, the short assignment and & stay", Options{Expand: true},
		"/SET-VAR A = 1\n/V = 2\n/WRITE-TEXT 'X'\n/SHOW-VM-ATTR VM-ID=&N,INF=*MEM\n",
		"/SET-VARIABLE A = 1\n/V = 2\n/WRITE-TEXT 'X'\n/SHOW-VM-ATTR VM-ID=&N,INF=*MEM\n"},
	{"expand: a command SDF rejects is kept as written", Options{Expand: true},
		"/SHOW-VM-ATTR VM-ID=2,NO-SUCH=1\n",
		"/SHOW-VM-ATTR VM-ID=2,NO-SUCH=1\n"},
	{"without expand abbreviations are kept", Options{},
		"/SHOW-VM-ATTR VM-ID=2,INF=*MEM\n",
		"/SHOW-VM-ATTR VM-ID=2,INF=*MEM\n"},
}

func TestSource(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Source("t.proc", tc.src, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			again, err := Source("t.proc", got, tc.opts)
			if err != nil || again != got {
				t.Errorf("not idempotent: %v\n%s", err, again)
			}
		})
	}
}

// TestRefused: a procedure whose reader or block structure reports a
// problem is not formatted, and the problem comes with its position.
func TestRefused(t *testing.T) {
	for _, src := range []string{
		"/IF (A = 1)\n/B = 2\n",                // block not closed
		"/A = 1 -\n",                           // continuation at the end of the file
		"/" + strings.Repeat("A", 5000) + "\n", // line over the limit
	} {
		_, err := Source("t.proc", src, Options{})
		var fe *Error
		if !errors.As(err, &fe) || len(fe.Problems) == 0 || fe.Problems[0].Pos.Line == 0 {
			t.Errorf("%.20q: got %v, want an error with positions", src, err)
		}
	}
}

// repositoryProcedures are the procedures of procs/ and of the golden
// cases, by name.
func repositoryProcedures(t testing.TB) map[string]string {
	out := map[string]string{}
	files, _ := filepath.Glob("../../procs/*.proc")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = string(b)
	}
	err := filepath.WalkDir("../../testdata", func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".txtar") {
			return err
		}
		a, err := txtar.ParseFile(p)
		if err != nil {
			return err
		}
		for _, f := range a.Files {
			if strings.HasSuffix(f.Name, ".proc") {
				out[p+"#"+f.Name] = string(f.Data)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 20 {
		t.Fatalf("only %d procedures found", len(out))
	}
	return out
}

// TestRepositoryIdempotent: every procedure of the repository formats
// (unless its reader reports a problem) and formats to itself again, at
// every width and with and without Expand.
func TestRepositoryIdempotent(t *testing.T) {
	for name, src := range repositoryProcedures(t) {
		for _, opts := range []Options{{}, {Expand: true}, {Width: 24}, {Width: 24, Expand: true}} {
			out, err := Source(name, src, opts)
			var fe *Error
			if errors.As(err, &fe) && len(fe.Problems) > 0 {
				continue
			}
			if err != nil {
				t.Fatalf("%s %+v: %v", name, opts, err)
			}
			again, err := Source(name, out, opts)
			if err != nil || again != out {
				t.Errorf("%s %+v: not idempotent (%v):\n%s", name, opts, err, again)
			}
		}
	}
}

// TestLinesKept: where no line holds several commands and none is over
// the width, every command keeps its line number, so that messages and
// the procedure log name the same lines as before.
func TestLinesKept(t *testing.T) {
	tested := 0
	for name, src := range repositoryProcedures(t) {
		before, errs := lexer.Read(name, src)
		if len(errs) > 0 || sharesLine(before) {
			continue
		}
		out, err := Source(name, src, Options{Width: 5000})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if out != src {
			tested++
		}
		after, _ := lexer.Read(name, out)
		if len(before) != len(after) {
			t.Fatalf("%s: %d units, want %d", name, len(after), len(before))
		}
		for i := range before {
			if b, a := before[i].Pos().Line, after[i].Pos().Line; b != a || before[i].EndLine != after[i].EndLine {
				t.Errorf("%s: unit %d moved from line %d to %d", name, i, b, a)
			}
		}
	}
	if tested < 10 {
		t.Errorf("only %d procedures changed by formatting: the test shows little", tested)
	}
}

// sharesLine reports whether two units start on one line (a line of
// several commands).
func sharesLine(units []*lexer.Unit) bool {
	for i := 1; i < len(units); i++ {
		if units[i].Pos().Line == units[i-1].EndLine {
			return true
		}
	}
	return false
}

// FuzzSource: formatting never panics; what it formats reads as the same
// procedure (its syntax tree printed canonically is the same) and formats
// to itself.
func FuzzSource(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.src, tc.opts.Expand, 0)
	}
	for _, src := range repositoryProcedures(f) {
		f.Add(src, false, 30)
	}
	p := parser.New(catalog.Builtin())
	f.Fuzz(func(t *testing.T, src string, expand bool, width int) {
		opts := Options{Expand: expand, Width: 20 + width%100}
		if width < 0 {
			opts.Width = 0
		}
		out, err := Source("f.proc", src, opts)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) || len(fe.Problems) == 0 {
				t.Fatalf("formatting would change the procedure: %v", err)
			}
			return
		}
		before, _ := p.ParseFile("f.proc", src)
		after, _ := p.ParseFile("f.proc", out)
		if Canonical(before) != Canonical(after) {
			t.Fatalf("the parse changed:\n%s\n---\n%s", Canonical(before), Canonical(after))
		}
		again, err := Source("f.proc", out, opts)
		if err != nil || again != out {
			t.Fatalf("not idempotent (%v):\n%q\n%q", err, out, again)
		}
	})
}

// TestLongLines: a line of the most characters a record holds, full of
// places to break or of none, formats in work linear in its length, and
// so do blocks nested thousands deep. Work is counted as bytes allocated,
// which the machine's load does not change: four times the input may
// take at most eight times the bytes (a buffer that doubles can take
// twice what linear would; a square cost takes sixteen).
func TestLongLines(t *testing.T) {
	for _, gen := range []func(n int) string{
		func(n int) string { return "/A " + strings.Repeat(", ", n/2) + "\n" },
		func(n int) string { return "/A " + strings.Repeat(",", n) + "\n" },
		func(n int) string { return "/A '" + strings.Repeat("x", n) + "'\n" },
		func(n int) string { return strings.Repeat("/A = 1;", n/8) + "\n" },
		// nested thousands deep: indented no deeper than MaxIndentDepth
		func(n int) string { return strings.Repeat("/IF (A = 1)\n", n) + strings.Repeat("/END-IF\n", n) },
	} {
		work := func(n int) uint64 {
			src := gen(n)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for _, opts := range []Options{{Width: 20}, {Width: 20, Expand: true}} {
				if _, err := Source("long.proc", src, opts); err != nil {
					t.Fatalf("%.20q: %v", src, err)
				}
			}
			runtime.ReadMemStats(&after)
			return after.TotalAlloc - before.TotalAlloc
		}
		small, large := work(1000), work(4000)
		if large > 8*small {
			t.Errorf("%.20q: %d bytes for four times the input of %d bytes: not linear", gen(4000), large, small)
		}
	}
}
