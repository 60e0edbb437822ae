package session

import (
	"errors"
	"os"
	"path"

	"golang.org/x/sys/unix"
)

// Exchange implements dms.Exchanger with renameat2(RENAME_EXCHANGE): two
// names of one directory swap their files atomically. The directory is
// opened through the root, and only its final names are given to the
// system call (which follows no link), so the swap stays inside the
// workdir.
func (f *RootFS) Exchange(oldname, newname string) error {
	dir, a := path.Split(oldname)
	dir2, b := path.Split(newname)
	if dir != dir2 || a == "" || b == "" || a == "." || a == ".." || b == "." || b == ".." {
		return errors.ErrUnsupported
	}
	d := f.lock // the workdir itself, open while locked
	if dir != "" || d == nil {
		r, name := f.in(oldname) // a world directory's root, opened once
		var err error
		if d, err = r.Open(path.Dir(name)); err != nil {
			return err
		}
		defer d.Close()
	}
	rc, err := d.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := rc.Control(func(fd uintptr) {
		serr = unix.Renameat2(int(fd), a, int(fd), b, unix.RENAME_EXCHANGE)
	}); err != nil {
		return err
	}
	switch {
	case serr == nil:
		return nil
	case errors.Is(serr, unix.EINVAL), errors.Is(serr, unix.ENOSYS), errors.Is(serr, unix.EOPNOTSUPP):
		return errors.ErrUnsupported // the file system or kernel cannot swap
	}
	return &os.LinkError{Op: "exchange", Old: oldname, New: newname, Err: serr}
}
