package interp

import (
	"strconv"
	"strings"

	"sdfp/builtins"
	"sdfp/hypervisor/command"
	"sdfp/lexer"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// The SDF-P statements the interpreter executes itself (block commands
// are handled by the statement walk in exec.go).
func init() {
	natives = map[string]native{
		"SET-PROCEDURE-OPTIONS":    (*Runner).procedureOptions,
		"MODIFY-PROCEDURE-OPTIONS": (*Runner).procedureOptions,
		"DECLARE-VARIABLE":         (*Runner).declareVariable,
		"DECLARE-ELEMENT":          (*Runner).declareElement,
		"BEGIN-STRUCTURE":          (*Runner).beginStructure,
		"END-STRUCTURE":            (*Runner).endStructure,
		"SET-VARIABLE":             (*Runner).setVariable,
		"FREE-VARIABLE":            (*Runner).freeVariable,
		"DELETE-VARIABLE":          (*Runner).deleteVariable,
		"SHOW-VARIABLE":            (*Runner).showVariable,
		"READ-VARIABLE":            (*Runner).readVariable,
		"WRITE-TEXT":               (*Runner).writeText,
		"GOTO":                     (*Runner).gotoLabel,
		"CYCLE":                    (*Runner).cycle,
		"EXIT-BLOCK":               (*Runner).exitBlock,
		"INCLUDE-BLOCK":            (*Runner).includeBlock,
		"SKIP-COMMANDS":            (*Runner).skipCommands,
		"RAISE-ERROR":              (*Runner).raiseError,
		"SAVE-RETURNCODE":          (*Runner).saveReturncode,
		"EXIT-PROCEDURE":           (*Runner).exitProcedure,
		"END-PROCEDURE":            (*Runner).exitProcedure,
		"CANCEL-PROCEDURE":         (*Runner).exitProcedure,
		"CALL-PROCEDURE":           (*Runner).callProcedure,
		"INCLUDE-PROCEDURE":        (*Runner).callProcedure,
		"DECLARE-PARAMETER":        (*Runner).declareParameter,
		"EXECUTE-CMD":              (*Runner).executeCmd,
		"ASSIGN-SYSLST":            (*Runner).assignSyslst,
		"ASSIGN-SYSOUT":            (*Runner).assignSysout,
		"MODIFY-JOB-OPTIONS":       (*Runner).modifyJobOptions,
		"REMARK":                   func(*Runner, *ast.Command) (command.Result, *signal) { return command.Result{RC: command.OK}, nil },
		"TRACE-PROCEDURE":          func(*Runner, *ast.Command) (command.Result, *signal) { return command.Result{RC: command.OK}, nil },
	}
}

var ok = command.Result{RC: command.OK}

// semanticError is the result of a command whose operands are wrong in
// content: SC1=64, message printed, error handling starts.
func semanticError(msg string) command.Result { return command.Error(64, codeSemantic, msg) }

func resultOf(err error) command.Result {
	switch e := err.(type) {
	case *exprError:
		return command.Error(64, e.code, e.msg)
	case *builtins.Error:
		return command.Error(64, e.Code, e.Msg)
	}
	return semanticError(strings.ToUpper(err.Error()))
}

func (r *Runner) procedureOptions(c *ast.Command) (command.Result, *signal) {
	a := c.Args
	switch a.Keyword("IMPLICIT-DECLARATION") {
	case "*YES":
		r.frame.implicitDecl = true
	case "*NO":
		r.frame.implicitDecl = false
	}
	switch a.Keyword("ERROR-MECHANISM") {
	case "*BY-RETURNCODE":
		r.frame.byReturnCode = true
	case "*SPIN-OFF-COMPATIBLE":
		r.frame.byReturnCode = false
	}
	switch a.Keyword("DATA-ERROR-HANDLING") {
	case "*YES":
		r.frame.dataErrors = true
	case "*NO":
		r.frame.dataErrors = false
	}
	return ok, nil
}

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
						return nil, semanticf("STRUCTURE LAYOUT %s IS NOT DEFINED", name)
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
					return nil, semanticf("ARRAY UPPER BOUND %d IS BELOW THE LOWER BOUND %d", at.upper, at.lower)
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

func (r *Runner) declareVariable(c *ast.Command) (command.Result, *signal) {
	a := c.Args
	res := ok
	for _, item := range declaredItems(a, "VARIABLE-NAME") {
		name, err := nameOf(item)
		if err != nil || !name.Simple() {
			return semanticError("DECLARE-VARIABLE NEEDS A SIMPLE NAME, NOT " + item.Str), nil
		}
		t, err := r.typeTemplate(pick(item, a, "TYPE"), a.Get("MULTIPLE-ELEMENTS"))
		if err != nil {
			return resultOf(err), nil
		}
		sc, scopeName := r.frame.locals, "*PROCEDURE"
		state := a.Keyword("STATE")
		switch a.Keyword("SCOPE") {
		case "*TASK":
			sc, scopeName = r.globals, "*TASK"
			if s := a.Get("SCOPE").Struct; s != nil {
				state = s.Keyword("STATE")
			}
		case "*PROCEDURE":
			sc = r.procedureScope()
		}
		root := name.Parts[0].Name
		if old := sc.vars[root]; old != nil {
			switch {
			case state == "*NEW":
				return semanticError("VARIABLE " + root + " ALREADY EXISTS (STATE=*NEW)"), nil
			case sameShape(old.node.t, t) || old.implicit && t.kind == simpleNode && t.typ == builtins.TypeAny:
				old.implicit = false
				res.RC.SC2 = 1 // already declared: a warning
				continue
			default:
				return semanticError("VARIABLE " + root + " IS ALREADY DECLARED WITH OTHER ATTRIBUTES"), nil
			}
		}
		if state == "*OLD" {
			return semanticError("VARIABLE " + root + " DOES NOT EXIST (STATE=*OLD)"), nil
		}
		v := &variable{name: root, node: newNode(t), scope: scopeName}
		if iv := pick(item, a, "INITIAL-VALUE"); iv != nil && iv.Expr != nil {
			val, err := r.eval(iv.Expr)
			if err != nil {
				return resultOf(err), nil
			}
			if t.kind != simpleNode {
				return semanticError("INITIAL-VALUE IS ONLY ALLOWED FOR SIMPLE VARIABLES"), nil
			}
			if err := r.store(v.node, root, val, modeReplace); err != nil {
				return resultOf(err), nil
			}
		}
		sc.vars[root] = v
	}
	return res, nil
}

// declareElement adds elements to a dynamic structure, or to the layout
// being defined between BEGIN-STRUCTURE and END-STRUCTURE.
func (r *Runner) declareElement(c *ast.Command) (command.Result, *signal) {
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
			return semanticError("DECLARE-ELEMENT NEEDS STRUCTURE.ELEMENT, NOT " + item.Str), nil
		}
		v := r.lookup(name.Parts[0].Name)
		if v == nil {
			return semanticError("STRUCTURE " + name.Parts[0].Name + " IS NOT DECLARED"), nil
		}
		parent, werr := r.walk(v, name.Parts[:len(name.Parts)-1], false)
		if werr != nil {
			return resultOf(werr), nil
		}
		last := name.Parts[len(name.Parts)-1]
		if parent.t.kind != structNode {
			return semanticError(pathText(name.Parts[:len(name.Parts)-1]) + " IS NOT A STRUCTURE"), nil
		}
		if parent.fields[last.Name] != nil {
			continue
		}
		e := newNode(t)
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
		parent.order = append(parent.order, last.Name)
	}
	return ok, nil
}

