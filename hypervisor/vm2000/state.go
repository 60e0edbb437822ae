package vm2000

import (
	"strings"
	"sync"
)

// VMState is the state of an initialised VM. V:OPVM
type VMState int

const (
	StateInitOnly VMState = iota // initialised, no guest started
	StateRunning                 // guest started
	StateInHold                  // suspended (SU /390 only)
	StateDown                    // guest ended, VM still initialised
)

var stateNames = [...]string{"INIT-ONLY", "RUNNING", "IN-HOLD", "DOWN"}

func (s VMState) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return "?"
	}
	return stateNames[s]
}

func parseState(s string) (VMState, bool) {
	s = strings.ToUpper(strings.ReplaceAll(s, " ", "-"))
	if s == "IN-HOLD(WAIT)" || s == "HOLD" {
		s = "IN-HOLD"
	}
	for i, n := range stateNames {
		if n == s {
			return VMState(i), true
		}
	}
	return StateInitOnly, false
}

// parseShownState reads a VM state as an installation file gives it:
// one of the model's states, or a held VM's wait state as VM2000 shows
// it (WAIT(SEL), WAIT(GLB), WAIT(VMA); holds.go). IN-HOLD is WAIT(SEL).
func parseShownState(s string) (VMState, waitSet, bool) {
	if w, ok := parseWaitState(s); ok {
		return StateInHold, w, true
	}
	st, ok := parseState(s)
	if st == StateInHold {
		return st, waitSEL, ok
	}
	return st, 0, ok
}

// parseWaitState reads one wait state name, such as WAIT(SEL).
func parseWaitState(s string) (waitSet, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	for _, w := range waitStates {
		if s == w.name {
			return w.w, true
		}
	}
	return 0, false
}

// shownState is a VM's state as an installation file writes it: a held
// VM's wait state, else the state's name.
func (vm *VM) shownState() string {
	if vm.state == StateInHold {
		return vm.waitState()
	}
	return vm.state.String()
}

// moreWaitStates are the wait states of a held VM beneath the one it
// shows, strongest first.
func (vm *VM) moreWaitStates() []string {
	if vm.state != StateInHold {
		return nil
	}
	var out []string
	shown := false
	for _, w := range waitStates {
		if vm.waitsOf()&w.w == 0 {
			continue
		}
		if shown {
			out = append(out, w.name)
		}
		shown = true
	}
	return out
}

// GuestState is the state of the guest system in a VM, as the VM MONJV
// shows it (bytes 82-86). V10:151
type GuestState int

const (
	GuestNone    GuestState = iota // not loaded
	GuestStart                     // startup, not yet SYSTEM READY
	GuestReady                     // SYSTEM READY
	GuestNTerm                     // ended by shutdown
	GuestATerm                     // ended abnormally (SETS, RESET-VM)
	GuestRestart                   // restarting
)

var guestStateNames = [...]string{"NONE", "START", "READY", "NTERM", "ATERM", "RSTRT"}

func (g GuestState) String() string {
	if g < 0 || int(g) >= len(guestStateNames) {
		return "?"
	}
	return guestStateNames[g]
}

func parseGuestState(s string) (GuestState, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	for i, n := range guestStateNames {
		if n == s {
			return GuestState(i), true
		}
	}
	return GuestNone, false
}

// defaultGuest is the guest state of a VM an installation file gives
// without one: a RUNNING or held VM's guest is SYSTEM READY.
func defaultGuest(st VMState) GuestState {
	if st == StateRunning || st == StateInHold {
		return GuestReady
	}
	return GuestNone
}

// guestsOf are the guest states possible in each VM state [I: from the
// commands that lead there: START-VM (START, then READY), SHUTDOWN-VM
// (NTERM), RESET-VM (NONE); ATERM and RSTRT as the MONJV layout names
// them, V10:151].
var guestsOf = map[VMState][]GuestState{
	StateInitOnly: {GuestNone, GuestATerm},
	StateRunning:  {GuestStart, GuestReady, GuestRestart},
	StateInHold:   {GuestStart, GuestReady},
	StateDown:     {GuestNone, GuestNTerm, GuestATerm},
}

// Display suffixes while a VM migrates. V:PHA
const (
	migratingSuffix = "(MIGR)"
	setupState      = "SETUP(MIGR)"
)

// stateSet is a set of VM states.
type stateSet uint8

func states(list ...VMState) stateSet {
	var s stateSet
	for _, st := range list {
		s |= 1 << uint(st)
	}
	return s
}

func (s stateSet) has(st VMState) bool { return s&(1<<uint(st)) != 0 }

var anyState = states(StateInitOnly, StateRunning, StateInHold, StateDown)

// whileMigrating says what a command does to a VM being migrated.
type whileMigrating int

const (
	migrationRefuses whileMigrating = iota // refused with VMS3042
	migrationAllows                        // allowed (SHOW, RESUME ...)
	migrationAborted                       // allowed on the source; aborts the migration first
)

