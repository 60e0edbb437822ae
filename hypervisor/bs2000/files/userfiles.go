package files

import (
	"sdfp/hypervisor/bs2000/dms"
	"sdfp/interp/handler"
)

// Files other executors write and read as whole BS2000 files of the
// workdir, with the names and the outcomes of the file commands: the
// VM2000's configuration backup (SAVE- and RESTORE-VM-CONFIGURATION) is
// a file of the monitor system's home pubset, which is the run's
// workdir. They reach these methods through an interface of their own
// (vm2000.FileStore), so that no executor imports another.

// UserID is the user ID a file name without one is completed with: the
// run's (the caller's user task).
func (f *Files) UserID() string { return f.User }

// ForeignUser reports whether a file name gives a user ID other than the
// run's. A name that is no file name is not foreign: WriteUserFile and
// ReadUserFile refuse it with its own message.
func (f *Files) ForeignUser(name string) bool {
	n, err := ParseName(name)
	return err == nil && n.User != "" && n.User != f.User
}

// WriteUserFile replaces (or creates) the file of a BS2000 name without
// wildcards with data, atomically (package dms), and gives its full name.
// A name of another catalog or user ID is not cataloged in the run's
// world (DMS0533), as for the file commands; a name that is none is
// DMS0500; a failing write DMS0504, the old file left whole.
func (f *Files) WriteUserFile(name string, data []byte) (string, *handler.Result) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n, bad := f.ownName(name)
	if bad != nil {
		return "", bad
	}
	host, _ := f.host(n.File)
	if err := dms.WriteFile(f.fs, host, data); err != nil {
		r := f.failure(n.File, err)
		return "", &r
	}
	f.attrs.createdAt(n.File, f.now())
	return f.full(n.File), nil
}

// ReadUserFile reads the file of a BS2000 name, at most max bytes, and
// gives its full name: DMS0533 for a file that is not cataloged, DMS0504
// for one that cannot be read (too large, not a regular file).
func (f *Files) ReadUserFile(name string, max int64) ([]byte, string, *handler.Result) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n, bad := f.ownName(name)
	if bad != nil {
		return nil, "", bad
	}
	host, ok := f.host(n.File)
	if !ok {
		r := outcomes[notCataloged].Result(f.full(n.File))
		return nil, "", &r
	}
	data, err := dms.ReadFile(f.fs, host, max)
	if err != nil {
		r := f.failure(n.File, err)
		return nil, "", &r
	}
	return data, f.full(n.File), nil
}

// ownName parses a file name of the run's catalog and user ID.
func (f *Files) ownName(name string) (Name, *handler.Result) {
	n, err := ParseName(name)
	if err != nil {
		r := outcomes[badName].Result(name)
		return Name{}, &r
	}
	if !f.own(n.Cat, n.User) {
		r := outcomes[notCataloged].Result(f.qualify(n))
		return n, &r
	}
	return n, nil
}
