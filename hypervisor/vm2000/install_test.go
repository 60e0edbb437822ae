package vm2000

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const goodSU = `
server-units:
  - name: SU1
    type: /390
    memory: 8192
    devices: [{mn: "4683"}, {mn: CS, kind: console}]
    vms:
      - {index: 2, name: A, memory: 1024, devices: ["4683"]}
`

// Bad installation files: each error names the line (and column) of the
// value at fault.
func TestInstallationErrors(t *testing.T) {
	vm := func(field string) string { // goodSU with a field added to VM A (line 8)
		return strings.Replace(goodSU, "name: A,", "name: A, "+field+",", 1)
	}
	su := func(field string) string { // goodSU with a field added to SU1 (line 6)
		return strings.Replace(goodSU, "memory: 8192\n", "memory: 8192\n    "+field+"\n", 1)
	}
	tests := []struct {
		name, yaml string
		line       int
		want       string // ":col: text" where the column counts
	}{
		{"unknown top field", "bogus: 1\n" + goodSU, 1, `unknown field "bogus"`},
		{"unknown VM field", strings.Replace(goodSU, "name: A,", "name: A, colour: red,", 1), 8, `unknown field "colour"`},
		{"bad type", strings.Replace(goodSU, "memory: 8192", "memory: lots", 1), 5, `"lots" is not a number`},
		{"syntax", "server-units: [\n", 1, ""},
		{"duplicate VM index", goodSU + "      - {index: 2, name: B, memory: 512}\n", 9, "VM index 2 used twice"},
		{"device assigned twice", goodSU + "      - {index: 3, name: B, memory: 512, devices: [\"4683\"]}\n", 9, "already assigned exclusively to VM A"},
		{"device not generated", goodSU + "      - {index: 3, name: B, memory: 512, devices: [\"9999\"]}\n", 9, "not generated"},
		{"bad state", strings.Replace(goodSU, "memory: 1024,", "memory: 1024, state: DANCING,", 1), 8, "VM state must be"},
		{"x86 granularity", strings.Replace(strings.Replace(goodSU, "/390", "x86", 1), "memory: 1024", "memory: 1025", 1), 8, "multiple of 2 MB"},
		{"index range", strings.Replace(goodSU, "index: 2", "index: 1", 1), 8, "VM index must be 2..99"},
		{"too much memory", strings.Replace(goodSU, "memory: 1024", "memory: 9000", 1), 5, "need"},
		{"bad device name", strings.Replace(goodSU, `{mn: CS,`, `{mn: CSX,`, 1), 6, "device name"},
		{"cluster of one", "clusters: [{name: C, units: [SU1]}]\n" + goodSU, 1, "at least two"},
		{"unknown cluster unit", "clusters: [{name: C, units: [SU1, SU9]}]\n" + goodSU, 1, "SU9"},
		{"mixed cluster", "clusters: [{name: C, units: [SU1, SU2]}]\n" + goodSU + "  - {name: SU2, type: x86, memory: 8192}\n", 1, "mixes"},
		{"local su", "local-su: NOPE\n" + goodSU, 1, "local-su NOPE"},
		{"two faults in one", goodSU + "faults:\n  - {memory-short: {su: SU1, free: 1}, guest-never-ready: {vm: A}}\n", 10, "exactly one"},
		{"fault phase", goodSU + "faults:\n  - migration-abort: {vm: A, phase: later}\n", 10, "phase must be"},
		{"device taken twice", goodSU + "faults:\n  - device-taken: {su: SU1, device: \"4683\", vm: A}\n", 10, "already assigned"},
		{"two documents", goodSU + "---\n" + goodSU, 9, "one YAML document"},
		{"site command name", goodSU + "commands:\n  - {name: SHOW FILE}\n", 10, "not a command name"},
		{"site command redeclares", goodSU + "commands:\n  - {name: write-text}\n", 10, "WRITE-TEXT is a command sdfp runs itself"},
		{"site command twice", goodSU + "commands:\n  - {name: SHOW-FILE}\n  - {name: SHOW-FILE}\n", 11, "declared twice"},
		{"site command operands", goodSU + "commands:\n  - {name: SHOW-FILE,\n     operands: \"FILE-NAME = <nonsense>\"}\n", 11, "operands of SHOW-FILE"},
		{"site command fails without maincode", goodSU + "commands:\n  - {name: SHOW-FILE, sc1: 64}\n", 10, "needs the maincode"},
		{"site command maincode", goodSU + "commands:\n  - {name: SHOW-FILE, maincode: oops}\n", 10, "no message key"},
		{"site command output not EBCDIC", goodSU + "commands:\n  - name: SHOW-FILE\n    output: [Grüße, 5 €, x€]\n", 11,
			"output line 2 holds '€' (U+20AC), which has no EBCDIC code"},

		// Issue 11, item 9: every number in its documented range, at
		// the position of the value.
		{"cpu-quota NaN", vm("cpu-quota: .nan"), 8, ":40: cpu-quota .nan is not a finite number"},
		{"cpu-quota Inf", vm("cpu-quota: -.Inf"), 8, ":40: cpu-quota -.Inf is not a finite number"},
		{"cpu-quota huge", vm("cpu-quota: 1e308"), 8, ":40: cpu-quota 1e308 is outside 0.01..99.99"},
		{"cpu-quota 100", vm("cpu-quota: 100"), 8, ":40: cpu-quota 100 is outside 0.01..99.99"},
		{"load NaN", vm("load: .NaN"), 8, ":35: load .NaN is not a finite number"},
		{"load huge", vm("load: 1e308"), 8, ":35: load 1e308 is outside 0..1"},
		{"load negative", vm("load: -0.5"), 8, ":35: load -0.5 is outside 0..1"},
		{"dirty-factor NaN", "timing:\n  migration: {dirty-factor: .nan}\n" + goodSU, 2, ":29: dirty-factor .nan is not a finite number"},
		{"dirty-factor huge", "timing:\n  migration:\n    dirty-factor: 1e308\n" + goodSU, 3, ":19: dirty-factor 1e308 is outside 0..100"},
		{"transfer-rate fraction", "timing: {migration: {transfer-rate: 0.5}}\n" + goodSU, 1, ":37: transfer-rate 0.5 is not a whole number"},
		{"rate huge", "timing:\n  reconfiguration: {rate: 9223372036854775807}\n" + goodSU, 2, ":27: rate 9223372036854775807 is outside 1..1048576 MB/s"},
		{"duration overflow", "timing:\n  guest-start: 100000000h\n" + goodSU, 2, `:16: guest-start "100000000h" is not a duration such as 2s or 300ms`},
		{"duration negative", "timing:\n  migration: {setup: -1s}\n" + goodSU, 2, ":22: setup -1s is outside 0s..24h0m0s"},
		{"duration long", "timing:\n  reconfiguration:\n    base: 25h\n" + goodSU, 3, ":11: base 25h is outside 0s..24h0m0s"},
		{"max-vm-index huge", "limits:\n  max-vm-index: 9223372036854775807\n" + goodSU, 2, ":17: max-vm-index 9223372036854775807 is outside 2..999999"},
		{"max-vm-index 1", "limits: {max-running-guests: 4, max-vm-index: 1}\n" + goodSU, 1, ":47: max-vm-index 1 is outside 2..999999"},
		{"max-running-guests negative", "limits:\n  max-vm-index: 50\n  max-running-guests: -1\n" + goodSU, 3, ":23: max-running-guests -1 is outside 1..999999"},
		{"SU memory 2^63-1", strings.Replace(goodSU, "memory: 8192", "memory: 9223372036854775807", 1), 5, ":13: memory 9223372036854775807 is outside 1..1048576 MB"},
		{"SU memory fraction", strings.Replace(goodSU, "memory: 8192", "memory: 8192.5", 1), 5, ":13: memory 8192.5 is not a whole number"},
		{"VM memory fraction", strings.Replace(goodSU, "memory: 1024", "memory: 1024.5", 1), 8, ":37: memory 1024.5 is not a whole number"},
		{"VM memory 2^63-1", strings.Replace(goodSU, "memory: 1024", "memory: 9223372036854775807", 1), 8, ":37: memory 9223372036854775807 is outside 1..1048576 MB"},
		{"location 2^63-1", vm("location: 9223372036854775807"), 8, ":39: location 9223372036854775807 is outside 0..1048576 MB"},
		{"location negative", vm("location: -4096"), 8, ":39: location -4096 is outside 0..1048576 MB"},
		{"processors fraction", vm("processors: 1.5"), 8, ":41: processors 1.5 is not a whole number"},
		{"processors 33", vm("processors: 33"), 8, ":41: processors 33 is outside 1..32"},
		{"max-io 101", vm("max-io: 101"), 8, ":37: max-io 101 is outside 1..100"},
		{"index huge", strings.Replace(goodSU, "index: 2", "index: 99999999999", 1), 8, ":17: index 99999999999 is outside 1..999999"},
		{"hypervisor 2", su("hypervisor: 2"), 6, ":17: hypervisor 2 is outside 4..255 MB"},
		{"session 1000", su("session: 1000"), 6, ":14: session 1000 is outside 1..999"},
		{"monitor memory", su("monitor: {memory: 2e6}"), 6, ":23: memory 2e6 is outside 1..1048576 MB"},
		{"definition max-io", su("definitions: [{name: D, memory: 512, max-io: 0.5}]"), 6, ":50: max-io 0.5 is not a whole number"},
		{"memory-short free", goodSU + "faults:\n  - memory-short: {su: SU1, free: -1}\n", 10, ":35: free -1 is outside 0..1048576 MB"},
		{"extend-stops at", goodSU + "faults:\n  - extend-stops: {vm: A, at: 1e7}\n", 10, ":31: at 1e7 is outside 1..1048576 MB"},
		{"site command sc1", goodSU + "commands:\n  - {name: SHOW-FILE, maincode: DMS0533,\n     sc1: 256}\n", 11, ":11: sc1 256 is outside 0..255"},
		{"fraction of a hex", strings.Replace(goodSU, "memory: 8192", "memory: 0x2000", 1) + "      - {index: 3, memory: 0.5}\n", 9, ":28: memory 0.5 is not a whole number"},
		{"anchor", strings.Replace(goodSU, "memory: 8192", "memory: &m 8192", 1), 5, ":13: anchors (&m) are not supported"},
		{"alias", "local-su: &m SU1\n" + goodSU, 1, ":11: anchors (&m) are not supported"},
		{"merge key", goodSU + "      - {<<: {memory: 512}, index: 3}\n", 9, ":10: merge keys (<<) are not supported"},
		{"limits at their field", "limits:\n  max-vm-index: 12\n" + strings.Replace(goodSU, "index: 2", "index: 13", 1), 10, ":17: VM index must be 2..12"},
		{"console-language at its field", "local-su: SU1\nconsole-language: X\n" + goodSU, 2, `:19: console-language must be E or D, not "X"`},
		{"local-su at its field", "console-language: E\nlocal-su: NOPE\n" + goodSU, 2, ":11: local-su NOPE is not a server unit"},
		{"overlap reported at the later VM", vm("location: 4096") + "      - {index: 3, name: B, memory: 512, location: 4000}\n", 9, ":52: memory of VM B overlaps VM A"},
		{"location below the monitor's end", vm("location: 100"), 8, ":39: location 100 of VM A is outside the memory free for guests (512..8192 MB)"},

		// Issue 15: the VM2000 state a world's vm2000.yaml carries, each
		// value checked at its position.
		{"wait state unknown", vm("state: WAIT(XYZ)"), 8, `:36: VM state must be INIT-ONLY, RUNNING, DOWN, or for a held VM WAIT(SEL), WAIT(GLB), WAIT(VMA) or IN-HOLD, not "WAIT(XYZ)"`},
		{"wait state on x86", strings.Replace(vm("state: WAIT(GLB)"), "/390", "x86", 1), 8, ":36: a held VM (WAIT(GLB)) exists on SU /390 only"},
		{"more wait states of a running VM", vm("more-wait-states: [WAIT(VMA)]"), 8, ":47: more-wait-states are for a held VM, not one in state RUNNING"},
		{"more wait states not beneath", vm("state: WAIT(GLB), more-wait-states: [WAIT(SEL)]"), 8, ":65: more-wait-states: WAIT(SEL) is not beneath the state shown, WAIT(GLB)"},
		{"more wait states twice", vm("state: WAIT(SEL), more-wait-states: [WAIT(VMA), WAIT(VMA)]"), 8, ":65: more-wait-states: WAIT(VMA) is not beneath"},
		{"more wait states unknown", vm("state: IN-HOLD, more-wait-states: [HELD]"), 8, `:63: more-wait-states: "HELD" is not WAIT(SEL), WAIT(GLB) or WAIT(VMA)`},
		{"guest unknown", vm("guest: ASLEEP"), 8, `:36: guest state must be one of NONE, START, READY, NTERM, ATERM, RSTRT, not "ASLEEP"`},
		{"guest impossible", vm("state: INIT-ONLY, guest: READY"), 8, ":54: a guest in state READY is not possible in a VM in state INIT-ONLY"},
		{"monjv", vm("monjv: 'JV X'"), 8, `:36: monjv "JV X" is not a job variable name`},
		{"monjv catalog only", vm("monjv: ':SDFP:'"), 8, `:36: monjv ":SDFP:" is not a job variable name`},
		{"monitor cpu-quota", su("monitor: {cpu-quota: 100}"), 6, ":26: cpu-quota 100 is outside 0.01..99.99"},
		{"monitor device not generated", su("monitor: {devices: [T9]}"), 6, ":25: device T9 of VM MONITOR is not generated on SU1"},
		{"monitor device exclusive", su("monitor: {devices: [\"4683\"]}"), 9, ":53: device 4683 assigned to VM A is already assigned exclusively to VM MONITOR"},
		{"monitor pool", su("monitor: {cpu-pool: NOPOOL}"), 6, ":25: CPU pool NOPOOL is not defined on SU1"},
	}
	pattern := regexp.MustCompile(`^test\.yaml:(\d+):(\d+): `)
	for _, tc := range tests {
		_, err := LoadInstallation("test.yaml", []byte(tc.yaml))
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		var errs InstallErrors
		if !errors.As(err, &errs) {
			t.Errorf("%s: %T %v", tc.name, err, err)
			continue
		}
		first := errs[0].Error()
		m := pattern.FindStringSubmatch(first)
		if m == nil || !strings.Contains(first, tc.want) || m[1] != itoa(tc.line) {
			t.Errorf("%s: %s\nwant line %d and %q", tc.name, err, tc.line, tc.want)
		}
	}
}

