package interp

import (
	"strconv"
	"testing"
)

// appendInt must give strconv's digits for every int64: the small ones
// it formats itself, every width from one to eight digits and the
// edges around them, and the others it hands to strconv.
func TestAppendIntIsStrconvs(t *testing.T) {
	check := func(n int64) {
		t.Helper()
		prefix := []byte("PASS ")
		got := string(appendInt(prefix, n))
		if want := "PASS " + strconv.FormatInt(n, 10); got != want {
			t.Fatalf("appendInt(%d) = %q, want %q", n, got, want)
		}
	}
	for n := int64(-1000); n <= 100_000; n++ {
		check(n)
	}
	for p := int64(1); p <= 1e18; p *= 10 {
		for _, n := range []int64{p - 1, p, p + 1, 2*p - 1, 5 * p, 9*p + 9, -p, -p - 1} {
			check(n)
		}
	}
	for _, n := range []int64{99_999_999, 100_000_000, 12_345_678, 1<<63 - 1, -1 << 63} {
		check(n)
	}
}

// BenchmarkAppendInt compares appendInt with strconv.AppendInt on a
// loop counter's values (go test -bench AppendInt ./interp).
func BenchmarkAppendInt(b *testing.B) {
	buf := make([]byte, 0, 32)
	b.Run("appendInt", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			buf = appendInt(buf[:0], int64(i%10000))
		}
	})
	b.Run("strconv", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			buf = strconv.AppendInt(buf[:0], int64(i%10000), 10)
		}
	})
}
