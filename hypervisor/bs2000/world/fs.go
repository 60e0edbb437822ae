package world

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
)

// FS is the workdir as a run sees it: every call goes to the workdir
// (base), and every change is journaled before it is made. A change whose
// entry cannot be written is refused, so nothing is changed that the next
// plain run could not undo.
type FS struct {
	base     afero.Fs
	journal  afero.File      // open for appending once the first entry is written
	recorded map[string]bool // paths whose state before the world the journal holds
	saved    int             // the number of the last copy under originals/
	// entries counts the journal's entries, temps those of them that
	// name a temporary file (see Close).
	entries, temps int
	// pool: the undo before this run kept files under Spares for it
	pool bool
}

// Linker is a file system that can give a file a second name (a hard
// link): a file a run deletes or replaces is then kept for the undo
// without copying it.
type Linker interface {
	Link(oldname, newname string) error
}

// Start begins a new world on the workdir: it undoes the previous one
// (Undo) and returns the journaling file system with an empty journal,
// and what could not be undone.
func Start(base afero.Fs) (*FS, []error) {
	errs, kept := undoAll(base)
	return &FS{base: base, recorded: map[string]bool{}, pool: kept > 0}, errs
}

// Resume goes on with the world the workdir holds: the journal is kept,
// and what it records already is not recorded again (the base is what
// the first entry of a path saved). A damaged journal is an error: the
// world cannot be continued, only started again.
func Resume(base afero.Fs) (*FS, error) {
	f := &FS{base: base, recorded: map[string]bool{}}
	entries, errs, _ := readJournal(base)
	if len(errs) > 0 {
		return nil, errs[0]
	}
	for _, e := range entries {
		f.count(e)
	}
	return f, nil
}

// count takes an entry into the FS's account of its journal.
func (f *FS) count(e entry) {
	f.recorded[e.path] = true
	if e.op == opSaved && e.n > f.saved {
		f.saved = e.n
	}
	f.entries++
	if e.op == opCreated && isTemp(e.path) {
		f.temps++
	}
}

// isTemp reports whether a path names one of dms's temporary files.
func isTemp(p string) bool {
	b := path.Base(p)
	return strings.HasPrefix(b, ".") && strings.HasSuffix(b, dms.TempSuffix)
}

// Close closes the journal at the end of a run. The journal stays: it is
// the next plain run's undo. Every file a run writes is first a
// temporary file with a name of its own, journaled as created and gone
// when the run ends; so that a world continued many times does not carry
// a journal of mostly such names, Close rewrites the journal without the
// created paths that no longer exist (their undo would do nothing) once
// they are half of it. The rewrite replaces the journal atomically: a
// kill leaves the old journal or the new, each a whole undo.
func (f *FS) Close() error {
	if f.journal == nil {
		return nil
	}
	err := f.journal.Close()
	f.journal = nil
	if err == nil && f.temps >= compactAt && 2*f.temps >= f.entries {
		err = f.compact()
	}
	return err
}

// compactAt is how many temporary names the journal holds before Close
// considers rewriting it.
const compactAt = 64

func (f *FS) compact() error {
	entries, errs, _ := readJournal(f.base)
	if len(errs) > 0 {
		return errs[0]
	}
	var b strings.Builder
	b.WriteString(journalHeader + "\n")
	f.recorded, f.entries, f.temps = map[string]bool{}, 0, 0
	for _, e := range entries {
		if e.op == opCreated {
			if _, err := dms.Lstat(f.base, e.path); errors.Is(err, fs.ErrNotExist) {
				continue
			}
		}
		b.WriteString(e.String())
		f.count(e)
	}
	return dms.WriteFile(f.base, Journal, []byte(b.String()))
}

// record appends an entry to the journal, opening (and if need be
// starting) it first. One write per entry: a process killed while
// journaling leaves the entry whole or absent.
func (f *FS) record(e entry) error {
	if f.journal == nil {
		if err := f.base.MkdirAll(Dir, 0o755); err != nil {
			return err
		}
		j, err := f.base.OpenFile(Journal, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return err
		}
		if fi, err := j.Stat(); err != nil || fi.Size() == 0 {
			if _, err := j.Write([]byte(journalHeader + "\n")); err != nil {
				j.Close()
				return err
			}
		}
		f.journal = j
	}
	if _, err := f.journal.Write([]byte(e.String())); err != nil {
		return err
	}
	f.count(e)
	return nil
}

