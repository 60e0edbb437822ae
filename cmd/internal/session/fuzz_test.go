package session

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/spf13/afero"
)

// FuzzSession runs arbitrary procedures through the whole stack (job
// environment, JV store, clock, VM2000) under step and virtual-time
// limits: no input may panic or hang.
func FuzzSession(f *testing.F) {
	for _, pattern := range []string{"../../../testdata/*/*.txtar"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			a, err := txtar.ParseFile(file)
			if err != nil {
				continue
			}
			for _, af := range a.Files {
				if filepath.Ext(af.Name) == ".proc" {
					f.Add(string(af.Data))
				}
			}
		}
	}
	procs, _ := filepath.Glob("../../../procs/*.proc")
	for _, p := range procs {
		if data, err := afero.ReadFile(afero.NewOsFs(), p); err == nil {
			f.Add(string(data))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		s, err := New(Options{MaxSteps: 2000, BackBranch: 500, MaxVirtualTime: 24 * time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		s.RunTasks(ctx, []Task{{Name: "f.proc", Source: src}})
	})
}
