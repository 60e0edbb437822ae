package vm2000

import (
	"sort"
	"sync"
)

// What `sdfp help` tells about the VM2000 commands beyond the catalog:
// the elements of each SHOW command's structured output, the MONJVs of
// the asynchronous commands and which commands never spin off. The
// values come from the tables the executor itself uses (the status
// values, the MONJV layouts, the command table), so help cannot drift
// from what runs; the structured-output elements are held to the
// records the commands build by a test (helpdata_test.go).

// OutputElement is one element of the S-variable structure a SHOW
// command writes with EXECUTE-CMD STRUCTURE-OUTPUT (one list element
// per object).
type OutputElement struct {
	Name string // a name, or LIST(*LIST).NAME for an element of a list of structures
	Type string // STRING, INTEGER, BOOLEAN, or "list of structures"
	// Info: the INFORMATION values that give the element ("" always; *ALL
	// gives every element but those of AllLeavesOut).
	Info    string
	Meaning string
}

// structuredOutputs are the S-variable layouts of the SHOW commands.
// Source: V:SVAR names the method; the element tables of the pages are
// not stored (spec vm2000 0.3), so the names other than VM-INDEX,
// VM-NAME (V, spec 10.1) and MEM-SIZE, MIN-MEM-SIZE (S seed 003) are
// sdfp's (I).
var structuredOutputs = sync.OnceValue(func() map[string][]OutputElement {
	return map[string][]OutputElement{
		"SHOW-VM-ATTRIBUTES": {
			{"VM-INDEX", "INTEGER", "", "index of the VM"},
			{"VM-NAME", "STRING", "", "name of the VM"},
			{"STATE", "STRING", "", "VM state as SYSOUT shows it (RUNNING, INIT-ONLY, DOWN, WAIT(SEL), WAIT(GLB) or WAIT(VMA) for a held VM, RUNNING(MIGR) and SETUP(MIGR) during a migration ...)"},
			{"GUEST-STATE", "STRING", "", "state of the guest system (NONE, START, READY ...)"},
			{"PROC", "INTEGER", "*STD *CPU", "number of virtual processors"},
			{"CPU-POOL", "STRING", "*STD *CPU", "CPU pool of the VM"},
			{"VM-GROUP", "STRING", "*STD *CPU", "VM group, or *NONE"},
			{"MEM-SIZE", "INTEGER", "*STD *MEMORY", "main memory size in MB"},
			{"PERSISTENT", "BOOLEAN", "*STD", "the definition outlives DELETE-VM"},
			{"CPU-QUOTA", "STRING", "*CPU", "CPU quota, 0.01..99.99"},
			{"MAX-CPU-UTIL", "STRING", "*CPU", "maximum CPU utilisation in percent (MODIFY-VM-ATTRIBUTES; 100.00 unless changed)"},
			{"BS2-MEM-SIZE", "INTEGER", "*MEMORY", "memory the BS2000 guest sees (x86: MEM-SIZE less the firmware's share)"},
			{"MIN-MEM-SIZE", "STRING", "*MEMORY", "lower bound for REDUCE-VM-MEMORY in MB, or *UNDEF"},
			{"MAX-MEM-SIZE", "STRING", "*MEMORY", "upper bound for EXTEND-VM-MEMORY in MB, or *UNDEF"},
			{"PLAN-MEM-SIZE", "STRING", "*MEMORY", "target size of a reconfiguration in progress, or *NONE"},
			{"RECONF", "STRING", "*MEMORY", "reconfiguration in progress: *EXTEND, *REDUCE or *NONE"},
			{"START-ADDR", "STRING", "*MEMORY", "/390: start address of the VM's memory; x86: *NONE"},
			{"UNIT", "list of structures", "*UNITS", "the devices assigned to the VM"},
			{"UNIT(*LIST).UNIT", "STRING", "*UNITS", "mnemonic device name"},
			{"UNIT(*LIST).USAGE", "STRING", "*UNITS", "*EXCLUSIVE or *SHARED"},
			{"UNIT(*LIST).KIND", "STRING", "*UNITS", "kind of device (disk, tape, console ...)"},
			{"MONJV", "STRING", "*MONJV", "the VM's monitoring job variable, or *NONE"},
			{"ADMIN-PRIVILEGES", "STRING", "*PRIVILEGES", "administration privileges (*STD)"},
			{"PASSWORD", "BOOLEAN", "*PRIVILEGES", "BEGIN-VM-DIALOG needs a password"},
		},
		"SHOW-VM-DEFINITION": {
			{"VM-NAME", "STRING", "", "name of the VM definition"},
			{"VM-INDEX", "INTEGER", "", "index of the initialised VM, 0 for a definition only (ACT NO)"},
			{"ACTIVE", "BOOLEAN", "", "the VM is initialised (ACT YES)"},
			{"PERSISTENT", "BOOLEAN", "", "the definition outlives DELETE-VM"},
			{"HA", "BOOLEAN", "", "HA attribute of the definition"},
			{"CPU-POOL", "STRING", "", "CPU pool"},
			{"VM-GROUP", "STRING", "", "VM group, or *NONE"},
			{"PROC", "INTEGER", "", "number of virtual processors"},
			{"MEM-SIZE", "INTEGER", "", "main memory size in MB"},
			{"MIN-MEM-SIZE", "STRING", "", "minimum memory size in MB, or *UNDEF"},
			{"MAX-MEM-SIZE", "STRING", "", "maximum memory size in MB, or *UNDEF"},
			{"MAX-IO", "INTEGER", "", "maximum I/O rate"},
		},
		"SHOW-VM-GROUP": {
			{"VM-GROUP-NAME", "STRING", "", "name of the VM group"},
			{"CPU-POOL", "STRING", "*ATTRIBUTES", "CPU pool of the group"},
			{"CPU-QUOTA", "STRING", "*ATTRIBUTES", "CPU quota of the group in its pool"},
			{"MAX-CPU-UTIL", "STRING", "*ATTRIBUTES", "maximum CPU utilisation of the group in percent"},
			{"NUM-OF-MEMBERS", "INTEGER", "*ATTRIBUTES", "number of member VMs"},
			{"MEMBER", "list of structures", "*MEMBERS", "the member VMs"},
			{"MEMBER(*LIST).VM-INDEX", "INTEGER", "*MEMBERS", "index of the member VM"},
			{"MEMBER(*LIST).VM-NAME", "STRING", "*MEMBERS", "name of the member VM"},
			{"MEMBER(*LIST).MEMBER-CPU-QUOTA", "STRING", "*MEMBERS", "member CPU quota of the VM"},
		},
		"SHOW-VM-ASSIGNMENT-SET": {
			{"ASSIGNMENT-SET", "STRING", "", "name of the assignment set"},
			{"VM", "list of structures", "", "the VMs whose guests may assign devices of the set implicitly"},
			{"VM(*LIST).VM-INDEX", "INTEGER", "", "index of the VM"},
			{"VM(*LIST).VM-NAME", "STRING", "", "name of the VM"},
			{"NUM-OF-DEV", "INTEGER", "", "number of devices in the set"},
			{"NEW-DEV", "BOOLEAN", "", "new devices join the set"},
			{"NUM-OF-VMS", "INTEGER", "", "number of VMs allowed to assign from the set"},
		},
		"SHOW-VM-CPU-POOL": {
			{"CPU-POOL-NAME", "STRING", "", "name of the CPU pool"},
			{"NUM-OF-VMS", "INTEGER", "", "number of VMs assigned to the pool"},
			{"NUM-OF-VM-GROUPS", "INTEGER", "", "number of VM groups assigned to the pool"},
			{"NUM-OF-ATT-CPUS", "INTEGER", "", "attached real CPUs of the pool (only where the installation declares real CPUs)"},
			{"REAL-CPU", "list of structures", "", "the real CPUs of the pool (only where the installation declares real CPUs)"},
			{"REAL-CPU(*LIST).CPU-ID", "STRING", "", "ID of the real CPU, two hexadecimal digits"},
			{"REAL-CPU(*LIST).CPU-POOL-NAME", "STRING", "", "CPU pool of the real CPU"},
			{"REAL-CPU(*LIST).ATTRIBUTE", "STRING", "", "*NORMAL or *EXTRA"},
			{"REAL-CPU(*LIST).STATE", "STRING", "", "*ATT, *DET or *OFF"},
		},
		"SHOW-VM-RESOURCES": {
			{"SU-NAME", "STRING", "", "name of the server unit"},
			{"SU-TYPE", "STRING", "", "/390 or X86"},
			{"MEM-SIZE", "INTEGER", "", "main memory of the server unit for VM2000 in MB"},
			{"FREE-MEM-SIZE", "INTEGER", "", "memory not assigned to any VM in MB"},
			{"MAX-VM-MEM-SIZE", "INTEGER", "", "largest memory a new VM could get in MB"},
			{"NUM-OF-VMS", "INTEGER", "", "VMs initialised, the monitor VM included"},
			{"NUM-OF-FREE-VMS", "INTEGER", "", "VM indexes still free"},
			{"NUM-OF-DEFINITIONS", "INTEGER", "", "persistent definitions of uninitialised VMs"},
			{"MAX-VM-INDEX", "INTEGER", "*CONFIGURATION", "highest VM index"},
			{"MAX-ACTIVE-GUESTS", "INTEGER", "*CONFIGURATION", "guest systems that may run at once"},
			{"NUM-OF-ACTIVE-GUESTS", "INTEGER", "*CONFIGURATION", "guest systems running"},
			{"VM", "list of structures", "*MEMORY", "the memory of each VM"},
			{"VM(*LIST).VM-INDEX", "INTEGER", "*MEMORY", "index of the VM"},
			{"VM(*LIST).VM-NAME", "STRING", "*MEMORY", "name of the VM"},
			{"VM(*LIST).MEM-SIZE", "INTEGER", "*MEMORY", "main memory size in MB"},
			{"VM(*LIST).MIN-MEM-SIZE", "STRING", "*MEMORY", "minimum memory size in MB, or *UNDEF"},
			{"VM(*LIST).MAX-MEM-SIZE", "STRING", "*MEMORY", "maximum memory size in MB, or *UNDEF"},
			{"VM(*LIST).PLAN-MEM-SIZE", "STRING", "*MEMORY", "target size of a reconfiguration in progress, or *NONE"},
			{"VM(*LIST).START-ADDR", "STRING", "*MEMORY", "/390: start address; x86: *NONE"},
			{"REAL-CPU", "list of structures", "*CPU", "the real CPUs of the server unit (only where the installation declares them)"},
			{"REAL-CPU(*LIST).CPU-ID", "STRING", "*CPU", "ID of the real CPU, two hexadecimal digits"},
			{"REAL-CPU(*LIST).CPU-POOL-NAME", "STRING", "*CPU", "CPU pool of the real CPU"},
			{"REAL-CPU(*LIST).ATTRIBUTE", "STRING", "*CPU", "*NORMAL or *EXTRA"},
			{"REAL-CPU(*LIST).STATE", "STRING", "*CPU", "*ATT, *DET or *OFF"},
			{"UNIT", "list of structures", "*UNITS", "the devices of the server unit"},
			{"UNIT(*LIST).UNIT", "STRING", "*UNITS", "mnemonic device name"},
			{"UNIT(*LIST).KIND", "STRING", "*UNITS", "kind of device"},
			{"UNIT(*LIST).VM-INDEX", "INTEGER", "*UNITS", "index of the VM that holds it, 0 for none"},
			{"UNIT(*LIST).VM-NAME", "STRING", "*UNITS", "name of the VM that holds it, or *NONE"},
			{"UNIT(*LIST).USAGE", "STRING", "*UNITS", "*EXCLUSIVE, *SHARED or *NONE"},
		},
	}
})

