package vm2000

import (
	"fmt"
	"strings"
	"testing"

	"sdfp/interp/handler"
)

// screens are what the SHOW commands of every server unit print and give
// as structured output, the way an operator sees the VM2000.
func (r *rig) screens() string {
	r.t.Helper()
	var b strings.Builder
	for _, su := range r.m.units {
		task := testTask{"S" + su.name[len(su.name)-3:], "E"}
		if err := r.m.SetTaskSU(task.id, su.name); err != nil {
			r.t.Fatal(err)
		}
		if res := r.runAs("BEGIN-VM-DIALOG VM-ID=1", task); res.RC != handler.OK {
			r.t.Fatalf("%s: %v", su.name, res.Output)
		}
		for _, cmd := range []string{
			"SHOW-VM-STATUS VM-ID=*ALL,INFORMATION=*ALL",
			"SHOW-VM-ATTRIBUTES VM-ID=*VM2000,INFORMATION=*ALL",
			"SHOW-VM-DEFINITION INFORMATION=*ALL",
			"SHOW-VM-RESOURCES INFORMATION=*ALL",
			"SHOW-VM-GROUP INFORMATION=*ALL",
			"SHOW-VM-CPU-POOL",
			"SHOW-VM-ASSIGNMENT-SET",
		} {
			res := r.runAs(cmd, task)
			fmt.Fprintf(&b, "%s /%s %v\n", su.name, cmd, res.RC)
			for _, l := range res.Output {
				b.WriteString("  " + l + "\n")
			}
			for _, rec := range res.Records {
				fmt.Fprintf(&b, "  rec %v\n", rec)
			}
		}
		r.runAs("END-VM-DIALOG", task)
	}
	return b.String()
}

// continued is the model a continued run starts with: the snapshot
// written as --continue saves it and loaded again, on the same clock time
// and the JV files the run wrote.
func (r *rig) continued() *rig {
	r.t.Helper()
	if err := r.jvs.Flush(); err != nil {
		r.t.Fatal(err)
	}
	text, err := MarshalInstallation(r.m.Snapshot())
	if err != nil {
		r.t.Fatal(err)
	}
	inst, err := LoadInstallation("vm2000.yaml", text)
	if err != nil {
		r.t.Fatalf("%v\n%s", err, text)
	}
	return newRigOn(r.t, inst, r.clk.Now(), r.fs)
}

