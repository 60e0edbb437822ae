package vm2000

import (
	"fmt"
	"testing"
)

// placementInstallation is one /390 server unit with vms guest VMs in
// INIT-ONLY: every tenth at an explicit location, spaced so that holes
// of 1 to 7 MB stay between them, the others of 1 to 4 MB placed into
// the first hole that fits. Built as Go values, not YAML, so that the
// benchmark measures checking and placing rather than decoding.
func placementInstallation(vms int) *Installation {
	const base = 4096 // hypervisor and monitor
	su := ServerUnitSpec{Name: "SU390", Type: "/390", Memory: base + 8*vms + 1024,
		Monitor: MonitorSpec{Memory: base}}
	at := base
	for i := 0; i < vms; i++ {
		vm := VMSpec{Index: i + 2, Name: fmt.Sprintf("V%07d", i), State: "INIT-ONLY", Memory: 1 + i%4}
		if i%10 == 0 {
			loc := at + 1 + i%7 // a hole of 1..7 MB before it
			vm.Location = &loc
			vm.Memory = 8
			at = loc + vm.Memory + 4*(1+i%3) // and room for some placed ones after
		}
		su.VMs = append(su.VMs, vm)
	}
	return &Installation{File: "placement", Limits: Limits{MaxVMIndex: vms + 1}, ServerUnits: []ServerUnitSpec{su}}
}

// BenchmarkLoadPlacement checks an installation and builds its model:
// the cost per VM must stay flat from 1,000 to 100,000 VMs.
func BenchmarkLoadPlacement(b *testing.B) {
	for _, vms := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprintf("vms=%d", vms), func(b *testing.B) {
			for n := 0; n < b.N; n++ {
				b.StopTimer()
				inst := placementInstallation(vms)
				b.StartTimer()
				if errs := inst.check(); len(errs) > 0 {
					b.Fatal(errs[0])
				}
				r := newRigFrom(b, inst)
				if got := len(r.m.units[0].vms); got != vms+1 {
					b.Fatalf("%d VMs placed, want %d", got-1, vms)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*vms), "ns/VM")
		})
	}
}
