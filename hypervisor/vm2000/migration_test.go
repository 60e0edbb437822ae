package vm2000

import (
	"strings"
	"testing"
	"time"
)

// Seed 001 and the whitepaper's example: a live migration on SU /390,
// phase by phase, with the console lines in order, the states shown and
// the MONJV at each phase.
func TestMigration390Phases(t *testing.T) {
	r := newRig(t, "").admin()
	res := r.ok("MIGRATE-VM VM-ID=VM12PROD,SERVER-UNIT-NAME=ABGSE701,MONJV=MONJV.LM.VM12PROD")
	if len(res.Output) != 0 {
		t.Errorf("output %q", res.Output)
	}
	src, tgt := r.m.byName["ABGSE501"], r.m.byName["ABGSE701"]
	vm := src.vms[12]
	step := func(wantStatus, wantSource, wantTarget string) {
		t.Helper()
		if got := r.jvStatus("MONJV.LM.VM12PROD"); got != wantStatus {
			t.Errorf("MONJV %q, want %q", got, wantStatus)
		}
		if got := src.vms[12]; got == nil && wantSource != "" || got != nil && got.displayState() != wantSource {
			t.Errorf("source state %v, want %q", got, wantSource)
		}
		if got := tgt.vms[12]; got == nil && wantTarget != "" || got != nil && got.displayState() != wantTarget {
			t.Errorf("target state %v, want %q", got, wantTarget)
		}
	}
	step("$S ", "RUNNING(MIGR)", "")
	if res := r.ok("SHOW-VM-ATTRIBUTES VM-ID=12"); field(t, res.Records[0], "STATE") != "RUNNING(MIGR)" {
		t.Errorf("SHOW state %v", res.Records[0])
	}
	for _, cmd := range []string{"EXTEND-VM-MEMORY VM-ID=12,NEW-MEM-SIZE=*MAXIMUM", "HOLD-VM VM-ID=12", "RESET-VM VM-ID=12",
		"SHUTDOWN-VM VM-ID=12", "ADD-VM-DEVICES UNITS=4684,VM-ID=12", "MOVE-VM VM-ID=12", "DELETE-VM VM-ID=12",
		"MIGRATE-VM VM-ID=12,SERVER-UNIT-NAME=ABGSE701"} {
		if res := r.run(cmd); res.RC.Main != "VMS3042" {
			t.Errorf("%s during migration: %v %q", cmd, res.RC, res.Output)
		}
	}
	at := func(want time.Duration) {
		t.Helper()
		if got := r.clk.Elapsed(); got != want {
			t.Errorf("phase at %v, want %v", got, want)
		}
	}
	r.clk.Step()
	at(2 * time.Second)
	step("$R ", "RUNNING(MIGR)", "SETUP(MIGR)")
	if vm.migration.phase != PhaseSetup {
		t.Errorf("phase %v", vm.migration.phase)
	}
	// on the target the VM is hands-off as well
	target := *r
	target.task = testTask{"7E57", "E"}
	if err := r.m.SetLocalSU("ABGSE701"); err != nil {
		t.Fatal(err)
	}
	target.admin()
	if res := target.run("START-VM VM-ID=12,CHECK-VM-STATE=*NO"); res.RC.Main != "VMS3042" {
		t.Errorf("START-VM on the target: %v", res.RC)
	}
	if res := target.ok("SHOW-VM-ATTRIBUTES VM-ID=VM12PROD"); field(t, res.Records[0], "STATE") != "SETUP(MIGR)" {
		t.Errorf("target state %v", res.Records[0])
	}
	r.clk.Step()
	at(2*time.Second + 2800*time.Millisecond) // 2048 MB at 1024 MB/s, load 0.2 * dirty factor 2
	step("$R ", "RUNNING(MIGR)", "SETUP(MIGR)")
	r.clk.Step()
	step("$T ", "", "RUNNING")
	if r.clk.Pending() != 0 {
		t.Errorf("%d events left", r.clk.Pending())
	}
	wantLines(t, filter(r.consoleSince(1), "% VMS1013"), "ABGSE701: % VMS1013 ADMINISTRATION DIALOG WITH VIRTUAL MACHINE (1,MONITOR) OPENED BY TSN '7E57'")
	wantLines(t, without(r.consoleSince(0), "% VMS1013"),
		"ABGSE501: % VMS2450 LIVE MIGRATION OF VM (12,VM12PROD) TO TARGET SU 'ABGSE701' STARTED",
		"VM12PROD: % ETMDR01 DYNAMIC RECONFIGURATION WITH FUNCTION 'MIGRATE' STARTED",
		"VM12PROD: % MCS1002 GLOBAL MSCF CONFIGURATION PARAMETER 'RECOVERY-START' CHANGED FROM '*AUTOMATIC' TO 'LOCKED'",
		"ABGSE701: % VMS2430 LIVE MIGRATION OF VM (12,VM12PROD) FROM SOURCE SU 'ABGSE501' STARTED",
		"ABGSE701: % VMS3050 VIRTUAL MACHINE (12,VM12PROD) CREATED",
		"ABGSE701: % VMS4005 DEVICE 'CS' ASSIGNED TO VIRTUAL MACHINE (12,VM12PROD)",
		"ABGSE701: % VMS4005 DEVICE 'FAA5' ASSIGNED TO VIRTUAL MACHINE (12,VM12PROD) (TYPE=SD)",
		"ABGSE701: % VMS4005 DEVICE '4683' ASSIGNED TO VIRTUAL MACHINE (12,VM12PROD)",
		"ABGSE501: % VMS2452 VM (12,VM12PROD) SUSPENDED AT LIVE MIGRATION TO TARGET SU 'ABGSE701'",
		"ABGSE701: % VMS2432 VM (12,VM12PROD) RESUMED AT LIVE MIGRATION FROM SOURCE SU 'ABGSE501'",
		"ABGSE701: % VMS2431 LIVE MIGRATION OF VM (12,VM12PROD) FROM SOURCE SU 'ABGSE501' COMPLETED",
		"ABGSE501: % VMS4009 DEVICE 'CS' REMOVED FROM VIRTUAL MACHINE (12,VM12PROD)",
		"ABGSE501: % VMS4009 DEVICE 'FAA5' REMOVED FROM VIRTUAL MACHINE (12,VM12PROD)",
		"ABGSE501: % VMS4009 DEVICE '4683' REMOVED FROM VIRTUAL MACHINE (12,VM12PROD)",
		"ABGSE501: % VMS4024 VIRTUAL MACHINE (12,VM12PROD) TERMINATED",
		"ABGSE501: % VMS2451 LIVE MIGRATION OF VM (12,VM12PROD) TO TARGET SU 'ABGSE701' COMPLETED")
	moved := tgt.vms[12]
	if !moved.persistent || moved.size != 2048 || len(moved.devices) != 3 || src.devices["4683"].conflict(usageExclusive) != nil {
		t.Errorf("after the migration: %+v", moved)
	}
	if src.used != 64+4096+4096+4096 {
		t.Errorf("source memory in use %d", src.used)
	}
	// the MONJV byte layout and its release
	v, _ := r.jvs.Read("MONJV.LM.VM12PROD", "")
	want := "$T 0    A501    V0012025-03-01080000" + strings.Repeat(" ", 34) + "VM12PROD012ABGSE501ABGSE701"
	if !strings.HasPrefix(v, want) || len(v) != systemPartLength {
		t.Errorf("MONJV\n%q\nwant prefix\n%q", v, want)
	}
	if err := r.jvs.Delete("MONJV.LM.VM12PROD", ""); err != nil {
		t.Errorf("MONJV still protected: %v", err)
	}
	// a dialog bound to the VM on the source is gone with it
	if r.m.byName["ABGSE501"].byName["VM12PROD"] != nil {
		t.Error("VM still on the source")
	}
}

