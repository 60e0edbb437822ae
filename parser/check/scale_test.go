package check

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"sdfp/lexer"
)

// nested is a procedure of depth blocks, each inside the one before,
// every level with a label, a branch to an enclosing label, a CYCLE and
// an EXIT-BLOCK, and an IF-CMD-ERROR after each inner block.
func nested(depth int) string {
	var b strings.Builder
	b.WriteString("/A = 1\n")
	for i := range depth {
		if i%2 == 0 {
			fmt.Fprintf(&b, "/L%d: WHILE (A = 1)\n", i)
		} else {
			fmt.Fprintf(&b, "/L%d: BEGIN-BLOCK\n", i)
		}
		fmt.Fprintf(&b, "/  IF (A = 2); GOTO L%d; END-IF\n", i/2)
	}
	b.WriteString("/IF (A = 3); CYCLE; END-IF\n/EXIT-BLOCK\n")
	for i := depth - 1; i >= 0; i-- {
		if i%2 == 0 {
			b.WriteString("/END-WHILE\n")
		} else {
			b.WriteString("/END-BLOCK\n")
		}
		b.WriteString("/IF-CMD-ERROR; END-IF\n")
	}
	return b.String()
}

// 20,000 nested blocks check in memory linear in the depth: the walker
// copied the enclosing frames at every level (10,000 blocks took 1.24 GB,
// 20,000 crashed).
func TestCheckDeepNesting(t *testing.T) {
	src := nested(20000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	findings, omitted := New().Source("deep.proc", src)
	runtime.ReadMemStats(&after)
	// each IF-CMD-ERROR after a block is reported, 100 of them kept
	if len(findings) != lexer.DefaultLimits.Findings || omitted != 20000-len(findings) {
		t.Fatalf("%d findings, %d omitted; first %v", len(findings), omitted, findings[0])
	}
	for _, f := range findings {
		if !strings.Contains(f.Msg, "IF-CMD-ERROR follows the block ending at line") {
			t.Fatalf("unexpected finding %v", f)
		}
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 400<<20 {
		t.Errorf("checking 20,000 nested blocks allocated %d MB", n>>20)
	}
}

// The findings kept are the first ones; the others are counted.
func TestCheckFindingsCapped(t *testing.T) {
	// 250 reader problems, 250 GOTOs to nowhere, every other one also
	// unreachable
	src := strings.Repeat("/NO-SUCH-COMMAND\n", 250) + strings.Repeat("/GOTO NOWHERE\n", 250)
	findings, omitted := New().Source("t.proc", src)
	if len(findings) != 100 || omitted != 525 {
		t.Errorf("%d findings, %d omitted", len(findings), omitted)
	}
	for i := 1; i < len(findings); i++ {
		if findings[i].Pos.Line < findings[i-1].Pos.Line {
			t.Fatalf("findings not in file order at %d", i)
		}
	}
}

// BenchmarkCheckNesting checks procedures of growing nesting depth;
// ns/block and B/block stay flat when the check is linear.
func BenchmarkCheckNesting(b *testing.B) {
	for _, depth := range []int{5000, 10000, 20000} {
		src := nested(depth)
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			c := New()
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				c.Source("deep.proc", src)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*depth), "ns/block")
		})
	}
}

// BenchmarkCheckFindings checks a file whose every command is a finding
// and renders every finding with its snippet, as `sdfp check` prints
// them, without the cap: ns/finding stays flat (100,000 findings took
// 48 s when each snippet scanned the file from its start).
func BenchmarkCheckFindings(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		src := strings.Repeat("/SHOW-VM-ATTR VM-ID=200\n", n)
		b.Run(fmt.Sprintf("findings=%d", n), func(b *testing.B) {
			c := New()
			all := lexer.DefaultLimits
			all.Findings = 0
			c.Parser.Limits = &all
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				findings, _ := c.Source("f.proc", src)
				if len(findings) < n {
					b.Fatalf("%d findings", len(findings))
				}
				var out strings.Builder
				for _, f := range findings {
					out.WriteString(f.Error())
					out.WriteString(f.Snippet(src))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/finding")
		})
	}
}
