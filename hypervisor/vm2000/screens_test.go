package vm2000

import (
	"slices"
	"strings"
	"testing"
)

// Device lists: two-character names before four-character ones, each in
// EBCDIC order, letters before digits (V10:542).
func TestDeviceOrder(t *testing.T) {
	names := []string{"4683", "FAA5", "C2", "12", "CS", "A001", "Z1"}
	slices.SortFunc(names, compareDevices)
	if got := strings.Join(names, ","); got != "CS,C2,Z1,12,A001,FAA5,4683" {
		t.Errorf("order %s", got)
	}
}

// VMS4005 marks a device assigned for shared use with (TYPE=SD)
// (V:WP390).
func TestSharedDeviceMessage(t *testing.T) {
	r := newRig(t, "").admin()
	res := r.ok("ADD-VM-DEVICES UNITS=(FAA5,T0),VM-ID=2,TYPE=*SD")
	want := []string{"% VMS4005 DEVICE 'FAA5' ASSIGNED TO VIRTUAL MACHINE (2,VM02) (TYPE=SD)",
		"% VMS4005 DEVICE 'T0' ASSIGNED TO VIRTUAL MACHINE (2,VM02)"}
	if !slices.Equal(res.Output, want) {
		t.Errorf("output %q", res.Output)
	}
}