// Seed 001, SU x86: the carrier system's messages; a locally emulated
// disk is detached (VMS2471) and stays detached, so the MONJV says $TW.
func TestMigrationX86Phases(t *testing.T) {
	r := loadTestdata(t, "x86-cluster.yaml").admin()
	r.task.lang = "E"
	res := r.ok("MIGRATE-VM VM-ID=VM04X86,SERVER-UNIT-NAME=*UNIQUE,MONJV=LM.X86")
	wantLines(t, res.Output, "% VMS2471 DEVICE 'E100' OF VM (4,VM04X86) IS DETACHED DURING LIVE MIGRATION")
	r.drain()
	wantLines(t, r.consoleSince(1),
		"ABGX8601: % VMS2450 LIVE MIGRATION OF VM (4,VM04X86) TO TARGET SU 'ABGX8602' STARTED",
		"ABGX8602: % VMS6020 VIRTUAL MACHINE (4,VM04X86) SET UP BY THE CARRIER SYSTEM",
		"VM04X86: % HAL0331 SYSTEM SUSPENDED FOR LIVE MIGRATION",
		"VM04X86: % HAL0332 SYSTEM RESUMED AFTER LIVE MIGRATION",
		"ABGX8601: % VMS6021 VIRTUAL MACHINE (4,VM04X86) DELETED BY THE CARRIER SYSTEM",
		"ABGX8601: % VMS2451 LIVE MIGRATION OF VM (4,VM04X86) TO TARGET SU 'ABGX8602' COMPLETED")
	if got := r.jvStatus("LM.X86"); got != "$TW" {
		t.Errorf("MONJV %q, want $TW", got)
	}
	vm := r.vm("ABGX8602", "4")
	if vm == nil || vm.state != StateRunning || len(vm.devices) != 2 {
		t.Fatalf("target VM %+v", vm)
	}
	if d := r.m.byName["ABGX8601"].devices["E100"]; len(d.assigned) != 0 {
		t.Error("E100 still assigned on the source")
	}
	// HOLD-VM does not exist on x86
	if res := r.run("HOLD-VM VM-ID=6"); res.RC.Main != "VMS9004" || !strings.Contains(res.Output[0], "VMS3011") {
		t.Errorf("HOLD-VM on x86: %v %q", res.RC, res.Output)
	}
}

