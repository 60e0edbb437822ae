package parser

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"sdfp/lexer"
	"sdfp/parser/ast"
)

// Operands nested deeper than an expression may be are refused before
// the operand parsers descend into them: participle overflowed the
// goroutine stack on a line of opening parentheses ("fatal error: stack
// overflow", which no recover catches).
func TestDeepOperandParentheses(t *testing.T) {
	line := "/WRITE-TEXT " + strings.Repeat("(", 2000) + "\n"
	src := line + strings.Repeat("/ B = (((((1))))) -\n", 1) + "/\n/X = 1\n"
	proc, errs := newParser().ParseFile("t.proc", src)
	if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), "t.proc:1:213: CMD0202 parentheses nested deeper than 200 levels") {
		t.Errorf("problems %v", errs)
	}
	if len(proc.Body) != 3 {
		t.Errorf("%d statements", len(proc.Body))
	}
}

// A file with more problems than the limit keeps the first ones and
// counts the rest, in the same order whether it is read by one
// goroutine or several.
func TestFindingsCapped(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&b, "/NO-SUCH-COMMAND-%d\n/A = 1\n", i)
	}
	src := b.String()
	read := func(procs int) ([]string, int) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		p := newParser()
		d := p.FileLimits().NewDiagnostics()
		p.Read("t.proc", src, d)
		var msgs []string
		for _, e := range d.List {
			msgs = append(msgs, e.Error())
		}
		return msgs, d.Omitted
	}
	serial, omitted := read(1)
	if len(serial) != lexer.DefaultLimits.Findings || omitted != 3000-lexer.DefaultLimits.Findings {
		t.Fatalf("%d kept, %d omitted", len(serial), omitted)
	}
	if !strings.HasPrefix(serial[0], "t.proc:1:2: CMD0202 command NO-SUCH-COMMAND-0 is not known") ||
		!strings.HasPrefix(serial[99], "t.proc:199:2: CMD0202 command NO-SUCH-COMMAND-99 is not known") {
		t.Errorf("first %q, last %q", serial[0], serial[99])
	}
	for _, procs := range []int{2, 4} {
		got, n := read(procs)
		if strings.Join(got, "\n") != strings.Join(serial, "\n") || n != omitted {
			t.Errorf("GOMAXPROCS=%d: other problems kept", procs)
		}
	}
	// ParseFile returns the kept ones
	if _, errs := newParser().ParseFile("t.proc", src); len(errs) != lexer.DefaultLimits.Findings {
		t.Errorf("ParseFile: %d problems", len(errs))
	}
}

// A block left open prints its commands once (its last command was
// printed again as if it closed the block), and printing a deeply nested
// procedure is linear.
func TestPrintOpenBlock(t *testing.T) {
	proc, _ := newParser().ParseFile("t.proc", "/WHILE (A = 1)\n/  B = 2\n")
	if got := ast.Print(proc); strings.Count(got, "VALUE=2") != 1 {
		t.Errorf("printed:\n%s", got)
	}
}

// Messages quote a window of what the user wrote, not a whole command of
// kilobytes.
func TestMessagesClipUserText(t *testing.T) {
	long := strings.Repeat("X", 3000)
	for _, src := range []string{
		"/" + long + "\n",
		"/A = (" + long + "#1)\n",
		"/WRITE-TEXT 'A',OUTPUT=*" + long + "\n",
		"/" + long + ": A = 1\n/" + long + ": A = 2\n",
		"/A = 1 " + long + "\n",
	} {
		_, errs := newParser().ParseFile("t.proc", src)
		if len(errs) == 0 {
			t.Errorf("%.40q: no problem", src)
		}
		for _, e := range errs {
			if len(e.Msg) > 300 {
				t.Errorf("%.40q: message of %d bytes: %.80s...", src, len(e.Msg), e.Msg)
			}
		}
	}
}

// A command made at run time (& replacement, EXECUTE-CMD) is held to the
// command length too: a megabyte of text is one problem, not a megabyte
// of tokens (some 300 MB).
func TestParseCommandTooLong(t *testing.T) {
	u := lexer.NewUnit("WRITE-TEXT "+strings.Repeat("A,", 1<<19), lexer.Pos{Filename: "t.proc", Line: 3, Column: 2, Offset: 20})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, errs := newParser().ParseCommand(u)
	runtime.ReadMemStats(&after)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "t.proc:3:16366: CMD0202 the command is 1048587 bytes long after & replacement, more than the 16364 SDF reads") {
		t.Errorf("problems %v", errs)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
		t.Errorf("refusing the command allocated %d bytes", n)
	}
}
