package vm2000

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"sdfp/hypervisor/bs2000/console"
	"sdfp/hypervisor/clock"
	"sdfp/hypervisor/msg"
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

// Placing at load costs memory linear in the VMs: before placeAll, every
// VM recomputed the gaps of all VMs placed before it (91 s for 100,000).
// Allocated bytes, unlike time, do not depend on the machine's load.
func TestLoadPlacementLinear(t *testing.T) {
	perVM := func(vms int) float64 {
		inst := placementInstallation(vms)
		if errs := inst.check(); len(errs) > 0 {
			t.Fatal(errs[0])
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, err := New(inst, clock.New(testStart), nil, console.New(clock.New(testStart).Now, msg.Default(), "E")); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return float64(after.TotalAlloc-before.TotalAlloc) / float64(vms)
	}
	small, large := perVM(1000), perVM(8000)
	if large > 2*small {
		t.Errorf("placing 8,000 VMs takes %.0f bytes per VM, 1,000 take %.0f: not linear", large, small)
	}
}

// placeAll puts every VM where placing them one by one with place would:
// random layouts of explicit locations and VMs that fill the gaps.
func TestPlaceAllAsPlace(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		spec := ServerUnitSpec{Name: "SU", Type: "/390", Memory: 600 + rng.IntN(400), Hypervisor: rng.IntN(2) * 4,
			Monitor: MonitorSpec{Name: "MONITOR", Memory: 512, Processors: 1}}
		at := spec.Hypervisor + spec.Monitor.Memory
		for i := 0; i < 40; i++ {
			vm := VMSpec{Index: i + 2, Name: fmt.Sprintf("V%02d", i), State: "INIT-ONLY", Memory: 1 + rng.IntN(12)}
			if rng.IntN(3) == 0 && at+8 < spec.Memory {
				loc := at + rng.IntN(8)
				vm.Location, vm.Memory = &loc, 1+rng.IntN(min(8, spec.Memory-loc))
				at = loc + vm.Memory
			}
			spec.VMs = append(spec.VMs, vm)
		}
		got, gotErr := buildServerUnit(&spec)
		want, wantErr := placeOneByOne(&spec)
		if (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("round %d: placeAll %v, place %v", round, gotErr, wantErr)
		}
		if gotErr != nil {
			continue
		}
		for name, vm := range want.byName {
			if g := got.byName[name]; g == nil || g.location != vm.location {
				t.Fatalf("round %d: placeAll puts VM %s elsewhere than place (%d)", round, name, vm.location)
			}
		}
	}
}

// placeOneByOne is buildServerUnit's placement as it was: place, then
// addVM, for each VM without a location.
func placeOneByOne(spec *ServerUnitSpec) (*serverUnit, error) {
	fixed := *spec
	fixed.VMs = nil
	var later []VMSpec
	for _, vs := range spec.VMs {
		if vs.Location != nil {
			fixed.VMs = append(fixed.VMs, vs)
		} else {
			later = append(later, vs)
		}
	}
	su, err := buildServerUnit(&fixed)
	if err != nil {
		return nil, err
	}
	for _, vs := range later {
		loc, ok := su.place(vs.Memory, nil)
		if !ok {
			return nil, fmt.Errorf("no room for %s", vs.Name)
		}
		su.addVM(&VM{index: vs.Index, name: vs.Name, size: vs.Memory, location: loc, devices: map[string]usage{}})
	}
	return su, nil
}
