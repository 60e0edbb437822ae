package vm2000

import (
	"testing"

	"sdfp/hypervisor/msg"
)

// receivingTask is a test task that takes free-running messages.
type receivingTask struct {
	testTask
	got *[]string
}

func (t receivingTask) Receive(m msg.Message) {
	*t.got = append(*t.got, msg.Default().Render(m, t.lang))
}

// VM2000 messages reach the VM2000 administrators of the server unit
// they belong to: each side of a migration its own (V:PHA), and a
// message a command causes comes after the command's own output.
func TestMessagesReachAdministratorsOfTheirSU(t *testing.T) {
	r := newRig(t, "")
	var source, target, guestAdmin []string
	r.task = testTask{"0001", "E"}
	r.m.taskSU["0001"] = r.m.byName["ABGSE501"]
	r.task2("0001", &source).ok("BEGIN-VM-DIALOG VM-ID=1")
	if err := r.m.SetTaskSU("0002", "abgse701"); err != nil {
		t.Fatal(err)
	}
	r.task2("0002", &target).ok("BEGIN-VM-DIALOG VM-ID=1")
	r.task2("0003", &guestAdmin).ok("BEGIN-VM-DIALOG VM-ID=VM02") // a VM administrator, not VM2000's
	wantLines(t, source, "% VMS1013 ADMINISTRATION DIALOG WITH VIRTUAL MACHINE (1,MONITOR) OPENED BY TSN '0001'",
		"% VMS1013 ADMINISTRATION DIALOG WITH VIRTUAL MACHINE (2,VM02) OPENED BY TSN '0003'")
	wantLines(t, target, "% VMS1013 ADMINISTRATION DIALOG WITH VIRTUAL MACHINE (1,MONITOR) OPENED BY TSN '0002'")
	source, target = nil, nil
	r.task2("0001", &source).ok("MIGRATE-VM VM-ID=VM12PROD,SERVER-UNIT-NAME=ABGSE701")
	r.drain()
	wantLines(t, source,
		"% VMS2450 LIVE MIGRATION OF VM (12,VM12PROD) TO TARGET SU 'ABGSE701' STARTED",
		"% VMS2452 VM (12,VM12PROD) SUSPENDED AT LIVE MIGRATION TO TARGET SU 'ABGSE701'",
		"% VMS4009 DEVICE 'CS' REMOVED FROM VIRTUAL MACHINE (12,VM12PROD)",
		"% VMS4009 DEVICE 'FAA5' REMOVED FROM VIRTUAL MACHINE (12,VM12PROD)",
		"% VMS4009 DEVICE '4683' REMOVED FROM VIRTUAL MACHINE (12,VM12PROD)",
		"% VMS4024 VIRTUAL MACHINE (12,VM12PROD) TERMINATED",
		"% VMS2451 LIVE MIGRATION OF VM (12,VM12PROD) TO TARGET SU 'ABGSE701' COMPLETED")
	wantLines(t, target,
		"% VMS2430 LIVE MIGRATION OF VM (12,VM12PROD) FROM SOURCE SU 'ABGSE501' STARTED",
		"% VMS3050 VIRTUAL MACHINE (12,VM12PROD) CREATED",
		"% VMS4005 DEVICE 'CS' ASSIGNED TO VIRTUAL MACHINE (12,VM12PROD)",
		"% VMS4005 DEVICE 'FAA5' ASSIGNED TO VIRTUAL MACHINE (12,VM12PROD) (TYPE=SD)",
		"% VMS4005 DEVICE '4683' ASSIGNED TO VIRTUAL MACHINE (12,VM12PROD)",
		"% VMS2432 VM (12,VM12PROD) RESUMED AT LIVE MIGRATION FROM SOURCE SU 'ABGSE501'",
		"% VMS2431 LIVE MIGRATION OF VM (12,VM12PROD) FROM SOURCE SU 'ABGSE501' COMPLETED")
	if len(guestAdmin) != 0 {
		t.Errorf("the VM administrator of VM02 received %q", guestAdmin)
	}
	// a task that ended has no dialog and receives nothing more
	r.m.EndTask("0002")
	target = nil
	r.task2("0001", &source).ok("EXTEND-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=*MAXIMUM")
	r.drain()
	if len(target) != 0 {
		t.Errorf("an ended task received %q", target)
	}
}

// The synchronous checks' warnings (VMS2471) come before VMS2450
// STARTED, on the console as on the administrator's SYSOUT (V:PHA).
func TestMigrationWarningsBeforeStarted(t *testing.T) {
	r := newRig(t, `
local-su: A
clusters: [{name: C, units: [A, B]}]
server-units:
  - name: A
    type: "/390"
    memory: 65536
    hypervisor: 64
    monitor: {name: MON, memory: 4096}
    devices: [{mn: "T0", kind: tape}]
    vms:
      - {index: 2, name: G, state: INIT-ONLY, memory: 1024, devices: [{mn: "T0"}]}
  - name: B
    type: "/390"
    memory: 65536
    hypervisor: 64
    monitor: {name: MON, memory: 4096}
    devices: [{mn: "T0", kind: tape}]
`)
	var out []string
	r.task2("0001", &out).ok("BEGIN-VM-DIALOG VM-ID=1")
	out = nil
	from := len(r.con.Lines())
	r.task2("0001", &out).ok("MIGRATE-VM VM-ID=G,SERVER-UNIT-NAME=B")
	wantLines(t, out, "% VMS2471 DEVICE 'T0' OF VM (2,G) IS DETACHED DURING LIVE MIGRATION",
		"% VMS2450 LIVE MIGRATION OF VM (2,G) TO TARGET SU 'B' STARTED")
	r.drain()
	// an INIT-ONLY VM has no guest to suspend and resume: no VMS2452, VMS2432
	wantLines(t, r.consoleSince(from),
		"A: % VMS2450 LIVE MIGRATION OF VM (2,G) TO TARGET SU 'B' STARTED",
		"B: % VMS2430 LIVE MIGRATION OF VM (2,G) FROM SOURCE SU 'A' STARTED",
		"B: % VMS3050 VIRTUAL MACHINE (2,G) CREATED",
		"B: % VMS2431 LIVE MIGRATION OF VM (2,G) FROM SOURCE SU 'A' COMPLETED",
		"A: % VMS4024 VIRTUAL MACHINE (2,G) TERMINATED",
		"A: % VMS2451 LIVE MIGRATION OF VM (2,G) TO TARGET SU 'B' COMPLETED")
}

// task2 makes the rig issue its next commands as a task that receives
// free-running messages into got.
func (r *rig) task2(id string, got *[]string) *receivingRig {
	return &receivingRig{r, receivingTask{testTask{id, "E"}, got}}
}

type receivingRig struct {
	*rig
	task receivingTask
}

func (rr *receivingRig) ok(src string) ran {
	rr.t.Helper()
	saved := rr.rig.task
	rr.rig.task = rr.task.testTask
	defer func() { rr.rig.task = saved }()
	res := rr.runAs(src, rr.task)
	if res.RC.SC1 != 0 {
		rr.t.Fatalf("%s: %v %q", src, res.RC, res.Output)
	}
	return res
}
