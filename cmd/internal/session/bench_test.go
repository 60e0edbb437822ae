package session

import (
	"bytes"
	"context"
	"fmt"
	"testing"
)

// BenchmarkJVWritesAndWaits: n passes of a JV write followed by a
// WAIT-EVENT whose condition the write makes true, through the whole
// stack (interpreter, job environment, JV store on an in-memory file
// system, virtual clock). ns/pass should stay flat as n grows.
func BenchmarkJVWritesAndWaits(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("passes=%d", n), func(b *testing.B) {
			src := fmt.Sprintf(`/CREATE-JV JV.BENCH
/FOR I = *COUNTER(FROM=1,TO=%d)
/  MODIFY-JV JV.BENCH,SET-VALUE='$T'
/  WAIT-EVENT *JV((JV.BENCH,1,2) = '$T',TIME-LIM=300)
/END-FOR
/WRITE-TEXT 'DONE'
`, n)
			for i := 0; i < b.N; i++ {
				var out bytes.Buffer
				s, err := New(Options{Stdout: &out})
				if err != nil {
					b.Fatal(err)
				}
				res := s.RunTasks(context.Background(), []Task{{Name: "bench.proc", Source: src}})
				if res[0].Err != nil || out.String() != "DONE\n" {
					b.Fatalf("%v %q", res[0].Err, out.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/pass")
		})
	}
}
