package golden

import (
	"context"
	"testing"
)

// BenchmarkCases runs every golden case of the repository one after
// another, all but the million-step runaway case (which measures the
// step limit, not a case's cost), and reports golden cases per second
// on one core (issue 18); `sdfp test` runs them on all cores.
func BenchmarkCases(b *testing.B) {
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
		for _, c := range cases {
			out, err := c.Run(context.Background())
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
