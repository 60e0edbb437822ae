package vm2000

import (
	"context"
	"strings"
	"testing"

	"sdfp/interp/handler"
	"sdfp/lexer"
	"sdfp/parser/ast"
)

// CREATE-VM, its VM MONJV, and DELETE-VM of a persistent VM, which leaves
// the definition behind (ACT NO).
func TestCreateAndDelete(t *testing.T) {
	r := newRig(t, "").admin()
	res := r.ok("CREATE-VM MEMORY-SIZE=1024,MIN-MEMORY-SIZE=512,VM-NAME=NEWVM,PERSISTENT=*YES,MONJV=JV.NEWVM")
	wantLines(t, res.Output, "% VMS3050 VIRTUAL MACHINE (4,NEWVM) CREATED")
	if got := r.jvStatus("JV.NEWVM"); got != "$I " {
		t.Errorf("VM MONJV %q", got)
	}
	for cmd, main := range map[string]string{
		"CREATE-VM MEMORY-SIZE=1024,VM-NAME=NEWVM":     "VMS4013",
		"CREATE-VM MEMORY-SIZE=1024,VM-INDEX=2":        "VMS4012",
		"CREATE-VM MEMORY-SIZE=1048576":                "VMS4504",
		"CREATE-VM MEMORY-SIZE=1024,MIN-MEM-SIZE=2048": "VMS4091",
	} {
		if res := r.run(cmd); res.RC.Main != main {
			t.Errorf("%s: %v %q", cmd, res.RC, res.Output)
		}
	}
	r.ok("ADD-VM-DEVICES UNITS=T0,VM-ID=NEWVM")
	r.ok("START-VM VM-ID=NEWVM")
	v, _ := r.jvs.Read("JV.NEWVM", "")
	if v[:3] != "$R " || v[81:86] != "START" {
		t.Errorf("VM MONJV %q", v[:90])
	}
	r.ok("DELETE-VM VM-ID=NEWVM,CHECK-VM-STATE=*NO")
	if r.jvStatus("JV.NEWVM") != "$T " || r.m.local.definitions["NEWVM"] == nil {
		t.Error("delete: MONJV or definition wrong")
	}
	// the definition keeps the VM's index, which ACTIVATE-VM-DEFINITION
	// gives the VM again, and SHOW-VM-DEFINITION shows it
	lines := r.ok("SHOW-VM-DEFINITION VM-NAME=NEWVM").Output
	if squeeze(lines[2]) != "% 4 NEWVM NO YES NO *STDPOOL(P) 1 1024 100" {
		t.Errorf("definition %q", lines[2])
	}
	if res := r.run("CREATE-VM MEMORY-SIZE=1024,VM-NAME=NEWVM"); res.RC.Main != "VMS4013" {
		t.Errorf("name of a definition reused: %v", res.RC)
	}
}

func TestCreateVMAddDevices(t *testing.T) {
	r := newRig(t, "").admin()
	res := r.run("ADD-VM-DEVICES UNITS=(T0,4683),VM-ID=2")
	wantLines(t, res.Output,
		"% VMS4005 DEVICE 'T0' ASSIGNED TO VIRTUAL MACHINE (2,VM02)",
		"% VMS4032 DEVICE '4683' ALREADY ASSIGNED TO VIRTUAL MACHINE (12,VM12PROD)")
	if res := r.run("ADD-VM-DEVICES UNITS=ZZ,VM-ID=2"); res.RC.Main != "VMS4030" {
		t.Errorf("unknown device: %v", res.RC)
	}
	// FAA5 is shared with VM12PROD: a second shared assignment is fine
	r.ok("ADD-VM-DEVICES UNITS=FAA5,VM-ID=3,TYPE=*SD")
	if res := r.run("REMOVE-VM-DEVICES UNITS=4683,VM-ID=2"); res.RC.Main != "VMS4033" {
		t.Errorf("remove foreign device: %v", res.RC)
	}
	if res := r.run("REMOVE-VM-DEVICES UNITS=*ALL,VM-ID=2"); res.RC.Main != "VMS3010" {
		t.Errorf("*ALL from a running VM with CHECK-VM-STATE=*YES: %v", res.RC)
	}
	res = r.ok("REMOVE-VM-DEVICES UNITS=*ALL(CHECK-VM-STATE=*NO),VM-ID=2")
	wantLines(t, res.Output,
		"% VMS4009 DEVICE 'C2' REMOVED FROM VIRTUAL MACHINE (2,VM02)",
		"% VMS4009 DEVICE 'T0' REMOVED FROM VIRTUAL MACHINE (2,VM02)",
		"% VMS4009 DEVICE '4684' REMOVED FROM VIRTUAL MACHINE (2,VM02)")
}

