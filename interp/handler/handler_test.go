package handler

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"sdfp/hypervisor/msg"
)

type namedExecutor struct {
	names []string
	reply string
}

func (e namedExecutor) Commands() []string { return e.names }
func (e namedExecutor) Handle(_ context.Context, req *Request) (Result, bool) {
	return Done(msg.Plain(e.reply + " " + req.Name)), true
}

// A registry dispatches by name and refuses two executors for a command.
func TestRegistry(t *testing.T) {
	r, err := NewRegistry(namedExecutor{[]string{"A", "B"}, "one"}, namedExecutor{[]string{"C"}, "two"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.Commands(), " "); got != "A B C" {
		t.Errorf("Commands = %q", got)
	}
	res, ok := r.Handle(context.Background(), &Request{Name: "C"})
	if !ok || res.Output[0].Text != "two C" {
		t.Errorf("C: %v %v", ok, res)
	}
	if _, ok := r.Handle(context.Background(), &Request{Name: "D"}); ok {
		t.Error("D was handled")
	}
	if _, err := NewRegistry(namedExecutor{[]string{"A"}, ""}, namedExecutor{[]string{"A"}, ""}); err == nil || !strings.Contains(err.Error(), "A has two executors") {
		t.Errorf("two executors: %v", err)
	}
}

// routedExecutor is a namedExecutor that routes its commands.
type routedExecutor struct{ namedExecutor }

func (e routedExecutor) Route(name string) (CommandFunc, bool) {
	for _, n := range e.names {
		if n == name {
			return func(ctx context.Context, req *Request) Result { res, _ := e.Handle(ctx, req); return res }, true
		}
	}
	return nil, true
}

// A chain routes a command to the first handler that handles it only
// when every handler before it can tell from the name that it does not:
// a handler that is no Router (a stub, a middleware) makes every
// command the chain's to decide, and so does a registry's executor that
// is none.
func TestRoute(t *testing.T) {
	routed := routedExecutor{namedExecutor{[]string{"A", "B"}, "routed"}}
	reg, err := NewRegistry(routed, namedExecutor{[]string{"C"}, "plain"})
	if err != nil {
		t.Fatal(err)
	}
	stub := HandlerFunc(func(context.Context, *Request) (Result, bool) { return Result{}, false })
	for _, tc := range []struct {
		chain  Chain
		name   string
		want   string // the routed function's line; "" none
		static bool
	}{
		{Chain{reg}, "A", "routed A", true},
		{Chain{reg}, "C", "", false},                     // an executor that is no Router
		{Chain{reg}, "D", "", true},                      // nobody serves it
		{Chain{stub, reg}, "A", "", false},               // the stub might take it
		{Chain{Chain{reg}, stub}, "B", "routed B", true}, // found before the stub
		{Chain{}, "A", "", true},
	} {
		fn, static := Route(tc.chain, tc.name)
		got := ""
		if fn != nil {
			got = fn(context.Background(), &Request{Name: tc.name}).Output[0].Text
		}
		if got != tc.want || static != tc.static {
			t.Errorf("chain of %d, %s: routed to %q (static %v), want %q (%v)", len(tc.chain), tc.name, got, static, tc.want, tc.static)
		}
	}
	if _, static := Route(stub, "A"); static {
		t.Error("a HandlerFunc routes")
	}
}

// A result's message is its Reason, else the last line with the
// maincode, else the maincode's own text; Carries says which of the
// first two it has.
func TestResultMessage(t *testing.T) {
	reason := msg.New("JVS0410", "JV.A")
	cases := []struct {
		res     Result
		want    string
		carries bool
	}{
		{Result{RC: ReturnCode{SC1: 64, Main: "VMS4000"}, Output: []msg.Message{msg.Plain("row"), msg.New("VMS4000", "9"), msg.Plain("x")}}, "VMS4000 [9]", true},
		{Result{RC: ReturnCode{SC1: 64, Main: "JVS0410"}, Reason: &reason}, "JVS0410 [JV.A]", true},
		{Result{RC: ReturnCode{SC1: 64, Main: "SDP0018"}, Output: []msg.Message{msg.New("VMS4000", "9")}}, "SDP0018 []", false},
	}
	for _, c := range cases {
		m := c.res.Message()
		if got := fmt.Sprintf("%s %v", m.Key, m.Inserts); got != c.want {
			t.Errorf("Message() = %s, want %s", got, c.want)
		}
		if got := c.res.Carries(); got != c.carries {
			t.Errorf("%s: Carries() = %v, want %v", c.want, got, c.carries)
		}
	}
}

// An outcome row with a detail nests it; without a message it prints
// nothing; SC1 makes it spin off.
func TestOutcome(t *testing.T) {
	o := Outcome{Msg: "SDP0091", SC1: 64, Detail: "var-not-declared"}
	res := o.Result("X")
	if res.RC != (ReturnCode{SC1: 64, Main: "SDP0091"}) || !res.SpinOff ||
		msg.Default().Render(res.Output[0], "D") != "% SDP0091 SEMANTIKFEHLER: VARIABLE X IST NICHT DEKLARIERT" {
		t.Errorf("detail row: %+v", res)
	}
	quiet := Outcome{Main: "CMD0001", SC2: 1}.Result()
	if quiet.RC != (ReturnCode{SC2: 1, Main: "CMD0001"}) || quiet.SpinOff || len(quiet.Output) != 0 {
		t.Errorf("quiet row: %+v", quiet)
	}
	if err := o.Err("Y"); err.Error() != "% SDP0091 SEMANTIC ERROR: VARIABLE Y IS NOT DECLARED" {
		t.Errorf("Err = %v", err)
	}
}
