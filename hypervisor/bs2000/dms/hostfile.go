package dms

import (
	"os"
	"path/filepath"
)

// WriteHostFile writes a file of the host, outside the workdir (a report
// the user asked for: an lcov tracefile, an HTML page), through a
// temporary file beside it that is renamed into its place, so that a
// reader never sees it half written. Unlike WriteFile it keeps no spare.
func WriteHostFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.sdfp-tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
