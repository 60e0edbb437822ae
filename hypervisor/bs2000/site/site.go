// Package site runs the site's commands: the BS2000 commands of an
// installation that sdfp does not model (SHOW-FILE-ATTRIBUTES,
// SET-FILE-LINK, START-EXECUTABLE-PROGRAM ...). The installation file
// declares each with the output and return code a rehearsal should see,
// so a procedure taken from production runs unmodified; a command
// declared nowhere stays an error, so a typing mistake is never taken for
// a site command.
package site

import (
	"context"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
)

// Command is one site command as it runs: what it prints and returns.
type Command struct {
	Name   string
	Output []string // SYSOUT lines, printed each time it runs
	RC     handler.ReturnCode
}

// Commands executes the site commands of one installation.
type Commands struct {
	byName map[string]Command
}

// New returns the executor of the given commands.
func New(cmds []Command) *Commands {
	c := &Commands{byName: make(map[string]Command, len(cmds))}
	for _, cmd := range cmds {
		c.byName[cmd.Name] = cmd
	}
	return c
}

// Commands implements handler.Executor.
func (c *Commands) Commands() []string { return handler.Names(c.byName) }

// Handle implements handler.Handler. A command with SC1 > 0 fails and
// spins off.
func (c *Commands) Handle(_ context.Context, req *handler.Request) (handler.Result, bool) {
	cmd, ok := c.byName[req.Name]
	if !ok {
		return handler.Result{}, false
	}
	out := make([]msg.Message, len(cmd.Output))
	for i, l := range cmd.Output {
		out[i] = msg.Literal(l)
	}
	return handler.Result{RC: cmd.RC, SpinOff: cmd.RC.SC1 > 0, Output: out}, true
}
