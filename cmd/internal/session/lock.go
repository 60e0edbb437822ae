package session

import (
	"errors"

	"sdfp/hypervisor/bs2000/dms"
	"sdfp/hypervisor/bs2000/jv"
)

// The workdir lock: a run holds it from before it reads the workdir
// until its files are written, so two runs on one workdir take turns
// instead of reading the same job variable and each writing back its own
// change (20 concurrent pairs used to lose a third of the increments of
// a shared counter). The lock is the operating system's advisory lock
// (flock) on the workdir directory itself: no lock file, and the kernel
// releases it when the process ends, however it ends.

// LockMode says how a run uses the workdir.
type LockMode int

const (
	// LockExclusive is for a run that writes the workdir.
	LockExclusive LockMode = iota
	// LockShared is for a run that only reads it (--dry-run): dry runs
	// may run together, but not with a run that writes.
	LockShared
)

// ErrBusy is what Lock returns when another run holds the workdir and
// the caller does not wait.
var ErrBusy = errors.New("the workdir is in use by another sdfp run")

// Lock takes the workdir lock for the life of the RootFS (Close releases
// it). When another run holds it, Lock calls waiting and waits; with
// waiting nil it fails with ErrBusy at once. Where the system has no
// flock, it fails with errors.ErrUnsupported and the workdir is not
// locked.
func (f *RootFS) Lock(mode LockMode, waiting func()) error {
	if f.lock != nil {
		return nil
	}
	d, err := f.root.Open(".")
	if err != nil {
		return err
	}
	if err := flock(d, mode == LockShared, waiting); err != nil {
		d.Close()
		return err
	}
	f.lock = d
	return nil
}

// RemoveStale removes the temporary files that runs killed while writing
// left in the workdir and in JV/. Only a holder of the exclusive lock
// may call it.
func (f *RootFS) RemoveStale() error {
	var top error
	if f.lock != nil {
		// the workdir is open already (each open costs Go six system
		// calls); reading its names moves only its offset, which nothing
		// else uses
		names, err := f.lock.Readdirnames(-1)
		if err == nil {
			err = dms.RemoveTemps(f, ".", names)
		}
		top = err
	} else {
		top = dms.RemoveStale(f, ".")
	}
	return errors.Join(top, dms.RemoveStale(f, jv.Dir))
}