// layoutDef is a structure layout being defined.
type layoutDef struct {
	name string
	t    *template
}

func (r *Runner) beginStructure(c *ast.Command) (command.Result, *signal) {
	if r.layout != nil {
		return semanticError("BEGIN-STRUCTURE INSIDE THE DEFINITION OF LAYOUT " + r.layout.name), nil
	}
	r.layout = &layoutDef{name: c.Args.Str("LAYOUT-NAME"), t: &template{kind: structNode}}
	return ok, nil
}

func (r *Runner) endStructure(c *ast.Command) (command.Result, *signal) {
	if r.layout == nil {
		return command.Error(1, "SDP0118", "END-STRUCTURE WITHOUT BEGIN-STRUCTURE"), nil
	}
	r.layouts[r.layout.name] = r.layout.t
	r.layout = nil
	return ok, nil
}

func modeOf(a *ast.Args) writeMode {
	switch a.Keyword("WRITE-MODE") {
	case "*EXTEND":
		return modeExtend
	case "*PREFIX":
		return modePrefix
	}
	return modeReplace
}

func (r *Runner) setVariable(c *ast.Command) (command.Result, *signal) {
	a := c.Args
	name, err := nameOf(a.Get("VARIABLE-NAME"))
	if err != nil {
		return resultOf(err), nil
	}
	val := a.Get("VALUE")
	var v any
	switch {
	case val.Expr != nil:
		v, err = r.eval(val.Expr)
		if err != nil {
			return command.Result{}, r.exprFail(c, err)
		}
	case val.Keyword == "*STRING-TO-VARIABLE":
		return semanticError("*STRING-TO-VARIABLE IS NOT SUPPORTED BY SDFP"), nil
	case val.Keyword == "*LIST":
		src, err := varName(val.Struct.Str("LIST-NAME"))
		if err != nil {
			return resultOf(err), nil
		}
		got, found, err := r.readVar(src)
		if err != nil || !found {
			if err == nil {
				err = semanticf("VARIABLE %s IS NOT DECLARED", src.Text)
			}
			return resultOf(err), nil
		}
		v = got
	default:
		return semanticError("VALUE OF SET-VARIABLE NOT ANALYSABLE"), nil
	}
	if err := r.assign(name, v, modeOf(a)); err != nil {
		return resultOf(err), nil
	}
	return ok, nil
}

