package explore

import (
	"context"
	"testing"
)

// BenchmarkExplore: the whole exploration of the shipped procedures, the
// baseline included, at depth 1 and 2 (go test ./cmd/internal/explore
// -run '^$' -bench Explore). It reports the scenarios and the cost of
// each.
func BenchmarkExplore(b *testing.B) {
	for _, c := range []struct {
		name   string
		proc   string
		params []string
	}{{"vmmem", vmmem, nil}, {"migrate", migrate, migrateParams}} {
		for _, depth := range []int{1, 2} {
			b.Run(c.name+"/depth"+string(rune('0'+depth)), func(b *testing.B) {
				n := 0
				for b.Loop() {
					e, err := New(context.Background(), Options{Proc: c.proc, Params: c.params, Depth: depth})
					if err != nil {
						b.Fatal(err)
					}
					list := e.Scenarios()
					if _, err := e.Run(context.Background(), list); err != nil {
						b.Fatal(err)
					}
					n = len(list)
				}
				b.ReportMetric(float64(n), "scenarios")
				b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n+1), "us/scenario")
				b.ReportMetric(float64(b.N)*float64(n+1)/b.Elapsed().Seconds(), "scenarios/s") // issue 18's measure, the baseline counted

			})
		}
	}
}
