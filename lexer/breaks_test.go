package lexer

import (
	"slices"
	"testing"
)

// TestBreaks: a unit names the offsets of its text where continuation
// lines begin, and a unit split at ';' only the breaks inside it.
func TestBreaks(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want [][]int
	}{
		{"/A = 1\n", [][]int{nil}},
		{"/A = 1 + -\n/ 2 + -\n   /3\n", [][]int{{8, 13}}},
		{"/ -\n/A = 1\n", [][]int{{1}}}, // the blank before the hyphen is text
		{"/A = 1; B = -\n/2\n", [][]int{nil, {5}}},
	} {
		units, errs := Read("b.proc", tc.src)
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
		var got [][]int
		for _, u := range units {
			got = append(got, u.Breaks())
		}
		if !slices.EqualFunc(got, tc.want, func(a, b []int) bool { return slices.Equal(a, b) }) {
			t.Errorf("%q: breaks %v, want %v", tc.src, got, tc.want)
		}
	}
}
