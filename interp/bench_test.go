package interp

import (
	"bytes"
	"context"
	"os"
	"testing"
)

// BenchmarkLoop runs testdata/loop.proc, the million-pass loop of the
// issue (the same loop as testdata/loop.rexx for Regina), and reports ns
// per executed statement.
func BenchmarkLoop(b *testing.B) { benchLoop(b, true) }

// BenchmarkLoopExprOnly runs the same loop with every expression on expr.
func BenchmarkLoopExprOnly(b *testing.B) { benchLoop(b, false) }

func benchLoop(b *testing.B, direct bool) {
	src, err := os.ReadFile("testdata/loop.proc")
	if err != nil {
		b.Fatal(err)
	}
	var steps int64
	for i := 0; i < b.N; i++ {
		var out bytes.Buffer
		r := New(WithStdout(&out), WithDirectEval(direct))
		res := r.RunSource(context.Background(), "loop.proc", string(src), nil)
		if res.Err != nil {
			b.Fatal(res.Err)
		}
		if out.String() != "N=2999998 LENGTH=1000\n" {
			b.Fatalf("wrong result %q", out.String())
		}
		steps = res.Steps
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(steps), "ns/statement")
}
