package parser

import (
	"strconv"
	"strings"

	"sdfp/lexer"
	"sdfp/lexer/ebcdic"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// binder turns the generic operand syntax of one command into ast.Args,
// following the command's catalog declaration.
type binder struct {
	unit *lexer.Unit
	errs []*lexer.Error
	// lenient is set for commands that still hold & substitutions: their
	// values are only known at run time, so missing or odd operands are
	// not reported yet.
	lenient bool
	// assign is set for the short form "/NAME = expression" of
	// SET-VARIABLE, whose left side is always the variable name.
	assign bool
	// defaults holds the default value of each omitted operand bound so
	// far, shared by the commands of a file: most operands of most
	// commands are omitted, and a value per command and operand was a
	// fifth of a procedure's tree. nil: no sharing.
	defaults map[*catalog.Operand]*ast.Value
}

func (b *binder) errf(pos lexer.Pos, code, format string, args ...any) {
	if b.lenient {
		return
	}
	b.errs = append(b.errs, lexer.Errorf(pos, code, format, args...))
}

// errfHint is errf with a did-you-mean, computed only if the error is
// shown.
func (b *binder) errfHint(pos lexer.Pos, code string, hint func() string, format string, args ...any) {
	if b.lenient {
		return
	}
	b.errs = append(b.errs, lexer.Errorf(pos, code, format, args...).WithHint(hint))
}

// abbreviatesOnly reports that a key is an abbreviation (of one operand or
// several), not an operand's full name.
func abbreviatesOnly(key string, found *catalog.Operand, cands []string) bool {
	if found != nil {
		for _, n := range found.Names() {
			if strings.EqualFold(key, n) {
				return false
			}
		}
		return true
	}
	return len(cands) > 0
}

// namesOperand reports whether a keyword operand of the list names the
// operand called name.
func namesOperand(ops []*catalog.Operand, list []*OperandSyntax, name string) bool {
	for _, s := range list {
		if s != nil && s.Key != nil {
			if found, _ := catalog.LookupOperand(ops, s.Key.Value); found != nil && found.Name == name {
				return true
			}
		}
	}
	return false
}

// bind binds an operand list against declared operands. nameValue names
// the two operands that receive the key and value of a leading "NAME =
// value" operand whose key is not an operand name (SET-VARIABLE, FOR).
func (b *binder) bind(ops []*catalog.Operand, list []*OperandSyntax, at lexer.Pos, nameValue []string) *ast.Args {
	args := &ast.Args{Ops: ops, Values: make([]*ast.Value, len(ops))}
	index := func(o *catalog.Operand) int {
		for i, x := range ops {
			if x == o {
				return i
			}
		}
		return -1
	}
	next, sawKeyword := 0, false
	for n := 0; n < len(list); n++ {
		s := list[n]
		if s == nil || (s.Key == nil && len(s.Atoms) == 0) {
			if !sawKeyword {
				next++
			}
			continue
		}
		var op *catalog.Operand
		if s.Key != nil {
			sawKeyword = true
			found, cands := catalog.LookupOperand(ops, s.Key.Value)
			// In the short form "/NAME = expression" the left side is the
			// variable's name even where it abbreviates an operand
			// (/V = 1, /W = 1). So is a leading "V = value" of FOR and
			// SET-VARIABLE whose V only abbreviates operands and no other
			// operand names the variable (FOR V = *LIST(L), FOR C = ...):
			// read as operands, the mandatory CONTROL-VARIABLE or
			// VARIABLE-NAME would be missing.
			if n == 0 && len(nameValue) == 2 && (b.assign || found == nil && len(cands) == 0 ||
				abbreviatesOnly(s.Key.Value, found, cands) && !namesOperand(ops, list[1:], nameValue[0])) {
				b.bindNameValue(args, ops, s, nameValue)
				continue
			}
			if found == nil {
				if len(cands) > 1 {
					b.errf(s.Key.Pos, CodeAmbiguous, "operand abbreviation %s is ambiguous: %s", lexer.Clip(s.Key.Value), strings.Join(cands, ", "))
				} else {
					written := s.Key.Value
					b.errfHint(s.Key.Pos, CodeUnknownOperand, func() string { return catalog.Hint(catalog.SuggestOperand(ops, written)) },
						"operand %s is not known here%s", lexer.Clip(written), operandHint(ops))
				}
				continue
			}
			op = found
		} else {
			if sawKeyword {
				b.errf(s.Pos, CodePositional, "positional operand after a keyword operand")
				continue
			}
			if next >= len(ops) {
				b.errf(s.Pos, CodePositional, "too many positional operands (%d declared)", len(ops))
				continue
			}
			op = ops[next]
			next++
		}
		s, n = joinWildcardChoice(op, list, n)
		i := index(op)
		if args.Values[i] != nil {
			b.errf(s.Pos, CodeDuplicateOperand, "operand %s is given more than once", op.Name)
			continue
		}
		args.Values[i] = b.operandValue(op, s)
	}
	for i, op := range ops {
		if args.Values[i] != nil {
			continue
		}
		if op.Mandatory {
			b.errf(at, CodeMissingOperand, "mandatory operand %s is missing", op.Name)
			args.Values[i] = &ast.Value{Pos: at, Operand: op}
			continue
		}
		args.Values[i] = b.defaultOf(op, at)
	}
	return args
}

// defaultOf returns the default value of an omitted operand, shared when
// the binder shares defaults. A default whose binding reports a problem
// (a structure with a mandatory sub-operand) is bound afresh at the
// command, so that each command reports it.
func (b *binder) defaultOf(op *catalog.Operand, at lexer.Pos) *ast.Value {
	if b.defaults == nil || b.lenient {
		return b.defaultValue(op, at)
	}
	if v, ok := b.defaults[op]; ok {
		return v
	}
	n := len(b.errs)
	v := b.defaultValue(op, lexer.Pos{})
	if len(b.errs) > n {
		b.errs = b.errs[:n]
		return b.defaultValue(op, at)
	}
	b.defaults[op] = v
	return v
}

func operandHint(ops []*catalog.Operand) string {
	if len(ops) == 0 {
		return " (the command has no operands)"
	}
	names := make([]string, len(ops))
	for i, o := range ops {
		names[i] = o.Name
	}
	return " (operands: " + strings.Join(names, ", ") + ")"
}

// bindNameValue binds "NAME = value" to the two operands of nameValue.
func (b *binder) bindNameValue(args *ast.Args, ops []*catalog.Operand, s *OperandSyntax, nameValue []string) {
	for i, o := range ops {
		switch o.Name {
		case nameValue[0]:
			nameSyn := &OperandSyntax{Pos: s.Key.Pos, Tokens: []lexer.Token{*s.Key},
				Atoms: []*Atom{{Pos: s.Key.Pos, Token: s.Key}}}
			args.Values[i] = b.operandValue(o, nameSyn)
		case nameValue[1]:
			valSyn := *s
			valSyn.Key = nil
			valSyn.Tokens = valueTokens(s)
			if len(valSyn.Atoms) > 0 {
				valSyn.Pos = valSyn.Atoms[0].Pos
			}
			args.Values[i] = b.operandValue(o, &valSyn)
		}
	}
}

// valueTokens returns the tokens of an operand's value (without "KEY =").
func valueTokens(s *OperandSyntax) []lexer.Token {
	if s.Key == nil || len(s.Tokens) < 2 {
		return s.Tokens
	}
	return s.Tokens[2:]
}

func (b *binder) defaultValue(op *catalog.Operand, at lexer.Pos) *ast.Value {
	v := &ast.Value{Pos: at, Operand: op}
	if len(op.Alts) == 0 {
		return v
	}
	a := op.Alts[0]
	v.Alt = a
	switch a.Kind {
	case catalog.AltKeyword:
		v.Keyword = a.Keyword
		if len(a.Struct) > 0 {
			v.Struct = b.bind(a.Struct, nil, at, nil)
		}
	case catalog.AltLiteral:
		v.Keyword = a.Literal
		if n, err := strconv.ParseInt(a.Literal, 10, 64); err == nil {
			v.Int = n
		}
	}
	return v
}

// operandValue binds the value of one operand (a list when the operand
// allows lists and the value is a parenthesised group).
func (b *binder) operandValue(op *catalog.Operand, s *OperandSyntax) *ast.Value {
	toks := valueTokens(s)
	pos := s.Pos
	if len(s.Atoms) > 0 {
		pos = s.Atoms[0].Pos
	}
	if len(s.Atoms) == 0 {
		b.errf(pos, CodeBadValue, "operand %s has no value", op.Name)
		return &ast.Value{Pos: pos, Operand: op, Given: true}
	}
	if op.ListMax > 0 && len(s.Atoms) == 1 && s.Atoms[0].Group != nil && !hasRawAlt(op) {
		list := &ast.Value{Pos: pos, Operand: op, Given: true, IsList: true}
		elems := s.Atoms[0].Group.Operands()
		if len(elems) > op.ListMax {
			b.errf(pos, CodeBadValue, "operand %s takes at most %d values, %d given", op.Name, op.ListMax, len(elems))
		}
		for _, e := range elems {
			if e == nil || len(e.Atoms) == 0 {
				b.errf(pos, CodeBadValue, "empty element in the list of %s", op.Name)
				continue
			}
			if e.Key != nil {
				b.errf(e.Key.Pos, CodeBadValue, "list element of %s cannot be a keyword operand", op.Name)
				continue
			}
			list.List = append(list.List, b.alternative(op, e.Atoms, e.Tokens, e.Atoms[0].Pos))
		}
		return list
	}
	v := b.alternative(op, s.Atoms, toks, pos)
	if op.ListMax > 0 {
		return &ast.Value{Pos: pos, Operand: op, Given: true, IsList: true, List: []*ast.Value{v}}
	}
	return v
}

func hasRawAlt(op *catalog.Operand) bool {
	for _, a := range op.Alts {
		if a.Raw() {
			return true
		}
	}
	return false
}

func containsSubst(toks []lexer.Token) bool {
	for _, t := range toks {
		if t.Type == lexer.Subst || t.Type == lexer.String && strings.Contains(t.Value, "&") {
			return true
		}
	}
	return false
}

// alternative matches atoms against the operand's alternatives.
func (b *binder) alternative(op *catalog.Operand, atoms []*Atom, toks []lexer.Token, pos lexer.Pos) *ast.Value {
	v := b.bindAlternative(op, atoms, toks, pos)
	if v.Alt == nil || (v.Alt.Kind == catalog.AltExpr || v.Alt.Kind == catalog.AltCond) && v.Expr == nil {
		v.Raw = joinTokens(toks)
	}
	return v
}

// joinTokens is the text of tokens separated by blanks.
func joinTokens(toks []lexer.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Value)
	}
	return b.String()
}

