package interp

import (
	"strconv"

	"sdfp/builtins"
	"sdfp/lexer"
	"sdfp/lexer/ebcdic"
	"sdfp/parser"
	"sdfp/parser/ast"
)

// Variable access: finding a variable by name through the procedure
// levels, walking list, array and structure elements, reading, writing.

// lookup finds a visible variable by its top-level name: the current
// procedure level, then through INCLUDE levels to their callers. A task
// variable is visible only where it was declared (SCOPE=*TASK) or
// imported, which puts it in that level's scope; a procedure started
// with CALL-PROCEDURE sees nothing else (UG-138 "Scope of variables",
// UG-139 "Scope TASK", V).
func (r *Runner) lookup(name string) *variable {
	if name == sysSwitchName && r.switches != nil {
		return r.sysSwitch()
	}
	return r.loadContainer(r.visible(name))
}

// visible is the variable lookup finds for a name other than SYSSWITCH,
// its container not read.
func (r *Runner) visible(name string) *variable {
	for f := r.frame; f != nil; f = f.parent {
		if v := f.locals.vars[name]; v != nil {
			return v
		}
		if !f.include {
			break
		}
	}
	return nil
}

// procedureScope is the scope SCOPE=*PROCEDURE declares into: that of the
// procedure last entered by CALL-PROCEDURE (through INCLUDE levels).
func (r *Runner) procedureScope() *scope {
	f := r.frame
	for f.include && f.parent != nil {
		f = f.parent
	}
	return f.locals
}

// index returns the integer value of an index part.
func (r *Runner) index(p ast.NamePart) (int, error) {
	switch p.Index {
	case ast.LitIndex:
		return int(p.IndexLit), nil
	case ast.VarIndex:
		v := r.lookup(p.IndexVar)
		if v == nil || v.node.t.kind != simpleNode {
			return 0, indexVarNotSimple.err(p.IndexVar)
		}
		n, ok := v.node.intValue()
		if !ok {
			return 0, indexVarNotInteger.err(p.IndexVar)
		}
		return n, nil
	}
	return 1, nil // L# without index: the first element
}

// walk follows the parts of a name from a variable's node. With create
// set, dynamic structures get missing elements, an array gets a missing
// cell and a list its next element (n+1).
func (r *Runner) walk(v *variable, parts []ast.NamePart, create bool) (*node, error) {
	n := v.node
	for i, p := range parts {
		if i > 0 {
			if n.t.kind != structNode {
				return nil, noElementNotStructure.err(pathText(parts[:i]), p.Name)
			}
			f := n.fields[p.Name]
			if f == nil {
				if !create || !n.t.dynamic {
					return nil, structureNoElement.err(pathText(parts[:i]), p.Name)
				}
				t := &template{kind: simpleNode}
				if p.Index != ast.NoIndex {
					t = &template{kind: listNode, elem: &template{kind: simpleNode}}
				}
				f = newNode(t)
				if err := r.charge(namedSize(p.Name, f)); err != nil {
					return nil, err
				}
				n.fields[p.Name] = f
				n.addField(p.Name)
			}
			n = f
		}
		if p.Index == ast.NoIndex {
			continue
		}
		k, err := r.index(p)
		if err != nil {
			return nil, err
		}
		switch n.t.kind {
		case listNode:
			switch {
			case k >= 1 && k <= len(n.elems):
				n = n.elems[k-1]
			case create && k == len(n.elems)+1 && (n.t.limit == 0 || k <= n.t.limit):
				e := newNode(n.t.elem)
				if err := r.grow(pathText(append(parts[:i:i], ast.NamePart{Name: p.Name})), len(n.elems), e); err != nil {
					return nil, err
				}
				n.elems = append(n.elems, e)
				n = e
			default:
				return nil, listNoElementOf.err(pathText(append(parts[:i:i], ast.NamePart{Name: p.Name})), k, len(n.elems))
			}
		case arrayNode:
			if k < n.t.lower || n.t.bounded && k > n.t.upper {
				return nil, arrayIndexOutside.err(k, pathText(parts[:i+1]))
			}
			c := n.cells[k]
			if c == nil {
				if !create {
					return nil, arrayElementMissing.err(pathText(parts[:i+1]), k)
				}
				c = newNode(n.t.elem)
				if err := r.grow(pathText(append(parts[:i:i], ast.NamePart{Name: p.Name})), len(n.cells), c); err != nil {
					return nil, err
				}
				n.cells[k] = c
			}
			n = c
		default:
			return nil, noElementNotList.err(p.Name, k)
		}
	}
	return n, nil
}

