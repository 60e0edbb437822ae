package catalog

// VM2000 administration of VM groups and CPU pool assignment (issue 15,
// section 3). Each source names the page of the VM2000 V12 user guide
// (2023-11) it was read on; V = operands as printed there, I = sdfp's
// reading where the page is not stored. The VM selection of these
// commands is a single VM (index or name), as the pages print it.

const (
	vmGroupName = `VM-GROUP-NAME = <name 1..8> !`
	// backupFile: the backup file of SAVE- and RESTORE-VM-CONFIGURATION
	// (I: the commands' own pages are not stored; *STD is the default
	// name, completed with the caller's user ID, 'Storage location' ...-180).
	backupFile = `FILE-NAME = *STD / <filename 1..54>`
	// TO-CPU-POOL, CPU-QUOTA and ATTACHED-VM-CPUS as printed on ...-203 and ...-204.
	toCPUPool = `TO-CPU-POOL = *STDPOOL / <name 1..8> !
			CPU-QUOTA = <fixed 0.01..99.99> !
			ATTACHED-VM-CPUS = *CHECK-NUMBER / *ADJUST-NUMBER`
)

var vm2000AdminCommands = []decl{
	{name: "CREATE-VM-GROUP", domain: "VM2000",
		source: "V: VM2000 V12 user guide, 'CREATE-VM-GROUP (Create VM group)', ...-214 (operands, return codes VMS4600, SU x86 VMS3011/VMS9004)",
		help:   "Creates a VM group (SU /390 only) with its CPU quota, maximum CPU utilisation and CPU pool; VMs join it with ADD-VM-TO-VM-GROUP.",
		ops: vmGroupName + `
			CPU-QUOTA = *STD / <fixed 0.01..99.99>
			MAX-CPU-UTILIZATION = 100 / <fixed 0.01..100.00>
			CPU-POOL-NAME = *STDPOOL / <name 1..8>`},
	{name: "DELETE-VM-GROUP", domain: "VM2000",
		source: "I: named on 'Operating VM groups (SU /390)', ...-94; its own page is not stored: one operand VM-GROUP-NAME, a group with members is refused (sdfp's reading)",
		help:   "Deletes a VM group that has no members (SU /390 only).",
		ops:    vmGroupName},
	{name: "ADD-VM-TO-VM-GROUP", domain: "VM2000",
		source: "V: 'ADD-VM-TO-VM-GROUP (Add a VM to a VM group)', ...-202 (operands, return codes, VMS4425 and its example)",
		help:   "Adds a VM to a VM group (SU /390 only); the VM must be in the group's CPU pool and in no other group, and gets the member CPU quota.",
		ops: `VM-IDENTIFICATION = <integer 1..99> / <name 1..8> !
			` + vmGroupName + `
			MEMBER-CPU-QUOTA = <fixed 0.01..99.99> !`},
	{name: "REMOVE-VM-FROM-VM-GROUP", domain: "VM2000",
		source: "I: named on 'Operating VM groups (SU /390)', ...-94; its page is not stored: VM-IDENTIFICATION and the VM's new own CPU-QUOTA (default *STD, 1) are sdfp's reading",
		help:   "Takes a VM out of its VM group (SU /390 only); it keeps the group's CPU pool and gets its own CPU quota again.",
		ops: `VM-IDENTIFICATION = <integer 1..99> / <name 1..8> !
			CPU-QUOTA = *STD / <fixed 0.01..99.99>`},
	{name: "ASSIGN-VM-TO-CPU-POOL", domain: "VM2000",
		source: "V: 'ASSIGN-VM-TO-CPU-POOL (Assign a VM to a CPU pool)', ...-204 (operands; a VM of a VM group and a migrating VM are refused)",
		help:   "Moves a VM that belongs to no VM group into another CPU pool with a new CPU quota.",
		ops: `VM-IDENTIFICATION = <integer 1..99> / <name 1..8> !
			` + toCPUPool},
	{name: "ASSIGN-VM-GROUP-TO-CPU-POOL", domain: "VM2000",
		source: "V: 'ASSIGN-VM-GROUP-TO-CPU-POOL (Assign a VM group to a CPU pool)', ...-203 (operands; the members move with the group; refused while a member migrates)",
		help:   "Moves a VM group and all its members into another CPU pool with a new CPU quota for the group (SU /390 only).",
		ops: vmGroupName + `
			` + toCPUPool},
	{name: "SHOW-VM-GROUP", domain: "VM2000",
		source: "V: 'SHOW-VM-GROUP (Merkmale einer VM-Gruppe ausgeben)', ...-247 (de) (operands; SU x86 VMS3011/VMS9004); the SYSOUT layout and S variables are sdfp's (I)",
		help:   "Shows VM groups: their attributes (*ATTRIBUTES), their members (*MEMBERS) or both (*ALL); a group may be named, found by a member or by its CPU pool.",
		ops: `VM-GROUP-NAME = *ALL / <name 1..8> / *BY-MEMBER(VM-IDENTIFICATION = <integer 1..99> / <name 1..8> !) / *BY-CPU-POOL(CPU-POOL-NAME = *STDPOOL / <name 1..8>)
			INFORMATION = *ATTRIBUTES / *MEMBERS / *ALL`},
	{name: "MODIFY-VM-GROUP-ATTRIBUTES", domain: "VM2000",
		source: "I: named on 'SHOW-VM-GROUP' ...-247 (de) as the command that changes what CREATE-VM-GROUP set; its page is not stored: " +
			"the operands are CREATE-VM-GROUP's quota and limit with *UNCHANGED, as MODIFY-VM-ATTRIBUTES has them (...-226)",
		help: "Changes the CPU quota and the maximum CPU utilisation of a VM group (SU /390 only); *UNCHANGED keeps a setting.",
		ops: vmGroupName + `
			CPU-QUOTA = *UNCHANGED / <fixed 0.01..99.99>
			MAX-CPU-UTILIZATION = *UNCHANGED / <fixed 0.01..100.00>`},
	// CPU pools: the command names are V ('Dynamic CPU pools', ...-128);
	// their pages are not stored, so the operands are I: a pool is named
	// as the other commands name it (CPU-POOL-NAME = <name 1..8>).
	{name: "CREATE-VM-CPU-POOL", domain: "VM2000",
		source: "V: named on 'Dynamic CPU pools' ...-128 (a pool may be empty, no CPU and no VM); operands I",
		help:   "Creates an empty CPU pool; VMs and VM groups are assigned to it with ASSIGN-VM-TO-CPU-POOL and ASSIGN-VM-GROUP-TO-CPU-POOL, real CPUs (installation data) with SWITCH-VM-CPU.",
		ops:    `CPU-POOL-NAME = <name 1..8> !`},
	{name: "DELETE-VM-CPU-POOL", domain: "VM2000",
		source: "V: named on 'Dynamic CPU pools' ...-128; operands I; a pool that still has VMs or VM groups is refused (I), *STDPOOL cannot be deleted (I)",
		help:   "Deletes a CPU pool to which no VM and no VM group is assigned.",
		ops:    `CPU-POOL-NAME = <name 1..8> !`},
	{name: "SHOW-VM-CPU-POOL", domain: "VM2000",
		source: "V: named on 'Dynamic CPU pools' ...-128; operands, SYSOUT layout and S variables I",
		help:   "Shows the CPU pools with the number of VMs and VM groups assigned to each and, where the installation declares real CPUs, each pool's attached and other real CPUs.",
		ops:    `CPU-POOL-NAME = *ALL / *STDPOOL / <name 1..8>`},
	// SWITCH-VM-CPU as printed on its page (V ...-252); the page's
	// <x-text 1..2> CPU ID is an <alphanum-name 1..2> checked for
	// hexadecimal digits by the VM2000 (I, as MOVE-VM's address).
	{name: "SWITCH-VM-CPU", domain: "VM2000",
		source: "V: 'SWITCH-VM-CPU (Remove CPUs from a CPU pool and add them to another CPU pool)', ...-252 (operands, VM2000 administrator only, VMS4612 for the last attached CPU of a pool with an active VM, *CHECK-NUMBER against each VM's virtual CPUs); " +
			"the other messages (VMS4610, VMS4614, VMS4615) I; the implicit attaching and detaching of virtual CPUs (*ADJUST-NUMBER) not modelled; real CPUs are installation data (cpus:)",
		help: "Moves real CPUs from one CPU pool to another: named by ID, all of the source pool's (*ALL) or a number of them selected by attribute (normal, extra) and state (attached, detached, offline); refused when a VM would be left with too few attached real CPUs.",
		ops: `CPU-IDENTIFICATION = *SELECT(NUMBER-OF-CPUS = 1 / <integer 1..63> / *ALL, ATTRIBUTE = *NORMAL / *EXTRA, STATE = *ATTACHED / *DETACHED / *OFFLINE) / *ALL / list-poss(63): <alphanum-name 1..2>
			FROM-CPU-POOL = *STDPOOL / <name 1..8>
			TO-CPU-POOL = *STDPOOL / <name 1..8>
			ATTACHED-VM-CPUS = *ACTIONS(SOURCE-CPU-POOL = *CHECK-NUMBER / *ADJUST-NUMBER, TARGET-CPU-POOL = *NONE / *ADJUST-NUMBER)`},
	{name: "SHOW-VM-ASSIGNMENT-SET", domain: "VM2000",
		source: "V: 'SHOW-VM-ASSIGNMENT-SET (Output assignment sets)', ...-242 (operand, VMS4200, SYSOUT layout, S variables, VM2000 administrator only); the sets are installation data (assignment-sets), their rules I",
		help:   "Shows the assignment sets: the number of devices in each (+NEW when new devices join it) and the VMs whose guests may assign its devices implicitly.",
		ops:    `SET-NAME = *ALL / *STDSET / <name 1..8>`},
	// MODIFY-VM-ATTRIBUTES: the operands up to PRIVILEGES as printed on
	// the page (V, ...-226); the page goes on with the real-CPU control,
	// the trace scope, PERSISTENT and the automatic start, whose syntax
	// is not stored: PERSISTENT's values are I (CREATE-VM's, with
	// *UNCHANGED). TRACE-LEVEL's values are those 'Other diagnostic aids'
	// (...-266) names; its place and *UNCHANGED are I.
	{name: "MODIFY-VM-ATTRIBUTES", domain: "VM2000",
		source: "V: 'MODIFY-VM-ATTRIBUTES (Modify attributes of a VM)', ...-226 (operands to PRIVILEGES; no change while the VM migrates); PERSISTENT I. " +
			"The model keeps CPU-QUOTA, MAX-CPU-UTILIZATION, MAX-IO-UTILIZATION (/390), PASSWORD and PERSISTENT; ADMIN-PRIVILEGES, PRIVILEGES and TRACE-LEVEL (V 'Other diagnostic aids', ...-266) are accepted and ignored",
		help: "Changes attributes of an initialised VM: its CPU quota (or member CPU quota in a VM group), maximum CPU and I/O utilisation, password, privileges and PERSISTENT; *UNCHANGED keeps a setting.",
		ops: `VM-IDENTIFICATION = <integer 1..99> / <name 1..8> !
			CPU-QUOTA = *UNCHANGED / <fixed 0.01..99.99> / *BY-VM-GROUP(MEMBER-CPU-QUOTA = *UNCHANGED / <fixed 0.01..99.99>)
			MAX-CPU-UTILIZATION = *UNCHANGED / <fixed 0.01..100.00>
			MAX-IO-UTILIZATION = *UNCHANGED / <integer 1..100>
			PASSWORD = *UNCHANGED / *NONE / <c-string 1..8> / <x-string 1..16>
			ADMIN-PRIVILEGES = *UNCHANGED / *STD / *MINIMUM / *MAXIMUM
			PRIVILEGES = [*PARAMETERS](IO-RESET = *UNCHANGED / *NO / *YES, IO-PRIORITY = *UNCHANGED / *NO / *YES, AUTO-SNAP-ASSIGNMENT = *UNCHANGED / *NO / *YES, ASSIGN-BY-GUEST = *UNCHANGED / *NO / *YES)
			TRACE-LEVEL = *UNCHANGED / *OFF / *STD / *MAXIMUM
			PERSISTENT = *UNCHANGED / *NO / *YES`},
}

