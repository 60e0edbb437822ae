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
	benchProc(b, "testdata/loop.proc", "N=2999998 LENGTH=1000\n", direct)
}

// benchProc runs a procedure of testdata b.N times, checks its output and
// reports ns per executed statement.
func benchProc(b *testing.B, file, want string, direct bool) {
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	var steps int64
	for i := 0; i < b.N; i++ {
		var out bytes.Buffer
		r := New(WithStdout(&out), WithDirectEval(direct))
		res := r.RunSource(context.Background(), file, string(src), nil)
		if res.Err != nil {
			b.Fatal(res.Err)
		}
		if out.String() != want {
			b.Fatalf("wrong result %q", out.String())
		}
		steps = res.Steps
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(steps), "ns/statement")
}
