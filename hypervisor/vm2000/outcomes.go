package vm2000

import (
	"sync"

	"sdfp/interp/handler"
)

// The outcome table: how a VM2000 command ends when it is refused or
// only partly done, the message printed on SYSOUT and the return code.
// Texts are in msg/vms.msg under the message key.

// outcomeID names an outcome by what happened.
type outcomeID string

const (
	notInDialog          outcomeID = "not-in-dialog"
	notAdministrator     outcomeID = "not-administrator"
	dialogAlreadyOpen    outcomeID = "dialog-already-open"
	badPassword          outcomeID = "bad-password"
	vmUnknown            outcomeID = "vm-unknown"
	definitionUnknown    outcomeID = "definition-unknown"
	vmNameTaken          outcomeID = "vm-name-taken"
	vmIndexTaken         outcomeID = "vm-index-taken"
	noFreeIndex          outcomeID = "no-free-index"
	tooManyGuests        outcomeID = "too-many-guests"
	alreadyInitialized   outcomeID = "already-initialized"
	vmMigrating          outcomeID = "vm-migrating"
	notOnX86             outcomeID = "not-on-x86"
	wrongState           outcomeID = "wrong-state"
	monitorVM            outcomeID = "monitor-vm"
	notSystemReady       outcomeID = "not-system-ready"
	reconfigRunning      outcomeID = "reconfiguration-running"
	badMemorySize        outcomeID = "bad-memory-size"
	memoryShort          outcomeID = "memory-short"
	deviceUnknown        outcomeID = "device-unknown"
	deviceBusy           outcomeID = "device-busy"
	deviceNotAssigned    outcomeID = "device-not-assigned"
	badDeviceRange       outcomeID = "bad-device-range"
	badMemoryAddress     outcomeID = "bad-memory-address"
	assignmentSetUnknown outcomeID = "assignment-set-unknown"
	deviceNotShareable   outcomeID = "device-not-shareable"
	suUnknown            outcomeID = "su-unknown"
	suNotUnique          outcomeID = "su-not-unique"
	suIsLocal            outcomeID = "su-is-local"
	suNotInCluster       outcomeID = "su-not-in-cluster"
	clusterInactive      outcomeID = "cluster-inactive"
	migrationNotPossible outcomeID = "migration-not-possible"
	migrationRejected    outcomeID = "migration-rejected"
	functionNotHere      outcomeID = "function-not-available"
	noActionRequired     outcomeID = "no-action-required"
	definitionRejected   outcomeID = "definition-rejected"
	partlyExecuted       outcomeID = "partly-executed"
	cpuPoolUnknown       outcomeID = "cpu-pool-unknown"
	vmGroupUnknown       outcomeID = "vm-group-unknown"
	vmGroupExists        outcomeID = "vm-group-exists"
	tooManyGroups        outcomeID = "too-many-vm-groups"
	groupHasMembers      outcomeID = "vm-group-has-members"
	vmAlreadyInGroup     outcomeID = "vm-already-in-group"
	vmNotInGroup         outcomeID = "vm-not-in-group"
	vmNotInGroupPool     outcomeID = "vm-not-in-group-pool"
	vmMigratingGroup     outcomeID = "vm-migrating-group"
	cpuPoolExists        outcomeID = "cpu-pool-exists"
	definitionActive     outcomeID = "definition-active"
	cpuPoolInUse         outcomeID = "cpu-pool-in-use"
	stillHeld            outcomeID = "still-held"
	pubsetUnknown        outcomeID = "pubset-unknown"
	notPubres            outcomeID = "not-pubres-device"
	suRunning            outcomeID = "su-running"
	noCluster            outcomeID = "local-su-in-no-cluster"
	definitionNotUnique  outcomeID = "definition-not-unique"
	aliasExplicit        outcomeID = "alias-device-explicit"
	unitsKeywordInList   outcomeID = "units-keyword-in-list"
	// SAVE- and RESTORE-VM-CONFIGURATION (configuration.go)
	privilegeMissing outcomeID = "privilege-missing"
	internalError    outcomeID = "internal-error"
	guestVMsExist    outcomeID = "guest-vms-exist"
	backupUnusable   outcomeID = "backup-unusable"
	// SEND-VM-MESSAGE to a VM nobody administers
	noAdministratorConnected outcomeID = "no-administrator-connected"
	// SWITCH-VM-CPU (cpus.go)
	cpuPoolTooFew     outcomeID = "cpu-pool-too-few-cpus"
	cpuNotInPool      outcomeID = "cpu-not-in-pool"
	cpuSelectionShort outcomeID = "cpu-selection-short"
	cpuPoolSame       outcomeID = "cpu-pools-identical"
	badCPUID          outcomeID = "cpu-id-invalid"
	cpuKeywordInList  outcomeID = "cpu-keyword-in-list"
)

