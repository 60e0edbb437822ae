package session

import (
	"context"
	"io"
	"os"
	"testing"
)

// BenchmarkRunVMMEM is a whole run of procs/vmmem.proc as `sdfp run`
// does it, minus the process start: open the workdir (a real directory,
// so the cost of replacing LST.VMMEM on the host file system counts),
// build the session on the default installation, run, close. It is the
// Go-level figure behind the end-to-end start-up time in README.
func BenchmarkRunVMMEM(b *testing.B) {
	src, err := os.ReadFile("../../../procs/vmmem.proc")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		root, err := OpenRoot(dir)
		if err != nil {
			b.Fatal(err)
		}
		s, err := New(Options{FS: root, Stdout: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		res := s.RunTasks(context.Background(), []Task{{Name: "vmmem.proc", Source: string(src)}})
		if res[0].Err != nil {
			b.Fatal(res[0].Err)
		}
		root.Close()
	}
}
