package interp

import (
	"fmt"
	"strings"

	"sdfp/builtins"
	"sdfp/lexer"
	"sdfp/lexer/ebcdic"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// CheckParams checks the parameters a procedure is started with against
// its DECLARE-PARAMETER commands before anything runs, so that a call
// from the command line that could never bind ends as a usage error that
// points at the declaration, with nothing written: a parameter the
// procedure does not declare, a declared one without a value or initial
// value, a value the declared type cannot take. Parameters bind as
// DECLARE-PARAMETER binds them when it runs: by (abbreviated) name, else
// by position in declaration order.
func CheckParams(proc *ast.Procedure, file string, params []Param) []*lexer.Error {
	type formal struct {
		name    string
		typ     builtins.Type
		initial bool
		pos     lexer.Pos
	}
	var formals []formal
	first := lexer.Pos{Filename: file, Line: 1, Column: 1}
	for _, s := range proc.Body { // ast.Commands includes the nested commands
		for _, c := range ast.Commands(s) {
			if c.Name != "DECLARE-PARAMETER" || c.Args == nil {
				continue
			}
			if len(formals) == 0 {
				first = c.Pos
			}
			for _, item := range declaredItems(c.Args, "NAME") {
				f := formal{name: strings.ToUpper(item.Str), pos: c.Pos}
				if item.Pos.Line > 0 {
					f.pos = item.Pos
				}
				if item.Struct != nil {
					f.typ = simpleTypes[item.Struct.Keyword("TYPE")]
					if iv := item.Struct.Get("INITIAL-VALUE"); iv != nil && iv.Expr != nil {
						f.initial = true
					}
				}
				formals = append(formals, f)
			}
		}
	}
	var errs []*lexer.Error
	used := make([]bool, len(params))
	for i, f := range formals {
		text, given := "", false
		for j, p := range params {
			if p.Name != "" && !used[j] && (p.Name == f.name || catalog.Abbreviates(p.Name, f.name)) {
				used[j], text, given = true, p.Value, true
				break
			}
		}
		if !given && i < len(params) && params[i].Name == "" {
			used[i], text, given = true, params[i].Value, true
		}
		off, _ := ebcdic.Valid(text)
		switch {
		case given && off >= 0:
			// the command line is host text meeting BS2000 (package
			// lexer/ebcdic): nothing is changed silently
			errs = append(errs, lexer.Errorf(f.pos, codeParam,
				"the value of procedure parameter %s holds %s, which has no EBCDIC code (code page 1047)", f.name, ebcdic.Describe(text, off)))
		case given && text != "":
			if v := paramValue(text, f.typ); f.typ != builtins.TypeAny && builtins.TypeOf(v) != f.typ {
				errs = append(errs, lexer.Errorf(f.pos, codeParam,
					"procedure parameter %s is declared %s, and %s is not one", f.name, typeKeyword(f.typ), text))
			}
		case !f.initial:
			errs = append(errs, lexer.Errorf(f.pos, codeParam,
				"procedure parameter %s has no value and no INITIAL-VALUE: pass %s=value", f.name, f.name))
		}
	}
	for j, p := range params {
		if used[j] {
			continue
		}
		what := p.Name
		if what == "" {
			what = fmt.Sprintf("number %d (%s)", j+1, p.Value)
		}
		errs = append(errs, lexer.Errorf(first, codeParam, "procedure parameter %s is not declared by the procedure", what))
	}
	return errs
}

// codeParam is the key of a procedure parameter that cannot bind: a
// semantic error, as the run would report it.
const codeParam = "SDP0091"

func typeKeyword(t builtins.Type) string { return "*" + t.String() }
