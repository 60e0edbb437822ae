// Package dms is the part of BS2000's data management system sdfp needs
// for the files of a run's workdir (procedures, SYSLST and SYSOUT files,
// job variables): files are read only when they are regular files within
// a size cap, so a FIFO or a device in the workdir cannot hang a run and
// an 8 GB file is not read whole; and files are replaced, never written
// in place, so that whoever looks at one (a later run, a user after a
// crash) sees either its old or its new content, never a mixture, and no
// write goes through a hard or symbolic link to another file.
//
// Replacing a file costs a rename over it, which on ext4 with its default
// auto_da_alloc makes the kernel start writing the new file's data at
// once: about 0.3 ms, a quarter of a whole `sdfp run`. Where the file
// system can swap two names atomically (Exchanger: Linux renameat2
// RENAME_EXCHANGE), the new content is swapped in instead, and the old
// file is kept under a hidden spare name (".NAME.sdfp-spare") to take the
// next run's content: its blocks are reused, nothing is freed and no
// writeback is forced. A spare is only reused when it is a regular file
// with no other link.
package dms

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/spf13/afero"
)

// MaxProcedureSize is the largest procedure file sdfp reads: the file
// given to `sdfp run` and those CALL-PROCEDURE and INCLUDE-PROCEDURE
// name. It is sdfp's limit, not BS2000's (a procedure there is a SAM or
// ISAM file or a library element, with no size a procedure would reach);
// 16 MB is some 300,000 lines, a hundred times the largest production
// procedure seen, and keeps the parser's memory bounded.
const MaxProcedureSize = 16 << 20

// ErrNotRegular is the error for a file that is not a regular file (a
// directory, a FIFO, a device, a socket).
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is the error for a file larger than the cap it is read
// with.
type TooLargeError struct{ Max int64 }

func (e *TooLargeError) Error() string { return fmt.Sprintf("larger than %d bytes", e.Max) }

// Names of sdfp's own files next to a replaced file: a temporary file
// being written (".NAME.PID-N.sdfp-tmp", unique), and the spare, the
// previous content kept for reuse (".NAME.sdfp-spare"). Both are hidden
// (a leading dot), so listings of the workdir and of JV/ skip them.
const (
	TempSuffix  = ".sdfp-tmp"
	SpareSuffix = ".sdfp-spare"
)

// ReadFile reads a regular file of fsys, failing with ErrNotRegular for
// anything else and with *TooLargeError when it holds more than max
// bytes. The file is opened without blocking, so a FIFO put in place of
// the file between the check and the open cannot hang the reader either.
func ReadFile(fsys afero.Fs, name string, max int64) ([]byte, error) {
	fi, err := fsys.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := regular(name, fi, max); err != nil {
		return nil, err
	}
	f, err := fsys.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := regular(name, fi, max); err != nil {
		return nil, err
	}
	// the size may have grown since the check: read one byte more than
	// allowed to notice; a buffer of the size seen reads it in one go
	data := make([]byte, 0, min(fi.Size(), max)+1)
	lr := io.LimitReader(f, max+1)
	for {
		n, err := lr.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: innermost(err)}
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
	if int64(len(data)) > max {
		return nil, &fs.PathError{Op: "read", Path: name, Err: &TooLargeError{Max: max}}
	}
	return data, nil
}