func (b *binder) bindAlternative(op *catalog.Operand, atoms []*Atom, toks []lexer.Token, pos lexer.Pos) *ast.Value {
	v := &ast.Value{Pos: pos, Operand: op, Given: true}
	first := atoms[0]
	// A keyword (possibly with a structure) is tried first: raw text
	// alternatives would swallow it otherwise.
	if first.Token != nil && first.Token.Type == lexer.Keyword && (len(atoms) == 1 || len(atoms) == 2 && atoms[1].Group != nil) {
		if a := b.keywordAlt(op, first.Token); a != nil {
			v.Alt, v.Keyword = a, a.Keyword
			var group *OperandList
			if len(atoms) == 2 {
				group = atoms[1].Group
			}
			b.structure(v, a, group, first.Token.Pos)
			return v
		}
		if !hasRawAlt(op) {
			return v
		}
	}
	if len(atoms) == 1 && first.Token != nil && first.Token.Type != lexer.Name && first.Token.Type != lexer.Subst {
		// A single literal that fits a typed alternative (a c-string for
		// WRITE-TEXT) is taken as that rather than as raw text.
		saved := b.lenient
		b.lenient = true
		probe := ast.Value{Pos: pos, Operand: op, Given: true}
		ok := b.scalar(&probe, op, *first.Token)
		b.lenient = saved
		if ok {
			b.scalar(v, op, *first.Token)
			return v
		}
	}
	for _, a := range op.Alts {
		if a.Raw() {
			b.raw(v, a, atoms, toks)
			return v
		}
	}
	if !containsSubst(toks) && len(atoms) > 1 {
		// A name pattern is several tokens (46*: a number and a star).
		for _, a := range op.Alts {
			if s := b.rawText(toks); a.Wild && isNameAlt(a) && wildNameFits(a, s) {
				v.Alt, v.Str = a, s
				return v
			}
		}
	}
	if containsSubst(toks) {
		// Known only after substitution at run time.
		return v
	}
	if len(atoms) == 2 && atoms[0].Token != nil && atoms[1].Group != nil {
		// a value with a structure: NAME=X(TYPE=*INTEGER) in
		// DECLARE-VARIABLE, NEW-MEMORY-SIZE=4(DIMENSION=*GIGABYTE)
		tok := *atoms[0].Token
		for _, a := range op.Alts {
			if len(a.Struct) == 0 || a.Kind == catalog.AltKeyword {
				continue
			}
			switch {
			case a.Kind == catalog.AltInteger && tok.Type == lexer.Int:
				b.scalar(v, &catalog.Operand{Name: op.Name, Alts: []*catalog.Alt{a}}, tok)
			case isNameAlt(a) && nameFits(a, tok.Value):
				v.Alt, v.Str = a, tok.Value
				v.Name = varNameOf(a, v.Str)
			default:
				continue
			}
			b.structure(v, a, atoms[1].Group, atoms[0].Pos)
			return v
		}
	}
	if len(atoms) == 1 && first.Group != nil {
		// NULL abbreviation: "(X=1)" for the only structured keyword.
		var structured []*catalog.Alt
		for _, a := range op.Alts {
			if a.NullAbbrev {
				structured = []*catalog.Alt{a}
				break
			}
			if a.Kind == catalog.AltKeyword && len(a.Struct) > 0 {
				structured = append(structured, a)
			}
		}
		if len(structured) == 1 {
			v.Alt, v.Keyword = structured[0], structured[0].Keyword
			b.structure(v, structured[0], first.Group, first.Pos)
			return v
		}
		b.errf(pos, CodeBadValue, "a list or structure is not allowed for operand %s", op.Name)
		return v
	}
	tok, ok := singleToken(atoms)
	if !ok {
		tok, ok = signedInt(atoms)
	}
	if !ok {
		b.errf(pos, CodeBadValue, "value of operand %s is not one value: %s", op.Name, op.Synopsis())
		return v
	}
	if b.scalar(v, op, tok) {
		return v
	}
	b.errf(tok.Pos, CodeBadValue, "value %s is not allowed for operand %s; allowed: %s", tokenText(tok), op.Name, altList(op))
	return v
}