// StructuredOutput returns the S-variable layout of a command's
// structured output, nil for a command that has none.
func StructuredOutput(command string) []OutputElement { return structuredOutputs()[command] }

// allLeavesOut are the INFORMATION values a command's *ALL does not
// include: SHOW-VM-RESOURCES' *ALL is the outputs *STD, *CPU, *UNITS,
// *MEMORY, *MONJV and *PRIVILEGES, without *CONFIGURATION (V
// 'SHOW-VM-RESOURCES (Status der Betriebsmittel ausgeben)', ...-248).
var allLeavesOut = map[string][]string{
	"SHOW-VM-RESOURCES": {"*CONFIGURATION"},
}

// AllLeavesOut names the INFORMATION values whose elements the command's
// INFORMATION=*ALL does not give.
func AllLeavesOut(command string) []string { return allLeavesOut[command] }

// StructuredOutputNote says where the layouts come from, for help.
const StructuredOutputNote = "VM-INDEX and VM-NAME are the manual's (V), MEM-SIZE and MIN-MEM-SIZE " +
	"those the VMMEM procedure reads (S); the other names are sdfp's, the element tables of the SHOW " +
	"pages not being available (I). Read structured output rather than SYSOUT: SYSOUT layouts may change."

// InformationCommands are the VM2000 commands that only show information:
// they never spin off, whatever their return code (V:RC).
func InformationCommands() []string {
	var out []string
	for name, spec := range commands {
		if spec.info {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// MonJVStatus is one value of bytes 1-3 of a MONJV.
type MonJVStatus struct {
	Value, Meaning string
}

// MonJVField is one field of a MONJV's system part.
type MonJVField struct {
	Name     string // "" for reserved bytes
	Pos, Len int
	Constant string
	Source   string
}

// MonJVKind is a kind of MONJV: the commands whose MONJV operand starts
// it, its status values and its system part.
type MonJVKind struct {
	Name     string
	Commands []string
	Statuses []MonJVStatus
	Fields   []MonJVField
	Source   string
}

// MonJVKinds lists the MONJVs of the asynchronous VM2000 commands, with
// the values the executor writes.
func MonJVKinds() []MonJVKind {
	vm := []MonJVStatus{
		{vmMonitorStatus[StateInitOnly], "the VM is initialised, not started (INIT-ONLY)"},
		{vmMonitorStatus[StateRunning], "the VM runs"},
		{vmMonitorStatus[StateInHold], "the VM is held (HOLD-VM)"},
		{vmMonitorStatus[StateDown], "the VM is down (the guest system ended)"},
		{vmMonitorTerminated, "the VM was deleted; monitoring has ended"},
	}
	mig := migrationStatus
	rec := reconfigurationStatus
	return []MonJVKind{
		{Name: vmMonitorLayout.name, Commands: []string{"CREATE-VM"}, Statuses: vm, Fields: fieldsOf(vmMonitorLayout), Source: "V10:150-151"},
		{Name: migrationLayout.name, Commands: []string{"MIGRATE-VM"}, Statuses: []MonJVStatus{
			{mig.accepted, "accepted: the migration is being set up"},
			{mig.running, "the memory is being transferred"},
			{mig.done, "ended: the VM runs on the target server unit"},
			{mig.doneWarnings, "ended with warnings (devices detached, for instance)"},
			{mig.aborted, "aborted; the VM stays on the source server unit (bytes 98-104: the reason's key)"},
			{mig.rejected, "rejected before it began (bytes 98-104: the reason's key)"},
		}, Fields: fieldsOf(migrationLayout), Source: "S seed 000 (values), I (bytes 82-128)"},
		{Name: reconfigurationLayout.name, Commands: []string{"EXTEND-VM-MEMORY", "REDUCE-VM-MEMORY"}, Statuses: []MonJVStatus{
			{rec.running, "the memory is being added or taken away"},
			{rec.done, "ended: the VM has its new size"},
			{rec.aborted, "aborted (an extension that stopped part way, a guest that could not give memory up)"},
		}, Fields: fieldsOf(reconfigurationLayout), Source: "S seed 003"},
	}
}

func fieldsOf(l jvLayout) []MonJVField {
	out := make([]MonJVField, len(l.fields))
	for i, f := range l.fields {
		out[i] = MonJVField{Name: f.name, Pos: f.pos, Len: f.len, Constant: f.constant, Source: f.source}
	}
	return out
}
