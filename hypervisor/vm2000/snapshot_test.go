package vm2000

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// roundTrip writes the model as an installation, loads it and builds a
// model of it, and returns both texts: the second model's snapshot must
// read the same as the first.
func roundTrip(t *testing.T, m *Model) (first, second []byte) {
	t.Helper()
	first, err := MarshalInstallation(m.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	inst, err := LoadInstallation("snapshot.yaml", first)
	if err != nil {
		t.Fatalf("%v\n%s", err, first)
	}
	r := newRigFrom(t, inst)
	second, err = MarshalInstallation(r.m.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	return first, second
}

// TestSnapshotRoundTrip: an installation written from a model loads to
// the same model, for every installation the project ships and after
// commands changed the model (a VM created, one migrated to the other
// unit, memory reduced and extended, a VM deleted).
func TestSnapshotRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../../procs/*.yaml")
	if len(files) == 0 {
		t.Fatal("no installations in procs/")
	}
	for _, f := range append([]string{""}, files...) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			inst := DefaultInstallation()
			if f != "" {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if inst, err = LoadInstallation(f, data); err != nil {
					t.Fatal(err)
				}
			}
			r := newRigFrom(t, inst)
			if first, second := roundTrip(t, r.m); !bytes.Equal(first, second) {
				t.Fatalf("as loaded:\n%s\nloaded again:\n%s", first, second)
			}
		})
	}
	// strings YAML could read as something else, site commands, software
	// and faults
	tricky := string(DefaultYAML()) + `
commands:
  - name: SHOW-FILE
    output: ["% a: b # not a comment", "yes", "'quoted' \"twice\"", " lead and trail ", "", "1e3", "~", "tab\there"]
    maincode: DMS0533
    sc1: 64
software:
  - {unit: EDT, version: 17.0A00, items: {SYSPRG: $TSOS.SYSPRG.EDT.170, "y": $TSOS.Y}}
faults:
  - device-taken: {su: ABGSE501, device: T0, vm: VM02}
  - memory-short: {su: ABGSE701, free: 10240}
`
	inst, err := LoadInstallation("tricky.yaml", []byte(tricky))
	if err != nil {
		t.Fatal(err)
	}
	if first, second := roundTrip(t, newRigFrom(t, inst).m); !bytes.Equal(first, second) {
		t.Fatalf("tricky:\n%s\nloaded again:\n%s", first, second)
	} else if loaded, _ := LoadInstallation("again.yaml", first); !reflect.DeepEqual(loaded.Commands[0].Output, inst.Commands[0].Output) ||
		!reflect.DeepEqual(loaded.Inventory[0].Items, inst.Inventory[0].Items) {
		t.Errorf("strings changed:\n%q\n%q", loaded.Commands[0].Output, loaded.Inventory[0].Items)
	}
	r := newRig(t, "").admin()
	r.ok("CREATE-VM MEMORY-SIZE=1024,MIN-MEMORY-SIZE=512,VM-NAME=NEWVM,PERSISTENT=*YES")
	r.ok("MIGRATE-VM VM-ID=12,SERVER-UNIT-NAME=ABGSE701")
	r.ok("REDUCE-VM-MEMORY VM-ID=2")
	r.drain()
	first, second := roundTrip(t, r.m)
	if !bytes.Equal(first, second) {
		t.Fatalf("after commands:\n%s\nloaded again:\n%s", first, second)
	}
	text := string(first)
	for _, want := range []string{"name: NEWVM", "memory: 2048"} {
		if !strings.Contains(text, want) {
			t.Errorf("snapshot lacks %q:\n%s", want, text)
		}
	}
	// VM12PROD now stands under ABGSE701, after its heading
	if i, j := strings.Index(text, "name: ABGSE701"), strings.Index(text, "name: VM12PROD"); i < 0 || j < i {
		t.Errorf("VM12PROD not under ABGSE701:\n%s", text)
	}
}