func tokenText(t lexer.Token) string {
	v := lexer.Clip(t.Value)
	switch t.Type {
	case lexer.String:
		return "'" + v + "'"
	case lexer.XString:
		return "X'" + v + "'"
	}
	return v
}

// keywords are the keyword values an operand takes.
func keywords(op *catalog.Operand) []string {
	var out []string
	for _, a := range op.Alts {
		if a.Kind == catalog.AltKeyword {
			out = append(out, a.Keyword)
		}
	}
	return out
}

func altList(op *catalog.Operand) string {
	parts := make([]string, len(op.Alts))
	for i, a := range op.Alts {
		parts[i] = a.String()
		if a.Kind == catalog.AltKeyword && len(a.Struct) > 0 {
			parts[i] = a.Keyword + "(...)"
		}
	}
	return strings.Join(parts, " / ")
}

// singleToken joins atoms written without blanks between them (a file
// name with a catalog prefix, :CAT:$USER.FILE) into one name token.
func singleToken(atoms []*Atom) (lexer.Token, bool) {
	if len(atoms) == 1 && atoms[0].Token != nil {
		return *atoms[0].Token, true
	}
	var b strings.Builder
	prevEnd := -1
	for _, a := range atoms {
		if a.Token == nil || (a.Token.Type != lexer.Name && a.Token.Type != lexer.Colon && a.Token.Type != lexer.Int) {
			return lexer.Token{}, false
		}
		if prevEnd >= 0 && (a.Token.Pos.Line != atoms[0].Token.Pos.Line || a.Token.Pos.Column != prevEnd) {
			return lexer.Token{}, false
		}
		b.WriteString(a.Token.Value)
		prevEnd = a.Token.Pos.Column + len(a.Token.Value)
	}
	return lexer.Token{Type: lexer.Name, Value: b.String(), Pos: atoms[0].Token.Pos}, true
}

