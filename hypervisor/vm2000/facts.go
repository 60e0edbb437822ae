package vm2000

import (
	"sort"
	"time"
)

// This file holds the facts about VM2000 that the model rests on, as
// data. Each carries its source: V verified in the VM2000 V12 manual
// (page keys as in shared/spec/vm2000.md), S seen only in the seed
// documents, I inferred by sdfp. Correcting a fact is a change here (and
// in msg/vms.msg for message texts), never in the logic.
//
// Manual pages read for facts not yet in the spec:
//   - https://bs2manuals.ts.fujitsu.com/psVM2000V120de/vm2000-benutzerhandbuch-21466/verwalten-von-vm2000-vm2000_de_2023-11-118/hauptspeicher-verwalten-und-rekonfigurieren-vm2000_de_2023-11-143/hauptspeicher-verwalten-vm2000_de_2023-11-144/hauptspeicher-auf-su-390-verwalten-vm2000_de_2023-11-145
//     /390 main memory: the hypervisor lies at the start, the monitor VM
//     follows it, then the other VMs, each placed at a location (V).
//   - https://bs2manuals.ts.fujitsu.com/psVM2000V120en/vm2000-user-guide-21460/vm2000-commands-vm2000_en_2023-11-192/description-of-the-commands-vm2000_en_2023-11-199/reduce-vm-memory-reduce-main-memory-for-a-vm-vm2000_en_2023-11-234
//     and ...extend-vm-memory-increase-main-memory-for-a-vm-vm2000_en_2023-11-222:
//     the new sizes are noted in the VM definition; MOVE-VM and START-VM
//     during a reconfiguration use the previous size after REDUCE and the
//     new size after EXTEND; on x86 an abort by START-VM, RESET-VM or
//     DELETE-VM continues in the carrier system (V).

// architecture is the type of a server unit.
type architecture int

const (
	arch390 architecture = iota
	archX86
)

func (a architecture) String() string {
	if a == archX86 {
		return "x86"
	}
	return "/390"
}

func parseArch(s string) (architecture, bool) {
	switch s {
	case "/390", "390", "S390", "s390":
		return arch390, true
	case "x86", "X86":
		return archX86, true
	}
	return arch390, false
}

// memoryRule: granularity and bounds of main memory per SU type.
type memoryRule struct {
	granule    int // sizes are multiples of this many MB
	guestMin   int // smallest guest VM
	monitorMin int // smallest monitor VM
	// contiguous: a VM's memory is one area at a location, so an
	// extension needs free memory right behind it (MOVE-VM makes room).
	contiguous bool
	source     string
}

var memoryRules = map[architecture]memoryRule{
	arch390: {granule: 1, guestMin: 1, monitorMin: 512, contiguous: true,
		source: "V:MEM390 1 MB granularity, monitor >= 512 MB, location per VM; I: extension needs the area behind the VM"},
	archX86: {granule: 2, guestMin: 1024, monitorMin: 1024, contiguous: false,
		source: "V:MEMX86 multiples of 2 MB, guests and monitor >= 1024 MB, no location"},
}

// maxMemoryMB is the largest memory of a VM (1 TB). V:MEMGEN
const maxMemoryMB = 1048576

// stdPool is the default CPU pool. V:SVA
const stdPool = "*STDPOOL"

// limitFacts are the default limits of a server unit.
var limitFacts = struct {
	maxVMIndex, maxRunningGuests int
	// scaleTestIndex is the highest max-vm-index an installation may set
	// (I, scale tests only): 999999 keeps the standard names VMnnnnnn
	// within <name 1..8>.
	scaleTestIndex int
	source         string
}{99, 32, 999999, "V:INIT VM index 1..99; V: at most 32 BS2000 guests run at once on one SU (merkmale-von-vm2000)"}

// suFacts are defaults for a server unit.
var suFacts = struct {
	monitorName, homePubset string
	source                  string
}{"MONITOR", "HOME", "V: SHOW-VM-ASSIGNMENT-SET example names the monitor VM MONITOR; I: home pubset HOME"}

