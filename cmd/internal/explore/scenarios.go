package explore

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"sdfp/hypervisor/vm2000"
)

// Fault is one change to the installation a scenario runs with: a fault
// of the installation format's faults: section, or a timing that makes an
// asynchronous operation slower than any WAIT-EVENT waits for it.
type Fault struct {
	// ID is stable: it names what the fault does to what (abort-VM12PROD-
	// transfer-VMS2454), never a position in the list.
	ID string `json:"id"`
	// Kind is the row of the faultKinds table that derived it.
	Kind string `json:"kind"`
	What string `json:"what"`
	// subject is what the fault acts on; two faults of one kind on one
	// subject are never paired (the model keeps one per VM).
	subject string
	apply   func(inst *vm2000.Installation)
	// refusal, for a fault of kind "refused", answers one command in place
	// of the model (refusals.go); no installation file can say this, so
	// such a scenario cannot be written as a golden case.
	refusal *refusal
}

// Scenario is one run: the baseline (no fault), one fault, or at depth 2
// a pair.
type Scenario struct {
	ID     string  `json:"id"`
	Faults []Fault `json:"faults,omitempty"`
}

// Writable reports whether the installation format can hold all of the
// scenario's faults (a refusal it cannot), so that --golden can write it.
func (s Scenario) Writable() bool {
	return !slices.ContainsFunc(s.Faults, func(f Fault) bool { return f.refusal != nil })
}

// What describes the scenario's faults.
func (s Scenario) What() string {
	if len(s.Faults) == 0 {
		return "no fault"
	}
	var parts []string
	for _, f := range s.Faults {
		parts = append(parts, f.What)
	}
	return strings.Join(parts, "; ")
}

// installation is the base installation with the scenario's faults.
func (s Scenario) installation(base *vm2000.Installation) *vm2000.Installation {
	inst := *base
	inst.File = ""
	inst.Faults = slices.Clone(base.Faults)
	for _, f := range s.Faults {
		if f.apply != nil {
			f.apply(&inst)
		}
	}
	return &inst
}

// abortReasons are the reasons a migration-abort fault reports, one
// scenario each: the reasons the model itself gives when a live
// migration fails on the target (hypervisor/vm2000, migration_check.go
// and migration_run.go), each with the source its key has there.
var abortReasons = []struct{ Key, Why, Source string }{
	{"VMS2454", "connection between the units lost", "V:WPREJ (an interrupted connection aborts a migration); key I"},
	{"VMS4504", "memory bottleneck on the target", "I: VM2000's general memory code (V:RC)"},
	{"VMS2437", "a device is exclusively assigned on the target", "S: seed 000"},
}

// migrationPhases are the phases a migration-abort can hit (README,
// "The installation file": setup/transfer/switch).
var migrationPhases = []string{"setup", "transfer", "switch"}

// slowness is how long an operation takes in a "slow" scenario: past any
// WAIT-EVENT time limit a procedure can give (sdfp's choice, I: the
// manuals state no maximum here, and a day is past every limit the
// shipped procedures use).
const slowness = 24 * time.Hour

// faultKinds derive the faults that apply to what the baseline touched,
// in this order; each row is one kind the installation format can inject
// (README "The installation file", faults:) or a timing.
var faultKinds = []struct {
	Kind   string
	Doc    string
	derive func(b *Baseline, inst *vm2000.Installation) []Fault
}{
	{"migration-abort", "each live migration aborted in each phase with each reason", deriveAborts},
	{"memory-short", "no free memory on the target of each migration and the unit of each reconfiguration", deriveMemoryShort},
	{"device-taken", "each device of each migrated VM exclusively held on the target by a VM there", deriveDeviceTaken},
	{"unit-failed", "the target unit of each migration failed in its SU cluster (state: failed)", deriveUnitFailed},
	{"guest-never-ready", "each started guest never reaches SYSTEM READY", deriveNeverReady},
	{"extend-stops", "each x86 extension stops half way", deriveExtendStops},
	{"slow", "each kind of asynchronous operation slowed past every WAIT-EVENT's time limit", deriveSlow},
	{"refused", "each call of a VM2000 command refused with each general return code", deriveRefusals},
}

