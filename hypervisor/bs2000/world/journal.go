// Package world keeps the simulated system's disk, the workdir, as one
// world from run to run. The files a user put into the workdir are the
// base. A run that changes the workdir first writes down how to undo the
// change, in an undo journal in the hidden directory .sdfp/ of the
// workdir: "created PATH" before it creates a file or directory that did
// not exist, and, before it first changes, renames or deletes one that
// existed, a copy of the original under .sdfp/originals/ and "saved PATH
// N". Each entry is written (one append) before the change it announces,
// so a run killed at any moment leaves a journal that undoes exactly what
// was done. A plain `sdfp run` undoes the previous world (newest entry
// first) and starts again from the base and the installation file; `sdfp
// run --continue` keeps the files and goes on with the saved state of the
// rest of the system (.sdfp/world/: the VM2000 in the installation
// format, the virtual time and the TSN counter), as the next procedure on
// a real system would.
//
// Everything a run writes goes through FS, an afero.Fs in front of the
// workdir, so job variables, SYSLST and SYSOUT files, containers and the
// file commands are journaled without knowing it. A path that would
// leave the workdir, or reach into .sdfp/, is refused.
package world

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
)

// The names of the world's own files in the workdir.
const (
	Dir       = ".sdfp"
	Journal   = Dir + "/journal"
	Originals = Dir + "/originals"
	StateDir  = Dir + "/world"
)

// journalHeader is the first line of every journal: a journal of another
// format is not undone by guesswork.
const journalHeader = "sdfp-journal 1"

// MaxJournalSize bounds what is read of a journal (a run of a million
// file changes writes some 40 MB of it).
const MaxJournalSize = 256 << 20

// op is what a journal entry records of a path's state before the run
// first touched it.
type op string

const (
	opCreated op = "created" // did not exist: undo removes it
	opTree    op = "tree"    // did not exist and came whole (a directory renamed here): undo removes it with its contents
	opSaved   op = "saved"   // a file that existed, copied to originals/N: undo puts the copy back
	opDir     op = "dir"     // a directory that existed, with its permissions: undo makes it again
)

// entry is one line of the journal.
type entry struct {
	op   op
	path string
	n    int         // opSaved: the number of the copy under originals/
	perm fs.FileMode // opDir
	line int
}

func (e entry) String() string {
	s := string(e.op) + " " + strconv.Quote(e.path)
	switch e.op {
	case opSaved:
		s += " " + strconv.Itoa(e.n)
	case opDir:
		s += " " + strconv.FormatUint(uint64(e.perm.Perm()), 8)
	}
	return s + "\n"
}

// Error is a problem of one of the world's files, at a line and column
// (1-based; 0 when the whole file is meant).
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// parseJournal reads a journal's text. It returns every entry it could
// read and an error for each line it could not (a damaged journal is
// undone as far as it can be read).
func parseJournal(data []byte) ([]entry, []error) {
	var out []entry
	var errs []error
	lines := bytes.Split(data, []byte("\n"))
	if len(lines) > 0 && len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 || string(lines[0]) != journalHeader {
		return nil, []error{&Error{File: Journal, Line: 1, Col: 1, Msg: "not an sdfp undo journal (the first line is not " + strconv.Quote(journalHeader) + ")"}}
	}
	for i, l := range lines[1:] {
		e, col, msg := parseEntry(string(l))
		if msg != "" {
			errs = append(errs, &Error{File: Journal, Line: i + 2, Col: col, Msg: msg})
			continue
		}
		e.line = i + 2
		out = append(out, e)
	}
	return out, errs
}

// parseEntry reads one line: OP "PATH" [N|PERM]. On a problem it returns
// the column and what is wrong.
func parseEntry(l string) (e entry, col int, problem string) {
	word, rest, _ := strings.Cut(l, " ")
	e.op = op(word)
	switch e.op {
	case opCreated, opTree, opSaved, opDir:
	default:
		return e, 1, fmt.Sprintf("unknown entry %q (created, tree, saved or dir)", word)
	}
	col = len(word) + 2
	q, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return e, col, "the path is not a quoted string"
	}
	e.path, _ = strconv.Unquote(q)
	if clean, ok := Clean(e.path); !ok || clean != e.path {
		return e, col, fmt.Sprintf("path %q is not a name inside the workdir", e.path)
	}
	col += len(q)
	rest = rest[len(q):]
	switch e.op {
	case opSaved, opDir:
		arg, ok := strings.CutPrefix(rest, " ")
		base := 10
		if e.op == opDir {
			base = 8
		}
		n, err := strconv.ParseUint(arg, base, 31)
		if !ok || err != nil || e.op == opDir && n > 0o777 {
			return e, col + 1, fmt.Sprintf("%s needs a number after the path", e.op)
		}
		e.n, e.perm = int(n), fs.FileMode(n)
	default:
		if rest != "" {
			return e, col, "nothing may follow the path"
		}
	}
	return e, 0, ""
}

// Clean gives a workdir path its one spelling (no "./", no "//") and
// reports whether it is a path the world may touch: inside the workdir
// and outside .sdfp/.
func Clean(name string) (string, bool) {
	p := path.Clean(name)
	if p == "." || path.IsAbs(p) || p == ".." || strings.HasPrefix(p, "../") {
		return p, false
	}
	if p == Dir || strings.HasPrefix(p, Dir+"/") {
		return p, false
	}
	return p, true
}

// readJournal reads the workdir's journal; a workdir without one has
// nothing to undo.
func readJournal(base afero.Fs) ([]entry, []error, bool) {
	data, err := dms.ReadFile(base, Journal, MaxJournalSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, false
	}
	if err != nil {
		return nil, []error{&Error{File: Journal, Msg: innermost(err).Error()}}, true
	}
	entries, errs := parseJournal(data)
	return entries, errs, true
}

func innermost(err error) error {
	var pe *fs.PathError
	for errors.As(err, &pe) {
		err = pe.Err
	}
	return err
}
