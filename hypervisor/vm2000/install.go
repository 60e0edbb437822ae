package vm2000

import (
	_ "embed"
	"time"
)

// Installation is a validated installation file: the server units, their
// clusters, monitor systems, guest VMs, VM definitions and devices, the
// timing model of the asynchronous operations and the injected faults.
// It is read-only once loaded; New builds a fresh Model from it, so one
// Installation can serve any number of independent runs.
type Installation struct {
	// File is the name the installation was loaded from, for messages.
	File string `yaml:"-"`
	// embedded marks DefaultInstallation's value, which messages name as
	// the embedded installation: a user who gave no file did not name
	// default.yaml.
	embedded bool
	// LocalSU is the server unit whose monitor system the procedures run
	// in; empty means the first server unit.
	LocalSU string `yaml:"local-su"`
	// ConsoleLanguage is the language of console messages, "E" or "D";
	// empty: the language of the run.
	ConsoleLanguage string           `yaml:"console-language"`
	Limits          Limits           `yaml:"limits"`
	Timing          Timing           `yaml:"timing"`
	Clusters        []ClusterSpec    `yaml:"clusters"`
	ServerUnits     []ServerUnitSpec `yaml:"server-units"`
	Faults          []FaultSpec      `yaml:"faults"`
	// Commands are the site's BS2000 commands sdfp does not model (site.go).
	Commands []CommandSpec `yaml:"commands"`
	// Inventory is the software inventory the file declares (software.go);
	// Software() adds the defaults.
	Inventory []SoftwareSpec `yaml:"software"`
	at        located
}

// Limits are the hardware-dependent limits of a server unit.
type Limits struct {
	// MaxVMIndex is the highest VM index (the manual: 1..99, upper bound
	// hardware dependent). Raising it past 99 is for scale tests only:
	// commands then have to address such VMs by name.
	MaxVMIndex int `yaml:"max-vm-index"`
	// MaxRunningGuests is how many guest systems may run at once on one
	// server unit (the manual: 32).
	MaxRunningGuests int `yaml:"max-running-guests"`
	at               located
}

// Timing is the model of how long asynchronous work takes in virtual
// time. Zero fields take the defaults of defaultTiming.
type Timing struct {
	Migration       MigrationTiming       `yaml:"migration"`
	Reconfiguration ReconfigurationTiming `yaml:"reconfiguration"`
	// GuestStart is the time from START-VM to SYSTEM READY of the guest.
	GuestStart time.Duration `yaml:"guest-start"`
	at         located
}

// MigrationTiming models a live migration: a setup phase, then the
// memory transfer, whose pre-copy passes take longer the more pages the
// guest changes (its load), then the short suspension for the final copy.
type MigrationTiming struct {
	Setup        time.Duration `yaml:"setup"`
	TransferRate int           `yaml:"transfer-rate"` // MB per second
	DirtyFactor  float64       `yaml:"dirty-factor"`  // extra transfer time per unit of load
	Suspend      time.Duration `yaml:"suspend"`
	at           located
}

// ReconfigurationTiming models a memory reconfiguration: VM2000 (and on
// x86 the firmware) moves memory at Rate, a running guest adds its own
// part at GuestRate; x86 extends in steps of X86Step MB.
type ReconfigurationTiming struct {
	Base      time.Duration `yaml:"base"`
	Rate      int           `yaml:"rate"`       // MB per second, VM2000 part
	GuestRate int           `yaml:"guest-rate"` // MB per second, guest part
	X86Step   int           `yaml:"x86-step"`   // MB per allocation step on x86
	at        located
}

// ClusterSpec is an SU cluster: server units of one type between which
// VMs can be migrated while the cluster is active.
type ClusterSpec struct {
	Name   string   `yaml:"name"`
	Units  []string `yaml:"units"`
	Active *bool    `yaml:"active"` // default true
	at     located
}

