package catalog

import (
	"fmt"
	"strconv"
	"strings"
)

// Operand declarations are written in a notation close to the manuals':
//
//	VM-ID = <integer 1..99> / <name 1..8>          ! mandatory
//	NEW-MEMORY-SIZE = *MINIMUM / <integer 1..1048576>
//	LOGGING = *UNCHANGED / *PARAMETERS(LISTING = *UNCHANGED / *NO / *YES)
//	NAME|VARIABLE-NAME = list-poss(2000): <composed-name 1..255>
//
// One operand per line (or separated by commas inside a structure).
// Alternatives are separated by "/", the first one is the default unless
// the line carries "!" (mandatory). "A|B" declares an operand name and its
// aliases. A keyword followed by "(...)" introduces a structure whose
// sub-operands are declared the same way. <type n..m attr...> is a data
// type with an optional range and attributes (with-low). A plain value
// (64, SDP0018) is a literal default. A line starting with "#", and text
// after " # ", is a comment.

// ParseOperands parses an operand declaration list. It parses the
// built-in tables when operands_literal.go is generated from them, and
// an installation's site commands at run time, so it reports errors
// instead of panicking.
func ParseOperands(src string) ([]*Operand, error) {
	p := &dslParser{src: stripComments(src)}
	ops, err := p.operands(0)
	if err != nil {
		return nil, err
	}
	p.skipSpace(true)
	if p.i < len(p.src) {
		return nil, p.errf("unexpected %q", p.src[p.i:])
	}
	return ops, nil
}

func stripComments(src string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		t := strings.TrimLeft(l, " \t")
		if strings.HasPrefix(t, "#") {
			lines[i] = ""
		} else if j := strings.Index(l, " # "); j >= 0 && !strings.Contains(l[:j], "'") {
			lines[i] = l[:j]
		}
	}
	return strings.Join(lines, "\n")
}

type dslParser struct {
	src string
	i   int
}

func (p *dslParser) errf(format string, args ...any) error {
	line := 1 + strings.Count(p.src[:p.i], "\n")
	return fmt.Errorf("operand declaration line %d: %s", line, fmt.Sprintf(format, args...))
}

func (p *dslParser) skipSpace(newlines bool) {
	for p.i < len(p.src) {
		c := p.src[p.i]
		if c == ' ' || c == '\t' || c == '\r' || newlines && c == '\n' {
			p.i++
			continue
		}
		return
	}
}

func (p *dslParser) peek() byte {
	if p.i < len(p.src) {
		return p.src[p.i]
	}
	return 0
}

// operands parses a list of operands. depth 0: separated by newlines (or
// commas); inside a structure: separated by commas or newlines until ")".
func (p *dslParser) operands(depth int) ([]*Operand, error) {
	var ops []*Operand
	for {
		p.skipSpace(true)
		c := p.peek()
		if c == 0 || c == ')' {
			return ops, nil
		}
		if c == ',' {
			p.i++
			continue
		}
		op, err := p.operand()
		if err != nil {
			return nil, err
		}
		ops = append(ops, op)
	}
}

func isDSLNameChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '#' || c == '@' || c == '$'
}

func (p *dslParser) word() string {
	start := p.i
	for p.i < len(p.src) && isDSLNameChar(p.src[p.i]) {
		p.i++
	}
	return p.src[start:p.i]
}

func (p *dslParser) operand() (*Operand, error) {
	p.skipSpace(false)
	op := &Operand{}
	names := []string{}
	for {
		w := p.word()
		if w == "" {
			return nil, p.errf("operand name expected")
		}
		names = append(names, strings.ToUpper(w))
		p.skipSpace(false)
		if p.peek() != '|' {
			break
		}
		p.i++
		p.skipSpace(false)
	}
	op.Name, op.Aliases = names[0], names[1:]
	if p.peek() != '=' {
		return nil, p.errf("'=' expected after operand %s", op.Name)
	}
	p.i++
	p.skipSpace(false)
	for {
		p.skipSpace(false)
		// "list-poss(n):" may stand before any alternative: the values of
		// that alternative may then be given as a list.
		if strings.HasPrefix(p.src[p.i:], "list-poss(") {
			p.i += len("list-poss(")
			start := p.i
			for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
				p.i++
			}
			n, err := strconv.Atoi(p.src[start:p.i])
			if err != nil || !strings.HasPrefix(p.src[p.i:], "):") {
				return nil, p.errf("list-poss(n): expected")
			}
			op.ListMax = n
			p.i += 2
			p.skipSpace(false)
		}
		alt, err := p.alt()
		if err != nil {
			return nil, err
		}
		op.Alts = append(op.Alts, alt)
		p.skipSpace(false)
		if p.peek() == '/' {
			p.i++
			continue
		}
		break
	}
	p.skipSpace(false)
	if p.peek() == '!' {
		p.i++
		op.Mandatory = true
	}
	return op, nil
}

