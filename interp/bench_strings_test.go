package interp

import "testing"

// BenchmarkStrings runs testdata/strings.proc: comparisons and the
// character functions on ASCII values and on values with umlauts, the
// cost of counting characters (runes) instead of bytes.
func BenchmarkStrings(b *testing.B) {
	benchProc(b, "testdata/strings.proc", "N=26700000 S=3456789abc345ß789abc\n", true)
}
