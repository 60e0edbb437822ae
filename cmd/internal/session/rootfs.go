package session

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

// RootFS is an afero.Fs confined to a directory with os.Root: names that
// would leave the directory (../x, symbolic links pointing out) are
// refused by the operating system. afero's BasePathFs is not used for
// this, because its prefix check in v1.15.0 lets "../base-evil" escape.
type RootFS struct {
	root *os.Root
	lock *os.File // the directory, open while the workdir lock is held
	dirs worldDirs
}

// OpenRoot opens a directory as a file system, creating it if missing.
func OpenRoot(dir string) (*RootFS, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &RootFS{root: r}, nil
}

// Close releases the directory and, with it, the workdir lock.
func (f *RootFS) Close() error {
	f.closeDirs()
	if f.lock != nil {
		f.lock.Close()
		f.lock = nil
	}
	return f.root.Close()
}

func (f *RootFS) Create(name string) (afero.File, error) {
	r, n := f.in(name)
	return wrap(r.Create(n))
}
func (f *RootFS) Mkdir(name string, perm os.FileMode) error {
	r, n := f.in(name)
	defer f.made()
	return r.Mkdir(n, perm)
}
func (f *RootFS) MkdirAll(path string, perm os.FileMode) error {
	r, n := f.in(path)
	defer f.made()
	err := r.MkdirAll(n, perm)
	if errors.Is(err, fs.ErrExist) {
		// os.Root says "file exists" where a file is in the way; os.MkdirAll
		// and the in-memory file systems say "not a directory", which is
		// what the user needs to hear (JVS0416 for a file named JV)
		err = &fs.PathError{Op: "mkdir", Path: path, Err: syscall.ENOTDIR}
	}
	return err
}
func (f *RootFS) Open(name string) (afero.File, error) {
	r, n := f.in(name)
	return wrap(r.Open(n))
}
func (f *RootFS) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	r, n := f.in(name)
	return wrap(r.OpenFile(n, flag, perm))
}
func (f *RootFS) Remove(name string) error {
	r, n := f.in(name)
	defer f.gone(name)
	return r.Remove(n)
}
func (f *RootFS) RemoveAll(path string) error {
	r, n := f.in(path)
	defer f.gone(path)
	return r.RemoveAll(n)
}

// Rename renames within one root where both names are in one world
// directory, else through the workdir's root.
func (f *RootFS) Rename(oldname, newname string) error {
	defer f.gone(oldname, newname)
	ro, o := f.in(oldname)
	rn, n := f.in(newname)
	if ro != rn {
		return f.root.Rename(oldname, newname)
	}
	return ro.Rename(o, n)
}
func (f *RootFS) Stat(name string) (os.FileInfo, error) {
	r, n := f.in(name)
	return r.Stat(n)
}

// LstatIfPossible implements afero.Lstater: the file replacer must see a
// link as a link.
func (f *RootFS) LstatIfPossible(name string) (os.FileInfo, bool, error) {
	r, n := f.in(name)
	fi, err := r.Lstat(n)
	return fi, true, err
}
func (f *RootFS) Name() string { return "RootFS(" + f.root.Name() + ")" }
func (f *RootFS) Chmod(name string, mode os.FileMode) error {
	r, n := f.in(name)
	return r.Chmod(n, mode)
}
func (f *RootFS) Chown(name string, uid, gid int) error {
	r, n := f.in(name)
	return r.Chown(n, uid, gid)
}
func (f *RootFS) Chtimes(name string, atime, mtime time.Time) error {
	r, n := f.in(name)
	return r.Chtimes(n, atime, mtime)
}

// wrap returns a nil interface for a nil *os.File, so callers' err checks
// and nil checks agree.
func wrap(f *os.File, err error) (afero.File, error) {
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Link implements world.Linker: a hard link within the workdir, so the
// undo journal keeps a file a run removes without copying it.
func (f *RootFS) Link(oldname, newname string) error {
	ro, o := f.in(oldname)
	rn, n := f.in(newname)
	if ro != rn {
		return f.root.Link(oldname, newname)
	}
	return ro.Link(o, n)
}
