package session

import (
	"bytes"
	"context"
	"os"
	"testing"
)

// BenchmarkSuiteCommand runs the command loop of issue 18's suite
// (interp/testdata/bench/command.proc: WRITE-TEXT to SYSLST and an
// EXEC-CMD of SHOW-USER-SWITCHES per pass) through the whole stack, since
// its commands need the job environment's executor; the suite's other
// loops are benchmarks of package interp.
func BenchmarkSuiteCommand(b *testing.B) {
	const file = "../../../interp/testdata/bench/command.proc"
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		var out bytes.Buffer
		s, err := New(Options{Stdout: &out})
		if err != nil {
			b.Fatal(err)
		}
		res := s.RunTasks(context.Background(), []Task{{Name: "command.proc", Source: string(src)}})
		if res[0].Err != nil || out.String() != "N=10000\n" {
			b.Fatalf("%v %q", res[0].Err, out.String())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10000, "ns/pass")
}