// stateRule is the state machine for one command (or one variant of it):
// in which states it runs, what it makes of the VM, and how it is refused.
type stateRule struct {
	allowed  stateSet
	to       VMState // resulting state when changes is set
	changes  bool
	noAction stateSet // states in which it succeeds without doing anything (SC2=1)
	// migrating: what happens when the VM is being migrated (source side);
	// on the target (SETUP(MIGR)) every rule refuses with VMS3042.
	migrating whileMigrating
	// monitor: allowed for the monitor VM (index 1).
	monitor bool
	// only390: refused on SU x86 with VMS3011 (return code VMS9004).
	only390 bool
	source  string
}

// ruleKey names a command, with its variant where variants differ.
type ruleKey string

const (
	ruleStart        ruleKey = "START-VM"
	ruleStartNoCheck ruleKey = "START-VM CHECK-VM-STATE=*NO"
	ruleStartHold    ruleKey = "START-VM HOLD=*YES"
	ruleHold         ruleKey = "HOLD-VM"
	ruleResume       ruleKey = "RESUME-VM"
	ruleMove         ruleKey = "MOVE-VM"
	ruleReset        ruleKey = "RESET-VM"
	ruleShutdown     ruleKey = "SHUTDOWN-VM"
	ruleDelete       ruleKey = "DELETE-VM"
	ruleDeleteForce  ruleKey = "DELETE-VM CHECK-VM-STATE=*NO"
	ruleAddDevices   ruleKey = "ADD-VM-DEVICES"
	ruleRemove       ruleKey = "REMOVE-VM-DEVICES"
	ruleExtend       ruleKey = "EXTEND-VM-MEMORY"
	ruleReduce       ruleKey = "REDUCE-VM-MEMORY"
	ruleMigrate      ruleKey = "MIGRATE-VM"
)

// stateRules is the VM state machine. Sources as in facts.go.
var stateRules = sync.OnceValue(func() map[ruleKey]stateRule {
	return map[ruleKey]stateRule{
		ruleStart: {allowed: states(StateInitOnly, StateDown), to: StateRunning, changes: true,
			source: "V:START; I: CHECK-VM-STATE=*YES refuses a VM whose guest runs"},
		ruleStartNoCheck: {allowed: anyState, to: StateRunning, changes: true, migrating: migrationAborted,
			source: "V:NALLOW only *YES is refused on the source; I: *NO re-IPLs and so ends the migration"},
		ruleStartHold: {allowed: states(StateInitOnly, StateDown), to: StateInHold, changes: true, only390: true,
			source: "V:START HOLD=*YES (/390 only)"},
		ruleHold: {allowed: states(StateRunning), to: StateInHold, changes: true, noAction: states(StateInHold), only390: true,
			source: "V:HOLD"},
		ruleResume: {allowed: states(StateInHold), to: StateRunning, changes: true, noAction: states(StateRunning), only390: true, migrating: migrationAllows,
			source: "V:RESUME (1,0,CMD0001) when nothing is to do; not in V:NALLOW"},
		ruleMove: {allowed: anyState, only390: true,
			source: "V:MOVE any state, a running VM waits in WAIT(INT) meanwhile"},
		ruleReset: {allowed: states(StateRunning, StateInHold, StateDown), to: StateInitOnly, changes: true, noAction: states(StateInitOnly),
			source: "V10:136 INIT-ONLY after RESET-VM; V:RESTR not for the monitor"},
		ruleShutdown: {allowed: states(StateRunning), to: StateDown, changes: true, noAction: states(StateDown),
			source: "V:SHUT; I: a held or never started guest cannot shut down"},
		ruleDelete: {allowed: states(StateInitOnly, StateDown),
			source: "V:DEL CHECK-VM-STATE=*YES only in DOWN or INIT-ONLY"},
		ruleDeleteForce: {allowed: anyState, migrating: migrationAborted,
			source: "V:DEL *NO ends a running guest; V:NALLOW does not list it (I: aborts the migration)"},
		ruleAddDevices: {allowed: anyState, monitor: true, source: "V:ADDDEV"},
		ruleRemove:     {allowed: anyState, monitor: true, source: "V:EXPDEV"},
		ruleExtend: {allowed: states(StateInitOnly, StateDown, StateRunning), monitor: true,
			source: "V:EXT INIT-ONLY, DOWN, RUNNING after SYSTEM READY; not IN HOLD; the monitor too"},
		ruleReduce: {allowed: states(StateInitOnly, StateDown, StateRunning), monitor: true,
			source: "V:RED as EXTEND"},
		ruleMigrate: {allowed: states(StateInitOnly, StateRunning, StateDown),
			source: "V:MIGOV RUNNING, INIT-ONLY and DOWN VMs migrate"},
	}
})