// The default installation, the test data and the annotated example of
// the package documentation all load.
func TestInstallationsLoad(t *testing.T) {
	files, _ := filepath.Glob("../../procs/*.yaml")
	files = append(files, "default.yaml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := LoadInstallation(f, data)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		newRigFrom(t, inst)
	}
	inst, err := LoadInstallation("doc.go", docExample(t))
	if err != nil {
		t.Fatalf("the example in doc.go: %v", err)
	}
	r := newRigFrom(t, inst)
	if r.m.LocalSU() != "ABGSE701" || r.m.inst.ConsoleLanguage != "D" {
		t.Error("example not read as documented")
	}
	if err := r.m.SetLocalSU("abgse501"); err != nil || r.m.LocalSU() != "ABGSE501" {
		t.Errorf("SetLocalSU: %v", err)
	}
	if err := r.m.SetLocalSU("NOSUCH"); err == nil {
		t.Error("SetLocalSU accepted an unknown SU")
	}
}

// docExample extracts the annotated installation file from doc.go.
func docExample(t *testing.T) []byte {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	in := false
	for _, line := range strings.Split(string(src), "\n") {
		switch {
		case strings.HasPrefix(line, "// example, every field annotated"):
			in = true
		case in && strings.HasPrefix(line, "// # "):
			in = false
		case in && strings.HasPrefix(line, "//\t"):
			out = append(out, strings.TrimPrefix(line, "//\t"))
		case in:
			out = append(out, "")
		}
	}
	if len(out) < 50 {
		t.Fatalf("example not found in doc.go (%d lines)", len(out))
	}
	return []byte(strings.Join(out, "\n"))
}

