package vm2000

import "slices"

// Operation kinds a Touch reports.
const (
	TouchMigration       = "migration"
	TouchReconfiguration = "reconfiguration"
	TouchGuestStart      = "guest-start"
)

// Touch is an asynchronous operation the model accepted: what a run
// touched, for sdfp explore, which derives the faults that apply to a
// procedure from these (cmd/internal/explore).
type Touch struct {
	Kind string `json:"kind"` // TouchMigration, TouchReconfiguration or TouchGuestStart
	VM   string `json:"vm"`   // the VM's name
	SU   string `json:"su"`   // the server unit the VM is on when the operation starts
	Arch string `json:"arch"` // "/390" or "x86"
	// Target is a migration's target unit, Devices the VM's devices
	// when it starts.
	Target  string   `json:"target,omitempty"`
	Devices []string `json:"devices,omitempty"`
	// Extend, From and To: a reconfiguration's direction and sizes (MB).
	Extend bool   `json:"extend,omitempty"`
	From   int    `json:"from,omitempty"`
	To     int    `json:"to,omitempty"`
	MonJV  string `json:"monjv,omitempty"` // the MONJV named, "" for none
}

// Observe makes f receive every asynchronous operation the model accepts
// from now on (nil: none).
func (m *Model) Observe(f func(Touch)) { m.observer = f }

func (m *Model) touched(t Touch) {
	if m.observer != nil {
		m.observer(t)
	}
}

func monJVName(j *monitorJV) string {
	if j == nil {
		return ""
	}
	return j.name
}

// VMView is what an observer sees of one VM at a moment.
type VMView struct {
	SU     string
	Index  int
	Name   string
	State  string // INIT-ONLY, RUNNING, IN-HOLD, DOWN
	Guest  string // NONE, START, READY, ...
	Memory int    // MB now
	Min    int    // 0: *UNDEF
	Max    int    // 0: none
	// Migrating: a live migration of the VM is under way (its state
	// shows (MIGR)); Phase is the last phase it reached.
	Migrating bool
	Phase     string
	// Reconfiguring: a memory reconfiguration is under way; Planned is
	// the size it aims at.
	Reconfiguring bool
	Planned       int
}

// View lists every VM of every server unit (monitors included, VMs set
// up on a migration's target left out), in unit and index order, and the
// tasks whose administration dialog is open.
func (m *Model) View() (vms []VMView, dialogs []string) {
	for _, su := range m.units {
		for _, vm := range su.sortedVMs() {
			if vm.incoming != nil {
				continue
			}
			v := VMView{SU: su.name, Index: vm.index, Name: vm.name, State: vm.state.String(), Guest: vm.guest.String(),
				Memory: vm.size, Min: vm.min, Max: vm.max}
			if mig := vm.migration; mig != nil {
				v.Migrating, v.Phase = true, mig.phase.String()
			}
			if r := vm.reconfig; r != nil {
				v.Reconfiguring, v.Planned = true, r.planned
			}
			vms = append(vms, v)
		}
	}
	for task := range m.dialogs {
		if m.dialogOf(task) != nil {
			dialogs = append(dialogs, task)
		}
	}
	slices.Sort(dialogs)
	return vms, dialogs
}