func (r *Runner) freeVariable(c *ast.Command) (command.Result, *signal) {
	for _, item := range declaredItems(c.Args, "VARIABLE-NAME") {
		name, err := nameOf(item)
		if err != nil {
			return resultOf(err), nil
		}
		v := r.lookup(name.Parts[0].Name)
		if v == nil {
			return semanticError("VARIABLE " + name.Parts[0].Name + " IS NOT DECLARED"), nil
		}
		if err := r.free(v, name.Parts); err != nil {
			return resultOf(err), nil
		}
	}
	return ok, nil
}

// free removes the contents of a variable or element; a list element is
// removed from its list (lists have no gaps), an array element from its
// array.
func (r *Runner) free(v *variable, parts []ast.NamePart) error {
	last := parts[len(parts)-1]
	if last.Index != ast.NoIndex {
		container := append(append([]ast.NamePart(nil), parts[:len(parts)-1]...), ast.NamePart{Name: last.Name})
		n, err := r.walk(v, container, false)
		if err != nil {
			return err
		}
		k, err := r.index(last)
		if err != nil {
			return err
		}
		switch n.t.kind {
		case listNode:
			if k < 1 || k > len(n.elems) {
				return semanticf("LIST %s HAS NO ELEMENT %d", last.Name, k)
			}
			n.elems = append(n.elems[:k-1], n.elems[k:]...)
		case arrayNode:
			delete(n.cells, k)
		default:
			return semanticf("%s IS NOT A LIST OR ARRAY", last.Name)
		}
		return nil
	}
	n, err := r.walk(v, parts, false)
	if err != nil {
		return err
	}
	*n = *newNode(n.t)
	return nil
}

