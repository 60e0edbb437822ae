package vm2000

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
)

// cpusSU is goodSU with a pool and the real CPUs given (line 6 is the
// cpus: key's value).
func cpusSU(cpus string) string {
	return strings.Replace(goodSU, "memory: 8192\n", "memory: 8192\n    cpus: "+cpus+"\n    cpu-pools: [P1]\n", 1)
}

// Bad real CPUs are reported at the line and column of the value at
// fault.
func TestCPUErrors(t *testing.T) {
	for _, tc := range []struct{ cpus, want string }{
		{`["0G"]`, `:12: CPU ID "0G" must be 1..2 hexadecimal digits`},
		{`["123"]`, `:12: CPU ID "123" must be 1..2 hexadecimal digits`},
		{`["1", "01"]`, `:17: CPU 01 is declared twice on SU1`},
		{`[{id: "0", attribute: spare}]`, `:33: CPU attribute must be normal or extra, not "spare"`},
		{`[{id: "0", state: wfm}]`, `:29: CPU state must be attached, detached or offline, not "wfm"`},
		{`[{id: "0", pool: NOPOOL}]`, `:28: CPU pool NOPOOL of CPU 00 is not defined on SU1`},
		{`[{id: "0", colour: red}]`, `unknown field "colour"`},
	} {
		_, err := LoadInstallation("test.yaml", []byte(cpusSU(tc.cpus)))
		var errs InstallErrors
		if !errors.As(err, &errs) {
			t.Errorf("%s: %v", tc.cpus, err)
			continue
		}
		first := errs[0].Error()
		if !regexp.MustCompile(`^test\.yaml:6:`).MatchString(first) || !strings.Contains(first, tc.want) {
			t.Errorf("%s: %s\nwant line 6 and %q", tc.cpus, errs, tc.want)
		}
	}
}

// Real CPUs survive a snapshot with their pools and states, also after
// SWITCH-VM-CPU moved one; their defaults are written out.
func TestCPUsRoundTrip(t *testing.T) {
	r := newRig(t, cpusSU(`["0", {id: "1", pool: P1}, {id: "2", attribute: extra}, {id: "3", state: offline}]`)).admin()
	r.ok("SWITCH-VM-CPU CPU-ID=3,TO-CPU-POOL=P1")
	first, second := roundTrip(t, r.m)
	if !bytes.Equal(first, second) {
		t.Fatalf("as loaded:\n%s\nloaded again:\n%s", first, second)
	}
	for _, want := range []string{"id: \"00\"", "pool: P1", "attribute: extra", "state: detached", "state: offline"} {
		if !strings.Contains(string(first), want) {
			t.Errorf("snapshot lacks %q:\n%s", want, first)
		}
	}
	if cpu := r.m.local.cpus[3]; cpu.pool != "P1" {
		t.Errorf("CPU 03 in %s, want P1", cpu.pool)
	}
}

// Without cpus: the screens are today's, and SWITCH-VM-CPU finds no CPU.
func TestNoCPUs(t *testing.T) {
	r := newRig(t, "").admin()
	if out := r.ok("SHOW-VM-CPU-POOL").Output; len(out) != 2 || out[0] != "% CPU-POOL VMS VM-GROUPS" {
		t.Errorf("SHOW-VM-CPU-POOL without CPUs: %q", out)
	}
	if res := r.run("SWITCH-VM-CPU TO-CPU-POOL=*STDPOOL,FROM-CPU-POOL=*STDPOOL"); res.RC.Main != "CMD0202" {
		t.Errorf("same pool: %v", res.RC)
	}
	r.ok("CREATE-VM-CPU-POOL CPU-POOL-NAME=P")
	if res := r.run("SWITCH-VM-CPU TO-CPU-POOL=P"); res.RC.Main != "VMS4615" {
		t.Errorf("no CPUs: %v %q", res.RC, res.Output)
	}
	if len(r.m.local.cpuSpecs()) != 0 {
		t.Errorf("CPUs appeared")
	}
}

// The monitor VM needs an attached CPU in its pool too.
func TestSwitchLastCPUOfMonitor(t *testing.T) {
	r := newRig(t, cpusSU(`["0", "1"]`)).admin()
	res := r.run("SWITCH-VM-CPU CPU-ID=*ALL,TO-CPU-POOL=P1,ATTACHED-VM-CPUS=*ACTIONS(SOURCE-CPU-POOL=*ADJUST-NUMBER)")
	if res.RC.Main != "VMS4612" || !strings.Contains(strings.Join(res.Output, "\n"), "(1,MONITOR)") {
		t.Errorf("last CPUs of the monitor's pool: %v %q", res.RC, res.Output)
	}
	if res := r.run("SWITCH-VM-CPU CPU-ID=(0,*ALL),TO-CPU-POOL=P1"); res.RC.Main != "CMD0202" {
		t.Errorf("keyword in list: %v %q", res.RC, res.Output)
	}
}
