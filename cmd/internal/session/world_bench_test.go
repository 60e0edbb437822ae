package session

import (
	"testing"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/world"
)

// BenchmarkRunVMMEMWorld is BenchmarkRunVMMEM as a plain `sdfp run` does
// it with the world: the saved world discarded, the previous run's
// journal undone (LST.VMMEM it created removed), the run journaled, and
// the world's state (world.json, vm2000.yaml) saved at the end.
func BenchmarkRunVMMEMWorld(b *testing.B) {
	var w *world.FS
	benchRunVMMEM(b, func(root *RootFS, s *Session) afero.Fs {
		if s == nil {
			world.Discard(root)
			var errs []error
			if w, errs = world.Start(root); len(errs) > 0 {
				b.Fatal(errs)
			}
			return w
		}
		vm, err := s.VM2000State()
		if err != nil {
			b.Fatal(err)
		}
		if err := world.SaveState(root, world.State{InstallationSHA256: world.Hash(nil), VirtualTime: s.Clock.Now(), NextTSN: s.TSNCounter()}, vm); err != nil {
			b.Fatal(err)
		}
		w.Close()
		return nil
	})
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
