// Package files executes BS2000's file commands on the files of the
// run's workdir: CREATE-FILE, DELETE-FILE, COPY-FILE,
// MODIFY-FILE-ATTRIBUTES (NEW-NAME), SHOW-FILE-ATTRIBUTES, and the task's
// link names (ADD-FILE-LINK, REMOVE-FILE-LINK, SHOW-FILE-LINK).
//
// A BS2000 file name maps onto the workdir as the interpreter maps
// procedure and SYSLST names: :CATID:$USERID.NAME is a file of the task's
// own catalog and user ID (others are not cataloged here), and NAME is the
// workdir file of that name as written (in capitals), else in lower case,
// else in lower case with ".proc" appended; a file this package creates
// gets the name in capitals. Going the other way, for wildcards and
// listings, every regular file of the workdir's top directory whose name
// in capitals is a BS2000 file name is a file of the task's user ID;
// hidden files (sdfp's own, such as its temporary files and the
// attribute catalog) and directories (JV/) are not. Every write goes
// through the session's file system and replaces files atomically
// (package dms).
package files

import (
	"context"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer/ebcdic"
	"sdfp/parser/ast"
)

// PageSize is the size of a PAM page, the unit of FILE-SIZE: 2 KB (I).
const PageSize = 2048

// MaxCopy is the largest file COPY-FILE copies, sdfp's limit.
const MaxCopy = 64 << 20

// Files is the executor of the file commands, shared by the tasks of a
// run.
type Files struct {
	fs        afero.Fs
	now       func() time.Time
	Cat, User string // the task's catalog ID and user ID
	skip      map[string]bool

	mu    sync.Mutex
	links map[string]map[string]string // task -> link name -> file name
	attrs *attrCatalog
}

// New returns the file commands' executor on fsys, the workdir; now is
// the virtual clock (creation dates).
func New(fsys afero.Fs, now func() time.Time, cat, user string) *Files {
	return &Files{fs: fsys, now: now, Cat: strings.ToUpper(cat), User: strings.ToUpper(user),
		skip: map[string]bool{}, links: map[string]map[string]string{}, attrs: newAttrCatalog(fsys)}
}

var commands = map[string]func(*Files, *handler.Request) handler.Result{
	"CREATE-FILE":            (*Files).createFile,
	"DELETE-FILE":            (*Files).deleteFile,
	"COPY-FILE":              (*Files).copyFile,
	"MODIFY-FILE-ATTRIBUTES": (*Files).modifyFile,
	"SHOW-FILE-ATTRIBUTES":   (*Files).showFile,
	"ADD-FILE-LINK":          (*Files).addLink,
	"REMOVE-FILE-LINK":       (*Files).removeLink,
	"SHOW-FILE-LINK":         (*Files).showLink,
}

// Without leaves commands to another executor: the site commands of an
// installation file that redeclare a file command win over it.
func (f *Files) Without(names []string) *Files {
	for _, n := range names {
		f.skip[n] = true
	}
	return f
}

// Commands implements handler.Executor.
func (f *Files) Commands() []string {
	var out []string
	for _, n := range handler.Names(commands) {
		if !f.skip[n] {
			out = append(out, n)
		}
	}
	return out
}