func (r *Runner) deleteVariable(c *ast.Command) (command.Result, *signal) {
	for _, item := range declaredItems(c.Args, "VARIABLE-NAME") {
		name := strings.ToUpper(item.Str)
		sc := r.frame.locals
		if c.Args.Keyword("SCOPE") == "*TASK" {
			sc = r.globals
		}
		if sc.vars[name] == nil {
			return semanticError("VARIABLE " + name + " IS NOT DECLARED"), nil
		}
		delete(sc.vars, name)
	}
	return ok, nil
}

func (r *Runner) showVariable(c *ast.Command) (command.Result, *signal) {
	var lines []string
	v := c.Args.Get("VARIABLE-NAME")
	if v.Alt != nil && v.Alt.Kind == catalog.AltKeyword {
		seen := map[string]bool{}
		for f := r.frame; f != nil; f = f.parent {
			for _, n := range f.locals.names() {
				if !seen[n] {
					seen[n] = true
					showLines(n, f.locals.vars[n].node, false, &lines)
				}
			}
			if !f.include {
				break
			}
		}
		for _, n := range r.globals.names() {
			if !seen[n] {
				showLines(n, r.globals.vars[n].node, false, &lines)
			}
		}
	} else {
		for _, item := range declaredItems(c.Args, "VARIABLE-NAME") {
			_, n, found := r.find(item.Str)
			if !found {
				return semanticError("VARIABLE " + strings.ToUpper(item.Str) + " IS NOT DECLARED"), nil
			}
			showLines(strings.TrimSuffix(strings.ToUpper(item.Str), "#"), n, false, &lines)
		}
	}
	return r.output(c.Args.Get("OUTPUT"), lines)
}

// output sends lines to SYSOUT (in the result), SYSLST or a list variable.
func (r *Runner) output(dest *ast.Value, lines []string) (command.Result, *signal) {
	switch {
	case dest == nil || dest.Keyword == "*SYSOUT" || dest.Keyword == "":
		if dest != nil && dest.Alt != nil && dest.Alt.Kind != catalog.AltKeyword {
			return r.linesToList(dest.Str, lines, modeExtend)
		}
		return command.Result{RC: command.OK, Output: lines}, nil
	case dest.Keyword == "*SYSLST":
		for _, l := range lines {
			r.syslst.println(l)
		}
		return ok, nil
	}
	return ok, nil
}

// linesToList stores lines in a list variable, declaring it as a list of
// strings when it does not exist.
func (r *Runner) linesToList(target string, lines []string, mode writeMode) (command.Result, *signal) {
	name, err := varName(target)
	if err != nil {
		return resultOf(err), nil
	}
	if r.lookup(name.Parts[0].Name) == nil && name.Simple() {
		r.frame.locals.vars[name.Parts[0].Name] = &variable{name: name.Parts[0].Name, scope: "*PROCEDURE",
			node: newNode(&template{kind: listNode, elem: &template{kind: simpleNode, typ: builtins.TypeString}})}
	}
	if mode == modeReplace {
		v := r.lookup(name.Parts[0].Name)
		if n, err := r.walk(v, name.Parts, true); err == nil && n.t.kind == listNode {
			n.elems = nil
		}
	}
	for _, l := range lines {
		if err := r.assign(name, l, modeExtend); err != nil {
			return resultOf(err), nil
		}
	}
	return ok, nil
}

func (r *Runner) writeText(c *ast.Command) (command.Result, *signal) {
	line := c.Args.Str("TEXT")
	if c.Args.Keyword("OUTPUT") == "*SYSLST" {
		r.syslst.println(line)
		return ok, nil
	}
	return command.Result{RC: command.OK, Output: []string{line}}, nil
}