var outcomes = sync.OnceValue(func() map[outcomeID]handler.Outcome {
	return map[outcomeID]handler.Outcome{
		notInDialog:          {Msg: "VMS1010", Main: "VMS1010", SC1: 64, Source: "I: no VM2000 administrator rights without BEGIN-VM-DIALOG (V:ADMT); key and text sdfp's"},
		notAdministrator:     {Msg: "VMS1011", Main: "VMS1011", SC1: 64, Source: "I: VM administrators act on their own VM only (V:PRIVF); key sdfp's"},
		dialogAlreadyOpen:    {Msg: "VMS1014", Main: "VMS1014", SC1: 64, Source: "V:BVD one ADMIN dialog per user task; key I"},
		badPassword:          {Msg: "VMS1016", Main: "VMS1016", SC1: 64, Source: "V:PWD per-VM password; key I"},
		vmUnknown:            {Msg: "VMS4000", Main: "VMS4000", SC1: 64, Source: "V:CHK VMS4000 = VM not yet created"},
		definitionUnknown:    {Msg: "VMS2300", Main: "VMS2300", SC1: 64, Source: "V:MIGDEF VMS2300 = VM definition does not exist"},
		vmNameTaken:          {Msg: "VMS4013", Main: "VMS4013", SC1: 64, Source: "V:RECOVER VMS4013 = VM name not available"},
		vmIndexTaken:         {Msg: "VMS4012", Main: "VMS4012", SC1: 64, Source: "I"},
		noFreeIndex:          {Msg: "VMS4014", Main: "VMS4014", SC1: 64, Source: "I"},
		tooManyGuests:        {Msg: "VMS4016", Main: "VMS4016", SC1: 64, Source: "V: at most 32 guests run at once; key I"},
		alreadyInitialized:   {Msg: "VMS4015", Main: "VMS4015", SC1: 64, Source: "S seed 000; V:MIGDEF SC1=64"},
		vmMigrating:          {Msg: "VMS3042", Main: "VMS3042", SC1: 128, Source: "V:NALLOW; SC1=128 as ADD-VM-TO-VM-GROUP ...-202 gives it for a VM being migrated (for the other commands I: one message, one class)"},
		notOnX86:             {Msg: "VMS3011", Main: "VMS9004", SC1: 64, Source: "V:HOLD/MOVE VMS3011 with return code VMS9004"},
		wrongState:           {Msg: "VMS3010", Main: "VMS3010", SC1: 64, Source: "I: no key known for a VM in the wrong state"},
		monitorVM:            {Msg: "VMS3012", Main: "VMS3012", SC1: 64, Source: "V:RESTR the monitor VM cannot be started, held, moved, migrated, deleted; key I"},
		notSystemReady:       {Msg: "VMS4092", Main: "VMS4092", SC1: 64, Source: "V:EXT reconfiguration of a running guest only after SYSTEM READY; key I"},
		reconfigRunning:      {Msg: "VMS4090", Main: "VMS4090", SC1: 64, Source: "V:EXT a second EXTEND/REDUCE for the same VM is rejected; key I"},
		badMemorySize:        {Msg: "VMS4091", Main: "VMS4091", SC1: 64, Source: "I"},
		memoryShort:          {Msg: "VMS4504", Main: "VMS4504", SC1: 128, Source: "V:RC VMS4504 memory bottleneck, SC1=128; text I"},
		deviceUnknown:        {Msg: "VMS4030", Main: "VMS4030", SC1: 64, Source: "I"},
		deviceBusy:           {Msg: "VMS4032", Main: "VMS4032", SC1: 64, Source: "I"},
		deviceNotAssigned:    {Msg: "VMS4033", Main: "VMS4033", SC1: 64, Source: "I"},
		deviceNotShareable:   {Msg: "CMD0202", SC1: 1, Detail: "device-not-shareable", Source: "V: SHARED only where the device permits it (MODIFY-VM-DEVICE-USAGE ...-229); the page's message is not stored, CMD0202 SC1=1 I"},
		unitsKeywordInList:   {Msg: "CMD0202", SC1: 1, Detail: "units-keyword-in-list", Source: "V: *ALL, *STD, *NEW-DEVICES, *PUBSET-DEVICES and *BY-ASSIGNMENT-SET are alternatives to the list of devices (the device commands' pages); CMD0202 SC1=1 I"},
		aliasExplicit:        {Msg: "CMD0202", SC1: 1, Detail: "alias-device-explicit", Source: "V: alias (PAV/DPAV) and CRD devices cannot be assigned or removed explicitly (ADD-VM-DEVICES ...-201, REMOVE-VM-DEVICES ...-235); the pages' message is not stored, CMD0202 SC1=1 I"},
		assignmentSetUnknown: {Msg: "VMS4200", Main: "VMS4200", SC1: 64, Source: "V: VMS4200 = assignment set not yet created, SC1=64 (SHOW-VM-ASSIGNMENT-SET ...-242); text I"},
		cpuPoolTooFew:        {Msg: "VMS4612", Main: "VMS4612", SC1: 64, Source: "V: the last attached real CPU may not leave a pool with an active VM (SWITCH-VM-CPU ...-252), VMS4612 = too few attached CPUs in the pool, SC1=64 (ASSIGN-VM-TO-CPU-POOL V10:441); for *CHECK-NUMBER the key is I; text I"},
		cpuNotInPool:         {Msg: "VMS4614", Main: "VMS4614", SC1: 64, Source: "I: key and text; the CPUs named must be FROM-CPU-POOL's (SWITCH-VM-CPU ...-252, V)"},
		cpuSelectionShort:    {Msg: "VMS4615", Main: "VMS4615", SC1: 64, Source: "I: key, text and the rule that fewer CPUs than NUMBER-OF-CPUS is refused (SWITCH-VM-CPU ...-252 selects from FROM-CPU-POOL, V)"},
		cpuPoolSame:          {Msg: "CMD0202", SC1: 1, Detail: "cpu-pools-identical", Source: "I: a CPU moves to a different CPU pool (SWITCH-VM-CPU ...-252, V); CMD0202 SC1=1 I"},
		badCPUID:             {Msg: "CMD0202", SC1: 1, Detail: "cpu-id-invalid", Source: "V: a CPU ID is <x-text 1..2> (SWITCH-VM-CPU ...-252); CMD0202 SC1=1 as for a bad memory address; detail I"},
		cpuKeywordInList:     {Msg: "CMD0202", SC1: 1, Detail: "cpu-keyword-in-list", Source: "V: *SELECT and *ALL are alternatives to the list of CPU IDs (SWITCH-VM-CPU ...-252); CMD0202 SC1=1 I"},
		badMemoryAddress:     {Msg: "CMD0202", SC1: 1, Detail: "memory-address-invalid", Source: "V: an address of hexadecimal digits, a multiple of 1 MB, 00000000..7FF00000 (MOVE-VM ...-232); CMD0202 SC1=1 as for a bad device range; detail I"},
		badDeviceRange:       {Msg: "CMD0202", SC1: 1, Detail: "device-range-invalid", Source: "V: FROM and TO of one kind, TO not below FROM (ADD-VM-DEVICES ...-201); CMD0202 SC1=1 is VM2000's syntax or semantic error ('Command return codes' ...-196); detail I"},
		suUnknown:            {Msg: "VMS2400", Main: "VMS2400", SC1: 64, Source: "V:CHK"},
		suNotUnique:          {Msg: "VMS2341", Main: "VMS2341", SC1: 64, Source: "V:CHK"},
		suIsLocal:            {Msg: "VMS2342", Main: "VMS2342", SC1: 64, Source: "V:RECOVER"},
		suNotInCluster:       {Msg: "VMS2343", Main: "VMS2343", SC1: 64, Source: "V:RECOVER"},
		clusterInactive:      {Msg: "VMS2406", Main: "VMS2406", SC1: 64, Source: "V:SECL no migration in a deactivated SU cluster; key I (one of CHECK's guaranteed messages)"},
		migrationNotPossible: {Msg: "VMS2461", Main: "VMS2461", SC2: 2, Source: "V:CHK SC2=2, SC1=0"},
		migrationRejected:    {Msg: "VMS2461", Main: "VMS2461", SC1: 64, Source: "I (spec 4.1 proposal)"},
		functionNotHere:      {Msg: "VMS9001", Main: "VMS9001", SC1: 64, Source: "V:RC VMS9001 function not available"},
		definitionRejected:   {Msg: "VMS2324", Main: "VMS2324", SC1: 64, Source: "V:MIGDEF VMS2324 = migration of the definition rejected by the target SU; text I"},
		noActionRequired:     {Main: "CMD0001", SC2: 1, Source: "V:RESUME (1,0,CMD0001)"},
		partlyExecuted:       {Msg: "VMS3041", Main: "VMS9005", SC1: 64, Source: "V:NALLOW VMS3041 with return code VMS9005"},
		cpuPoolUnknown:       {Msg: "VMS4600", Main: "VMS4600", SC1: 64, Source: "V: VMS4600 = CPU pool not created, SC1=64 (CREATE-VM-GROUP ...-214, ASSIGN-VM-TO-CPU-POOL V10:441); for CREATE-VM I"},
		stillHeld:            {Msg: "VMS2020", Main: "VMS2020", SC2: 2, Source: "V:RESUME (2,0,VMS2020) VM remains in state IN HOLD(WAIT); text I"},
		vmGroupUnknown:       {Msg: "VMS4400", Main: "VMS4400", SC1: 64, Source: "V: VMS4400 = VM group not yet created, SC1=64 (ADD-VM-TO-VM-GROUP ...-202); for CREATE-VM I"},
		vmGroupExists:        {Msg: "VMS4410", Main: "VMS4410", SC1: 64, Source: "V: CREATE-VM-GROUP ...-214 lists VMS4410 with SC1=64 and refuses a name in use (...-95); that VMS4410 is that refusal I"},
		tooManyGroups:        {Msg: "VMS4411", Main: "VMS4411", SC1: 64, Source: "V: at most half as many groups as VMs (...-95); key I"},
		groupHasMembers:      {Msg: "VMS4412", Main: "VMS4412", SC1: 64, Source: "I: DELETE-VM-GROUP's page is not stored"},
		vmAlreadyInGroup:     {Msg: "VMS4424", Main: "VMS4424", SC1: 64, Source: "V: VMS4424 = VM already belongs to a VM group, SC1=64 (ADD-VM-TO-VM-GROUP ...-202); for ASSIGN-VM-TO-CPU-POOL (...-204: VMs of no group) I"},
		vmNotInGroup:         {Msg: "VMS4423", Main: "VMS4423", SC1: 64, Source: "I: a VM of no VM group"},
		vmNotInGroupPool:     {Msg: "VMS4422", Main: "VMS4422", SC1: 64, Source: "V: VMS4422 = VM not assigned to the CPU pool of the VM group, SC1=64 (ADD-VM-TO-VM-GROUP ...-202)"},
		definitionActive:     {Msg: "VMS2302", Main: "VMS2302", SC1: 64, Source: "I: the definition of an initialised VM is changed through the VM (V:DEFPREV ...-91); key sdfp's"},
		cpuPoolExists:        {Msg: "VMS4601", Main: "VMS4601", SC1: 64, Source: "I: CREATE-VM-CPU-POOL's page is not stored"},
		cpuPoolInUse:         {Msg: "VMS4602", Main: "VMS4602", SC1: 64, Source: "I: DELETE-VM-CPU-POOL's page is not stored"},
		pubsetUnknown:        {Msg: "VMS4222", Main: "VMS4222", SC1: 64, Source: "I: the pubset must be in the monitor system's MRS catalog (ADD-VM-DEVICES ...-201); key and text sdfp's"},
		notPubres:            {Msg: "VMS4223", Main: "VMS4223", SC1: 64, Source: "I: *BY-PUBRES-DEVICE names the pubres device (ADD-VM-DEVICES ...-201); key and text sdfp's"},
		suRunning:            {Msg: "VMS2344", Main: "VMS2344", SC1: 64, Source: "V: VMS2344 = remote SU is running, SC1=64 (RECOVER-VM-DEFINITION ...-233); text I"},
		definitionNotUnique:  {Msg: "VMS2346", Main: "VMS2346", SC1: 64, Source: "V: VMS2346 = VM definition is not unique in the SU cluster, SC1=64 (RECOVER-VM-DEFINITION ...-233); that a third unit's VM or definition of the name makes it so, and the text, I"},
		privilegeMissing:     {Msg: "CMD0216", Main: "CMD0216", SC1: 64, Source: "V: CMD0216 = required privilege not present, SC1=64 ('Command return codes' ...-196); a backup file of another user ID needs TSOS ('Storage location' ...-180)"},
		internalError:        {Msg: "CMD0221", Main: "CMD0221", SC1: 32, Source: "V: CMD0221 = internal system error, SC1=32 ('Command return codes' ...-196)"},
		guestVMsExist:        {Msg: "VMS4804", Main: "VMS4804", SC1: 64, Source: "I: RESTORE-VM-CONFIGURATION only while the monitor VM is the unit's only VM ('Restoring a VM2000 configuration' ...-178 is cut before its further requirements)"},
		backupUnusable:       {Msg: "VMS4802", Main: "VMS4802", SC1: 64, Source: "I: a backup file whose content does not load"},
		noCluster:            {Msg: "VMS2347", Main: "VMS2347", SC1: 64, Source: "V: VMS2347 = local SU not detected in any SU cluster, SC1=64 (RECOVER-VM-DEFINITION ...-233); text I"},
		vmMigratingGroup:     {Msg: "VMS3042", Main: "VMS3042", SC1: 128, Source: "V: VMS3042 = VM being migrated, SC1=128 (ADD-VM-TO-VM-GROUP ...-202); for the other group and pool commands I"},
		// The main code is the page's; the message is not printed, because
		// sdfp's VMS1015 text (I) is its END-VM-DIALOG message, which the
		// page's meaning contradicts.
		noAdministratorConnected: {Main: "VMS1015", SC1: 64, Source: "V: VMS1015 = no VM administrator connected, SC1=64 (SEND-VM-MESSAGE ...-241); no message printed (I)"},
	}
})

