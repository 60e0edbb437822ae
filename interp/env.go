package interp

import (
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/spf13/afero"

	"sdfp/builtins"
	"sdfp/hypervisor/bs2000/jv"
	"sdfp/hypervisor/msg"
)

// builtinEnv is what builtin functions see of the run.
type builtinEnv struct{ r *Runner }

func (r *Runner) builtinEnv() builtinEnv { return builtinEnv{r} }

func (e builtinEnv) Now() time.Time { return e.r.clock.Now() }

func (e builtinEnv) ReturnCode() (int, int, string) {
	rc := e.r.frame.saved
	return rc.SC1, rc.SC2, rc.Main
}

// JVReader reads job variables for JV() and JV conditions.
type JVReader interface {
	ReadJV(name string) (string, error)
}

func (e builtinEnv) JV(name string) (string, error) {
	if e.r.jvs == nil {
		return "", &jv.Error{Key: jv.KeyNotFound, Inserts: []string{strings.ToUpper(name)}}
	}
	return e.r.jvs.ReadJV(name)
}

func (e builtinEnv) Message(key, lang string, inserts []string) (string, bool) {
	return e.r.messages.Text(key, lang, inserts)
}

func (e builtinEnv) Language() string { return e.r.lang }

func (e builtinEnv) Variables() builtins.VariableInfo { return varInfo{e.r} }

// Task: a run of procedures is a batch task, `sdfp dialog` an
// interactive one, procedures called from it included [V UG-350].
func (e builtinEnv) Task() builtins.TaskInfo {
	mode := "BATCH"
	if e.r.dialogTask {
		mode = "DIALOG"
	}
	return builtins.TaskInfo{TSN: e.r.tsn, UserID: e.r.user, TaskMode: mode}
}

// Warn prints a function's warning message on SYSOUT; it is no error.
func (e builtinEnv) Warn(m msg.Message) { e.r.print(m) }

// WithSoftware gives the installation's software inventory (IMON's SCI)
// that INSTALLATION-PATH reads; without it no product is registered.
func WithSoftware(inv []builtins.Software) Option { return func(r *Runner) { r.software = inv } }

func (e builtinEnv) Software() []builtins.Software { return e.r.software }

// LibraryElements reads a library of the workdir, a directory named like
// the library (as written or in lower case), for IS-LIBRARY-ELEMENT: the
// names of the regular files in its subdirectory for the element type
// (as written or in lower case). Only directories are listed, so a FIFO
// or a device in their place is never opened.
func (e builtinEnv) LibraryElements(library, typ string) ([]string, error) {
	lib, err := e.dirNamed("", library)
	if err != nil {
		return nil, err
	}
	dir, err := e.dirNamed(lib, typ)
	if err != nil {
		return nil, nil // the library holds no element of that type
	}
	infos, err := afero.ReadDir(e.r.fs, dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, fi := range infos {
		if fi.Mode().IsRegular() {
			names = append(names, fi.Name())
		}
	}
	return names, nil
}

// dirNamed finds the directory name (as written, else in lower case)
// in parent: fs.ErrNotExist when there is none, an error when the name
// is something else than a directory.
func (e builtinEnv) dirNamed(parent, name string) (string, error) {
	for _, cand := range []string{name, strings.ToLower(name)} {
		p := cand
		if parent != "" {
			p = parent + "/" + cand
		}
		fi, err := e.r.fs.Stat(p)
		if err != nil {
			continue
		}
		if !fi.IsDir() {
			return "", fmt.Errorf("%s is no library: %w", p, errNotLibrary)
		}
		return p, nil
	}
	return "", fs.ErrNotExist
}

// errNotLibrary: the file of a library's name is not a directory.
var errNotLibrary = fmt.Errorf("not a directory")

// varInfo answers the variable functions (IS-DECLARED, VARIABLE-ATTRIBUTE ...).
type varInfo struct{ r *Runner }

func (vi varInfo) IsDeclared(name string, scope builtins.Keyword) bool {
	n, err := varName(name)
	if err != nil {
		return false
	}
	root := n.Parts[0].Name
	switch scope {
	case "*TASK":
		return vi.r.globals.vars[root] != nil
	case "*CALLING-PROCEDURES":
		return vi.r.importable(root) != nil
	}
	_, _, ok := vi.r.find(name)
	return ok
}

func (vi varInfo) IsInitialized(name string) bool {
	_, n, ok := vi.r.find(name)
	return ok && n.initialized()
}

func (vi varInfo) Attribute(name string, attr builtins.Keyword) (string, bool) {
	v, n, ok := vi.r.find(name)
	if !ok {
		return "", false
	}
	if s, ok := containerAttribute(v, attr); ok {
		return s, true
	}
	switch attr {
	case "*MULTIPLE-ELEMENTS":
		if n.t.kind == listNode || n.t.kind == arrayNode {
			return n.t.kindName(), true
		}
		return "*NO", true
	case "*SCOPE":
		return v.scope, true
	case "*CONTAINER", "*CONTAINER-SCOPE":
		return "*STD", true
	case "*CONTAINER-NAME":
		return "*NONE", true
	case "*STRUCTURE-INFO":
		if n.t.kind == structNode {
			if n.t.dynamic {
				return "*DYNAMIC", true
			}
			return "*BY-LAYOUT", true
		}
		return "*NONE", true
	}
	t := n.t
	for t.kind == listNode || t.kind == arrayNode {
		t = t.elem
	}
	if t.kind == structNode {
		return "*STRUCTURE", true
	}
	return "*" + t.typ.String(), true
}

func (vi varInfo) FirstName(name string) string {
	_, n, ok := vi.r.find(name)
	if !ok {
		return "*END"
	}
	names := elementNames(strings.TrimSuffix(strings.ToUpper(name), "#"), n)
	if len(names) == 0 {
		return "*END"
	}
	return names[0]
}

func (vi varInfo) NextName(name string) string {
	up := strings.ToUpper(name)
	cut := strings.LastIndexAny(up, ".#")
	if cut <= 0 {
		return "*END" // a top-level variable has no next sibling
	}
	parent := up[:cut]
	_, n, ok := vi.r.find(parent)
	if !ok {
		return "*END"
	}
	names := elementNames(parent, n)
	for i, s := range names {
		if s == up && i+1 < len(names) {
			return names[i+1]
		}
	}
	return "*END"
}

func (vi varInfo) Size(name string) (int, bool) {
	_, n, ok := vi.r.find(name)
	if !ok {
		return 0, false
	}
	switch n.t.kind {
	case listNode:
		return len(n.elems), true
	case arrayNode:
		return len(n.cells), true
	case structNode:
		return len(n.fieldOrder()), true
	}
	return 0, true
}

func (vi varInfo) Elements(name string) ([]any, bool) {
	_, n, ok := vi.r.find(name)
	if !ok || n.t.kind != listNode {
		return nil, false
	}
	out := make([]any, len(n.elems))
	for i, e := range n.elems {
		if e.t.kind == simpleNode {
			out[i] = e.value()
		}
	}
	return out, true
}

func (vi varInfo) CurrentType(name string) (builtins.Type, bool) {
	_, n, ok := vi.r.find(name)
	if !ok {
		return builtins.TypeAny, false
	}
	if n.t.kind == simpleNode && n.hasValue() {
		return builtins.TypeOf(n.value()), true
	}
	return builtins.TypeAny, true
}