func regular(name string, fi os.FileInfo, max int64) error {
	if !fi.Mode().IsRegular() {
		return &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	if max >= 0 && fi.Size() > max {
		return &fs.PathError{Op: "open", Path: name, Err: &TooLargeError{Max: max}}
	}
	return nil
}

// Exchanger is a file system that swaps two names of one directory
// atomically. Exchange fails with errors.ErrUnsupported where the file
// system cannot, and with an fs.ErrNotExist error when either name is
// missing.
type Exchanger interface {
	Exchange(oldname, newname string) error
}

// File is the new content of a file being written. Writes go to a
// temporary file; Close puts it in place of the file atomically, Abort
// throws it away. The first write error is kept: Close then aborts and
// returns it, so the old file stays whole.
type File struct {
	fsys   afero.Fs
	f      afero.File
	name   string // the file replaced
	tmp    string // what is written
	spare  string
	n      int64 // bytes written
	size   int64 // size of a reused spare when claimed
	reused bool
	err    error
	done   bool
}

// Create starts replacing name (or creating it) with new content.
func Create(fsys afero.Fs, name string) (*File, error) {
	if fi, err := Lstat(fsys, name); err == nil && fi.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EISDIR}
	}
	dir, base := path.Split(name)
	f := &File{fsys: fsys, name: name, spare: dir + "." + base + SpareSuffix}
	if err := f.open(dir + "." + base); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: innermost(err)}
	}
	return f, nil
}

// Append starts replacing name with its present content followed by
// what is written (OPEN-MODE=*EXTEND). The present content must be a
// regular file; it is copied, so the file is never written through.
func Append(fsys afero.Fs, name string) (*File, error) {
	f, err := Create(fsys, name)
	if err != nil {
		return nil, err
	}
	old, err := openRegular(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		f.Abort()
		return nil, err
	}
	defer old.Close()
	if _, err := io.Copy(f, old); err != nil {
		f.Abort()
		return nil, &fs.PathError{Op: "copy", Path: name, Err: innermost(err)}
	}
	return f, nil
}

func openRegular(fsys afero.Fs, name string) (afero.File, error) {
	fi, err := fsys.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := regular(name, fi, -1); err != nil {
		return nil, err
	}
	old, err := fsys.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if fi, err := old.Stat(); err != nil || !fi.Mode().IsRegular() {
		old.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	return old, nil
}

// WriteFile replaces name with data.
func WriteFile(fsys afero.Fs, name string, data []byte) error {
	f, err := Create(fsys, name)
	if err != nil {
		return err
	}
	f.Write(data)
	return f.Close()
}

// tempSeq makes temporary names unique within the process; the process
// ID makes them unique among the processes that may share a directory
// (os.Getpid is a system call each time).
var (
	tempSeq atomic.Uint64
	pid     = strconv.Itoa(os.Getpid())
)

// open claims the spare as the file to write (spares only exist where
// names can be swapped), or creates a temporary file. A temporary name is never opened unless the open creates it
// (O_EXCL), so whatever a link planted under that name points to is not
// touched.
func (f *File) open(prefix string) error {
	var err error
	for try := 0; try < 100; try++ {
		f.tmp = prefix + "." + pid + "-" + strconv.FormatUint(tempSeq.Add(1), 10) + TempSuffix
		if _, ok := f.fsys.(Exchanger); ok && try == 0 && f.claimSpare() {
			return nil
		}
		f.f, err = f.fsys.OpenFile(f.tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	return err
}

// claimSpare renames the spare to the temporary name (so no other
// writer of the same file can take it too) and opens it, when it is a
// regular file with no other link; anything else found there is removed
// (which removes only the name, never what a link points to).
func (f *File) claimSpare() bool {
	if f.fsys.Rename(f.spare, f.tmp) != nil {
		return false
	}
	fi, err := Lstat(f.fsys, f.tmp)
	if err == nil && fi.Mode().IsRegular() && linkCount(fi) == 1 {
		file, err := f.fsys.OpenFile(f.tmp, os.O_WRONLY, 0)
		if err == nil {
			if ofi, err := file.Stat(); err == nil && ofi.Mode().IsRegular() && linkCount(ofi) == 1 && sameFile(fi, ofi) {
				f.f, f.reused, f.size = file, true, ofi.Size()
				return true
			}
			file.Close()
		}
	}
	f.fsys.Remove(f.tmp)
	return false
}

// Write implements io.Writer. After the first error nothing more is
// written and the error is returned again.
func (f *File) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.f.Write(p)
	f.n += int64(n)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		f.err = &fs.PathError{Op: "write", Path: f.name, Err: innermost(err)}
		return n, f.err
	}
	return n, nil
}

// WriteString implements io.StringWriter.
func (f *File) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

// Name is the name of the file replaced.
func (f *File) Name() string { return f.name }

// Close puts the new content in place of the file; after a write error
// it aborts instead and returns the error. Either way the temporary file
// is gone afterwards.
func (f *File) Close() error {
	if f.done {
		return f.err
	}
	if f.err != nil {
		f.Abort()
		return f.err
	}
	f.done = true
	var err error
	if f.reused && f.size > f.n {
		err = f.f.Truncate(f.n)
	}
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = f.commit()
	}
	if err != nil {
		f.fsys.Remove(f.tmp)
		f.err = &fs.PathError{Op: "close", Path: f.name, Err: innermost(err)}
	}
	return f.err
}