// readVar reads a variable's value. found is false when no variable of
// that name exists (the caller may then try a builtin function).
func (r *Runner) readVar(name *ast.VarName) (any, bool, error) {
	v := r.lookup(name.Parts[0].Name)
	if v == nil {
		return nil, false, nil
	}
	n, err := r.walk(v, name.Parts, false)
	if err != nil {
		return nil, true, err
	}
	if n.t.kind != simpleNode {
		return complexRef{n}, true, nil
	}
	if !n.hasValue() {
		return nil, true, varNotInitialized.err(name.Text)
	}
	return n.value(), true, nil
}

// writeMode is SET-VARIABLE's WRITE-MODE.
type writeMode int

const (
	modeReplace writeMode = iota
	modeExtend
	modePrefix
)

// assign stores a value (or a copy of a complex variable) in a variable
// or element, declaring a simple variable implicitly when allowed.
func (r *Runner) assign(name *ast.VarName, val any, mode writeMode) error {
	return r.assignVia(nil, name, val, mode)
}

// assignVia is assign with the variable found through a site's cache, when
// cache is not nil.
func (r *Runner) assignVia(cache *varCache, name *ast.VarName, val any, mode writeMode) error {
	var v *variable
	if cache != nil && !r.directOff { // expr alone stays the reference
		v = cache.lookup(r, name.Parts[0].Name)
	} else {
		v = r.lookup(name.Parts[0].Name)
	}
	if v == nil {
		if !r.frame.implicitDecl {
			return varNotDeclaredNoImplicit.err(name.Parts[0].Name)
		}
		if len(name.Parts) > 1 || name.Parts[0].Index != ast.NoIndex {
			return varNotDeclaredComplex.err(name.Parts[0].Name)
		}
		t := &template{kind: simpleNode, typ: builtins.TypeAny}
		if ref, ok := val.(complexRef); ok {
			t = ref.n.t
		}
		v = &variable{name: name.Parts[0].Name, node: newNode(t), scope: "*PROCEDURE", implicit: true}
		if err := r.newVariable(v.name, v.node); err != nil {
			return err
		}
		r.frame.locals.set(v.name, v)
	}
	n, err := r.walk(v, name.Parts, true)
	if err != nil {
		return err
	}
	if err := r.store(n, name.Text, val, mode); err != nil {
		return err
	}
	if v == r.sysswitch {
		r.storeSysSwitch()
	}
	if r.varHook != nil {
		if _, complex := val.(complexRef); !complex {
			r.varHook(name.Text, val)
		}
	}
	return nil
}

func (r *Runner) store(n *node, text string, val any, mode writeMode) error {
	if n.t.kind == listNode && mode != modeReplace {
		return r.addElement(n, text, val, mode, nil)
	}
	return r.storeNode(n, text, val)
}

// addElement puts a new element with val at the end or the front of
// list n. spare, when not nil, is a node of a simple value that nobody
// holds any more (an element of the list's former contents), which the
// new element of a simple value takes instead of a new node.
func (r *Runner) addElement(n *node, text string, val any, mode writeMode, spare *node) error {
	var from *node
	ref, isRef := val.(complexRef)
	if isRef {
		from = ref.n
	}
	e, err := r.newElement(n, text, from, spare)
	if err != nil {
		return err
	}
	if !isRef {
		if err := r.store(e, text, val, modeReplace); err != nil {
			return err
		}
	}
	n.addElem(e, mode)
	return nil
}

// addStrElement is addElement of a string, which an element that takes
// strings as they are holds unboxed (TEXT-OUTPUT's lines: boxing each
// was one of the command loop's two allocations a pass). It charges and
// checks what storeNode would, in the same order.
func (r *Runner) addStrElement(n *node, text, s string, mode writeMode, spare *node) error {
	el := n.t.elem
	if el.kind != simpleNode || el.typ != builtins.TypeAny && el.typ != builtins.TypeString || len(s) > maxString {
		return r.addElement(n, text, s, mode, spare)
	}
	e, err := r.newElement(n, text, nil, spare)
	if err != nil {
		return err
	}
	if err := r.charge(int64(len(s))); err != nil {
		return err
	}
	e.setStr(s)
	n.addElem(e, mode)
	return nil
}

// newElement is the next element of list n, within the limits and
// charged: a copy of from (a structure), spare's memory, or a new node.
func (r *Runner) newElement(n *node, text string, from, spare *node) (*node, error) {
	if n.t.limit > 0 && len(n.elems) >= n.t.limit {
		return nil, listFull.err(text, n.t.limit)
	}
	if err := r.checkElements(text, len(n.elems)); err != nil {
		return nil, err
	}
	var e *node
	size := int64(elementBytes) // what size gives a fresh simple node
	switch {
	case from != nil:
		e = from.clone()
		size = e.size()
	case spare != nil && n.t.elem.kind == simpleNode:
		*spare = node{t: n.t.elem} // what newNode gives
		e = spare
	default:
		e = newNode(n.t.elem)
		if e.t.kind != simpleNode {
			size = e.size()
		}
	}
	if err := r.charge(size); err != nil {
		return nil, err
	}
	return e, nil
}

