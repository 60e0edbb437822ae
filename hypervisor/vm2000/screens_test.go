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
// WAIT(VMA) when its own administrator held it; overlapping states show
// the strongest (SEL, GLB, VMA), and a RESUME-VM that leaves one is
// VMS2020 with SUBCODE2 2 (V:RESUME).
func TestWaitStates(t *testing.T) {
	r := newRig(t, "").admin()
	vma := *r
	vma.task = testTask{"0002", "E"}
	vma.ok("BEGIN-VM-DIALOG VM-ID=3")
	state := func(id string) string { return r.vm("ABGSE501", id).displayState() }
	steps := []struct {
		who      *rig
		cmd      string
		main     string
		sc2      int
		vm2, vm3 string
	}{
		{r, "HOLD-VM VM-ID=VM02", "CMD0001", 0, "WAIT(SEL)", "RUNNING"},
		{r, "HOLD-VM VM-ID=*ALL", "CMD0001", 0, "WAIT(SEL)", "WAIT(GLB)"},
		{r, "RESUME-VM VM-ID=*ALL", "VMS2020", 2, "WAIT(SEL)", "RUNNING"},
		{r, "RESUME-VM VM-ID=VM02", "CMD0001", 0, "RUNNING", "RUNNING"},
		{&vma, "HOLD-VM", "CMD0001", 0, "RUNNING", "WAIT(VMA)"},
		{r, "HOLD-VM VM-ID=*ALL", "CMD0001", 0, "WAIT(GLB)", "WAIT(GLB)"},
		{&vma, "RESUME-VM", "VMS2020", 2, "WAIT(GLB)", "WAIT(GLB)"},
		{&vma, "HOLD-VM VM-ID=*ALL", "VMS1011", 0, "WAIT(GLB)", "WAIT(GLB)"},
		{r, "RESUME-VM VM-ID=*ALL", "CMD0001", 0, "RUNNING", "RUNNING"},
	}
	for _, s := range steps {
		res := s.who.run(s.cmd)
		if res.RC.Main != s.main || res.RC.SC2 != s.sc2 || state("2") != s.vm2 || state("3") != s.vm3 {
			t.Errorf("%s: %v %q, VM02 %s, VM03 %s", s.cmd, res.RC, res.Output, state("2"), state("3"))
		}
	}
	vma.ok("HOLD-VM")
	res := vma.ok("SHOW-VM-ATTRIBUTES")
	if got := field(t, res.Records[0], "STATE"); got != "WAIT(VMA)" || !strings.Contains(strings.Join(res.Output, "\n"), " WAIT(VMA) ") {
		t.Errorf("hold by the VM administrator: %v %q", got, res.Output)
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

// SHOW-VM-RESOURCES gives the VM2000 administrator the states of all
// VMs (V:SVR, V:SUSP).
func TestResourcesListStates(t *testing.T) {
	r := newRig(t, "").admin()
	r.ok("HOLD-VM VM-ID=3")
	out := r.ok("SHOW-VM-RESOURCES").Output
	if len(out) != 8 || squeeze(out[2]) != "% CPU-POOL(P)" || squeeze(out[6]) != "% 3 VM03 *STDPOOL(P) 1.00 100.00 1 4096 WAIT(SEL) NO" {
		t.Errorf("got\n%s", strings.Join(out, "\n"))
	}
}
