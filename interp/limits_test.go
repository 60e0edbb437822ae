package interp

import (
	"context"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"sdfp/interp/handler"
)

// caught wraps a procedure body in a block whose IF-BLOCK-ERROR prints
// CAUGHT: a reached limit must not get there.
func caught(body string) string {
	return "/BEGIN-BLOCK\n" + body + "/IF-BLOCK-ERROR\n/  WRITE-TEXT 'CAUGHT'\n/END-IF\n/END-BLOCK\n"
}

// Issue 11: recursion, lists grown in a loop and variables declared in a
// loop end at their limits with a positioned SDP0099 run limit error,
// which no IF-BLOCK-ERROR catches, instead of exhausting memory.
func TestLimits(t *testing.T) {
	self := afero.NewMemMapFs()
	afero.WriteFile(self, "self.proc", []byte("/CALL-PROCEDURE SELF\n"), 0o644)
	afero.WriteFile(self, "incl.proc", []byte("/INCLUDE-PROCEDURE INCL\n"), 0o644)
	site := WithHandlers(outputStub(20))
	tests := []struct {
		name   string
		src    string
		opts   []Option
		limits Limits
		line   int    // where the error is
		text   string // what it says
	}{
		{"CALL-PROCEDURE nesting", caught("/  CALL-PROCEDURE SELF\n"), []Option{WithFS(self)}, Limits{Nesting: 5},
			1, "PROCEDURE NESTING LIMIT OF 5 LEVELS REACHED"},
		{"INCLUDE-PROCEDURE nesting", caught("/  INCLUDE-PROCEDURE INCL\n"), []Option{WithFS(self)}, Limits{Nesting: 3},
			1, "PROCEDURE NESTING LIMIT OF 3 LEVELS REACHED"},
		{"INCLUDE-BLOCK recursion", "/GOTO L2\n/L1: BEGIN-BLOCK\n/  INCLUDE-BLOCK L1\n/END-BLOCK\n/L2: INCLUDE-BLOCK L1\n", nil,
			Limits{Nesting: 10}, 3, "PROCEDURE NESTING LIMIT OF 10 LEVELS REACHED"},
		{"list extended", "/DECL-VAR L,MULT-ELEM=*LIST\n" + caught("/  WHILE (TRUE)\n/    L = 1,WRITE-MODE=*EXTEND\n/  END-WHILE\n"), nil,
			Limits{ListElements: 10}, 4, "L REACHED THE LIMIT OF 10 ELEMENTS OF A LIST OR ARRAY"},
		{"list prefixed", "/DECL-VAR L,MULT-ELEM=*LIST\n" + caught("/  WHILE (TRUE)\n/    L = 1,WRITE-MODE=*PREFIX\n/  END-WHILE\n"), nil,
			Limits{ListElements: 10}, 4, "L REACHED THE LIMIT OF 10 ELEMENTS OF A LIST OR ARRAY"},
		{"list by index", "/DECL-VAR L,MULT-ELEM=*LIST\n/I = 0\n" + caught("/  WHILE (TRUE)\n/    I = I + 1\n/    L#I = I\n/  END-WHILE\n"), nil,
			Limits{ListElements: 10}, 6, "L REACHED THE LIMIT OF 10 ELEMENTS OF A LIST OR ARRAY"},
		{"array cells", "/DECL-VAR A,MULT-ELEM=*ARRAY\n/I = 0\n" + caught("/  WHILE (TRUE)\n/    I = I + 1\n/    A#I = I\n/  END-WHILE\n"), nil,
			Limits{ListElements: 10}, 6, "A REACHED THE LIMIT OF 10 ELEMENTS OF A LIST OR ARRAY"},
		{"text output", caught("/  EXEC-CMD (SHOW-VM-ATTR),TEXT-OUTPUT=T\n"), []Option{site}, Limits{ListElements: 10},
			2, "T REACHED THE LIMIT OF 10 ELEMENTS OF A LIST OR ARRAY"},
		{"structure output", caught("/  EXEC-CMD (SHOW-VM-ATTR),TEXT-OUTPUT=*NONE,STRUCTURE-OUTPUT=S\n"), []Option{site}, Limits{ListElements: 10},
			2, "S REACHED THE LIMIT OF 10 ELEMENTS OF A LIST OR ARRAY"},
		{"variables declared", "/I = 0\n" + caught("/  WHILE (TRUE)\n/    I = I + 1\n/    DECL-VAR V&I(INITIAL-VALUE='X')\n/  END-WHILE\n"), nil,
			Limits{VariableBytes: 10_000}, 5, "THE VARIABLES OF THE TASK REACHED THE LIMIT OF 10000 BYTES"},
		{"implicit variables", "/I = 0\n" + caught("/  WHILE (TRUE)\n/    I = I + 1\n/    SET-VARIABLE V&I = 'X'\n/  END-WHILE\n"), nil,
			Limits{VariableBytes: 10_000}, 5, "THE VARIABLES OF THE TASK REACHED THE LIMIT OF 10000 BYTES"},
		{"structure elements", "/DECL-VAR S(TYPE=*STRUCTURE)\n/I = 0\n" + caught("/  WHILE (TRUE)\n/    I = I + 1\n/    SET-VARIABLE S.E&I = 'X'\n/  END-WHILE\n"), nil,
			Limits{VariableBytes: 10_000}, 6, "THE VARIABLES OF THE TASK REACHED THE LIMIT OF 10000 BYTES"},
		{"declared elements", "/DECL-VAR S(TYPE=*STRUCTURE)\n/I = 0\n" + caught("/  WHILE (TRUE)\n/    I = I + 1\n/    DECL-ELEM S.E&I\n/  END-WHILE\n"), nil,
			Limits{VariableBytes: 10_000}, 6, "THE VARIABLES OF THE TASK REACHED THE LIMIT OF 10000 BYTES"},
		{"long strings", "/DECL-VAR L,MULT-ELEM=*LIST\n/S = '" + strings.Repeat("X", 1000) + "'\n" +
			caught("/  WHILE (TRUE)\n/    L = S,WRITE-MODE=*EXTEND\n/  END-WHILE\n"), nil,
			Limits{VariableBytes: 100_000}, 5, "THE VARIABLES OF THE TASK REACHED THE LIMIT OF 100000 BYTES"},
		{"copies", "/DECL-VAR L,MULT-ELEM=*LIST\n/L = '" + strings.Repeat("X", 1000) + "',WRITE-MODE=*EXTEND\n/I = 0\n" +
			caught("/  WHILE (TRUE)\n/    I = I + 1\n/    SET-VARIABLE C&I = L\n/  END-WHILE\n"), nil,
			Limits{VariableBytes: 100_000}, 7, "THE VARIABLES OF THE TASK REACHED THE LIMIT OF 100000 BYTES"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, res := run(t, tt.src, append([]Option{WithLimits(tt.limits), WithStepLimit(1_000_000)}, tt.opts...)...)
			e := res.Err
			if e == nil || !e.Limit || e.RC != (handler.ReturnCode{SC1: 130, Main: "SDP0099"}) {
				t.Fatalf("error %v, want a run limit", e)
			}
			if !strings.Contains(e.Text, tt.text) || e.Pos.Line != tt.line {
				t.Errorf("error at line %d: %q; want line %d: %q", e.Pos.Line, e.Text, tt.line, tt.text)
			}
			if strings.Contains(out, "CAUGHT") || strings.Contains(out, "SDP0099") {
				t.Errorf("SYSOUT %q: the limit was caught or printed", out)
			}
		})
	}
}

