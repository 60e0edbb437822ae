package interp

import (
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
)

var _ handler.Receiver = (*Runner)(nil)

// Receive implements handler.Receiver: a free-running message (VM2000's
// messages to its administrators) is printed on the task's SYSOUT, and
// logged on SYSLST with LISTING=*YES, as it arrives.
func (r *Runner) Receive(m msg.Message) { r.print(m) }
