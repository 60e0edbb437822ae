package vm2000

import (
	"slices"
	"testing"
)

// deviceRange: four hexadecimal digits in hexadecimal order, two-character
// names in EBCDIC order, ends of one kind and TO not below FROM (V, the
// pages of ADD-, REMOVE- and SWITCH-VM-DEVICES).
func TestDeviceRange(t *testing.T) {
	pool := []string{"D2", "4690", "468A", "T0", "4680", "4681", "D1", "1A", "GHIJ", "46"}
	for _, tc := range []struct {
		lo, hi string
		want   []string // nil: refused
	}{
		{"4680", "468F", []string{"4680", "4681", "468A"}},
		{"4681", "4690", []string{"4681", "468A", "4690"}},
		{"4680", "4680", []string{"4680"}},
		{"D1", "D2", []string{"D1", "D2"}},
		{"D1", "1A", []string{"D1", "D2", "T0", "1A"}}, // letters before digits
		{"A0", "Z9", []string{"D1", "D2", "T0"}},
		{"468A", "4680", nil},
		{"D2", "D1", nil},
		{"D1", "4690", nil},
		{"GHIJ", "GHIZ", nil}, // not hexadecimal
		{"468", "469", nil},
	} {
		got, ok := deviceRange(tc.lo, tc.hi, slices.Clone(pool))
		if ok != (tc.want != nil) || !slices.Equal(got, tc.want) {
			t.Errorf("range %s..%s: %v %v, want %v", tc.lo, tc.hi, got, ok, tc.want)
		}
	}
}
