package interp

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"sdfp/builtins"
	"sdfp/parser/ast"
)

// S variables. A variable is a tree of nodes: a simple node holds a value
// (nil: not initialized); a list holds elements numbered 1..n without gaps;
// an array holds elements by index within its bounds, sparsely; a structure
// holds named elements in declaration order.

type nodeKind int

const (
	simpleNode nodeKind = iota
	listNode
	arrayNode
	structNode
)

// template describes what a node (or every element of a list or array)
// is: its kind, the type of simple values, and for lists and arrays the
// template of their elements.
type template struct {
	kind     nodeKind
	typ      builtins.Type // type of a simple node
	dynamic  bool          // a structure that grows on assignment
	elem     *template     // list and array elements
	lower    int           // array bounds
	upper    int
	bounded  bool // array has an upper bound
	limit    int  // list limit, 0 = none
	elements []namedTemplate
}

type namedTemplate struct {
	name string
	t    *template
}

type node struct {
	t *template
	// A simple node's value: nil (not initialized), or val, or with
	// isNum the integer num, with isStr the string str, which an
	// assignment stores without boxing it (issue 18); val then caches
	// the box once the value is read as an interface. Read and write
	// through value, intValue, strValue, set, setInt, setStr.
	val    any
	num    int
	isNum  bool
	isStr  bool
	str    string
	elems  []*node          // list
	cells  map[int]*node    // array
	fields map[string]*node // structure
	order  *[]string        // structure element order (fieldOrder, addField): a pointer, so that str fits
	// ext holds what few nodes have, so that a node stays in Go's
	// 112-byte size class with num and isNum: every variable and element
	// is a node (see BenchmarkVariableBytes).
	ext *nodeExt
}

type nodeExt struct {
	room *listRoom // a list that elements were put in front of
	jv   string    // CONTAINER=*JV: the job variable that holds the value (containers.go)
}

// jvName is the job variable that holds a node's value, "" when it has
// none.
func (n *node) jvName() string {
	if n.ext == nil {
		return ""
	}
	return n.ext.jv
}

// setJV makes a job variable the node's container ("": none).
func (n *node) setJV(name string) {
	if n.ext == nil {
		n.ext = &nodeExt{}
	}
	n.ext.jv = name
}

// listRoom is the backing array of a list's elements with free room in
// front of them, so that WRITE-MODE=*PREFIX does not copy the whole list
// at every element (100,000 elements prefixed one by one took 45 s).
type listRoom struct {
	backing []*node // elems is backing[front:front+len(elems)] while it has not moved
	front   int
}

// prepend puts e before a list's first element, in amortized constant
// time: into the room in front of the elements while elems still lies
// in the backing array there, else into a new backing array with as much
// room in front of the elements as behind them.
func (n *node) prepend(e *node) {
	var m *listRoom
	if n.ext != nil {
		m = n.ext.room
	}
	if m != nil && m.front > 0 && len(n.elems) > 0 && &m.backing[m.front] == &n.elems[0] {
		m.front--
		m.backing[m.front] = e
		n.elems = m.backing[m.front : m.front+len(n.elems)+1]
		return
	}
	size := 2*len(n.elems) + 8
	backing := make([]*node, size)
	front := (size - len(n.elems) - 1) / 2
	backing[front] = e
	copy(backing[front+1:], n.elems)
	n.elems = backing[front : front+1+len(n.elems)]
	if n.ext == nil {
		n.ext = &nodeExt{}
	}
	n.ext.room = &listRoom{backing: backing, front: front}
}

// value is a simple node's value, nil when it is not initialized.
func (n *node) value() any {
	if n.val == nil {
		switch {
		case n.isNum:
			n.val = n.num
		case n.isStr:
			n.val = n.str
		}
	}
	return n.val
}

// strValue is a simple node's value when it is a string.
func (n *node) strValue() (string, bool) {
	if n.isStr {
		return n.str, true
	}
	s, ok := n.val.(string)
	return s, ok
}

// fieldOrder is a structure's element names in their order.
func (n *node) fieldOrder() []string {
	if n.order == nil {
		return nil
	}
	return *n.order
}

// addField puts a structure's element name after the others.
func (n *node) addField(name string) {
	if n.order == nil {
		n.order = new([]string)
	}
	*n.order = append(*n.order, name)
}

// intValue is a simple node's value when it is an integer.
func (n *node) intValue() (int, bool) {
	if n.isNum {
		return n.num, true
	}
	x, ok := n.val.(int)
	return x, ok
}

// bytes is what the variable limit counts for a simple node's value.
func (n *node) bytes() int64 {
	if n.isStr {
		return int64(len(n.str))
	}
	if n.val == nil {
		return 0
	}
	return valueBytes(n.val)
}

// set stores a simple node's value (nil: not initialized).
func (n *node) set(v any) { n.val, n.num, n.isNum, n.str, n.isStr = v, 0, false, "", false }

// setStr stores a string without boxing it.
func (n *node) setStr(s string) {
	if n.val != nil { // a pointer written costs a write barrier while the GC runs
		n.val = nil
	}
	n.num, n.isNum, n.str, n.isStr = 0, false, s, true
}

// setInt stores an integer without boxing it.
func (n *node) setInt(x int) {
	if n.val != nil { // a pointer written costs a write barrier while the GC runs
		n.val = nil
	}
	n.num, n.isNum = x, true
	if n.isStr {
		n.str, n.isStr = "", false
	}
}