// An abort in the transfer phase undoes everything: the VM set up on the
// target goes away, the detached tape comes back, the VM runs on.
func TestMigrationAbortRollsBack(t *testing.T) {
	r := loadTestdata(t, "migration-abort.yaml").admin()
	r.task.lang = "E"
	res := r.ok("MIGRATE-VM VM-ID=12,SERVER-UNIT-NAME=ABGSE701,MONJV=LM.ABORT")
	wantLines(t, res.Output, "% VMS2471 DEVICE 'T0' OF VM (12,VM12PROD) IS DETACHED DURING LIVE MIGRATION")
	src, tgt := r.m.byName["ABGSE501"], r.m.byName["ABGSE701"]
	freeBefore := tgt.freeMemory()
	r.clk.Step() // setup
	if _, ok := src.vms[12].devices["T0"]; ok {
		t.Error("tape not detached during the migration")
	}
	from := len(r.con.Lines())
	r.drain()
	wantLines(t, r.consoleSince(from),
		"ABGSE701: % VMS4009 DEVICE 'CS' REMOVED FROM VIRTUAL MACHINE (12,VM12PROD)",
		"ABGSE701: % VMS4009 DEVICE '4683' REMOVED FROM VIRTUAL MACHINE (12,VM12PROD)",
		"ABGSE701: % VMS4024 VIRTUAL MACHINE (12,VM12PROD) TERMINATED",
		"ABGSE701: % VMS2433 LIVE MIGRATION OF VM (12,VM12PROD) FROM SOURCE SU 'ABGSE501' ABORTED. REASON: VMS2454",
		"ABGSE501: % VMS2453 LIVE MIGRATION OF VM (12,VM12PROD) TO TARGET SU 'ABGSE701' ABORTED. REASON: VMS2454")
	vm := src.vms[12]
	if vm == nil || vm.displayState() != "RUNNING" || len(vm.devices) != 3 || tgt.vms[12] != nil {
		t.Fatalf("after the abort: source %+v, target %v", vm, tgt.vms[12])
	}
	if tgt.freeMemory() != freeBefore || len(tgt.devices["4683"].assigned) != 0 || src.devices["T0"].conflict(usageExclusive) != vm {
		t.Error("resources not given back")
	}
	v, _ := r.jvs.Read("LM.ABORT", "")
	if v[:3] != "$AE" || v[97:104] != "VMS2454" {
		t.Errorf("MONJV %q", v)
	}
	// and the VM can be administered again
	r.ok("HOLD-VM VM-ID=12")
}

