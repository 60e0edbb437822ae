package interp

import (
	"unsafe"

	"sdfp/parser/ast"
)

// The element cache of a site that names a structure element, P.SUM
// (issue 18): walking the name hashes the element's name in the
// structure's map at every use. A structure's map only ever gains
// entries (walk, DECLARE-ELEMENT); what replaces an element replaces the
// whole map with it (an assignment of the structure, FREE-VARIABLE, a
// container read: *n = *c, v.node = n), so while the variable's node and
// that node's map are the ones the site saw, the element is the one it
// found. The cache holds the map it saw, so that map's memory cannot be
// reused by another while it is compared.

// fieldCache keeps the element a two-part name P.E found.
type fieldCache struct {
	root   *node
	fields map[string]*node // held, so that its memory stays its own
	id     unsafe.Pointer   // fields' identity
	elem   *node
}

// fieldName reports whether a name is a variable's direct structure
// element without indexes, the one shape fieldCache serves.
func fieldName(name *ast.VarName) bool {
	return len(name.Parts) == 2 && name.Parts[0].Index == ast.NoIndex && name.Parts[1].Index == ast.NoIndex
}

// walk is Runner.walk of a fieldName from v.
func (c *fieldCache) walk(r *Runner, v *variable, name *ast.VarName, create bool) (*node, error) {
	if n := v.node; c.root == n && n.fields != nil && mapID(n.fields) == c.id {
		return c.elem, nil
	}
	e, err := r.walk(v, name.Parts, create)
	if n := v.node; err == nil && n.t.kind == structNode && n.fields != nil {
		*c = fieldCache{root: n, fields: n.fields, id: mapID(n.fields), elem: e}
	}
	return e, err
}

// composedRead is the direct path's read of a composed name (P.E, L#I):
// Runner.readVar with the variable found through a site cache, and a
// structure element through an element cache.
func (r *Runner) composedRead(name *ast.VarName) evalFn {
	root := name.Parts[0].Name
	var cache varCache
	var elem *fieldCache
	if fieldName(name) {
		elem = &fieldCache{}
	}
	return func() (any, error) {
		v := cache.lookup(r, root)
		if v == nil {
			return r.varOrFunction(name) // which says what it is
		}
		var n *node
		var err error
		if elem != nil {
			n, err = elem.walk(r, v, name, false)
		} else {
			n, err = r.walk(v, name.Parts, false)
		}
		if err != nil {
			return nil, err
		}
		if n.t.kind != simpleNode {
			return complexRef{n}, nil
		}
		if !n.hasValue() {
			return nil, varNotInitialized.err(name.Text)
		}
		return n.value(), nil
	}
}

// mapID is a map's identity: two map values are the same map when they
// give the same pointer. A map value is that pointer (what
// reflect.Value.UnsafePointer gives for a map, at 50 instructions where
// this is one load: a tenth of the list loop's element access);
// TestMapID holds the two together.
func mapID(m map[string]*node) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&m)) }
