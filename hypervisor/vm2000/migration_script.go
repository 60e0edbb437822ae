package vm2000

// The console messages of a live migration, per SU type and phase, as
// data. /390: the whitepaper's example (V:WP390, numbers = its global
// order); x86: seed 001 (S), which names fewer messages.

// consoleSide is the console a migration message goes to.
type consoleSide int

const (
	onSource consoleSide = iota // monitor console of the source SU
	onTarget                    // monitor console of the target SU
	onGuest                     // console of the migrating guest system (only while it runs)
)

// insertForm is which inserts a migration message takes.
type insertForm int

const (
	formNone           insertForm = iota
	formVMTarget                  // (index, name, target SU)
	formVMSource                  // (index, name, source SU)
	formVM                        // (index, name)
	formEachDevice                // one line per device of the VM on that side: (device, index, name)
	formVMTargetReason            // (index, name, target SU, reason)
	formVMSourceReason            // (index, name, source SU, reason)
)

// scriptLine is one console message of a migration phase.
type scriptLine struct {
	side    consoleSide
	key     string
	inserts insertForm
}

// guestRunsOnly are the migration messages written only when the
// migrating VM's guest runs (RUNNING): a VM in INIT-ONLY or DOWN has no
// guest to suspend and resume (I, from the meaning of VMS2452 and
// VMS2432, V:PHA).
var guestRunsOnly = map[string]bool{"VMS2452": true, "VMS2432": true}

// migrationScript lists the messages of each phase in console order.
type migrationScript struct {
	accepted, setup, suspend, switchOver []scriptLine
	targetRemoved                        []scriptLine // abort after the target VM was set up
	aborted                              []scriptLine
	source                               string
}

var migrationScripts = map[architecture]migrationScript{
	arch390: {
		accepted: []scriptLine{
			{onSource, "VMS2450", formVMTarget}, // (1)
			{onGuest, "ETMDR01", formNone},      // (2)
			{onGuest, "MCS1002", formNone},      // (3)
		},
		setup: []scriptLine{
			{onTarget, "VMS2430", formVMSource},   // (4)
			{onTarget, "VMS3050", formVM},         // (5)
			{onTarget, "VMS4005", formEachDevice}, // (6)
		},
		suspend: []scriptLine{
			{onSource, "VMS2452", formVMTarget}, // (7)
		},
		switchOver: []scriptLine{
			{onTarget, "VMS2432", formVMSource},   // (9)
			{onTarget, "VMS2431", formVMSource},   // (12)
			{onSource, "VMS4009", formEachDevice}, // (13)
			{onSource, "VMS4024", formVM},         // (14)
			{onSource, "VMS2451", formVMTarget},   // (15)
		},
		targetRemoved: []scriptLine{
			{onTarget, "VMS4009", formEachDevice},
			{onTarget, "VMS4024", formVM},
		},
		aborted: []scriptLine{
			{onTarget, "VMS2433", formVMSourceReason},
			{onSource, "VMS2453", formVMTargetReason},
		},
		source: "V:WP390 console example (steps 1-15; guest steps 8, 10, 11 cut); aborts I",
	},
	archX86: {
		accepted: []scriptLine{
			{onSource, "VMS2450", formVMTarget},
		},
		setup: []scriptLine{
			{onTarget, "VMS6020", formVM},
		},
		suspend: []scriptLine{
			{onGuest, "HAL0331", formNone},
		},
		switchOver: []scriptLine{
			{onGuest, "HAL0332", formNone},
			{onSource, "VMS6021", formVM},
			{onSource, "VMS2451", formVMTarget},
		},
		targetRemoved: []scriptLine{
			{onTarget, "VMS6021", formVM},
		},
		aborted: []scriptLine{
			{onSource, "VMS2453", formVMTargetReason},
		},
		source: "S seed 001 (VMS2450, HAL0331, VMS6021, VMS2451 source; VMS6020, HAL0332 target); aborts I",
	},
}

// script writes the messages of a phase.
func (m *Model) script(mig *migration, lines []scriptLine) { m.scriptWith(mig, lines, "") }

// scriptWith writes the messages of a phase with a reason insert.
func (m *Model) scriptWith(mig *migration, lines []scriptLine, reason string) {
	vm := mig.vm
	for _, l := range lines {
		if guestRunsOnly[l.key] && vm.state != StateRunning {
			continue
		}
		su, subject := mig.source, vm
		if l.side == onTarget {
			su = mig.target
			if mig.targetVM != nil {
				subject = mig.targetVM
			}
		}
		idx, name := subject.inserts()[0], subject.name
		switch l.inserts {
		case formEachDevice:
			for _, mn := range subject.sortedDevices() {
				if l.key == msgDeviceAssigned {
					m.consoleLine(su, l.key, assignedInserts(subject, mn)...)
					continue
				}
				m.consoleLine(su, l.key, mn, idx, name)
			}
			continue
		case formNone:
			if l.side == onGuest {
				if vm.state == StateRunning {
					m.guestConsoleLine(vm, l.key)
				}
				continue
			}
			m.consoleLine(su, l.key)
			continue
		}
		inserts := []string{idx, name}
		switch l.inserts {
		case formVMTarget:
			inserts = append(inserts, mig.target.name)
		case formVMSource:
			inserts = append(inserts, mig.source.name)
		case formVMTargetReason:
			inserts = append(inserts, mig.target.name, reason)
		case formVMSourceReason:
			inserts = append(inserts, mig.source.name, reason)
		}
		m.consoleLine(su, l.key, inserts...)
	}
}
