package vm2000

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
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
	tests := []struct {
		name, yaml string
		line       int
		want       string
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
