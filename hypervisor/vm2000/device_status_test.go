package vm2000

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"sdfp/interp/handler"
)

// deviceSU has a pubset, an assignment set, a device guests may assign
// and, in an SU cluster with it, a failed unit that kept definitions.
const deviceSU = `local-su: SU1
clusters:
  - {name: CL, units: [SU1, SU2]}
server-units:
  - name: SU1
    type: /390
    memory: 8192
    devices: [{mn: "4680"}, {mn: "4681"}, {mn: "4690", assign-by-guest: true}, {mn: "46A0", kind: alias}, {mn: T0, kind: tape}]
    pubsets:
      - {catid: P1, devices: ["4680", "4681"]}
    assignment-sets:
      - {name: SET1, vms: [A], devices: [T0]}
    vms:
      - {index: 2, name: A, memory: 1024, devices: ["4680", "4681"], pubsets: [P1]}
  - name: SU2
    type: /390
    memory: 8192
    state: failed
    vms:
      - {index: 4, name: PERS, memory: 1024, persistent: true}
      - {index: 5, name: VOLATILE, memory: 1024}
    definitions:
      - {name: DEFONLY, memory: 512}
`

// Bad device data: each error at the line of the value at fault.
func TestDeviceDataErrors(t *testing.T) {
	tests := []struct {
		name, from, to string
		line           int
		want           string
	}{
		{"bad catid", "catid: P1", "catid: P-1", 10, `pubset catid "P-1" must be 1..4 letters or digits`},
		{"pubset device not generated", `devices: ["4680", "4681"]}`, `devices: ["4680", "4999"]}`, 10, "device 4999 of pubset P1 is not generated on SU1"},
		{"pubset device not a disk", `devices: ["4680", "4681"]}`, `devices: ["4680", T0]}`, 10, "device T0 of pubset P1 is a tape, not a disk"},
		{"pubset without devices", `devices: ["4680", "4681"]}`, `devices: []}`, 10, "pubset P1 has no devices"},
		{"pubset twice", "      - {catid: P1, devices: [\"4680\", \"4681\"]}\n", "      - {catid: P1, devices: [\"4680\", \"4681\"]}\n      - {catid: P1, devices: [\"4690\"]}\n", 11, "pubset P1 is defined twice on SU1"},
		{"disk in two pubsets", "      - {catid: P1, devices: [\"4680\", \"4681\"]}\n", "      - {catid: P1, devices: [\"4680\", \"4681\"]}\n      - {catid: P2, devices: [\"4681\"]}\n", 11, "device 4681 is in pubsets P1 and P2"},
		{"VM pubset unknown", "pubsets: [P1]}", "pubsets: [P9]}", 14, "pubset P9 of VM A is not a pubset of SU1"},
		{"VM pubset without pubres", `devices: ["4680", "4681"], pubsets`, `devices: ["4681"], pubsets`, 14, "VM A holds pubset P1 but not its pubres device 4680"},
		{"unit state", "state: failed", "state: broken", 18, `server unit state must be running or failed, not "broken"`},
		{"local unit failed", "local-su: SU1", "local-su: SU2", 1, "local-su SU2 has failed"},
	}
	for _, tc := range tests {
		src := strings.Replace(deviceSU, tc.from, tc.to, 1)
		if src == deviceSU {
			t.Fatalf("%s: %q not in the installation", tc.name, tc.from)
		}
		_, err := LoadInstallation("test.yaml", []byte(src))
		var errs InstallErrors
		if !errors.As(err, &errs) {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if errs[0].Line != tc.line || !strings.Contains(errs[0].Msg, tc.want) {
			t.Errorf("%s: %v\nwant line %d: %q", tc.name, err, tc.line, tc.want)
		}
	}
}

// The device data survives the world's snapshot: pubsets, a VM's
// pubset, ASSIGN-BY-GUEST of devices and new devices, the failed unit,
// also after commands changed them.
func TestDeviceDataRoundTrip(t *testing.T) {
	r := newRig(t, deviceSU).admin()
	if first, second := roundTrip(t, r.m); !bytes.Equal(first, second) {
		t.Fatalf("as loaded:\n%s\nloaded again:\n%s", first, second)
	}
	r.ok("MODIFY-VM-DEVICE-ATTRIBUTES UNITS=*PUBSET-DEVICES(PUBSET=P1),ASSIGN-BY-GUEST=*YES")
	r.ok("MODIFY-VM-DEVICE-ATTRIBUTES UNITS=*NEW-DEVICES,ASSIGN-BY-GUEST=*YES")
	r.ok("RECOVER-VM-DEFINITION VM-NAME=PERS")
	first, second := roundTrip(t, r.m)
	if !bytes.Equal(first, second) {
		t.Fatalf("after commands:\n%s\nloaded again:\n%s", first, second)
	}
	text := squeeze(string(first))
	for _, want := range []string{"new-devices-assign-by-guest: true", "- catid: P1 devices: - \"4680\" - \"4681\"",
		"- mn: \"4680\" kind: disk assign-by-guest: true", "pubsets: - P1", "state: failed", "definitions: - name: PERS"} {
		if !strings.Contains(text, want) {
			t.Errorf("snapshot lacks %q:\n%s", want, first)
		}
	}
	if strings.Contains(text, "index: 4 name: PERS") {
		t.Errorf("PERS still a VM of the failed unit:\n%s", first)
	}
}

// Names with wildcards select devices of a pool in VM2000's order,
// alias devices left out for the commands that assign (the catalog cannot declare them for list
// operands yet, so this calls the matcher itself).
func TestWildDevices(t *testing.T) {
	r := newRig(t, deviceSU)
	su := r.m.byName["SU1"]
	pool := slices.Collect(mapKeys(su.devices))
	for _, tc := range []struct {
		pattern string
		noAlias bool
		want    []string
		ok      bool
	}{
		{"46*", true, []string{"4680", "4681", "4690"}, true},
		{"46*", false, []string{"46A0", "4680", "4681", "4690"}, true}, // EBCDIC order: letters before digits
		{"468/", true, []string{"4680", "4681"}, true},
		{"-46*", true, []string{"T0"}, true},
		{"<4681:4690>", true, []string{"4681", "4690"}, true},
		{"9*", true, nil, false},
		{"4$*", true, nil, false},
	} {
		got, ok := wildDevices(tc.pattern, su, pool, tc.noAlias)
		if ok != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v %v, want %v %v", tc.pattern, got, ok, tc.want, tc.ok)
		}
	}
}

