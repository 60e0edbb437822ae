package lsp

import (
	"fmt"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"sdfp/builtins"
	"sdfp/lexer"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

func (s *server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	a := s.doc(p.TextDocument.URI)
	if a == nil {
		return nil, nil
	}
	cur := a.at(int(p.Position.Line), int(p.Position.Character))
	w, from, to := wordAt(cur.text, cur.col)
	if w == "" {
		return nil, nil
	}
	md := s.hoverText(cur, w, to)
	if md == "" {
		return nil, nil
	}
	r := protocol.Range{Start: a.text.pos(lexPos(cur.line, from)), End: a.text.pos(lexPos(cur.line, to))}
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: md}, Range: &r}, nil
}

// hoverText says what the word w (ending at byte to of the cursor's line)
// is, in Markdown: a message key, the command's name, an operand, a
// keyword value, a builtin function, a variable or a label.
func (s *server) hoverText(cur *cursor, w string, to int) string {
	upper := strings.ToUpper(w)
	if isMessageKey(upper) && s.msgs.Lookup(upper) != nil {
		return s.messageText(upper)
	}
	if cur.spec != nil && !cur.assign && cur.atNameWord(w) {
		return commandText(cur.spec)
	}
	next := after(cur.text, to)
	if cur.spec != nil && !cur.assign && next == '=' {
		if o, _ := catalog.LookupOperand(allOperands(cur.spec.Operands()), w); o != nil {
			return operandText(cur.spec, o)
		}
	}
	if cur.spec != nil && strings.HasPrefix(w, "*") {
		if o, alt := keywordOf(cur.spec, w); alt != nil {
			return fmt.Sprintf("`%s`: a value of operand `%s` of %s\n\n```\n%s\n```", alt.Keyword, o.Name, cur.spec.Name, o.Synopsis())
		}
	}
	if f := s.funcs.Lookup(w); f != nil && next == '(' {
		return functionText(f)
	}
	root := rootName(strings.TrimPrefix(w, "&"))
	if c := cur.a.declared[root]; c != nil {
		return fmt.Sprintf("`%s`, declared on line %d:\n\n```sdfp\n%s\n```", root, c.Pos.Line, cur.a.commandLines(c))
	}
	if c := cur.a.label(w); c != nil {
		return fmt.Sprintf("label `%s` of line %d:\n\n```sdfp\n%s\n```", w, c.Pos.Line, cur.a.text.line(c.Pos.Line-1))
	}
	if cmd, _ := s.cat.Lookup(w); cmd != nil && catalog.IsCommandName(upper) && strings.Contains(w, "-") {
		return commandText(cmd) // a command inside EXECUTE-CMD (...)
	}
	return ""
}

// atNameWord tells whether w on the cursor's line is the command's name.
func (cur *cursor) atNameWord(w string) bool {
	rest := strings.TrimLeft(cur.text, " ")
	if !strings.HasPrefix(rest, "/") {
		return false
	}
	rest = strings.TrimLeft(rest[1:], " ")
	if i := labelEnd(rest); i > 0 {
		rest = strings.TrimLeft(rest[i:], " ")
	}
	return strings.HasPrefix(strings.ToUpper(rest), strings.ToUpper(w)) && (len(rest) == len(w) || !wordByte(rest[len(w)]))
}

// commandLines is the source text of a command, its continuation lines
// included.
func (a *analysis) commandLines(c *ast.Command) string {
	end := c.Pos.Line
	if c.Unit != nil {
		end = max(end, c.Unit.EndLine)
	}
	lines := make([]string, 0, end-c.Pos.Line+1)
	for n := c.Pos.Line; n <= end && n-c.Pos.Line < 20; n++ {
		lines = append(lines, a.text.line(n-1))
	}
	return strings.Join(lines, "\n")
}

// lexPos is the reader's position of byte col (0-based) of line (0-based).
func lexPos(line, col int) lexer.Pos { return lexer.Pos{Line: line + 1, Column: col + 1} }

// commandText is a command's hover: its name, help and operands.
func commandText(cmd *catalog.Command) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**", cmd.Name)
	if len(cmd.Aliases) > 0 {
		fmt.Fprintf(&b, " (alias %s)", strings.Join(cmd.Aliases, ", "))
	}
	fmt.Fprintf(&b, " [%s]\n\n%s\n", cmd.Domain, cmd.Help)
	switch {
	case cmd.AnyOperands:
		b.WriteString("\nOperands not declared: any operand list is accepted.\n")
	case len(cmd.Operands()) > 0:
		b.WriteString("\n```\n")
		for _, o := range cmd.Operands() {
			line := o.Synopsis()
			if o.Mandatory {
				line += "   (mandatory)"
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("```\n")
	}
	if cmd.Source != "" {
		fmt.Fprintf(&b, "\nSource: %s\n", cmd.Source)
	}
	return b.String()
}

// operandText is an operand's hover: its values and default.
func operandText(cmd *catalog.Command, o *catalog.Operand) string {
	var b strings.Builder
	fmt.Fprintf(&b, "operand **%s** of %s\n\n```\n%s\n```\n", o.Name, cmd.Name, o.Synopsis())
	switch d := o.Default(); {
	case o.Mandatory:
		b.WriteString("\nmandatory\n")
	case d != "":
		fmt.Fprintf(&b, "\ndefault: `%s`\n", d)
	}
	if len(o.Aliases) > 0 {
		fmt.Fprintf(&b, "\nalso written %s\n", strings.Join(o.Aliases, ", "))
	}
	return b.String()
}

// keywordOf finds the operand of a command (at any depth) one of whose
// keyword values kw abbreviates.
func keywordOf(cmd *catalog.Command, kw string) (*catalog.Operand, *catalog.Alt) {
	for _, o := range allOperands(cmd.Operands()) {
		if alt := keywordAlt(o, nil, kw); alt != nil {
			return o, alt
		}
	}
	return nil, nil
}

// signature renders a builtin's call form, and the parts of each
// parameter in it.
func signature(f *builtins.Function) (string, []string) {
	params := make([]string, len(f.Params))
	for i, p := range f.Params {
		var alts []string
		if !p.NoValue {
			alts = append(alts, strings.ToLower(p.Type.String()))
		}
		alts = append(alts, p.Keywords...)
		params[i] = p.Name + "=" + strings.Join(alts, "/")
		if p.Default != nil {
			params[i] += fmt.Sprintf(" (default %v)", p.Default)
		}
	}
	return fmt.Sprintf("%s(%s) -> %s", f.Name, strings.Join(params, ", "), f.Result), params
}

func functionText(f *builtins.Function) string {
	sig, _ := signature(f)
	s := fmt.Sprintf("```\n%s\n```\n\n%s\n", sig, f.Help)
	if f.Source != "" {
		s += "\nSource: " + f.Source + "\n"
	}
	return s
}

// messageText is a message key's hover: its text and meaning in English
// and German.
func (s *server) messageText(key string) string {
	var b strings.Builder
	for _, lang := range []string{"E", "D"} {
		lines, _ := s.msgs.Help(key, lang)
		fmt.Fprintf(&b, "%s:\n\n```\n%s\n```\n\n", map[string]string{"E": "English", "D": "German"}[lang], strings.Join(lines, "\n"))
	}
	return b.String()
}
