package lsp

import (
	"strings"

	"sdfp/parser/catalog"
)

// cursor is where a request points in a document: the line (0-based),
// its text and the byte column, and the command around it.
type cursor struct {
	a      *analysis
	line   int
	text   string // the line
	col    int    // byte column in text
	spec   *catalog.Command
	before string // the command's text from its name up to the cursor, continuation lines joined
	atName bool   // the cursor is on the command name (or where it goes)
	assign bool   // the command is an assignment, NAME = expression
}

// at resolves an LSP position in a document.
func (a *analysis) at(line, char int) *cursor {
	l := a.text.line(line)
	cur := &cursor{a: a, line: line, text: l, col: byteColumn(l, char)}
	first := line
	if c := a.commandAt(line + 1); c != nil {
		first = c.Pos.Line - 1
		if c.Assign {
			cur.assign, cur.spec = true, c.Spec
			return cur
		}
	} else {
		// an unreadable command: its continuation lines end in "-"
		for first > 0 && strings.HasSuffix(strings.TrimRight(a.text.line(first-1), " "), "-") {
			first--
		}
	}
	var b strings.Builder
	for n := first; n <= line; n++ {
		s := a.text.line(n)
		if n == line {
			s = s[:cur.col]
		} else {
			s = strings.TrimSuffix(strings.TrimRight(s, " "), "-")
		}
		b.WriteString(s)
	}
	cmdText := b.String()
	// leading slash, blanks and an S label ("NAME:") or non-S label
	rest := strings.TrimLeft(cmdText, " ")
	if !strings.HasPrefix(rest, "/") {
		return cur // a data line
	}
	rest = strings.TrimLeft(rest[1:], " ")
	if i := labelEnd(rest); i > 0 {
		rest = strings.TrimLeft(rest[i:], " ")
	}
	name := rest
	if i := strings.IndexFunc(rest, func(r rune) bool { return r < 0x80 && !wordByte(byte(r)) }); i >= 0 {
		name = rest[:i]
	} else {
		cur.atName = true
	}
	cur.spec, _ = a.cat.Lookup(name)
	cur.before = rest[len(name):]
	return cur
}

// labelEnd is the length of a leading label of a command's text
// ("ERROR: ", ".SKIP "), 0 when there is none.
func labelEnd(s string) int {
	i := 0
	for i < len(s) && wordByte(s[i]) && s[i] != '*' {
		i++
	}
	if i > 0 && i < len(s) && s[i] == ':' {
		return i + 1
	}
	if strings.HasPrefix(s, ".") && i < len(s) && s[i] == ' ' {
		return i
	}
	return 0
}

// frame is one level of parentheses in a command's operands: the
// operands that may be given there (nil in an expression or a list of
// values) and the one being given.
type frame struct {
	scope   []*catalog.Operand
	current *catalog.Operand
}

// operandContext reads a command's operands up to the cursor and tells
// which operands may be given there and which one's value is being
// written (nil: none, the cursor is where an operand name goes).
func operandContext(spec *catalog.Command, before string) frame {
	stack := []frame{{scope: spec.Operands()}}
	top := func() *frame { return &stack[len(stack)-1] }
	var last string // the last word read
	for i := 0; i < len(before); i++ {
		c := before[i]
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(before[i+1:], c)
			if j < 0 {
				return *top() // in a string or comment
			}
			i += j + 1
			last = ""
		case wordByte(c):
			j := i
			for j < len(before) && wordByte(before[j]) {
				j++
			}
			last = before[i:j]
			i = j - 1
		case c == '=':
			if o, _ := catalog.LookupOperand(top().scope, last); o != nil {
				top().current = o
			}
			last = ""
		case c == '(':
			var inner []*catalog.Operand
			if strings.HasPrefix(last, "*") {
				if alt := keywordAlt(top().current, top().scope, last); alt != nil {
					inner = alt.Struct
				}
			}
			if inner == nil && last == "" && top().current != nil {
				// OPERAND=(...): a list of its values
				stack = append(stack, frame{current: top().current})
			} else {
				stack = append(stack, frame{scope: inner})
			}
			last = ""
		case c == ')':
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			last = ""
		case c == ',':
			if top().scope != nil {
				top().current = nil
			}
			last = ""
		case c == ' ':
			// a blank ends a positional value as a comma does
		}
	}
	return *top()
}

// keywordAlt finds the alternative *KEYWORD of an operand (or of any
// operand of scope when the operand is not known) that kw abbreviates.
func keywordAlt(o *catalog.Operand, scope []*catalog.Operand, kw string) *catalog.Alt {
	ops := scope
	if o != nil {
		ops = []*catalog.Operand{o}
	}
	for _, op := range ops {
		for _, alt := range op.Alts {
			if alt.Kind == catalog.AltKeyword && (strings.EqualFold(alt.Keyword, kw) || catalog.Abbreviates(kw, alt.Keyword)) {
				return alt
			}
		}
	}
	return nil
}

// allOperands lists a command's operands with those of every structure
// below them, each once.
func allOperands(ops []*catalog.Operand) []*catalog.Operand {
	var out []*catalog.Operand
	seen := map[*catalog.Operand]bool{}
	var walk func([]*catalog.Operand, int)
	walk = func(ops []*catalog.Operand, depth int) {
		if depth > 20 {
			return
		}
		for _, o := range ops {
			if seen[o] {
				continue
			}
			seen[o] = true
			out = append(out, o)
			for _, alt := range o.Alts {
				walk(alt.Struct, depth+1)
			}
		}
	}
	walk(ops, 0)
	return out
}