// how says what becomes of a path's present file after the change.
type how int

const (
	kept  how = iota // it stays under some name and may be written: save a copy
	drops            // it leaves the workdir (removed, renamed over): a second name is enough
)

// touch journals a path's state before the world's first change of it.
func (f *FS) touch(p string, h how) error {
	if f.recorded[p] {
		return nil
	}
	fi, err := dms.Lstat(f.base, p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err = f.record(entry{op: opCreated, path: p})
	case err != nil:
		return err
	case fi.IsDir():
		err = f.record(entry{op: opDir, path: p, perm: fi.Mode().Perm()})
	default:
		err = f.save(p, fi, h)
	}
	if err == nil {
		f.recorded[p] = true
	}
	return err
}

// save keeps the original of a file under originals/ and journals it.
// The copy is written under a temporary name and renamed, so the journal
// never names a torn copy.
func (f *FS) save(p string, fi os.FileInfo, h how) error {
	n := f.saved + 1
	dst := Originals + "/" + strconv.Itoa(n)
	if err := f.base.MkdirAll(Originals, 0o755); err != nil {
		return err
	}
	f.base.Remove(dst) // a copy a killed run made but never journaled
	linked := false
	if l, ok := f.base.(Linker); ok && (h == drops || !fi.Mode().IsRegular()) {
		linked = l.Link(p, dst) == nil
	}
	if !linked {
		if !fi.Mode().IsRegular() {
			return &fs.PathError{Op: "save", Path: p, Err: errors.New("not a regular file; sdfp cannot keep a copy of it for the undo")}
		}
		if err := f.copyFile(p, dst, fi); err != nil {
			return err
		}
	}
	if err := f.record(entry{op: opSaved, path: p, n: n}); err != nil {
		return err
	}
	f.saved = n
	return nil
}

func (f *FS) copyFile(src, dst string, fi os.FileInfo) error {
	tmp := Originals + "/." + path.Base(dst) + ".tmp"
	in, err := f.base.OpenFile(src, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := f.base.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, fi.Mode().Perm())
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		f.base.Chtimes(tmp, fi.ModTime(), fi.ModTime())
		err = f.base.Rename(tmp, dst)
	}
	if err != nil {
		f.base.Remove(tmp)
	}
	return err
}

// touchTree journals a directory and everything in it, directories
// before their contents (the undo, newest first, fills them again
// after making them).
func (f *FS) touchTree(root string, h how) error {
	return afero.Walk(f.base, root, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return f.touch(p, h)
	})
}

// name checks a path a call names: inside the workdir, outside .sdfp/.
// Reading "." (the workdir itself) is allowed, changing it is not.
func name(op, p string, write bool) (string, error) {
	c, ok := Clean(p)
	if c == "." && !write {
		return c, nil
	}
	if !ok {
		return c, &fs.PathError{Op: op, Path: p, Err: fs.ErrPermission}
	}
	return c, nil
}

const writeFlags = os.O_WRONLY | os.O_RDWR | os.O_CREATE | os.O_TRUNC | os.O_APPEND

