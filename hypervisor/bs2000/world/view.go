package world

import (
	"fmt"
	"io/fs"
	"os"
	"path"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
)

// MaxViewSize bounds the workdir BaseView copies into memory.
const MaxViewSize = 256 << 20

// BaseView is the workdir as the next plain run will find it, for a run
// that writes nothing (--dry-run): a copy in memory of the workdir's
// regular files and directories, the journal and its copies included,
// with the undo done on the copy. Without a journal (or with an empty
// one) the workdir is its own base and BaseView returns it as it is. It fails when the workdir
// holds more than MaxViewSize bytes; the errors are what the undo could
// not do, as Undo reports them.
func BaseView(base afero.Fs) (afero.Fs, []error, error) {
	if entries, errs, _ := readJournal(base); len(entries) == 0 && len(errs) == 0 {
		return base, nil, nil // no journal, or an empty one: nothing to undo
	}
	mem := afero.NewMemMapFs()
	var total int64
	err := afero.Walk(base, ".", func(p string, fi os.FileInfo, err error) error {
		switch {
		case err != nil:
			return err
		case p == Spares:
			return fs.SkipDir // the undo's files for the next run to reuse: no base of anything
		case fi.IsDir():
			return mem.MkdirAll(p, fi.Mode().Perm())
		case !fi.Mode().IsRegular():
			return nil // a FIFO or a device: not a file a run reads
		}
		if total += fi.Size(); total > MaxViewSize {
			return fmt.Errorf("the workdir holds more than %d MB", MaxViewSize>>20)
		}
		data, err := dms.ReadFile(base, p, MaxViewSize)
		if err != nil {
			return err
		}
		if err := mem.MkdirAll(path.Dir(p), 0o755); err != nil {
			return err
		}
		if err := afero.WriteFile(mem, p, data, fi.Mode().Perm()); err != nil {
			return err
		}
		return mem.Chtimes(p, fi.ModTime(), fi.ModTime())
	})
	if err != nil {
		return nil, nil, err
	}
	errs := Undo(mem)
	return mem, errs, nil
}
