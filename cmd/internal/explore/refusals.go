package explore

import (
	"context"
	"fmt"
	"slices"

	"sdfp/hypervisor/vm2000"
	"sdfp/interp/handler"
)

// refusals are the outcomes a "refused" scenario gives one VM2000 command
// of the procedure instead of what the model would do: the general return
// codes every VM2000 command can return, each with its SC1 (V: VM2000 user
// guide, "Command return codes", the table of general return codes; its
// CMD0001, success, and CMD0202, a syntax error the procedure's text would
// show, are left out). The refusal prints no message, only the return
// code (MAINCODE( ), MSG( ) and HELP-MSG-INFORMATION know each key): some
// texts need inserts only a real bottleneck would give (I).
var refusals = []handler.Outcome{
	{Main: "CMD0221", SC1: 32, Source: "V: VM2000 user guide, Command return codes: internal system error"},
	{Main: "CMD0216", SC1: 64, Source: "V: VM2000 user guide, Command return codes: required privilege not present"},
	{Main: "CMD2241", SC1: 65, Source: "V: VM2000 user guide, Command return codes: subsystem not loaded"},
	{Main: "CMD2280", SC1: 128, Source: "V: VM2000 user guide, Command return codes: subsystem not available"},
	{Main: "VMS4504", SC1: 128, Source: "V: VM2000 user guide, Command return codes: memory bottleneck"},
	{Main: "VMS4513", SC1: 128, Source: "V: VM2000 user guide, Command return codes: VM2000 hypervisor bottleneck"},
	{Main: "VMS6000", SC1: 130, Source: "V: VM2000 user guide, Command return codes: VM2000 agent not available"},
	{Main: "VMS6001", SC1: 130, Source: "V: VM2000 user guide, Command return codes: administration component of the carrier system not available"},
	{Main: "VMS9001", SC1: 64, Source: "V: VM2000 user guide, Command return codes: function not available for input medium or guest system"},
	{Main: "VMS9004", SC1: 64, Source: "V: VM2000 user guide, Command return codes: functionality not supported on the current HSI or parameter assignment"},
}

// refusal answers the k-th request (1-based) for a command with an
// outcome and passes every other request on.
type refusal struct {
	command string
	k, seen int
	outcome handler.Outcome
	info    bool // an information command never spins off (V:RC)
}

func (r *refusal) Handle(_ context.Context, req *handler.Request) (handler.Result, bool) {
	if req.Name != r.command {
		return handler.Result{}, false
	}
	r.seen++
	if r.seen != r.k {
		return handler.Result{}, false
	}
	res := r.outcome.Result()
	res.SpinOff = res.SpinOff && !r.info
	return res, true
}

// commandRecorder passes every request on and notes the VM2000 commands
// among them, in order.
type commandRecorder struct {
	vm2000 map[string]bool
	names  *[]string
}

func (c commandRecorder) Handle(_ context.Context, req *handler.Request) (handler.Result, bool) {
	if c.vm2000[req.Name] {
		*c.names = append(*c.names, req.Name)
	}
	return handler.Result{}, false
}

func deriveRefusals(b *Baseline, _ *vm2000.Installation) []Fault {
	var out []Fault
	count := map[string]int{}
	info := vm2000.InformationCommands()
	for _, name := range b.Commands {
		count[name]++
		k := count[name]
		for _, o := range refusals {
			out = append(out, Fault{
				ID:   fmt.Sprintf("refuse-%s#%d-%s", name, k, o.Maincode()),
				Kind: "refused", subject: fmt.Sprintf("%s#%d", name, k),
				What:    fmt.Sprintf("call %d of %s refused (%s, SC1 %d)", k, name, o.Maincode(), o.SC1),
				refusal: &refusal{command: name, k: k, outcome: o, info: slices.Contains(info, name)},
			})
		}
	}
	return out
}
