package vm2000

import (
	"bytes"
	"strings"
	"testing"

	"sdfp/interp/handler"
)

// memFiles is a FileStore of whole files by name, for the user ID U.
type memFiles map[string][]byte

func (memFiles) UserID() string { return "U" }

func (memFiles) ForeignUser(name string) bool {
	return strings.HasPrefix(name, "$") && !strings.HasPrefix(name, "$U.")
}

func (f memFiles) WriteUserFile(name string, data []byte) (string, *handler.Result) {
	f[name] = bytes.Clone(data)
	return ":X:$U." + name, nil
}

func (f memFiles) ReadUserFile(name string, max int64) ([]byte, string, *handler.Result) {
	data, ok := f[name]
	if !ok || int64(len(data)) > max {
		return nil, "", &handler.Result{RC: handler.ReturnCode{SC1: 64, Main: "DMS0533"}}
	}
	return data, ":X:$U." + name, nil
}

// deleteGuests deletes every guest VM of the local unit.
func (r *rig) deleteGuests() {
	r.t.Helper()
	for _, vm := range r.m.local.sortedVMs() {
		if !vm.isMonitor() {
			r.ok("DELETE-VM VM-ID=" + itoa(vm.index) + ",CHECK-VM-STATE=*NO")
		}
	}
}

// A backup restored into the unit it came from, its guests deleted,
// gives the same backup again, byte for byte: everything a backup holds
// comes back.
func TestRestoredConfigurationSavesTheSame(t *testing.T) {
	r := newRig(t, "").admin()
	files := memFiles{}
	r.m.SetFiles(files)
	r.ok("SAVE-VM-CONFIGURATION FILE-NAME=A")
	if _, err := LoadBackup("A", files["A"]); err != nil {
		t.Fatalf("the backup does not load: %v\n%s", err, files["A"])
	}
	r.deleteGuests()
	r.ok("RESTORE-VM-CONFIGURATION FILE-NAME=A")
	r.ok("SAVE-VM-CONFIGURATION FILE-NAME=B")
	if !bytes.Equal(files["A"], files["B"]) {
		t.Errorf("restored configuration saves differently:\n%s\n---\n%s", files["A"], files["B"])
	}
	for _, vm := range r.m.local.sortedVMs() {
		if !vm.isMonitor() && vm.state != StateInitOnly {
			t.Errorf("restored VM %s is %v, want INIT-ONLY", vm.name, vm.state)
		}
	}
}

// Without a FileStore (a model outside a session) the backup commands
// are VMS9001, not a crash.
func TestConfigurationWithoutFiles(t *testing.T) {
	r := newRig(t, "").admin()
	for _, cmd := range []string{"SAVE-VM-CONFIGURATION", "RESTORE-VM-CONFIGURATION"} {
		if res := r.run(cmd); res.RC.Main != "VMS9001" {
			t.Errorf("%s: %v %q, want VMS9001", cmd, res.RC, res.Output)
		}
	}
}

// A backup file's text never makes the reader or the restore panic;
// what loads restores into a unit whose only VM is the monitor, or is
// refused with a return code.
func FuzzLoadBackup(f *testing.F) {
	r := newRig(f, "").admin()
	files := memFiles{}
	r.m.SetFiles(files)
	r.ok("SAVE-VM-CONFIGURATION FILE-NAME=SEED")
	f.Add(files["SEED"])
	f.Add([]byte("server-units:\n  - {name: A, type: x86, memory: 4096}\n"))
	f.Add([]byte("server-units:\n  - name: SU\n    type: /390\n    memory: 1024\n    hypervisor: 64\n    vms: [{index: 2, name: G, memory: 99999, devices: [{mn: \"4680\"}]}]\n"))
	f.Add([]byte("server-units: [{name: A, type: [/390"))
	const unit = "server-units:\n  - {name: SU, type: /390, memory: 8192, hypervisor: 64, devices: [{mn: \"4680\", kind: disk}]}\n"
	f.Fuzz(func(t *testing.T, data []byte) {
		su, err := LoadBackup("fuzz", data)
		if err != nil {
			if su != nil {
				t.Fatal("a backup and an error")
			}
			return
		}
		r := newRig(t, unit).admin()
		r.m.SetFiles(memFiles{"F": data})
		res := r.run("RESTORE-VM-CONFIGURATION FILE-NAME=F")
		if res.RC != handler.OK && res.RC.SC1 == 0 {
			t.Fatalf("refused without an error class: %v", res.RC)
		}
	})
}
