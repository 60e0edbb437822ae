package check

import (
	"sort"
	"strconv"
	"strings"

	"sdfp/lexer"
	"sdfp/parser"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// Checks of what a run would refuse or what cannot be meant: VM2000
// commands outside an administration dialog, WAIT-EVENT on a job variable
// nothing in the procedure creates or monitors, IF-CMD-ERROR where it has
// no command to apply to, code no path reaches, variables read before
// anything assigns them. They look at the procedure in source order
// (they do not follow GOTOs), so they are warnings.

// Codes of these findings: SDP0118 for context, SDP0091 for variables.
const (
	codeContext  = "SDP0118"
	codeVariable = "SDP0091"
)

func (w *walker) warn(pos lexer.Pos, code, format string, args ...any) {
	w.out.Add(lexer.Warnf(pos, code, format, args...))
}

// flowChecks runs the source-order checks.
func (w *walker) flowChecks(proc *ast.Procedure) {
	w.dialogs(proc)
	w.waitEvents(proc)
	w.cmdErrorTargets(proc.Body)
	w.unreachable(proc.Body)
	w.readsBeforeAssignment(proc)
}

// inner returns the command an EXECUTE-CMD runs, parsed, or nil.
func (w *walker) inner(c *ast.Command) *ast.Command {
	if c.Name != "EXECUTE-CMD" || c.Args == nil {
		return nil
	}
	in, errs := w.c.Parser.ParseCommand(lexer.NewUnit(c.Args.Str("CMD"), c.Pos))
	if len(errs) > 0 || in.Spec == nil {
		return nil
	}
	return in
}

// allCommands lists every command of the procedure in source order.
func allCommands(proc *ast.Procedure) []*ast.Command {
	var out []*ast.Command
	ast.Walk(proc.Body, func(s ast.Stmt) bool {
		out = append(out, directCommands(s)...)
		return true
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos.Offset < out[j].Pos.Offset })
	return out
}

// dialogs: a VM2000 command needs the administration dialog opened by
// BEGIN-VM-DIALOG and not yet closed by END-VM-DIALOG. The state follows
// the blocks: a branch that ends with GOTO or EXIT-PROCEDURE does not
// carry its state on, and after a block the dialog counts as open when it
// is open on any path that goes on (so only certain mistakes are shown).
func (w *walker) dialogs(proc *ast.Procedure) {
	w.dialogList(proc.Body, false)
}

func (w *walker) dialogList(list []ast.Stmt, open bool) bool {
	for _, s := range list {
		if c, ok := s.(*ast.Command); ok {
			open = w.dialogCommand(c, open)
			continue
		}
		for _, c := range directCommands(s) {
			if c != s.Opener() {
				continue
			}
			open = w.dialogCommand(c, open)
		}
		after := false
		branches := ast.Children(s)
		fallsThroughAll := true
		for _, body := range branches {
			end := w.dialogList(body, open)
			if fallsThrough(body) {
				after = after || end
			} else {
				fallsThroughAll = false
			}
		}
		switch s.(type) {
		case *ast.If, *ast.While, *ast.For, *ast.ErrorBlock:
			// a branch may not run at all
			after = after || open
		}
		if len(branches) > 0 && !fallsThroughAll && !after {
			after = open
		}
		open = after
	}
	return open
}

func (w *walker) dialogCommand(c *ast.Command, open bool) bool {
	cmd := c
	if in := w.inner(c); in != nil {
		cmd = in
	}
	if cmd.Spec == nil || cmd.Spec.Domain != "VM2000" {
		return open
	}
	switch cmd.Name {
	case "BEGIN-VM-DIALOG":
		return true
	case "END-VM-DIALOG":
		if !open {
			w.warn(c.Pos, codeContext, "END-VM-DIALOG without a preceding BEGIN-VM-DIALOG")
		}
		return false
	}
	if !open {
		w.warn(c.Pos, codeContext, "%s is a VM2000 command but no BEGIN-VM-DIALOG precedes it: VM2000 refuses it outside an administration dialog", cmd.Name)
	}
	return open
}

// fallsThrough reports whether control can leave a statement list at its
// end (its last command is not a branch or exit).
func fallsThrough(list []ast.Stmt) bool {
	for i := len(list) - 1; i >= 0; i-- {
		c, ok := list[i].(*ast.Command)
		if !ok {
			return true
		}
		if c.Name == "" && !c.Subst {
			continue // comment
		}
		switch c.Name {
		case "GOTO", "EXIT-PROCEDURE", "CANCEL-PROCEDURE", "END-PROCEDURE", "EXIT-BLOCK", "CYCLE":
			return false
		}
		return !unconditionalSkip(c)
	}
	return true
}

// waitEvents: a WAIT-EVENT on a job variable that the procedure neither
// creates, writes nor names as MONJV waits on something only another job
// can change; usually a misspelt name. A command with & replacement names
// its job variables like any other where the name itself is written out
// (MONJV=JV.MON beside VM-ID=&VM); a name that is itself replaced
// (MONJV=&MON) could be any, and then no WAIT-EVENT is reported. Each
// job variable is reported once per WAIT-EVENT, however often its
// condition reads it.
func (w *walker) waitEvents(proc *ast.Procedure) {
	known := map[string]bool{}
	open := false // some command names a job variable only known at run time
	var waits []*ast.Command
	note := func(v *ast.Value) {
		switch {
		case v == nil || !v.Given:
		case v.Str != "":
			known[strings.ToUpper(v.Str)] = true
		case strings.Contains(v.Raw, "&"):
			open = true
		}
	}
	for _, c := range allCommands(proc) {
		if c.Args == nil {
			if c.Subst && namesJVs(c) {
				open = true
			}
			continue
		}
		note(c.Args.Get("MONJV"))
		switch c.Name {
		case "CREATE-JV", "SET-JV-LINK":
			note(c.Args.Get("JV-NAME"))
		case "MODIFY-JV":
			v := c.Args.Get("JV-CONTENTS")
			if v.Struct != nil {
				note(v.Struct.Get("JV-NAME"))
			} else {
				note(v)
			}
		case "DECLARE-VARIABLE":
			// a variable kept in a JV writes it (CONTAINER=*JV, SDF-P
			// user guide p. 143)
			if v := c.Args.Get("CONTAINER"); v != nil && v.Keyword == "*JV" && v.Struct != nil {
				note(v.Struct.Get("JV-NAME"))
			}
		case "WAIT-EVENT":
			if !c.Subst {
				waits = append(waits, c)
			}
		}
	}
	if open {
		return
	}
	for _, c := range waits {
		u := c.Args.Get("UNTIL")
		if u == nil || u.Keyword != "*JV" || u.Struct == nil {
			continue
		}
		cond := u.Struct.Get("CONDITION")
		if cond == nil || cond.Expr == nil {
			continue
		}
		reported := map[string]bool{}
		for _, name := range jvNames(cond.Expr) {
			name = strings.ToUpper(name)
			if known[name] || reported[name] || strings.HasPrefix(name, "*") {
				continue
			}
			reported[name] = true
			w.warn(c.Pos, codeContext, "WAIT-EVENT waits on job variable %s, which this procedure never creates, writes or names as MONJV", name)
		}
	}
}

// namesJVs reports whether a command that could not be analysed before
// its & replacement may name a job variable: it declares MONJV or is a
// job-variable command, or, its name unknown, its text mentions JV.
func namesJVs(c *ast.Command) bool {
	if c.Spec == nil {
		return c.Unit != nil && strings.Contains(strings.ToUpper(c.Unit.Text), "JV")
	}
	switch c.Name {
	case "CREATE-JV", "SET-JV-LINK", "MODIFY-JV", "DECLARE-VARIABLE":
		return true
	}
	for _, o := range c.Spec.Operands() {
		if o.Name == "MONJV" {
			return true
		}
	}
	return false
}

func jvNames(e ast.Expr) []string {
	switch x := e.(type) {
	case *ast.JVPart:
		return []string{x.JV}
	case *ast.Unary:
		return jvNames(x.X)
	case *ast.Binary:
		return append(jvNames(x.X), jvNames(x.Y)...)
	}
	return nil
}

// cmdErrorTargets: IF-CMD-ERROR applies to the command directly before
// it; after a block, a branch command or nothing it never sees an error.
func (w *walker) cmdErrorTargets(list []ast.Stmt) {
	for i, s := range list {
		if eb, ok := s.(*ast.ErrorBlock); ok && eb.ForCmd {
			switch prev := previousCommand(list, i).(type) {
			case nil:
				w.warn(eb.Cmd.Pos, codeContext, "IF-CMD-ERROR has no command before it to apply to")
			case *ast.Command:
				if prev.Spec != nil && prev.Spec.Role == catalog.RoleBranch {
					w.warn(eb.Cmd.Pos, codeContext, "IF-CMD-ERROR follows %s, to which it cannot apply", prev.Name)
				}
			default:
				w.warn(eb.Cmd.Pos, codeContext, "IF-CMD-ERROR follows the block ending at line %d; it applies only to a simple command and never sees an error here", lastLine(prev))
			}
		}
		for _, l := range ast.Children(s) {
			w.cmdErrorTargets(l)
		}
	}
}

// previousCommand is the statement before list[i], skipping comment lines
// (a command the reader could not read is none: it fails when reached,
// and the IF-CMD-ERROR after it sees that).
func previousCommand(list []ast.Stmt, i int) ast.Stmt {
	for j := i - 1; j >= 0; j-- {
		if c, ok := list[j].(*ast.Command); ok && c.Name == "" && c.Label == "" && !c.Subst && len(c.Errs) == 0 {
			continue
		}
		if _, ok := list[j].(*ast.Data); ok {
			continue
		}
		return list[j]
	}
	return nil
}

func lastLine(s ast.Stmt) int {
	if c := ast.LastCommand(s); c != nil {
		return c.Pos.Line
	}
	return 0
}

// unconditionalSkip: a SKIP-COMMANDS without IF branches like GOTO.
func unconditionalSkip(c *ast.Command) bool {
	return c.Name == "SKIP-COMMANDS" && c.Args != nil && c.Args.Keyword("IF") == "*UNCONDITIONAL"
}

// unreachable: after GOTO, EXIT-PROCEDURE, CYCLE, EXIT-BLOCK or an
// unconditional SKIP-COMMANDS the next statements of the same list run
// only if a label or an IF-BLOCK-ERROR (reached in error handling) lets
// control in again.
func (w *walker) unreachable(list []ast.Stmt) {
	dead, afterSkip := false, false
	var after string
	for _, s := range list {
		c := s.Opener()
		_, isErrBlock := s.(*ast.ErrorBlock)
		if dead {
			// SKIP-COMMANDS can fail (a missing label), so an IF-CMD-ERROR
			// right after it is reached
			if c != nil && c.Label != "" || isErrBlock && (!s.(*ast.ErrorBlock).ForCmd || afterSkip) {
				dead = false
			} else if c == nil || c.Name != "" || c.Subst {
				pos := s.Position()
				w.warn(pos, codeContext, "this command is never reached: it follows %s and carries no label", after)
				dead = false // one finding per dead stretch
				for _, l := range ast.Children(s) {
					w.unreachable(l)
				}
				continue
			}
		}
		for _, l := range ast.Children(s) {
			w.unreachable(l)
		}
		if cmd, ok := s.(*ast.Command); ok && cmd.Spec != nil && !cmd.Subst {
			switch {
			case cmd.Name == "GOTO", cmd.Name == "EXIT-PROCEDURE", cmd.Name == "CYCLE", cmd.Name == "EXIT-BLOCK",
				cmd.Name == "CANCEL-PROCEDURE", cmd.Name == "END-PROCEDURE", unconditionalSkip(cmd):
				dead, after = true, cmd.Name+" at line "+strconv.Itoa(cmd.Pos.Line)
			}
			afterSkip = unconditionalSkip(cmd)
		}
	}
}

// readsBeforeAssignment: a variable read (in an expression or by
// &-replacement) that nothing in the procedure assigns or declares with a
// value before it, in source order. Names of builtin functions without
// parentheses (SC1, MAINCODE) are not variables.
func (w *walker) readsBeforeAssignment(proc *ast.Procedure) {
	first := map[string]int{} // variable -> offset of the first assignment
	set := func(name string, off int) {
		name = rootName(name)
		if name == "" {
			return
		}
		if old, ok := first[name]; !ok || off < old {
			first[name] = off
		}
	}
	type read struct {
		name string
		pos  lexer.Pos
	}
	var reads []read
	for _, c := range allCommands(proc) {
		if c.Subst && c.Unit != nil {
			w.substReads(c, func(n string, p lexer.Pos) { reads = append(reads, read{n, p}) })
		}
		if c.Args == nil {
			continue
		}
		off := c.Pos.Offset
		switch c.Name {
		case "SET-VARIABLE", "FOR":
			key := "VARIABLE-NAME"
			if c.Name == "FOR" {
				key = "CONTROL-VARIABLE"
			}
			// the value is read before the variable is set
			w.collectReads(c.Args, func(n string, p lexer.Pos) { reads = append(reads, read{n, p}) })
			set(c.Args.Str(key), off+1)
			continue
		case "DECLARE-VARIABLE", "DECLARE-PARAMETER", "READ-VARIABLE", "FREE-VARIABLE", "DELETE-VARIABLE", "IMPORT-VARIABLE":
			key := "VARIABLE-NAME"
			if c.Name == "DECLARE-PARAMETER" {
				key = "NAME"
			}
			if v := c.Args.Get(key); v != nil {
				for _, e := range v.List {
					if c.Name == "DECLARE-VARIABLE" && !hasInitial(e, c.Args) {
						continue // declared without a value
					}
					set(e.Str, off)
				}
			}
		case "EXECUTE-CMD":
			for _, key := range []string{"TEXT-OUTPUT", "STRUCTURE-OUTPUT", "MSG-STRUCTURE-OUTPUT"} {
				if v := c.Args.Get(key); v != nil && v.Given && v.Alt != nil && v.Alt.Kind != catalog.AltKeyword {
					set(v.Str, off)
				}
			}
			if v := c.Args.Get("RETURNCODE"); v != nil && v.Struct != nil {
				for _, k := range []string{"SUBCODE1", "SUBCODE2", "MAINCODE"} {
					if t := v.Struct.Get(k); t != nil && t.Given {
						set(t.Str, off)
					}
				}
			}
		case "SHOW-VARIABLE":
			if v := c.Args.Get("OUTPUT"); v != nil && v.Given && v.Alt != nil && v.Alt.Kind != catalog.AltKeyword {
				set(v.Str, off)
			}
		}
		w.collectReads(c.Args, func(n string, p lexer.Pos) { reads = append(reads, read{n, p}) })
	}
	reported := map[string]bool{}
	for _, r := range reads {
		name := rootName(r.name)
		if reported[name] || w.c.Functions.Lookup(name) != nil || predeclared[name] {
			continue
		}
		off, ok := first[name]
		if ok && off <= r.pos.Offset {
			continue
		}
		reported[name] = true
		if !ok {
			w.warn(r.pos, codeVariable, "variable %s is read but nothing in the procedure gives it a value", name)
		} else {
			w.warn(r.pos, codeVariable, "variable %s is read before the procedure first gives it a value", name)
		}
	}
}

// predeclared are the variables every procedure has without declaring
// them: SYSSWITCH, the job switches [V RR "Reserved variable names"].
var predeclared = map[string]bool{"SYSSWITCH": true}

func hasInitial(item *ast.Value, a *ast.Args) bool {
	if item.Struct != nil {
		if v := item.Struct.Get("INITIAL-VALUE"); v != nil && v.Given {
			return true
		}
	}
	v := a.Get("INITIAL-VALUE")
	return v != nil && v.Given
}

// collectReads calls fn for every variable an operand's expression reads.
func (w *walker) collectReads(a *ast.Args, fn func(string, lexer.Pos)) {
	for _, v := range a.Values {
		if v == nil {
			continue
		}
		if v.Expr != nil && (v.Alt == nil || v.Alt.Kind != catalog.AltCond) {
			exprReads(v.Expr, fn)
		}
		if v.Struct != nil {
			w.collectReads(v.Struct, fn)
		}
		for _, e := range v.List {
			if e.Struct != nil {
				w.collectReads(e.Struct, fn)
			}
		}
	}
}

func exprReads(e ast.Expr, fn func(string, lexer.Pos)) {
	switch x := e.(type) {
	case *ast.VarRef:
		fn(x.Name.Text, x.P)
		for _, p := range x.Name.Parts {
			if p.Index == ast.VarIndex {
				fn(p.IndexVar, x.P)
			}
		}
	case *ast.Call:
		for _, a := range x.Args {
			exprReads(a.Value, fn)
		}
	case *ast.Unary:
		exprReads(x.X, fn)
	case *ast.Binary:
		exprReads(x.X, fn)
		exprReads(x.Y, fn)
	}
}

// substPart is one & replacement of a command's text: the variable of
// &NAME at its name, or the expression of an &(...) the reader can read.
type substPart struct {
	name string
	pos  lexer.Pos
	expr ast.Expr
}

// substParts are the & replacements of a command, read once: the walk
// checks the calls of their expressions, readsBeforeAssignment their
// variables.
func (w *walker) substParts(c *ast.Command) []substPart {
	if parts, ok := w.substs[c]; ok {
		return parts
	}
	if w.substs == nil {
		w.substs = map[*ast.Command][]substPart{}
	}
	parts := scanSubsts(c.Unit)
	w.substs[c] = parts
	return parts
}

// substReads calls fn for each variable a command's & replacements
// read, at its place: &NAME's name, and those the expression of &(...)
// reads (&(...) was not looked into, and &NAME was reported at the
// command).
func (w *walker) substReads(c *ast.Command, fn func(string, lexer.Pos)) {
	for _, p := range w.substParts(c) {
		if p.expr != nil {
			exprReads(p.expr, fn)
		} else {
			fn(p.name, p.pos)
		}
	}
}

// scanSubsts finds the & replacements of a command's text.
func scanSubsts(u *lexer.Unit) []substPart {
	var parts []substPart
	text := u.Text
	inString := false
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\'':
			inString = !inString
			continue
		case text[i] == '"' && !inString:
			// a comment: & there is not replaced
			if end := strings.IndexByte(text[i+1:], '"'); end >= 0 {
				i += end + 1
			} else {
				i = len(text)
			}
			continue
		}
		if text[i] != '&' || i+1 >= len(text) {
			continue
		}
		if text[i+1] == '&' {
			i++
			continue
		}
		if text[i+1] == '(' {
			end, err := lexer.SubstEnd(u, i)
			if err != nil {
				continue // the reader reports it
			}
			if e, perr := parser.ParseExprString(text[i+2:end-1], u.PosAt(i+2)); perr == nil {
				parts = append(parts, substPart{expr: e})
			}
			i = end - 1
			continue
		}
		end := lexer.SubstNameEnd(text, i+1)
		if end > i+1 {
			parts = append(parts, substPart{name: strings.ToUpper(text[i+1 : end]), pos: u.PosAt(i + 1)})
			i = end - 1
		}
	}
	return parts
}
