package parser

import (
	"sync"

	"github.com/alecthomas/participle/v2"
	plexer "github.com/alecthomas/participle/v2/lexer"

	"sdfp/lexer"
)

// The participle grammar covers the surface syntax every SDF command shares:
// a generic operand list of
// keyword and positional operands whose values are sequences of atoms and
// parenthesised groups. What a value means (keyword, structure, list,
// expression) depends on the command's declaration, so that is decided
// afterwards by the binder (bind.go) with the catalog in hand.

// OperandList is a comma-separated operand list; an operand may be empty
// (omitted positional operands: "A,,C").
type OperandList struct {
	Pos    plexer.Position
	EndPos plexer.Position
	First  *OperandSyntax `parser:"@@?"`
	Rest   []*NextOperand `parser:"@@*"`
}

// NextOperand is ", operand".
type NextOperand struct {
	Comma   string         `parser:"@Comma"`
	Operand *OperandSyntax `parser:"@@?"`
}

// OperandSyntax is "[KEY =] atoms". The "=" is the operator token: a
// literal "=" alone would also match the string '=' (participle compares
// values), so "A '='" read as A = nothing, unlike the fast parser.
type OperandSyntax struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Tokens []plexer.Token
	Key    *plexer.Token `parser:"( @Name \"=\":Op )?"`
	Atoms  []*Atom       `parser:"@@*"`
}

// Atom is one token of a value or a parenthesised group.
type Atom struct {
	Pos    plexer.Position
	EndPos plexer.Position
	Tokens []plexer.Token
	Group  *OperandList  `parser:"  LParen @@ RParen"`
	Token  *plexer.Token `parser:"| @(Name | Keyword | String | XString | Int | Fixed | Subst | Op | Colon)"`
}

// Operands flattens the list: one entry per comma-separated position, nil
// for an empty position.
func (l *OperandList) Operands() []*OperandSyntax {
	if l == nil {
		return nil
	}
	if l.First == nil && len(l.Rest) == 0 {
		return nil
	}
	out := []*OperandSyntax{l.First}
	for _, r := range l.Rest {
		out = append(out, r.Operand)
	}
	return out
}

// operandGrammar parses the operand part of a command. The label and the
// command name in front of it are recognised by the reader (parser.go):
// the short assignment form "/A = 1" has no command name, and the name
// decides which declaration the operands are bound to.
//
// It is built on first use: most commands are read by the fast parser
// (operands.go), and building the grammar costs a noticeable part of the
// start-up of a short run.
var operandGrammar = sync.OnceValue(func() *participle.Parser[OperandList] {
	return participle.MustBuild[OperandList](
		participle.Lexer(lexer.Definition{}),
		participle.UseLookahead(2),
	)
})

// parseOperands runs participle over the operand tokens of one command
// (ending with EOF).
func parseOperands(toks []lexer.Token) (*OperandList, error) {
	peek, err := plexer.Upgrade(lexer.NewSliceLexer(toks))
	if err != nil {
		return nil, err
	}
	return operandGrammar().ParseFromLexer(peek)
}
