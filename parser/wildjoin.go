package parser

import (
	"sdfp/lexer"
	"sdfp/parser/catalog"
)

// The operand grammar splits a command's operands at every comma outside
// parentheses, knowing nothing of the operands' types. In a name pattern
// with SDF's wildcards a choice <s1,s2,...> holds commas of its own
// (SDF-P RR "Suffixes for data types", -wild(n): "<s1,...>", V), so
// VM-ID=VM<02,12> reaches the binder as the operand VM-ID=VM<02 and a
// positional 12>. The binder, which knows the operand's type, joins such
// pieces back into one value where the type takes a pattern (an
// alternative declared with-wild) [I: that SDF reads the commas inside
// the brackets as part of the pattern follows from the list form being
// one wildcard; the manuals show no example with a comma].
//
// Only an operand whose own text leaves a '<' open is joined, and only up
// to the piece that closes it; a piece with a keyword (X=...) ends the
// search, and a '<' never closed joins nothing, so the operand reports
// what it reported before. Comparison operators are other tokens ("<=",
// "<>"), and '<' inside a string is part of the string token, so neither
// is counted.

// takesWildcards reports whether an operand has an alternative that holds
// a wildcard pattern.
func takesWildcards(op *catalog.Operand) bool {
	for _, a := range op.Alts {
		if a.Wild {
			return true
		}
	}
	return false
}

// openChoices counts the '<' of tokens not closed by a '>' after them.
func openChoices(toks []lexer.Token, depth int) int {
	for _, t := range toks {
		if t.Type != lexer.Op {
			continue
		}
		switch t.Value {
		case "<":
			depth++
		case ">":
			if depth > 0 {
				depth--
			}
		}
	}
	return depth
}

// joinWildcardChoice returns list[n] joined with the pieces after it that
// complete a wildcard choice it opens, and the index of the last piece
// taken (n when nothing is joined). op is the operand list[n] binds to.
func joinWildcardChoice(op *catalog.Operand, list []*OperandSyntax, n int) (*OperandSyntax, int) {
	s := list[n]
	if op == nil || s == nil || !takesWildcards(op) {
		return s, n
	}
	depth := openChoices(valueTokens(s), 0)
	if depth == 0 {
		return s, n
	}
	last := n
	for k := n + 1; k < len(list) && depth > 0; k++ {
		p := list[k]
		if p != nil && p.Key != nil {
			return s, n
		}
		if p != nil {
			depth = openChoices(p.Tokens, depth)
		}
		last = k
	}
	if depth > 0 {
		return s, n
	}
	joined := *s
	joined.Tokens = append([]lexer.Token(nil), s.Tokens...)
	joined.Atoms = append([]*Atom(nil), s.Atoms...)
	comma := s.EndPos
	for _, p := range list[n+1 : last+1] {
		joined.Tokens = append(joined.Tokens, lexer.Token{Type: lexer.Comma, Value: ",", Pos: comma})
		if p == nil {
			continue
		}
		joined.Tokens = append(joined.Tokens, p.Tokens...)
		joined.Atoms = append(joined.Atoms, p.Atoms...)
		joined.EndPos = p.EndPos
		comma = p.EndPos
	}
	return &joined, last
}