// The nesting error names where each level was called, and the German
// text is German.
func TestNestingLimitStackAndLanguage(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "self.proc", []byte("/CALL-PROCEDURE SELF\n"), 0o644)
	r := New(WithFS(fs), WithLimits(Limits{Nesting: 4}), WithLanguage("D"))
	res := r.RunFile(context.Background(), "self.proc", nil)
	if res.Err == nil || len(res.Err.Stack) != 3 || res.Err.Text != "LAUFZEITGRENZE ERREICHT: GRENZE DER PROZEDURSCHACHTELUNG VON 4 EBENEN ERREICHT" {
		t.Fatalf("error %v, stack %v", res.Err, res.Err.Stack)
	}
	if res.Err.Stack[0].Filename != "self.proc" || res.Err.Pos.Filename != "self.proc" {
		t.Errorf("positions %v %v", res.Err.Pos, res.Err.Stack)
	}
}

// The variable limit never fails a task that stays under it, however much
// it allocates and frees: values replaced, list elements freed, lists
// copied over each other, procedure levels left with their variables.
func TestVariableLimitNoFalseAlarm(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "sub.proc", []byte("/IMPORT-VARIABLE S\n/DECL-VAR BIG(INITIAL-VALUE=S)\n/BIG2 = BIG // 'Y'\n"), 0o644)
	s := strings.Repeat("X", 4000)
	src := "/DECLARE-VARIABLE S,SCOPE=*TASK\n/S = '" + s + "'\n/DECL-VAR L,MULT-ELEM=*LIST\n/DECL-VAR M,MULT-ELEM=*LIST\n" +
		"/FOR K = *COUNTER(FROM=1,TO=20); L = S,WRITE-MODE=*EXTEND; END-FOR\n" +
		"/FOR K = *COUNTER(FROM=1,TO=3000)\n" +
		"/  ZZ = S // 'Z'\n" + // replaced in place
		"/  L = S,WRITE-MODE=*EXTEND\n/  FREE-VARIABLE L#1\n" + // grown and freed
		"/  M = L\n" + // copied over
		"/  CALL-PROCEDURE SUB\n" + // a level's variables left behind
		"/END-FOR\n/WRITE-TEXT 'DONE &(SIZE('L')) &(SIZE('M'))'\n"
	out, res := run(t, src, WithFS(fs), WithLimits(Limits{VariableBytes: 400_000}))
	if res.Err != nil || out != "DONE 20 20\n" {
		t.Fatalf("out %q, error %v", out, res.Err)
	}
}

