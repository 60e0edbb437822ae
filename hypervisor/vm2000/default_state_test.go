package vm2000_test

import (
	"bytes"
	"os"
	"testing"

	"sdfp/hypervisor/bs2000/world"
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
	// the hashes it comes with are the texts' own, as a world keeps them
	if got, want := vm2000.StateSHA256(want), world.Hash(want); got != want {
		t.Errorf("StateSHA256 of the default state = %q, want %q", got, want)
	}
	if got, want := vm2000.DefaultYAMLSHA256(), world.Hash(vm2000.DefaultYAML()); got != want {
		t.Errorf("DefaultYAMLSHA256 = %q, want %q", got, want)
	}
	if got := vm2000.StateSHA256(append(want, '\n')); got != "" {
		t.Errorf("StateSHA256 of another text = %q, want none", got)
	}
}
