package interp

import "testing"

// BenchmarkStrings runs testdata/strings.proc: comparisons and the
// character functions on ASCII values and on values with umlauts, the
// cost of counting characters (runes) instead of bytes.
func BenchmarkStrings(b *testing.B) {
	benchProc(b, "testdata/strings.proc", "N=26700000 S=3456789abc345ß789abc\n", true)
}

// BenchmarkCallsChanging runs testdata/calls.proc, builtin calls whose
// arguments change at every pass, so that the direct call sites
// (directcall.go) cannot answer with a kept result; ...Expr runs it with
// every expression on expr, the path the direct calls replace.
func BenchmarkCallsChanging(b *testing.B) {
	benchProc(b, "testdata/calls.proc", "N=900000 S=ABCDE5\n", true)
}

func BenchmarkCallsChangingExpr(b *testing.B) {
	benchProc(b, "testdata/calls.proc", "N=900000 S=ABCDE5\n", false)
}