// readVariable reads one input line per variable from the task's SYSDTA
// (the run's standard input). A quoted input is a string, digits an
// integer, anything else a string.
func (r *Runner) readVariable(c *ast.Command) (command.Result, *signal) {
	v := c.Args.Get("VARIABLE-NAME")
	if v.Keyword == "*BY-INPUT" {
		return semanticError("READ-VARIABLE *BY-INPUT IS NOT SUPPORTED BY SDFP"), nil
	}
	if v.Keyword == "*LIST" {
		target := v.Struct.Str("LIST-NAME")
		var lines []string
		for {
			line, err := r.stdin.ReadString('\n')
			if line != "" || err == nil {
				lines = append(lines, strings.TrimRight(line, "\r\n"))
			}
			if err != nil {
				break
			}
		}
		return r.linesToList(target, lines, modeReplace)
	}
	for _, item := range declaredItems(c.Args, "VARIABLE-NAME") {
		line, err := r.stdin.ReadString('\n')
		if err != nil && line == "" {
			return semanticError("END OF INPUT: NO VALUE FOR " + strings.ToUpper(item.Str)), nil
		}
		name, nerr := varName(item.Str)
		if nerr != nil {
			return resultOf(nerr), nil
		}
		if err := r.assign(name, inputValue(strings.TrimRight(line, "\r\n"), c.Args.Keyword("STRING-QUOTES") != "*NO"), modeReplace); err != nil {
			return resultOf(err), nil
		}
	}
	return ok, nil
}

func inputValue(s string, quotes bool) any {
	t := strings.TrimSpace(s)
	if quotes && len(t) >= 2 && t[0] == '\'' && t[len(t)-1] == '\'' {
		return strings.ReplaceAll(t[1:len(t)-1], "''", "'")
	}
	if n, err := strconv.Atoi(t); err == nil && n >= minInt && n <= maxInt {
		return n
	}
	return s
}

func (r *Runner) gotoLabel(c *ast.Command) (command.Result, *signal) {
	return ok, &signal{kind: sigGoto, label: c.Args.Str("LABEL")}
}

func tagOperand(c *ast.Command, key string) string {
	if v := c.Args.Get(key); v != nil && v.Alt != nil && v.Alt.Kind != catalog.AltKeyword {
		return v.Str
	}
	return ""
}

func (r *Runner) cycle(c *ast.Command) (command.Result, *signal) {
	return ok, &signal{kind: sigCycle, label: tagOperand(c, "LOOP")}
}

func (r *Runner) exitBlock(c *ast.Command) (command.Result, *signal) {
	return ok, &signal{kind: sigExitBlock, label: tagOperand(c, "BLOCK")}
}

// includeBlock runs a tagged BEGIN block as an internal subprocedure.
func (r *Runner) includeBlock(c *ast.Command) (command.Result, *signal) {
	tag := c.Args.Str("BLOCK")
	b := r.frame.blocks[tag]
	if b == nil {
		return command.Error(1, "SDP0118", "INCLUDE-BLOCK: NO BEGIN-BLOCK WITH TAG "+tag), nil
	}
	if sig := r.execStmt(b); sig != nil {
		return command.Result{}, sig
	}
	return ok, nil
}

func (r *Runner) skipCommands(c *ast.Command) (command.Result, *signal) {
	return command.Error(1, "SDP0118", "SKIP-COMMANDS AND NON-S LABELS ARE NOT SUPPORTED BY SDFP; USE GOTO"), nil
}

func (r *Runner) raiseError(c *ast.Command) (command.Result, *signal) {
	sc1, _ := c.Args.Int("SUBCODE1")
	sc2, _ := c.Args.Int("SUBCODE2")
	rc := command.ReturnCode{SC1: int(sc1), SC2: int(sc2), Main: c.Args.Str("MAINCODE")}
	if rc.SC1 == 0 {
		r.frame.saved = rc
		return command.Result{RC: rc}, nil
	}
	return command.Result{RC: rc, SpinOff: true}, nil
}

