package vm2000

import (
	"slices"
	"strings"
	"testing"

	"sdfp/interp/handler"
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

// A held VM shows its wait state in VM2000's words (V:SUSP): WAIT(SEL)
// when the VM2000 administrator named it, WAIT(GLB) after VM-ID=*ALL,
// WAIT(VMA) when its own administrator held it.
func TestWaitStates(t *testing.T) {
	r := newRig(t, "").admin()
	r.ok("HOLD-VM VM-ID=VM02")
	if got := r.vm("ABGSE501", "2").displayState(); got != "WAIT(SEL)" {
		t.Errorf("selective hold: %s", got)
	}
	r.ok("RESUME-VM VM-ID=VM02")
	r.ok("HOLD-VM VM-ID=*ALL")
	if got := r.vm("ABGSE501", "3").displayState(); got != "WAIT(GLB)" {
		t.Errorf("global hold: %s", got)
	}
	r.ok("RESUME-VM VM-ID=*ALL")
	vma := *r
	vma.task = testTask{"0002", "E"}
	vma.ok("BEGIN-VM-DIALOG VM-ID=3")
	vma.ok("HOLD-VM")
	res := vma.ok("SHOW-VM-ATTRIBUTES")
	if got := field(t, res.Records[0], "STATE"); got != "WAIT(VMA)" {
		t.Errorf("hold by the VM administrator: %v", got)
	}
	if !strings.Contains(strings.Join(res.Output, "\n"), " WAIT(VMA) ") {
		t.Errorf("SYSOUT %q", res.Output)
	}
}

// SHOW-VM-ATTRIBUTES *STD: CPU-POOL(P) on a line above VM-GROUP(G), the
// columns VM-ID VM-GROUP(G) CPU-Q MAX-U PROC as in the manual's example
// (V:HOLD), and a STATE column wide enough for INIT-ONLY(MIGR).
func TestAttributesScreen(t *testing.T) {
	r := newRig(t, "").admin()
	res := r.ok("SHOW-VM-ATTRIBUTES VM-ID=2")
	want := []string{
		"%             CPU-POOL(P)",
		"% VM-ID       VM-GROUP(G) CPU-Q  MAX-U PROC MEM-SIZE STATE           PER",
		"%  2 VM02     *STDPOOL(P)  1.00 100.00    1     4096 RUNNING         NO",
	}
	if !slices.Equal(res.Output, want) {
		t.Errorf("got\n%s", strings.Join(res.Output, "\n"))
	}
	if stateColumn.width < len("INIT-ONLY(MIGR)") || stateColumn.width < len("SETUP(MIGR)") {
		t.Errorf("STATE column %d wide", stateColumn.width)
	}
}

// TYPE selects the devices INFORMATION=*UNITS lists (V:SVA): *SD the
// shared ones, a family the devices of that family.
func TestAttributesUnitsType(t *testing.T) {
	r := newRig(t, "").admin()
	units := func(typ string) string {
		res := r.ok("SHOW-VM-ATTRIBUTES VM-ID=12,INFORMATION=*UNITS,TYPE=" + typ)
		var names []string
		for _, u := range field(t, res.Records[0], "UNIT").([]handler.Record) {
			v, _ := u.Get("UNIT")
			names = append(names, v.(string))
		}
		return strings.Join(names, ",")
	}
	for typ, want := range map[string]string{"*ALL": "CS,FAA5,4683", "*SD": "FAA5", "*CONSOLE": "CS", "*PRINTER": "", "D3435": ""} {
		if got := units(typ); got != want {
			t.Errorf("TYPE=%s: %q, want %q", typ, got, want)
		}
	}
}