// signedInt joins a sign written directly before a number (-5, +5: the
// lexer gives the sign as an operator) into one integer token, for the
// operands whose range takes negative numbers (DECLARE-VARIABLE
// MULTIPLE-ELEMENTS=*ARRAY(LOWER-BOUND=-5)).
func signedInt(atoms []*Atom) (lexer.Token, bool) {
	if len(atoms) != 2 || atoms[0].Token == nil || atoms[1].Token == nil {
		return lexer.Token{}, false
	}
	sign, num := *atoms[0].Token, *atoms[1].Token
	if sign.Type != lexer.Op || sign.Value != "-" && sign.Value != "+" || num.Type != lexer.Int ||
		num.Pos.Line != sign.Pos.Line || num.Pos.Column != sign.Pos.Column+1 {
		return lexer.Token{}, false
	}
	return lexer.Token{Type: lexer.Int, Value: sign.Value + num.Value, Pos: sign.Pos}, true
}

// keywordMatches are the keyword alternatives of op a keyword is (exact)
// or abbreviates (found).
func keywordMatches(op *catalog.Operand, keyword string) (exact, found []*catalog.Alt) {
	for _, a := range op.Alts {
		if a.Kind != catalog.AltKeyword {
			continue
		}
		if a.Keyword == keyword {
			exact = append(exact, a)
		} else if catalog.Abbreviates(keyword, a.Keyword) {
			found = append(found, a)
		}
	}
	return exact, found
}