// addElem puts e at the end of list n (WRITE-MODE=*EXTEND) or at its
// front.
func (n *node) addElem(e *node, mode writeMode) {
	if mode == modeExtend {
		n.elems = append(n.elems, e)
	} else {
		n.prepend(e)
	}
}

// storeNode is store into a node that takes the value itself.
func (r *Runner) storeNode(n *node, text string, val any) error {
	if ref, ok := val.(complexRef); ok {
		if ref.n.t.kind != n.t.kind {
			return typeCannotTake.err(text, ref.n.t.kindName())
		}
		c := ref.n.clone()
		if err := r.charge(c.size() - n.size()); err != nil {
			return err
		}
		*n = *c
		return nil
	}
	if n.t.kind != simpleNode {
		return typeNotSimple.err(text, n.t.kindName())
	}
	if !n.t.accepts(val) {
		return typeMismatch.err(text, n.t.typ.String(), typeName(val))
	}
	if s, ok := val.(string); ok && len(s) > maxString && ebcdic.Len(s) > maxString {
		return stringTooLongFor.err(text, maxString)
	}
	if err := r.charge(valueBytes(val) - n.bytes()); err != nil {
		return err
	}
	if n.jvName() != "" {
		if err := r.storeJV(n, val); err != nil {
			return err
		}
	}
	n.set(val)
	return nil
}

// grow charges a new element of a list or array that holds have elements
// so far, refusing it beyond the element limit.
func (r *Runner) grow(name string, have int, e *node) error {
	if err := r.checkElements(name, have); err != nil {
		return err
	}
	return r.charge(e.size())
}

// varName parses a variable name given as text (function arguments,
// command operands) into its parts.
func varName(text string) (*ast.VarName, error) {
	n, err := parser.ParseVarName(text, lexer.Pos{})
	if err != nil {
		return nil, parseFailure(err)
	}
	return n, nil
}

// nameOf returns the variable name of an operand value, parsed when the
// command was read (or now, for a value that was not).
func nameOf(v *ast.Value) (*ast.VarName, error) {
	if v.Name != nil {
		return v.Name, nil
	}
	return varName(v.Str)
}

// find resolves a name given as text for the variable functions; the
// name "L#" (index without number) there means the whole list.
func (r *Runner) find(text string) (*variable, *node, bool) {
	var name *ast.VarName
	var v *variable
	if f := &r.lastFound; r.directOff {
		var err error
		if name, err = r.parsedName(text); err != nil {
			return nil, nil, false
		}
		v = r.lookup(name.Parts[0].Name)
	} else {
		if f.name == nil || f.text != text {
			n, err := r.parsedName(text)
			if err != nil {
				return nil, nil, false
			}
			*f = foundName{text: text, name: n}
		}
		name = f.name
		v = f.v.lookup(r, name.Parts[0].Name)
	}
	if v == nil {
		return nil, nil, false
	}
	parts := name.Parts
	if len(parts) == 1 && parts[0].Index == ast.NoIndex {
		return v, v.node, true // what walk gives for a simple name
	}
	last := parts[len(parts)-1]
	wholeList := last.Index == ast.EmptyIndex
	if wholeList {
		parts = append(append([]ast.NamePart(nil), parts[:len(parts)-1]...), ast.NamePart{Name: last.Name})
	}
	n, werr := r.walk(v, parts, false)
	if werr != nil {
		return v, nil, false
	}
	return v, n, true
}

// foundName is the name find resolved last, and its variable kept as a
// variable site keeps it (varcache.go): a loop asks the variable
// functions about the same name again and again (SIZE('OUT')), and the
// name's parse and its variable are then found without hashing. With
// WithDirectEval(false) find parses and looks up every name.
type foundName struct {
	text string
	name *ast.VarName
	v    varCache
}

// elementNames lists the names of a complex node's direct elements.
func elementNames(prefix string, n *node) []string {
	var out []string
	switch n.t.kind {
	case listNode:
		for i := range n.elems {
			out = append(out, prefix+"#"+strconv.Itoa(i+1))
		}
	case arrayNode:
		for _, k := range n.arrayIndexes() {
			out = append(out, prefix+"#"+strconv.Itoa(k))
		}
	case structNode:
		for _, f := range n.fieldOrder() {
			out = append(out, prefix+"."+f)
		}
	}
	return out
}