// ServerUnitSpec is one server unit running VM2000.
type ServerUnitSpec struct {
	Name string `yaml:"name"`
	Type string `yaml:"type"` // "/390" or "x86"
	// Memory is the main memory of the SU available to VM2000, in MB.
	Memory int `yaml:"memory"`
	// Hypervisor is the memory of the VM2000 hypervisor at the start of
	// main memory (/390 HYPERVISOR-SIZE), in MB.
	Hypervisor int `yaml:"hypervisor"`
	// HomePubset is the catalog ID of the monitor's home pubset; Session
	// is the system session number. Both go into MONJVs.
	HomePubset string `yaml:"home-pubset"`
	Session    int    `yaml:"session"`
	// State is "failed" for a server unit that has failed in its SU
	// cluster: its monitor system runs no procedure and no VM comes
	// there, and RECOVER-VM-DEFINITION fetches the persistent VM
	// definitions it kept (recover.go). Empty: running.
	State       string           `yaml:"state"`
	Monitor     MonitorSpec      `yaml:"monitor"`
	CPUPools    []string         `yaml:"cpu-pools"`
	VMGroups    []VMGroupSpec    `yaml:"vm-groups"`
	Devices     []DeviceSpec     `yaml:"devices"`
	VMs         []VMSpec         `yaml:"vms"`
	Definitions []DefinitionSpec `yaml:"definitions"`
	// AssignmentSets: see assignment_sets.go.
	AssignmentSets []AssignmentSetSpec `yaml:"assignment-sets"`
	// Pubsets are the pubsets whose devices the device commands take as
	// one with *PUBSET-DEVICES (pubsets.go).
	Pubsets []PubsetSpec `yaml:"pubsets"`
	// NewDevicesAssignByGuest is the ASSIGN-BY-GUEST attribute devices
	// added by a dynamic I/O change get (MODIFY-VM-DEVICE-ATTRIBUTES
	// UNITS=*NEW-DEVICES).
	NewDevicesAssignByGuest bool `yaml:"new-devices-assign-by-guest"`
	// CPUs are the server unit's real CPUs that VM2000 manages in its CPU
	// pools (cpus.go); none: the model has no real CPUs, as before.
	CPUs []CPUSpec `yaml:"cpus"`
	at   located
}

// CPUSpec is a real CPU of a server unit (V 'Real CPUs' ...-121: type
// NORMAL or EXTRA, states ATT, DET, OFF; extra CPUs start in *STDPOOL
// detached). Written as its bare ID or as a mapping.
type CPUSpec struct {
	ID        string `yaml:"id"`        // <x-text 1..2>, as SWITCH-VM-CPU names it (V ...-252)
	Pool      string `yaml:"pool"`      // [*STDPOOL]
	Attribute string `yaml:"attribute"` // normal or extra [normal]
	State     string `yaml:"state"`     // attached, detached or offline [attached; extra: detached]
	at        located
}

// MonitorSpec is the monitor VM (index 1) of a server unit. The fields
// after Processors are what commands change of it at run time (a world's
// vm2000.yaml carries them); zero is each one's default.
type MonitorSpec struct {
	Name       string         `yaml:"name"`
	Memory     int            `yaml:"memory"`
	MinMemory  int            `yaml:"min-memory"`
	MaxMemory  int            `yaml:"max-memory"`
	Processors int            `yaml:"processors"`
	CPUQuota   float64        `yaml:"cpu-quota"`           // [14, monitorCPUQuota]
	MaxCPU     float64        `yaml:"max-cpu-utilization"` // [100]
	MaxIO      int            `yaml:"max-io"`              // [100]
	CPUPool    string         `yaml:"cpu-pool"`            // [*STDPOOL]
	VMGroup    string         `yaml:"vm-group"`            // [none]
	Password   string         `yaml:"password"`            // [none]
	Devices    []VMDeviceSpec `yaml:"devices"`             // ADD-VM-DEVICES VM-ID=1 [none]
	at         located
}

// DeviceSpec is a device generated on a server unit.
type DeviceSpec struct {
	MN   string `yaml:"mn"`   // mnemonic name: 2 alphanumerics or 4 hex digits
	Kind string `yaml:"kind"` // see deviceKinds
	// AssignByGuest: a guest system may assign the device implicitly
	// (MODIFY-VM-DEVICE-ATTRIBUTES; V: the default is *NO).
	AssignByGuest bool `yaml:"assign-by-guest"`
	at            located
}

