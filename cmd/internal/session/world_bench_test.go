package session

import (
	"context"
	"io"
	"os"
	"testing"

	"sdfp/hypervisor/bs2000/world"
)

// BenchmarkRunVMMEMWorld is BenchmarkRunVMMEM as a plain `sdfp run` does
// it with the world: the saved world discarded, the previous run's
// journal undone (LST.VMMEM it created removed), the run journaled, and
// the world's state (world.json, vm2000.yaml) saved at the end.
func BenchmarkRunVMMEMWorld(b *testing.B) {
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
		if err := root.Lock(LockExclusive, nil); err != nil {
			b.Fatal(err)
		}
		root.RemoveStale()
		world.Discard(root)
		w, errs := world.Start(root)
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		s, err := New(Options{FS: w, Stdout: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		res := s.RunTasks(context.Background(), []Task{{Name: "vmmem.proc", Source: string(src)}})
		if res[0].Err != nil {
			b.Fatal(res[0].Err)
		}
		vm, err := s.VM2000State()
		if err != nil {
			b.Fatal(err)
		}
		if err := world.SaveState(root, world.State{InstallationSHA256: world.Hash(nil), VirtualTime: s.Clock.Now(), NextTSN: s.TSNCounter()}, vm); err != nil {
			b.Fatal(err)
		}
		w.Close()
		root.Close()
	}
}

// BenchmarkUndoEmpty: the undo of a workdir without a journal, what a
// plain run pays when the run before it changed nothing.
func BenchmarkUndoEmpty(b *testing.B) {
	root, err := OpenRoot(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	for i := 0; i < b.N; i++ {
		if _, errs := world.Start(root); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}
