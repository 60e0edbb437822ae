package golden

import (
	"context"
	"strings"
	"testing"

	"sdfp/cmd/internal/session"
	"sdfp/hypervisor/vm2000"
	"sdfp/interp"
)

// TestStateSection: a case's state section is the VM2000 after the run,
// and its text loads as an installation.
func TestStateSection(t *testing.T) {
	c, err := Load("../../../testdata/state/migrate-state.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var m *vm2000.Model
	out, err := c.RunWith(context.Background(), Options{Done: func(s *session.Session, _ interp.Result) { m = s.VM2000 }})
	if err != nil {
		t.Fatal(err)
	}
	state := out["state"]
	if m == nil || state != StateText(m) {
		t.Fatalf("state section is not the model's end state:\n%s", state)
	}
	inst, err := vm2000.LoadInstallation("state.yaml", []byte(state))
	if err != nil {
		t.Fatalf("state does not load: %v", err)
	}
	for _, su := range inst.ServerUnits {
		for _, vm := range su.VMs {
			if vm.Name == "VM12PROD" && su.Name != "ABGSE701" {
				t.Errorf("VM12PROD under %s after the migration", su.Name)
			}
		}
	}
	if !strings.Contains(state, "name: VM12PROD") {
		t.Errorf("VM12PROD missing from the state")
	}
}
