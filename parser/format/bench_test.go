package format

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkSource20000 formats procs/vmmem.proc repeated to about 20,000
// lines (each copy with its own label) and reports lines per second.
func BenchmarkSource20000(b *testing.B) {
	one, err := os.ReadFile("../../procs/vmmem.proc")
	if err != nil {
		b.Fatal(err)
	}
	var src strings.Builder
	for i := 0; strings.Count(src.String(), "\n") < 20000; i++ {
		label := "ERR" + strconv.Itoa(i)
		copy := strings.ReplaceAll(string(one), "LABEL=ERROR", "LABEL="+label)
		copy = strings.ReplaceAll(copy, "LABEL = ERROR", "LABEL="+label)
		src.WriteString(strings.ReplaceAll(copy, "/ERROR:", "/"+label+":"))
	}
	text := src.String()
	lines := strings.Count(text, "\n")
	b.ResetTimer()
	for b.Loop() {
		if _, err := Source("big.proc", text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}
