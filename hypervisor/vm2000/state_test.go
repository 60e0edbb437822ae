package vm2000

import (
	"fmt"
	"strings"
	"testing"

	"sdfp/interp/handler"
)

// stateInstallation has one VM per state, each with room behind it to
// grow, and a target SU with room for all of them.
const stateInstallation = `
clusters: [{name: CL, units: [SU1, SU2]}]
server-units:
  - name: SU1
    type: /390
    memory: 65536
    monitor: {memory: 1024, min-memory: 512}
    devices: [{mn: D1}, {mn: D2}, {mn: D3}, {mn: D4}, {mn: D5}, {mn: D6}, {mn: D7}, {mn: D8}, {mn: D9}]
    vms:
      - {index: 2, name: INITONLY, state: INIT-ONLY, memory: 1024, min-memory: 512, location: 4096, devices: [D2]}
      - {index: 3, name: RUNNING, state: RUNNING, memory: 1024, min-memory: 512, location: 8192, devices: [D3]}
      - {index: 4, name: STARTING, state: RUNNING, memory: 1024, min-memory: 512, location: 12288, devices: [D4]}
      - {index: 5, name: HELD, state: IN-HOLD, memory: 1024, min-memory: 512, location: 16384, devices: [D5]}
      - {index: 6, name: DOWN, state: DOWN, memory: 1024, min-memory: 512, location: 20480, devices: [D6]}
      - {index: 7, name: MIGR, state: RUNNING, memory: 1024, min-memory: 512, location: 24576, devices: [D7]}
      - {index: 8, name: RECONF, state: RUNNING, memory: 1024, min-memory: 512, location: 28672, devices: [D8]}
  - name: SU2
    type: /390
    memory: 65536
    devices: [{mn: D2}, {mn: D3}, {mn: D4}, {mn: D5}, {mn: D6}, {mn: D7}, {mn: D8}]
`

// stateColumns are the situations of the table, with the VM index.
var stateColumns = []struct {
	name  string
	index int
}{
	{"INIT-ONLY", 2}, {"RUNNING", 3}, {"STARTING", 4}, {"IN-HOLD", 5}, {"DOWN", 6},
	{"RUNNING(MIGR)", 7}, {"RECONFIGURING", 8}, {"MONITOR", 1},
}

// The VM state machine: every command in every situation, accepted
// ("ok"), accepted with nothing to do ("noop", SC2=1) or refused with the
// maincode shown. "-" marks a combination the command syntax excludes.
func TestStateMachine(t *testing.T) {
	table := []struct {
		cmd  string // %d is the VM index
		want string // one entry per stateColumns
	}{
		{"START-VM VM-ID=%d", "ok VMS3010 VMS3010 VMS3010 ok VMS3042 VMS3010 VMS3012"},
		{"START-VM VM-ID=%d,CHECK-VM-STATE=*NO", "ok ok ok ok ok ok ok VMS3012"},
		{"START-VM VM-ID=%d,HOLD=*YES", "ok VMS3010 VMS3010 VMS3010 ok VMS3042 VMS3010 VMS3012"},
		{"HOLD-VM VM-ID=%d", "VMS3010 ok ok noop VMS3010 VMS3042 ok VMS3012"},
		{"RESUME-VM VM-ID=%d", "VMS3010 noop noop ok VMS3010 noop noop VMS3012"},
		{"MOVE-VM VM-ID=%d", "ok ok ok ok ok VMS3042 ok -"},
		{"RESET-VM VM-ID=%d", "noop ok ok ok ok VMS3042 ok VMS3012"},
		{"SHUTDOWN-VM VM-ID=%d", "VMS3010 ok ok VMS3010 noop VMS3042 ok VMS3012"},
		{"DELETE-VM VM-ID=%d", "ok VMS3010 VMS3010 VMS3010 ok VMS3042 VMS3010 VMS3012"},
		{"DELETE-VM VM-ID=%d,CHECK-VM-STATE=*NO", "ok ok ok ok ok ok ok VMS3012"},
		{"ADD-VM-DEVICES UNITS=D9,VM-ID=%d", "ok ok ok ok ok VMS3042 ok ok"},
		{"REMOVE-VM-DEVICES UNITS=*ALL,VM-ID=%d", "ok VMS3010 VMS3010 VMS3010 ok VMS3042 VMS3010 VMS3010"},
		{"REMOVE-VM-DEVICES UNITS=*ALL(CHECK-VM-STATE=*NO),VM-ID=%d", "ok ok ok ok ok VMS3042 ok ok"},
		{"MODIFY-VM-DEVICE-USAGE UNITS=D%[1]d,VM-ID=%[1]d,USAGE=*SHARED", "ok ok ok ok ok VMS3042 ok VMS4033"}, // the monitor has no D1
		{"EXTEND-VM-MEMORY VM-ID=%d,NEW-MEM-SIZE=*MAXIMUM", "ok ok VMS4092 VMS3010 ok VMS3042 VMS4090 ok"},
		{"REDUCE-VM-MEMORY VM-ID=%d", "ok ok VMS4092 VMS3010 ok VMS3042 VMS4090 ok"},
		{"MIGRATE-VM VM-ID=%d,SERVER-UNIT-NAME=SU2", "ok ok ok VMS2461 ok VMS3042 VMS2461 VMS2461"},
		{"CHECK-VM-MIGRATION VM-ID=%d,SERVER-UNIT-NAME=SU2", "ok ok ok VMS2461 ok VMS3042 VMS2461 VMS2461"},
		{"SHOW-VM-ATTRIBUTES VM-ID=%d,INFORMATION=*ALL", "ok ok ok ok ok ok ok ok"},
	}
	for _, row := range table {
		want := strings.Fields(row.want)
		for i, col := range stateColumns {
			if want[i] == "-" {
				continue
			}
			r := newRig(t, stateInstallation).admin()
			r.vm("SU1", "4").guest = GuestStart
			r.ok("MIGRATE-VM VM-ID=7,SERVER-UNIT-NAME=SU2")
			r.ok("REDUCE-VM-MEMORY VM-ID=8")
			cmd := fmt.Sprintf(row.cmd, col.index)
			if got := verdict(r.run(cmd).Result); got != want[i] {
				t.Errorf("%-50s in %-13s: %s, want %s", cmd, col.name, got, want[i])
			}
		}
	}
}

