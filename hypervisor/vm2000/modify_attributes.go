package vm2000

import (
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// modifyAttributes: MODIFY-VM-ATTRIBUTES changes what the model keeps of
// an initialised VM: the CPU quota (a member's through *BY-VM-GROUP),
// the maximum CPU utilisation, the maximum I/O utilisation (/390 only:
// on x86 the operand is accepted and the VM keeps 100, as CREATE-VM
// does, I), the password and PERSISTENT. *UNCHANGED keeps a setting;
// nothing changes while the VM is migrated. The command is checked as a
// whole before anything changes (I). V:MODATT ...-226
func (m *Model) modifyAttributes(c *call) handler.Result {
	vm, res := m.vmByOperand(c, "VM-IDENTIFICATION")
	if res != nil {
		return *res
	}
	if vm.migration != nil || vm.incoming != nil {
		return m.refuse(c, vmMigrating, append(vm.inserts(), "/"+c.req.Name)...)
	}
	var quotaKind, maxCPUKind, ioKind, pwKind, persistent ast.Keyword
	var newQuota, newMaxCPU float64
	var maxIO ast.Ref
	var member *ast.Args
	var pw ast.Password
	c.args.Unpack("CPU-QUOTA", &quotaKind, "CPU-QUOTA", &newQuota, "CPU-QUOTA", &member,
		"MAX-CPU-UTILIZATION", &maxCPUKind, "MAX-CPU-UTILIZATION", &newMaxCPU,
		"MAX-IO-UTILIZATION", &ioKind, "MAX-IO-UTILIZATION", &maxIO,
		"PASSWORD", &pwKind, "PASSWORD", &pw, "PERSISTENT", &persistent)
	if vm.isMonitor() && persistent == "*YES" {
		// V:RESTR: the monitor VM and its definition cannot be persistent
		return m.refuse(c, monitorVM, "/MODIFY-VM-ATTRIBUTES PERSISTENT=*YES")
	}
	quota := vm.cpuQuota
	switch quotaKind {
	case "*UNCHANGED":
	case "*BY-VM-GROUP":
		// the member CPU quota of a VM in a VM group (SU /390)
		if vm.su.arch == archX86 {
			return m.refuse(c, notOnX86, "/MODIFY-VM-ATTRIBUTES CPU-QUOTA=*BY-VM-GROUP")
		}
		if vm.group == "" {
			return m.refuse(c, vmNotInGroup, vm.inserts()...)
		}
		var kw ast.Keyword
		member.Unpack("MEMBER-CPU-QUOTA", &kw, "MEMBER-CPU-QUOTA", &quota)
		if kw == "*UNCHANGED" {
			quota = vm.cpuQuota
		}
	default:
		// an own CPU quota is for a VM of no VM group (V:MODATT)
		if vm.group != "" {
			return m.refuse(c, vmAlreadyInGroup, append(vm.inserts(), vm.group)...)
		}
		quota = newQuota
	}
	vm.cpuQuota = quota
	if maxCPUKind != "*UNCHANGED" {
		vm.maxCPU = newMaxCPU
	}
	if ioKind != "*UNCHANGED" && maxIO.IsNumber && vm.su.arch != archX86 {
		vm.maxIO = maxIO.Number
	}
	if pwKind != "*UNCHANGED" {
		vm.password = string(pw)
	}
	switch persistent {
	case "*YES":
		vm.persistent = true
	case "*NO":
		vm.persistent = false
	}
	return handler.Done()
}
