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
	inString := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\'':
			inString = !inString
			b.WriteByte(c)
		case c == '"' && !inString:
			// a comment: copied as it is, up to its closing quote
			end := strings.IndexByte(text[i+1:], '"')
			if end < 0 {
				b.WriteString(text[i:])
				return b.String(), nil
			}
			b.WriteString(text[i : i+end+2])
			i += end + 1
		case c != '&':
			b.WriteByte(c)
		case i+1 < len(text) && text[i+1] == '&':
			b.WriteByte('&')
			i++
		case i+1 < len(text) && text[i+1] == '(':
			end := matchingParen(text, i+1)
			if end < 0 {
				return "", substNoClose.err()
			}
			v, err := r.substExpr(text[i+2 : end])
			if err != nil {
				return "", err
			}
			b.WriteString(v)
			i = end
		default:
			end := lexer.SubstNameEnd(text, i+1)
			if end == i+1 {
				return "", substNoName.err()
			}
			name := strings.ToUpper(text[i+1 : end])
			v, err := r.substVar(name)
			if err != nil {
				return "", err
			}
			b.WriteString(v)
			if end < len(text) && text[end] == '.' {
				end++
			}
			i = end - 1
		}
	}
	return b.String(), nil
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
