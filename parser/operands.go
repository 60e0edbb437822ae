package parser

import "sdfp/lexer"

// fastOperands parses an operand list exactly as the participle grammar in
// grammar.go does, but without reflection. Participle allocates about 240
// objects per command line, which limits reading to some 45,000 lines per
// second; this path is several times faster. The grammar in grammar.go
// stays the reference: the differential test and fuzz target in
// operands_test.go hold both to identical trees, and whenever this parser
// meets input it does not accept, the caller runs participle, which
// produces the error message. ok is false in that case.
func fastOperands(toks []lexer.Token) (list *OperandList, ok bool) {
	p := &fastParser{toks: toks}
	list = p.list()
	if p.failed || p.toks[p.i].Type != lexer.EOF {
		return nil, false
	}
	return list, true
}

type fastParser struct {
	toks   []lexer.Token
	i      int
	failed bool
}

func (p *fastParser) list() *OperandList {
	l := &OperandList{Pos: p.toks[p.i].Pos}
	l.First = p.operand()
	for !p.failed && p.toks[p.i].Type == lexer.Comma {
		p.i++
		l.Rest = append(l.Rest, &NextOperand{Comma: ",", Operand: p.operand()})
	}
	l.EndPos = p.toks[p.i].Pos
	return l
}

func isAtomToken(t lexer.Token) bool {
	switch t.Type {
	case lexer.Name, lexer.Keyword, lexer.String, lexer.XString, lexer.Int, lexer.Fixed, lexer.Subst, lexer.Op, lexer.Colon:
		return true
	}
	return false
}

func (p *fastParser) operand() *OperandSyntax {
	start := p.i
	o := &OperandSyntax{Pos: p.toks[p.i].Pos}
	if p.toks[p.i].Type == lexer.Name && p.toks[p.i+1].Type == lexer.Op && p.toks[p.i+1].Value == "=" {
		o.Key = &p.toks[p.i]
		p.i += 2
	}
	for !p.failed {
		a := p.atom()
		if a == nil {
			break
		}
		o.Atoms = append(o.Atoms, a)
	}
	// Like participle, an operand that matched nothing is an empty node
	// positioned at the next token, not nil.
	o.EndPos = p.toks[p.i].Pos
	o.Tokens = p.toks[start:p.i]
	return o
}

func (p *fastParser) atom() *Atom {
	t := p.toks[p.i]
	start := p.i
	switch {
	case t.Type == lexer.LParen:
		p.i++
		g := p.list()
		if p.failed || p.toks[p.i].Type != lexer.RParen {
			// an unclosed group: leave the message to participle
			p.failed = true
			return nil
		}
		p.i++
		return &Atom{Pos: t.Pos, EndPos: p.toks[p.i].Pos, Tokens: p.toks[start:p.i], Group: g}
	case isAtomToken(t):
		p.i++
		// the token itself, not a copy: nothing changes tokens once read
		return &Atom{Pos: t.Pos, EndPos: p.toks[p.i].Pos, Tokens: p.toks[start:p.i], Token: &p.toks[start]}
	}
	return nil
}
