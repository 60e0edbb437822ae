package vm2000

import (
	"strings"
	"testing"

	"sdfp/interp/handler"
)

// VM groups and CPU pools made at run time are part of the world: the snapshot writes
// them with their attributes and members, and loading it gives them back.
func TestGroupsSnapshotRoundTrip(t *testing.T) {
	r := newRig(t, "").admin()
	r.ok("CREATE-VM-CPU-POOL CPU-POOL-NAME=NEWPOOL")
	r.ok("CREATE-VM-GROUP VM-GROUP-NAME=GNEW,CPU-QUOTA=5,MAX-CPU-UTILIZATION=40,CPU-POOL-NAME=NEWPOOL")
	r.ok("ASSIGN-VM-TO-CPU-POOL VM-ID=2,TO-CPU-POOL=NEWPOOL,CPU-QUOTA=2")
	r.ok("ADD-VM-TO-VM-GROUP VM-ID=2,VM-GROUP-NAME=GNEW,MEMBER-CPU-QUOTA=3")
	first, second := roundTrip(t, r.m)
	if string(first) != string(second) {
		t.Fatalf("after group commands:\n%s\nloaded again:\n%s", first, second)
	}
	inst, err := LoadInstallation("snapshot.yaml", first)
	if err != nil {
		t.Fatal(err)
	}
	m := newRigFrom(t, inst).m
	su := m.local
	g := su.groups["GNEW"]
	if g == nil || g.quota != 5 || g.maxCPU != 40 || g.pool != "NEWPOOL" || !su.pools["NEWPOOL"] {
		t.Fatalf("group after loading: %+v\n%s", g, first)
	}
	if vm := su.vms[2]; vm.group != "GNEW" || vm.cpuQuota != 3 {
		t.Errorf("member after loading: group %q quota %v", vm.group, vm.cpuQuota)
	}
}

// Every VM group command is refused on SU x86 with VMS3011 and the
// general return code VMS9004 (each command's page); the pool command
// for a single VM is not.
func TestGroupsRefusedOnX86(t *testing.T) {
	r := newRig(t, `
server-units:
  - name: X1
    type: x86
    memory: 8192
    cpu-pools: [P1]
    vms:
      - {index: 2, name: A, memory: 1024}
`).admin()
	for _, cmd := range []string{
		"CREATE-VM-GROUP VM-GROUP-NAME=G",
		"DELETE-VM-GROUP VM-GROUP-NAME=G",
		"ADD-VM-TO-VM-GROUP VM-ID=2,VM-GROUP-NAME=G,MEMBER-CPU-QUOTA=1",
		"REMOVE-VM-FROM-VM-GROUP VM-ID=2",
		"ASSIGN-VM-GROUP-TO-CPU-POOL VM-GROUP-NAME=G,TO-CPU-POOL=P1,CPU-QUOTA=1",
		"SHOW-VM-GROUP",
	} {
		res := r.run(cmd)
		if res.RC.Main != "VMS9004" || res.RC.SC1 != 64 || len(res.Output) != 1 || !strings.HasPrefix(res.Output[0], "% VMS3011") {
			t.Errorf("%s: %v %q", cmd, res.RC, res.Output)
		}
	}
	r.ok("ASSIGN-VM-TO-CPU-POOL VM-ID=A,TO-CPU-POOL=P1,CPU-QUOTA=2")
	if vm := r.vm("X1", "A"); vm.pool != "P1" || vm.cpuQuota != 2 {
		t.Errorf("after ASSIGN-VM-TO-CPU-POOL: pool %s quota %v", vm.pool, vm.cpuQuota)
	}
}

// The group commands are the VM2000 administrator's only, and a VM
// being migrated is refused with VMS3042 and SC1=128 (ADD-VM-TO-VM-GROUP's
// return codes).
func TestGroupsAccessAndMigration(t *testing.T) {
	r := newRig(t, "")
	r.ok("BEGIN-VM-DIALOG VM-ID=2")
	if res := r.run("CREATE-VM-GROUP VM-GROUP-NAME=G"); res.RC.Main != "VMS1011" {
		t.Errorf("VM administrator: %v %q", res.RC, res.Output)
	}
	r.ok("END-VM-DIALOG")
	r.admin()
	r.ok("CREATE-VM-GROUP VM-GROUP-NAME=G")
	r.ok("MIGRATE-VM VM-ID=12,SERVER-UNIT-NAME=ABGSE701")
	res := r.run("ADD-VM-TO-VM-GROUP VM-ID=12,VM-GROUP-NAME=G,MEMBER-CPU-QUOTA=1")
	if res.RC != (handler.ReturnCode{SC1: 128, Main: "VMS3042"}) {
		t.Errorf("migrating VM: %v %q", res.RC, res.Output)
	}
	// at most half as many groups as VM indexes (99: 50 groups), V ...-95
	for i := 1; i < 50; i++ {
		r.ok("CREATE-VM-GROUP VM-GROUP-NAME=G" + itoa(i))
	}
	if res := r.run("CREATE-VM-GROUP VM-GROUP-NAME=GFULL"); res.RC.Main != "VMS4411" {
		t.Errorf("51st group: %v %q", res.RC, res.Output)
	}
}

