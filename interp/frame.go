package interp

import (
	"strings"

	"github.com/spf13/afero"

	"sdfp/builtins"
	"sdfp/hypervisor/bs2000/dms"
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer"
	"sdfp/parser/ast"
)

// frame is one procedure level: the procedure, its variables, its options
// and its return code state.
type frame struct {
	proc    *ast.Procedure
	locals  *scope
	parent  *frame
	include bool // entered by INCLUDE-PROCEDURE: the caller's variables are visible
	dialog  bool // the level of a dialog (NewDialog), not of a procedure
	level   int
	callPos lexer.Pos

	implicitDecl bool // IMPLICIT-DECLARATION=*YES
	byReturnCode bool // ERROR-MECHANISM=*BY-RETURNCODE
	dataErrors   bool // DATA-ERROR-HANDLING=*YES

	last   handler.ReturnCode // return code of the last command, unless lastOK
	lastOK bool               // the last command ended with CMD0001 (setOK)
	saved  handler.ReturnCode // what SUBCODE1(), SUBCODE2(), MAINCODE() return

	params     []Param // actual parameters of the call, consumed by DECLARE-PARAMETER
	paramOrder []string
	usedParams map[int]bool

	labels      map[*ast.Stmt]map[string]int // per statement list: label -> index
	sites       map[ast.Expr]*site           // compiled expressions of this level (eval)
	plans       []*plan                      // by ast.Command.Slot (plan.go)
	blocks      map[string]*ast.Block        // BEGIN-BLOCK by tag, for INCLUDE-BLOCK
	syslstSaved *syslstState                 // SYSLST assignment at the call, restored at exit
}

// setOK records that the last command ended with CMD0001. A flag, not
// the code: a planned assignment sets it at every pass, and a four-word
// store with its write barrier check was a tenth of the statement's own
// cost.
func (f *frame) setOK() { f.lastOK = true }

// setLast records the return code of the last command.
func (f *frame) setLast(rc handler.ReturnCode) { f.last, f.lastOK = rc, false }

// lastRC is the return code of the last command.
func (f *frame) lastRC() handler.ReturnCode {
	if f.lastOK {
		return handler.OK
	}
	return f.last
}

// Param is an actual procedure parameter: positional (Name "") or
// NAME=value. Value is the text as passed.
type Param struct {
	Name  string
	Value string
}

// labelIndex finds a label among the statements of one list.
func (f *frame) labelIndex(list []ast.Stmt, label string) int {
	if len(list) == 0 {
		return -1
	}
	key := &list[0]
	m, ok := f.labels[key]
	if !ok {
		m = map[string]int{}
		for i, s := range list {
			if c := s.Opener(); c != nil && c.Label != "" {
				m[c.Label] = i
			}
		}
		f.labels[key] = m
	}
	if i, ok := m[label]; ok {
		return i
	}
	return -1
}

// call runs a procedure as a new procedure level.
func (r *Runner) call(proc *ast.Procedure, params []Param, include bool, pos lexer.Pos) (handler.ReturnCode, *Error) {
	f := &frame{
		proc: proc, locals: newScope(), parent: r.frame, include: include, callPos: pos,
		implicitDecl: true, dataErrors: true, last: handler.OK, saved: handler.OK,
		params: params, usedParams: map[int]bool{}, labels: map[*ast.Stmt]map[string]int{},
		blocks: map[string]*ast.Block{}, syslstSaved: r.syslst.save(),
	}
	if r.frame != nil {
		f.level = r.frame.level + 1
		if include {
			// an INCLUDE procedure starts with its caller's options
			f.implicitDecl, f.byReturnCode, f.dataErrors = r.frame.implicitDecl, r.frame.byReturnCode, r.frame.dataErrors
		}
	} else {
		f.level = 1
	}
	ast.Walk(proc.Body, func(s ast.Stmt) bool {
		if b, ok := s.(*ast.Block); ok && b.Cmd.Label != "" {
			f.blocks[b.Cmd.Label] = b
		}
		return true
	})
	r.frame = f
	defer func() {
		r.syslst.restore(f.syslstSaved)
		r.frame = f.parent
	}()
	if err := r.checkParamsPassed(); err != nil {
		return err.RC, err
	}
	sig := r.execList(proc.Body)
	if sig == nil {
		if err := r.unusedParams(); err != nil {
			return err.RC, err
		}
		return handler.OK, nil
	}
	switch sig.kind {
	case sigError:
		return sig.err.RC, sig.err
	case sigExit:
		if sig.exitErr && sig.rc.SC1 != 0 {
			return sig.rc, r.errorAt(sig.pos, sig.rc, msg.New("exit-procedure-error"))
		}
		return sig.rc, nil
	case sigGoto:
		e := r.branchError(signalPos(sig, pos), gotoNotEnclosing.result(sig.label))
		return e.RC, e
	}
	what := "EXIT-BLOCK"
	if sig.kind == sigCycle {
		what = "CYCLE"
	}
	res := exitOutsideBlock.result(what)
	if sig.label != "" {
		res = exitOutsideNamedBlock.result(what, strings.ToUpper(sig.label))
	}
	e := r.branchError(signalPos(sig, pos), res)
	return e.RC, e
}