func (f *FS) Create(n string) (afero.File, error) {
	return f.OpenFile(n, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (f *FS) OpenFile(n string, flag int, perm os.FileMode) (afero.File, error) {
	p, err := name("open", n, flag&writeFlags != 0)
	if err != nil {
		return nil, err
	}
	if flag&writeFlags != 0 {
		if flag&(os.O_CREATE|os.O_EXCL) == os.O_CREATE|os.O_EXCL {
			// creates or fails: only a new file needs an entry
			if _, err := dms.Lstat(f.base, p); errors.Is(err, fs.ErrNotExist) && !f.recorded[p] {
				if err := f.record(entry{op: opCreated, path: p}); err != nil {
					return nil, err
				}
				f.recorded[p] = true
			}
		} else if err := f.touch(p, kept); err != nil {
			return nil, err
		}
	}
	return f.base.OpenFile(p, flag, perm)
}

func (f *FS) Open(n string) (afero.File, error) {
	p, err := name("open", n, false)
	if err != nil {
		return nil, err
	}
	return f.base.Open(p)
}

func (f *FS) Mkdir(n string, perm os.FileMode) error {
	p, err := name("mkdir", n, true)
	if err != nil {
		return err
	}
	if err := f.touch(p, kept); err != nil {
		return err
	}
	return f.base.Mkdir(p, perm)
}

// MkdirAll journals each directory it is going to make, outermost first.
func (f *FS) MkdirAll(n string, perm os.FileMode) error {
	p, err := name("mkdir", n, true)
	if err != nil {
		return err
	}
	var missing []string
	for q := p; q != "."; q = path.Dir(q) {
		if _, err := dms.Lstat(f.base, q); err == nil {
			break
		}
		missing = append(missing, q)
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := f.touch(missing[i], kept); err != nil {
			return err
		}
	}
	return f.base.MkdirAll(p, perm)
}

func (f *FS) Remove(n string) error {
	p, err := name("remove", n, true)
	if err != nil {
		return err
	}
	if _, err := dms.Lstat(f.base, p); err != nil {
		return f.base.Remove(p) // fails as the workdir says
	}
	if err := f.touch(p, drops); err != nil {
		return err
	}
	return f.base.Remove(p)
}

func (f *FS) RemoveAll(n string) error {
	p, err := name("remove", n, true)
	if err != nil {
		return err
	}
	if _, err := dms.Lstat(f.base, p); err != nil {
		return nil
	}
	if err := f.touchTree(p, drops); err != nil {
		return err
	}
	return f.base.RemoveAll(p)
}

func (f *FS) Rename(oldname, newname string) error {
	o, err := name("rename", oldname, true)
	if err != nil {
		return err
	}
	nw, err := name("rename", newname, true)
	if err != nil {
		return err
	}
	fi, err := dms.Lstat(f.base, o)
	if errors.Is(err, fs.ErrNotExist) && isSpare(o) && f.claimKept(o, nw) {
		return nil
	}
	if err != nil {
		return f.base.Rename(o, nw)
	}
	if fi.IsDir() {
		if err := f.touchTree(o, kept); err != nil {
			return err
		}
		if _, err := dms.Lstat(f.base, nw); errors.Is(err, fs.ErrNotExist) && !f.recorded[nw] {
			if err := f.record(entry{op: opTree, path: nw}); err != nil {
				return err
			}
			f.recorded[nw] = true
		}
	} else if err := f.touch(o, kept); err != nil {
		return err
	}
	if err := f.touch(nw, drops); err != nil {
		return err
	}
	return f.base.Rename(o, nw)
}

// Exchange implements dms.Exchanger when the workdir does; both files
// stay, under each other's name.
func (f *FS) Exchange(oldname, newname string) error {
	ex, ok := f.base.(interface{ Exchange(a, b string) error })
	if !ok {
		return errors.ErrUnsupported
	}
	o, err := name("exchange", oldname, true)
	if err != nil {
		return err
	}
	nw, err := name("exchange", newname, true)
	if err != nil {
		return err
	}
	if err := f.touch(o, kept); err != nil {
		return err
	}
	if err := f.touch(nw, kept); err != nil {
		return err
	}
	return ex.Exchange(o, nw)
}

func (f *FS) Stat(n string) (os.FileInfo, error) {
	p, err := name("stat", n, false)
	if err != nil {
		return nil, err
	}
	return f.base.Stat(p)
}

// LstatIfPossible implements afero.Lstater.
func (f *FS) LstatIfPossible(n string) (os.FileInfo, bool, error) {
	p, err := name("lstat", n, false)
	if err != nil {
		return nil, false, err
	}
	if l, ok := f.base.(afero.Lstater); ok {
		return l.LstatIfPossible(p)
	}
	fi, err := f.base.Stat(p)
	return fi, false, err
}

func (f *FS) Name() string { return "world(" + f.base.Name() + ")" }

func (f *FS) Chmod(n string, mode os.FileMode) error {
	return f.change("chmod", n, func(p string) error { return f.base.Chmod(p, mode) })
}

func (f *FS) Chown(n string, uid, gid int) error {
	return f.change("chown", n, func(p string) error { return f.base.Chown(p, uid, gid) })
}

func (f *FS) Chtimes(n string, atime, mtime time.Time) error {
	return f.change("chtimes", n, func(p string) error { return f.base.Chtimes(p, atime, mtime) })
}

// change journals a path that keeps its file and then changes it.
func (f *FS) change(op, n string, do func(p string) error) error {
	p, err := name(op, n, true)
	if err != nil {
		return err
	}
	if err := f.touch(p, kept); err != nil {
		return err
	}
	return do(p)
}