// SHOW-VM-RESOURCES and SHOW-VM-STATUS: SYSOUT and structured output.
func TestShowResourcesAndStatus(t *testing.T) {
	r := newRig(t, "").admin()
	res := r.ok("SHOW-VM-RESOURCES INFORMATION=*ALL")
	rec := res.Records[0]
	// 65536 - 64 hypervisor - 4096 monitor - 4096 - 2048 - 4096
	if field(t, rec, "FREE-MEM-SIZE") != 51136 || field(t, rec, "NUM-OF-VMS") != 4 || field(t, rec, "NUM-OF-FREE-VMS") != 95 {
		t.Errorf("resources %v", rec)
	}
	units := field(t, rec, "UNIT")
	if !strings.Contains(strings.Join(res.Output, "\n"), "T0   tape") || units == nil {
		t.Errorf("units:\n%s", strings.Join(res.Output, "\n"))
	}
	res = r.ok("SHOW-VM-STATUS VM-ID=*ALL")
	if len(res.Records) != 0 || len(res.Output) != 5 || squeeze(res.Output[4]) != "% 12 VM12PROD RUNNING READY 20.00 2048" {
		t.Errorf("status %q", res.Output)
	}
	res = r.ok("SHOW-VM-ATTRIBUTES VM-ID=*VM2000,INFORMATION=*ALL")
	if len(res.Records) != 4 || field(t, res.Records[3], "MONJV") != "*NONE" {
		t.Errorf("attributes %v", res.Records)
	}
	if res := r.run("SHOW-VM-ATTRIBUTES VM-ID=77"); res.RC.Main != "VMS4000" || res.SpinOff {
		t.Errorf("information commands never spin off: %v %v", res.RC, res.SpinOff)
	}
}

// HOLD-VM *ALL holds every running guest but the one being migrated:
// partly executed (VMS3041, return code VMS9005). V:NALLOW
func TestHoldAllDuringMigration(t *testing.T) {
	r := newRig(t, "").admin()
	r.ok("MIGRATE-VM VM-ID=12,SERVER-UNIT-NAME=*UNIQUE")
	res := r.run("HOLD-VM VM-ID=*ALL")
	if res.RC.Main != "VMS9005" || !strings.HasPrefix(res.Output[len(res.Output)-1], "% VMS3041") || len(res.Output) != 3 {
		t.Errorf("%v %q", res.RC, res.Output)
	}
	if r.vm("ABGSE501", "2").state != StateInHold || r.vm("ABGSE501", "12").state != StateRunning {
		t.Error("wrong VMs held")
	}
}

// Console messages follow the installation's console language.
func TestConsoleLanguage(t *testing.T) {
	inst := DefaultInstallation()
	inst.ConsoleLanguage = "D"
	r := newRigFrom(t, inst).admin()
	r.ok("MIGRATE-VM VM-ID=12,SERVER-UNIT-NAME=ABGSE701")
	got := r.consoleSince(1)[0]
	if got != "ABGSE501: % VMS2450 LIVE MIGRATION DER VM (12,VM12PROD) ZUR ZIEL-SU 'ABGSE701' GESTARTET" {
		t.Errorf("console %q", got)
	}
}