func deriveAborts(b *Baseline, _ *vm2000.Installation) []Fault {
	var out []Fault
	for _, t := range b.touches(vm2000.TouchMigration) {
		for _, phase := range migrationPhases {
			for _, r := range abortReasons {
				f := vm2000.MigrationAbortFault{VM: t.VM, Phase: phase, Reason: r.Key}
				out = append(out, Fault{
					ID: fmt.Sprintf("abort-%s-%s-%s", t.VM, phase, r.Key), Kind: "migration-abort", subject: t.VM,
					What:  fmt.Sprintf("migration of %s aborted in the %s phase (%s, %s)", t.VM, phase, r.Key, r.Why),
					apply: addFault(vm2000.FaultSpec{MigrationAbort: &f}),
				})
			}
		}
	}
	return out
}

func deriveMemoryShort(b *Baseline, _ *vm2000.Installation) []Fault {
	var units []string
	for _, t := range b.Touches {
		switch {
		case t.Kind == vm2000.TouchMigration:
			units = append(units, t.Target)
		case t.Kind == vm2000.TouchReconfiguration && t.Extend:
			units = append(units, t.SU)
		}
	}
	var out []Fault
	for _, su := range uniq(units) {
		f := vm2000.MemoryShortFault{SU: su}
		out = append(out, Fault{ID: "short-" + su, Kind: "memory-short", subject: su,
			What:  "no free main memory on " + su,
			apply: addFault(vm2000.FaultSpec{MemoryShort: &f})})
	}
	return out
}

func deriveDeviceTaken(b *Baseline, inst *vm2000.Installation) []Fault {
	var out []Fault
	seen := map[string]bool{}
	for _, t := range b.touches(vm2000.TouchMigration) {
		target := unitSpec(inst, t.Target)
		if target == nil {
			continue
		}
		for _, mn := range t.Devices {
			holder := deviceHolder(target, mn)
			key := t.Target + "-" + mn
			if holder == "" || seen[key] {
				continue
			}
			seen[key] = true
			f := vm2000.DeviceTakenFault{SU: t.Target, Device: mn, VM: holder}
			out = append(out, Fault{ID: "taken-" + key, Kind: "device-taken", subject: key,
				What:  fmt.Sprintf("device %s taken on %s by %s", mn, t.Target, holder),
				apply: addFault(vm2000.FaultSpec{DeviceTaken: &f})})
		}
	}
	return out
}

// deriveUnitFailed: the target of a migration has failed, so VM2000
// does not detect it (MIGRATE-VM and CHECK-VM-MIGRATION end with
// VMS2400, hypervisor/vm2000 recover.go).
func deriveUnitFailed(b *Baseline, inst *vm2000.Installation) []Fault {
	var out []Fault
	for _, su := range uniq(targets(b.touches(vm2000.TouchMigration))) {
		if unitSpec(inst, su) == nil {
			continue
		}
		out = append(out, Fault{ID: "failed-" + su, Kind: "unit-failed", subject: su,
			What: "server unit " + su + " has failed",
			apply: func(inst *vm2000.Installation) {
				inst.ServerUnits = slices.Clone(inst.ServerUnits) // the base's stay as they are
				unitSpec(inst, su).State = "failed"
			}})
	}
	return out
}

func targets(ts []vm2000.Touch) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Target)
	}
	return out
}

// deviceHolder is the first guest VM of the unit that can hold the
// device for a device-taken fault: the device is generated there and no
// VM of the unit has it yet (the installation check's conditions).
func deviceHolder(su *vm2000.ServerUnitSpec, mn string) string {
	generated := false
	for _, d := range su.Devices {
		generated = generated || strings.EqualFold(d.MN, mn)
	}
	if !generated || len(su.VMs) == 0 {
		return ""
	}
	for _, vm := range su.VMs {
		for _, d := range vm.Devices {
			if strings.EqualFold(d.MN, mn) {
				return ""
			}
		}
	}
	return su.VMs[0].Name
}