// Messages the model writes that are not refusals. Keys only here, texts
// in msg/vms.msg.
const (
	msgProcessed         = "VMS3000" // V:SEND
	msgCreated           = "VMS3050" // V:WP390
	msgTerminated        = "VMS4024" // V:WP390
	msgDeviceAssigned    = "VMS4005" // V:WP390
	msgDeviceRemoved     = "VMS4009" // V:WP390
	msgCPUSwitched       = "VMS4610" // I: key and text (SWITCH-VM-CPU ...-252 prints no example)
	msgDialogBegun       = "VMS1013" // V:ADMT tells the TSN; text I
	msgDialogEnded       = "VMS1015" // I
	msgDefinitionMoved   = "VMS2320" // S seed 000
	msgMigrationRefused  = "VMS2404" // V:CHK, S seed 000 (de)
	msgMigrationPossible = "VMS2460" // S seed 000
	msgDeviceDetached    = "VMS2471" // V:PHA meaning; text I
	msgReconfigAccepted  = "VMS4093" // I
	msgReconfigDone      = "VMS4094" // S seed 003; text I
	msgReconfigFailed    = "VMS4095" // S seed 003; text I
	msgGroupAssigned     = "VMS4425" // V: ADD-VM-TO-VM-GROUP ...-202 (guaranteed, text in its example)
	msgPubsetAssigned    = "VMS4220" // V: 'Example of pubset management' ...-163 (en)
	msgPubsetRemoved     = "VMS4221" // I: VMS4220's counterpart for a released pubset
	msgDefRecovered      = "VMS2340" // V: RECOVER-VM-DEFINITION ...-233 (guaranteed; text cut after DEFI, I)
	msgVMMessage         = "VMS2036" // V: SEND-VM-MESSAGE ...-241 (its example)
	// configuration.go
	msgConfigSaved        = "VMS4800" // I
	msgConfigRestored     = "VMS4801" // I
	msgVMNotRestored      = "VMS4803" // V: 'Restoring a VM2000 configuration' ...-178 (meaning); text I
	msgRealMemorySmaller  = "VMS4811" // V: ...-178 (meaning, a warning); text I
	msgPersistentNotSaved = "VMS4817" // V: 'Backing up a VM2000 configuration' ...-176 (meaning, a warning); text I
)