// What the limit counts: namedBytes and the name of each variable and
// structure element, elementBytes for each variable and element, and the
// length of string values; the running count is never below the exact
// one.
func TestVariableBytes(t *testing.T) {
	r := New()
	d := r.NewDialog(context.Background())
	src := "/A = 'HELLO'\n/DECL-VAR L,MULT-ELEM=*LIST\n/L = 'AB',WRITE-MODE=*EXTEND\n/L = 7,WRITE-MODE=*EXTEND\n" +
		"/DECL-VAR S(TYPE=*STRUCTURE)\n/S.NAME = 'XYZ'\n"
	proc, errs := r.Parser().ParseFile("dialog", src)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if err := d.Run(proc); err != nil {
		t.Fatal(err)
	}
	want := int64(namedBytes+1+elementBytes+5) + // A = 'HELLO'
		int64(namedBytes+1+elementBytes) + 2*elementBytes + 2 + // L with 'AB' and 7
		int64(namedBytes+1+elementBytes) + int64(namedBytes+len("NAME")+elementBytes+3) // S.NAME = 'XYZ'
	if got := r.VariableBytes(); got != want {
		t.Errorf("counted %d bytes, want %d", got, want)
	}
	if r.varBytes < r.VariableBytes() {
		t.Errorf("running count %d below the exact %d", r.varBytes, r.VariableBytes())
	}
}

// heapNow is the heap the memory budget checks.
func heapNow() int64 {
	s := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// Issue 11: the memory budget is the last line of defence: growth the
// other limits let through (here: none set) ends with the memory limit
// error once the process's heap passes the budget.
func TestMemoryBudget(t *testing.T) {
	runtime.GC()
	budget := heapNow() + 32<<20
	src := "/DECL-VAR L,MULT-ELEM=*LIST\n/S = '" + strings.Repeat("X", 4000) + "'\n" +
		caught("/  WHILE (TRUE)\n/    L = S // 'X',WRITE-MODE=*EXTEND\n/  END-WHILE\n")
	out, res := run(t, src, WithLimits(Limits{Memory: budget}), WithStepLimit(100_000))
	e := res.Err
	if e == nil || !e.Limit || !strings.Contains(e.Text, "MEMORY BUDGET OF") || e.Pos.Line == 0 {
		t.Fatalf("error %v, want the memory limit", e)
	}
	if strings.Contains(out, "CAUGHT") {
		t.Error("the limit was caught")
	}
}

// A nesting limit beyond MaxNesting, or none, is MaxNesting: the Go stack
// of the run stays bounded.
func TestNestingCapped(t *testing.T) {
	for _, n := range []int{0, -1, MaxNesting + 1} {
		if got := New(WithLimits(Limits{Nesting: n})).Limits().Nesting; got != MaxNesting {
			t.Errorf("nesting %d: limit %d, want %d", n, got, MaxNesting)
		}
	}
	if got := New().Limits(); got != DefaultLimits {
		t.Errorf("default limits %+v, want %+v", got, DefaultLimits)
	}
}

// BenchmarkNesting runs a procedure that calls itself 1,000 levels deep
// (to the nesting limit) and reports the cost per level.
func BenchmarkNesting(b *testing.B) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "self.proc", []byte("/CALL-PROCEDURE SELF\n"), 0o644)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r := New(WithFS(fs), WithLimits(Limits{Nesting: 1000}))
		if res := r.RunFile(context.Background(), "self.proc", nil); res.Err == nil || !res.Err.Limit {
			b.Fatal(res.Err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/level")
}

// BenchmarkVariableBytes grows a list of 100,000 integers and declares
// 100,000 variables, and reports the heap each element or variable takes
// next to what the variable limit counts for it.
func BenchmarkVariableBytes(b *testing.B) {
	for _, bm := range []struct{ name, src string }{
		{"list", "/DECL-VAR L,MULT-ELEM=*LIST\n/FOR K = *COUNTER(FROM=1,TO=100000); L = K + 1000,WRITE-MODE=*EXTEND; END-FOR\n"},
		{"variables", "/FOR K = *COUNTER(FROM=1,TO=100000); DECL-VAR V&K(INITIAL-VALUE=K + 1000); END-FOR\n"},
		{"structure", "/DECL-VAR S(TYPE=*STRUCTURE)\n/FOR K = *COUNTER(FROM=1,TO=100000); SET-VARIABLE S.E&K = K + 1000; END-FOR\n"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			var heap, counted float64
			for i := 0; i < b.N; i++ {
				r := New()
				d := r.NewDialog(context.Background())
				proc, _ := r.Parser().ParseFile("dialog", bm.src)
				runtime.GC()
				before := heapNow()
				if err := d.Run(proc); err != nil {
					b.Fatal(err)
				}
				clear(d.f.sites) // compiled expressions are no variables
				d.f.plans = nil  // nor are command plans
				runtime.GC()
				heap = float64(heapNow()-before) / 100_000
				counted = float64(r.VariableBytes()) / 100_000
				runtime.KeepAlive(r)
			}
			b.ReportMetric(heap, "heap-B/element")
			b.ReportMetric(counted, "counted-B/element")
		})
	}
}

