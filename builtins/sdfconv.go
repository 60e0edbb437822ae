package builtins

import (
	"strconv"
	"strings"
)

// SDF command strings and S variables, converted into each other: the one
// set of rules that SET-VARIABLE ...=*STRING-TO-VARIABLE(...) and
// VARIABLE-TO-STRING( ) share [V UG-159 "Converting SDF command strings
// to S variables and vice versa", UGde-158, for the direction string to
// variable; the stored page is cut off where the reverse direction
// begins, so that direction is the inverse of the first: I]:
//
//   - a keyword operand NAME=value becomes the structure element NAME;
//   - a simple value becomes a simple element, typed by VALUE-TYPE: with
//     *STD an integer is an INTEGER, TRUE or FALSE in any case a BOOLEAN,
//     anything else a STRING; with *STRING always a STRING;
//   - an SDF list becomes a list variable;
//   - the command name becomes the element SYSOPER;
//   - the value that introduces a structure becomes the element SYSSTRUC
//     of that structure, and the structure's operands its elements;
//   - positional operands cannot be converted (an error).
//
// Decisions the page leaves open [I]: the '/' before a command name is dropped; a value
// keeps its apostrophes (so the reverse direction, which inserts string
// values as &-replacement does, writes them back unchanged); a list
// inside a list, an operand written twice and an operand name that cannot
// name a structure element are errors; in a list that holds structures, a
// simple element becomes a structure with only SYSSTRUC, since the
// elements of a list variable all have one shape (an error when it could
// not introduce a structure); a simple value cannot hold a parenthesis
// outside apostrophes.

// TreeKind is the shape of a Tree node.
type TreeKind int

const (
	TreeSimple TreeKind = iota
	TreeList
	TreeStruct
)

// Tree is the contents of an S variable in the shape the conversion knows:
// a simple value (string, int or bool; nil when not initialized), a list
// of trees, or a structure of named trees in their order.
type Tree struct {
	Kind   TreeKind
	Value  any
	Elems  []*Tree
	Fields []Field
}

// Field is a named element of a structure.
type Field struct {
	Name string
	Tree *Tree
}

// The reserved element names of the conversion [V UG-159].
const (
	ElemCommand = "SYSOPER"
	ElemIntro   = "SYSSTRUC"
)

// StringToTree converts an SDF command or operand string such as
// "SHOW-FILE FILE-NAME=A,INF=*PAR(X=1)" or "(A,B)"; valueType is *STD or
// *STRING.
func StringToTree(s string, valueType Keyword) (*Tree, error) {
	c := sdfConverter{asString: valueType == "*STRING"}
	text := strings.Trim(s, " ")
	if len(text) > 1 && text[0] == '/' && validCommandName(text[1:2]) {
		text = text[1:] // a command as written in a procedure
	}
	if strings.HasPrefix(text, "(") {
		if t, ok, err := c.list(text); ok || err != nil {
			return t, err
		}
	}
	if open := strings.IndexByte(text, '('); open > 0 && isSDFStructure(text) {
		// 'PAR(NAME=CTL,CPU=60)': the structure's operands are the
		// variable's elements, PAR its SYSSTRUC [V-ex UGde-24: the
		// elements are read as JOB.NAME].
		return c.value(text)
	}
	root := &Tree{Kind: TreeStruct}
	if cmd, rest, ok := commandName(text); ok {
		root.Fields = append(root.Fields, Field{ElemCommand, &Tree{Value: cmd}})
		text = rest
	}
	if err := c.operands(text, root); err != nil {
		return nil, err
	}
	return root, nil
}

type sdfConverter struct{ asString bool }

// commandName splits off a leading command name: a word that ends at a
// blank (or the end) and is not followed by '=', so it is no operand.
func commandName(text string) (name, rest string, ok bool) {
	end := strings.IndexAny(text, " ,=()'")
	if end < 0 {
		return text, "", validCommandName(text)
	}
	if !validCommandName(text[:end]) {
		return "", text, false
	}
	if end == 0 || text[end] != ' ' {
		return "", text, false
	}
	rest = strings.TrimLeft(text[end:], " ")
	if strings.HasPrefix(rest, "=") {
		return "", text, false
	}
	return text[:end], rest, true
}

// validCommandName: a letter, then letters, digits and the characters
// - $ # @ that SDF command names hold [I].
func validCommandName(s string) bool {
	if s == "" || !(s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z') {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.IndexByte("-$#@", c) >= 0) {
			return false
		}
	}
	return true
}

// operands adds the keyword operands of text to the structure into.
func (c sdfConverter) operands(text string, into *Tree) error {
	if strings.Trim(text, " ") == "" {
		return nil
	}
	parts, ok := SplitTopLevel(text)
	if !ok {
		return convNotSDFString.err(text)
	}
	for _, part := range parts {
		part = strings.Trim(part, " ")
		eq := topLevelEquals(part)
		if eq < 0 {
			return convPositional.err(part)
		}
		name := strings.ToUpper(strings.Trim(part[:eq], " "))
		if len(name) > 20 || !validPartName(name) {
			return convBadName.err(name)
		}
		for _, f := range into.Fields {
			if f.Name == name {
				return convOperandTwice.err(name)
			}
		}
		v, err := c.value(strings.Trim(part[eq+1:], " "))
		if err != nil {
			return err
		}
		into.Fields = append(into.Fields, Field{name, v})
	}
	return nil
}

// topLevelEquals is the index of the first '=' before any parenthesis or
// apostrophe, or -1.
func topLevelEquals(s string) int {
	i := strings.IndexAny(s, "=('")
	if i < 0 || s[i] != '=' {
		return -1
	}
	return i
}