// VM groups in the installation file: a bare name or a mapping with
// attributes; bad values are reported where they stand.
func TestGroupsInstallation(t *testing.T) {
	su := func(groups string) string {
		return strings.Replace(goodSU, "memory: 8192\n", "memory: 8192\n    cpu-pools: [P1]\n    vm-groups: "+groups+"\n", 1)
	}
	inst, err := LoadInstallation("g.yaml", []byte(su("[G1, {name: g2, cpu-quota: 2.5, max-cpu-utilization: 60, cpu-pool: p1}]")))
	if err != nil {
		t.Fatal(err)
	}
	got := inst.ServerUnits[0].VMGroups
	if len(got) != 2 || got[0].Name != "G1" || got[0].CPUQuota != 1 || got[0].MaxCPU != 100 || got[0].CPUPool != stdPool ||
		got[1].Name != "G2" || got[1].CPUQuota != 2.5 || got[1].MaxCPU != 60 || got[1].CPUPool != "P1" {
		t.Errorf("groups: %+v", got)
	}
	for _, tc := range []struct{ groups, want string }{
		{"[{name: G, cpu-pool: NOPOOL}]", "g.yaml:7:37: CPU pool NOPOOL is not defined on SU1"},
		{"[{name: G, cpu-quota: 100}]", "g.yaml:7:38: cpu-quota 100 is outside 0.01..99.99"},
		{"[G, G]", "g.yaml:7:20: VM group G is defined twice on SU1"},
		{"[{cpu-quota: 2}]", "g.yaml:7:17: a VM group needs a name of 1..8 characters"},
	} {
		_, err := LoadInstallation("g.yaml", []byte(su(tc.groups)))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %s", tc.groups, err, tc.want)
		}
	}
}

// MODIFY-VM-ATTRIBUTES's maximum CPU utilisation is part of the world:
// the snapshot writes it and loading gives it back.
func TestModifyAttributesSnapshot(t *testing.T) {
	r := newRig(t, "").admin()
	r.ok("MODIFY-VM-ATTRIBUTES VM-ID=2,MAX-CPU-UTILIZATION=33.5,CPU-QUOTA=9,MAX-IO-UTILIZATION=50")
	first, second := roundTrip(t, r.m)
	if string(first) != string(second) {
		t.Fatalf("after MODIFY-VM-ATTRIBUTES:\n%s\nloaded again:\n%s", first, second)
	}
	inst, err := LoadInstallation("snapshot.yaml", first)
	if err != nil {
		t.Fatal(err)
	}
	if vm := newRigFrom(t, inst).m.local.vms[2]; vm.maxCPU != 33.5 || vm.cpuQuota != 9 || vm.maxIO != 50 {
		t.Errorf("after loading: max-cpu %v quota %v max-io %d", vm.maxCPU, vm.cpuQuota, vm.maxIO)
	}
	// refused while the VM migrates, and nothing changes
	r.ok("MIGRATE-VM VM-ID=12,SERVER-UNIT-NAME=ABGSE701")
	if res := r.run("MODIFY-VM-ATTRIBUTES VM-ID=12,CPU-QUOTA=5"); res.RC.Main != "VMS3042" || r.vm("ABGSE501", "12").cpuQuota == 5 {
		t.Errorf("migrating VM: %v %q", res.RC, res.Output)
	}
}

// A definition made by CREATE-VM-DEFINITION is part of the world with
// its index, devices and password, and the password guards the VM once
// the definition is activated.
func TestDefinitionSnapshotAndPassword(t *testing.T) {
	r := newRig(t, "").admin()
	r.ok("CREATE-VM-DEFINITION VM-NAME=NEWDEF,VM-INDEX=20,MEMORY-SIZE=512,PASSWORD=C'SECRET'")
	first, second := roundTrip(t, r.m)
	if string(first) != string(second) {
		t.Fatalf("after CREATE-VM-DEFINITION:\n%s\nloaded again:\n%s", first, second)
	}
	inst, err := LoadInstallation("snapshot.yaml", first)
	if err != nil {
		t.Fatal(err)
	}
	r2 := newRigFrom(t, inst).admin()
	if d := r2.m.local.definitions["NEWDEF"]; d == nil || d.index != 20 || d.password != "SECRET" {
		t.Fatalf("definition after loading: %+v", d)
	}
	r2.ok("ACTIVATE-VM-DEFINITION VM-NAME=NEWDEF")
	r2.ok("END-VM-DIALOG")
	if res := r2.run("BEGIN-VM-DIALOG VM-ID=20"); res.RC.Main != "VMS1016" {
		t.Errorf("dialog without the password: %v %q", res.RC, res.Output)
	}
	r2.ok("BEGIN-VM-DIALOG VM-ID=20,PASSWORD=C'SECRET'")
}

// The coordinated shutdown of VM2000 is refused while a VM migrates;
// without a held VM every guest VM is gone when the command returns.
func TestShutdownVM2000(t *testing.T) {
	r := newRig(t, "").admin()
	r.ok("MIGRATE-VM VM-ID=12,SERVER-UNIT-NAME=ABGSE701")
	if res := r.run("SHUTDOWN-VM VM-ID=*VM2000(WAITING-TIME=1)"); res.RC.Main != "VMS3042" {
		t.Fatalf("while migrating: %v %q", res.RC, res.Output)
	}
	r.drain()
	r.ok("SHUTDOWN-VM VM-ID=*VM2000(WAITING-TIME=1)")
	if vms := r.m.local.sortedVMs(); len(vms) != 1 || !vms[0].isMonitor() {
		t.Errorf("VMs left: %d", len(vms))
	}
}
