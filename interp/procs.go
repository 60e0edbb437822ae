package interp

import (
	"strconv"
	"strings"

	"sdfp/builtins"
	"sdfp/interp/handler"
	"sdfp/lexer"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// CALL-PROCEDURE and DECLARE-PARAMETER: finding the called procedure and
// binding its parameters.

func (r *Runner) callProcedure(c *ast.Command) (handler.Result, *signal) {
	from := c.Args.Get("FROM-FILE")
	params, ok := parseActualParams(c.Args.Str("PROCEDURE-PARAMETERS"))
	if !ok {
		return procParamsUnbalanced.result(c.Args.Str("PROCEDURE-PARAMETERS")), nil
	}
	if err := r.checkNesting(); err != nil {
		return resultOf(err), nil // before the procedure is read
	}
	var proc *ast.Procedure
	var err *Error
	if from.Keyword == "*VARIABLE" {
		proc, err = r.procedureFromList(from.Struct.Str("VARIABLE-NAME"))
	} else {
		proc, err = r.loadProcedure(from.Str)
	}
	if err != nil {
		return handler.Fail(err.RC.SC1, err.Msg), nil
	}
	rc, perr := r.call(proc, params, c.Name == "INCLUDE-PROCEDURE", c.Pos)
	r.frame.setLast(rc)
	if perr != nil {
		// The called procedure's error becomes the error of the call; its
		// message was printed where it happened.
		// The error keeps the position where it happened and the call
		// stack that led there.
		r.frame.saved = rc
		return handler.Result{}, &signal{kind: sigError, err: perr}
	}
	return handler.Result{RC: rc}, nil
}

// procedureFromList reads a procedure stored in a list variable of
// strings, one record per element.
func (r *Runner) procedureFromList(name string) (*ast.Procedure, *Error) {
	fail := func(id outcomeID, inserts ...any) (*ast.Procedure, *Error) {
		return nil, r.errorOf(lexer.Pos{}, id.result(inserts...))
	}
	_, n, found := r.find(name)
	if !found || n.t.kind != listNode {
		return fail(procContainerNotList, strings.ToUpper(name))
	}
	var b strings.Builder
	for i, e := range n.elems {
		s, isString := e.value().(string)
		if !isString {
			return fail(procContainerElement, i+1, strings.ToUpper(name))
		}
		b.WriteString(s + "\n")
	}
	text := b.String()
	if !strings.HasPrefix(strings.TrimLeft(text, " "), "/") {
		return fail(procContainerEmpty, strings.ToUpper(name))
	}
	proc, errs := r.parser.ParseFile(strings.ToUpper(name), text)
	if errs = UpFront(proc, errs, r.strict); len(errs) > 0 {
		return nil, r.syntaxError(errs[0])
	}
	return proc, nil
}

// declareParameter declares procedure parameters and gives them the
// values the caller passed: positionally in the order the parameters are
// declared, or by (abbreviated) keyword.
func (r *Runner) declareParameter(c *ast.Command) (handler.Result, *signal) {
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
		if err := r.newVariable(name, v.node); err != nil {
			return resultOf(err), nil
		}
		f.locals.set(name, v)
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
			return paramNoValue.result(name), nil
		}
	}
	return done, nil
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
