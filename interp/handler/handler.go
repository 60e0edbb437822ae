// Package handler is the narrow interface between the interpreter and
// everything that executes commands for it: the job environment (job
// variables, system files, operator messages), the embedded VM2000 model,
// the site's commands and a test's stubs. It belongs to the interpreter,
// as database/sql/driver belongs to database/sql: the system model
// imports this package, never the interpreter itself. The interpreter executes SDF-P's own statements and
// hands every other command to a chain of Handlers; a handler answers with
// a Result carrying the return code triplet, SYSOUT lines, structured
// output records (for EXECUTE-CMD STRUCTURE-OUTPUT) and whether the
// command spins off. Handlers never see the interpreter.
package handler

import (
	"context"
	"fmt"
	"sort"

	"sdfp/hypervisor/msg"
	"sdfp/lexer"
	"sdfp/parser/ast"
)

// ReturnCode is the command return code triplet.
type ReturnCode struct {
	SC2  int    // subcode 2: additional information, also warnings
	SC1  int    // subcode 1: error class (0 no error, 1..31 syntax, 32 internal, 64.. semantic, 128.. retry)
	Main string // maincode: a 7-character message key such as CMD0001
}

// OK is the return code of a command that ran without error.
var OK = ReturnCode{Main: "CMD0001"}

func (rc ReturnCode) String() string { return fmt.Sprintf("(%d,%d,%s)", rc.SC2, rc.SC1, rc.Main) }

// Field is one element of a structured output record, in output order.
// Value is a string, an int, a bool, or a []Record for nested lists.
type Field struct {
	Name  string
	Value any
}

// Record is one object of a command's structured output ("S variable
// stream"): EXECUTE-CMD turns each record into one list element of type
// structure.
type Record []Field

// Get returns the value of a field and whether it exists.
func (r Record) Get(name string) (any, bool) {
	for _, f := range r {
		if f.Name == name {
			return f.Value, true
		}
	}
	return nil, false
}

// Result is what a handler reports for one command.
type Result struct {
	RC ReturnCode
	// SpinOff is set when the command's error triggers error handling
	// under ERROR-MECHANISM=*SPIN-OFF-COMPATIBLE (BS2000's spin-off). With
	// *BY-RETURNCODE the interpreter looks at RC.SC1 instead.
	SpinOff bool
	// Output are the command's SYSOUT lines: messages (key and inserts)
	// and literal lines, rendered in the task's language where they are
	// printed or stored.
	Output []msg.Message
	// Reason is the message of a failing command when it is not the last
	// line of Output (EXECUTE-CMD passes on the message of the command it
	// ran, whose output went to a variable). See Message.
	Reason *msg.Message
	// Records is the structured output of SHOW commands.
	Records []Record
	// Wait, when set, parks the task until the condition holds or the
	// time limit passes (WAIT-EVENT); the interpreter resumes it.
	Wait *Wait
	// Goto, when set, makes the procedure continue at this label
	// (WAIT-EVENT TIMEOUT-LABEL).
	Goto string
	// After, when set, is called once the command's output has been
	// printed (or caught by EXECUTE-CMD): what an executor announces as
	// the start of the command's asynchronous part comes after the
	// command's own messages (MIGRATE-VM: the checks' warnings, then
	// VMS2450 STARTED).
	After func()
}

// Wait describes a task waiting on the virtual clock.
type Wait struct {
	// Ready reports whether the awaited condition holds now. It is asked
	// again whenever something the task waits for may have changed.
	Ready func() (bool, error)
	// Deadline is the virtual time limit in seconds from now (WAIT-EVENT
	// TIME-LIMIT); 0 means now: the condition is checked once.
	Deadline int64
	// OnTimeout is the result of the command when the time limit passes.
	OnTimeout Result
}

// Fail returns the result of a command that fails with subcode 1 sc1
// and the message m, whose key is the maincode; it spins off.
func Fail(sc1 int, m msg.Message) Result {
	return Result{RC: ReturnCode{SC1: sc1, Main: m.Key}, SpinOff: sc1 != 0, Output: []msg.Message{m}}
}

// Done returns the result of a command that ran without error and
// printed lines.
func Done(lines ...msg.Message) Result { return Result{RC: OK, Output: lines} }

// Message is the message that explains a result's return code: Reason
// when set, else the last output line carrying the maincode, else the
// maincode's catalog text.
func (r Result) Message() msg.Message {
	if r.Reason != nil {
		return *r.Reason
	}
	for i := len(r.Output) - 1; i >= 0; i-- {
		if r.Output[i].Key == r.RC.Main {
			return r.Output[i]
		}
	}
	return msg.New(r.RC.Main)
}

// Carries reports whether the result carries the message Message gives:
// its Reason, or an output line with its maincode. When it does not,
// Message is the maincode's catalog text, which a caller can know
// without making it.
func (r *Result) Carries() bool {
	if r.Reason != nil {
		return true
	}
	for i := range r.Output {
		if r.Output[i].Key == r.RC.Main {
			return true
		}
	}
	return false
}

// Request is one command for a handler.
type Request struct {
	Name string    // full command name from the catalog
	Args *ast.Args // operands bound to the catalog declaration
	Pos  lexer.Pos
	Task Task
	// route is the executor a Registry found for Name, kept for a
	// request handed to it again (an EXECUTE-CMD's plan keeps one).
	route route
}

type route struct {
	by   *Registry
	name string
	exec Executor
}