// VMSpec is a guest VM initialised on a server unit.
type VMSpec struct {
	Index int    `yaml:"index"`
	Name  string `yaml:"name"`
	// State is the VM's state as VM2000 shows it: INIT-ONLY, RUNNING,
	// DOWN, or for a held VM (/390) its wait state WAIT(SEL), WAIT(GLB)
	// or WAIT(VMA); IN-HOLD is WAIT(SEL).
	State string `yaml:"state"`
	// MoreWaitStates are the wait states a held VM has beneath the one
	// State shows (holds.go: a RESUME-VM that ends the shown one leaves
	// it held in these); each weaker than State's.
	MoreWaitStates []string `yaml:"more-wait-states"`
	// Guest is the guest system's state (SHOW-VM-STATUS GUEST, the VM
	// MONJV): NONE, START, READY, NTERM, ATERM or RSTRT; empty: READY for
	// a RUNNING or held VM, else NONE. A guest in START reaches SYSTEM
	// READY the guest-start time after the installation is loaded.
	Guest string `yaml:"guest"`
	// MonJV is the VM's monitoring JV (CREATE-VM MONJV=), which VM2000
	// goes on writing at each change of state [none].
	MonJV      string  `yaml:"monjv"`
	Memory     int     `yaml:"memory"`
	MinMemory  int     `yaml:"min-memory"`
	MaxMemory  int     `yaml:"max-memory"`
	Location   *int    `yaml:"location"` // /390: start address in MB
	Processors int     `yaml:"processors"`
	CPUQuota   float64 `yaml:"cpu-quota"`
	MaxIO      int     `yaml:"max-io"`
	MaxCPU     float64 `yaml:"max-cpu-utilization"` // [100]
	CPUPool    string  `yaml:"cpu-pool"`
	VMGroup    string  `yaml:"vm-group"`
	Persistent bool    `yaml:"persistent"`
	HA         bool    `yaml:"ha"`
	Password   string  `yaml:"password"`
	// Load is the share of memory pages the guest changes per second
	// (0..1); it lengthens a live migration.
	Load    float64        `yaml:"load"`
	Devices []VMDeviceSpec `yaml:"devices"`
	// Pubsets are the catalog IDs of the pubsets assigned to the VM as a
	// whole (ADD-VM-DEVICES *PUBSET-DEVICES): their pubres device has the
	// PUBRES-FOR-ASSIGNMENT attribute for the VM. The VM must hold the
	// pubres device.
	Pubsets []string `yaml:"pubsets"`
	at      located
}

// VMGroupSpec is a VM group of a server unit (/390): its name alone, or
// a mapping with the attributes CREATE-VM-GROUP gives it (V, ...-214).
type VMGroupSpec struct {
	Name     string  `yaml:"name"`
	CPUQuota float64 `yaml:"cpu-quota"`           // [1]
	MaxCPU   float64 `yaml:"max-cpu-utilization"` // [100]
	CPUPool  string  `yaml:"cpu-pool"`            // [*STDPOOL]
	at       located
}

// VMDeviceSpec is a device explicitly assigned to a VM.
type VMDeviceSpec struct {
	MN    string `yaml:"mn"`
	Usage string `yaml:"usage"` // exclusive (default) or shared
	at    located
}

// DefinitionSpec is a persistent VM definition whose VM is not
// initialised (DEFINED_ONLY, shown as ACT NO).
type DefinitionSpec struct {
	Name       string   `yaml:"name"`
	Index      int      `yaml:"index"` // 0: *ANY
	Memory     int      `yaml:"memory"`
	MinMemory  int      `yaml:"min-memory"`
	MaxMemory  int      `yaml:"max-memory"`
	Processors int      `yaml:"processors"`
	MaxIO      int      `yaml:"max-io"`
	CPUPool    string   `yaml:"cpu-pool"`
	HA         bool     `yaml:"ha"`
	Password   string   `yaml:"password"` // BEGIN-VM-DIALOG password once activated [none]
	Devices    []string `yaml:"devices"`
	at         located
}

