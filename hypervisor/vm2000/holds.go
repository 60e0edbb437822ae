package vm2000

// The wait states of a held VM, as VM2000 shows them (V:SUSP,
// "Suspending a VM / resuming operation"): WAIT(SEL) after a HOLD-VM of
// the VM2000 administrator naming the VM, WAIT(GLB) after his HOLD-VM
// VM-ID=*ALL, WAIT(VMA) after a HOLD-VM of the VM's own administrator
// (VM-ID=*CURRENT). A VM held in several ways shows the strongest, in
// the order SEL, GLB, VMA. sdfp records the way a VM was first held;
// overlapping wait states are not modelled (a second HOLD-VM of a held
// VM needs no action, RESUME-VM ends every wait state).

// holdCause is the way a VM was put on hold.
type holdCause int

const (
	holdSelective holdCause = iota // the VM2000 administrator, VM-ID=<index> / <name>
	holdGlobal                     // the VM2000 administrator, VM-ID=*ALL
	holdByVMAdmin                  // the VM's administrator, VM-ID=*CURRENT
)

// holdStates are the states SHOW output gives a held VM, by cause. A VM
// the installation file says is IN-HOLD, or that START-VM HOLD=*YES
// started, shows WAIT(SEL) (I: the VM2000 administrator put it there).
var holdStates = [...]string{holdSelective: "WAIT(SEL)", holdGlobal: "WAIT(GLB)", holdByVMAdmin: "WAIT(VMA)"}

// holdCauseOf is the way a HOLD-VM puts its VMs on hold.
func holdCauseOf(c *call) holdCause {
	var id string
	c.args.Unpack("VM-IDENTIFICATION", &id)
	switch {
	case id == "*ALL":
		return holdGlobal
	case c.dlg != nil && !c.dlg.admin:
		return holdByVMAdmin
	}
	return holdSelective
}
