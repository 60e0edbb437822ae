package interp

import (
	"errors"
	"strings"

	"sdfp/builtins"
	"sdfp/hypervisor/bs2000/jv"
	"sdfp/parser/ast"
)

// Variable containers: DECLARE-VARIABLE ...,CONTAINER= links a variable
// to the place its contents are kept (SDF-P user guide, "Variable
// containers", page 141, V): another S variable (page 142, V) or a job
// variable (page 143, V).
//
//   - CONTAINER=*VARIABLE(VARIABLE-NAME=...): the variable and its
//     container are one value under two names; both must have the same
//     kind and type, and the container must live at least as long (a
//     task variable needs a task container). Here the two share one node.
//   - CONTAINER=*JV(JV-NAME=...): the value is the job variable's; every
//     read reads the JV, every assignment writes it. The variable must be
//     a simple STRING and its value at most 256 bytes; the variable's
//     scope makes no difference to the JV, which outlives the variable.
//     A JV that does not exist or was never written (256 X'EE', page 161)
//     is an uninitialized variable.
//
// The INITIAL-VALUE of a linked variable is given to the container only
// when the container holds no value yet (I: the pages do not say; a
// container is there to keep a value across declarations and runs).

// JVWriter writes job variables for variables with a JV container; the
// job environment implements it beside JVReader.
type JVWriter interface {
	WriteJV(name, value string) error
	DeleteJV(name string) error
}

// containerLink is what VARIABLE-ATTRIBUTE reports of a linked variable.
type containerLink struct {
	kind  string         // *VARIABLE or *JV
	name  string         // the container variable's or the job variable's name
	scope string         // the container variable's scope; *NONE for a JV (I)
	perm  *permContainer // a permanent container (vcontainers.go)
}

// linkContainer links a newly declared variable to the container its
// CONTAINER operand names. It reports whether the container already
// holds a value, which the INITIAL-VALUE must then leave alone.
func (r *Runner) linkContainer(v *variable, c *ast.Value) (bool, error) {
	if c == nil {
		return false, nil
	}
	switch c.Keyword {
	case "*VARIABLE":
		name := strings.ToUpper(c.Struct.Str("VARIABLE-NAME"))
		cv := r.lookup(name)
		if cv == nil {
			return false, containerNotDeclared.err(name)
		}
		if !sameShape(cv.node.t, v.node.t) {
			return false, containerOtherType.err(name, v.name)
		}
		if v.scope == "*TASK" && cv.scope != "*TASK" {
			return false, containerShorterLived.err(name, v.name)
		}
		v.node = cv.node
		v.box = &containerLink{kind: "*VARIABLE", name: cv.name, scope: cv.scope}
		return v.node.initialized(), nil
	case "*JV":
		if v.node.t.kind != simpleNode || v.node.t.typ != builtins.TypeString {
			return false, containerJVType.err(v.name)
		}
		name, err := jv.NormalName(c.Struct.Str("JV-NAME"))
		if err != nil {
			return false, jvFailure(err)
		}
		if _, ok := r.jvs.(JVWriter); !ok {
			return false, commandNotAvailable.err("CONTAINER=*JV")
		}
		v.node.setJV(name)
		v.box = &containerLink{kind: "*JV", name: name, scope: "*NONE"}
		r.loadContainer(v)
		return v.node.hasValue(), nil
	case "", "*STD":
	}
	if c.Keyword == "" && c.Str != "" {
		return r.linkPermanent(v, c.Str)
	}
	return false, nil
}

// loadContainer brings a JV-linked variable's value up to date with its
// job variable before the variable is read; others pass unchanged. A JV
// that cannot be read leaves the variable uninitialized (a read has no
// error path here; an assignment reports the JV's error).
func (r *Runner) loadContainer(v *variable) *variable {
	if v == nil || v.node.jvName() == "" {
		return v
	}
	v.node.set(nil)
	if r.jvs == nil {
		return v
	}
	if s, err := r.jvs.ReadJV(v.node.jvName()); err == nil && s != jv.Undefined {
		v.node.set(s)
	}
	return v
}

// storeJV writes an assignment to a JV-linked variable through to its
// job variable; the type check before it has made val a string.
func (r *Runner) storeJV(n *node, val any) error {
	s, _ := val.(string)
	w, ok := r.jvs.(JVWriter)
	if !ok {
		return commandNotAvailable.err("CONTAINER=*JV")
	}
	if err := w.WriteJV(n.jvName(), s); err != nil {
		return jvFailure(err)
	}
	return nil
}

// jvOutcomes maps the job variable store's errors to rows of the
// outcome table.
var jvOutcomes = map[string]outcomeID{
	jv.KeyPassword:   containerJVPassword,
	jv.KeyMonitored:  containerJVMonitored,
	jv.KeyTooLong:    containerJVTooLong,
	jv.KeyBadName:    containerJVBadName,
	jv.KeyStoreError: containerJVStore,
	jv.KeyReadError:  containerJVRead,
	jv.KeyNotFound:   containerJVNotFound,
}

func jvFailure(err error) error {
	var je *jv.Error
	if errors.As(err, &je) {
		if id, ok := jvOutcomes[je.Key]; ok {
			ins := make([]any, len(je.Inserts))
			for i, s := range je.Inserts {
				ins[i] = s
			}
			return id.err(ins...)
		}
	}
	return internalError.err(err.Error())
}

// containerAttribute answers VARIABLE-ATTRIBUTE's *CONTAINER,
// *CONTAINER-NAME and *CONTAINER-SCOPE for a linked variable (page 361,
// V: *CONTAINER is '*STD', '*VARIABLE', '*JV' or a container name).
func containerAttribute(v *variable, attr builtins.Keyword) (string, bool) {
	if v.box == nil {
		return "", false
	}
	switch attr {
	case "*CONTAINER":
		return v.box.kind, true
	case "*CONTAINER-NAME":
		return v.box.name, true
	case "*CONTAINER-SCOPE":
		return v.box.scope, true
	}
	return "", false
}

// destroyContainer deletes the job variable a variable is kept in
// (FREE-VARIABLE ...,DESTROY-CONTAINER=*YES; page 143, V: a JV container
// outlives its variable unless it is destroyed so). Other containers are
// left alone (I).
func (r *Runner) destroyContainer(v *variable) error {
	if v.node.jvName() == "" {
		return nil
	}
	w, ok := r.jvs.(JVWriter)
	if !ok {
		return commandNotAvailable.err("CONTAINER=*JV")
	}
	if err := w.DeleteJV(v.node.jvName()); err != nil {
		return jvFailure(err)
	}
	v.node.set(nil)
	return nil
}

// releaseJV: FREE-VARIABLE releases a variable from its job variable
// (free gives the variable a fresh node); the JV keeps its value unless
// DESTROY-CONTAINER=*YES deleted it (I: the variable is then an ordinary
// uninitialized one, as a freed variable is).
func releaseJV(v *variable) {
	if v.box != nil && v.box.kind == "*JV" && v.node.jvName() == "" {
		v.box = nil
	}
}