// Task is what a handler may know about the task issuing the command.
type Task interface {
	// ID identifies the task (its TSN) among several tasks of a run.
	ID() string
	// Language is the task's message language, "E" or "D".
	Language() string
}

// Receiver is a task that takes free-running messages: what an executor
// sends to the task while it is not the answer to one of its commands
// (VM2000's asynchronous messages reach the VM2000 administrators'
// tasks in their event stream, V VM2000 "Administration dialogs from
// privileged user tasks"). The task prints them on its SYSOUT at once.
type Receiver interface {
	Task
	Receive(m msg.Message)
}

// Lister is a task with a SYSLST: a command's OUTPUT=*SYSLST lines go
// there (printed as they come), not into the result's Output, which is
// SYSOUT's and what EXECUTE-CMD's TEXT-OUTPUT catches.
type Lister interface {
	Task
	List(m msg.Message)
}

// ToSyslst hands lines to the task's SYSLST when output is *SYSLST and
// the task has one, and returns the lines left for SYSOUT (all of them
// otherwise).
func ToSyslst(t Task, output string, lines []msg.Message) []msg.Message {
	l, ok := t.(Lister)
	if output != "*SYSLST" || !ok {
		return lines
	}
	for _, m := range lines {
		l.List(m)
	}
	return nil
}

// Handler executes commands. Handle reports handled=false for commands
// it does not implement, so the next handler of the chain gets them.
type Handler interface {
	Handle(ctx context.Context, req *Request) (res Result, handled bool)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, req *Request) (Result, bool)

// Handle implements Handler.
func (f HandlerFunc) Handle(ctx context.Context, req *Request) (Result, bool) { return f(ctx, req) }

// A CommandFunc executes every request for one command: a handler's
// answer to a command it always handles.
type CommandFunc func(ctx context.Context, req *Request) Result

// A Router is a Handler that can tell from a command's name alone what
// its Handle does with every request for it, so that a caller that sends
// the same command many times (a loop's command, planned once) calls
// that function itself, without the chain's lookups on the way.
type Router interface {
	Handler
	// Route returns the function Handle calls for every request for
	// the named command, and true; nil and true when Handle never
	// handles it; false when only a request can tell (a handler that
	// looks at operands, a middleware).
	Route(name string) (CommandFunc, bool)
}

// Route returns what a handler does with every request for the named
// command when it can tell (see Router): nil and true when it never
// handles it, false when it cannot tell.
func Route(h Handler, name string) (CommandFunc, bool) {
	if r, ok := h.(Router); ok {
		return r.Route(name)
	}
	return nil, false
}

// Middleware wraps a handler: it may call through to next and change the
// result, or answer itself (a trace, a dry run, an injected fault).
type Middleware func(next Handler) Handler

// Chain tries handlers in order.
type Chain []Handler

// Handle implements Handler.
func (c Chain) Handle(ctx context.Context, req *Request) (Result, bool) {
	for _, h := range c {
		if res, ok := h.Handle(ctx, req); ok {
			return res, true
		}
	}
	return Result{}, false
}

// Route implements Router: the first handler that handles the command,
// when each one before it can tell that it never does.
func (c Chain) Route(name string) (CommandFunc, bool) {
	for _, h := range c {
		fn, static := Route(h, name)
		if !static || fn != nil {
			return fn, static
		}
	}
	return nil, true
}

// Executor is a Handler that names the commands it serves, so that a
// Registry can dispatch by name and a test can prove that every command
// the catalog declares has exactly one executor.
type Executor interface {
	Handler
	Commands() []string
}

// Names returns the sorted keys of a command table, for an executor's
// Commands.
func Names[V any](table map[string]V) []string {
	names := make([]string, 0, len(table))
	for n := range table {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Registry dispatches each command to the one executor that serves it.
type Registry struct {
	byName map[string]Executor
}

// NewRegistry returns a registry of executors; two executors that serve
// the same command are an error.
func NewRegistry(execs ...Executor) (*Registry, error) {
	// the map sized for all names at once: every session builds one, and
	// growing it name by name was most of that
	names, n := make([][]string, len(execs)), 0
	for i, e := range execs {
		names[i] = e.Commands()
		n += len(names[i])
	}
	r := &Registry{byName: make(map[string]Executor, n)}
	for i, e := range execs {
		for _, name := range names[i] {
			if r.byName[name] != nil {
				return nil, fmt.Errorf("command %s has two executors", name)
			}
			r.byName[name] = e
		}
	}
	return r, nil
}

// Executor returns the executor of a command, nil when none serves it.
func (r *Registry) Executor(name string) Executor { return r.byName[name] }

// Commands returns every command an executor of the registry serves.
func (r *Registry) Commands() []string { return Names(r.byName) }

// Handle implements Handler.
func (r *Registry) Handle(ctx context.Context, req *Request) (Result, bool) {
	if rt := &req.route; rt.by == r && rt.name == req.Name { // a registry never changes once made
		return rt.exec.Handle(ctx, req)
	}
	if e := r.byName[req.Name]; e != nil {
		req.route = route{by: r, name: req.Name, exec: e}
		return e.Handle(ctx, req)
	}
	return Result{}, false
}

// Route implements Router: the route of the executor that serves the
// command.
func (r *Registry) Route(name string) (CommandFunc, bool) {
	e := r.byName[name]
	if e == nil {
		return nil, true
	}
	return Route(e, name)
}
