//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package session

import (
	"errors"
	"os"
	"syscall"
)

func flock(d *os.File, shared bool, waiting func()) error {
	how := syscall.LOCK_EX
	if shared {
		how = syscall.LOCK_SH
	}
	rc, err := d.SyscallConn()
	if err != nil {
		return err
	}
	try := func(flags int) (err error) {
		if cerr := rc.Control(func(fd uintptr) {
			for {
				if err = syscall.Flock(int(fd), flags); !errors.Is(err, syscall.EINTR) {
					return
				}
			}
		}); cerr != nil {
			return cerr
		}
		return err
	}
	err = try(how | syscall.LOCK_NB)
	if !errors.Is(err, syscall.EWOULDBLOCK) {
		return err
	}
	if waiting == nil {
		return ErrBusy
	}
	waiting()
	return try(how)
}