func (p *dslParser) alt() (*Alt, error) {
	switch c := p.peek(); {
	case c == '[':
		// [*KEYWORD](...): the keyword may be left out and only the
		// parenthesised structure written (NULL-ABBREVIATION).
		if !strings.HasPrefix(p.src[p.i:], "[*") {
			return nil, p.errf("'[*KEYWORD]' expected")
		}
		p.i++
		a, err := p.alt()
		if err != nil {
			return nil, err
		}
		if p.peek() != ']' {
			return nil, p.errf("']' expected after %s", a.Keyword)
		}
		p.i++
		a.NullAbbrev = true
		return a, p.structure(a, a.Keyword)
	case c == '*':
		p.i++
		w := p.word()
		if w == "" {
			return nil, p.errf("keyword expected after '*'")
		}
		a := &Alt{Kind: AltKeyword, Keyword: "*" + strings.ToUpper(w)}
		return a, p.structure(a, a.Keyword)
	case c == '<':
		end := strings.IndexByte(p.src[p.i:], '>')
		if end < 0 {
			return nil, p.errf("'>' expected")
		}
		body := p.src[p.i+1 : p.i+end]
		p.i += end + 1
		a, err := parseType(body, p)
		if err != nil {
			return nil, err
		}
		// a name may be followed by a structure: NAME(TYPE=..., ...)
		return a, p.structure(a, "<"+body+">")
	case c == '\'':
		end := strings.IndexByte(p.src[p.i+1:], '\'')
		if end < 0 {
			return nil, p.errf("closing apostrophe expected")
		}
		a := &Alt{Kind: AltLiteral, Literal: p.src[p.i : p.i+end+2]}
		p.i += end + 2
		return a, nil
	default:
		w := p.word()
		if w == "" {
			return nil, p.errf("value alternative expected, found %q", string(c))
		}
		return &Alt{Kind: AltLiteral, Literal: strings.ToUpper(w)}, nil
	}
}

// structure parses the "(sub-operands)" that may follow an alternative.
func (p *dslParser) structure(a *Alt, what string) error {
	if p.peek() != '(' {
		return nil
	}
	p.i++
	sub, err := p.operands(1)
	if err != nil {
		return err
	}
	if p.peek() != ')' {
		return p.errf("')' expected to close the structure of %s", what)
	}
	p.i++
	a.Struct = sub
	return nil
}

func parseType(body string, p *dslParser) (*Alt, error) {
	f := strings.Fields(body)
	if len(f) == 0 {
		return nil, p.errf("empty <type>")
	}
	kind, ok := altKindNames[f[0]]
	if !ok {
		return nil, p.errf("unknown data type <%s>", f[0])
	}
	a := &Alt{Kind: kind}
	for _, attr := range f[1:] {
		if lo, hi, ok := strings.Cut(attr, ".."); ok && kind == AltFixed {
			min, max, scale, ok := fixedRange(lo, hi)
			if !ok {
				return nil, p.errf("bad range %q", attr)
			}
			a.Min, a.Max, a.Scale, a.HasRange = min, max, scale, true
			continue
		} else if ok {
			min, err1 := strconv.ParseInt(lo, 10, 64)
			max, err2 := strconv.ParseInt(hi, 10, 64)
			if err1 != nil || err2 != nil || min > max {
				return nil, p.errf("bad range %q", attr)
			}
			a.Min, a.Max, a.HasRange = min, max, true
			continue
		}
		switch attr {
		case "with-low":
			a.Lower = true
		case "with-wild":
			switch kind {
			case AltText, AltName, AltAlphanumName, AltFilename:
			default:
				return nil, p.errf("with-wild is for <text> and the name types, the forms a pattern is read in: <%s>", body)
			}
			a.Wild = true
		case "bool", "any":
			// result type hints for expressions, shown in help only
		default:
			return nil, p.errf("unknown attribute %q in <%s>", attr, body)
		}
	}
	return a, nil
}

