package catalog

// VM2000 administration commands. Sources refer to
// ../shared/spec/vm2000.md (V:xxx tags name the VM2000 V12 manual pages
// listed there; S = seen only in the seed documents).

const (
	vmID        = `VM-IDENTIFICATION = <integer 1..99> / <name 1..8> !`
	vmIDCurrent = `VM-IDENTIFICATION = *CURRENT / <integer 1..99> / <name 1..8>`
	suName      = `SERVER-UNIT-NAME = *UNIQUE / <composed-name 1..64>`
	monJV       = `MONJV = *NONE / <filename 1..54>`
	memSize     = `<integer 1..1048576>(DIMENSION = *MEGABYTE / *GIGABYTE)`
	// deviceUnits are the devices of the device commands: ranges or
	// names (V, the pages ...-201, ...-235, ...-253, ...-246, ...-228;
	// FROM and TO one type for the pages' <alphanum-name 2..2> /
	// <x-text 4..4>, I). The names take wildcards, the pages'
	// <alphanum-name 1..4 with-wild(20)>, which hypervisor/vm2000 matches
	// (wildDevices).
	deviceList  = `list-poss(28): *DEVICE-RANGE(FROM = <alphanum-name 2..4> !, TO = <alphanum-name 2..4> !) / <alphanum-name 1..4 with-wild>`
	deviceUnits = deviceList + ` !` // UNITS mandatory
	// pubsetUnits are the devices of a pubset (V, same pages); the
	// catalog ID, the pages' <cat-id 1..4>, is an <alphanum-name 1..4> (I).
	pubsetUnits = `*PUBSET-DEVICES(PUBSET = *BY-PUBRES-DEVICE(UNIT = <alphanum-name 2..4> !) / <alphanum-name 1..4> !)`

	// vmNameWild is a VM name that may hold wildcards, the manuals'
	// <name 1..8 with-wild(20)>. The catalog has no wildcard suffix, so a
	// name that is not a plain <name> is taken as text of at most 20
	// characters (with-wild: VM<02,12> is one value), and hypervisor/vm2000
	// (selection.go) parses it.
	vmNameWild = `<name 1..8> / <text 1..20 with-wild>`
	// vmByGroupOrPool are the selections of the VMs of a VM group or CPU
	// pool (V:SVA, V:PRIVF).
	vmByGroupOrPool = `*BY-VM-GROUP(VM-GROUP-NAME = <name 1..8> !) / *BY-CPU-POOL(CPU-POOL-NAME = *STDPOOL / <name 1..8>)`
)

