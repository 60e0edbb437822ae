package interp

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// BenchmarkStrings runs testdata/strings.proc: comparisons and the
// character functions on ASCII values and on values with umlauts, the
// cost of counting characters (runes) instead of bytes.
func BenchmarkStrings(b *testing.B) {
	src, err := os.ReadFile("testdata/strings.proc")
	if err != nil {
		b.Fatal(err)
	}
	var steps int64
	for i := 0; i < b.N; i++ {
		var out bytes.Buffer
		r := New(WithStdout(&out))
		res := r.RunSource(context.Background(), "strings.proc", string(src), nil)
		if res.Err != nil {
			b.Fatal(res.Err)
		}
		if !strings.HasPrefix(out.String(), "N=") {
			b.Fatalf("wrong result %q", out.String())
		}
		steps = res.Steps
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(steps), "ns/statement")
}