// Every command copes with missing operands without panicking: a
// request built by hand (no operands at all) and one the binder built
// from the command's name alone (every operand at its default, mandatory
// ones empty). The second also proves that every operand name an
// executor unpacks is one its declaration has: ast.Args.Unpack panics on
// any other.
func TestBareRequests(t *testing.T) {
	for _, admin := range []bool{false, true} {
		r := newRig(t, "")
		if admin {
			r.admin()
		}
		for name := range commands {
			bound, _ := r.p.ParseCommand(lexer.NewUnit(name, lexer.Pos{Line: 1, Column: 1}))
			if bound == nil || bound.Args == nil {
				t.Fatalf("%s: the binder gives no operands", name)
			}
			for _, args := range []*ast.Args{nil, bound.Args} {
				res, ok := r.m.Handle(context.Background(), &handler.Request{Name: name, Args: args, Task: r.task})
				if !ok || res.RC.Main == "" {
					t.Errorf("%s: %v %v", name, ok, res.RC)
				}
			}
		}
	}
	if _, ok := newRig(t, "").m.Handle(context.Background(), &handler.Request{Name: "SHOW-FILE-ATTRIBUTES"}); ok {
		t.Error("a command that is not VM2000's was handled")
	}
}

// createInstallation has a CPU pool and a VM group on the /390 unit and
// an x86 unit without groups; VM 2 sits right behind the monitor
// (64 MB hypervisor + 1024 MB monitor), so memory from 2112 MB is free.
const createInstallation = `
local-su: SU390
server-units:
  - name: SU390
    type: /390
    memory: 8192
    hypervisor: 64
    monitor: {memory: 1024}
    cpu-pools: [POOL1]
    vm-groups: [GRP1]
    vms:
      - {index: 2, name: VM02, memory: 1024}
  - name: SUX86
    type: x86
    memory: 16384
    monitor: {memory: 2048}
    cpu-pools: [POOL1]
`