// SHOW-VM-DEVICE-STATUS's S variables, one record per device.
func TestDeviceStatusRecords(t *testing.T) {
	r := newRig(t, deviceSU).admin()
	res := r.ok("SHOW-VM-DEVICE-STATUS UNITS=(4680,4690)")
	if len(res.Records) != 2 {
		t.Fatalf("records: %v", res.Records)
	}
	pubres, free := res.Records[0], res.Records[1]
	for name, want := range map[string]any{"UNIT": "4680", "DEVICE-TYPE": "DISK", "ASSIGN-BY-GUEST": false,
		"ASSIGNMENT-SET": "*STDSET", "PUBSET": "P1", "PUBRES": true, "NUM-OF-VMS": 1} {
		if got := field(t, pubres, name); got != want {
			t.Errorf("4680 %s = %v, want %v", name, got, want)
		}
	}
	vms := field(t, pubres, "VM").([]handler.Record)
	if got := field(t, vms[0], "PUBRES-FOR-ASSIGNMENT"); got != true {
		t.Errorf("PUBRES-FOR-ASSIGNMENT = %v", got)
	}
	if got := field(t, free, "ASSIGN-BY-GUEST"); got != true {
		t.Errorf("4690 ASSIGN-BY-GUEST = %v", got)
	}
	if got := field(t, free, "PUBSET"); got != "*NONE" {
		t.Errorf("4690 PUBSET = %v", got)
	}
}

// No procedure runs in the monitor system of a failed unit: placing a
// task there is refused (a usage error of sdfp run), as is --su.
func TestFailedUnitRunsNoTask(t *testing.T) {
	r := newRig(t, deviceSU)
	if err := r.m.SetTaskSU("0002", "su2"); err == nil || !strings.Contains(err.Error(), "SU2 has failed") {
		t.Errorf("SetTaskSU: %v", err)
	}
	if err := r.m.SetLocalSU("SU2"); err == nil {
		t.Error("SetLocalSU accepted a failed unit")
	}
	if err := r.m.CheckServerUnit("SU1"); err != nil {
		t.Errorf("CheckServerUnit SU1: %v", err)
	}
}

// A range of ADD-VM-DEVICES leaves out alias devices: they cannot be
// assigned explicitly (V, ADD-VM-DEVICES ...-201).
func TestRangeSkipsAlias(t *testing.T) {
	r := newRig(t, deviceSU).admin()
	res := r.ok("ADD-VM-DEVICES UNITS=*DEVICE-RANGE(FROM=4690,TO=46A0),VM-ID=A")
	if got := strings.Join(res.Output, "\n"); got != "% VMS4005 DEVICE '4690' ASSIGNED TO VIRTUAL MACHINE (2,A)" {
		t.Errorf("got %s", got)
	}
	if _, ok := r.vm("SU1", "A").devices["46A0"]; ok {
		t.Error("alias device assigned")
	}
	// named, it is refused: a semantic error, as for a device that cannot be shared
	res = r.run("ADD-VM-DEVICES UNITS=46A0,VM-ID=A")
	if res.RC.Main != "CMD0202" || res.RC.SC1 != 1 || !strings.Contains(strings.Join(res.Output, ""), "IS AN ALIAS DEVICE") {
		t.Errorf("named alias: %v %q", res.RC, res.Output)
	}
	// *ALL and *PUBSET-DEVICES stand alone, not in a list of devices
	for _, cmd := range []string{"REMOVE-VM-DEVICES UNITS=(*ALL,4680),VM-ID=A", "ADD-VM-DEVICES UNITS=(4690,*PUBSET-DEVICES(PUBSET=P1)),VM-ID=A"} {
		res = r.run(cmd)
		if res.RC.Main != "CMD0202" || !strings.Contains(strings.Join(res.Output, ""), "STANDS ALONE IN UNITS") {
			t.Errorf("%s: %v %q", cmd, res.RC, res.Output)
		}
	}
}

// A live migration takes the pubset's PUBRES-FOR-ASSIGNMENT along when
// the target knows the pubset by the same pubres device.
func TestMigrationKeepsPubset(t *testing.T) {
	two := `clusters:
  - {name: CL, units: [SU1, SU2]}
server-units:
  - name: SU1
    type: /390
    memory: 8192
    devices: [{mn: "4680"}, {mn: "4681"}]
    pubsets: [{catid: P1, devices: ["4680", "4681"]}]
    vms:
      - {index: 2, name: A, memory: 1024, devices: ["4680", "4681"], pubsets: [P1]}
  - name: SU2
    type: /390
    memory: 8192
    devices: [{mn: "4680"}, {mn: "4681"}]
    pubsets: [{catid: P1, devices: ["4680", "4681"]}]
`
	r := newRig(t, two).admin()
	r.ok("MIGRATE-VM VM-ID=A,SERVER-UNIT-NAME=SU2")
	r.drain()
	vm := r.vm("SU2", "A")
	if vm == nil || !vm.pubresFor("4680") {
		t.Fatalf("A on SU2: %+v", vm)
	}
}