func verdict(res handler.Result) string {
	switch {
	case res.RC == handler.OK:
		return "ok"
	case res.RC == handler.ReturnCode{SC2: 1, Main: "CMD0001"}:
		return "noop"
	}
	return res.RC.Main
}

// Transitions: the state a command leaves a VM in.
func TestStateTransitions(t *testing.T) {
	r := newRig(t, stateInstallation).admin()
	steps := []struct {
		cmd, want string
	}{
		{"START-VM VM-ID=2", "RUNNING"},
		{"HOLD-VM VM-ID=2", "WAIT(SEL)"}, // V:SUSP
		{"RESUME-VM VM-ID=2", "RUNNING"},
		{"SHUTDOWN-VM VM-ID=2", "DOWN"},
		{"START-VM VM-ID=2,HOLD=*YES", "WAIT(SEL)"},
		{"RESET-VM VM-ID=2", "INIT-ONLY"},
	}
	for _, s := range steps {
		r.ok(s.cmd)
		if got := r.vm("SU1", "2").displayState(); got != s.want {
			t.Errorf("after %s: %s, want %s", s.cmd, got, s.want)
		}
	}
	r.ok("DELETE-VM VM-ID=2")
	if r.vm("SU1", "2") != nil || r.m.byName["SU1"].definitions["INITONLY"] != nil {
		t.Error("non-persistent VM not gone")
	}
	// the guest reaches SYSTEM READY after the start-up time
	r.ok("START-VM VM-ID=6")
	if r.vm("SU1", "6").guest != GuestStart {
		t.Error("guest not starting")
	}
	r.clk.Advance(r.m.timing.GuestStart)
	if r.vm("SU1", "6").guest != GuestReady {
		t.Error("guest not SYSTEM READY")
	}
}

// HOLD-VM, RESUME-VM and MOVE-VM do not exist on SU x86. V:HOLD, V:MOVE
func TestX86Refusals(t *testing.T) {
	r := loadTestdata(t, "x86-cluster.yaml").admin()
	for _, cmd := range []string{"HOLD-VM VM-ID=4", "RESUME-VM VM-ID=4", "MOVE-VM VM-ID=4", "START-VM VM-ID=4,CHECK-VM-STATE=*NO,HOLD=*YES", "HOLD-VM VM-ID=*ALL"} {
		if res := r.run(cmd); res.RC != (handler.ReturnCode{SC1: 64, Main: "VMS9004"}) || !strings.HasPrefix(res.Output[0], "% VMS3011") {
			t.Errorf("%s: %v %q", cmd, res.RC, res.Output)
		}
	}
}

// Administrator rights come with BEGIN-VM-DIALOG VM-ID=1 and go with
// END-VM-DIALOG; a VM administrator acts on his own VM only.
func TestDialogs(t *testing.T) {
	r := newRig(t, "")
	if res := r.run("SHOW-VM-ATTRIBUTES VM-ID=2"); res.RC.Main != "VMS1010" || res.SpinOff {
		t.Errorf("outside a dialog: %v spin-off %v", res.RC, res.SpinOff)
	}
	if res := r.run("EXTEND-VM-MEMORY VM-ID=3"); res.RC.Main != "VMS1010" || !res.SpinOff {
		t.Errorf("outside a dialog: %v", res.RC)
	}
	r.ok("BEGIN-VM-DIALOG VM-ID=VM02")
	if res := r.run("BEGIN-VM-DIALOG VM-ID=1"); res.RC.Main != "VMS1014" {
		t.Errorf("second dialog: %v", res.RC)
	}
	r.ok("SHOW-VM-ATTRIBUTES")
	for _, cmd := range []string{"SHOW-VM-ATTRIBUTES VM-ID=3", "EXTEND-VM-MEMORY VM-ID=2", "SHOW-VM-RESOURCES"} {
		if res := r.run(cmd); res.RC.Main != "VMS1011" {
			t.Errorf("VM administrator %s: %v", cmd, res.RC)
		}
	}
	r.ok("END-VM-DIALOG")
	other := *r
	other.task = testTask{"2C3D", "E"}
	other.admin()
	if res := r.run("SHOW-VM-ATTRIBUTES VM-ID=2"); res.RC.Main != "VMS1010" {
		t.Errorf("dialog of another task used: %v", res.RC)
	}
	if res := r.run("END-VM-DIALOG"); res.RC.Main != "VMS1010" {
		t.Errorf("END-VM-DIALOG without a dialog: %v", res.RC)
	}
}