// Handle implements handler.Handler.
func (f *Files) Handle(_ context.Context, req *handler.Request) (handler.Result, bool) {
	fn := commands[req.Name]
	if fn == nil || f.skip[req.Name] {
		return handler.Result{}, false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return fn(f, req), true
}

// full is the full name of a file of the task's user ID.
func (f *Files) full(file string) string { return f.qualify(Name{File: file}) }

// qualify is a name with the task's catalog and user ID where it gives
// none.
func (f *Files) qualify(n Name) string {
	if n.Cat == "" {
		n.Cat = f.Cat
	}
	if n.User == "" {
		n.User = f.User
	}
	return n.String()
}

// own reports whether a name's catalog and user ID are the task's.
func (f *Files) own(cat, user string) bool {
	return (cat == "" || cat == f.Cat) && (user == "" || user == f.User)
}

// host finds the workdir file of a BS2000 file name (see the package
// comment); ok is false when there is none.
func (f *Files) host(file string) (string, bool) {
	for _, cand := range []string{file, strings.ToLower(file), strings.ToLower(file) + ".proc"} {
		// Lstat: a symbolic link is no regular file, as listings skip it
		if fi, err := dms.Lstat(f.fs, cand); err == nil && fi.Mode().IsRegular() {
			return cand, true
		}
	}
	// any other spelling whose capitals are the name, as a listing shows
	// it (Data.B is DATA.B): the directory is read only when the usual
	// spellings miss
	if infos, err := afero.ReadDir(f.fs, "."); err == nil {
		for _, fi := range infos {
			if h := fi.Name(); strings.ToUpper(h) == file && !strings.HasPrefix(h, ".") && fi.Mode().IsRegular() {
				return h, true
			}
		}
	}
	return file, false
}

// Exists reports whether a file name (no wildcards) names a file of the
// task's user ID: the question IS-CATALOGED-FILE and the like ask.
func (f *Files) Exists(name string) bool {
	n, err := ParseName(name)
	if err != nil || !f.own(n.Cat, n.User) {
		return false
	}
	_, ok := f.host(n.File)
	return ok
}

// entry is a file of the user ID as a listing shows it.
type entry struct {
	name, host string
	size       int64
}

// list returns the files a pattern selects, in the collating order.
func (f *Files) list(p *Pattern) ([]entry, error) {
	if !f.own(p.Cat, p.User) {
		return nil, nil
	}
	if lit := p.Literal(); lit != "" {
		host, ok := f.host(lit)
		if !ok {
			return nil, nil
		}
		fi, err := f.fs.Stat(host)
		if err != nil {
			return nil, err
		}
		return []entry{{lit, host, fi.Size()}}, nil
	}
	infos, err := afero.ReadDir(f.fs, ".")
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []entry
	for _, fi := range infos {
		h := fi.Name()
		name := strings.ToUpper(h)
		if strings.HasPrefix(h, ".") || !fi.Mode().IsRegular() || !validFile(name) || seen[name] || !p.Match(name) {
			continue
		}
		seen[name] = true
		out = append(out, entry{name, h, fi.Size()})
	}
	slices.SortFunc(out, func(a, b entry) int { return ebcdic.Compare(a.name, b.name) })
	return out, nil
}

// pages is a file's size in PAM pages.
func pages(size int64) int64 { return (size + PageSize - 1) / PageSize }

// fileName unpacks a file name operand that has no wildcards.
func (f *Files) fileName(a *ast.Args, operand string) (Name, *handler.Result) {
	var s string
	a.Unpack(operand, &s)
	n, err := ParseName(s)
	if err != nil {
		r := outcomes[badName].Result(s)
		return Name{}, &r
	}
	return n, nil
}

// ownFile unpacks the name of a file of the task's user ID: another
// catalog's or user ID's file is not cataloged in the run's world.
func (f *Files) ownFile(a *ast.Args, operand string) (Name, *handler.Result) {
	n, bad := f.fileName(a, operand)
	if bad == nil && !f.own(n.Cat, n.User) {
		r := outcomes[notCataloged].Result(f.qualify(n))
		return n, &r
	}
	return n, bad
}

// pattern unpacks a file name operand that may hold wildcards.
func pattern(a *ast.Args, operand string) (*Pattern, string, *handler.Result) {
	var v *ast.Value
	a.Unpack(operand, &v)
	s := ""
	if v != nil {
		s = v.Str
		if s == "" {
			s = v.Raw
		}
	}
	p, err := ParsePattern(s)
	if err != nil {
		r := outcomes[badName].Result(s)
		return nil, s, &r
	}
	return p, s, nil
}

// failure is the result of a workdir operation that failed.
func (f *Files) failure(file string, err error) handler.Result {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return outcomes[notProcessed].Result(f.full(file), strings.ToUpper(err.Error()))
}

func (f *Files) createFile(req *handler.Request) handler.Result {
	n, bad := f.ownFile(req.Args, "FILE-NAME")
	if bad != nil {
		return *bad
	}
	if _, ok := f.host(n.File); ok {
		return outcomes[alreadyExists].Result(f.full(n.File))
	}
	if err := dms.WriteFile(f.fs, n.File, nil); err != nil {
		return f.failure(n.File, err)
	}
	f.attrs.createdAt(n.File, f.now())
	return handler.Result{RC: handler.OK}
}

func (f *Files) deleteFile(req *handler.Request) handler.Result {
	p, written, bad := pattern(req.Args, "FILE-NAME")
	if bad != nil {
		return *bad
	}
	var output ast.Keyword
	var suppress *ast.Value
	req.Args.Unpack("OUTPUT", &output, "SUPPRESS-ERRORS", &suppress)
	ignoreMissing, ignoreEmpty := false, false
	for _, v := range valuesOf(suppress) {
		switch v.Keyword {
		case "*FILE-NOT-EXISTING":
			ignoreMissing, ignoreEmpty = true, true
		case "*EMPTY-FILE-SET":
			ignoreEmpty = true
		}
	}
	found, err := f.list(p)
	if err != nil {
		return f.failure(written, err)
	}
	if len(found) == 0 {
		switch {
		case p.Literal() != "" && ignoreMissing, p.Literal() == "" && ignoreEmpty:
			return handler.Result{RC: handler.OK}
		case p.Literal() != "":
			return outcomes[notCataloged].Result(f.qualify(Name{Cat: p.Cat, User: p.User, File: p.Literal()}))
		}
		return outcomes[emptyFileSet].Result(f.qualify(Name{Cat: p.Cat, User: p.User, File: p.File}))
	}
	var lines []msg.Message
	for _, e := range found {
		if err := dms.Remove(f.fs, e.host); err != nil {
			r := f.failure(e.name, err)
			r.Output = append(handler.ToSyslst(req.Task, string(output), lines), r.Output...) // the error is SYSOUT's
			return r
		}
		f.attrs.removed(e.name)
		if output != "*NONE" && output != "" {
			lines = append(lines, msg.Plain(f.full(e.name)))
		}
	}
	return handler.Result{RC: handler.OK, Output: handler.ToSyslst(req.Task, string(output), lines)}
}

// valuesOf is the elements of a list operand (one value is a list of one).
func valuesOf(v *ast.Value) []*ast.Value {
	switch {
	case v == nil:
		return nil
	case v.IsList:
		return v.List
	}
	return []*ast.Value{v}
}

func (f *Files) copyFile(req *handler.Request) handler.Result {
	from, bad := f.ownFile(req.Args, "FROM-FILE")
	if bad != nil {
		return *bad
	}
	to, bad := f.ownFile(req.Args, "TO-FILE")
	if bad != nil {
		return *bad
	}
	var replace ast.Keyword
	req.Args.Unpack("REPLACE", &replace)
	src, ok := f.host(from.File)
	if !ok {
		return outcomes[notCataloged].Result(f.full(from.File))
	}
	dst, exists := f.host(to.File)
	if exists && replace != "*YES" {
		return outcomes[alreadyExists].Result(f.full(to.File))
	}
	data, err := dms.ReadFile(f.fs, src, MaxCopy)
	if err != nil {
		return f.failure(from.File, err)
	}
	if err := dms.WriteFile(f.fs, dst, data); err != nil {
		return f.failure(to.File, err)
	}
	f.attrs.createdAt(to.File, f.now())
	return handler.Result{RC: handler.OK}
}

func (f *Files) modifyFile(req *handler.Request) handler.Result {
	n, bad := f.ownFile(req.Args, "FILE-NAME")
	if bad != nil {
		return *bad
	}
	src, ok := f.host(n.File)
	if !ok {
		return outcomes[notCataloged].Result(f.full(n.File))
	}
	var kw ast.Keyword
	req.Args.Unpack("NEW-NAME", &kw)
	if kw == "*SAME" {
		return handler.Result{RC: handler.OK}
	}
	to, bad := f.ownFile(req.Args, "NEW-NAME")
	if bad != nil {
		return *bad
	}
	if dst, exists := f.host(to.File); exists {
		if dst == src {
			return handler.Result{RC: handler.OK}
		}
		return outcomes[alreadyExists].Result(f.full(to.File))
	}
	if err := f.fs.Rename(src, to.File); err != nil {
		return f.failure(n.File, err)
	}
	// the spare kept for the old name holds old content of no file now
	f.fs.Remove("." + src + dms.SpareSuffix)
	f.attrs.renamed(n.File, to.File)
	return handler.Result{RC: handler.OK}
}
