package interp

import (
	"sdfp/builtins"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// DECLARE-VARIABLE, DECLARE-ELEMENT and structure layouts: how a
// declaration becomes the template a variable is built from.

// simpleTypes maps the TYPE keywords of simple variables to their types
// (*ANY and anything else: TypeAny).
var simpleTypes = map[string]builtins.Type{
	"*STRING": builtins.TypeString, "*INTEGER": builtins.TypeInteger, "*BOOLEAN": builtins.TypeBoolean,
}

// typeTemplate builds the template of a declared variable or element from
// the TYPE and MULTIPLE-ELEMENTS operands.
func (r *Runner) typeTemplate(typ *ast.Value, mult *ast.Value) (*template, error) {
	t := &template{kind: simpleNode}
	if typ != nil {
		t.typ = simpleTypes[typ.Keyword]
		switch typ.Keyword {
		case "*STRUCTURE":
			t = &template{kind: structNode, dynamic: true}
			if typ.Struct != nil {
				if def := typ.Struct.Get("DEFINITION"); def != nil && def.Keyword == "*BY-LAYOUT" {
					name := def.Struct.Str("LAYOUT-NAME")
					l := r.layouts[name]
					if l == nil {
						return nil, layoutNotDefined.err(name)
					}
					t = l
				}
			}
		}
	}
	if mult != nil {
		switch mult.Keyword {
		case "*LIST":
			lt := &template{kind: listNode, elem: t}
			if n, ok := mult.Struct.Int("LIMIT"); ok {
				lt.limit = int(n)
			}
			t = lt
		case "*ARRAY":
			at := &template{kind: arrayNode, elem: t, lower: 1}
			if n, ok := mult.Struct.Int("LOWER-BOUND"); ok {
				at.lower = int(n)
			}
			if n, ok := mult.Struct.Int("UPPER-BOUND"); ok {
				at.upper, at.bounded = int(n), true
				if at.upper < at.lower {
					return nil, arrayBoundsReversed.err(at.upper, at.lower)
				}
			}
			t = at
		}
	}
	return t, nil
}

// sameShape reports whether two templates declare the same attributes
// (a repeated declaration with the same attributes is accepted).
func sameShape(a, b *template) bool {
	if a.kind != b.kind || a.typ != b.typ || a.dynamic != b.dynamic || a.lower != b.lower ||
		a.upper != b.upper || a.bounded != b.bounded || a.limit != b.limit {
		return false
	}
	if (a.elem == nil) != (b.elem == nil) || a.elem != nil && !sameShape(a.elem, b.elem) {
		return false
	}
	return true
}

// declaredItems yields, for each name of a DECLARE-VARIABLE/-ELEMENT or
// DECLARE-PARAMETER, the name and its own sub-operands (INITIAL-VALUE,
// TYPE ...), which override the command-level ones.
func declaredItems(a *ast.Args, key string) []*ast.Value {
	v := a.Get(key)
	if v == nil {
		return nil
	}
	if v.IsList {
		return v.List
	}
	return []*ast.Value{v}
}

func pick(item *ast.Value, a *ast.Args, name string) *ast.Value {
	if item.Struct != nil {
		if v := item.Struct.Get(name); v != nil && v.Given {
			return v
		}
	}
	return a.Get(name)
}

func (r *Runner) declareVariable(c *ast.Command) (handler.Result, *signal) {
	a := c.Args
	res := done
	for _, item := range declaredItems(a, "VARIABLE-NAME") {
		name, err := nameOf(item)
		if err != nil || !name.Simple() {
			return declareNeedsSimpleName.result(item.Str), nil
		}
		t, err := r.typeTemplate(pick(item, a, "TYPE"), a.Get("MULTIPLE-ELEMENTS"))
		if err != nil {
			return resultOf(err), nil
		}
		d := r.declaredScope(a)
		state := a.Keyword("STATE")
		if d.task {
			if s := a.Get("SCOPE").Struct; s != nil {
				state = s.Keyword("STATE")
			}
		}
		root := name.Parts[0].Name
		old := d.bind.vars[root]
		if old == nil && d.task {
			old = d.home.vars[root] // a task variable not yet visible here
		}
		if old != nil {
			switch {
			case old.scope != d.name:
				return varOtherScope.result(root), nil
			case state == "*NEW":
				return varExists.result(root), nil
			case sameShape(old.node.t, t) || old.implicit && t.kind == simpleNode && t.typ == builtins.TypeAny:
				old.implicit = false
				if d.task {
					d.bind.borrow(root, old)
				}
				res.RC.SC2 = 1 // already declared: a warning
				continue
			default:
				return varOtherAttributes.result(root), nil
			}
		}
		if state == "*OLD" {
			return varDoesNotExist.result(root), nil
		}
		v := &variable{name: root, node: newNode(t), scope: d.name, importAllowed: d.importAllowed}
		if err := r.newVariable(root, v.node); err != nil {
			return resultOf(err), nil
		}
		kept, err := r.linkContainer(v, a.Get("CONTAINER"))
		if err != nil {
			return resultOf(err), nil
		}
		if iv := pick(item, a, "INITIAL-VALUE"); iv != nil && iv.Expr != nil && !kept {
			val, err := r.eval(iv.Expr)
			if err != nil {
				return resultOf(err), nil
			}
			if t.kind != simpleNode {
				return initialValueSimple.result(), nil
			}
			if err := r.store(v.node, root, val, modeReplace); err != nil {
				return resultOf(err), nil
			}
		}
		d.home.set(root, v)
		if d.task {
			d.bind.borrow(root, v)
		}
	}
	return res, nil
}

// declareElement adds elements to a dynamic structure, or to the layout
// being defined between BEGIN-STRUCTURE and END-STRUCTURE.
func (r *Runner) declareElement(c *ast.Command) (handler.Result, *signal) {
	a := c.Args
	for _, item := range declaredItems(a, "NAME") {
		name, err := nameOf(item)
		if err != nil {
			return resultOf(err), nil
		}
		t, err := r.typeTemplate(pick(item, a, "TYPE"), a.Get("MULTIPLE-ELEMENTS"))
		if err != nil {
			return resultOf(err), nil
		}
		if r.layout != nil && name.Simple() {
			r.layout.t.elements = append(r.layout.t.elements, namedTemplate{name.Parts[0].Name, t})
			continue
		}
		if len(name.Parts) < 2 {
			return declareElementName.result(item.Str), nil
		}
		v := r.lookup(name.Parts[0].Name)
		if v == nil {
			return structureNotDeclared.result(name.Parts[0].Name), nil
		}
		parent, werr := r.walk(v, name.Parts[:len(name.Parts)-1], false)
		if werr != nil {
			return resultOf(werr), nil
		}
		last := name.Parts[len(name.Parts)-1]
		if parent.t.kind != structNode {
			return notAStructure.result(pathText(name.Parts[:len(name.Parts)-1])), nil
		}
		if parent.fields[last.Name] != nil {
			continue
		}
		e := newNode(t)
		if err := r.charge(namedSize(last.Name, e)); err != nil {
			return resultOf(err), nil
		}
		if iv := pick(item, a, "INITIAL-VALUE"); iv != nil && iv.Expr != nil && t.kind == simpleNode {
			val, err := r.eval(iv.Expr)
			if err != nil {
				return resultOf(err), nil
			}
			if err := r.store(e, item.Str, val, modeReplace); err != nil {
				return resultOf(err), nil
			}
		}
		parent.fields[last.Name] = e
		parent.addField(last.Name)
	}
	return done, nil
}

// layoutDef is a structure layout being defined.
type layoutDef struct {
	name string
	t    *template
}

func (r *Runner) beginStructure(c *ast.Command) (handler.Result, *signal) {
	if r.layout != nil {
		return nestedLayout.result(r.layout.name), nil
	}
	r.layout = &layoutDef{name: c.Args.Str("LAYOUT-NAME"), t: &template{kind: structNode}}
	return done, nil
}

func (r *Runner) endStructure(c *ast.Command) (handler.Result, *signal) {
	if r.layout == nil {
		return endStructureAlone.result(), nil
	}
	r.layouts[r.layout.name] = r.layout.t
	r.layout = nil
	return done, nil
}
