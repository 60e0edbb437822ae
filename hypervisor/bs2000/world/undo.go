package world

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sdfp/hypervisor/bs2000/dms"
	"strconv"

	"github.com/spf13/afero"
)

// Undo puts the workdir back to its base: it undoes the journal's entries
// newest first (created files and directories removed, or kept under
// Spares for the next run, saved files put back, removed directories
// made again), then removes the copies and empties the journal, so the
// next world starts clean. It returns what it could not undo, each naming
// the journal line or the path; what it names stays as the earlier world
// left it. A workdir without a journal costs one system call, one with an
// empty journal four.
//
// Undo is idempotent: a plain run killed while undoing leaves a journal
// that the next one finishes (a copy already put back is gone from
// originals/ and its file is in place, so there is nothing left to do).
func Undo(base afero.Fs) []error {
	errs, _ := undoAll(base)
	return errs
}

// undoAll is Undo, also reporting how many files it kept under Spares
// for the next run.
func undoAll(base afero.Fs) ([]error, int) {
	entries, errs, ok := readJournal(base)
	if !ok || len(entries) == 0 && len(errs) == 0 {
		return nil, 0
	}
	pool := &spares{base: base}
	pool.empty()
	for i := len(entries) - 1; i >= 0; i-- {
		if err := undo(base, pool, entries[i]); err != nil {
			errs = append(errs, &Error{File: Journal, Line: entries[i].line, Col: 1, Msg: err.Error()})
		}
	}
	if err := base.RemoveAll(Originals); err != nil {
		errs = append(errs, &Error{File: Originals, Msg: "cannot remove the copies: " + innermost(err).Error()})
	}
	if err := emptyJournal(base, len(entries) > 0); err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, &Error{File: Journal, Msg: "cannot remove it: " + innermost(err).Error()})
	}
	return errs, pool.kept
}

// emptyJournal leaves the journal with its header and no entries when it
// is an sdfp journal (valid: it had a header, hence entries could be
// read), so that the next run appends to the same file: creating a file
// is the dearest system call of a short run on ext4 (0.1-0.2 ms), and
// truncating to a length other than zero does not make ext4 write the
// data out as a truncation to zero would (auto_da_alloc). A journal of
// another format is removed. The truncation is one system call: a kill
// leaves the journal whole (the undo, idempotent, runs again) or empty.
func emptyJournal(base afero.Fs, valid bool) error {
	if valid {
		j, err := base.OpenFile(Journal, os.O_WRONLY, 0)
		if err == nil {
			err = j.Truncate(int64(len(journalHeader) + 1))
			if cerr := j.Close(); err == nil {
				err = cerr
			}
			if err == nil {
				return nil
			}
		}
	}
	return base.Remove(Journal)
}

func undo(base afero.Fs, pool *spares, e entry) error {
	fi, err := dms.Lstat(base, e.path)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %v", e.path, innermost(err))
	}
	switch e.op {
	case opCreated:
		if !exists || pool.keep(e.path, fi) {
			return nil
		}
		if err := base.Remove(e.path); err != nil {
			if fi.IsDir() {
				return fmt.Errorf("directory %s, made by an earlier run, holds files no run made; left in place", e.path)
			}
			return fmt.Errorf("cannot remove %s: %v", e.path, innermost(err))
		}
	case opTree:
		if exists {
			if err := base.RemoveAll(e.path); err != nil {
				return fmt.Errorf("cannot remove %s: %v", e.path, innermost(err))
			}
		}
	case opSaved:
		return restore(base, e, exists && fi.IsDir(), exists)
	case opDir:
		if exists && fi.IsDir() {
			return base.Chmod(e.path, e.perm)
		}
		if exists {
			base.Remove(e.path)
		}
		if err := base.MkdirAll(e.path, e.perm); err != nil {
			return fmt.Errorf("cannot make directory %s again: %v", e.path, innermost(err))
		}
		return base.Chmod(e.path, e.perm)
	}
	return nil
}

// restore puts a saved file back from its copy. A copy that is gone was
// put back by an undo that was killed before it ended: the file is in
// place then.
func restore(base afero.Fs, e entry, isDir, exists bool) error {
	copyName := Originals + "/" + strconv.Itoa(e.n)
	if _, err := dms.Lstat(base, copyName); err != nil {
		if exists {
			return nil
		}
		return fmt.Errorf("the copy of %s (%s) is missing; %s is not restored", e.path, copyName, e.path)
	}
	if isDir {
		if err := base.RemoveAll(e.path); err != nil {
			return fmt.Errorf("cannot remove directory %s to restore the file: %v", e.path, innermost(err))
		}
	}
	if dir := path.Dir(e.path); dir != "." {
		if err := base.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("cannot restore %s: %v", e.path, innermost(err))
		}
	}
	if err := base.Rename(copyName, e.path); err != nil {
		return fmt.Errorf("cannot restore %s: %v", e.path, innermost(err))
	}
	return nil
}