// SWITCH-VM-DEVICES as printed on its page (V, ...-253); FROM and TO of
// a range are <alphanum-name 2..4>, the page's <alphanum-name 2..2> /
// <x-text 4..4> (I: one type for both forms). SHOW-VM-DEVICE-STATUS and
// MODIFY-VM-DEVICE-ATTRIBUTES as far as their stored pages go (V,
// ...-246, ...-228), the rest I (hypervisor/vm2000/device_status.go).
var vm2000DeviceCommands = []decl{
	{name: "SWITCH-VM-DEVICES", domain: "VM2000",
		source: "V: 'SWITCH-VM-DEVICES (Remove devices from one VM and add them to another)', ...-253 (operands, usage kept, VM2000 administrator only); " +
			"*PUBSET-DEVICES V (every device FROM-VM's, none TO-VM's, ...-160), wildcards not yet declared; messages VMS4009/VMS4005 per device and stopping at the first device that cannot be switched I (as ADD- and REMOVE-VM-DEVICES)",
		help: "Takes devices from one VM and assigns them to another, keeping their usage (exclusive or shared): named devices, ranges (*DEVICE-RANGE), a pubset's (*PUBSET-DEVICES) or all of them (*ALL; with CHECK-VM-STATE=*YES only from a VM in DOWN or INIT-ONLY).",
		ops: `UNITS = *ALL(CHECK-VM-STATE = *YES / *NO) / ` + pubsetUnits + ` / ` + deviceUnits + `
			FROM-VM = <integer 1..99> / <name 1..8> !
			TO-VM = <integer 1..99> / <name 1..8> !
			FORCE = *NO / *YES`},
	{name: "SHOW-VM-DEVICE-STATUS", domain: "VM2000",
		source: "V: 'SHOW-VM-DEVICE-STATUS (Output detailed device information)', ...-246 (operands to *DISPOSABLE(CURRENT-STATE, ASSIGN-BY-GUEST), VM2000 administrator); " +
			"CURRENT-STATE=*KEEP and wildcards in UNITS not modelled; ASSIGN-BY-GUEST's values, INFORMATION (*STD, the page's *VM-SUMMARY), the SYSOUT layout and the S variables I; ASSIGNED-BY with (P) V ('Explicit pubset assignment and removal' ...-156)",
		help: "Shows the devices of the server unit: type, ASSIGN-BY-GUEST, assignment set, pubset, and each VM that holds the device with assignment and usage mode; SELECT=*PARAMETERS(TYPE=..., STATE=*ASSIGNED(...) / *DISPOSABLE(...)) narrows them, INFORMATION=*VM-SUMMARY counts them per VM.",
		ops: `UNITS = *STD / *ALL / ` + pubsetUnits + ` / ` + deviceList + `
			SELECT = [*PARAMETERS](TYPE = *ANY / *VC / *CONSOLE / *PRINTER / *FAM50 / *TD / *UR / <alphanum-name 1..8>, STATE = *ANY / *ASSIGNED(BY = *ANY / *VM-ADMIN / *GUEST, USAGE = *ANY / *EXCLUSIVE / *SHARED, VM-IDENTIFICATION = *ANY / <integer 1..99> / ` + vmByGroupOrPool + ` / ` + vmNameWild + `) / *DISPOSABLE(CURRENT-STATE = *ANY / *UNASSIGNED / *SHARED, ASSIGN-BY-GUEST = *ANY / *YES / *NO))
			INFORMATION = *STD / *VM-SUMMARY`},
	{name: "MODIFY-VM-DEVICE-ATTRIBUTES", domain: "VM2000",
		source: "V: 'MODIFY-VM-DEVICE-ATTRIBUTES (Modify device attributes)', ...-228 (UNITS, the attribute ASSIGN-BY-GUEST with default *NO, *NEW-DEVICES, ignored for alias devices, a message only on error, VM2000 administrator); " +
			"wildcards in UNITS not yet declared; SET-NAME in *BY-ASSIGNMENT-SET and the values of ASSIGN-BY-GUEST I; the attribute shows in SHOW-VM-DEVICE-STATUS",
		help: "Sets the ASSIGN-BY-GUEST attribute (may a guest system assign the device implicitly) of devices: named, ranges, a pubset's, an assignment set's, all existing devices (*ALL) or those a dynamic I/O change adds (*NEW-DEVICES).",
		ops: `UNITS = *ALL / *NEW-DEVICES / ` + pubsetUnits + ` / *BY-ASSIGNMENT-SET(SET-NAME = *STDSET / <name 1..8>) / ` + deviceUnits + `
			ASSIGN-BY-GUEST = *UNCHANGED / *YES / *NO`},
}