// TestContinuedScreens: a run that leaves its VMs in many different
// states hands a continued run a VM2000 whose screens are the same.
func TestContinuedScreens(t *testing.T) {
	r := newRig(t, "").admin()
	vmAdmin := testTask{"VMA1", "E"}
	for _, cmd := range []string{
		"CREATE-VM MEMORY-SIZE=1024,MIN-MEMORY-SIZE=512,VM-NAME=NEWVM,VM-INDEX=7,CPU-QUOTA=2.5,MAX-CPU-UTILIZATION=40,MAX-IO-UTILIZATION=60,PASSWORD=C'SECRET',PERSISTENT=*YES,MONJV=JV.NEWVM",
		"CREATE-VM MEMORY-SIZE=512,VM-NAME=IDLEVM",
		"SHUTDOWN-VM VM-ID=VM03",
		"HOLD-VM VM-ID=2",
		"HOLD-VM VM-ID=*ALL",
		"START-VM VM-ID=NEWVM",
		"MODIFY-VM-ATTRIBUTES VM-ID=VM12PROD,CPU-QUOTA=3.5,MAX-CPU-UTILIZATION=80",
		"CREATE-VM-CPU-POOL CPU-POOL-NAME=PROD",
		"CREATE-VM-GROUP VM-GROUP-NAME=GRP1,CPU-QUOTA=4,MAX-CPU-UTILIZATION=90",
		"ADD-VM-DEVICES VM-ID=NEWVM,UNITS=T0",
		"CREATE-VM-DEFINITION VM-NAME=DEFVM,VM-INDEX=9,MEMORY-SIZE=256,UNITS=4685",
		"CREATE-VM-DEFINITION VM-NAME=DEFANY,MEMORY-SIZE=512,CPU-POOL=PROD,PASSWORD=C'DEFPW'",
		"ASSIGN-VM-TO-CPU-POOL VM-ID=IDLEVM,TO-CPU-POOL=PROD,CPU-QUOTA=1.5",
		"ADD-VM-TO-VM-GROUP VM-ID=NEWVM,VM-GROUP-NAME=GRP1,MEMBER-CPU-QUOTA=2",
		"ADD-VM-DEVICES VM-ID=1,UNITS=FAA5,USAGE=*SHARED",
		"MODIFY-VM-ATTRIBUTES VM-ID=1,CPU-QUOTA=20,MAX-IO-UTILIZATION=90",
		"REDUCE-VM-MEMORY VM-ID=1",
		"EXTEND-VM-MEMORY VM-ID=VM03,NEW-MEMORY-SIZE=*MAXIMUM",
		"MOVE-VM VM-ID=IDLEVM,LOCATION=*MEMORY-END",
	} {
		if res := r.run(cmd); res.RC.Main != "CMD0001" {
			t.Fatalf("%s: %v %q", cmd, res.RC, res.Output)
		}
	}
	// VM12PROD's own administrator holds it too: WAIT(GLB) over WAIT(VMA)
	for _, cmd := range []string{"BEGIN-VM-DIALOG VM-ID=12", "HOLD-VM"} {
		if res := r.runAs(cmd, vmAdmin); res.RC.Main != "CMD0001" {
			t.Fatalf("%s: %v %q", cmd, res.RC, res.Output)
		}
	}
	r.drain()
	r.ok("REMOVE-VM-DEVICES VM-ID=VM03,UNITS=(C3,4685)")
	r.ok("MIGRATE-VM VM-ID=VM03,SERVER-UNIT-NAME=ABGSE701")
	r.drain()
	before := r.screens()
	c := r.continued().admin()
	if after := c.screens(); before != after {
		t.Errorf("the continued run's screens differ:\n%s", lineDiff(before, after))
	}
	// and the continued VM2000 goes on as the first would have: the wait
	// states beneath come to light one by one, the MONJV is written
	follow := []string{"RESUME-VM VM-ID=12", "RESUME-VM VM-ID=*ALL", "RESUME-VM VM-ID=2", "SHUTDOWN-VM VM-ID=NEWVM",
		"RESUME-VM VM-ID=12", "START-VM VM-ID=IDLEVM"}
	for _, cmd := range follow {
		want, got := r.run(cmd), c.run(cmd)
		if fmt.Sprint(want.RC, want.Output) != fmt.Sprint(got.RC, got.Output) {
			t.Errorf("%s: continued %v %q, want %v %q", cmd, got.RC, got.Output, want.RC, want.Output)
		}
	}
	if j, err := c.jvs.Read("JV.NEWVM", ""); err != nil || !strings.Contains(j, "NTERM") {
		t.Errorf("the continued VM2000 did not write NEWVM's MONJV: %q %v", j, err)
	}
	r.drain()
	c.drain()
	if before, after := r.screens(), c.screens(); before != after {
		t.Errorf("after the same commands the screens differ:\n%s", lineDiff(before, after))
	}
}

// TestContinuedGuestStart: a guest whose start a run's time limit cut
// off is still starting in the continued run and gets to SYSTEM READY
// there; one a fault keeps from it never does.
func TestContinuedGuestStart(t *testing.T) {
	r := newRig(t, `
server-units:
  - name: SU1
    type: /390
    memory: 32768
    monitor: {name: MONITOR, memory: 4096}
    vms:
      - {index: 2, name: VM02, memory: 1024, state: INIT-ONLY}
      - {index: 3, name: VM03, memory: 1024, state: INIT-ONLY}
faults:
  - guest-never-ready: {vm: VM03}
`).admin()
	r.ok("START-VM VM-ID=2")
	r.ok("START-VM VM-ID=3")
	text, _ := MarshalInstallation(r.m.Snapshot())
	if !strings.Contains(string(text), "guest: START") {
		t.Fatalf("the snapshot lacks the starting guests:\n%s", text)
	}
	c := r.continued().admin()
	status := func() string { return strings.Join(c.ok("SHOW-VM-STATUS VM-ID=*ALL").Output, "\n") }
	if s := status(); strings.Count(s, "START") != 2 {
		t.Fatalf("continued:\n%s", s)
	}
	c.drain()
	if s := status(); !strings.Contains(s, "VM02     RUNNING         READY") || !strings.Contains(s, "VM03     RUNNING         START") {
		t.Errorf("after the guest start time:\n%s", s)
	}
}

// lineDiff lists the lines of a and b that differ, position by position.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out strings.Builder
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			fmt.Fprintf(&out, "- %s\n+ %s\n", x, y)
		}
	}
	return out.String()
}
