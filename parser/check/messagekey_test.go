package check

import (
	"regexp"
	"testing"
)

// TestMessageKeyAgainstRegexp holds messageKey to the regexp it replaces,
// on every string of up to 8 characters over an alphabet of the classes'
// edges and on random ones.
func TestMessageKeyAgainstRegexp(t *testing.T) {
	re := regexp.MustCompile(`^[A-Z]{3}[0-9]{4}$`)
	check := func(k string) {
		if got, want := messageKey(k), re.MatchString(k); got != want {
			t.Fatalf("messageKey(%q) = %v, the regexp says %v", k, got, want)
		}
	}
	for _, k := range []string{"", "SDP0091", "sdp0091", "SDP009", "SDP00911", "SD00091", "ÄDP0091", "SDP009\n", "SDP0091\n", " SDP0091"} {
		check(k)
	}
	// positions 0..6 from characters at and beyond each class's edges
	edges := []byte{'@', 'A', 'Z', '[', '/', '0', '9', ':', 'a'}
	var k [7]byte
	var walk func(i int)
	walk = func(i int) {
		if i == len(k) {
			check(string(k[:]))
			return
		}
		for _, c := range edges {
			k[i] = c
			walk(i + 1)
		}
	}
	walk(0)
}