// VM definitions of VMs that are not initialised (DEFINED_ONLY). The
// commands' names and purpose are V ('Commands for managing VM
// definitions' ...-92, CREATE-VM-DEFINITION ...-213); the stored part of
// ...-213 ends after VM-NAME and VM-INDEX, so the other operands take
// CREATE-VM's names and values for the attributes the page lists (I).
var vm2000DefinitionCommands = []decl{
	{name: "CREATE-VM-DEFINITION", domain: "VM2000",
		source: "V: 'CREATE-VM-DEFINITION (Create VM definition)', ...-213 (attribute list, VM-NAME, VM-INDEX, a name in use is refused, VM2000 administrator only); " +
			"the other operands I (CREATE-VM's); MAX-CPU-UTILIZATION, ADMIN-PRIVILEGES and PRIVILEGES accepted and ignored",
		help: "Creates the persistent definition of a VM that is not initialised (ACT NO in SHOW-VM-DEFINITION): index, memory sizes, CPUs, CPU pool, I/O limit, devices and password; ACTIVATE-VM-DEFINITION initialises the VM from it.",
		ops: `VM-NAME = <name 1..8> !
			VM-INDEX = *ANY / <integer 2..99>
			MEMORY-SIZE = ` + memSize + ` !
			MIN-MEMORY-SIZE = *STD / ` + memSize + `
			MAX-MEMORY-SIZE = *STD / ` + memSize + `
			PROCESSOR = *MONO / *BI / *TRIPLE / *QUADRO / *OCTO / *MAXIMUM / *EXTRA-AND-NORMAL / <integer 1..32>
			CPU-QUOTA = *STD / <fixed 0.01..99.99>
			MAX-CPU-UTILIZATION = 100 / <fixed 0.01..100.00>
			MAX-IO-UTILIZATION = 100 / <integer 1..100>
			CPU-POOL = *STDPOOL / <name 1..8>
			UNITS = *NONE / list-poss(28): <alphanum-name 1..4>
			PASSWORD = *NONE / <c-string 1..8> / <x-string 1..16>
			ADMIN-PRIVILEGES = *STD / *MINIMUM / *MAXIMUM
			PRIVILEGES = [*PARAMETERS](IO-RESET = *YES / *NO, IO-PRIORITY = *YES / *NO, AUTO-SNAP-ASSIGNMENT = *NO / *YES, ASSIGN-BY-GUEST = *NO / *YES)`},
	{name: "MODIFY-VM-DEFINITION", domain: "VM2000",
		source: "V: 'MODIFY-VM-DEFINITION (Modify VM definition)', ...-227 (not for an initialised VM, the name stays, VM2000 administrator only; operands to PROCESSOR); " +
			"CPU-POOL, MAX-IO-UTILIZATION and PASSWORD with *UNCHANGED I (CREATE-VM-DEFINITION's); the devices of a definition are not changed here (their operands are not stored)",
		help: "Changes the persistent definition of a VM that is not initialised: index, memory sizes, CPUs, CPU pool, I/O limit, password; *UNCHANGED keeps a setting.",
		ops: `VM-NAME = <name 1..8> !
			VM-INDEX = *UNCHANGED / *ANY / <integer 2..99>
			MEMORY-SIZE = *UNCHANGED / ` + memSize + `
			MIN-MEMORY-SIZE = *UNCHANGED / *STD / ` + memSize + `
			MAX-MEMORY-SIZE = *UNCHANGED / *STD / ` + memSize + `
			PROCESSOR = *UNCHANGED / *MONO / *BI / *TRIPLE / *QUADRO / *OCTO / *MAXIMUM / *EXTRA-AND-NORMAL / <integer 1..32>
			CPU-POOL = *UNCHANGED / *STDPOOL / <name 1..8>
			MAX-IO-UTILIZATION = *UNCHANGED / <integer 1..100>
			PASSWORD = *UNCHANGED / *NONE / <c-string 1..8> / <x-string 1..16>`},
	{name: "ACTIVATE-VM-DEFINITION", domain: "VM2000",
		source: "V: named on 'Commands for managing VM definitions' ...-92 (initialises a VM from its persistent definition); operands I (VM-NAME as the other definition commands)",
		help:   "Initialises the VM of a persistent VM definition (state INIT-ONLY, PERSISTENT), with the definition's index, memory, CPUs, pool and devices.",
		ops:    `VM-NAME = <name 1..8> !`},
	{name: "RECOVER-VM-DEFINITION", domain: "VM2000",
		source: "V: 'RECOVER-VM-DEFINITION (Recover a VM definition)', ...-233 (operands, return codes, VMS2340, VM2000 administrator only; the remote unit must not run); " +
			"the failed unit is installation data (state: failed), VMS2340's text (cut on the page) and which definitions a failed unit keeps I",
		help: "Fetches a VM definition from a failed server unit of the local unit's SU cluster (SERVER-UNIT-NAME=*UNIQUE: the other unit of a cluster of two); the definition arrives as that of an uninitialised VM, which ACTIVATE-VM-DEFINITION initialises.",
		ops: `VM-NAME = <name 1..8> !
			` + suName},
	{name: "SAVE-VM-CONFIGURATION", domain: "VM2000",
		source: "V: 'Backing up a VM2000 configuration' ...-176 (VM2000 administrator; rejected while a VM is held, a RUNNING VM has not reached SYSTEM READY, a memory reconfiguration or a migration runs; VMS4817 per persistent VM, VMS4814 for an attached extra CPU), " +
			"'Storage location' ...-180 (the name completed with the caller's user ID; another user ID only with TSOS), 'VM2000 components not backed up' ...-182; " +
			"'Commands not allowed during a VM migration' ...-87 (VMS3042); the command's own page is not stored: the operand FILE-NAME, the default name SYS.VM2000.CONFIGURATION and the file's content (sdfp's installation format, not the manual's XML) I",
		help: "Backs up the VM2000 configuration of the server unit (CPU pools, VM groups, the guest VMs that are not persistent with their attributes and devices, the monitor VM's attributes) in a file of the monitor system's home pubset, the workdir; RESTORE-VM-CONFIGURATION reads it.",
		ops:  backupFile},
	{name: "RESTORE-VM-CONFIGURATION", domain: "VM2000",
		source: "V: 'Restoring a VM2000 configuration' ...-178 (VM2000 administrator; a file SAVE-VM-CONFIGURATION wrote; VMS4811 when the real memory is smaller than at the backup, then VMS4803 for a VM that does not fit), " +
			"'VM2000 components not backed up' ...-182 (the monitor VM's values are not restored; device assignments to a pubset are not restored; an assignment of a device the unit lacks cannot be); " +
			"the command's own page and the rest of the requirements are not stored: the operand FILE-NAME and the rule that only the monitor VM may exist (VMS4804) I",
		help: "Sets up again the CPU pools, VM groups and VMs a backup file of SAVE-VM-CONFIGURATION holds (the VMs in state INIT-ONLY, with the devices the unit still has free); only while the monitor VM is the unit's only VM.",
		ops:  backupFile},
	{name: "DELETE-VM-DEFINITION", domain: "VM2000",
		source: "V: named on 'Commands for managing VM definitions' ...-92; operands I; the definition of an initialised VM goes with DELETE-VM (V:DEFPREV ...-91), so it is refused here (I)",
		help:   "Deletes the persistent definition of a VM that is not initialised.",
		ops:    `VM-NAME = <name 1..8> !`},
}