var vm2000Commands = []decl{
	{name: "BEGIN-VM-DIALOG", domain: "VM2000", source: "V:BVD (vm2000 2.1)",
		help: "Opens an administration dialog with VM2000; VM-ID=1 (the monitor system) gives VM2000 administrator rights.",
		ops: vmID + `
			PASSWORD = *NONE / <c-string 1..8> / <x-string 1..16>
			TYPE = *STD / *BOTH / *ADMIN(OUTPUT-PREFIX = *YES / *NO) / *VC(OUTPUT-PREFIX = *YES / *NO)`},
	{name: "END-VM-DIALOG", domain: "VM2000", source: "I; positional VM-ID as in seed 003 (vm2000 2.1)",
		help: "Ends the administration dialog; VM2000 commands are refused afterwards.",
		ops: vmIDCurrent + `
			TYPE = *STD / *ADMIN / *VC / *BOTH`},
	{name: "SHOW-VM-ATTRIBUTES", domain: "VM2000", source: "V:SVA (vm2000 2.12); VM selections V:SVA syntax and V:PRIVF ('Specifying information for several VMs')",
		help: "Shows the attributes of virtual machines: one VM by index or name, or (VM2000 administrator) several: *VM2000 all, a name with wildcards (VM0*), *BY-VM-GROUP(...) or *BY-CPU-POOL(...); INFORMATION=*MEMORY gives memory size, minimum, maximum and a reconfiguration in progress.",
		ops: `INFORMATION = *STD / *CPU / *UNITS / *MEMORY / *MONJV / *PRIVILEGES / *ALL
			# families as the page lists them (V:SVA); <device> a device type
			TYPE = *ALL / *SD / *VC / *CONSOLE / *PRINTER / *FAM50 / *TD / *UR / <alphanum-name 1..8>
			VM-IDENTIFICATION = *CURRENT / *VM2000 / <integer 1..99> / ` + vmByGroupOrPool + ` / ` + vmNameWild},
	{name: "SHOW-VM-RESOURCES", domain: "VM2000", source: "V:SVR (vm2000 2.12)",
		help: "Shows the resources of the server unit: memory distribution, free memory, devices, uninitialised VMs.",
		ops: `INFORMATION = *STD / *CPU / *UNITS / *MEMORY / *MONJV / *PRIVILEGES / *CONFIGURATION / *ALL
			UNITS = *ALL / list-poss(28): <alphanum-name 1..4>
			TYPE = *ANY / *SD / *VC / <alphanum-name 1..8>`},
	{name: "SHOW-VM-STATUS", domain: "VM2000", source: "V:SVS (vm2000 2.12); VM names with wildcards V:SVS ('multiple VMs are selected by specifying wildcards'), the page's syntax not stored",
		help: "Shows the status and utilisation of virtual machines: one VM, *ALL, or (VM2000 administrator) the VMs whose names match a pattern with wildcards.",
		ops: `INFORMATION = *STD / *ALL
			PERIOD = *NO / <integer 1..3600>
			VM-IDENTIFICATION = *ALL / <integer 1..99> / ` + vmNameWild},
	{name: "SHOW-VM-DEFINITION", domain: "VM2000", source: "V:SVD (vm2000 2.3); VM-NAME = *ALL / <name 1..8 with-wild(20)> V:SVD (de)",
		help: "Lists VM definitions, all or those whose VM names match VM-NAME (wildcards allowed); ACT=NO marks a definition whose VM is not initialised (DEFINED_ONLY).",
		ops: `VM-NAME = *ALL / ` + vmNameWild + `
			INFORMATION = *STD / *CPU / *MEMORY / *PRIVILEGES / *IPL / *UNITS / *ALL`},
	// Only the opening of the V12 page V:CRVM (its attribute list and the
	// first operands) could be read, so the value syntax below comes from
	// the pages that describe the same attributes, named per operand;
	// what none of them shows is marked I.
	{name: "CREATE-VM", domain: "VM2000",
		source: "V:CRVM (VM2000 V12 user guide 2023-11, 'CREATE-VM (Initialize a VM)', ...-210): operand list complete, " +
			"one operand for every attribute the page lists; value syntax V from V:CRDEF, V:MODATT and the pages named per operand, I where marked. " +
			"The model keeps PROCESSOR, CPU-QUOTA (own or member quota and VM group), CPU-POOL, MAX-CPU-UTILIZATION (SHOW-VM-ATTRIBUTES' MAX-U), MAX-IO-UTILIZATION (/390) and LOCATION (/390); " +
			"ADMIN-PRIVILEGES, PRIVILEGES and VM-ACTIVE-IDLE are accepted and ignored (vm2000 2.2)",
		help: "Initialises a virtual machine (state INIT-ONLY): its index and name, memory sizes, place in memory (/390), " +
			"number of virtual CPUs, CPU share or VM group membership, CPU pool, I/O limit, password, privileges and monitoring JV.",
		ops: `MEMORY-SIZE = ` + memSize + ` !
			MIN-MEMORY-SIZE = *STD / ` + memSize + `
			MAX-MEMORY-SIZE = *STD / ` + memSize + `
			VM-INDEX = *ANY / <integer 2..99>             # V:CRDEF
			VM-NAME = *STD / <name 1..8>                  # V:CRDEF, V:INIT
			# keywords V (...-30, monitor configuration file); levels 1..32 V (...-122); the integer form I
			PROCESSOR = *MONO / *BI / *TRIPLE / *QUADRO / *OCTO / *MAXIMUM / *EXTRA-AND-NORMAL / <integer 1..32>
			# V:MODATT, V (...-30: *BY-VM-GROUP at CREATE-VM); structure as ADD-VM-TO-VM-GROUP (V, ...-202), I
			CPU-QUOTA = *STD / <fixed 0.01..99.99> / *BY-VM-GROUP(VM-GROUP-NAME = <name 1..8> !, MEMBER-CPU-QUOTA = <fixed 0.01..99.99> !)
			MAX-CPU-UTILIZATION = 100 / <fixed 0.01..100.00>   # V:MODATT, V (...-214)
			MAX-IO-UTILIZATION = 100 / <integer 1..100>        # V:MODATT, V (...-30)
			CPU-POOL = *STDPOOL / <name 1..8>             # name V (...-30), values as TO-CPU-POOL (V, ...-204)
			# /390 only; values as MOVE-VM (V:MOVE), *ANY (first free area) I
			LOCATION = *ANY / *MEMORY-END / *BEFORE-VM(VM-IDENTIFICATION = <integer 2..99> / <name 1..8> !) / *AFTER-VM(VM-IDENTIFICATION = <integer 1..99> / <name 1..8> !)
			PASSWORD = *NONE / <c-string 1..8> / <x-string 1..16>
			ADMIN-PRIVILEGES = *STD / *MINIMUM / *MAXIMUM
			# sub-operands V:MODATT; defaults I (the manual advises IO-RESET=*NO and IO-PRIORITY=*NO, so both are granted unless said)
			PRIVILEGES = [*PARAMETERS](IO-RESET = *YES / *NO, IO-PRIORITY = *YES / *NO, AUTO-SNAP-ASSIGNMENT = *NO / *YES, ASSIGN-BY-GUEST = *NO / *YES)
			VM-ACTIVE-IDLE = *NO / *AT-DEDICATED-CPUS     # V:CRVM (de)
			PERSISTENT = *NO / *YES
			` + monJV + `
			` + jvPassword},
	{name: "START-VM", domain: "VM2000", source: "V:START (vm2000 2.4)",
		help: "Starts the guest system of a virtual machine (IPL).",
		ops: `IPL-UNIT = *STD / <alphanum-name 2..4>
			MAIN-CONSOLE = *STD / list-poss(2): <alphanum-name 2..2>
			HOLD = *NO / *YES
			DIAGNOSTIC-IPL = *NO / *YES
			INFORMATION-BYTE = *FAST / *AUTOMATIC / *DIALOG
			PARAMS = *NONE / <alphanum-name 1..8>
			CLEAR-MEMORY = *NO / *YES
			UNLOCK-SAVEAREA = *NO / *YES
			` + vmIDCurrent + `
			CHECK-VM-STATE = *YES / *NO`},
	{name: "HOLD-VM", domain: "VM2000", source: "V:HOLD (vm2000 2.5)",
		help: "Puts a virtual machine on hold (/390 only; refused with VMS3011 on x86).",
		ops:  `VM-IDENTIFICATION = *CURRENT / *ALL / <integer 1..99> / <name 1..8>`},
	{name: "RESUME-VM", domain: "VM2000", source: "V:RESUME (vm2000 2.5)",
		help: "Lets a held virtual machine run again (/390 only).",
		ops:  `VM-IDENTIFICATION = *CURRENT / *ALL / <integer 1..99> / <name 1..8>`},
	{name: "MOVE-VM", domain: "VM2000", source: "V:MOVE (vm2000 2.9); the address form and MSCF-COORDINATED V: 'MOVE-VM (Move a VM within main memory)', ...-232 (the page's <x-text 1..8> is an <alphanum-name 1..8> checked for hexadecimal digits, I); MSCF-COORDINATED accepted, no effect",
		help: "Moves a virtual machine in main memory (/390 only): before or after another VM, to the end of memory, or to an address (hexadecimal, in bytes a multiple of 1 MB, or in MB with DIMENSION=*MEGABYTE).",
		ops: `LOCATION = *MEMORY-END / *BEFORE-VM(VM-IDENTIFICATION = *NEXT / <integer 2..99> / <name 1..8>) / *AFTER-VM(VM-IDENTIFICATION = *PREVIOUS / <integer 1..99> / <name 1..8>) / <alphanum-name 1..8>(DIMENSION = *BYTE / *MEGABYTE)
			VM-IDENTIFICATION = <integer 2..99> / <name 1..8> !
			MSCF-COORDINATED = *IF-POSSIBLE / *YES / *NO`},
	{name: "RESET-VM", domain: "VM2000", source: "I (vm2000 2.6)",
		help: "Aborts the guest system; the VM returns to INIT-ONLY.",
		ops:  vmIDCurrent},
	{name: "SHUTDOWN-VM", domain: "VM2000", source: "V:SHUT ...-250, operands complete (vm2000 2.8); *VM2000(...): coordinated shutdown, 'Coordinated shutdown of VM2000' ...-43",
		help: "Shuts the guest system down without restart; *VM-GUESTS all guests, *VM2000(WAITING-TIME=...) the whole VM2000: every guest, then every guest VM is deleted once all are DOWN or the waiting time (minutes) has passed.",
		ops:  `VM-IDENTIFICATION = *CURRENT / *VM2000(WAITING-TIME = *UNLIMITED / <integer 1..60>, ACTION = *SHUTDOWN(QUIET-TIME = 0 / <integer 0..60>) / *ENTER-JOB) / *VM-GUESTS / <integer 1..99> / <name 1..8>`},
	{name: "DELETE-VM", domain: "VM2000", source: "V:DEL (vm2000 2.7)",
		help: "Deletes a virtual machine; with CHECK-VM-STATE=*YES only in DOWN or INIT-ONLY.",
		ops: `VM-IDENTIFICATION = *CURRENT / *ALL / <integer 1..99> / <name 1..8>
			CHECK-VM-STATE = *YES / *NO`},
	{name: "ADD-VM-DEVICES", domain: "VM2000", source: "V:ADDDEV (vm2000 2.10); *DEVICE-RANGE and *PUBSET-DEVICES V: 'ADD-VM-DEVICES (Allocate devices to a VM)', ...-201 (wildcards not yet declared); a pubset all or nothing, VMS4220 V ('Notes on pubset specification' ...-160, 'Example of pubset management' ...-163); the pubsets are installation data (I)",
		help: "Assigns devices to a virtual machine: named devices, ranges of the server unit's devices (*DEVICE-RANGE: two-character names in alphabetical order, four hexadecimal digits in hexadecimal order) or all devices of a pubset (*PUBSET-DEVICES, by catalog ID or pubres device).",
		ops: `UNITS = ` + pubsetUnits + ` / ` + deviceUnits + `
			` + vmID + `
			TYPE = *NONE / *SD / *VC
			USAGE = *EXCLUSIVE / *SHARED`},
	{name: "MODIFY-VM-DEVICE-USAGE", domain: "VM2000", source: "V: 'MODIFY-VM-DEVICE-USAGE (Modify usage mode of devices of a VM)', ...-229 (operands, SHARED only for a device that can be shared, EXCLUSIVE only for a device no other VM holds, noted in the definition); *PUBSET-DEVICES as ADD-VM-DEVICES's (vm2000 2.10), wildcards not yet declared; messages I (none on success, VMS4033/VMS4032 per device)",
		help: "Changes the usage mode of devices of a VM (named, ranges or a pubset's): *SHARED for an exclusive device that can be shared (a disk), *EXCLUSIVE for a shared device no other VM holds.",
		ops: `UNITS = ` + pubsetUnits + ` / ` + deviceUnits + `
			VM-IDENTIFICATION = <integer 1..99> / <name 1..8> !
			USAGE = *EXCLUSIVE / *SHARED !`},
	{name: "REMOVE-VM-DEVICES", domain: "VM2000", source: "V:EXPDEV (vm2000 2.10); *ALL(CHECK-VM-STATE), *DEVICE-RANGE and *PUBSET-DEVICES V: 'REMOVE-VM-DEVICES (Deallocate devices from VM)', ...-235; a pubset's devices already gone are no error (V ...-160); VMS4221 for the released pubset I",
		help: "Takes devices away from a virtual machine: named devices, ranges of its devices (*DEVICE-RANGE), a pubset's (*PUBSET-DEVICES) or all of them (*ALL; with CHECK-VM-STATE=*YES only from a VM in DOWN or INIT-ONLY).",
		ops: `UNITS = *ALL(CHECK-VM-STATE = *YES / *NO) / ` + pubsetUnits + ` / ` + deviceUnits + `
			` + vmIDCurrent + `
			FORCE = *NO(WAIT-FOR-UNASSIGN = *NO / *YES) / *YES`},
	{name: "CHECK-VM-MIGRATION", domain: "VM2000", source: "V:CHK (vm2000 4.1)",
		help: "Checks whether a live migration of the VM to the target server unit is possible; 'not possible' is reported with SUBCODE2=2 and no error.",
		ops:  vmID + "\n" + suName},
	{name: "MIGRATE-VM", domain: "VM2000", source: "V:MIG (vm2000 4.1)",
		help: "Starts a live migration of the VM to another server unit of the SU cluster; the migration runs asynchronously and can be followed with a MONJV.",
		ops:  vmID + "\n" + suName + "\n" + monJV + "\n" + jvPassword},
	{name: "MIGRATE-VM-DEFINITION", domain: "VM2000", source: "V:MIGDEF (vm2000 2.3)",
		help: "Moves the persistent definition of a VM that is not initialised to the other server unit of the cluster.",
		ops: `VM-NAME = <name 1..8> !
			` + suName},
	{name: "EXTEND-VM-MEMORY", domain: "VM2000", source: "V:EXT (vm2000 5.1)",
		help: "Extends the main memory of a VM while it runs (asynchronously; follow it with a MONJV).",
		ops: vmID + `
			NEW-MEMORY-SIZE = *UNCHANGED / *MAXIMUM / ` + memSize + `
			NEW-MIN-MEMORY-SIZE = *UNCHANGED / *MAXIMUM / ` + memSize + `
			` + monJV + `
			` + jvPassword},
	{name: "REDUCE-VM-MEMORY", domain: "VM2000", source: "V:RED (vm2000 5.1)",
		help: "Reduces the main memory of a VM while it runs (asynchronously; follow it with a MONJV). *MINIMUM reduces to the VM's minimum size.",
		ops: vmID + `
			NEW-MEMORY-SIZE = *MINIMUM / ` + memSize + `
			` + monJV + `
			` + jvPassword},
}