func deriveNeverReady(b *Baseline, _ *vm2000.Installation) []Fault {
	var out []Fault
	for _, vm := range uniq(names(b.touches(vm2000.TouchGuestStart))) {
		f := vm2000.GuestFault{VM: vm}
		out = append(out, Fault{ID: "never-ready-" + vm, Kind: "guest-never-ready", subject: vm,
			What:  "the guest of " + vm + " never reaches SYSTEM READY",
			apply: addFault(vm2000.FaultSpec{GuestNeverReady: &f})})
	}
	return out
}

func deriveExtendStops(b *Baseline, _ *vm2000.Installation) []Fault {
	var out []Fault
	seen := map[string]bool{}
	for _, t := range b.touches(vm2000.TouchReconfiguration) {
		if !t.Extend || t.Arch != "x86" || seen[t.VM] {
			continue
		}
		seen[t.VM] = true
		at := (t.From + (t.To-t.From)/2) &^ 1 // x86 sizes are even
		if at <= t.From {
			continue
		}
		f := vm2000.ExtendStopsFault{VM: t.VM, At: at}
		out = append(out, Fault{ID: fmt.Sprintf("stops-%s-%d", t.VM, at), Kind: "extend-stops", subject: t.VM,
			What:  fmt.Sprintf("the extension of %s stops at %d MB", t.VM, at),
			apply: addFault(vm2000.FaultSpec{ExtendStops: &f})})
	}
	return out
}

func deriveSlow(b *Baseline, _ *vm2000.Installation) []Fault {
	slow := []struct {
		kind, id, what string
		apply          func(t *vm2000.Timing)
	}{
		{vm2000.TouchMigration, "slow-migration", "live migrations take a day to set up", func(t *vm2000.Timing) { t.Migration.Setup = slowness }},
		{vm2000.TouchReconfiguration, "slow-reconfiguration", "memory reconfigurations take a day", func(t *vm2000.Timing) { t.Reconfiguration.Base = slowness }},
		{vm2000.TouchGuestStart, "slow-guest-start", "guests take a day to reach SYSTEM READY", func(t *vm2000.Timing) { t.GuestStart = slowness }},
	}
	var out []Fault
	for _, s := range slow {
		if len(b.touches(s.kind)) == 0 {
			continue
		}
		apply := s.apply
		out = append(out, Fault{ID: s.id, Kind: "slow", subject: s.kind, What: s.what,
			apply: func(inst *vm2000.Installation) { apply(&inst.Timing) }})
	}
	return out
}

// Derive lists the scenarios of an exploration: every fault that applies
// to what the baseline touched, and at depth 2 also every pair of faults
// that do not act on the same subject in the same way. The list depends
// only on the baseline and the installation, so ids and order are stable.
func Derive(b *Baseline, inst *vm2000.Installation, depth int) []Scenario {
	var faults []Fault
	for _, k := range faultKinds {
		faults = append(faults, k.derive(b, inst)...)
	}
	var out []Scenario
	for _, f := range faults {
		out = append(out, Scenario{ID: f.ID, Faults: []Fault{f}})
	}
	if depth >= 2 {
		for i, f := range faults {
			for _, g := range faults[i+1:] {
				if f.Kind == g.Kind && f.subject == g.subject {
					continue
				}
				out = append(out, Scenario{ID: f.ID + "+" + g.ID, Faults: []Fault{f, g}})
			}
		}
	}
	return out
}

// addFault is the apply function of a fault of the installation format.
func addFault(f vm2000.FaultSpec) func(inst *vm2000.Installation) {
	return func(inst *vm2000.Installation) { inst.Faults = append(inst.Faults, f) }
}

func unitSpec(inst *vm2000.Installation, name string) *vm2000.ServerUnitSpec {
	for i := range inst.ServerUnits {
		if strings.EqualFold(inst.ServerUnits[i].Name, name) {
			return &inst.ServerUnits[i]
		}
	}
	return nil
}

func names(ts []vm2000.Touch) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.VM)
	}
	return out
}

// uniq keeps the first of each string, in order.
func uniq(list []string) []string {
	var out []string
	for _, s := range list {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
