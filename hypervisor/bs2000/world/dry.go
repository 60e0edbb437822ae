package world

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

// DryFS is what a dry run writes to: the workdir read-only below an
// in-memory layer (afero's CopyOnWriteFs), which also takes what that
// union refuses, removing or renaming a file of the workdir. Such a name
// is remembered as removed and is gone from then on, as it would be in
// the real run, until the run writes it again. Without this a dry run
// failed where the real run would not (DELETE-FILE of a file in the
// workdir: DMS0533 not catalogued), or went on seeing the file.
type DryFS struct {
	union afero.Fs
	base  afero.Fs // read-only
	layer afero.Fs
	// removed are the workdir's files and directories (slash-separated,
	// cleaned) that the run removed or renamed away and has not written
	// again: hidden from the union
	removed map[string]bool
}

// NewDryFS is the dry run's view of base: reads see base, writes go to
// memory.
func NewDryFS(base afero.Fs) *DryFS {
	ro, layer := afero.NewReadOnlyFs(base), afero.NewMemMapFs()
	return &DryFS{union: afero.NewCopyOnWriteFs(ro, layer), base: ro, layer: layer, removed: map[string]bool{}}
}

// Layer holds what the run wrote.
func (d *DryFS) Layer() afero.Fs { return d.layer }

// Removed lists the workdir's files the run removed (or renamed away)
// and did not write again, sorted: those below a removed directory too;
// directories are not listed.
func (d *DryFS) Removed() []string {
	seen := map[string]bool{} // a file below a removed directory may have been removed itself before
	var out []string
	for p := range d.removed {
		afero.Walk(d.base, p, func(q string, fi os.FileInfo, err error) error {
			if k := key(q); err == nil && !fi.IsDir() && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
			return nil
		})
	}
	sort.Strings(out)
	return out
}

// key is the name as removed keeps it.
func key(name string) string {
	p := strings.TrimPrefix(path.Clean("/"+filepath.ToSlash(name)), "/")
	if p == "" {
		return "."
	}
	return p
}

// gone reports whether name is hidden: removed itself, or below a
// removed directory not made again.
func (d *DryFS) gone(name string) bool {
	if len(d.removed) == 0 {
		return false
	}
	for p := key(name); ; p = path.Dir(p) {
		if d.removed[p] {
			return true
		}
		if isTop(p) {
			return false
		}
	}
}

// isTop reports whether p (a key) has no directory above it to look at.
func isTop(p string) bool { return p == "." || !strings.Contains(p, "/") }