func (r *Runner) saveReturncode(c *ast.Command) (command.Result, *signal) {
	r.frame.saved = r.frame.last
	return command.Result{RC: r.frame.last}, nil
}

func (r *Runner) exitProcedure(c *ast.Command) (command.Result, *signal) {
	if c.Name == "CANCEL-PROCEDURE" {
		rc := command.ReturnCode{SC1: 64, Main: "SDP0018"}
		return command.Result{}, &signal{kind: sigExit, rc: rc, exitErr: true, pos: c.Pos}
	}
	if c.Name == "END-PROCEDURE" {
		return command.Result{}, &signal{kind: sigExit, rc: command.OK}
	}
	e := c.Args.Get("ERROR")
	s := e.Struct
	sc2, _ := s.Int("SUBCODE2")
	rc := command.ReturnCode{SC2: int(sc2), Main: s.Str("MAINCODE")}
	if e.Keyword == "*YES" {
		sc1, _ := s.Int("SUBCODE1")
		rc.SC1 = int(sc1)
		return command.Result{}, &signal{kind: sigExit, rc: rc, exitErr: true, pos: c.Pos}
	}
	return command.Result{}, &signal{kind: sigExit, rc: rc}
}

func (r *Runner) callProcedure(c *ast.Command) (command.Result, *signal) {
	from := c.Args.Get("FROM-FILE")
	params, paramErr := parseActualParams(c.Args.Str("PROCEDURE-PARAMETERS"))
	if paramErr != nil {
		return semanticError("PROCEDURE-PARAMETERS: " + strings.ToUpper(paramErr.Error())), nil
	}
	var proc *ast.Procedure
	var err *Error
	if from.Keyword == "*VARIABLE" {
		proc, err = r.procedureFromList(from.Struct.Str("VARIABLE-NAME"))
	} else {
		proc, err = r.loadProcedure(from.Str)
	}
	if err != nil {
		return command.Error(err.RC.SC1, err.RC.Main, err.Msg), nil
	}
	rc, perr := r.call(proc, params, c.Name == "INCLUDE-PROCEDURE", c.Pos)
	r.frame.last = rc
	if perr != nil {
		// The called procedure's error becomes the error of the call; its
		// message was printed where it happened.
		// The error keeps the position where it happened and the call
		// stack that led there.
		r.frame.saved = rc
		return command.Result{}, &signal{kind: sigError, err: perr}
	}
	return command.Result{RC: rc}, nil
}

// procedureFromList reads a procedure stored in a list variable of
// strings, one record per element.
func (r *Runner) procedureFromList(name string) (*ast.Procedure, *Error) {
	fail := func(msg string) (*ast.Procedure, *Error) {
		return nil, &Error{RC: command.ReturnCode{SC1: 64, Main: codeSemantic}, Msg: msg}
	}
	_, n, found := r.find(name)
	if !found || n.t.kind != listNode {
		return fail("PROCEDURE CONTAINER " + strings.ToUpper(name) + " IS NOT A DECLARED LIST VARIABLE")
	}
	var b strings.Builder
	for i, e := range n.elems {
		s, isString := e.value.(string)
		if !isString {
			return fail("ELEMENT " + itoa(i+1) + " OF PROCEDURE CONTAINER " + strings.ToUpper(name) + " IS NOT A STRING")
		}
		b.WriteString(s + "\n")
	}
	text := b.String()
	if !strings.HasPrefix(strings.TrimLeft(text, " "), "/") {
		return fail("LIST " + strings.ToUpper(name) + " HOLDS NO PROCEDURE: ITS FIRST RECORD IS NOT A COMMAND")
	}
	proc, errs := r.parser.ParseFile(strings.ToUpper(name), text)
	if len(errs) > 0 {
		return nil, &Error{RC: command.ReturnCode{SC1: 1, Main: errs[0].Code}, Msg: errs[0].Msg, Pos: errs[0].Pos}
	}
	return proc, nil
}

