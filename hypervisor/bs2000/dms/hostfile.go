package dms

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteHostFile writes a file of the host, outside the workdir (a report
// the user asked for: an lcov tracefile, an HTML page), with mode 0644;
// see ReplaceHostFile.
func WriteHostFile(path string, data []byte) error { return ReplaceHostFile(path, data, 0o644) }

// ReplaceHostFile puts data in place of a host file through a temporary
// file beside it, given the mode, synced and renamed into its place, so
// that a reader sees the old content or the new and a crash leaves no torn
// file. Unlike WriteFile it keeps no spare.
func ReplaceHostFile(path string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.sdfp-tmp")
	if err != nil {
		// the file asked for, not the temporary name nobody gave
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return &fs.PathError{Op: "write", Path: path, Err: pe.Err}
		}
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
