package vm2000_test

import (
	"bytes"
	"os"
	"testing"

	"sdfp/hypervisor/vm2000"
	"sdfp/hypervisor/vm2000/internal/defaultstate"
)

// default_state.go holds, byte for byte, what its generator writes, and
// DefaultState is the snapshot of a fresh model of the default
// installation.
func TestDefaultState(t *testing.T) {
	src, err := defaultstate.Source()
	if err != nil {
		t.Fatal(err)
	}
	if onDisk, err := os.ReadFile("default_state.go"); err != nil || !bytes.Equal(onDisk, src) {
		t.Fatalf("default_state.go is not what its generator writes (%v): go generate ./hypervisor/vm2000", err)
	}
	want, err := defaultstate.State()
	if err != nil {
		t.Fatal(err)
	}
	if got := vm2000.DefaultState(); !bytes.Equal(got, want) {
		t.Fatalf("DefaultState differs from a fresh model's snapshot: go generate ./hypervisor/vm2000\n%s", got)
	}
}