// declareParameter declares procedure parameters and gives them the
// values the caller passed: positionally in the order the parameters are
// declared, or by (abbreviated) keyword.
func (r *Runner) declareParameter(c *ast.Command) (command.Result, *signal) {
	f := r.frame
	for _, item := range declaredItems(c.Args, "NAME") {
		name := strings.ToUpper(item.Str)
		t := &template{kind: simpleNode}
		var initial *ast.Value
		if item.Struct != nil {
			t.typ = simpleTypes[item.Struct.Keyword("TYPE")]
			initial = item.Struct.Get("INITIAL-VALUE")
		}
		pos := len(f.paramOrder)
		f.paramOrder = append(f.paramOrder, name)
		v := &variable{name: name, node: newNode(t), scope: "*PROCEDURE"}
		f.locals.vars[name] = v
		text, given := f.takeParam(name, pos)
		switch {
		case given && text != "":
			if err := r.store(v.node, name, paramValue(text, t.typ), modeReplace); err != nil {
				return resultOf(err), nil
			}
		case initial != nil && initial.Expr != nil:
			val, err := r.eval(initial.Expr)
			if err != nil {
				return resultOf(err), nil
			}
			if err := r.store(v.node, name, val, modeReplace); err != nil {
				return resultOf(err), nil
			}
		default:
			return semanticError("PROCEDURE PARAMETER " + name + " HAS NO VALUE: THE CALLER MUST PASS ONE"), nil
		}
	}
	return ok, nil
}

// takeParam finds the actual parameter for a formal one: by keyword
// (abbreviations allowed) or by position.
func (f *frame) takeParam(name string, pos int) (string, bool) {
	for i, p := range f.params {
		if p.Name != "" && !f.usedParams[i] && (p.Name == name || catalog.Abbreviates(p.Name, name)) {
			f.usedParams[i] = true
			return p.Value, true
		}
	}
	if pos < len(f.params) && f.params[pos].Name == "" {
		f.usedParams[pos] = true
		return f.params[pos].Value, true
	}
	return "", false
}

// paramValue converts a passed parameter text to the parameter's type.
func paramValue(text string, typ builtins.Type) any {
	t := strings.TrimSpace(text)
	if len(t) >= 2 && t[0] == '\'' && t[len(t)-1] == '\'' {
		return strings.ReplaceAll(t[1:len(t)-1], "''", "'")
	}
	switch typ {
	case builtins.TypeString:
		return t
	case builtins.TypeBoolean:
		switch strings.ToUpper(t) {
		case "TRUE", "YES", "ON":
			return true
		case "FALSE", "NO", "OFF":
			return false
		}
	}
	if n, err := strconv.Atoi(t); err == nil && n >= minInt && n <= maxInt && typ != builtins.TypeString {
		return n
	}
	return t
}

