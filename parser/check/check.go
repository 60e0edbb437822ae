// Package check finds what is wrong with a procedure without running it:
// everything the reader reports (syntax, unknown commands and operands,
// values out of range, misnested blocks) plus what needs the whole
// procedure in view: branch targets, builtin function calls and names
// that can never be declared.
package check

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"sdfp/builtins"
	"sdfp/hypervisor/msg"
	"sdfp/lexer"
	"sdfp/parser"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// Finding is one diagnostic.
type Finding = lexer.Error

// Checker holds what a check needs to know: the command catalog and the
// builtin function table.
type Checker struct {
	Parser    *parser.Parser
	Functions *builtins.Table
	// NoWarnings leaves warnings out (sdfp check --warnings=off).
	NoWarnings bool

	names     []string // of the functions, for did-you-mean
	namesOnce sync.Once
}

// New returns a checker for the built-in catalog and function table.
func New() *Checker { return NewFor(catalog.Builtin()) }

// NewFor returns a checker for a command catalog (the built-in one
// extended by an installation's site commands).
func NewFor(cat *catalog.Catalog) *Checker {
	return &Checker{Parser: parser.New(cat), Functions: builtins.Default}
}

// functionNames lists the builtin functions' names, once.
func (c *Checker) functionNames() []string {
	c.namesOnce.Do(func() {
		for _, f := range c.Functions.Functions() {
			c.names = append(c.names, f.Name)
		}
	})
	return c.names
}

// Report is what a check of one procedure found.
type Report struct {
	// Findings are sorted by position: the first Limits.Findings of
	// them (the reader's first, then the checks' in the order found).
	Findings []*Finding
	// Omitted counts the findings beyond the limit, OmittedWarnings the
	// warnings among them.
	Omitted, OmittedWarnings int
	// Suppressed counts the findings an sdfp:ignore comment suppressed.
	Suppressed int
}

// Source reads and checks one procedure. Findings are sorted by
// position. At most the parser's Limits.Findings are kept (the reader's
// first, then the checks' in the order they are found); omitted counts
// the rest.
func (c *Checker) Source(file, src string) (findings []*Finding, omitted int) {
	r := c.Check(file, src)
	return r.Findings, r.Omitted
}

// Check reads and checks one procedure, leaving out the findings that
// sdfp:ignore comments suppress, and the warnings when NoWarnings is
// set.
func (c *Checker) Check(file, src string) Report {
	r, _ := c.CheckTree(file, src)
	return r
}