// FaultSpec injects one fault. Exactly one field is set.
type FaultSpec struct {
	// DeviceTaken assigns a device of a server unit exclusively to one of
	// its VMs, so a VM using that device elsewhere cannot come there.
	DeviceTaken *DeviceTakenFault `yaml:"device-taken"`
	// MemoryShort leaves only Free MB of main memory unassigned on a
	// server unit (the rest is taken by systems outside the model).
	MemoryShort *MemoryShortFault `yaml:"memory-short"`
	// MigrationAbort aborts live migrations of a VM in a phase.
	MigrationAbort *MigrationAbortFault `yaml:"migration-abort"`
	// ExtendStops stops an x86 memory extension of a VM at a size.
	ExtendStops *ExtendStopsFault `yaml:"extend-stops"`
	// GuestNeverReady keeps the guest of a VM from reaching SYSTEM READY.
	GuestNeverReady *GuestFault `yaml:"guest-never-ready"`
	at              located
}

// DeviceTakenFault: see FaultSpec.DeviceTaken.
type DeviceTakenFault struct {
	SU     string `yaml:"su"`
	Device string `yaml:"device"`
	VM     string `yaml:"vm"` // index or name of the VM holding the device
}

// MemoryShortFault: see FaultSpec.MemoryShort.
type MemoryShortFault struct {
	SU   string `yaml:"su"`
	Free int    `yaml:"free"`
}

// MigrationAbortFault: see FaultSpec.MigrationAbort.
type MigrationAbortFault struct {
	VM     string `yaml:"vm"`     // name
	Phase  string `yaml:"phase"`  // setup, transfer or switch
	Reason string `yaml:"reason"` // message key reported as the cause
}

// ExtendStopsFault: see FaultSpec.ExtendStops.
type ExtendStopsFault struct {
	VM string `yaml:"vm"` // name
	At int    `yaml:"at"` // MB reached when the extension stops
}

// GuestFault names a VM.
type GuestFault struct {
	VM string `yaml:"vm"` // name
}

// defaultLiteral builds default.yaml's installation from Go code
// (default_literal.go, generated and held equal to the YAML by
// TestDefaultLiteral); nil when that file is deleted, for example to
// regenerate it after the installation types changed.
var defaultLiteral func() *Installation

//go:embed default.yaml
var defaultYAML []byte

// defaultState is DefaultState's text (default_state.go, generated and
// held equal to a fresh model's snapshot by TestDefaultState); "" when
// that file is deleted, for example to regenerate it. The hex SHA-256 of
// it and of default.yaml come with it: the hashes a saved world keeps.
var defaultState, defaultStateSHA256, defaultYAMLSHA256 string

// DefaultState returns what MarshalInstallation writes of the snapshot of
// a model of the default installation that nothing has changed (see
// Model.Changed), or nil when it is not at hand. A run that leaves the
// VM2000 alone saves this as its world's VM2000 without taking a
// snapshot, which is a fifth of a short run's instructions.
func DefaultState() []byte {
	if defaultState == "" {
		return nil
	}
	return []byte(defaultState)
}

// StateSHA256 is the hex SHA-256 of a state text when it is
// DefaultState's, known without hashing it; "" for any other text.
func StateSHA256(text []byte) string {
	if defaultState != "" && string(text) == defaultState {
		return defaultStateSHA256
	}
	return ""
}

// DefaultYAMLSHA256 is the hex SHA-256 of DefaultYAML's text, "" when
// default_state.go is not at hand.
func DefaultYAMLSHA256() string { return defaultYAMLSHA256 }

// DefaultYAML returns the text of the embedded default installation.
func DefaultYAML() []byte { return append([]byte(nil), defaultYAML...) }

// DefaultInstallation returns the embedded default installation: an SU
// cluster of the /390 server units ABGSE501 and ABGSE701, procedures
// running in the monitor system of ABGSE501. Every call returns a new
// value. It cannot fail: a test loads default.yaml.
func DefaultInstallation() *Installation {
	var inst *Installation
	if defaultLiteral != nil {
		inst = defaultLiteral()
	} else if loaded, err := LoadInstallation("default.yaml", defaultYAML); err == nil {
		inst = loaded
	} else {
		// Unreachable while the package tests pass; an empty
		// installation keeps callers free of a nil check.
		inst = &Installation{File: "default.yaml"}
	}
	inst.embedded = true
	return inst
}

// Source names the installation in messages: its file, or the embedded
// installation.
func (i *Installation) Source() string {
	if i.embedded {
		return "the embedded installation"
	}
	return i.File
}
