package vm2000

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
)

func loadTestdata(t *testing.T, name string) *rig {
	t.Helper()
	data, err := os.ReadFile("../../procs/" + name)
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, string(data))
	r.task.lang = "D"
	return r
}

func wantLines(t *testing.T, got []string, want ...string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// Seed 000: CHECK-VM-MIGRATION refused because of device 4683.
func TestSeed000CheckRejected(t *testing.T) {
	r := loadTestdata(t, "seed000-rejected.yaml").admin()
	res := r.run("CHECK-VM-MIGRATION VM-ID=12,SERVER-UNIT-NAME=ABGSE501")
	wantLines(t, res.Output,
		"% VMS2404 LIVE MIGRATION DER VM (12,VM12PROD) DURCH DIE ZIEL-SU 'ABGSE501' ABGEWIESEN. URSACHE: VMS2437,4683",
		"% VMS2461 LIVE MIGRATION DER VM (12,VM12PROD) ZUR ZIEL-SU 'ABGSE501' NICHT MOEGLICH")
	if res.RC != (handler.ReturnCode{SC2: 2, SC1: 0, Main: "VMS2461"}) || res.SpinOff {
		t.Errorf("rc %v spin-off %v, want (2,0,VMS2461) without spin-off", res.RC, res.SpinOff)
	}
	help, _ := msg.Default().Help("VMS2437", "D")
	wantLines(t, help,
		"% VMS2437 GERAET '(&00)' KANN DER VIRTUELLEN MASCHINE AUF DER ZIEL-SU NICHT ZUGEWIESEN WERDEN",
		"% ? Das Geraet ist bereits einer anderen VM (exklusiv) zugewiesen.",
		"% (&00): Mnemotechnischer Geraetename",
		"% SU: Server Unit")
	// MIGRATE-VM runs the same check and is rejected as an error.
	res = r.run("MIGRATE-VM VM-ID=VM12PROD,SERVER-UNIT-NAME=ABGSE501,MONJV=MONJV.LM.VM12PROD")
	if res.RC.SC1 != 64 || res.RC.Main != "VMS2461" || !res.SpinOff {
		t.Errorf("MIGRATE-VM rc %v", res.RC)
	}
	if got := r.jvStatus("MONJV.LM.VM12PROD"); got != "$AF" {
		t.Errorf("MONJV %q, want $AF", got)
	}
}

// Seed 000: after the device is freed, the check is positive.
func TestSeed000CheckMended(t *testing.T) {
	r := loadTestdata(t, "seed000-mended.yaml").admin()
	res := r.run("CHECK-VM-MIGRATION VM-ID=12,SERVER-UNIT-NAME=ABGSE501")
	wantLines(t, res.Output, "% VMS2460 LIVE MIGRATION DER VM (12,VM12PROD) ZUR ZIEL-SU 'ABGSE501' MOEGLICH")
	if res.RC != handler.OK {
		t.Errorf("rc %v", res.RC)
	}
	// Mending it by hand on the rejected installation gives the same:
	// take 4683 from VM 5 on ABGSE501 (its monitor is not ours, so the
	// model is changed directly, as an operator there would).
	r2 := loadTestdata(t, "seed000-rejected.yaml").admin()
	su501 := r2.m.byName["ABGSE501"]
	r2.m.unassignDevice(su501.vms[5], "4683")
	res = r2.run("CHECK-VM-MIGRATION VM-ID=12,SERVER-UNIT-NAME=ABGSE501")
	wantLines(t, res.Output, "% VMS2460 LIVE MIGRATION DER VM (12,VM12PROD) ZUR ZIEL-SU 'ABGSE501' MOEGLICH")
}

// Seed 000: SHOW-VM-DEFINITION in the seed's columns (the seed prints
// runs of blanks as one).
func TestSeed000ShowDefinition(t *testing.T) {
	r := loadTestdata(t, "seed000-rejected.yaml").admin()
	res := r.ok("SHOW-VM-DEFINITION")
	var got []string
	for _, l := range res.Output {
		got = append(got, squeeze(l))
	}
	wantLines(t, got,
		"% CPU-POOL(P)",
		"% VM-ID ACT PER HA VM-GROUP(G) PROC MEM-SIZE MAX-IO",
		"% 1 MONITOR YES NO NO *STDPOOL(P) 1 4096 100",
		"% - OSD11TST NO YES NO *STDPOOL(P) 1 512 100",
		"% 12 VM12PROD YES YES NO *STDPOOL(P) 1 2048 100")
	if len(res.Records) != 3 || field(t, res.Records[1], "ACTIVE") != false || field(t, res.Records[2], "MEM-SIZE") != 2048 {
		t.Errorf("records %v", res.Records)
	}
	// the columns line up: the header's titles stand over the values
	if i := strings.Index(res.Output[1], "MEM-SIZE"); res.Output[4][i+4:i+8] != "2048" {
		t.Errorf("columns not aligned:\n%s\n%s", res.Output[1], res.Output[4])
	}
}

// Seed 000: MIGRATE-VM-DEFINITION moves OSD11TST, refuses VM12PROD.
func TestSeed000MigrateDefinition(t *testing.T) {
	r := loadTestdata(t, "seed000-rejected.yaml").admin()
	res := r.ok("MIGRATE-VM-DEFINITION VM-NAME=OSD11TST,SERVER-UNIT-NAME=ABGSE501")
	wantLines(t, res.Output, "% VMS2320 DEFINITION OF VM 'OSD11TST' MIGRATED TO TARGET SU 'ABGSE501'")
	if r.m.byName["ABGSE501"].definitions["OSD11TST"] == nil || r.m.byName["ABGSE701"].definitions["OSD11TST"] != nil {
		t.Error("definition not moved")
	}
	res = r.run("MIGRATE-VM-DEFINITION VM-NAME=VM12PROD,SERVER-UNIT-NAME=ABGSE501")
	wantLines(t, res.Output, "% VMS4015 VIRTUAL MACHINE (12,VM12PROD) ALREADY INITIALIZED. /MIGRATE-VM-DEFINITION REJECTED")
	if res.RC.SC1 != 64 || res.RC.Main != "VMS4015" {
		t.Errorf("rc %v", res.RC)
	}
}

// Seed 003: the steps of the VMMEM procedure against the default
// installation: VM 2 reduced to its minimum, VM 3 extended to its
// maximum, both followed through their MONJVs.
func TestSeed003VMMEM(t *testing.T) {
	r := newRig(t, "").admin()
	res := r.ok("SHOW-VM-ATTR VM-ID=2,INF=*MEMORY")
	rec := res.Records[0]
	if field(t, rec, "MIN-MEM-SIZE") != "2048" || field(t, rec, "MEM-SIZE") != 4096 {
		t.Fatalf("VM 2: %v", rec)
	}
	res = r.ok("SHOW-VM-ATTR VM-ID=3,INF=*MEMORY")
	if field(t, res.Records[0], "MIN-MEM-SIZE") == "*UNDEF" {
		t.Fatal("VM 3 not reconfigurable")
	}
	r.ok("REDUCE-VM-MEMORY VM-ID=2,NEW-MEM-SIZE=*MINIMUM,MONJV=JV.VMMEM.VM02")
	if got := r.jvStatus("JV.VMMEM.VM02"); got != "$R " {
		t.Errorf("MONJV while running %q", got)
	}
	// seed 003: during a reconfiguration the current, minimum, maximum
	// and planned sizes are all shown
	res = r.ok("SHOW-VM-ATTR VM-ID=2,INF=*MEMORY")
	if field(t, res.Records[0], "PLAN-MEM-SIZE") != "2048" || field(t, res.Records[0], "MIN-MEM-SIZE") != "2048" {
		t.Errorf("while reducing: %v", res.Records[0])
	}
	if err := r.jvs.Delete("JV.VMMEM.VM02", ""); err == nil {
		t.Error("a running MONJV could be deleted")
	}
	r.drain()
	if got := r.jvStatus("JV.VMMEM.VM02"); got != "$T " {
		t.Errorf("MONJV after the reduction %q", got)
	}
	if vm := r.vm("ABGSE501", "2"); vm.size != 2048 {
		t.Errorf("VM 2 size %d", vm.size)
	}
	r.ok("EXTEND-VM-MEMORY VM-ID=3,NEW-MEM-SIZE=*MAXIMUM,MONJV=JV.VMMEM.VM03")
	r.drain()
	if got := r.jvStatus("JV.VMMEM.VM03"); got != "$T " {
		t.Errorf("MONJV after the extension %q", got)
	}
	if vm := r.vm("ABGSE501", "3"); vm.size != 8192 {
		t.Errorf("VM 3 size %d, want its maximum 8192", vm.size)
	}
	wantLines(t, filter(r.consoleSince(0), "VMS409"),
		"ABGSE501: % VMS4094 MAIN MEMORY RECONFIGURATION OF VIRTUAL MACHINE (2,VM02) COMPLETED. MEMORY SIZE: 2048 MB",
		"ABGSE501: % VMS4094 MAIN MEMORY RECONFIGURATION OF VIRTUAL MACHINE (3,VM03) COMPLETED. MEMORY SIZE: 8192 MB")
	r.ok("END-VM-DIALOG 1")
	if err := r.jvs.Delete("JV.VMMEM.VM02", ""); err != nil {
		t.Errorf("MONJV not released: %v", err)
	}
	if res := r.run("SHOW-VM-ATTR VM-ID=2"); res.RC.Main != "VMS1010" {
		t.Errorf("outside a dialog: %v", res.RC)
	}
}

// filter keeps the lines containing s.
func filter(lines []string, s string) []string {
	var out []string
	for _, l := range lines {
		if strings.Contains(l, s) {
			out = append(out, l)
		}
	}
	return out
}

// without drops the lines containing s.
func without(lines []string, s string) []string {
	var out []string
	for _, l := range lines {
		if !strings.Contains(l, s) {
			out = append(out, l)
		}
	}
	return out
}
