package world

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
)

// Spares is where the undo keeps the files the previous run created
// instead of deleting them, for the next run to write its files into
// (dms's spare files, see package dms): a plain run of one procedure
// makes the same files every time, and on ext4 removing a file and
// creating it again costs some 50-250 us of system time against 15-20
// for writing into a kept one. A kept file is named after the spare
// name dms looks for (the path with "/" and "%" escaped), so FS.Rename
// hands it over when dms claims the spare of a file that does not exist.
// The directory holds only what the last undo put there: each undo
// empties it first. It is the world's own, below .sdfp/, so the workdir
// after the undo is its base exactly.
const Spares = Dir + "/spares"

// spareOf is the spare name dms gives a file (".NAME.sdfp-spare" next to
// it).
func spareOf(p string) string {
	dir, base := path.Split(p)
	return dir + "." + base + dms.SpareSuffix
}

// isSpare reports whether a workdir path is one of dms's spare names.
func isSpare(p string) bool {
	b := path.Base(p)
	return strings.HasPrefix(b, ".") && strings.HasSuffix(b, dms.SpareSuffix)
}

// maxSpareName keeps a kept file's name within what a file system takes
// (255 bytes on most); a longer path is removed, not kept.
const maxSpareName = 240

// keptEscape makes a path one file name, reversibly.
var keptEscape = strings.NewReplacer("%", "%25", "/", "%2F")

// keptName is the name under Spares of a spare path ("" when too long).
func keptName(spare string) string {
	n := keptEscape.Replace(spare)
	if len(n) > maxSpareName {
		return ""
	}
	return Spares + "/" + n
}

// spares is the undo's pool: it empties the directory the last undo
// filled and takes in the files this undo would remove.
type spares struct {
	base  afero.Fs
	ready bool // Spares emptied (or found missing) and made
	kept  int
}

// empty removes what the last undo kept and no run claimed.
func (s *spares) empty() {
	d, err := s.base.Open(Spares)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, n := range names {
		s.base.Remove(Spares + "/" + n)
	}
	s.ready = true
}

// keep moves a regular file the undo would remove into the pool; false
// when it cannot (the caller removes it then).
func (s *spares) keep(p string, fi fs.FileInfo) bool {
	if !fi.Mode().IsRegular() {
		return false
	}
	spare := p
	if !isSpare(p) {
		spare = spareOf(p)
	}
	kept := keptName(spare)
	if kept == "" {
		return false
	}
	if !s.ready {
		if err := s.base.MkdirAll(Spares, 0o755); err != nil {
			return false
		}
		s.ready = true
	}
	// two created paths may share a spare name (a file and its own
	// spare): the second is removed
	if _, err := dms.Lstat(s.base, kept); !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	if s.base.Rename(p, kept) != nil {
		return false
	}
	s.kept++
	return true
}

// claimKept is FS.Rename's part for a spare name that does not exist in
// the workdir: the file the undo kept for it, if any, becomes newname
// (journaled first as created, as every new name is). It reports whether
// it handed one over.
func (f *FS) claimKept(spare, newname string) bool {
	if !f.pool {
		return false
	}
	kept := keptName(spare)
	if kept == "" {
		return false
	}
	// no lstat of kept first: the entry for newname is one dms needs
	// anyway when there is no kept file and it creates newname itself
	if err := f.touch(newname, drops); err != nil {
		return false
	}
	return f.base.Rename(kept, newname) == nil
}
