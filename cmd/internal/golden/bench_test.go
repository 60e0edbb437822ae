package golden

import (
	"context"
	"testing"

	"sdfp/interp"
)

// BenchmarkCases runs every golden case of the repository one after
// another, all but the million-step runaway case (which measures the
// step limit, not a case's cost), and reports golden cases per second
// on one core (issue 18); `sdfp test` runs them on all cores.
func BenchmarkCases(b *testing.B) { benchmarkCases(b, false) }

// BenchmarkCasesSharingParses is BenchmarkCases as `sdfp test` runs the
// cases: one interp.ProcedureCache for all cases of a round, so a
// procedure called again (in a loop, a recursion, by several cases) is
// parsed once a round.
func BenchmarkCasesSharingParses(b *testing.B) { benchmarkCases(b, true) }

func benchmarkCases(b *testing.B, share bool) {
	all, err := Glob("../../../testdata")
	if err != nil {
		b.Fatal(err)
	}
	var cases []*Case
	for _, c := range all {
		if c.Name != "lang/runaway" {
			cases = append(cases, c)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var opts Options
		if share {
			opts.Procedures = interp.NewProcedureCache()
		}
		for _, c := range cases {
			out, err := c.RunWith(context.Background(), opts)
			if err != nil {
				b.Fatal(err)
			}
			if d := c.Diff(out); len(d) > 0 {
				b.Fatalf("%s: %v", c.Name, d[0])
			}
		}
	}
	b.ReportMetric(float64(b.N*len(cases))/b.Elapsed().Seconds(), "cases/s")
}
