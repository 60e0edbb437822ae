package vm2000

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
)

// setsSU is goodSU with assignment sets; line 9 holds the sets' list.
func setsSU(sets string) string {
	return strings.Replace(goodSU, "memory: 8192\n", "memory: 8192\n    assignment-sets: "+sets+"\n", 1)
}

// layoutInstallations are the installations TestStructuredOutputLayouts
// shows a command with when the default one gives it too little to show.
var layoutInstallations = map[string]string{
	"SHOW-VM-ASSIGNMENT-SET": setsSU(`[{name: "*STDSET", vms: [A]}]`),
	"SHOW-VM-CPU-POOL":       cpusSU(`["0", {id: "1", pool: P1}]`),
	"SHOW-VM-RESOURCES":      cpusSU(`["0", {id: "1", pool: P1}]`),
}

// Bad assignment sets are reported at the line and column of the key at
// fault.
func TestAssignmentSetErrors(t *testing.T) {
	for _, tc := range []struct{ sets, want string }{
		{`[{name: TOOLONGNAME}]`, `:30: assignment set name "TOOLONGNAME" is not *STDSET`},
		{`[{name: S1}, {name: s1}]`, `:42: assignment set S1 is defined twice on SU1`},
		{`[{name: S1, vms: [NOBODY]}]`, `:39: VM NOBODY of assignment set S1 is not a VM of SU1`},
		{`[{name: S1, devices: ["9999"]}]`, `:43: device 9999 of assignment set S1 is not generated on SU1`},
		{`[{name: S1, devices: ["4683"]}, {name: S2, devices: ["4683"]}]`, `:74: device 4683 is in assignment sets S1 and S2`},
		{`[{name: "*STDSET", devices: [CS]}]`, `:50: *STDSET lists no devices`},
		{`[{name: S1, new-devices: true}, {name: S2, new-devices: true}]`, `:78: new devices go to one assignment set only, and S1 takes them`},
		{`[{name: S1, colour: red}]`, `unknown field "colour"`},
	} {
		_, err := LoadInstallation("test.yaml", []byte(setsSU(tc.sets)))
		var errs InstallErrors
		if !errors.As(err, &errs) {
			t.Errorf("%s: %v", tc.sets, err)
			continue
		}
		first := errs[0].Error()
		if !regexp.MustCompile(`^test\.yaml:6:`).MatchString(first) || !strings.Contains(first, tc.want) {
			t.Errorf("%s: %s\nwant line 6 and %q", tc.sets, errs, tc.want)
		}
	}
}

// The sets survive a snapshot; a VM that left the unit leaves its sets,
// and the default *STDSET is not written.
func TestAssignmentSetSnapshot(t *testing.T) {
	inst, err := LoadInstallation("sets.yaml", []byte(setsSU(`[{name: "*STDSET", vms: [A]}, {name: S1, vms: [A], devices: [CS], new-devices: true}, {name: S0}]`)))
	if err != nil {
		t.Fatal(err)
	}
	r := newRigFrom(t, inst)
	first, second := roundTrip(t, r.m)
	if !bytes.Equal(first, second) {
		t.Fatalf("as loaded:\n%s\nloaded again:\n%s", first, second)
	}
	for _, want := range []string{`name: "*STDSET"`, "name: S0", "name: S1", "new-devices: true"} {
		if !bytes.Contains(first, []byte(want)) {
			t.Errorf("snapshot lacks %q:\n%s", want, first)
		}
	}
	res := r.admin().ok("SHOW-VM-ASSIGNMENT-SET")
	wantLines(t, res.Output,
		"% ASSIGNMENT-SET   #DEVICES   VM-ID",
		"% *STDSET              1       2 A",
		"% S0                   0      NONE",
		"% S1                   1+NEW   2 A")
	r.ok("DELETE-VM VM-ID=A,CHECK-VM-STATE=*NO")
	if after, _ := roundTrip(t, r.m); bytes.Contains(after, []byte("vms: [A]")) || bytes.Contains(after, []byte("- A")) {
		t.Errorf("a deleted VM stays in its sets:\n%s", after)
	}
	if res := r.run("SHOW-VM-ASSIGNMENT-SET SET-NAME=NONE"); res.RC.Main != "VMS4200" || res.SpinOff {
		t.Errorf("unknown set: %v spin-off %v", res.RC, res.SpinOff)
	}
}