// value converts one operand value: a list, a structure or a simple value.
func (c sdfConverter) value(text string) (*Tree, error) {
	if text == "" {
		return nil, convNotSDFString.err(text)
	}
	if parts, ok := SplitTopLevel(text); !ok || len(parts) != 1 {
		return nil, convNotSDFString.err(text)
	}
	if strings.HasPrefix(text, "(") {
		if t, ok, err := c.list(text); ok || err != nil {
			return t, err
		}
	}
	if open := strings.IndexByte(text, '('); open > 0 && strings.HasSuffix(text, ")") && isSDFStructure(text) {
		t := &Tree{Kind: TreeStruct, Fields: []Field{{ElemIntro, &Tree{Value: text[:open]}}}}
		if err := c.operands(text[open+1:len(text)-1], t); err != nil {
			return nil, err
		}
		return t, nil
	}
	if bareParenthesis(text) {
		return nil, convNotSDFString.err(text)
	}
	return &Tree{Value: c.typed(text)}, nil
}

// bareParenthesis: a parenthesis outside apostrophes, which a simple
// value cannot hold [I].
func bareParenthesis(s string) bool {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			quoted = !quoted
		case '(', ')':
			if !quoted {
				return true
			}
		}
	}
	return false
}

// list converts "(e1,e2,...)"; ok is false when text is no SDF list.
func (c sdfConverter) list(text string) (*Tree, bool, error) {
	elems, ok := splitSDFList(text)
	if !ok {
		return nil, false, nil
	}
	t := &Tree{Kind: TreeList}
	structs := false
	for _, e := range elems {
		v, err := c.value(e)
		if err != nil {
			return nil, true, err
		}
		if v.Kind == TreeList {
			return nil, true, convListInList.err(text)
		}
		structs = structs || v.Kind == TreeStruct
		t.Elems = append(t.Elems, v)
	}
	if structs {
		for i, e := range t.Elems {
			if e.Kind == TreeSimple {
				intro := formatSimple(e.Value)
				if !isSDFStructure(intro + "()") {
					return nil, true, convNotSDFString.err(text)
				}
				t.Elems[i] = &Tree{Kind: TreeStruct, Fields: []Field{{ElemIntro, &Tree{Value: intro}}}}
			}
		}
	}
	return t, true, nil
}

// typed gives a simple value its type by VALUE-TYPE.
func (c sdfConverter) typed(text string) any {
	if c.asString {
		return text
	}
	if n, ok := parseInteger(text); ok {
		return n
	}
	switch strings.ToUpper(text) {
	case "TRUE":
		return true
	case "FALSE":
		return false
	}
	return text
}

// TreeToString converts a variable's contents back into an SDF string:
// SYSOPER first, followed by a blank, then the operands NAME=value
// separated by commas; a structure as its SYSSTRUC value followed by its
// operands in parentheses; a list as its elements in parentheses; strings
// as they are, integers in decimal, booleans as TRUE or FALSE. Elements
// without a value are left out, an empty list is () [I, the inverse of
// UG-159's rules].
func TreeToString(t *Tree) string { return render(t, true, false) }

// render writes one tree; a structure inside another without a SYSSTRUC
// value is put in parentheses, so that it stays one operand value. A
// structure with only its SYSSTRUC value is written as that value with
// empty parentheses, so that it converts back to a structure, except in
// a list where another element has operands (bare), which makes the list
// one of structures by itself.
func render(t *Tree, top, bare bool) string {
	switch t.Kind {
	case TreeList:
		parts := make([]string, 0, len(t.Elems))
		withOperands := false
		for _, e := range t.Elems {
			withOperands = withOperands || e.hasOperands()
		}
		for _, e := range t.Elems {
			if e.initialized() {
				parts = append(parts, render(e, false, withOperands))
			}
		}
		return "(" + strings.Join(parts, ",") + ")"
	case TreeStruct:
		var cmd, intro string
		var ops []string
		for _, f := range t.Fields {
			switch {
			case !f.Tree.initialized() && f.Tree.Kind != TreeList:
			case f.Name == ElemCommand && f.Tree.Kind == TreeSimple:
				cmd = formatSimple(f.Tree.Value)
			case f.Name == ElemIntro && f.Tree.Kind == TreeSimple:
				intro = formatSimple(f.Tree.Value)
			default:
				ops = append(ops, f.Name+"="+render(f.Tree, false, false))
			}
		}
		body := strings.Join(ops, ",")
		switch {
		case cmd != "" && body != "":
			return cmd + " " + body
		case cmd != "":
			return cmd
		case intro != "" && len(ops) == 0 && bare:
			return intro
		case intro != "":
			return intro + "(" + body + ")"
		case !top:
			return "(" + body + ")"
		}
		return body
	}
	return formatSimple(t.Value)
}

// hasOperands: a structure with an element besides SYSOPER and SYSSTRUC
// that render writes.
func (t *Tree) hasOperands() bool {
	if t.Kind != TreeStruct {
		return false
	}
	for _, f := range t.Fields {
		if f.Name != ElemCommand && f.Name != ElemIntro && (f.Tree.initialized() || f.Tree.Kind == TreeList) {
			return true
		}
	}
	return false
}

// initialized: a simple tree has a value, a complex one an element.
func (t *Tree) initialized() bool {
	switch t.Kind {
	case TreeList:
		return len(t.Elems) > 0
	case TreeStruct:
		for _, f := range t.Fields {
			if f.Tree.initialized() {
				return true
			}
		}
		return false
	}
	return t.Value != nil
}

// formatSimple writes a simple value as &-replacement inserts it.
func formatSimple(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return boolText(x)
	case int:
		return strconv.Itoa(x)
	}
	return ""
}