// commit swaps the new content in, keeping the old file as the spare, or
// renames it over the old file where names cannot be swapped (or there is
// no old file).
func (f *File) commit() error {
	if ex, ok := f.fsys.(Exchanger); ok {
		err := ex.Exchange(f.tmp, f.name)
		if err == nil {
			if f.fsys.Rename(f.tmp, f.spare) != nil {
				f.fsys.Remove(f.tmp)
			}
			return nil
		}
		if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, errors.ErrUnsupported) {
			return err
		}
	}
	return f.fsys.Rename(f.tmp, f.name)
}

// Abort throws the new content away; the file stays as it was.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.f.Close()
	f.fsys.Remove(f.tmp)
	if f.err == nil {
		f.err = &fs.PathError{Op: "close", Path: f.name, Err: os.ErrClosed}
	}
}

// Remove removes a file and the spare kept next to it. (A file that
// does not exist has no spare worth a system call: a JV created and
// deleted within one run was never written.)
func Remove(fsys afero.Fs, name string) error {
	if err := fsys.Remove(name); err != nil {
		return err
	}
	dir, base := path.Split(name)
	fsys.Remove(dir + "." + base + SpareSuffix)
	return nil
}

// RemoveStale removes the temporary files of earlier runs that were
// killed while writing (".*.sdfp-tmp" in dir). Only a caller that holds
// the workdir lock may call it: the files of a run going on would look
// stale too.
func RemoveStale(fsys afero.Fs, dir string) error {
	d, err := fsys.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	// names only: a stat of every file of a big workdir would cost more
	// than the rest of a short run
	names, err := d.Readdirnames(-1)
	d.Close()
	if err != nil {
		return err
	}
	return RemoveTemps(fsys, dir, names)
}

// RemoveTemps removes those of the names in dir that are temporary files
// (RemoveStale for a caller that has the names already).
func RemoveTemps(fsys afero.Fs, dir string, names []string) error {
	var first error
	for _, n := range names {
		if strings.HasPrefix(n, ".") && strings.HasSuffix(n, TempSuffix) {
			if err := fsys.Remove(path.Join(dir, n)); err != nil && first == nil {
				first = err
			}
		}
	}
	return first
}

// Lstat describes a path without following a final symbolic link, where
// the file system can tell; otherwise as Stat does.
func Lstat(fsys afero.Fs, name string) (os.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		fi, _, err := l.LstatIfPossible(name)
		return fi, err
	}
	return fsys.Stat(name)
}

// sameFile reports whether two FileInfos describe one file; where the
// file system gives no identity (an in-memory one), it cannot tell and
// says yes.
func sameFile(a, b os.FileInfo) bool {
	if a.Sys() == nil || b.Sys() == nil {
		return true
	}
	return os.SameFile(a, b)
}

// innermost strips the operation and path an error was wrapped in, so
// that an error can be reported with the name of the file replaced rather
// than that of the temporary file.
func innermost(err error) error {
	for {
		switch e := err.(type) {
		case *fs.PathError:
			err = e.Err
		case *os.LinkError:
			err = e.Err
		default:
			return err
		}
	}
}
