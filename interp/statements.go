package interp

import (
	"sort"
	"strconv"
	"strings"

	"sdfp/builtins"
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer/ebcdic"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// natives are the SDF-P statements the interpreter executes itself; the
// block commands (IF, WHILE, FOR ...) are executed by the statement walk
// in exec.go. A Runner reaches the table through its field, which keeps
// the statements that run other commands (EXECUTE-CMD) out of an
// initialisation cycle.
var natives = map[string]native{
	"SET-PROCEDURE-OPTIONS":    (*Runner).procedureOptions,
	"MODIFY-PROCEDURE-OPTIONS": (*Runner).procedureOptions,
	"DECLARE-VARIABLE":         (*Runner).declareVariable,
	"IMPORT-VARIABLE":          (*Runner).importVariable,
	"EXPORT-VARIABLE":          (*Runner).exportVariable,
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
	"SET-JOB-STEP":             (*Runner).setJobStep,
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
	"REMARK":                   (*Runner).noOperation,
	"TRACE-PROCEDURE":          (*Runner).noOperation,
	"OPEN-VARIABLE-CONTAINER":  (*Runner).openVariableContainer,
	"SAVE-VARIABLE-CONTAINER":  (*Runner).saveVariableContainer,
	"CLOSE-VARIABLE-CONTAINER": (*Runner).closeVariableContainer,

	// test aids (testoptions.go), S variable streams (streams.go)
	"MODIFY-PROCEDURE-TEST-OPTIONS": (*Runner).modifyTestOptions,
	"ASSIGN-STREAM":                 (*Runner).assignStream,
}

// done is the result of a statement that ran without error.
var done = handler.Result{RC: handler.OK}

func (r *Runner) noOperation(*ast.Command) (handler.Result, *signal) { return done, nil }

func (r *Runner) procedureOptions(c *ast.Command) (handler.Result, *signal) {
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
	return done, nil
}

func modeOf(a *ast.Args) writeMode {
	var mode ast.Keyword
	a.Unpack("WRITE-MODE", &mode)
	switch mode {
	case "*EXTEND":
		return modeExtend
	case "*PREFIX":
		return modePrefix
	}
	return modeReplace
}

func (r *Runner) setVariable(c *ast.Command) (handler.Result, *signal) {
	a := c.Args
	name, err := nameOf(a.Get("VARIABLE-NAME"))
	if err != nil {
		return resultOf(err), nil
	}
	val := a.Get("VALUE")
	var v any
	switch {
	case val.Expr != nil:
		// The value's site also keeps the variable the assignment
		// writes (varcache.go).
		s := r.site(val.Expr)
		v, err = r.evalAt(s, val.Expr)
		if err != nil {
			return handler.Result{}, r.exprFail(c, err)
		}
		if !s.moded { // the operands of a parsed command do not change
			s.mode, s.moded = modeOf(a), true
		}
		if err := r.assignVia(&s.target, name, v, s.mode); err != nil {
			return resultOf(err), nil
		}
		return done, nil
	case val.Keyword == "*STRING-TO-VARIABLE":
		return r.stringToVariable(c, name, val)
	case val.Keyword == "*LIST":
		src, err := varName(val.Struct.Str("LIST-NAME"))
		if err != nil {
			return resultOf(err), nil
		}
		got, found, err := r.readVar(src)
		if err != nil || !found {
			if err == nil {
				err = varNotDeclared.err(src.Text)
			}
			return resultOf(err), nil
		}
		v = got
	default:
		return valueNotAnalysable.result(), nil
	}
	if err := r.assign(name, v, modeOf(a)); err != nil {
		return resultOf(err), nil
	}
	return done, nil
}

func (r *Runner) freeVariable(c *ast.Command) (handler.Result, *signal) {
	for _, item := range declaredItems(c.Args, "VARIABLE-NAME") {
		name, err := nameOf(item)
		if err != nil {
			return resultOf(err), nil
		}
		v := r.lookup(name.Parts[0].Name)
		if v == nil {
			return varNotDeclared.result(name.Parts[0].Name), nil
		}
		if c.Args.Keyword("DESTROY-CONTAINER") == "*YES" {
			if err := r.destroyContainer(v); err != nil {
				return resultOf(err), nil
			}
		}
		if err := r.free(v, name.Parts); err != nil {
			return resultOf(err), nil
		}
		releaseJV(v)
	}
	return done, nil
}

// free removes the contents of a variable or element; a list element is
// removed from its list (lists have no gaps), an array element from its
// array.
func (r *Runner) free(v *variable, parts []ast.NamePart) error {
	if v == r.sysswitch {
		return sysSwitchFixed.err()
	}
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
				return listNoElement.err(last.Name, k)
			}
			n.elems = append(n.elems[:k-1], n.elems[k:]...)
		case arrayNode:
			delete(n.cells, k)
		default:
			return notListOrArray.err(last.Name)
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

func (r *Runner) deleteVariable(c *ast.Command) (handler.Result, *signal) {
	for _, item := range declaredItems(c.Args, "VARIABLE-NAME") {
		name := strings.ToUpper(item.Str)
		if err := r.deleteDeclared(name, c.Args.Keyword("SCOPE")); err != nil {
			return resultOf(err), nil
		}
	}
	return done, nil
}

func (r *Runner) showVariable(c *ast.Command) (handler.Result, *signal) {
	var lines []string
	withIndex := showListIndex(c.Args)
	v := c.Args.Get("VARIABLE-NAME")
	// The binder gives a list-poss operand as a list, so *ALL arrives as
	// its only element (SHOW-VARIABLE *ALL failed with "VARIABLE  IS NOT
	// DECLARED").
	all := v.Alt != nil && v.Alt.Kind == catalog.AltKeyword ||
		v.IsList && len(v.List) == 1 && v.List[0].Alt != nil && v.List[0].Alt.Kind == catalog.AltKeyword
	if all {
		seen := map[string]bool{}
		for f := r.frame; f != nil; f = f.parent {
			for _, n := range f.locals.names() {
				if !seen[n] {
					seen[n] = true
					showLines(n, r.loadContainer(f.locals.vars[n]).node, withIndex, &lines)
				}
			}
			if !f.include {
				break
			}
		}
	} else {
		for _, item := range declaredItems(c.Args, "VARIABLE-NAME") {
			_, n, found := r.find(item.Str)
			if !found {
				return varNotDeclared.result(strings.ToUpper(item.Str)), nil
			}
			showLines(strings.TrimSuffix(strings.ToUpper(item.Str), "#"), n, withIndex, &lines)
		}
	}
	return r.output(c.Args.Get("OUTPUT"), lines)
}

// output sends lines to SYSOUT (in the result), SYSLST or a list variable.
func (r *Runner) output(dest *ast.Value, lines []string) (handler.Result, *signal) {
	switch {
	case dest == nil || dest.Keyword == "*SYSOUT" || dest.Keyword == "":
		if dest != nil && dest.Alt != nil && dest.Alt.Kind != catalog.AltKeyword {
			return r.linesToList(dest.Str, lines, modeExtend)
		}
		return handler.Done(msg.Plains(lines...)...), nil
	case dest.Keyword == "*SYSLST":
		for _, l := range lines {
			r.syslst.println(l)
		}
		return done, nil
	}
	return done, nil
}

// linesToList stores lines in a list variable, declaring it as a list of
// strings when it does not exist.
func (r *Runner) linesToList(target string, lines []string, mode writeMode) (handler.Result, *signal) {
	name, err := r.parsedName(target)
	if err != nil {
		return resultOf(err), nil
	}
	if r.lookup(name.Parts[0].Name) == nil && name.Simple() {
		v := &variable{name: name.Parts[0].Name, scope: "*PROCEDURE",
			node: newNode(&template{kind: listNode, elem: &template{kind: simpleNode, typ: builtins.TypeString}})}
		if err := r.newVariable(v.name, v.node); err != nil {
			return resultOf(err), nil
		}
		r.frame.locals.set(v.name, v)
	}
	if v := r.lookup(name.Parts[0].Name); v != nil && mode == modeReplace {
		if n, err := r.walk(v, name.Parts, true); err == nil && n.t.kind == listNode {
			n.elems = nil
		}
	}
	for _, l := range lines {
		if err := r.assign(name, l, modeExtend); err != nil {
			return resultOf(err), nil
		}
	}
	return done, nil
}

func (r *Runner) writeText(c *ast.Command) (handler.Result, *signal) {
	line := c.Args.Str("TEXT")
	if c.Args.Keyword("OUTPUT") == "*SYSLST" {
		r.syslst.println(line)
		return done, nil
	}
	return handler.Done(msg.Plain(line)), nil
}

// readVariable reads one input line per variable from the task's SYSDTA
// (the run's standard input). A quoted input is a string, digits an
// integer, anything else a string.
func (r *Runner) readVariable(c *ast.Command) (handler.Result, *signal) {
	v := c.Args.Get("VARIABLE-NAME")
	if v.Keyword == "*BY-INPUT" {
		return readByInput.result(), nil
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
		for _, line := range lines {
			if bad, ok := notEBCDIC(target, line); ok {
				return bad, nil
			}
		}
		return r.linesToList(target, lines, modeReplace)
	}
	for _, item := range declaredItems(c.Args, "VARIABLE-NAME") {
		line, err := r.stdin.ReadString('\n')
		if err != nil && line == "" {
			return endOfInput.result(strings.ToUpper(item.Str)), nil
		}
		name, nerr := varName(item.Str)
		if nerr != nil {
			return resultOf(nerr), nil
		}
		if bad, ok := notEBCDIC(item.Str, line); ok {
			return bad, nil
		}
		if err := r.assign(name, inputValue(strings.TrimRight(line, "\r\n"), c.Args.Keyword("STRING-QUOTES") != "*NO"), modeReplace); err != nil {
			return resultOf(err), nil
		}
	}
	return done, nil
}

// notEBCDIC is the failure of input for target that is not host text
// whose every character has an EBCDIC code: SYSDTA is where host text
// meets BS2000, and nothing is changed silently (package lexer/ebcdic).
func notEBCDIC(target, line string) (handler.Result, bool) {
	off, _ := ebcdic.Valid(line)
	if off < 0 {
		return handler.Result{}, false
	}
	return inputNotEBCDIC.result(strings.ToUpper(target), ebcdic.Describe(line, off)), true
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

func (r *Runner) gotoLabel(c *ast.Command) (handler.Result, *signal) {
	return done, &signal{kind: sigGoto, label: c.Args.Str("LABEL"), pos: c.Pos}
}

func tagOperand(c *ast.Command, key string) string {
	if v := c.Args.Get(key); v != nil && v.Alt != nil && v.Alt.Kind != catalog.AltKeyword {
		return v.Str
	}
	return ""
}

func (r *Runner) cycle(c *ast.Command) (handler.Result, *signal) {
	return done, &signal{kind: sigCycle, label: tagOperand(c, "LOOP"), pos: c.Pos}
}

func (r *Runner) exitBlock(c *ast.Command) (handler.Result, *signal) {
	return done, &signal{kind: sigExitBlock, label: tagOperand(c, "BLOCK"), pos: c.Pos}
}

// includeBlock runs a tagged BEGIN block as an internal subprocedure.
func (r *Runner) includeBlock(c *ast.Command) (handler.Result, *signal) {
	tag := c.Args.Str("BLOCK")
	b := r.frame.blocks[tag]
	if b == nil {
		return includeBlockTag.result(tag), nil
	}
	if err := r.checkNesting(); err != nil {
		return resultOf(err), nil
	}
	r.includes++
	sig := r.execStmt(b)
	r.includes--
	if sig != nil {
		return handler.Result{}, sig
	}
	return done, nil
}

func (r *Runner) raiseError(c *ast.Command) (handler.Result, *signal) {
	sc1, _ := c.Args.Int("SUBCODE1")
	sc2, _ := c.Args.Int("SUBCODE2")
	rc := handler.ReturnCode{SC1: int(sc1), SC2: int(sc2), Main: c.Args.Str("MAINCODE")}
	if rc.SC1 == 0 {
		r.frame.saved = rc
		return handler.Result{RC: rc}, nil
	}
	return handler.Result{RC: rc, SpinOff: true}, nil
}

func (r *Runner) saveReturncode(c *ast.Command) (handler.Result, *signal) {
	r.frame.saved = r.frame.lastRC()
	return handler.Result{RC: r.frame.saved}, nil
}

func (r *Runner) exitProcedure(c *ast.Command) (handler.Result, *signal) {
	if c.Name == "CANCEL-PROCEDURE" {
		return handler.Result{}, &signal{kind: sigExit, rc: procedureCancelled.result().RC, exitErr: true, pos: c.Pos}
	}
	if c.Name == "END-PROCEDURE" {
		return handler.Result{}, &signal{kind: sigExit, rc: handler.OK}
	}
	e := c.Args.Get("ERROR")
	s := e.Struct
	sc2, _ := s.Int("SUBCODE2")
	rc := handler.ReturnCode{SC2: int(sc2), Main: s.Str("MAINCODE")}
	if e.Keyword == "*YES" {
		sc1, _ := s.Int("SUBCODE1")
		rc.SC1 = int(sc1)
		return handler.Result{}, &signal{kind: sigExit, rc: rc, exitErr: true, pos: c.Pos}
	}
	return handler.Result{}, &signal{kind: sigExit, rc: rc}
}

func itoa(n int) string { return strconv.Itoa(n) }

// Commands lists the commands the interpreter executes itself: its
// statements, and the block commands (IF ... END-IF, WHILE, FOR,
// BEGIN-BLOCK ...) that the parser turns into blocks by their role in
// cat and the statement walk runs. Every other command goes to an
// executor of the handler chain.
func Commands(cat *catalog.Catalog) []string {
	names := handler.Names(natives)
	for _, c := range cat.Commands() {
		if c.Role != catalog.RoleNone && natives[c.Name] == nil {
			names = append(names, c.Name)
		}
	}
	sort.Strings(names)
	return names
}