func notExist(op, name string) error {
	return &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

// inBase describes name in the workdir, nil where it has none.
func (d *DryFS) inBase(name string) os.FileInfo {
	fi, err := d.base.Stat(name)
	if err != nil {
		return nil
	}
	return fi
}

func (d *DryFS) inLayer(name string) bool {
	_, err := d.layer.Stat(name)
	return err == nil
}

// unhide makes name and its parents visible again once the run has
// written them into the layer; what lay below a removed directory stays
// removed, name by name.
func (d *DryFS) unhide(name string) {
	if len(d.removed) == 0 {
		return
	}
	for p := key(name); ; p = path.Dir(p) {
		if d.removed[p] {
			delete(d.removed, p)
			d.hideChildren(p)
		}
		if isTop(p) {
			return
		}
	}
}

// hideChildren marks each entry of the workdir's directory dir as
// removed, as a directory made again after its removal is empty.
func (d *DryFS) hideChildren(dir string) {
	fi := d.inBase(dir)
	if fi == nil || !fi.IsDir() {
		return
	}
	f, err := d.base.Open(dir)
	if err != nil {
		return
	}
	names, _ := f.Readdirnames(-1)
	f.Close()
	for _, n := range names {
		d.removed[key(path.Join(dir, n))] = true
	}
}

func (d *DryFS) Name() string { return "DryFS" }

func (d *DryFS) Stat(name string) (os.FileInfo, error) {
	if d.gone(name) {
		return nil, notExist("stat", name)
	}
	return d.union.Stat(name)
}

// LstatIfPossible implements afero.Lstater, as the union does.
func (d *DryFS) LstatIfPossible(name string) (os.FileInfo, bool, error) {
	if d.gone(name) {
		return nil, false, notExist("lstat", name)
	}
	return d.union.(afero.Lstater).LstatIfPossible(name)
}

func (d *DryFS) Open(name string) (afero.File, error) {
	return d.OpenFile(name, os.O_RDONLY, 0)
}

func (d *DryFS) Create(name string) (afero.File, error) {
	return d.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (d *DryFS) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if d.gone(name) {
		if flag&os.O_CREATE == 0 {
			return nil, notExist("open", name)
		}
		// a new file, not the workdir's copied up as the union would
		if err := d.parentIn("open", name); err != nil {
			return nil, err
		}
		f, err := d.layer.OpenFile(name, flag, perm)
		if err == nil {
			d.unhide(name)
		}
		return f, err
	}
	if flag&writeFlags != 0 {
		return d.union.OpenFile(name, flag, perm)
	}
	if fi, err := d.union.Stat(name); err != nil || !fi.IsDir() {
		return d.union.OpenFile(name, flag, perm) // O_NONBLOCK and the like kept
	}
	f, err := d.union.Open(name) // a directory of both is their union
	if err != nil || len(d.removed) == 0 {
		return f, err
	}
	return &dryDir{File: f, d: d, dir: key(name)}, nil
}

// parentIn checks that name's directory is there, as a file system
// does before it makes an entry, and makes it in the layer, where the
// entry goes.
func (d *DryFS) parentIn(op, name string) error {
	dir := path.Dir(key(name))
	if dir == "." {
		return nil
	}
	fi, err := d.Stat(dir)
	switch {
	case err != nil:
		return &fs.PathError{Op: op, Path: name, Err: syscall.ENOENT}
	case !fi.IsDir():
		return &fs.PathError{Op: op, Path: name, Err: syscall.ENOTDIR}
	}
	return d.layer.MkdirAll(dir, 0o755)
}

// Mkdir makes a directory in the layer, as a file system would: its
// parent must be there and the name free (the union makes the parents
// and takes a file's name).
func (d *DryFS) Mkdir(name string, perm os.FileMode) error {
	if _, err := d.Stat(name); err == nil {
		return &fs.PathError{Op: "mkdir", Path: name, Err: fs.ErrExist}
	}
	if err := d.parentIn("mkdir", name); err != nil {
		return err
	}
	if err := d.layer.Mkdir(name, perm); err != nil && !os.IsExist(err) {
		return err
	}
	d.unhide(name)
	return nil
}

// MkdirAll makes each missing directory of name, as os.MkdirAll does.
func (d *DryFS) MkdirAll(name string, perm os.FileMode) error {
	k := key(name)
	if k == "." {
		return nil
	}
	parts := strings.Split(k, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		if fi, err := d.Stat(p); err == nil {
			if !fi.IsDir() {
				return &fs.PathError{Op: "mkdir", Path: p, Err: syscall.ENOTDIR}
			}
			continue
		}
		if err := d.Mkdir(p, perm); err != nil {
			return err
		}
	}
	return nil
}

// Remove removes a file of the layer and hides the workdir's file of
// that name; a directory of the workdir is removed only when it has no
// entries left.
func (d *DryFS) Remove(name string) error {
	if d.gone(name) {
		return notExist("remove", name)
	}
	base, layer := d.inBase(name), d.inLayer(name)
	if base == nil && !layer {
		return notExist("remove", name)
	}
	if base != nil && base.IsDir() {
		if f, err := d.Open(name); err == nil {
			names, _ := f.Readdirnames(1)
			f.Close()
			if len(names) > 0 {
				return &fs.PathError{Op: "remove", Path: name, Err: syscall.ENOTEMPTY}
			}
		}
	}
	if layer {
		if err := d.layer.Remove(name); err != nil {
			return err
		}
	}
	if base != nil {
		d.removed[key(name)] = true
	}
	return nil
}

// RemoveAll removes name and what is below it, as os.RemoveAll does.
func (d *DryFS) RemoveAll(name string) error {
	if dir := path.Dir(key(name)); dir != "." {
		if fi, err := d.Stat(dir); err == nil && !fi.IsDir() {
			return &fs.PathError{Op: "unlinkat", Path: name, Err: syscall.ENOTDIR}
		}
	}
	if d.gone(name) {
		return nil
	}
	if err := d.layer.RemoveAll(name); err != nil {
		return err
	}
	if d.inBase(name) != nil {
		d.removed[key(name)] = true
	}
	return nil
}

// Rename moves a file; one of the workdir is copied into the layer
// under its new name and its old name removed. A directory is not
// renamed.
func (d *DryFS) Rename(oldname, newname string) error {
	if d.gone(oldname) {
		return notExist("rename", oldname)
	}
	base, layer := d.inBase(oldname), d.inLayer(oldname)
	if fi, err := d.union.Stat(oldname); err == nil && fi.IsDir() {
		// a directory's entries may lie in both: no command renames one
		return &fs.PathError{Op: "rename", Path: oldname, Err: syscall.EPERM}
	}
	if base == nil && !layer {
		return notExist("rename", oldname)
	}
	if fi, err := d.Stat(newname); err == nil && fi.IsDir() {
		return &fs.PathError{Op: "rename", Path: newname, Err: syscall.EISDIR}
	}
	if err := d.parentIn("rename", newname); err != nil {
		return err
	}
	if !layer {
		// copy up, as a write would, then move within the layer
		f, err := d.union.OpenFile(oldname, os.O_RDWR, 0)
		if err != nil {
			return err
		}
		f.Close()
	}
	if err := d.layer.Rename(oldname, newname); err != nil {
		return err
	}
	d.unhide(newname)
	if base != nil {
		d.removed[key(oldname)] = true
	}
	return nil
}

func (d *DryFS) Chmod(name string, mode os.FileMode) error {
	if d.gone(name) {
		return notExist("chmod", name)
	}
	return d.union.Chmod(name, mode)
}

func (d *DryFS) Chown(name string, uid, gid int) error {
	if d.gone(name) {
		return notExist("chown", name)
	}
	return d.union.Chown(name, uid, gid)
}

func (d *DryFS) Chtimes(name string, atime, mtime time.Time) error {
	if d.gone(name) {
		return notExist("chtimes", name)
	}
	return d.union.Chtimes(name, atime, mtime)
}

// dryDir is a directory of the dry run: its listing leaves out what the
// run removed.
type dryDir struct {
	afero.File
	d   *DryFS
	dir string
}

func (f *dryDir) keep(name string) bool { return !f.d.removed[key(path.Join(f.dir, name))] }

func (f *dryDir) Readdir(n int) ([]os.FileInfo, error) {
	for {
		fis, err := f.File.Readdir(n)
		kept := fis[:0]
		for _, fi := range fis {
			if f.keep(fi.Name()) {
				kept = append(kept, fi)
			}
		}
		// n > 0 asks for at least one entry unless the end is reached
		if len(kept) > 0 || n <= 0 || err != nil || len(fis) == 0 {
			return kept, err
		}
	}
}

func (f *dryDir) Readdirnames(n int) ([]string, error) {
	for {
		names, err := f.File.Readdirnames(n)
		kept := names[:0]
		for _, nm := range names {
			if f.keep(nm) {
				kept = append(kept, nm)
			}
		}
		if len(kept) > 0 || n <= 0 || err != nil || len(names) == 0 {
			return kept, err
		}
	}
}