// executeCmd runs a command and catches its text output, its structured
// output and its return code.
func (r *Runner) executeCmd(c *ast.Command) (command.Result, *signal) {
	a := c.Args
	inner, errs := r.parser.ParseCommand(lexer.NewUnit(a.Str("CMD"), c.Pos))
	if len(errs) > 0 {
		return command.Error(1, "CMD0202", "EXECUTE-CMD: "+errs[0].Msg), nil
	}
	if inner.Spec == nil || inner.Args == nil {
		return command.Error(1, "CMD0202", "EXECUTE-CMD: NO COMMAND GIVEN"), nil
	}
	if inner.Spec.Role != catalog.RoleNone {
		return command.Error(1, "SDP0118", "EXECUTE-CMD CANNOT RUN THE CONTROL COMMAND "+inner.Name), nil
	}
	var res command.Result
	if fn := natives[inner.Name]; fn != nil {
		var sig *signal
		res, sig = fn(r, inner)
		if sig != nil {
			return command.Result{}, sig
		}
	} else {
		res = r.dispatch(inner)
	}
	switch to := a.Get("TEXT-OUTPUT"); {
	case to.Keyword == "*NONE":
	case to.Keyword == "*SYSOUT":
		for _, l := range res.Output {
			r.println(l)
		}
	default:
		if _, sig := r.linesToList(to.Str, res.Output, modeOf(to.Struct)); sig != nil {
			return command.Result{}, sig
		}
	}
	if so := a.Get("STRUCTURE-OUTPUT"); so.Keyword != "*NONE" {
		if err := r.structureOutput(so.Str, res.Records, modeOf(so.Struct)); err != nil {
			return resultOf(err), nil
		}
	}
	switch rcOp := a.Get("RETURNCODE"); rcOp.Keyword {
	case "*STD":
		return command.Result{RC: res.RC, SpinOff: res.SpinOff}, nil
	case "*VARIABLE":
		for key, val := range map[string]any{"SUBCODE1": res.RC.SC1, "SUBCODE2": res.RC.SC2, "MAINCODE": res.RC.Main} {
			target := rcOp.Struct.Get(key)
			if target == nil || target.Keyword == "*NONE" || target.Str == "" {
				continue
			}
			name, err := varName(target.Str)
			if err != nil {
				return resultOf(err), nil
			}
			if err := r.assign(name, val, modeReplace); err != nil {
				return resultOf(err), nil
			}
		}
	}
	return ok, nil
}

// structureOutput stores a command's structured output as a list of
// structures: one element per record. A missing target is declared as a
// list of dynamic structures; for a list of static structures only the
// declared elements are filled, the others get their type's default.
func (r *Runner) structureOutput(target string, records []command.Record, mode writeMode) error {
	name, err := varName(target)
	if err != nil {
		return err
	}
	v := r.lookup(name.Parts[0].Name)
	if v == nil {
		if !name.Simple() {
			return semanticf("VARIABLE %s IS NOT DECLARED", name.Text)
		}
		v = &variable{name: name.Parts[0].Name, scope: "*PROCEDURE",
			node: newNode(&template{kind: listNode, elem: &template{kind: structNode, dynamic: true}})}
		r.frame.locals.vars[v.name] = v
	}
	list, err := r.walk(v, name.Parts, true)
	if err != nil {
		return err
	}
	if list.t.kind != listNode || list.t.elem.kind != structNode {
		return semanticf("STRUCTURE-OUTPUT NEEDS A LIST OF STRUCTURES, BUT %s IS %s", name.Text, list.t.kindName())
	}
	if mode == modeReplace {
		list.elems = nil
	}
	for _, rec := range records {
		list.elems = append(list.elems, recordNode(rec, list.t.elem))
	}
	return nil
}

func recordNode(rec command.Record, t *template) *node {
	n := newNode(t)
	for _, f := range rec {
		existing := n.fields[f.Name]
		if existing == nil && !t.dynamic {
			continue
		}
		var e *node
		switch v := f.Value.(type) {
		case []command.Record:
			e = newNode(&template{kind: listNode, elem: &template{kind: structNode, dynamic: true}})
			for _, sub := range v {
				e.elems = append(e.elems, recordNode(sub, e.t.elem))
			}
		default:
			if existing != nil && existing.t.kind == simpleNode && existing.t.accepts(v) {
				existing.value = v
				continue
			}
			e = newNode(&template{kind: simpleNode})
			e.value = v
		}
		if existing == nil {
			n.order = append(n.order, f.Name)
		}
		n.fields[f.Name] = e
	}
	if !t.dynamic {
		for _, name := range n.order {
			if f := n.fields[name]; f.t.kind == simpleNode && f.value == nil {
				switch f.t.typ {
				case builtins.TypeInteger:
					f.value = 0
				case builtins.TypeBoolean:
					f.value = false
				default:
					f.value = ""
				}
			}
		}
	}
	return n
}

func itoa(n int) string { return strconv.Itoa(n) }
