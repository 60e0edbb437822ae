//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// BenchmarkStartupHello runs `sdfp run hello.proc` (one WRITE-TEXT) as
// whole processes of a static build of this tree, as the benchmark
// suite's script runs sdfp, and reports each run's CPU time (user and
// system, from the process's rusage), minor page faults and wall time:
// the start-up every whole-process run pays. The binary is built once
// per benchmark (CGO_ENABLED=0, as interp/testdata/bench/run.sh and the
// README's tour build it).
//
//	go test ./cmd/sdfp -run '^$' -bench StartupHello -count 6
func BenchmarkStartupHello(b *testing.B) {
	benchStartup(b, "/WRITE-TEXT 'HI'\n")
}

func benchStartup(b *testing.B, proc string) {
	dir := b.TempDir()
	exe := filepath.Join(dir, "sdfp")
	build := exec.Command("go", "build", "-o", exe, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	file := filepath.Join(dir, "hello.proc")
	if err := os.WriteFile(file, []byte(proc), 0o644); err != nil {
		b.Fatal(err)
	}
	work := filepath.Join(dir, "work")
	var cpu, faults float64
	b.ResetTimer()
	for range b.N {
		cmd := exec.Command(exe, "run", "--workdir", work, file)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("sdfp run: %v\n%s", err, out)
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		cpu += float64(ru.Utime.Nano() + ru.Stime.Nano())
		faults += float64(ru.Minflt)
	}
	b.ReportMetric(cpu/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(faults/float64(b.N), "faults/op")
}
