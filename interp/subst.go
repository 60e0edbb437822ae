package interp

import (
	"errors"
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/lexer"
	"sdfp/parser"
)

// & replacement. Before a command containing & is analysed, every &NAME
// is replaced by the value of the simple variable NAME (a period right
// after the name ends it and is dropped), every &(expression) by the value
// of the expression, and && by a single &. Replacement also happens inside
// strings, not inside comments, and is not recursive: an & that a value
// brings in stays as it is. Integers and booleans are inserted as text.

// Its errors are SDP0140 (syntax error during replacement) and SDP0141
// (semantic error during replacement), rows of the outcome table.

func (r *Runner) substitute(text string) (string, error) {
	var b strings.Builder
	b.Grow(len(text) + 8) // a value or two of a few characters: one allocation
	err := scanSubst(text, func(kind substPieceKind, s string) error {
		var v string
		var err error
		switch kind {
		case pieceText:
			b.WriteString(s)
			return nil
		case pieceExpr:
			v, err = r.substExpr(s)
		default:
			v, err = r.substVar(s)
		}
		b.WriteString(v)
		return err
	})
	if err != nil {
		return "", err
	}
	return b.String(), nil
}

// scanSubst reads a command's text as & replacement reads it and hands
// its pieces to emit, in their order: literal text (strings and comments
// as they are, && as one &), a name after & (in upper case, a period
// right after it dropped) and the source of an &(expression). It stops
// at emit's first error, or at an & that names nothing or whose "(" has
// no ")" (SDP0140), after emitting what came before.
func scanSubst(text string, emit func(kind substPieceKind, s string) error) error {
	from := 0 // the literal text not emitted yet starts here
	flush := func(to int) error {
		if to > from {
			return emit(pieceText, text[from:to])
		}
		return nil
	}
	inString := false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\'':
			inString = !inString
		case c == '"' && !inString:
			// a comment: literal up to its closing quote
			end := strings.IndexByte(text[i+1:], '"')
			if end < 0 {
				return flush(len(text))
			}
			i += end + 1
		case c != '&':
		case i+1 < len(text) && text[i+1] == '&':
			if err := flush(i + 1); err != nil { // the first & of the two
				return err
			}
			i++
			from = i + 1
		case i+1 < len(text) && text[i+1] == '(':
			if err := flush(i); err != nil {
				return err
			}
			end := matchingParen(text, i+1)
			if end < 0 {
				return substNoClose.err()
			}
			if err := emit(pieceExpr, text[i+2:end]); err != nil {
				return err
			}
			i, from = end, end+1
		default:
			if err := flush(i); err != nil {
				return err
			}
			end := lexer.SubstNameEnd(text, i+1)
			if end == i+1 {
				return substNoName.err()
			}
			if err := emit(pieceName, strings.ToUpper(text[i+1:end])); err != nil {
				return err
			}
			if end < len(text) && text[end] == '.' {
				end++
			}
			i, from = end-1, end
		}
	}
	return flush(len(text))
}

// matchingParen returns the index of the parenthesis closing the one at
// open, skipping strings.
func matchingParen(t string, open int) int {
	depth := 0
	for j := open; j < len(t); j++ {
		switch t[j] {
		case '\'':
			k := strings.IndexByte(t[j+1:], '\'')
			if k < 0 {
				return -1
			}
			j += k + 1
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func (r *Runner) substVar(name string) (string, error) {
	n, err := r.parseName(name)
	if err != nil {
		return "", substBadName.err(name, err.Msg)
	}
	v, found, rerr := r.readVar(n)
	if !found {
		return "", substNotDeclared.err(name)
	}
	if rerr != nil {
		return "", substFailed.err(name, detailOf(rerr))
	}
	if _, complex := v.(complexRef); complex {
		return "", substComplex.err(name)
	}
	return formatValue(v), nil
}

func (r *Runner) substExpr(src string) (string, error) {
	e, ok := r.substExprs[src]
	if !ok {
		var perr *lexer.Error
		e, perr = parser.ParseExprString(src, lexer.Pos{Line: 1, Column: 1})
		if perr != nil {
			return "", substExprSyntax.err(src, perr.Msg)
		}
		r.substExprs[src] = e
	}
	v, err := r.eval(e)
	if err != nil {
		return "", substExprFailed.err(src, detailOf(err))
	}
	if _, complex := v.(complexRef); complex {
		return "", substExprComplex.err(src)
	}
	return formatValue(v), nil
}

// detailOf is what an evaluation error says, to be the insert of a
// replacement error: the detail of a general key (SDP0091 "SEMANTIC
// ERROR: (&00)" gives its (&00)), else the whole message.
func detailOf(err error) any {
	var f *msg.Failure
	if !errors.As(err, &f) {
		return strings.ToUpper(err.Error())
	}
	return f.Msg.Detail()
}