// branchError is the error of a GOTO, CYCLE or EXIT-BLOCK that found no
// target, printed as a failing command's message is (failAt): the
// signal came back to the procedure's level without a command failing.
func (r *Runner) branchError(pos lexer.Pos, res handler.Result) *Error {
	for _, line := range res.Output {
		r.print(line)
	}
	return r.errorOf(pos, res)
}

// signalPos is where a GOTO, CYCLE or EXIT-BLOCK that left its procedure
// was, else the fallback (the call).
func signalPos(sig *signal, fallback lexer.Pos) lexer.Pos {
	if sig.pos.Line > 0 {
		return sig.pos
	}
	return fallback
}

// checkParamsPassed is a hook for parameter checks at procedure start;
// parameters are bound when DECLARE-PARAMETER runs.
func (r *Runner) checkParamsPassed() *Error { return nil }

// unusedParams reports actual parameters that no DECLARE-PARAMETER took.
func (r *Runner) unusedParams() *Error {
	f := r.frame
	for i, p := range f.params {
		if !f.usedParams[i] {
			var name any = p.Name
			if p.Name == "" {
				name = msg.New("param-number", i+1, p.Value)
			}
			return r.errorOf(f.callPos, paramNotDeclared.result(name))
		}
	}
	return nil
}

// hostName maps a BS2000 file name to the name of a file in the run's
// file system: the name as written, else in lower case, else lower case
// with ".proc" appended (so CALL-PROCEDURE MIGRATE finds migrate.proc).
func (r *Runner) hostName(name string) (string, bool) {
	for _, cand := range []string{name, strings.ToLower(name), strings.ToLower(name) + ".proc"} {
		if ok, _ := afero.Exists(r.fs, cand); ok {
			return cand, true
		}
	}
	return name, false
}

// loadProcedure reads and parses a procedure file.
func (r *Runner) loadProcedure(name string) (*ast.Procedure, *Error) {
	host, ok := r.hostName(name)
	if !ok {
		return nil, r.errorOf(lexer.Pos{}, procFileNotFound.result(name))
	}
	// only a regular file, and only up to the cap: a FIFO in the
	// workdir would hang the read, a huge file exhaust memory
	src, err := dms.ReadFile(r.fs, host, dms.MaxProcedureSize)
	if err != nil {
		return nil, r.errorOf(lexer.Pos{}, procFileUnreadable.result(name, fileFailure(err)))
	}
	text := string(src)
	// The reader first: it skips a byte order mark and names a file in
	// UTF-16 or EBCDIC, which the test for a first command would only
	// call no procedure.
	proc, errs := r.readProcedure(host, text)
	if len(errs) > 0 {
		return nil, r.syntaxError(errs[0])
	}
	if t := strings.TrimLeft(strings.TrimPrefix(text, "\uFEFF"), " \t\r\n"); !strings.HasPrefix(t, "/") {
		return nil, r.errorOf(lexer.Pos{}, procFileNotProcedure.result(name))
	}
	return proc, nil
}

// parseActualParams splits PROCEDURE-PARAMETERS text "(A, B='x', , 5)"
// into parameters. Strings keep their quotes here; binding removes them.
func parseActualParams(text string) ([]Param, bool) {
	t := strings.TrimSpace(text)
	if t == "" || strings.EqualFold(t, "*NONE") {
		return nil, true
	}
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		t = t[1 : len(t)-1]
	}
	parts, ok := builtins.SplitTopLevel(t)
	if !ok {
		return nil, false
	}
	var out []Param
	for _, part := range parts {
		part = strings.TrimSpace(part)
		p := Param{Value: part}
		if !strings.HasPrefix(part, "'") {
			if k, v, ok := strings.Cut(part, "="); ok && !strings.ContainsAny(k, "'(") {
				p = Param{Name: strings.ToUpper(strings.TrimSpace(k)), Value: strings.TrimSpace(v)}
			}
		}
		out = append(out, p)
	}
	return out, true
}