// ambiguousKeyword reports a keyword that abbreviates several of op's.
func (b *binder) ambiguousKeyword(op *catalog.Operand, t *lexer.Token, written string, found []*catalog.Alt) {
	names := make([]string, len(found))
	for i, a := range found {
		names[i] = a.Keyword
	}
	b.errf(t.Pos, CodeAmbiguous, "keyword abbreviation %s is ambiguous for operand %s: %s", lexer.Clip(written), op.Name, strings.Join(names, ", "))
}

// keywordAlt finds the keyword alternative a keyword token abbreviates.
func (b *binder) keywordAlt(op *catalog.Operand, t *lexer.Token) *catalog.Alt {
	exact, found := keywordMatches(op, t.Value)
	if len(exact) > 0 {
		return exact[0]
	}
	if len(found) == 1 {
		return found[0]
	}
	if len(found) > 1 {
		b.ambiguousKeyword(op, t, t.Value, found)
		return nil
	}
	if !hasRawAlt(op) {
		written := t.Value
		b.errfHint(t.Pos, CodeBadValue, func() string { return catalog.Hint(catalog.Suggest(written, keywords(op))) },
			"keyword %s is not allowed for operand %s; allowed: %s", lexer.Clip(written), op.Name, altList(op))
	}
	return nil
}

// structure binds the sub-operands of a structure value. Without a group
// the sub-operands take their defaults.
func (b *binder) structure(v *ast.Value, a *catalog.Alt, group *OperandList, pos lexer.Pos) {
	if len(a.Struct) == 0 {
		if group != nil {
			b.errf(group.Pos, CodeBadValue, "%s does not introduce a structure", a.String())
		}
		return
	}
	v.Struct = b.bind(a.Struct, group.Operands(), pos, nil)
}

// raw binds an expression, condition, command or text value.
func (b *binder) raw(v *ast.Value, a *catalog.Alt, atoms []*Atom, toks []lexer.Token) {
	v.Alt = a
	switch a.Kind {
	case catalog.AltExpr, catalog.AltCond:
		end := v.Pos
		if n := len(toks); n > 0 {
			end = toks[n-1].Pos
			end.Column += len(toks[n-1].Value)
		}
		e, err := ParseExpr(toks, end)
		if err != nil {
			if !containsSubst(toks) {
				b.errs = append(b.errs, err)
			}
			return
		}
		v.Expr = e
		v.Str = b.rawText(toks)
	case catalog.AltCommand, catalog.AltText:
		if len(atoms) == 1 && atoms[0].Group != nil {
			g := atoms[0]
			inner := g.Tokens
			if len(inner) >= 2 {
				start := b.unit.Offset(inner[0].Pos) + 1
				end := b.unit.Offset(inner[len(inner)-1].Pos)
				if start <= end && end <= len(b.unit.Text) {
					v.Str = b.unit.Text[start:end]
					return
				}
			}
		}
		if len(atoms) == 1 && atoms[0].Token != nil && atoms[0].Token.Type == lexer.String {
			v.Str = atoms[0].Token.Value
			return
		}
		v.Str = b.rawText(toks)
	}
}

