package session

import (
	"testing"

	"sdfp/interp"
)

// The session gives its runners the limits of its options, and the
// interpreter's defaults without them.
func TestSessionLimits(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Runner().Limits(); got != interp.DefaultLimits {
		t.Errorf("default limits %+v, want %+v", got, interp.DefaultLimits)
	}
	want := interp.Limits{Nesting: 7, ListElements: 8, VariableBytes: 9, Memory: 10}
	s, err = New(Options{Limits: &want})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Runner().Limits(); got != want {
		t.Errorf("limits %+v, want %+v", got, want)
	}
}
