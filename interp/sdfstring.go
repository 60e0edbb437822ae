package interp

import (
	"sdfp/builtins"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// SET-VARIABLE ...=*STRING-TO-VARIABLE(STRING=..., VALUE-TYPE=...) and the
// variable side of VARIABLE-TO-STRING( ): between S variables and the
// neutral trees of builtins/sdfconv.go, which holds the conversion rules
// both share [V UG-159].

// stringToVariable evaluates the operand's STRING, converts it and
// assigns the result, a structure or a list, like any complex value: a
// new variable is declared implicitly with the converted shape, a list
// takes it as an element with WRITE-MODE=*EXTEND or *PREFIX, and a
// simple variable refuses it (the operand is only for complex variables
// [V CMD set-variable]).
func (r *Runner) stringToVariable(c *ast.Command, name *ast.VarName, val *ast.Value) (handler.Result, *signal) {
	str := val.Struct.Get("STRING")
	if str == nil || str.Expr == nil {
		return valueNotAnalysable.result(), nil
	}
	src, err := r.eval(str.Expr)
	if err != nil {
		return handler.Result{}, r.exprFail(c, err)
	}
	s, ok := src.(string)
	if !ok {
		return typeMismatch.result("STRING", "STRING", typeName(src)), nil
	}
	t, err := builtins.StringToTree(s, builtins.Keyword(val.Struct.Keyword("VALUE-TYPE")))
	if err != nil {
		return resultOf(err), nil
	}
	mode := modeOf(c.Args)
	if n := r.staticTarget(name); n != nil && mode == modeReplace {
		// A structure declared by a layout keeps its layout: the
		// converted elements must be among its elements and fit their
		// types, checked before anything is assigned [V UG-421: the
		// structures must match when complex variables are assigned].
		if err := r.fits(n, name.Text, t); err != nil {
			return resultOf(err), nil
		}
		if err := r.fill(n, name.Text, t); err != nil {
			return resultOf(err), nil
		}
		return done, nil
	}
	if err := r.assign(name, complexRef{treeNode(t)}, mode); err != nil {
		return resultOf(err), nil
	}
	return done, nil
}

// staticTarget is the node a name designates when it exists and is a
// structure of fixed elements (declared by a layout); nil otherwise.
func (r *Runner) staticTarget(name *ast.VarName) *node {
	v := r.lookup(name.Parts[0].Name)
	if v == nil {
		return nil
	}
	n, err := r.walk(v, name.Parts, false)
	if err != nil || n.t.kind != structNode || n.t.dynamic {
		return nil
	}
	return n
}

// fits checks, without changing anything, that a converted tree can be
// stored element by element in n.
func (r *Runner) fits(n *node, text string, t *builtins.Tree) error {
	if n.t.kind == structNode && !n.t.dynamic && t.Kind == builtins.TreeStruct {
		for _, f := range t.Fields {
			child := n.fields[f.Name]
			if child == nil {
				return structureNoElement.err(text, f.Name)
			}
			if err := r.fits(child, text+"."+f.Name, f.Tree); err != nil {
				return err
			}
		}
		return nil
	}
	switch {
	case t.Kind == builtins.TreeSimple && n.t.kind != simpleNode:
		return typeNotSimple.err(text, n.t.kindName())
	case t.Kind == builtins.TreeSimple && !n.t.accepts(t.Value):
		return typeMismatch.err(text, n.t.typ.String(), typeName(t.Value))
	case t.Kind != builtins.TreeSimple && n.t.kind != treeTemplate(t).kind:
		return typeCannotTake.err(text, treeTemplate(t).kindName())
	}
	return nil
}

// fill stores what fits checked.
func (r *Runner) fill(n *node, text string, t *builtins.Tree) error {
	if n.t.kind == structNode && !n.t.dynamic && t.Kind == builtins.TreeStruct {
		for _, f := range t.Fields {
			if err := r.fill(n.fields[f.Name], text+"."+f.Name, f.Tree); err != nil {
				return err
			}
		}
		return nil
	}
	if t.Kind == builtins.TreeSimple {
		return r.store(n, text, t.Value, modeReplace)
	}
	return r.store(n, text, complexRef{treeNode(t)}, modeReplace)
}

// treeNode builds the variable contents of a converted tree: structures
// are dynamic, simple values of type *ANY, and the elements of a list
// share one template (a structure when the list holds structures).
func treeNode(t *builtins.Tree) *node {
	return treeNodeOf(t, treeTemplate(t))
}

func treeTemplate(t *builtins.Tree) *template {
	switch t.Kind {
	case builtins.TreeList:
		elem := &template{kind: simpleNode, typ: builtins.TypeAny}
		if len(t.Elems) > 0 && t.Elems[0].Kind == builtins.TreeStruct {
			elem = &template{kind: structNode, dynamic: true}
		}
		return &template{kind: listNode, elem: elem}
	case builtins.TreeStruct:
		return &template{kind: structNode, dynamic: true}
	}
	return &template{kind: simpleNode, typ: builtins.TypeAny}
}

func treeNodeOf(t *builtins.Tree, tpl *template) *node {
	n := newNode(tpl)
	switch t.Kind {
	case builtins.TreeList:
		for _, e := range t.Elems {
			n.elems = append(n.elems, treeNodeOf(e, tpl.elem))
		}
	case builtins.TreeStruct:
		for _, f := range t.Fields {
			n.fields[f.Name] = treeNode(f.Tree)
			n.addField(f.Name)
		}
	default:
		n.set(t.Value)
	}
	return n
}

// nodeTree is the other way: a variable's contents as a tree, an array
// as the list of its elements in index order [I].
func nodeTree(n *node) *builtins.Tree {
	switch n.t.kind {
	case listNode:
		t := &builtins.Tree{Kind: builtins.TreeList}
		for _, e := range n.elems {
			t.Elems = append(t.Elems, nodeTree(e))
		}
		return t
	case arrayNode:
		t := &builtins.Tree{Kind: builtins.TreeList}
		for _, k := range n.arrayIndexes() {
			t.Elems = append(t.Elems, nodeTree(n.cells[k]))
		}
		return t
	case structNode:
		t := &builtins.Tree{Kind: builtins.TreeStruct}
		for _, f := range n.fieldOrder() {
			t.Fields = append(t.Fields, builtins.Field{Name: f, Tree: nodeTree(n.fields[f])})
		}
		return t
	}
	return &builtins.Tree{Value: n.value()}
}

// Tree answers VARIABLE-TO-STRING.
func (vi varInfo) Tree(name string) (*builtins.Tree, bool) {
	_, n, ok := vi.r.find(name)
	if !ok {
		return nil, false
	}
	return nodeTree(n), true
}