// hasValue reports whether a simple node is initialized.
func (n *node) hasValue() bool { return n.isNum || n.isStr || n.val != nil }

func newNode(t *template) *node {
	n := &node{t: t}
	switch t.kind {
	case arrayNode:
		n.cells = map[int]*node{}
	case structNode:
		n.fields = map[string]*node{}
		for _, e := range t.elements {
			n.fields[e.name] = newNode(e.t)
			n.addField(e.name)
		}
	}
	return n
}

// clone copies a node deeply (assignment of complex variables and FOR
// over a list of structures copy values, they do not alias).
func (n *node) clone() *node {
	c := &node{t: n.t, val: n.val, num: n.num, isNum: n.isNum, str: n.str, isStr: n.isStr}
	for _, e := range n.elems {
		c.elems = append(c.elems, e.clone())
	}
	if n.cells != nil {
		c.cells = make(map[int]*node, len(n.cells))
		for k, v := range n.cells {
			c.cells[k] = v.clone()
		}
	}
	if n.fields != nil {
		c.fields = make(map[string]*node, len(n.fields))
		for k, v := range n.fields {
			c.fields[k] = v.clone()
		}
		for _, f := range n.fieldOrder() {
			c.addField(f)
		}
	}
	return c
}

// initialized: a simple node has a value; a complex node has any
// initialized element.
func (n *node) initialized() bool {
	switch n.t.kind {
	case simpleNode:
		return n.hasValue()
	case listNode:
		return len(n.elems) > 0
	case arrayNode:
		for _, c := range n.cells {
			if c.initialized() {
				return true
			}
		}
		return false
	}
	for _, f := range n.fields {
		if f.initialized() {
			return true
		}
	}
	return false
}

// arrayIndexes returns the indexes of an array in ascending order.
func (n *node) arrayIndexes() []int { return slices.Sorted(maps.Keys(n.cells)) }

// variable is a declared (or implicitly declared) S variable.
type variable struct {
	name     string
	node     *node
	scope    string // *PROCEDURE or *TASK
	implicit bool
	// importAllowed: declared with IMPORT-ALLOWED=*YES, so a procedure
	// it calls may import it (UG-140, UG-297)
	importAllowed bool
	box           *containerLink // CONTAINER= other than *STD (containers.go)
}

// scope is a set of variables of one procedure level or of the task.
// The scope of a procedure level also holds the variables made visible
// there that live elsewhere: task variables it declared or imported and
// variables it imported from its callers (the same *variable as in their
// home scope), since a procedure sees only what it declares (UG-138).
type scope struct {
	vars     map[string]*variable
	borrowed map[string]bool // names in vars whose variable lives in another scope
	gen      uint64          // counts the changes of vars (see varcache.go)
}

func newScope() *scope { return &scope{vars: map[string]*variable{}} }

// borrow makes a variable that lives in another scope visible here.
func (s *scope) borrow(name string, v *variable) {
	if s.borrowed == nil {
		s.borrowed = map[string]bool{}
	}
	s.set(name, v)
	s.borrowed[name] = true
}

// names returns the variable names in sorted order.
func (s *scope) names() []string { return slices.Sorted(maps.Keys(s.vars)) }

// complexRef is the value of a complex variable read in an expression:
// only assignment and FOR can use it; operators reject it as a type error.
type complexRef struct{ n *node }

// kindName names a template for messages and VARIABLE-ATTRIBUTE.
func (t *template) kindName() string {
	switch t.kind {
	case listNode:
		return "*LIST"
	case arrayNode:
		return "*ARRAY"
	case structNode:
		return "*STRUCTURE"
	}
	return "*NO"
}

// checkType reports whether a value fits a simple template.
func (t *template) accepts(v any) bool {
	switch t.typ {
	case builtins.TypeString:
		_, ok := v.(string)
		return ok
	case builtins.TypeInteger:
		_, ok := v.(int)
		return ok
	case builtins.TypeBoolean:
		_, ok := v.(bool)
		return ok
	}
	return true
}

// acceptsInt is accepts for an integer.
func (t *template) acceptsInt() bool {
	return t.typ != builtins.TypeString && t.typ != builtins.TypeBoolean
}

// showLines renders a variable for SHOW-VARIABLE: one "name = value" line
// per initialized simple element; list elements as name(*LIST) unless
// indexes are asked for.
func showLines(name string, n *node, withIndex bool, out *[]string) {
	switch n.t.kind {
	case simpleNode:
		if n.hasValue() {
			*out = append(*out, name+" = "+formatValue(n.value()))
		}
	case listNode:
		for i, e := range n.elems {
			en := name + "(*LIST)"
			if withIndex {
				en = name + "#" + strconv.Itoa(i+1)
			}
			showLines(en, e, withIndex, out)
		}
	case arrayNode:
		for _, k := range n.arrayIndexes() {
			showLines(name+"#"+strconv.Itoa(k), n.cells[k], withIndex, out)
		}
	case structNode:
		for _, f := range n.fieldOrder() {
			showLines(name+"."+f, n.fields[f], withIndex, out)
		}
	}
}

// partText renders one name part back (for messages).
func partText(p ast.NamePart) string {
	s := p.Name
	switch p.Index {
	case ast.EmptyIndex:
		s += "#"
	case ast.LitIndex:
		s += "#" + strconv.Itoa(int(p.IndexLit))
	case ast.VarIndex:
		s += "#" + p.IndexVar
	}
	return s
}

func pathText(parts []ast.NamePart) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = partText(p)
	}
	return strings.Join(s, ".")
}
