package vm2000

import (
	"bytes"
	"testing"
)

// Changed is false until something may have changed what a snapshot
// holds: a guest's start scheduled by New stays unchanged until the clock
// runs it; choosing the local unit and routing tasks change nothing; a
// VM2000 command, even one that only shows, counts.
func TestChangedCountsRequestsAndScheduledWork(t *testing.T) {
	r := newRig(t, `
server-units:
  - name: SU1
    type: /390
    memory: 32768
    monitor: {name: MONITOR, memory: 4096}
    vms:
      - {index: 2, name: VM02, memory: 1024, state: RUNNING, guest: START}
  - name: SU2
    type: /390
    memory: 32768
    monitor: {name: MONITOR, memory: 4096}
`)
	before, _ := MarshalInstallation(r.m.Snapshot())
	if err := r.m.SetLocalSU("SU2"); err != nil {
		t.Fatal(err)
	}
	if err := r.m.SetTaskSU("1A2B", "SU1"); err != nil {
		t.Fatal(err)
	}
	r.m.EndTask("1A2B")
	if r.m.Changed() {
		t.Fatal("changed before anything ran")
	}
	if now, _ := MarshalInstallation(r.m.Snapshot()); !bytes.Equal(now, before) {
		t.Fatalf("the snapshot changed while Changed says it did not:\n%s", now)
	}
	r.drain() // the guest's SYSTEM READY
	if !r.m.Changed() {
		t.Error("the guest's start ran, and Changed says nothing did")
	}
	if after, _ := MarshalInstallation(r.m.Snapshot()); bytes.Equal(after, before) {
		t.Error("the guest's start left the snapshot as it was")
	}

	shown := newRig(t, "")
	shown.run("SHOW-VM-STATUS VM-ID=*ALL")
	if !shown.m.Changed() {
		t.Error("a VM2000 command ran, and Changed says nothing did")
	}
}
