package lsp

import (
	"strings"

	"sdfp/parser/ast"
	"sdfp/parser/catalog"
	"sdfp/parser/check"
)

// analysis is what the server knows of one version of a document: the
// check's report, the syntax tree, and indexes of its commands,
// declarations and labels for the requests at a position.
type analysis struct {
	text     *text
	cat      *catalog.Catalog
	report   check.Report
	proc     *ast.Procedure
	commands []*ast.Command // in source order
	// declared maps a variable's root name (upper case) to the
	// DECLARE-VARIABLE, DECLARE-PARAMETER, IMPORT-VARIABLE or FOR that
	// declares it, the first one in the procedure.
	declared map[string]*ast.Command
	// declOrder lists the declared names in the order declared.
	declOrder []string
	params    []string // DECLARE-PARAMETER names, in order
}

// analyze checks one version of a document and indexes it.
func analyze(chk *check.Checker, file, src string) *analysis {
	r, proc := chk.CheckTree(file, src)
	a := &analysis{text: newText(src), cat: chk.Parser.Catalog, report: r, proc: proc, declared: map[string]*ast.Command{}}
	if proc == nil {
		return a
	}
	for _, st := range proc.Body {
		a.commands = append(a.commands, ast.Commands(st)...)
	}
	for _, c := range a.commands {
		a.declarations(c)
	}
	return a
}

// declarations records the names a command declares.
func (a *analysis) declarations(c *ast.Command) {
	if c.Args == nil {
		return
	}
	declare := func(name string) {
		root := rootName(name)
		if root == "" || strings.HasPrefix(root, "&") {
			return
		}
		if _, ok := a.declared[root]; !ok {
			a.declared[root] = c
			a.declOrder = append(a.declOrder, root)
		}
		if c.Name == "DECLARE-PARAMETER" {
			a.params = append(a.params, root)
		}
	}
	switch c.Name {
	case "DECLARE-VARIABLE", "DECLARE-PARAMETER", "IMPORT-VARIABLE", "DECLARE-ELEMENT":
		key := "VARIABLE-NAME"
		if c.Name == "DECLARE-PARAMETER" {
			key = "NAME"
		}
		v := c.Args.Get(key)
		if v == nil {
			return
		}
		if !v.IsList {
			declare(v.Str)
			return
		}
		for _, e := range v.List {
			declare(e.Str)
		}
	case "FOR":
		declare(c.Args.Str("CONTROL-VARIABLE"))
	}
}

// rootName is the first part of a composed name, without index.
func rootName(n string) string {
	n = strings.ToUpper(n)
	if i := strings.IndexAny(n, ".#("); i >= 0 {
		n = n[:i]
	}
	return n
}

// commandAt is the command whose lines hold line (1-based): its first
// line through the last of its continuation lines.
func (a *analysis) commandAt(line int) *ast.Command {
	var found *ast.Command
	for _, c := range a.commands {
		if c.Pos.Line > line {
			break
		}
		end := c.Pos.Line
		if c.Unit != nil {
			end = max(end, c.Unit.EndLine)
		}
		if line <= end {
			found = c
		}
	}
	return found
}

// label is the command that carries an S label or a non-S label (.NAME).
// An S label occurs once in a procedure (BS2000 Commands, GOTO, V), so
// it has one definition; a duplicate is the check's finding, and the
// first is taken.
func (a *analysis) label(name string) *ast.Command {
	if a.proc == nil {
		return nil
	}
	name = strings.ToUpper(strings.TrimSuffix(name, ":"))
	if c := a.proc.Labels[name]; c != nil {
		return c
	}
	for _, c := range a.commands {
		if c.Label != "" && (strings.EqualFold(c.Label, name) || strings.EqualFold(c.Label, "."+name)) {
			return c
		}
	}
	return nil
}

// labels lists the procedure's labels, each once, in source order.
func (a *analysis) labels() []*ast.Command {
	var out []*ast.Command
	for _, c := range a.commands {
		if c.Label != "" {
			out = append(out, c)
		}
	}
	return out
}