// fixedRange parses the bounds of a <fixed> range ("0.01", "99.99") into
// whole units of the finer of their two scales.
func fixedRange(lo, hi string) (from, to int64, scale int, ok bool) {
	scale = max(decimals(lo), decimals(hi))
	from, ok1 := ParseFixed(lo, scale)
	to, ok2 := ParseFixed(hi, scale)
	return from, to, scale, ok1 && ok2 && from <= to
}

func decimals(s string) int {
	if _, frac, ok := strings.Cut(s, "."); ok {
		return len(frac)
	}
	return 0
}

// ParseFixed reads a decimal number written with at most scale decimal
// places (12, 12.5, 0.01) as a count of units of 10^-scale.
func ParseFixed(s string, scale int) (int64, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" || len(frac) > scale || strings.HasPrefix(frac, "-") || strings.HasPrefix(frac, "+") {
		return 0, false
	}
	digits := whole + frac + strings.Repeat("0", scale-len(frac))
	n, err := strconv.ParseInt(digits, 10, 64)
	return n, err == nil
}

// RoundFixed reads a decimal number as ParseFixed does, but takes more
// decimal places than scale and rounds them away, half up (VM2000's
// "decimal specifications rounded to 2 decimal places", SC2 2; the
// rounding rule I). rounded tells whether there were more.
func RoundFixed(s string, scale int) (n int64, rounded, ok bool) {
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) <= scale {
		n, ok = ParseFixed(s, scale)
		return n, false, ok
	}
	if strings.ContainsAny(frac, "+-") {
		return 0, false, false
	}
	n, ok = ParseFixed(whole+"."+frac[:scale], scale)
	if !ok || frac[scale] < '0' || frac[scale] > '9' {
		return 0, false, false
	}
	for _, c := range frac[scale+1:] {
		if c < '0' || c > '9' {
			return 0, false, false
		}
	}
	if frac[scale] >= '5' {
		if strings.HasPrefix(whole, "-") {
			n--
		} else {
			n++
		}
	}
	return n, true, true
}

// FormatFixed writes units of 10^-scale as a decimal number with scale
// places (1250, 2 -> "12.50").
func FormatFixed(n int64, scale int) string {
	if scale == 0 {
		return strconv.FormatInt(n, 10)
	}
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	s := fmt.Sprintf("%0*d", scale+1, n)
	return sign + s[:len(s)-scale] + "." + s[len(s)-scale:]
}

// Synopsis renders an operand declaration back in manual style for help.
func (o *Operand) Synopsis() string {
	var b strings.Builder
	b.WriteString(o.Name)
	b.WriteString(" = ")
	if o.ListMax > 0 {
		fmt.Fprintf(&b, "list-poss(%d): ", o.ListMax)
	}
	for i, a := range o.Alts {
		if i > 0 {
			b.WriteString(" / ")
		}
		b.WriteString(a.String())
	}
	return b.String()
}

func (a *Alt) String() string {
	switch a.Kind {
	case AltKeyword:
		if a.NullAbbrev {
			return "[" + a.Keyword + "]" + a.structString()
		}
		return a.Keyword + a.structString()
	case AltLiteral:
		return a.Literal
	}
	s := "<" + a.Kind.String()
	switch {
	case a.HasRange && a.Kind == AltFixed:
		s += " " + FormatFixed(a.Min, a.Scale) + ".." + FormatFixed(a.Max, a.Scale)
	case a.HasRange:
		s += fmt.Sprintf(" %d..%d", a.Min, a.Max)
	}
	if a.Lower {
		s += " with-low"
	}
	if a.Wild {
		s += " with-wild"
	}
	return s + ">" + a.structString()
}

func (a *Alt) structString() string {
	if len(a.Struct) == 0 {
		return ""
	}
	parts := make([]string, len(a.Struct))
	for i, s := range a.Struct {
		parts[i] = s.Synopsis()
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
