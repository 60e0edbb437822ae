package vm2000

import "testing"

// TestNamePattern: SDF's wildcards on VM names (SDF-P ready reference,
// "Suffixes for data types"): * any string, / one character, <a:b> a
// range in EBCDIC order (digits after letters), a leading - for "all
// but".
func TestNamePattern(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"VM0*", "VM02", true},
		{"VM0*", "VM0", true},
		{"VM0*", "VM12PROD", false},
		{"*PROD", "VM12PROD", true},
		{"VM/2", "VM02", true},
		{"VM/2", "VM2", false},
		{"VM<02:05>", "VM03", true},
		{"VM<02:05>", "VM06", false},
		{"<A:Z>*", "VM02", true},
		{"<A:Z>*", "1VM", false}, // digits sort after letters in EBCDIC
		{"<0:9>*", "1VM", true},
		{"-VM0*", "VM02", false},
		{"-VM0*", "MONITOR", true},
		{"VM02", "VM02", true},
		{"vm0*", "VM02", true},  // names are upper case
		{"VM 0*", "VM02", true}, // the command reader's blanks between tokens
	} {
		p, ok := parseNamePattern(tc.pattern)
		if !ok {
			t.Errorf("%q: refused", tc.pattern)
			continue
		}
		if got := p.Match(tc.name); got != tc.want {
			t.Errorf("%q matches %q: %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
	for _, bad := range []string{"", "-", "VM<02", "VM%*", "<A;B>", "ABCDEFGHIJKLMNOPQRSTU"} {
		if _, ok := parseNamePattern(bad); ok {
			t.Errorf("%q: accepted", bad)
		}
	}
}

// Only the VM2000 administrator selects several VMs (V:PRIVF); a VM
// administrator's *ALL of SHOW-VM-STATUS is his own VM.
func TestSelectionsOfVMAdministrator(t *testing.T) {
	r := newRig(t, "")
	r.ok("BEGIN-VM-DIALOG VM-ID=2")
	for _, cmd := range []string{"SHOW-VM-ATTRIBUTES VM-ID=VM0*", "SHOW-VM-ATTRIBUTES VM-ID=*VM2000",
		"SHOW-VM-ATTRIBUTES VM-ID=*BY-CPU-POOL()", "SHOW-VM-STATUS VM-ID=VM*"} {
		if res := r.run(cmd); res.RC.Main != "VMS1011" {
			t.Errorf("%s: %v %q", cmd, res.RC, res.Output)
		}
	}
	res := r.ok("SHOW-VM-STATUS VM-ID=*ALL")
	if len(res.Output) != 2 || squeeze(res.Output[1]) != "% 2 VM02 RUNNING READY 10.00 4096" {
		t.Errorf("own VM: %q", res.Output)
	}
	if res := r.ok("SHOW-VM-ATTRIBUTES"); len(res.Records) != 1 || field(t, res.Records[0], "VM-NAME") != "VM02" {
		t.Errorf("*CURRENT: %v", res.Records)
	}
}

// A selection by VM group on SU x86, which has no VM groups, is refused
// with VMS3011 (V:SHOW-VM-GROUP (de) rejects group functions on x86 so).
func TestSelectionByGroupOnX86(t *testing.T) {
	r := newRig(t, `
server-units:
  - name: X86SU
    type: x86
    memory: 16384
    vms: [{index: 2, name: VM02, memory: 2048}]
`).admin()
	if res := r.run("SHOW-VM-ATTRIBUTES VM-ID=*BY-VM-GROUP(VM-GROUP-NAME=G)"); res.RC.Main != "VMS9004" {
		t.Errorf("%v %q", res.RC, res.Output)
	}
	if res := r.ok("SHOW-VM-ATTRIBUTES VM-ID=*BY-CPU-POOL(CPU-POOL-NAME=*STDPOOL)"); len(res.Records) != 2 {
		t.Errorf("pool: %v", res.Records)
	}
}

// A name in lower case selects as in capitals, also where the catalog
// takes it as text (a pattern, SHOW-VM-DEFINITION's VM-NAME).
func TestSelectionLowerCase(t *testing.T) {
	r := newRig(t, "").admin()
	for cmd, want := range map[string]int{"SHOW-VM-ATTRIBUTES VM-ID=vm12prod": 1, "SHOW-VM-ATTRIBUTES VM-ID=vm0*": 2,
		"SHOW-VM-STATUS VM-ID=vm12prod": 0, "SHOW-VM-DEFINITION VM-NAME=vm12prod": 1} {
		res := r.ok(cmd)
		if len(res.Records) != want {
			t.Errorf("%s: %d records %q", cmd, len(res.Records), res.Output)
		}
	}
}