// CREATE-VM with the CPU, pool, group and location operands: what the
// new VM gets, and the refusals the model can decide. On each refusal
// no VM is created.
func TestCreateVMOperands(t *testing.T) {
	type attrs struct {
		processors, maxIO, location int
		quota                       float64
		pool, group                 string
	}
	std := attrs{processors: 1, maxIO: 100, location: 2112, quota: 1, pool: "*STDPOOL"}
	tests := []struct {
		name, su, operands string
		want               attrs
		main, msg          string // refusal: maincode and message key
	}{
		{name: "defaults", su: "SU390", want: std},
		{name: "cpu", su: "SU390",
			operands: ",PROCESSOR=*QUADRO,CPU-QUOTA=30,MAX-CPU-UTIL=50,MAX-IO-UTIL=40,CPU-POOL=POOL1,ADMIN-PRIV=*MAX," +
				"PRIVILEGES=*PAR(IO-RESET=*NO,IO-PRIORITY=*NO),VM-ACTIVE-IDLE=*AT-DEDICATED-CPUS",
			want: attrs{processors: 4, maxIO: 40, location: 2112, quota: 30, pool: "POOL1"}},
		{name: "processor-number", su: "SU390", operands: ",PROCESSOR=6",
			want: attrs{processors: 6, maxIO: 100, location: 2112, quota: 1, pool: "*STDPOOL"}},
		{name: "processor-maximum", su: "SU390", operands: ",PROCESSOR=*MAXIMUM", want: std},
		{name: "vm-group", su: "SU390", operands: ",CPU-QUOTA=*BY-VM-GROUP(VM-GROUP-NAME=GRP1,MEMBER-CPU-QUOTA=12)",
			want: attrs{processors: 1, maxIO: 100, location: 2112, quota: 12, pool: "*STDPOOL", group: "GRP1"}},
		{name: "memory-end", su: "SU390", operands: ",LOCATION=*MEMORY-END",
			want: attrs{processors: 1, maxIO: 100, location: 7168, quota: 1, pool: "*STDPOOL"}},
		{name: "after-vm", su: "SU390", operands: ",LOCATION=*AFTER-VM(VM-ID=VM02)", want: std},
		{name: "before-vm-no-room", su: "SU390", operands: ",LOCATION=*BEFORE-VM(VM-ID=2)", main: "VMS4504", msg: "VMS4504"},
		{name: "before-unknown-vm", su: "SU390", operands: ",LOCATION=*BEFORE-VM(VM-ID=9)", main: "VMS4000", msg: "VMS4000"},
		{name: "unknown-pool", su: "SU390", operands: ",CPU-POOL=NOPOOL", main: "VMS4600", msg: "VMS4600"},
		{name: "unknown-group", su: "SU390", operands: ",CPU-QUOTA=*BY-VM-GROUP(VM-GROUP-NAME=NOGRP,MEMBER-CPU-QUOTA=1)", main: "VMS4400", msg: "VMS4400"},
		{name: "x86", su: "SUX86", operands: ",PROCESSOR=*BI,CPU-POOL=POOL1,MAX-IO-UTIL=40",
			want: attrs{processors: 2, maxIO: 100, quota: 1, pool: "POOL1"}},
		{name: "x86-group", su: "SUX86", operands: ",CPU-QUOTA=*BY-VM-GROUP(VM-GROUP-NAME=GRP1,MEMBER-CPU-QUOTA=1)", main: "VMS9004", msg: "VMS3011"},
		{name: "x86-location", su: "SUX86", operands: ",LOCATION=*MEMORY-END", main: "VMS9004", msg: "VMS3011"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			yaml := createInstallation
			if tt.su == "SUX86" {
				yaml = strings.Replace(yaml, "local-su: SU390", "local-su: SUX86", 1)
			}
			r := newRig(t, yaml).admin()
			res := r.run("CREATE-VM MEMORY-SIZE=1024,VM-NAME=NEW" + tt.operands)
			vm := r.vm(tt.su, "NEW")
			if tt.main != "" {
				if res.RC.Main != tt.main || res.RC.SC1 == 0 || len(res.Output) != 1 || !strings.HasPrefix(res.Output[0], "% "+tt.msg) {
					t.Errorf("refusal %v %q, want %s with %s", res.RC, res.Output, tt.main, tt.msg)
				}
				if vm != nil {
					t.Error("VM created although refused")
				}
				return
			}
			if res.RC != handler.OK || vm == nil {
				t.Fatalf("%v %q", res.RC, res.Output)
			}
			got := attrs{vm.processors, vm.maxIO, vm.location, vm.cpuQuota, vm.pool, vm.group}
			if got != tt.want {
				t.Errorf("VM attributes %+v, want %+v", got, tt.want)
			}
		})
	}
}

// What CREATE-VM gives the VM is what SHOW-VM-ATTRIBUTES shows.
func TestCreateVMShown(t *testing.T) {
	r := newRig(t, createInstallation).admin()
	r.ok("CREATE-VM MEMORY-SIZE=1024,VM-NAME=NEW,PROCESSOR=*BI,CPU-QUOTA=*BY-VM-GROUP(VM-GROUP-NAME=GRP1,MEMBER-CPU-QUOTA=12),LOCATION=*MEMORY-END")
	res := r.ok("SHOW-VM-ATTRIBUTES VM-ID=NEW,INFORMATION=*ALL")
	rec := res.Records[0]
	for name, want := range map[string]any{"PROC": 2, "CPU-QUOTA": "12.00", "VM-GROUP": "GRP1", "CPU-POOL": "*STDPOOL", "START-ADDR": "00001C00"} {
		if got := field(t, rec, name); got != want {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
}
