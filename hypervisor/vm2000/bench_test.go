package vm2000

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"sdfp/interp/handler"
	"sdfp/lexer"
)

// scaleInstallation: 10 x86 server units in 5 SU clusters of two; the
// first unit of each cluster holds vms/5 running VMs, the second is empty.
// The VM index limit is raised for the test (names address the VMs).
func scaleInstallation(vms int) string {
	perSU := vms / 5
	var b strings.Builder
	fmt.Fprintf(&b, "limits: {max-vm-index: %d, max-running-guests: %d}\n", perSU+1, perSU)
	b.WriteString("clusters:\n")
	for c := 0; c < 5; c++ {
		fmt.Fprintf(&b, "  - {name: CL%d, units: [SU%d, SU%d]}\n", c, 2*c, 2*c+1)
	}
	b.WriteString("server-units:\n")
	for su := 0; su < 10; su++ {
		fmt.Fprintf(&b, "  - name: SU%d\n    type: x86\n    memory: %d\n    devices: [{mn: \"%04X\"}]\n", su, perSU*1024+8192, su)
		if su%2 == 1 {
			continue
		}
		b.WriteString("    vms:\n")
		for i := 0; i < perSU; i++ {
			fmt.Fprintf(&b, "      - {index: %d, name: V%d%05d, memory: 1024, load: 0.1}\n", i+2, su, i)
		}
	}
	return b.String()
}

// BenchmarkMigrateAll migrates every VM of the installation to the other
// unit of its cluster, one after another, each driven to its end on the
// virtual clock. The cost per migration stays flat from 100 to 1000 VMs.
func BenchmarkMigrateAll(b *testing.B) {
	for _, vms := range []int{100, 1000} {
		b.Run(fmt.Sprintf("vms=%d", vms), func(b *testing.B) {
			b.StopTimer() // building the installation is not measured
			inst, err := LoadInstallation("scale.yaml", []byte(scaleInstallation(vms)))
			if err != nil {
				b.Fatal(err)
			}
			probe := newRigFrom(b, inst)
			var reqs []*handler.Request
			for su := 0; su < 10; su += 2 {
				for i := 0; i < vms/5; i++ {
					src := fmt.Sprintf("MIGRATE-VM VM-ID=V%d%05d,SERVER-UNIT-NAME=SU%d", su, i, su+1)
					cmd, errs := probe.p.ParseCommand(lexer.NewUnit(src, lexer.Pos{Line: 1, Column: 1}))
					if len(errs) > 0 {
						b.Fatal(errs)
					}
					task := testTask{id: fmt.Sprintf("T%03d", su), lang: "E"}
					reqs = append(reqs, &handler.Request{Name: cmd.Name, Args: cmd.Args, Task: task})
				}
			}
			var before, after runtime.MemStats
			var wall time.Duration
			var alloc uint64
			for n := 0; n < b.N; n++ {
				b.StopTimer()
				r := newRigFrom(b, inst)
				for su := 0; su < 10; su += 2 { // one administrator task per source unit
					if err := r.m.SetLocalSU(fmt.Sprintf("SU%d", su)); err != nil {
						b.Fatal(err)
					}
					r.task = testTask{id: fmt.Sprintf("T%03d", su), lang: "E"}
					r.admin()
				}
				runtime.ReadMemStats(&before)
				start := time.Now()
				b.StartTimer()
				for _, req := range reqs {
					res, _ := r.m.Handle(context.Background(), req)
					if res.RC != handler.OK {
						b.Fatalf("%s: %v %q", req.Name, res.RC, res.Output)
					}
					r.drain()
				}
				b.StopTimer()
				wall += time.Since(start)
				runtime.ReadMemStats(&after)
				alloc += after.TotalAlloc - before.TotalAlloc
				if len(r.m.byName["SU1"].vms) != vms/5+1 {
					b.Fatal("not every VM migrated")
				}
			}
			migrations := float64(b.N * len(reqs))
			b.ReportMetric(float64(wall.Nanoseconds())/migrations, "ns/migration")
			b.ReportMetric(float64(alloc)/migrations, "B/migration")
			b.ReportMetric(0, "ns/op") // the per-migration figures are the ones that compare
		})
	}
}
