package session

import (
	"os"
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
	if f.lock != nil {
		f.lock.Close()
		f.lock = nil
	}
	return f.root.Close()
}

func (f *RootFS) Create(name string) (afero.File, error) { return wrap(f.root.Create(name)) }
func (f *RootFS) Mkdir(name string, perm os.FileMode) error {
	return f.root.Mkdir(name, perm)
}
func (f *RootFS) MkdirAll(path string, perm os.FileMode) error { return f.root.MkdirAll(path, perm) }
func (f *RootFS) Open(name string) (afero.File, error)         { return wrap(f.root.Open(name)) }
func (f *RootFS) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	return wrap(f.root.OpenFile(name, flag, perm))
}
func (f *RootFS) Remove(name string) error              { return f.root.Remove(name) }
func (f *RootFS) RemoveAll(path string) error           { return f.root.RemoveAll(path) }
func (f *RootFS) Rename(oldname, newname string) error  { return f.root.Rename(oldname, newname) }
func (f *RootFS) Stat(name string) (os.FileInfo, error) { return f.root.Stat(name) }

// LstatIfPossible implements afero.Lstater: the file replacer must see a
// link as a link.
func (f *RootFS) LstatIfPossible(name string) (os.FileInfo, bool, error) {
	fi, err := f.root.Lstat(name)
	return fi, true, err
}
func (f *RootFS) Name() string                              { return "RootFS(" + f.root.Name() + ")" }
func (f *RootFS) Chmod(name string, mode os.FileMode) error { return f.root.Chmod(name, mode) }
func (f *RootFS) Chown(name string, uid, gid int) error     { return f.root.Chown(name, uid, gid) }
func (f *RootFS) Chtimes(name string, atime, mtime time.Time) error {
	return f.root.Chtimes(name, atime, mtime)
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
func (f *RootFS) Link(oldname, newname string) error { return f.root.Link(oldname, newname) }