// deviceKind says how a kind of device behaves at a live migration.
type deviceKind struct {
	// detachAtMigration: the device is detached implicitly on the source
	// (warning VMS2471 at the check).
	detachAtMigration bool
	// reattachOnTarget: after a successful migration it is attached to
	// the VM again on the target (if generated there).
	reattachOnTarget bool
	shareable        bool
	// family is the device family SHOW-VM-ATTRIBUTES TYPE=<family>
	// selects the kind by (V:SVA); "" for none of them.
	family string
	source string
}

var deviceKinds = map[string]deviceKind{
	"disk":          {shareable: true, source: "V:ADDDEV disks can be shared"},
	"console":       {family: "*CONSOLE", source: "V:START a VM needs a console; family V:SVA"},
	"printer":       {family: "*PRINTER", source: "V:SVA device family *PRINTER"},
	"tape":          {detachAtMigration: true, source: "V:DEVM tapes are detached and stay detached"},
	"alias":         {detachAtMigration: true, reattachOnTarget: true, source: "V:DEVM PAV alias devices (/390) are detached and re-attached on the target"},
	"emulated-disk": {detachAtMigration: true, source: "V:DEVM locally emulated disks (x86) / MU-emulated disks (/390) stay detached"},
}

func deviceKindNames() []string {
	names := make([]string, 0, len(deviceKinds))
	for n := range deviceKinds {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// defaultTiming fills the timing model where the installation is silent.
// All values are sdfp's (I): the manual only says that migration time
// depends on memory size and load and cannot be predicted (V:PHA).
var defaultTiming = Timing{
	Migration: MigrationTiming{Setup: 2 * time.Second, TransferRate: 1024, DirtyFactor: 2, Suspend: 300 * time.Millisecond},
	Reconfiguration: ReconfigurationTiming{
		Base: time.Second, Rate: 2048, GuestRate: 1024, X86Step: 1024,
	},
	GuestStart: 30 * time.Second,
}

// withDefaults returns the timing with every zero field defaulted.
func (t Timing) withDefaults() Timing {
	d := defaultTiming
	pick := func(v, def time.Duration) time.Duration {
		if v == 0 {
			return def
		}
		return v
	}
	pickInt := func(v, def int) int {
		if v == 0 {
			return def
		}
		return v
	}
	t.Migration.Setup = pick(t.Migration.Setup, d.Migration.Setup)
	t.Migration.Suspend = pick(t.Migration.Suspend, d.Migration.Suspend)
	t.Migration.TransferRate = pickInt(t.Migration.TransferRate, d.Migration.TransferRate)
	if t.Migration.DirtyFactor == 0 {
		t.Migration.DirtyFactor = d.Migration.DirtyFactor
	}
	t.Reconfiguration.Base = pick(t.Reconfiguration.Base, d.Reconfiguration.Base)
	t.Reconfiguration.Rate = pickInt(t.Reconfiguration.Rate, d.Reconfiguration.Rate)
	t.Reconfiguration.GuestRate = pickInt(t.Reconfiguration.GuestRate, d.Reconfiguration.GuestRate)
	t.Reconfiguration.X86Step = pickInt(t.Reconfiguration.X86Step, d.Reconfiguration.X86Step)
	t.GuestStart = pick(t.GuestStart, d.GuestStart)
	return t
}

// migrationStatus are the MONJV status values of a live migration.
// S: seed 000 lists the values; the meanings are the seed's.
var migrationStatus = struct {
	accepted, running, done, doneWarnings, aborted, rejected string
}{"$S", "$R", "$T", "$TW", "$AE", "$AF"}

// reconfigurationStatus are the MONJV status values of a memory
// reconfiguration. S: seed 003 ("$T" and "$A" in the VMMEM procedure).
var reconfigurationStatus = struct {
	running, done, aborted string
}{"$R", "$T", "$A"}

// vmMonitorStatus are the MONJV status values of VM monitoring
// (CREATE-VM MONJV=). V10:150-151.
var vmMonitorStatus = map[VMState]string{
	StateInitOnly: "$I", StateRunning: "$R", StateInHold: "$H", StateDown: "$D",
}

// vmMonitorTerminated is written when the VM is deleted. V10:151
const vmMonitorTerminated = "$T"
