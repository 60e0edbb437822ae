// Package hypervisor is the embedded VM2000 of sdfp: a model of the BS2000
// hypervisor that SDF-P procedures administer with VM2000 commands
// (BEGIN-VM-DIALOG, SHOW-VM-ATTRIBUTES, MIGRATE-VM, EXTEND-VM-MEMORY ...).
// It holds server units (SU /390 or x86) and their SU clusters, the
// monitor VM and guest VMs of each, VM definitions, devices and main
// memory; it runs live migrations and memory reconfigurations as events
// on the run's virtual clock, writes monitoring job variables (MONJVs)
// and console messages, and answers each command with SYSOUT lines,
// structured output and a return code. Like the libvirt test driver it
// starts from a built-in installation (DefaultInstallation) or from an
// installation file (LoadInstallation); every Model has its own state.
//
// The facts it rests on are data, each with its source (V verified in
// the VM2000 manual, S from the seed documents, I inferred): facts.go,
// outcomes.go (message keys and return codes), state.go (the VM state
// machine), monjv.go (MONJV layouts), migration_script.go (console
// messages of a migration); message texts are in msg/vms.msg.
//
// # Installation file
//
// An installation file is YAML. Unknown fields, wrong types and
// inconsistent values are errors reported as "file:line:col: message".
// Sizes are in MB, durations in Go notation (2s, 300ms). A complete
// example, every field annotated (defaults in brackets):
//
//	local-su: ABGSE701        # SU whose monitor system runs the procedures [first SU]
//	console-language: D       # language of console messages, E or D [E]
//
//	limits:                   # hardware-dependent limits [the manual's]
//	  max-vm-index: 99        # highest VM index; >99 only for scale tests [99]
//	  max-running-guests: 32  # guests running at once on one SU [32]
//
//	timing:                   # the model of asynchronous work [defaults shown]
//	  guest-start: 30s        # START-VM until the guest is SYSTEM READY
//	  migration:
//	    setup: 2s             # MIGRATE-VM until the VM is set up on the target
//	    transfer-rate: 1024   # MB/s copied; transfer = memory/rate * (1 + load*dirty-factor)
//	    dirty-factor: 2       # how much a busy guest (load) lengthens the transfer
//	    suspend: 300ms        # the VM stands still for the final copy
//	  reconfiguration:
//	    base: 1s              # fixed part of each phase
//	    rate: 2048            # MB/s VM2000 (x86: the firmware) adds or frees
//	    guest-rate: 1024      # MB/s a running guest system takes in or gives up
//	    x86-step: 1024        # an x86 extension is assigned in steps of this size
//
//	clusters:                 # SU clusters: migration only inside an active one
//	  - name: ABGCLU01
//	    units: [ABGSE501, ABGSE701]   # two or more SUs of one type
//	    active: true          # false: deactivated in the SE Manager [true]
//
//	server-units:
//	  - name: ABGSE701        # SU name (/390: host name of the monitor system)
//	    type: /390            # /390 or x86
//	    memory: 65536         # main memory for VM2000
//	    hypervisor: 64        # /390 HYPERVISOR-SIZE at the start of memory [0]
//	    home-pubset: A701     # catalog ID written into MONJVs [HOME]
//	    session: 1            # system session number for MONJVs [1]
//	    monitor:              # the monitor VM, index 1
//	      name: MONITOR       # [MONITOR]
//	      memory: 4096        # at least 512 (/390) or 1024 (x86) [that minimum]
//	      min-memory: 2048    # memory reconfiguration works for the monitor too
//	      cpu-quota: 14       # as MODIFY-VM-ATTRIBUTES VM-ID=1 leaves it [14]; also
//	                          # max-cpu-utilization, max-io, cpu-pool, vm-group, password,
//	                          # and devices as a VM's (ADD-VM-DEVICES VM-ID=1) [none]
//	    cpu-pools: [POOL1]    # *STDPOOL always exists
//	    vm-groups:            # /390 only; a bare name takes the defaults
//	      - GRP1
//	      - {name: GRP2, cpu-quota: 5, max-cpu-utilization: 50, cpu-pool: POOL1}  # [1, 100, *STDPOOL]
//	    devices:              # devices generated on the SU
//	      - {mn: CS, kind: console}   # mn: 2 alphanumerics or 4 hex digits
//	      - {mn: "4683"}      # kinds: disk [default], console, printer, tape,
//	      - {mn: T0, kind: tape}      # alias, emulated-disk; tapes, aliases and
//	                          # emulated disks are detached at a live migration
//	      - {mn: "4684", assign-by-guest: true}   # guests may assign it implicitly [false]
//	    vms:                  # initialised guest VMs
//	      - index: 12         # 2..max-vm-index
//	        name: VM12PROD    # <name 1..8> [VMnn]
//	        state: RUNNING    # as VM2000 shows it: INIT-ONLY, RUNNING, DOWN, or held (/390)
//	                          # WAIT(SEL), WAIT(GLB), WAIT(VMA); IN-HOLD is WAIT(SEL) [RUNNING]
//	                          # more-wait-states: [WAIT(VMA)], a held VM's wait states
//	                          # beneath the one shown [none]
//	        guest: READY      # NONE, START, READY, NTERM, ATERM, RSTRT [READY when RUNNING
//	                          # or held, else NONE]; START reaches READY after guest-start
//	        monjv: ":SDFP:$SDFPUSER.JV.VM12"   # the VM's MONJV (CREATE-VM MONJV=) [none]
//	        memory: 2048      # x86: multiple of 2, at least 1024
//	        min-memory: 1024  # lower bound of REDUCE-VM-MEMORY [none: MIN-MEM-SIZE *UNDEF]
//	        max-memory: 4096  # upper bound of EXTEND-VM-MEMORY [x86: memory; /390: none]
//	        location: 8256    # /390 start address in MB [first free area]
//	        processors: 1     # [1]
//	        cpu-quota: 10     # [0]
//	        max-cpu-utilization: 80   # MODIFY-VM-ATTRIBUTES [100]
//	        max-io: 100       # [100]
//	        cpu-pool: POOL1   # [*STDPOOL]
//	        vm-group: GRP1    # [none]
//	        persistent: true  # keeps its definition after DELETE-VM [false]
//	        ha: false         # HA attribute of the definition [false]
//	        password: SECRET  # BEGIN-VM-DIALOG password [none]
//	        load: 0.2         # share of pages changed per second, slows a migration [0]
//	        devices: [CS, "4683", {mn: T0, usage: shared}]   # usage exclusive [default] or shared
//	        pubsets: [A701]   # pubsets assigned as a whole (their pubres device held) [none]
//	    definitions:          # persistent definitions of uninitialised VMs (ACT NO)
//	      - {name: OSD11TST, memory: 512, processors: 1, max-io: 100, ha: false, devices: ["4683"], password: SECRET}
//	    assignment-sets:      # SHOW-VM-ASSIGNMENT-SET; *STDSET always exists, with the devices no set names
//	      - {name: "*STDSET", vms: [MONITOR]}             # the VMs whose guests may assign implicitly
//	      - {name: SYS2IMPL, vms: [VM12PROD], devices: [T0], new-devices: true}  # a device in one set only
//	    pubsets:              # UNITS=*PUBSET-DEVICES(...): the disks of each, the pubres device first
//	      - {catid: A701, devices: ["4683", "4684"]}    # catid 1..4 letters or digits; a disk in one pubset
//	    new-devices-assign-by-guest: false   # ASSIGN-BY-GUEST of devices added later (*NEW-DEVICES) [false]
//	    cpus:                 # real CPUs, moved between CPU pools by SWITCH-VM-CPU [none: no real CPUs]
//	      - "00"              # ID of 1..2 hex digits ("0" is "00"); a bare ID takes the defaults
//	      - {id: "01", pool: POOL1, attribute: normal, state: attached}   # [*STDPOOL, normal, attached]
//	      - {id: "02", attribute: extra}     # extra CPUs stand by at startup [detached]; also offline
//	  - name: ABGSE501        # the other SU of the cluster
//	    type: /390
//	    memory: 32768
//	    state: running        # failed: down in the cluster, RECOVER-VM-DEFINITION takes its definitions [running]
//	    devices: [{mn: "4683"}]
//	    vms:
//	      - {index: 5, name: VM05, memory: 4096}
//
//	faults:                   # injected faults, one kind per entry
//	  - device-taken: {su: ABGSE501, device: "4683", vm: 5}     # VM 5 holds 4683 exclusively
//	  - memory-short: {su: ABGSE501, free: 1024}                # only 1024 MB stay free
//	  - migration-abort: {vm: VM12PROD, phase: transfer, reason: VMS2454}  # setup/transfer/switch
//	  - extend-stops: {vm: VM03, at: 6144}                      # x86 extension stops there
//	  - guest-never-ready: {vm: VM04}                           # START-VM never reaches SYSTEM READY
//
// # Commands
//
// VM2000 commands are accepted only inside an administration dialog:
// BEGIN-VM-DIALOG VM-ID=1 makes the task VM2000 administrator, a dialog
// with a guest VM makes it that VM's administrator; END-VM-DIALOG ends
// it. Information commands (SHOW-*) never spin off; CHECK-VM-MIGRATION
// reports "not possible" as a warning (SC2=2, no spin-off).
package vm2000
