package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/afero"

	"sdfp/cmd/internal/session"
	"sdfp/hypervisor/bs2000/dms"
	"sdfp/hypervisor/bs2000/world"
	"sdfp/hypervisor/vm2000"
)

// runWorld is the world a run works in (package world): a plain run
// undoes the previous one and starts from the workdir's base and the
// installation file; --continue goes on with the saved files, VM2000,
// virtual time and TSN counter. A dry run writes none of it.
type runWorld struct {
	fs       *world.FS // nil for a dry run
	instName string    // the installation file, "" for the embedded one
	instHash string
	runs     int // runs of the world before this one
	start    time.Time
	firstTSN int
	inst     *vm2000.Installation // --continue: the saved VM2000
	view     afero.Fs             // a plain dry run: the base it reads (nil: the workdir as it is)
}

// dryBase is what a dry run reads below its in-memory writes.
func (w *runWorld) dryBase(root afero.Fs) afero.Fs {
	if w.view != nil {
		return w.view
	}
	return root
}

// instDisplay names an installation for messages.
func instDisplay(name string) string {
	if name == "" {
		return "the embedded installation"
	}
	return "installation " + name
}

// installationHash is the hash of the installation file's text (of the
// embedded default when file is empty).
func installationHash(file string) (string, error) {
	if file == "" {
		if sum := vm2000.DefaultYAMLSHA256(); sum != "" {
			return sum, nil
		}
		return world.Hash(vm2000.DefaultYAML()), nil
	}
	data, err := dms.ReadFile(afero.NewOsFs(), file, vm2000.MaxInstallationSize+1)
	if err != nil {
		return "", fmt.Errorf("--installation: %v", err)
	}
	return world.Hash(data), nil
}

// openWorld starts or continues the world of the locked workdir. The
// code is the exit status when ok is false.
func (c *cli) openWorld(f runFlags, root afero.Fs, start time.Time) (w runWorld, code int, ok bool) {
	w.instName, w.start, w.firstTSN = f.installation, start, 1
	if w.instName != "" {
		w.instName = filepath.Clean(w.instName) // ./site.yaml is site.yaml
	}
	hash, err := installationHash(f.installation)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp run: %v\n", err)
		return w, exitUsage, false
	}
	w.instHash = hash
	if !f.cont {
		if f.dryRun {
			// the base as the plain run would find it, the undo done in memory
			view, errs, err := world.BaseView(root)
			if err != nil {
				fmt.Fprintf(c.stderr, "sdfp run: warning: the dry run reads the workdir as the last run left it: %v\n", err)
				return w, 0, true
			}
			for _, e := range errs {
				fmt.Fprintf(c.stderr, "sdfp run: warning: undoing the earlier world: %v\n", e)
			}
			w.view = view
			return w, 0, true
		}
		// no world to continue until this run has ended
		if err := world.Discard(root); err != nil {
			fmt.Fprintf(c.stderr, "sdfp run: warning: cannot remove the saved world %s: %v\n", world.StateFile, err)
		}
		fs, errs := world.Start(root)
		for _, e := range errs {
			fmt.Fprintf(c.stderr, "sdfp run: warning: undoing the earlier world: %v\n", e)
		}
		if len(errs) > 0 {
			fmt.Fprintf(c.stderr, "sdfp run: warning: what these name stays as the earlier world left it; the run starts from the installation\n")
		}
		w.fs = fs
		return w, 0, true
	}
	st, vmText, err := world.LoadState(root)
	switch {
	case errors.Is(err, world.ErrNoWorld):
		fmt.Fprintf(c.stderr, "sdfp run: --continue: workdir %s holds no world to continue (no run has ended there since the last plain run began); run without --continue\n", f.workdir)
		return w, exitUsage, false
	case err != nil:
		fmt.Fprintf(c.stderr, "sdfp run: --continue: %v\nsdfp run: the saved world is damaged; run without --continue to start afresh from the installation\n", err)
		return w, exitUsage, false
	case st.Installation != w.instName:
		fmt.Fprintf(c.stderr, "sdfp run: --continue: the world was started from %s, not from %s; run without --continue to start afresh from it\n",
			instDisplay(st.Installation), instDisplay(w.instName))
		return w, exitUsage, false
	case st.InstallationSHA256 != hash:
		fmt.Fprintf(c.stderr, "sdfp run: --continue: %s has changed since the world was started from it; run without --continue to start afresh from it\n",
			instDisplay(f.installation))
		return w, exitUsage, false
	}
	inst, err := vm2000.LoadInstallation(world.VM2000File, vmText)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp run: --continue: %v\nsdfp run: the saved world is damaged; run without --continue to start afresh from the installation\n", err)
		return w, exitUsage, false
	}
	if !f.dryRun {
		if w.fs, err = world.Resume(root); err != nil {
			fmt.Fprintf(c.stderr, "sdfp run: --continue: %v\nsdfp run: the saved world is damaged; run without --continue to start afresh from the installation\n", err)
			return w, exitUsage, false
		}
	}
	w.inst, w.start, w.firstTSN, w.runs = inst, st.VirtualTime, st.NextTSN, st.Runs
	fmt.Fprintf(c.stderr, "sdfp run: continuing the world of %s at virtual time %s (run %d of it)\n",
		instDisplay(st.Installation), st.VirtualTime.Format(time.DateTime), st.Runs+1)
	return w, 0, true
}

// save writes the world's state when the run has ended and closes the
// journal. A state that cannot be written is a write error of the run.
func (w *runWorld) save(root afero.Fs, s *session.Session) error {
	if w.fs == nil {
		return nil
	}
	defer w.fs.Close()
	vm, err := s.VM2000State()
	if err == nil {
		err = world.SaveState(root, world.State{Installation: w.instName, InstallationSHA256: w.instHash,
			VirtualTime: s.Clock.Now(), NextTSN: s.TSNCounter(), Runs: w.runs + 1, VM2000SHA256: vm2000.StateSHA256(vm)}, vm)
	}
	if err != nil {
		return fmt.Errorf("cannot save the world in %s: %v", world.StateDir, err)
	}
	return nil
}
