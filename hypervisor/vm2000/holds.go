package vm2000

import (
	"sdfp/hypervisor/msg"
	"sdfp/parser/ast"
)

// The wait states of a held VM, as VM2000 shows them (V:SUSP,
// "Suspending a VM / resuming operation"): WAIT(SEL) after a HOLD-VM of
// the VM2000 administrator naming the VM, WAIT(GLB) after his HOLD-VM
// VM-ID=*ALL, WAIT(VMA) after a HOLD-VM of the VM's own administrator.
// The states overlap: a HOLD-VM adds its wait state to those the VM has
// (the page's table), and SHOW output gives the strongest, in the order
// SEL, GLB, VMA. RESUME-VM ends the wait states its issuer may end: the
// VM2000 administrator naming the VM his and the VM administrator's
// (V:RESUME: he may cancel a VM administrator's), with VM-ID=*ALL the
// global one (V:RESUME); a VM administrator his own only (V:RESUME).
// A VM left with another wait state stays IN HOLD: VMS2020, SC2 2
// (V:RESUME return codes). Which states a selective RESUME-VM of the
// VM2000 administrator ends is I (the page's table is not stored).

// waitSet is a set of wait states.
type waitSet uint8

const (
	waitSEL waitSet = 1 << iota // the VM2000 administrator, VM-ID=<index> / <name>
	waitGLB                     // the VM2000 administrator, VM-ID=*ALL
	waitVMA                     // the VM's administrator, VM-ID=*CURRENT
)

// waitStates are the states SHOW output gives, strongest first. A VM the
// installation file says is IN-HOLD, or that START-VM HOLD=*YES
// started, shows WAIT(SEL) (I: the VM2000 administrator put it there).
var waitStates = []struct {
	w    waitSet
	name string
}{{waitSEL, "WAIT(SEL)"}, {waitGLB, "WAIT(GLB)"}, {waitVMA, "WAIT(VMA)"}}

// waitsOf is the wait states of a held VM; none recorded means SEL.
func (vm *VM) waitsOf() waitSet {
	if vm.waits == 0 {
		return waitSEL
	}
	return vm.waits
}

// waitState is the state SHOW output gives a held VM.
func (vm *VM) waitState() string {
	w := vm.waitsOf()
	for _, s := range waitStates {
		if w&s.w != 0 {
			return s.name
		}
	}
	return StateInHold.String()
}

// waitOf is the wait state a HOLD-VM sets and, for RESUME-VM, the wait
// states it ends.
func waitOf(c *call) (holds, ends waitSet) {
	var id ast.Keyword
	c.args.Unpack("VM-IDENTIFICATION", &id)
	switch {
	case c.dlg != nil && !c.dlg.admin:
		return waitVMA, waitVMA
	case id == "*ALL":
		return waitGLB, waitGLB
	}
	return waitSEL, waitSEL | waitVMA
}

// addWait gives a VM held already the wait state of another HOLD-VM.
// The command itself needs no action then (SC2 1, V:HOLD's return codes).
func (m *Model) addWait(c *call, w waitSet) {
	var id ast.Keyword
	c.args.Unpack("VM-IDENTIFICATION", &id)
	if id == "*ALL" {
		if c.dlg != nil && !c.dlg.admin {
			return // refused: only the VM2000 administrator holds every VM
		}
		for _, vm := range c.su.sortedVMs() {
			if vm.state == StateInHold && vm.migration == nil {
				vm.waits = vm.waitsOf() | w
			}
		}
		return
	}
	if vm, res := m.vmByOperand(c, "VM-IDENTIFICATION"); res == nil && vm.state == StateInHold {
		vm.waits = vm.waitsOf() | w
	}
}

// endWaits ends wait states of a held VM; it reports the message for a
// VM that stays IN HOLD with another one, nil when the VM may run.
func endWaits(vm *VM, w waitSet) *msg.Message {
	vm.waits = vm.waitsOf() &^ w
	if vm.waits == 0 {
		return nil
	}
	l := outcomes()[stillHeld].Message(msg.Strings(vm.inserts())...)
	return &l
}