// CheckTree is Check that also returns the procedure it read, for a
// caller that wants the syntax tree as well (the language server),
// without reading the procedure twice.
func (c *Checker) CheckTree(file, src string) (Report, *ast.Procedure) {
	d := c.Parser.FileLimits().NewDiagnostics()
	ignore := parseSuppressions(src)
	var r Report
	d.Drop = func(e *Finding) bool {
		if c.NoWarnings && e.Severity == lexer.SevWarning {
			return true
		}
		if !e.Whole && ignore.ignores(e.Pos.Line, e.Code) {
			r.Suppressed++
			return true
		}
		return false
	}
	proc := c.Parser.Read(file, src, d)
	c.check(proc, d)
	d.Drop = nil
	for _, u := range ignore.unused() {
		if !c.NoWarnings {
			d.Add(lexer.Warnf(lexer.Pos{Filename: file, Line: u.line, Column: u.col, Offset: u.off},
				codeUnusedIgnore, "this sdfp:ignore suppresses nothing here; remove it"))
		}
	}
	sort.SliceStable(d.List, func(i, j int) bool {
		a, b := d.List[i].Pos, d.List[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	r.Findings, r.Omitted, r.OmittedWarnings = d.List, d.Omitted, d.OmittedWarnings
	return r, proc
}

func (c *Checker) check(proc *ast.Procedure, d *lexer.Diagnostics) {
	w := &walker{c: c, proc: proc, out: d, labelList: map[string]*[]ast.Stmt{}}
	w.indexLabels(&proc.Body)
	w.complex = complexVariables(proc)
	w.nonSLabels()
	w.encl = enclosing{lists: map[*[]ast.Stmt]int{&proc.Body: 1}, loops: map[string]int{}, blocks: map[string]int{}}
	w.walk(&proc.Body)
	w.declarations(proc)
	w.dataLines(proc)
	w.flowChecks(proc)
}

type walker struct {
	c         *Checker
	proc      *ast.Procedure
	out       *lexer.Diagnostics
	labelList map[string]*[]ast.Stmt // the statement list a label stands in
	encl      enclosing              // what encloses the statement walked
	// complex holds the variables the procedure declares as lists,
	// arrays or structures, with the line of the declaration
	complex map[string]int
	substs  map[*ast.Command][]substPart // substParts, by command
}

func (w *walker) add(pos lexer.Pos, code, format string, args ...any) {
	w.out.Add(lexer.Errorf(pos, code, format, args...))
}

// indexLabels records, for every label, the statement list it is in. A
// label on a block opener belongs to the list holding the block.
func (w *walker) indexLabels(list *[]ast.Stmt) {
	for _, s := range *list {
		if c := s.Opener(); c != nil && c.Label != "" {
			if _, seen := w.labelList[c.Label]; !seen {
				w.labelList[c.Label] = list
			}
		}
		forEachChildList(s, w.indexLabels)
	}
}

// nonSLabels reports the non-S labels (.NAME) inside a block: in S
// procedures they stand at the top block level only [V CMD skip-commands].
func (w *walker) nonSLabels() {
	names := make([]string, 0, len(w.labelList))
	for l, list := range w.labelList {
		if strings.HasPrefix(l, ".") && list != &w.proc.Body {
			names = append(names, l)
		}
	}
	sort.Strings(names)
	for _, l := range names {
		w.add(w.proc.Labels[l].Pos, parser.CodeLabel, "non-S label %s stands inside a block; an S procedure has non-S labels at the top block level only", l)
	}
}

// forEachChildList calls fn with a pointer to each statement list directly
// inside s.
func forEachChildList(s ast.Stmt, fn func(*[]ast.Stmt)) {
	switch s := s.(type) {
	case *ast.If:
		for _, b := range s.Branches {
			fn(&b.Body)
		}
		fn(&s.Else)
	case *ast.ErrorBlock:
		fn(&s.Then)
		fn(&s.Else)
	case *ast.While:
		fn(&s.Body)
	case *ast.Repeat:
		fn(&s.Body)
	case *ast.For:
		fn(&s.Body)
	case *ast.Block:
		fn(&s.Body)
	}
}

// walk visits the statements of list. The enclosing lists and blocks are
// kept as counts that are raised on the way down and lowered on the way
// up, so a branch command is checked without looking at every level: a
// copy of the enclosing frames per level, and a search through them per
// command, made the check of deeply nested blocks quadratic in time and
// memory.
func (w *walker) walk(list *[]ast.Stmt) {
	for _, s := range *list {
		for _, cmd := range directCommands(s) {
			w.command(cmd)
			if cmd.Args != nil {
				w.exprs(cmd.Args)
			}
			if cmd.Subst && cmd.Unit != nil {
				// the function calls of &(...) too: their operands are
				// known only at run time, their expressions now
				for _, p := range w.substParts(cmd) {
					if p.expr != nil {
						w.expr(p.expr)
					}
				}
			}
		}
		forEachChildList(s, func(l *[]ast.Stmt) {
			w.enter(l, s, 1)
			w.walk(l)
			w.enter(l, s, -1)
		})
	}
}

// enclosing counts what encloses the statement being walked.
type enclosing struct {
	lists           map[*[]ast.Stmt]int // statement lists
	loops           map[string]int      // loops by tag ("" untagged)
	blocks          map[string]int      // blocks of any kind by tag
	nLoops, nBlocks int
}

// enter counts list, owned by s, as enclosing (d = 1) or no longer (-1).
func (w *walker) enter(list *[]ast.Stmt, s ast.Stmt, d int) {
	e := &w.encl
	e.lists[list] += d
	tag := ast.Tag(s)
	if isBlock(s, true) {
		e.loops[tag] += d
		e.nLoops += d
	}
	if isBlock(s, false) {
		e.blocks[tag] += d
		e.nBlocks += d
	}
}

// directCommands are the commands of a statement that are not inside one
// of its child lists: the block's own opener, branch and closing commands.
func directCommands(s ast.Stmt) []*ast.Command {
	var out []*ast.Command
	add := func(c *ast.Command) {
		if c != nil {
			out = append(out, c)
		}
	}
	switch s := s.(type) {
	case *ast.Command:
		add(s)
	case *ast.If:
		for _, b := range s.Branches {
			add(b.Cmd)
		}
		add(s.ElseCmd)
		add(s.End)
	case *ast.ErrorBlock:
		add(s.Cmd)
		add(s.ElseCmd)
		add(s.End)
	case *ast.While:
		add(s.Cmd)
		add(s.End)
	case *ast.Repeat:
		add(s.Cmd)
		add(s.Until)
	case *ast.For:
		add(s.Cmd)
		add(s.End)
	case *ast.Block:
		add(s.Cmd)
		add(s.End)
	}
	return out
}

// command checks branch targets.
func (w *walker) command(c *ast.Command) {
	if c.Args == nil || c.Subst {
		return
	}
	switch c.Name {
	case "GOTO":
		label := c.Args.Str("LABEL")
		target, ok := w.labelList[label]
		if !ok {
			w.add(c.Pos, parser.CodeLabel, "GOTO target label %s does not exist", label)
			return
		}
		if w.encl.lists[target] > 0 {
			return
		}
		w.add(c.Pos, parser.CodeLabel, "GOTO %s jumps into a nested block (line %d); only labels of the current or an enclosing block can be reached", label, w.proc.Labels[label].Pos.Line)
	case "SKIP-COMMANDS":
		// a non-S label: .NAME [V CMD skip-commands]; they are reached
		// like GOTO's, from the current or an enclosing block
		label := "." + c.Args.Str("TO-LABEL")
		target, ok := w.labelList[label]
		if !ok {
			w.add(c.Pos, parser.CodeLabel, "SKIP-COMMANDS target label %s does not exist", label)
			return
		}
		if w.encl.lists[target] == 0 {
			w.add(c.Pos, parser.CodeLabel, "SKIP-COMMANDS %s jumps into a nested block (line %d); only labels of the current or an enclosing block can be reached", label, w.proc.Labels[label].Pos.Line)
		}
	case "CYCLE", "EXIT-BLOCK":
		key, what, byTag, open := "LOOP", "loop", w.encl.loops, w.encl.nLoops
		if c.Name == "EXIT-BLOCK" {
			key, what, byTag, open = "BLOCK", "block", w.encl.blocks, w.encl.nBlocks
		}
		tag := c.Args.Str(key)
		if tag == "*CURRENT" && open > 0 || byTag[tag] > 0 {
			return
		}
		if tag == "*CURRENT" {
			w.add(c.Pos, parser.CodeWrongContext, "%s outside of any %s", c.Name, what)
		} else {
			w.add(c.Pos, parser.CodeLabel, "%s names %s, which is not an enclosing %s", c.Name, tag, what)
		}
	case "INCLUDE-BLOCK":
		tag := c.Args.Str("BLOCK")
		target := w.proc.Labels[tag]
		if target == nil || target.Spec == nil || target.Spec.Role != catalog.RoleBeginBlock {
			w.add(c.Pos, parser.CodeLabel, "INCLUDE-BLOCK target %s is not the tag of a BEGIN-BLOCK", tag)
		}
	}
}

func isBlock(s ast.Stmt, loopOnly bool) bool {
	switch s.(type) {
	case *ast.While, *ast.Repeat, *ast.For:
		return true
	case *ast.Block, *ast.If, *ast.ErrorBlock:
		return !loopOnly
	}
	return false
}

// exprs checks the builtin calls in every expression of the operands.
func (w *walker) exprs(a *ast.Args) {
	for _, v := range a.Values {
		if v == nil {
			continue
		}
		if v.Expr != nil {
			w.expr(v.Expr)
		}
		if v.Struct != nil {
			w.exprs(v.Struct)
		}
		for _, e := range v.List {
			if e.Struct != nil {
				w.exprs(e.Struct)
			}
			if e.Expr != nil {
				w.expr(e.Expr)
			}
		}
	}
}

func (w *walker) expr(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Call:
		w.call(e)
		for _, a := range e.Args {
			w.expr(a.Value)
		}
	case *ast.Unary:
		w.expr(e.X)
	case *ast.Binary:
		w.expr(e.X)
		w.expr(e.Y)
	}
}

// call checks a function call against the builtin table: the function
// exists, positional arguments come first and are not too many, keyword
// names resolve, mandatory parameters are given, literal keyword values
// are allowed.
func (w *walker) call(c *ast.Call) {
	f := w.c.Functions.Lookup(c.Name)
	if f == nil {
		name := c.Name
		w.out.Add(lexer.Errorf(c.P, parser.CodeFunctionArgs, "function %s is not known", lexer.Clip(name)).
			WithHint(func() string { return catalog.Hint(catalog.Suggest(name, w.c.functionNames())) }))
		return
	}
	// Bind with stand-in values of the right type wherever the value is
	// not a literal: the binder then checks count, names and keywords.
	args := make([]builtins.Arg, len(c.Args))
	for i, a := range c.Args {
		args[i] = builtins.Arg{Key: a.Key, Value: staticValue(f, a, i)}
	}
	for i, a := range c.Args {
		// SIZE(L) for SIZE('L'): a function takes the value of a
		// variable named bare, and a list has none (it fails when run)
		v, ok := a.Value.(*ast.VarRef)
		if !ok || len(v.Name.Parts) != 1 || v.Name.Parts[0].Index != ast.NoIndex {
			continue
		}
		name := rootName(v.Name.Text)
		line, ok := w.complex[name]
		if !ok {
			continue
		}
		hint := ""
		if p := paramFor(f, a.Key, i); p != nil && p.Name == "VARIABLE-NAME" {
			hint = fmt.Sprintf("; %s takes the variable's name: %s('%s')", f.Name, f.Name, name)
		}
		w.warn(v.P, codeVariable, "%s gets the value of %s, a list, array or structure (declared at line %d), which has none%s",
			f.Name, name, line, hint)
	}
	if _, err := f.Bind(args); err != nil {
		text := err.Error()
		if be, ok := err.(*builtins.Error); ok {
			text = msg.Default().Body(be.Msg.Detail(), "E")
		}
		w.out.Add(lexer.Errorf(c.P, parser.CodeFunctionArgs, "%s", text).
			WithHint(func() string { return paramHint(f, c) }))
	}
}

// complexVariables are the variables DECLARE-VARIABLE declares with
// MULTIPLE-ELEMENTS *LIST or *ARRAY or with TYPE *STRUCTURE, with the
// line of the first such declaration.
func complexVariables(proc *ast.Procedure) map[string]int {
	out := map[string]int{}
	ast.Walk(proc.Body, func(s ast.Stmt) bool {
		for _, c := range directCommands(s) {
			if c.Name != "DECLARE-VARIABLE" || c.Args == nil || c.Subst {
				continue
			}
			multi := c.Args.Keyword("MULTIPLE-ELEMENTS")
			v := c.Args.Get("VARIABLE-NAME")
			if v == nil {
				continue
			}
			for _, e := range v.List {
				structured := e.Struct != nil && e.Struct.Keyword("TYPE") == "*STRUCTURE"
				if name := rootName(e.Str); name != "" && (multi == "*LIST" || multi == "*ARRAY" || structured) {
					if _, seen := out[name]; !seen {
						out[name] = c.Pos.Line
					}
				}
			}
		}
		return true
	})
	return out
}

// staticValue returns the literal value of an argument, or a stand-in of
// the parameter's own type when the value is only known at run time.
func staticValue(f *builtins.Function, a *ast.CallArg, pos int) any {
	switch v := a.Value.(type) {
	case *ast.StrLit:
		return v.Val
	case *ast.IntLit:
		return int(v.Val)
	case *ast.BoolLit:
		return v.Val
	case *ast.KeywordLit:
		return builtins.Keyword(v.Val)
	}
	p := paramFor(f, a.Key, pos)
	if p == nil {
		return ""
	}
	switch p.Type {
	case builtins.TypeInteger:
		return 0
	case builtins.TypeBoolean:
		return false
	case builtins.TypeString:
		return ""
	}
	if p.NoValue && len(p.Keywords) > 0 {
		return builtins.Keyword(p.Keywords[0])
	}
	return ""
}

// paramHint is the did-you-mean for the first keyword argument of a call
// that names no parameter of the function.
func paramHint(f *builtins.Function, c *ast.Call) string {
	names := make([]string, len(f.Params))
	for i, p := range f.Params {
		names[i] = p.Name
	}
	for i, a := range c.Args {
		if a.Key != "" && paramFor(f, a.Key, i) == nil {
			return catalog.Hint(catalog.Suggest(a.Key, names))
		}
	}
	return ""
}

func paramFor(f *builtins.Function, key string, pos int) *builtins.Param {
	if key == "" {
		if pos < len(f.Params) {
			return &f.Params[pos]
		}
		return nil
	}
	for i := range f.Params {
		if catalog.Abbreviates(key, f.Params[i].Name) {
			return &f.Params[i]
		}
	}
	return nil
}

// declarations: with IMPLICIT-DECLARATION=*NO an assignment needs a
// declared variable. A name that no DECLARE-VARIABLE, DECLARE-PARAMETER or
// FOR of the procedure names can never be declared.
func (w *walker) declarations(proc *ast.Procedure) {
	implicit := true
	declared := map[string]bool{}
	var assigns []*ast.Command
	ast.Walk(proc.Body, func(s ast.Stmt) bool {
		for _, c := range directCommands(s) {
			if c.Args == nil || c.Subst {
				continue
			}
			switch c.Name {
			case "SET-PROCEDURE-OPTIONS", "MODIFY-PROCEDURE-OPTIONS":
				if c.Args.Keyword("IMPLICIT-DECLARATION") == "*NO" {
					implicit = false
				}
			case "DECLARE-VARIABLE", "DECLARE-PARAMETER", "IMPORT-VARIABLE", "EXPORT-VARIABLE":
				key := "VARIABLE-NAME"
				if c.Name == "DECLARE-PARAMETER" {
					key = "NAME"
				}
				if v := c.Args.Get(key); v != nil {
					for _, e := range v.List {
						declared[rootName(e.Str)] = true
					}
				}
			case "FOR":
				declared[rootName(c.Args.Str("CONTROL-VARIABLE"))] = true
			case "SET-VARIABLE":
				assigns = append(assigns, c)
			}
		}
		return true
	})
	if implicit {
		return
	}
	for _, c := range assigns {
		name := c.Args.Str("VARIABLE-NAME")
		if !declared[rootName(name)] {
			w.add(c.Pos, parser.CodeNotDeclarable, "%s is assigned but never declared, and IMPLICIT-DECLARATION=*NO is set", name)
		}
	}
}

// rootName is the first part of a composed name, without index.
func rootName(n string) string {
	n = strings.ToUpper(n)
	if i := strings.IndexAny(n, ".#"); i >= 0 {
		n = n[:i]
	}
	return n
}
