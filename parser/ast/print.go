package ast

import (
	"fmt"
	"strconv"
	"strings"

	"sdfp/parser/catalog"
)

// Print renders a procedure in a canonical form: one line per command with
// its line number, full command name and the operands it was given with
// full names (SDF's "accepted form"), blocks indented, expressions fully
// parenthesised. Golden tests compare this form.
func Print(p *Procedure) string {
	var b strings.Builder
	printList(&b, p.Body, 0)
	return b.String()
}

// maxPrintIndent is the deepest block level the printed form shows by
// blanks; deeper levels add their number, so that blocks nested
// thousands deep print in size linear in the procedure's, not square.
const maxPrintIndent = 32

// indent is a command's indentation in the printed form: two blanks a
// block level, and past maxPrintIndent the level as "+N ".
func indent(depth int) string {
	if depth <= maxPrintIndent {
		return strings.Repeat("  ", depth)
	}
	return strings.Repeat("  ", maxPrintIndent) + "+" + strconv.Itoa(depth) + " "
}

func printList(b *strings.Builder, list []Stmt, depth int) {
	for _, s := range list {
		printStmt(b, s, depth)
	}
}

func printCmd(b *strings.Builder, c *Command, depth int) {
	if c == nil {
		return
	}
	text := CommandText(c)
	if text == "" && c.Label == "" {
		return // a comment line
	}
	fmt.Fprintf(b, "%4d %s", c.Pos.Line, indent(depth))
	if c.Label != "" {
		b.WriteString(LabelText(c.Label))
		if text != "" {
			b.WriteByte(' ')
		}
	}
	b.WriteString(text)
	b.WriteByte('\n')
}

// CommandText renders one command in accepted form: the full name and the
// operands that were written, with full operand names and keywords. A
// command bound only at run time (it contains &) is shown as written.
func CommandText(c *Command) string {
	if c.Name == "" {
		if c.Unit != nil && c.Subst {
			return strings.TrimSpace(c.Unit.Text)
		}
		return ""
	}
	if c.Args == nil || c.Subst {
		if c.Unit != nil {
			return strings.TrimSpace(c.Unit.Text)
		}
		return c.Name
	}
	ops := FormatArgs(c.Args)
	if ops == "" {
		return c.Name
	}
	return c.Name + " " + ops
}

func printStmt(b *strings.Builder, s Stmt, depth int) {
	switch s := s.(type) {
	case *Command:
		printCmd(b, s, depth)
	case *Data:
		fmt.Fprintf(b, "%4d %s%s %q\n", s.Unit.Pos().Line, indent(depth), strings.ToUpper(s.Kind.String()), s.Unit.Text)
	case *If:
		for _, br := range s.Branches {
			printCmd(b, br.Cmd, depth)
			printList(b, br.Body, depth+1)
		}
		if s.ElseCmd != nil {
			printCmd(b, s.ElseCmd, depth)
			printList(b, s.Else, depth+1)
		}
		printCmd(b, s.End, depth)
	case *ErrorBlock:
		printCmd(b, s.Cmd, depth)
		printList(b, s.Then, depth+1)
		if s.ElseCmd != nil {
			printCmd(b, s.ElseCmd, depth)
			printList(b, s.Else, depth+1)
		}
		printCmd(b, s.End, depth)
	default:
		printCmd(b, s.Opener(), depth)
		for _, c := range Children(s) {
			printList(b, c, depth+1)
		}
		// the closing command only: listing every command of the block
		// to find it made printing quadratic in the nesting, and printed
		// the last command of a block left open twice
		printCmd(b, Closer(s), depth)
	}
}

// FormatArgs renders the operands that were given, comma-separated.
func FormatArgs(a *Args) string {
	if a == nil {
		return ""
	}
	var parts []string
	for i, v := range a.Values {
		if v == nil || !v.Given {
			continue
		}
		parts = append(parts, a.Ops[i].Name+"="+FormatValue(v))
	}
	return strings.Join(parts, ",")
}

// FormatValue renders one bound value.
func FormatValue(v *Value) string {
	if v.IsList {
		parts := make([]string, len(v.List))
		for i, e := range v.List {
			parts[i] = FormatValue(e)
		}
		return "(" + strings.Join(parts, ",") + ")"
	}
	if v.Alt == nil {
		return rawTokens(v)
	}
	var s string
	switch v.Alt.Kind {
	case catalog.AltKeyword, catalog.AltLiteral:
		s = v.Keyword
	case catalog.AltInteger:
		s = strconv.FormatInt(v.Int, 10)
	case catalog.AltCString:
		s = "'" + strings.ReplaceAll(v.Str, "'", "''") + "'"
	case catalog.AltXString:
		s = "X'" + v.Str + "'"
	case catalog.AltExpr, catalog.AltCond:
		if v.Expr != nil {
			s = v.Expr.String()
		} else {
			s = rawTokens(v)
		}
	case catalog.AltCommand, catalog.AltText:
		s = "(" + v.Str + ")"
	default:
		s = v.Str
	}
	if sub := FormatArgs(v.Struct); sub != "" {
		s += "(" + sub + ")"
	}
	return s
}

func rawTokens(v *Value) string { return v.Raw }
