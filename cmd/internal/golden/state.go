package golden

import (
	"sdfp/hypervisor/vm2000"
)

// StateText is the VM2000 state a run left, for the state section: the
// clusters and server units of the model's Snapshot (where each VM is, its
// state, memory and devices) in the installation format. Timing, limits,
// faults, site commands and software are left out: a run does not change
// them, and the section shows what the procedure did to the installation.
// The text loads with vm2000.LoadInstallation as it stands.
func StateText(m *vm2000.Model) string {
	snap := m.Snapshot()
	state := &vm2000.Installation{LocalSU: snap.LocalSU, Clusters: snap.Clusters, ServerUnits: snap.ServerUnits}
	data, err := vm2000.MarshalInstallation(state)
	if err != nil {
		return "(" + err.Error() + ")\n"
	}
	return string(data)
}
