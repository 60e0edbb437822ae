package interp

import (
	"errors"
	"strings"

	"sdfp/builtins"
	"sdfp/hypervisor/bs2000/vcont"
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// Permanent variable containers: OPEN-VARIABLE-CONTAINER opens an
// element of type SYSVCONT in a library, whose variables outlive the task
// (SDF-P user guide, page 409, V; page 142, V: such a container is closed
// by CLOSE-VARIABLE-CONTAINER or implicitly). The library is a file of
// the workdir (package vcont). What the stored pages do not say, and
// sdfp does (I):
//
//   - the container's variables are held by the container; the variables
//     AUTOMATIC-DECLARE declares in SCOPE, and those DECLARE-VARIABLE
//     ...,CONTAINER=<container name> links to it, share their values;
//   - SAVE-VARIABLE-CONTAINER writes them into the element;
//     CLOSE-VARIABLE-CONTAINER writes them back when the container was
//     opened with LOCK-ELEMENT=*YES (opened for input and output), then
//     removes the variables declared from it; with SCOPE=*TASK and
//     SAVE-AT-TERMINATION=*YES the container is written when the run
//     ends;
//   - a container opened with SCOPE=*CURRENT or *PROCEDURE is closed,
//     without being written, when the procedure that opened it has
//     ended;
//   - a container keeps simple variables and lists of simple values.

// permContainer is an open permanent container.
type permContainer struct {
	name, library, element string
	lock                   bool // LOCK-ELEMENT=*YES
	saveAtEnd              bool // SCOPE=*TASK(SAVE-AT-TERMINATION=*YES)
	scopeName              string
	scope                  *scope // where AUTOMATIC-DECLARE declares
	owner                  *frame // the procedure level that opened it; nil: the task
	vars                   map[string]*node
	order                  []string
}

// openContainer returns the open container of that name, forgetting one
// whose procedure has ended.
func (r *Runner) openContainer(name string) *permContainer {
	c := r.containers[name]
	if c == nil || c.owner == nil {
		return c
	}
	for f := r.frame; f != nil; f = f.parent {
		if f == c.owner {
			return c
		}
	}
	delete(r.containers, name)
	return nil
}

func (r *Runner) openVariableContainer(cmd *ast.Command) (handler.Result, *signal) {
	a := cmd.Args
	name := strings.ToUpper(a.Str("CONTAINER-NAME"))
	if r.openContainer(name) != nil {
		return containerAlreadyOpen.result(name), nil
	}
	from := a.Struct("FROM-FILE")
	library := from.Str("LIBRARY")
	element := name
	if e := from.Get("ELEMENT"); e != nil && e.Keyword != "*CONTAINER-NAME" && e.Str != "" {
		element = strings.ToUpper(e.Str)
	}
	host, _ := r.hostName(library)
	elems, err := vcont.Read(r.fs, host)
	if err != nil {
		return fileNotOpened.result(library, fileFailure(err)), nil
	}
	el, _ := vcont.Find(elems, element)
	c := &permContainer{name: name, library: host, element: element, lock: a.Keyword("LOCK-ELEMENT") == "*YES",
		vars: map[string]*node{}}
	switch a.Keyword("SCOPE") {
	case "*TASK":
		c.scopeName, c.scope = "*TASK", r.globals
		if s := a.Struct("SCOPE"); s != nil {
			c.saveAtEnd = s.Keyword("SAVE-AT-TERMINATION") == "*YES"
		}
	case "*PROCEDURE":
		c.scopeName, c.scope, c.owner = "*PROCEDURE", r.procedureScope(), r.frame
	default:
		c.scopeName, c.scope, c.owner = "*PROCEDURE", r.frame.locals, r.frame
	}
	for _, v := range el.Vars {
		// the library is read by a layer below the name syntax
		if !builtins.ValidVariableName(v.Name) || strings.ContainsAny(v.Name, ".#") {
			return fileNotOpened.result(library, msg.New("container-variable-name", element, v.Name)), nil
		}
		n := nodeOfStored(v)
		if err := r.charge(n.size()); err != nil {
			return resultOf(err), nil
		}
		c.vars[v.Name] = n
		c.order = append(c.order, v.Name)
	}
	for _, vn := range autoDeclared(a, c.order) {
		if err := r.declareFromContainer(c, vn); err != nil {
			return resultOf(err), nil
		}
	}
	if r.containers == nil {
		r.containers = map[string]*permContainer{}
	}
	r.containers[name] = c
	return done, nil
}

// autoDeclared lists the container variables AUTOMATIC-DECLARE names:
// *ALL every one, *NONE none, a list those of its names the container
// holds.
func autoDeclared(a *ast.Args, held []string) []string {
	var names []string
	for _, item := range declaredItems(a, "AUTOMATIC-DECLARE") {
		switch item.Keyword {
		case "*ALL":
			return held
		case "*NONE":
			return nil
		}
		names = append(names, strings.ToUpper(item.Str))
	}
	var out []string
	for _, n := range names {
		for _, h := range held {
			if h == n {
				out = append(out, n)
			}
		}
	}
	return out
}

// declareFromContainer declares a container variable in the container's
// scope, sharing the container's value; a variable already declared
// there with the same attributes is linked to it.
func (r *Runner) declareFromContainer(c *permContainer, name string) error {
	n := c.vars[name]
	box := &containerLink{kind: c.name, name: c.name, scope: c.scopeName, perm: c}
	v := c.scope.vars[name]
	if v != nil {
		if !sameShape(v.node.t, n.t) {
			return varOtherAttributes.err(name)
		}
		v.node, v.box = n, box
	} else {
		if err := r.newVariable(name, n); err != nil {
			return err
		}
		v = &variable{name: name, node: n, scope: c.scopeName, box: box}
		c.scope.set(name, v)
	}
	if c.scope == r.globals {
		// declared with SCOPE=*TASK, as DECLARE-VARIABLE would: visible
		// at the level that opened the container (UG-139)
		r.frame.locals.borrow(name, v)
	}
	return nil
}

// linkPermanent links a variable DECLARE-VARIABLE declares with
// CONTAINER=<container name> to that open container: to the container's
// variable of the same name, or as a new variable of the container. It
// reports whether the container already holds a value for it.
func (r *Runner) linkPermanent(v *variable, container string) (bool, error) {
	name := strings.ToUpper(container)
	c := r.openContainer(name)
	if c == nil {
		return false, containerNotOpen.err(name)
	}
	if !storable(v.node.t) {
		return false, containerUnsupported.err(v.name, v.node.t.kindName())
	}
	if n := c.vars[v.name]; n != nil {
		if !sameShape(n.t, v.node.t) {
			return false, varOtherAttributes.err(v.name)
		}
		v.node = n
	} else {
		c.vars[v.name] = v.node
		c.order = append(c.order, v.name)
	}
	v.box = &containerLink{kind: c.name, name: c.name, scope: c.scopeName, perm: c}
	return v.node.initialized(), nil
}

func (r *Runner) saveVariableContainer(cmd *ast.Command) (handler.Result, *signal) {
	name := strings.ToUpper(cmd.Args.Str("CONTAINER-NAME"))
	c := r.openContainer(name)
	if c == nil {
		return containerNotOpen.result(name), nil
	}
	if err := r.writeContainer(c); err != nil {
		return resultOf(err), nil
	}
	return done, nil
}

func (r *Runner) closeVariableContainer(cmd *ast.Command) (handler.Result, *signal) {
	name := strings.ToUpper(cmd.Args.Str("CONTAINER-NAME"))
	c := r.openContainer(name)
	if c == nil {
		return containerNotOpen.result(name), nil
	}
	if c.lock {
		if err := r.writeContainer(c); err != nil {
			return resultOf(err), nil
		}
	}
	for vn, v := range c.scope.vars {
		switch {
		case v.box == nil || v.box.perm != c:
		case c.scope == r.globals:
			r.dropTaskVariable(vn, v) // the levels that see it forget it too
		default:
			c.scope.unbind(vn)
		}
	}
	delete(r.containers, name)
	return done, nil
}

// writeContainer writes a container's variables into its element.
func (r *Runner) writeContainer(c *permContainer) error {
	el := vcont.Element{Name: c.element}
	for _, vn := range c.order {
		el.Vars = append(el.Vars, storedOfNode(vn, c.vars[vn]))
	}
	if err := vcont.Save(r.fs, c.library, el); err != nil {
		if errors.Is(err, vcont.ErrNotText) {
			return containerNotText.err(c.name)
		}
		return fileNotWritten.err(c.library, fileFailure(err))
	}
	return nil
}

// saveContainersAtEnd writes the containers opened with
// SAVE-AT-TERMINATION=*YES when the run ends; a container that cannot be
// written is reported with the system files that could not be.
func (r *Runner) saveContainersAtEnd() {
	for _, c := range r.containers {
		if !c.saveAtEnd {
			continue
		}
		if err := r.writeContainer(c); err != nil {
			r.syslst.failed = append(r.syslst.failed, outcomes[fileNotWritten].Message(c.library, openFailure(err)))
		}
	}
	r.containers = nil
}

// storable: what a container keeps.
func storable(t *template) bool {
	return t.kind == simpleNode || t.kind == listNode && t.elem.kind == simpleNode
}

var typeByName = map[string]builtins.Type{
	"ANY": builtins.TypeAny, "STRING": builtins.TypeString, "INTEGER": builtins.TypeInteger, "BOOLEAN": builtins.TypeBoolean,
}

func nodeOfStored(v vcont.Var) *node {
	simple := &template{kind: simpleNode, typ: typeByName[v.Type]}
	if !v.List {
		return &node{t: simple, val: v.Value}
	}
	n := &node{t: &template{kind: listNode, elem: simple}}
	for _, x := range v.Elems {
		n.elems = append(n.elems, &node{t: simple, val: x})
	}
	return n
}

func storedOfNode(name string, n *node) vcont.Var {
	if n.t.kind == listNode {
		v := vcont.Var{Name: name, Type: n.t.elem.typ.String(), List: true}
		for _, e := range n.elems {
			if e.hasValue() {
				v.Elems = append(v.Elems, e.value())
			}
		}
		return v
	}
	return vcont.Var{Name: name, Type: n.t.typ.String(), Value: n.value()}
}
