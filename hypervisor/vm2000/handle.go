package vm2000

import (
	"context"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// access is who may issue a command.
type access int

const (
	accessAnyone access = iota // BEGIN-VM-DIALOG
	accessDialog               // VM administrators for their own VM, and the VM2000 administrator
	accessVM2000               // the VM2000 administrator only
)

// commandSpec describes one VM2000 command for the dispatcher.
type commandSpec struct {
	run    func(*Model, *call) handler.Result
	access access
	// info: an information command, which never spins off. V:RC
	info bool
}

// commands are the VM2000 commands the model executes. Access per
// V:PRIVF/V:TYPES and the command pages (spec section 2).
var commands = map[string]commandSpec{
	"BEGIN-VM-DIALOG":        {run: (*Model).beginDialog, access: accessAnyone},
	"END-VM-DIALOG":          {run: (*Model).endDialog, access: accessAnyone},
	"SHOW-VM-ATTRIBUTES":     {run: (*Model).showAttributes, access: accessDialog, info: true},
	"SHOW-VM-RESOURCES":      {run: (*Model).showResources, access: accessVM2000, info: true},
	"SHOW-VM-STATUS":         {run: (*Model).showStatus, access: accessDialog, info: true},
	"SHOW-VM-DEFINITION":     {run: (*Model).showDefinition, access: accessVM2000, info: true},
	"CREATE-VM":              {run: (*Model).createVM, access: accessVM2000},
	"START-VM":               {run: (*Model).startVM, access: accessDialog},
	"HOLD-VM":                {run: (*Model).holdVM, access: accessDialog},
	"RESUME-VM":              {run: (*Model).resumeVM, access: accessDialog},
	"MOVE-VM":                {run: (*Model).moveVM, access: accessVM2000},
	"RESET-VM":               {run: (*Model).resetVM, access: accessDialog},
	"SHUTDOWN-VM":            {run: (*Model).shutdownVM, access: accessDialog},
	"DELETE-VM":              {run: (*Model).deleteVM, access: accessDialog},
	"ADD-VM-DEVICES":         {run: (*Model).addDevices, access: accessVM2000},
	"MODIFY-VM-DEVICE-USAGE": {run: (*Model).modifyDeviceUsage, access: accessVM2000},
	"REMOVE-VM-DEVICES":      {run: (*Model).removeDevices, access: accessDialog},
	"CHECK-VM-MIGRATION":     {run: (*Model).checkMigrationCommand, access: accessVM2000},
	"MIGRATE-VM":             {run: (*Model).migrateVM, access: accessVM2000},
	"MIGRATE-VM-DEFINITION":  {run: (*Model).migrateDefinition, access: accessVM2000},
	"EXTEND-VM-MEMORY":       {run: (*Model).extendMemory, access: accessVM2000},
	"REDUCE-VM-MEMORY":       {run: (*Model).reduceMemory, access: accessVM2000},
	// VM groups and CPU pool assignment (groups.go): VM2000 administrator
	// only, as each page says.
	"CREATE-VM-GROUP":             {run: (*Model).createGroup, access: accessVM2000},
	"DELETE-VM-GROUP":             {run: (*Model).deleteGroup, access: accessVM2000},
	"ADD-VM-TO-VM-GROUP":          {run: (*Model).addToGroup, access: accessVM2000},
	"REMOVE-VM-FROM-VM-GROUP":     {run: (*Model).removeFromGroup, access: accessVM2000},
	"ASSIGN-VM-TO-CPU-POOL":       {run: (*Model).assignVMToPool, access: accessVM2000},
	"ASSIGN-VM-GROUP-TO-CPU-POOL": {run: (*Model).assignGroupToPool, access: accessVM2000},
	"SHOW-VM-GROUP":               {run: (*Model).showGroup, access: accessVM2000, info: true},
	"MODIFY-VM-GROUP-ATTRIBUTES":  {run: (*Model).modifyGroup, access: accessVM2000},
	// CPU pools (pools.go): VM2000 administrator only (V, ...-128)
	"CREATE-VM-CPU-POOL":     {run: (*Model).createPool, access: accessVM2000},
	"DELETE-VM-CPU-POOL":     {run: (*Model).deletePool, access: accessVM2000},
	"SHOW-VM-CPU-POOL":       {run: (*Model).showPool, access: accessVM2000, info: true},
	"SHOW-VM-ASSIGNMENT-SET": {run: (*Model).showAssignmentSet, access: accessVM2000, info: true},
	// V ...-253: VM2000 administrator only (devices_switch.go)
	"SWITCH-VM-DEVICES": {run: (*Model).switchDevices, access: accessVM2000},
	// real CPUs between CPU pools (cpus.go): VM2000 administrator only (V ...-252)
	"SWITCH-VM-CPU": {run: (*Model).switchCPU, access: accessVM2000},
	// device_status.go: V ...-246 also VM administrators with
	// ADMIN-PRIVILEGES=*MAXIMUM, which the model does not have (I); V
	// ...-228 the VM2000 administrator only
	"SHOW-VM-DEVICE-STATUS":       {run: (*Model).showDeviceStatus, access: accessVM2000, info: true},
	"MODIFY-VM-DEVICE-ATTRIBUTES": {run: (*Model).modifyDeviceAttributes, access: accessVM2000},
	// VM definitions (definitions.go): VM2000 administrator only (V ...-213)
	"CREATE-VM-DEFINITION":   {run: (*Model).createDefinition, access: accessVM2000},
	"ACTIVATE-VM-DEFINITION": {run: (*Model).activateDefinition, access: accessVM2000},
	"MODIFY-VM-DEFINITION":   {run: (*Model).modifyDefinition, access: accessVM2000},
	"DELETE-VM-DEFINITION":   {run: (*Model).deleteDefinition, access: accessVM2000},
	"RECOVER-VM-DEFINITION":  {run: (*Model).recoverDefinition, access: accessVM2000},
	// configuration.go: the VM2000 administrator (V ...-176, ...-178)
	"SAVE-VM-CONFIGURATION":    {run: (*Model).saveConfiguration, access: accessVM2000},
	"RESTORE-VM-CONFIGURATION": {run: (*Model).restoreConfiguration, access: accessVM2000},
	// V:MODATT: also VM administrators with ADMIN-PRIVILEGES=*MAXIMUM;
	// the model has no administration privileges (I)
	"MODIFY-VM-ATTRIBUTES": {run: (*Model).modifyAttributes, access: accessVM2000},
	// V ...-241: any VM administrator, to any VM (send_message.go)
	"SEND-VM-MESSAGE": {run: (*Model).sendMessage, access: accessDialog},
}

// call is one command being executed.
type call struct {
	req  *handler.Request
	args *ast.Args
	lang string
	task string
	dlg  *dialog     // the task's dialog, nil when none
	su   *serverUnit // the server unit the command acts on
	info bool
}

// Handle implements handler.Handler: it executes the VM2000 commands and
// reports handled=false for every other command.
func (m *Model) Handle(_ context.Context, req *handler.Request) (handler.Result, bool) {
	spec, ok := commands[req.Name]
	if !ok {
		return handler.Result{}, false
	}
	return m.handle(spec, req), true
}

// Route implements handler.Router.
func (m *Model) Route(name string) (handler.CommandFunc, bool) {
	spec, ok := commands[name]
	if !ok {
		return nil, true
	}
	return func(_ context.Context, req *handler.Request) handler.Result { return m.handle(spec, req) }, true
}

// handle executes a VM2000 command.
func (m *Model) handle(spec commandSpec, req *handler.Request) handler.Result {
	m.changed = true
	m.handling = false
	m.release() // what an earlier command left held (a caller without After)
	c := &call{req: req, args: req.Args, lang: "E", info: spec.info}
	if req.Task != nil {
		c.lang, c.task = req.Task.Language(), req.Task.ID()
	}
	c.su = m.suOfTask(c.task)
	c.dlg = m.dialogOf(c.task)
	if c.dlg != nil {
		c.su = c.dlg.su
	}
	switch {
	case spec.access == accessAnyone:
	case c.dlg == nil:
		return m.refuse(c, notInDialog, "/"+req.Name)
	case spec.access == accessVM2000 && !c.dlg.admin:
		return m.refuse(c, notAdministrator, "/"+req.Name)
	}
	m.handling = true
	res := spec.run(m, c)
	if res.RC == handler.OK && c.args.Rounded() {
		// V: CREATE-VM-GROUP, ADD-VM-TO-VM-GROUP ...-202, ...-214: SC2 2,
		// "decimal specifications rounded to 2 decimal places"; for the
		// other commands with <fixed> operands I
		res.RC.SC2 = 2
	}
	return m.afterCommand(c, res)
}

// line is a message the command prints; it is rendered in the task's
// language where it is printed.
func line(key string, inserts ...string) msg.Message { return msg.FromStrings(key, inserts...) }

// refuse ends a command with an outcome of the table.
func (m *Model) refuse(c *call, id outcomeID, inserts ...string) handler.Result {
	return m.finish(c, id, nil, inserts...)
}

// finish ends a command with an outcome after the lines already written.
// An information command never spins off. V:RC
func (m *Model) finish(c *call, id outcomeID, lines []msg.Message, inserts ...string) handler.Result {
	res := outcomes()[id].Result(msg.Strings(inserts)...)
	res.Output = append(lines, res.Output...)
	res.SpinOff = res.SpinOff && !c.info
	return res
}

// vmByOperand resolves a VM-IDENTIFICATION operand (index, name or
// *CURRENT) on the call's server unit. A VM administrator may only name
// his own VM. On failure res is the refusal.
func (m *Model) vmByOperand(c *call, operand string) (vm *VM, res *handler.Result) {
	var ref ast.Ref
	c.args.Unpack(operand, &ref)
	return m.vmByRef(c, ref)
}

// vmByRef resolves a VM reference already unpacked, as vmByOperand.
func (m *Model) vmByRef(c *call, ref ast.Ref) (vm *VM, res *handler.Result) {
	id := "*CURRENT"
	switch {
	case ref.IsNumber:
		id = ref.String()
		vm = c.su.vms[ref.Number]
	case ref.Keyword != "":
		id = ref.Keyword
	case ref.Name != "":
		id = ref.Name
		vm = c.su.byName[ref.Name]
	}
	if id == "*CURRENT" && c.dlg != nil {
		vm = c.dlg.vm
		if vm != nil && c.su.vms[vm.index] != vm {
			vm = nil
		}
	}
	if vm == nil {
		r := m.refuse(c, vmUnknown, id)
		return nil, &r
	}
	if c.dlg != nil && !c.dlg.admin && vm != c.dlg.vm {
		r := m.refuse(c, notAdministrator, "/"+c.req.Name)
		return nil, &r
	}
	return vm, nil
}

// applyRule checks a command against the state machine for a VM. It
// returns the refusal, or nil when the command may go ahead; noop is set
// when the VM is already where the command would bring it.
func (m *Model) applyRule(c *call, key ruleKey, vm *VM) (res *handler.Result, noop bool) {
	rule := stateRules()[key]
	refuse := func(id outcomeID, inserts ...string) (*handler.Result, bool) {
		r := m.refuse(c, id, inserts...)
		return &r, false
	}
	cmd := "/" + c.req.Name
	switch {
	case rule.only390 && vm.su.arch == archX86:
		return refuse(notOnX86, cmd)
	case vm.isMonitor() && !rule.monitor:
		return refuse(monitorVM, cmd)
	case vm.incoming != nil:
		return refuse(vmMigrating, append(vm.inserts(), cmd)...)
	case vm.migration != nil && rule.migrating == migrationRefuses:
		return refuse(vmMigrating, append(vm.inserts(), cmd)...)
	case rule.noAction.has(vm.state):
		r := m.refuse(c, noActionRequired)
		return &r, true
	case !rule.allowed.has(vm.state):
		return refuse(wrongState, append(vm.inserts(), vm.displayState(), cmd)...)
	}
	return nil, false
}

// Commands implements handler.Executor: the VM2000 commands of the model.
func (m *Model) Commands() []string { return handler.Names(commands) }
