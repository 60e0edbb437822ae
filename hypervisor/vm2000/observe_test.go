package vm2000

import (
	"slices"
	"testing"
)

// Observe reports each asynchronous operation when it is accepted, and
// only then; View shows it under way and the dialog open.
func TestObserveAndView(t *testing.T) {
	r := newRig(t, "")
	var got []Touch
	r.m.Observe(func(tc Touch) { got = append(got, tc) })
	r.admin()
	r.ok("EXTEND-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=6144,MONJV=JV.X")
	r.run("EXTEND-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=8192") // refused while one runs: not reported
	r.ok("MIGRATE-VM VM-ID=VM12PROD,SERVER-UNIT-NAME=ABGSE701")
	want := []Touch{
		{Kind: TouchReconfiguration, VM: "VM03", SU: "ABGSE501", Arch: "/390", Extend: true, From: 4096, To: 6144, MonJV: "JV.X"},
		{Kind: TouchMigration, VM: "VM12PROD", SU: "ABGSE501", Arch: "/390", Target: "ABGSE701", Devices: []string{"CS", "FAA5", "4683"}},
	}
	if len(got) != len(want) {
		t.Fatalf("touches %+v", got)
	}
	for i := range want {
		if got[i].Kind != want[i].Kind || got[i].VM != want[i].VM || got[i].Target != want[i].Target || got[i].To != want[i].To ||
			got[i].MonJV != want[i].MonJV || !slices.Equal(got[i].Devices, want[i].Devices) {
			t.Errorf("touch %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	vms, dialogs := r.m.View()
	if !slices.Equal(dialogs, []string{"1A2B"}) {
		t.Errorf("open dialogs %v", dialogs)
	}
	view := func(vms []VMView, name string) VMView {
		i := slices.IndexFunc(vms, func(v VMView) bool { return v.Name == name })
		if i < 0 {
			t.Fatalf("%s not in the view", name)
		}
		return vms[i]
	}
	if v := view(vms, "VM03"); !v.Reconfiguring || v.Planned != 6144 || v.Memory != 4096 {
		t.Errorf("VM03 while extending: %+v", v)
	}
	if v := view(vms, "VM12PROD"); !v.Migrating || v.SU != "ABGSE501" {
		t.Errorf("VM12PROD while migrating: %+v", v)
	}
	r.drain()
	vms, _ = r.m.View()
	if v := view(vms, "VM03"); v.Reconfiguring || v.Memory != 6144 {
		t.Errorf("VM03 after: %+v", v)
	}
	if v := view(vms, "VM12PROD"); v.Migrating || v.SU != "ABGSE701" {
		t.Errorf("VM12PROD after: %+v", v)
	}
}
