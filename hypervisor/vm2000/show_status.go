package vm2000

import (
	"fmt"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
)

// showStatus: SHOW-VM-STATUS, one sample of the VMs' state and load. It
// has no structured output (V:SVAR: all information commands except
// SHOW-VM-STATUS have). PERIOD is accepted but gives one sample: a run
// has no operator watching a periodic display. CPU-UTIL is the VM's
// configured load (I).
func (m *Model) showStatus(c *call) handler.Result {
	vms, res := m.selectVMs(c, "VM-IDENTIFICATION")
	if res != nil {
		return *res
	}
	cols := []column{vmIDColumn, stateColumn, {title: "GUEST", width: 5}, {title: "CPU-UTIL", width: 8, right: true}, {title: "MEM-SIZE", width: 8, right: true}}
	lines := []string{header(cols)}
	for _, vm := range vms {
		util := 0.0
		if vm.state == StateRunning {
			util = vm.load * 100
		}
		lines = append(lines, row(cols, vmID(vm.index, vm.name), vm.displayState(), vm.guest.String(), fmt.Sprintf("%.2f", util), itoa(vm.size)))
	}
	return handler.Result{RC: handler.OK, Output: msg.Plains(lines...)}
}