// rawText returns the source text the tokens were read from.
func (b *binder) rawText(toks []lexer.Token) string {
	if len(toks) == 0 {
		return ""
	}
	start := b.unit.Offset(toks[0].Pos)
	last := toks[len(toks)-1]
	end := b.unit.Offset(last.Pos) + tokenWidth(b.unit.Text, b.unit.Offset(last.Pos), last)
	if start > end || end > len(b.unit.Text) {
		return ""
	}
	return b.unit.Text[start:end]
}

// tokenWidth measures a token in the source (strings may have doubled
// quotes, so their width is not their value's length).
func tokenWidth(text string, off int, t lexer.Token) int {
	switch t.Type {
	case lexer.String, lexer.XString:
		i := off
		for i < len(text) && text[i] != '\'' {
			i++
		}
		for j := i + 1; j < len(text); j++ {
			if text[j] == '\'' {
				if j+1 < len(text) && text[j+1] == '\'' {
					j++
					continue
				}
				return j + 1 - off
			}
		}
		return len(text) - off
	}
	return len(t.Value)
}

// scalar matches a single token against the data-type and literal
// alternatives. It reports whether one matched (errors for a matching
// type with a bad value are recorded and count as matched).
func (b *binder) scalar(v *ast.Value, op *catalog.Operand, t lexer.Token) bool {
	for _, a := range op.Alts {
		switch a.Kind {
		case catalog.AltInteger:
			if t.Type != lexer.Int {
				continue
			}
			n, err := strconv.ParseInt(t.Value, 10, 64)
			v.Alt, v.Int = a, n
			if err != nil || a.HasRange && (n < a.Min || n > a.Max) {
				b.errf(t.Pos, CodeBadValue, "value %s of operand %s is outside the range %d..%d", lexer.Clip(t.Value), op.Name, a.Min, a.Max)
			}
			return true
		case catalog.AltFixed:
			// 12.5 or a whole number
			if t.Type != lexer.Int && t.Type != lexer.Fixed {
				continue
			}
			// more decimals than the range's are rounded away (V
			// VM2000 CREATE-VM-GROUP: SC2 2, "decimal specifications
			// rounded to 2 decimal places"); the command reports it
			n, rounded, ok := catalog.RoundFixed(t.Value, a.Scale)
			v.Alt, v.Int, v.Str, v.Rounded = a, n, catalog.FormatFixed(n, a.Scale), rounded
			if !ok || a.HasRange && (n < a.Min || n > a.Max) {
				b.errf(t.Pos, CodeBadValue, "value %s of operand %s is outside the range %s..%s", lexer.Clip(t.Value), op.Name,
					catalog.FormatFixed(a.Min, a.Scale), catalog.FormatFixed(a.Max, a.Scale))
			}
			return true
		case catalog.AltCString:
			if t.Type != lexer.String {
				continue
			}
			b.cstring(v, op, a, t)
			return true
		case catalog.AltXString:
			if t.Type != lexer.XString {
				continue
			}
			v.Alt, v.Str = a, t.Value
			if a.HasRange && (int64(len(t.Value)) < a.Min || int64(len(t.Value)) > a.Max) {
				b.errf(t.Pos, CodeBadValue, "X-string of operand %s has %d digits; allowed %d..%d", op.Name, len(t.Value), a.Min, a.Max)
			}
			return true
		case catalog.AltLiteral:
			if strings.EqualFold(a.Literal, t.Value) {
				v.Alt, v.Keyword = a, a.Literal
				if n, err := strconv.ParseInt(a.Literal, 10, 64); err == nil {
					v.Int = n
				}
				return true
			}
		}
	}
	if t.Type == lexer.Name || t.Type == lexer.Int {
		for _, a := range op.Alts {
			if isNameAlt(a) && nameFits(a, t.Value) {
				v.Alt, v.Str = a, t.Value
				v.Name = varNameOf(a, v.Str)
				return true
			}
		}
		// The star of a keyword may be left out (LIST=Y for *YES).
		if t.Type == lexer.Name {
			kt := t
			kt.Value = "*" + t.Value
			if exact, found := keywordMatches(op, kt.Value); len(exact) == 0 && len(found) > 1 {
				// TYPE=STR: *STRING or *STRUCTURE, not a wrong value
				b.ambiguousKeyword(op, &t, t.Value, found)
				return true
			}
			saved := b.lenient
			b.lenient = true
			a := b.keywordAlt(op, &kt)
			b.lenient = saved
			if a != nil {
				v.Alt, v.Keyword = a, a.Keyword
				if len(a.Struct) > 0 {
					v.Struct = b.bind(a.Struct, nil, t.Pos, nil)
				}
				return true
			}
		}
		for _, a := range op.Alts {
			if isNameAlt(a) {
				b.errf(t.Pos, CodeBadValue, "%s is not a valid %s for operand %s", lexer.Clip(t.Value), a.String(), op.Name)
				v.Alt, v.Str = a, t.Value
				return true
			}
		}
	}
	return false
}

