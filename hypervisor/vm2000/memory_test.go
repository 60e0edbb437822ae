package vm2000

import (
	"strings"
	"testing"
)

// A second EXTEND/REDUCE for the same VM is refused while one runs; the
// planned size shows in SHOW-VM-ATTRIBUTES meanwhile. V:EXT, V:RECONF
func TestReconfigurationRunning(t *testing.T) {
	r := newRig(t, "").admin()
	res := r.ok("EXTEND-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=6144,MONJV=JV.X")
	wantLines(t, res.Output, "% VMS4093 MAIN MEMORY RECONFIGURATION OF VIRTUAL MACHINE (3,VM03) FROM 4096 MB TO 6144 MB STARTED")
	for _, cmd := range []string{"EXTEND-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=8192", "REDUCE-VM-MEMORY VM-ID=3"} {
		if res := r.run(cmd); res.RC.Main != "VMS4090" {
			t.Errorf("%s: %v", cmd, res.RC)
		}
	}
	rec := r.ok("SHOW-VM-ATTRIBUTES VM-ID=VM03,INFORMATION=*MEMORY").Records[0]
	if field(t, rec, "PLAN-MEM-SIZE") != "6144" || field(t, rec, "RECONF") != "*EXTEND" || field(t, rec, "MEM-SIZE") != 4096 {
		t.Errorf("while extending: %v", rec)
	}
	r.drain()
	rec = r.ok("SHOW-VM-ATTRIBUTES VM-ID=VM03,INFORMATION=*MEMORY").Records[0]
	if field(t, rec, "PLAN-MEM-SIZE") != "*NONE" || field(t, rec, "MEM-SIZE") != 6144 || field(t, rec, "MIN-MEM-SIZE") != "2048" {
		t.Errorf("after: %v", rec)
	}
	// NEW-MIN-MEMORY-SIZE=*MAXIMUM makes the new size the minimum
	r.ok("EXTEND-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=*UNCHANGED,NEW-MIN-MEMORY-SIZE=*MAXIMUM")
	r.drain()
	if vm := r.vm("ABGSE501", "3"); vm.min != 6144 {
		t.Errorf("min %d", vm.min)
	}
}

// Size rules: granularity, bounds, free memory. V:MEM390, V:MEMX86
func TestReconfigurationSizes(t *testing.T) {
	r := loadTestdata(t, "x86-cluster.yaml").admin()
	r.task.lang = "E"
	for cmd, want := range map[string]string{
		"REDUCE-VM-MEMORY VM-ID=4,NEW-MEM-SIZE=5001":  "CONDITION: MOD 2 = 0",
		"REDUCE-VM-MEMORY VM-ID=4,NEW-MEM-SIZE=2048":  "CONDITION: >= 4096",
		"REDUCE-VM-MEMORY VM-ID=4,NEW-MEM-SIZE=9000":  "CONDITION: <= 8192",
		"EXTEND-VM-MEMORY VM-ID=4,NEW-MEM-SIZE=20000": "CONDITION: <= 16384",
		"EXTEND-VM-MEMORY VM-ID=4,NEW-MEM-SIZE=6000":  "CONDITION: >= 8192",
		"EXTEND-VM-MEMORY VM-ID=4,NEW-MIN-MEM=9000":   "CONDITION: <= 8192",
		"REDUCE-VM-MEMORY VM-ID=1,NEW-MEM-SIZE=1000":  "CONDITION: >= 1024",
	} {
		res := r.run(cmd)
		if res.RC.Main != "VMS4091" || !strings.Contains(res.Output[0], want) {
			t.Errorf("%s: %v %q, want %s", cmd, res.RC, res.Output, want)
		}
	}
	// /390: an extension needs free memory behind the VM
	r = newRig(t, "").admin()
	if res := r.run("EXTEND-VM-MEMORY VM-ID=2,NEW-MEM-SIZE=5000"); res.RC.Main != "VMS4504" || res.RC.SC1 != 128 {
		t.Errorf("no room behind VM 2: %v %q", res.RC, res.Output)
	}
	// MOVE-VM to the end of memory makes room
	r.ok("MOVE-VM VM-ID=2,LOCATION=*MEMORY-END")
	if vm := r.vm("ABGSE501", "2"); vm.location != 65536-4096 {
		t.Errorf("location %d", vm.location)
	}
	if res := r.run("EXTEND-VM-MEMORY VM-ID=2,NEW-MEM-SIZE=5000"); res.RC.Main != "VMS4504" {
		t.Errorf("VM 2 at the very end still grew: %v", res.RC)
	}
	r.ok("MOVE-VM VM-ID=2,LOCATION=*AFTER-VM(VM-ID=3)")
	r.ok("EXTEND-VM-MEMORY VM-ID=2,NEW-MEM-SIZE=5000")
}

