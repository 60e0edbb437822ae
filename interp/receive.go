package interp

import (
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
)

var (
	_ handler.Receiver = (*Runner)(nil)
	_ handler.Lister   = (*Runner)(nil)
)

// Receive implements handler.Receiver: a free-running message (VM2000's
// messages to its administrators) is printed on the task's SYSOUT, and
// logged on SYSLST with LISTING=*YES, as it arrives.
func (r *Runner) Receive(m msg.Message) { r.print(m) }

// List implements handler.Lister: a command's OUTPUT=*SYSLST line goes to
// the task's SYSLST, in the task's language.
func (r *Runner) List(m msg.Message) { r.syslst.println(r.messages.Render(m, r.lang)) }
