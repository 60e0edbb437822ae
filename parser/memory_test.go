package parser

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"sdfp/parser/ast"
)

// The commands of a file are tokenized into one reused buffer and share
// their default values; each command's tree is still the one it has when
// parsed on its own.
func TestFileTreesMatchSingleCommands(t *testing.T) {
	src := generatedProcedure(2000)
	p := newParser()
	proc, errs := p.ParseFile("gen.proc", src)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	n := 0
	for _, s := range proc.Body {
		for _, c := range ast.Commands(s) {
			alone, _ := p.ParseCommand(c.Unit)
			if got, want := ast.CommandText(c), ast.CommandText(alone); got != want {
				t.Fatalf("line %d: %q in the file, %q alone", c.Pos.Line, got, want)
			}
			n++
		}
	}
	if n < 1000 {
		t.Fatalf("only %d commands compared", n)
	}
}

// BenchmarkParseMemory reads procedures of several shapes and reports
// the heap they hold once read (retained) and everything allocated while
// reading, per byte of input. Both stay flat as files grow; README gives
// the factors.
func BenchmarkParseMemory(b *testing.B) {
	shapes := []struct {
		name string
		src  func(n int) string
	}{
		{"generated", func(n int) string { return generatedProcedure(n) }},
		{"assignments", func(n int) string { return strings.Repeat("/A = 1\n", n) }},
		{"one-word", func(n int) string { return strings.Repeat("/END-IF\n", n) }},
		{"long-lines", func(n int) string {
			return strings.Repeat("/WRITE-TEXT '"+strings.Repeat("A", 3000)+"'\n", n/100+1)
		}},
	}
	for _, sh := range shapes {
		for _, n := range []int{10000, 100000} {
			src := sh.src(n)
			b.Run(fmt.Sprintf("%s/lines=%d", sh.name, n), func(b *testing.B) {
				p := newParser()
				b.SetBytes(int64(len(src)))
				var retained, allocated float64
				for i := 0; i < b.N; i++ {
					runtime.GC()
					var ms0, ms1, ms2 runtime.MemStats
					runtime.ReadMemStats(&ms0)
					proc, _ := p.ParseFile("t.proc", src)
					runtime.ReadMemStats(&ms1)
					runtime.GC()
					runtime.ReadMemStats(&ms2)
					runtime.KeepAlive(proc)
					retained += float64(int64(ms2.HeapAlloc) - int64(ms0.HeapAlloc))
					allocated += float64(ms1.TotalAlloc - ms0.TotalAlloc)
				}
				in := float64(len(src)) * float64(b.N)
				b.ReportMetric(retained/in, "retained-B/B")
				b.ReportMetric(allocated/in, "alloc-B/B")
			})
		}
	}
}