// x86: the extension is assigned in steps and stops part way when the
// carrier system fails (fault extend-stops): VMS4095, MONJV $A, the VM
// keeps what it got. S seed 003
func TestX86PartialExtension(t *testing.T) {
	r := loadTestdata(t, "x86-cluster.yaml").admin()
	su := r.m.byName["ABGX8601"]
	free := su.freeMemory()
	r.ok("EXTEND-VM-MEMORY VM-ID=VM06X86,NEW-MEM-SIZE=*MAXIMUM,MONJV=JV.X86")
	if su.freeMemory() != free-(12288-4096) {
		t.Errorf("extension not reserved: %d", free-su.freeMemory())
	}
	steps := 0
	for r.clk.Step() {
		steps++
	}
	if steps != 3 {
		t.Errorf("%d steps, want 3 of 1024 MB", steps)
	}
	vm := r.vm("ABGX8601", "6")
	if vm.size != 7000 || r.jvStatus("JV.X86") != "$A " || su.freeMemory() != free-(7000-4096) {
		t.Errorf("size %d, MONJV %q, free %d", vm.size, r.jvStatus("JV.X86"), su.freeMemory())
	}
	wantLines(t, filter(r.consoleSince(0), "VMS409"),
		"ABGX8601: % VMS4095 MAIN MEMORY RECONFIGURATION OF VIRTUAL MACHINE (6,VM06X86) ABORTED OR ONLY PARTIALLY EXECUTED. MEMORY SIZE: 7000 MB. CAUSE: *PARTIAL")
	v, _ := r.jvs.Read("JV.X86", "")
	if got := v[81:96]; got != " 7000 2048 7000" {
		t.Errorf("MONJV sizes %q", got)
	}
}

// Aborts: shutdown, RESET-VM, DELETE-VM and START-VM CHECK-VM-STATE=*NO
// end a running reconfiguration with VMS4095 and $A. START-VM uses the
// new size after EXTEND and the old size after REDUCE. V:RECONF, V:EXT, V:RED
func TestReconfigurationAborts(t *testing.T) {
	cases := []struct {
		start, abort string
		wantSize     int
		cause        string
	}{
		{"EXTEND-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=8192,MONJV=JV.A", "SHUTDOWN-VM VM-ID=3", 8192, "/SHUTDOWN-VM"},
		{"EXTEND-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=8192,MONJV=JV.A", "START-VM VM-ID=3,CHECK-VM-STATE=*NO", 8192, "/START-VM"},
		{"REDUCE-VM-MEMORY VM-ID=3,MONJV=JV.A", "START-VM VM-ID=3,CHECK-VM-STATE=*NO", 4096, "/START-VM"},
		{"REDUCE-VM-MEMORY VM-ID=3,MONJV=JV.A", "RESET-VM VM-ID=3", 4096, "/RESET-VM"},
		{"REDUCE-VM-MEMORY VM-ID=3,MONJV=JV.A", "DELETE-VM VM-ID=3,CHECK-VM-STATE=*NO", 0, "/DELETE-VM"},
	}
	for _, tc := range cases {
		r := newRig(t, "").admin()
		r.ok(tc.start)
		r.clk.Step() // the first phase: VM2000's part of an extension is done
		r.ok(tc.abort)
		msgs := filter(r.consoleSince(0), "VMS4095")
		if len(msgs) != 1 || !strings.HasSuffix(msgs[0], "CAUSE: "+tc.cause) || r.jvStatus("JV.A") != "$A " {
			t.Errorf("%s / %s: %q, MONJV %q", tc.start, tc.abort, msgs, r.jvStatus("JV.A"))
		}
		vm := r.vm("ABGSE501", "3")
		if vm != nil && (vm.size != tc.wantSize || vm.reconfig != nil) || vm == nil && tc.wantSize != 0 {
			t.Errorf("%s / %s: VM %+v", tc.start, tc.abort, vm)
		}
		r.drain()
		if n := len(filter(r.consoleSince(0), "VMS409")); n != 1 {
			t.Errorf("%s / %s: %d end messages", tc.start, tc.abort, n)
		}
	}
}

// START-VM of an inactive VM during an extension: the IPL uses the new
// size and the extension completes.
func TestStartDuringExtension(t *testing.T) {
	r := newRig(t, "").admin()
	r.ok("SHUTDOWN-VM VM-ID=3")
	r.ok("EXTEND-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=8192")
	r.ok("START-VM VM-ID=3")
	if vm := r.vm("ABGSE501", "3"); vm.occupied() != 8192 || vm.reconfig == nil {
		t.Errorf("occupied %d", vm.occupied())
	}
	r.drain()
	if vm := r.vm("ABGSE501", "3"); vm.size != 8192 || vm.guest != GuestReady {
		t.Errorf("size %d guest %v", vm.size, vm.guest)
	}
	// MOVE-VM during a reduction moves the old size
	r.ok("REDUCE-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=4096")
	r.ok("MOVE-VM VM-ID=3,LOCATION=*MEMORY-END")
	if vm := r.vm("ABGSE501", "3"); vm.location != 65536-8192 {
		t.Errorf("moved to %d", vm.location)
	}
	r.drain()
}

// A guest that never reaches SYSTEM READY cannot be reconfigured, and
// SHOW-VM-ATTRIBUTES says so with MIN-MEM-SIZE *UNDEF.
func TestGuestNeverReady(t *testing.T) {
	r := loadTestdata(t, "migration-abort.yaml").admin()
	r.ok("START-VM VM-ID=VM02,CHECK-VM-STATE=*NO")
	r.drain()
	if res := r.run("REDUCE-VM-MEMORY VM-ID=2"); res.RC.Main != "VMS4092" {
		t.Errorf("not ready: %v", res.RC)
	}
	rec := r.ok("SHOW-VM-ATTRIBUTES VM-ID=2,INF=*MEMORY").Records[0]
	if field(t, rec, "MIN-MEM-SIZE") != "*UNDEF" || field(t, rec, "GUEST-STATE") != "START" {
		t.Errorf("record %v", rec)
	}
	// shut down, the VM can be reconfigured again
	r.ok("SHUTDOWN-VM VM-ID=2")
	r.ok("REDUCE-VM-MEMORY VM-ID=2")
}