// Two models of one installation share nothing.
func TestModelsIndependent(t *testing.T) {
	inst := DefaultInstallation()
	a, b := newRigFrom(t, inst).admin(), newRigFrom(t, inst).admin()
	a.ok("DELETE-VM VM-ID=2,CHECK-VM-STATE=*NO")
	if b.vm("ABGSE501", "2") == nil {
		t.Error("deleting in one model changed the other")
	}
	if inst.ServerUnits[0].VMs[0].Name != "VM02" {
		t.Error("the installation was changed")
	}
}

// LoadInstallation never panics, and whatever it accepts builds a model
// that answers commands.
func FuzzLoadInstallation(f *testing.F) {
	files, _ := filepath.Glob("../../procs/*.yaml")
	for _, name := range append(files, "default.yaml") {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(goodSU))
	f.Add([]byte(goodSU + "commands:\n  - {name: SHOW-FILE, operands: \"F = <name 1..8> !\", output: [\"% X\"], maincode: DMS0533, sc1: 64}\n"))
	f.Add([]byte("server-units: [{name: A, type: x86, memory: 4096, vms: [{index: 2, memory: 1024}]}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		inst, err := LoadInstallation("fuzz.yaml", data)
		if err != nil {
			return
		}
		r := newRigFrom(t, inst).admin()
		r.run("SHOW-VM-RESOURCES INFORMATION=*ALL")
		r.run("SHOW-VM-ATTRIBUTES VM-ID=*VM2000,INFORMATION=*ALL")
		r.run("SHOW-VM-DEFINITION")
	})
}