// cstring binds a string literal to a <c-string> alternative: upper
// case unless the alternative keeps lower case, its length checked in
// characters (an umlaut is one EBCDIC byte). A template binds the new
// contents of a literal here too (template.go).
func (b *binder) cstring(v *ast.Value, op *catalog.Operand, a *catalog.Alt, t lexer.Token) {
	v.Alt, v.Str = a, t.Value
	if !a.Lower {
		v.Str = ebcdic.ToUpper(t.Value)
	}
	if n := int64(ebcdic.Len(t.Value)); a.HasRange && (n < a.Min || n > a.Max) {
		b.errf(t.Pos, CodeBadValue, "string of operand %s has %d characters; allowed %d..%d", op.Name, n, a.Min, a.Max)
	}
}

// varNameOf parses a composed name once at bind time, so the interpreter
// does not split variable names on every execution.
func varNameOf(a *catalog.Alt, s string) *ast.VarName {
	if a.Kind != catalog.AltComposedName {
		return nil
	}
	n, err := ParseVarName(s, lexer.Pos{})
	if err != nil {
		return nil
	}
	return n
}

func isNameAlt(a *catalog.Alt) bool {
	switch a.Kind {
	case catalog.AltName, catalog.AltAlphanumName, catalog.AltStructuredName,
		catalog.AltComposedName, catalog.AltFilename:
		return true
	}
	return false
}

// nameFits checks a name against a name-type alternative: its characters
// and its length range.
func nameFits(a *catalog.Alt, s string) bool {
	if a.HasRange && (int64(len(s)) < a.Min || int64(len(s)) > a.Max) {
		return false
	}
	if s == "" {
		return false
	}
	switch a.Kind {
	case catalog.AltComposedName:
		_, err := ParseVarName(s, lexer.Pos{})
		return err == nil
	case catalog.AltName:
		if s[0] >= '0' && s[0] <= '9' {
			return false
		}
		return allIn(s, "$#@")
	case catalog.AltAlphanumName:
		return allIn(s, "$#@")
	case catalog.AltStructuredName:
		if s[0] >= '0' && s[0] <= '9' || strings.HasSuffix(s, "-") {
			return false
		}
		return allIn(s, "$#@-")
	case catalog.AltFilename:
		return allIn(s, "$#@-.:")
	}
	return false
}

// wildLength is the most characters a name pattern may have: the
// manuals' with-wild(20) for the names of VMs and devices (V, ADD-VM-DEVICES,
// SHOW-VM-ATTRIBUTES).
const wildLength = 20

// wildNameFits checks a name pattern against a with-wild name alternative:
// the name's characters and SDF's wildcard characters (* / < > : , and a
// leading - for "all but"), at least one wildcard, at most wildLength
// characters. What the pattern selects is the command's to decide.
func wildNameFits(a *catalog.Alt, s string) bool {
	if s == "" || len(s) > wildLength || !strings.ContainsAny(s, "*/<") {
		return false
	}
	extra := "*/<>:,"
	if a.Kind == catalog.AltFilename {
		extra += ".:"
	}
	return allIn(strings.TrimPrefix(s, "-"), "$#@"+extra)
}

func allIn(s, extra string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.IndexByte(extra, c) >= 0 {
			continue
		}
		return false
	}
	return true
}