// A TEXT-OUTPUT list's lines count against the variable limit as every
// other value does: the planned EXEC-CMD (execplan.go, which stores the
// lines unboxed) reaches the limit at the very line the reference does,
// replacing the list and extending it, into *STRING and *ANY elements.
func TestTextOutputCountsItsLines(t *testing.T) {
	for _, decl := range []string{"TYPE=*STRING", "TYPE=*ANY"} {
		for _, mode := range []string{"", "(WRITE-MODE=*EXTEND)"} {
			src := "/DECL-VAR T(" + decl + "),MULT-ELEM=*LIST\n/DECL-VAR K,MULT-ELEM=*LIST\n/I = 0\n" +
				"/WHILE (TRUE)\n/  I = I + 1\n/  K = 'PASS &I',WRITE-MODE=*EXTEND\n" +
				"/  EXEC-CMD (SHOW-VM-ATTR),TEXT-OUTPUT=T" + mode + "\n/  WRITE-TEXT '&I &(SIZE('T'))'\n/END-WHILE\n"
			var outs [2]string
			for i, direct := range []bool{true, false} {
				out, res := run(t, src, WithHandlers(outputStub(20)), WithDirectEval(direct),
					WithLimits(Limits{VariableBytes: 4_000}), WithStepLimit(100_000))
				if res.Err == nil || !res.Err.Limit {
					t.Fatalf("%s %s direct=%v: error %v, want the variable limit", decl, mode, direct, res.Err)
				}
				outs[i] = out + res.Err.Error()
			}
			if outs[0] != outs[1] {
				t.Errorf("%s %s: planned\n%s\nreference\n%s", decl, mode, outs[0], outs[1])
			}
		}
	}
}

// TestNewElementChargesItsSize shows that a new list element is charged
// what size counts for it, whether it is a simple value made anew or in
// a former element's memory, a structure with its elements or a list.
func TestNewElementChargesItsSize(t *testing.T) {
	simple := &template{kind: simpleNode}
	for _, elem := range []*template{
		simple,
		{kind: structNode, elements: []namedTemplate{{"A", simple}, {"LONGER-NAME", simple}}},
		{kind: listNode, elem: simple},
	} {
		for _, spare := range []*node{nil, {t: simple}} {
			r := New()
			n := newNode(&template{kind: listNode, elem: elem})
			before := r.varBytes
			e, err := r.newElement(n, "L", nil, spare)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := r.varBytes-before, e.size(); got != want {
				t.Errorf("element %v (spare %v): charged %d, its size is %d", elem.kind, spare != nil, got, want)
			}
		}
	}
}