// START-VM CHECK-VM-STATE=*NO on the source ends a running migration
// (I: the command is not among those V:NALLOW refuses on the source).
func TestMigrationAbortedByRestart(t *testing.T) {
	r := newRig(t, "").admin()
	r.ok("MIGRATE-VM VM-ID=12,SERVER-UNIT-NAME=ABGSE701,MONJV=LM.X")
	r.clk.Step()
	if res := r.run("START-VM VM-ID=12"); res.RC.Main != "VMS3042" {
		t.Errorf("START-VM *YES during migration: %v", res.RC)
	}
	r.ok("START-VM VM-ID=12,CHECK-VM-STATE=*NO")
	if r.jvStatus("LM.X") != "$AE" || r.vm("ABGSE701", "12") != nil || r.vm("ABGSE501", "12").migration != nil {
		t.Error("migration not aborted")
	}
	if r.clk.Pending() != 1 { // only SYSTEM READY of the restarted guest
		t.Errorf("%d events pending", r.clk.Pending())
	}
}

// Every prerequisite violation is reported, then VMS2461.
func TestMigrationCheckReasons(t *testing.T) {
	r := newRig(t, `
clusters: [{name: CL, units: [SU1, SU2]}]
server-units:
  - name: SU1
    type: /390
    memory: 16384
    devices: [{mn: "4683"}, {mn: "4690"}, {mn: T1, kind: tape}, {mn: AL, kind: alias}]
    vms:
      - {index: 2, name: BIG, memory: 8000, min-memory: 4000, devices: ["4683", "4690", T1, AL]}
      - {index: 3, name: HELD, state: IN-HOLD, memory: 512}
  - name: SU2
    type: /390
    memory: 8192
    devices: [{mn: "4683"}]
    vms:
      - {index: 2, name: OTHER, memory: 1024, devices: ["4683"]}
`).admin()
	res := r.run("CHECK-VM-MIGRATION VM-ID=BIG")
	wantLines(t, res.Output,
		"% VMS2404 LIVE MIGRATION OF VM (2,BIG) REJECTED BY TARGET SU 'SU2'. REASON: VMS4011",
		"% VMS2404 LIVE MIGRATION OF VM (2,BIG) REJECTED BY TARGET SU 'SU2'. REASON: VMS4504",
		"% VMS2404 LIVE MIGRATION OF VM (2,BIG) REJECTED BY TARGET SU 'SU2'. REASON: VMS2437,4683",
		"% VMS2404 LIVE MIGRATION OF VM (2,BIG) REJECTED BY TARGET SU 'SU2'. REASON: VMS4034,4690",
		"% VMS2471 DEVICE 'AL' OF VM (2,BIG) IS DETACHED DURING LIVE MIGRATION",
		"% VMS2471 DEVICE 'T1' OF VM (2,BIG) IS DETACHED DURING LIVE MIGRATION",
		"% VMS2461 LIVE MIGRATION OF VM (2,BIG) TO TARGET SU 'SU2' NOT POSSIBLE")
	res = r.run("CHECK-VM-MIGRATION VM-ID=HELD,SERVER-UNIT-NAME=SU2")
	wantLines(t, res.Output,
		"% VMS3010 VIRTUAL MACHINE (3,HELD) IN STATE 'WAIT(SEL)'. /CHECK-VM-MIGRATION REJECTED",
		"% VMS2461 LIVE MIGRATION OF VM (3,HELD) TO TARGET SU 'SU2' NOT POSSIBLE")
	res = r.run("CHECK-VM-MIGRATION VM-ID=1,SERVER-UNIT-NAME=SU2")
	wantLines(t, res.Output, // the monitor VM: no target is asked (V:RESTR)
		"% VMS3012 /CHECK-VM-MIGRATION NOT ALLOWED FOR THE MONITOR VM",
		"% VMS2461 LIVE MIGRATION OF VM (1,MONITOR) TO TARGET SU 'SU2' NOT POSSIBLE")
	for cmd, main := range map[string]string{
		"CHECK-VM-MIGRATION VM-ID=1":                          "VMS2461", // monitor VM
		"CHECK-VM-MIGRATION VM-ID=9":                          "VMS4000",
		"CHECK-VM-MIGRATION VM-ID=2,SERVER-UNIT-NAME=NOSUCH":  "VMS2400",
		"CHECK-VM-MIGRATION VM-ID=2,SERVER-UNIT-NAME=SU1":     "VMS2342",
		"MIGRATE-VM VM-ID=HELD,SERVER-UNIT-NAME=SU2":          "VMS2461",
		"MIGRATE-VM-DEFINITION VM-NAME=NODEF,SERVER-UNIT=SU2": "VMS2300",
	} {
		if res := r.run(cmd); res.RC.Main != main {
			t.Errorf("%s: %v %q, want %s", cmd, res.RC, res.Output, main)
		}
	}
}