// The complete example of the installation format in README loads: the
// documentation cannot drift from what the loader accepts.
func TestReadmeExampleLoads(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "```yaml\n")
	example, _, closed := strings.Cut(rest, "```")
	if !ok || !closed || !strings.Contains(example, "server-units:") {
		t.Fatal("README has no ```yaml block with an installation")
	}
	inst, err := LoadInstallation("README.md", []byte(example))
	if err != nil {
		t.Fatal(err)
	}
	if len(inst.Commands) == 0 || len(inst.Faults) == 0 || len(inst.Clusters) == 0 {
		t.Errorf("the example should show every part of the format: %d commands, %d faults, %d clusters",
			len(inst.Commands), len(inst.Faults), len(inst.Clusters))
	}
}

// Every error of a file at once, each at its place: the decoder stopped
// at the first unknown field or value of the wrong type; an empty file's
// is at 1:1 (it was 0:0); a byte order mark is no text; index 1 is the
// monitor VM's, not a second VM's.
func TestInstallationErrorsAllAtOnce(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       []string
	}{
		{"unknown fields", "aaa: 1\nbbb: 2\n" + strings.Replace(goodSU, "memory: 8192", "memory: 8192\n    colour: red", 1),
			[]string{`1:1: unknown field "aaa"`, `2:1: unknown field "bbb"`, `8:5: unknown field "colour"`}},
		{"values of the wrong type", strings.Replace(goodSU, "memory: 8192", "memory: big\n    hypervisor: x", 1) + "      - {index: 3, name: B, memory: 1.5}\n",
			[]string{`5:13: memory "big" is not a number`, `6:17: hypervisor "x" is not a number`, `10:37: memory 1.5 is not a whole number`}},
		{"empty", "", []string{"1:1: no server-units defined"}},
		{"only a comment after a byte order mark", "\ufeff# nothing yet\n", []string{"1:1: no server-units defined"}},
		{"index 1", strings.Replace(goodSU, "index: 2", "index: 1", 1), []string{"8:17: VM index must be 2..99 (1 is the monitor VM), not 1"}},
	} {
		_, err := LoadInstallation("test.yaml", []byte(tc.yaml))
		var errs InstallErrors
		if !errors.As(err, &errs) {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var got []string
		for _, e := range errs {
			got = append(got, strings.TrimPrefix(e.Error(), "test.yaml:"))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}
