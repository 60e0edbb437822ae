package parser

import (
	"sdfp/lexer"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// tokenArena is the token memory of one reader: each command is
// tokenized into the same buffer, which grows to the longest command and
// is then reused. Nothing of the syntax tree refers to tokens (a value
// keeps strings and positions, see ast.Value.Raw), so a command's tokens
// are dead once it is bound; reading a file then costs one buffer instead
// of 64 bytes per token for as long as the tree lives. A nil *tokenArena
// allocates per command, as a command parsed at run time should.
//
// It also holds the default values the commands of the file share (see
// binder.defaults).
type tokenArena struct {
	buf      []lexer.Token
	defaults map[*catalog.Operand]*ast.Value
}

// tokenize scans u into the arena's buffer. The tokens are valid until
// the next call.
func (a *tokenArena) tokenize(u *lexer.Unit) ([]lexer.Token, error) {
	if a == nil {
		return lexer.Tokenize(u)
	}
	if need := lexer.EstimateTokens(u); cap(a.buf) < need {
		a.buf = make([]lexer.Token, 0, max(need, 2*cap(a.buf)))
	}
	toks, err := lexer.TokenizeAppend(a.buf[:0], u)
	if cap(toks) > cap(a.buf) {
		a.buf = toks[:0] // grown: keep the larger buffer
	}
	return toks, err
}

// sharedDefaults is the default-value cache of the arena's file, nil for
// a command parsed on its own.
func (a *tokenArena) sharedDefaults() map[*catalog.Operand]*ast.Value {
	if a == nil {
		return nil
	}
	if a.defaults == nil {
		a.defaults = map[*catalog.Operand]*ast.Value{}
	}
	return a.defaults
}
