package interp

import "sdfp/parser/ast"

// & replacement by plan (issue 18). A command of a procedure file with &
// (WRITE-TEXT 'PASS &I') is replaced at every execution, and the text
// that is replaced never changes: where its strings and comments are,
// which &NAME, &(expression) and && it holds. A planned command (plan.go)
// reads its text once into pieces: literal text, names (parsed once, the
// variable kept as a variable site keeps it, varcache.go) and
// expressions; each execution then joins the pieces and the values, in
// their order, an integer written without a box. A name that is not
// simple, or that does not parse, is replaced by substVar, as before; a
// text whose reading fails (an & without a name, a "(" without its ")")
// is replaced by substitute at every execution, so its error comes
// after whatever the replacement did before it. With
// WithDirectEval(false) every text is replaced by substitute, the
// reference the differential tests hold this to.

type substPieceKind uint8

const (
	pieceText substPieceKind = iota
	pieceName
	pieceExpr
)

type substPiece struct {
	kind  substPieceKind
	text  string       // pieceText: the text as it is; pieceName: the name, in upper case; pieceExpr: its source
	name  *ast.VarName // pieceName: parsed; nil when it does not parse
	cache varCache
}

type substPlan struct {
	pieces  []substPiece
	size    int  // the bytes of the text pieces
	general bool // substitute replaces the text
}

// readSubst reads a command's text into the pieces of its replacement,
// as substitute reads it.
func (r *Runner) readSubst(text string) *substPlan {
	sp := &substPlan{}
	err := scanSubst(text, func(kind substPieceKind, s string) error {
		p := substPiece{kind: kind, text: s}
		switch kind {
		case pieceText:
			if n := len(sp.pieces); n > 0 && sp.pieces[n-1].kind == pieceText {
				sp.pieces[n-1].text += s // after &&: one piece
				sp.size += len(s)
				return nil
			}
			sp.size += len(s)
		case pieceName:
			if n, err := r.parseName(s); err == nil {
				p.name = n
			}
		}
		sp.pieces = append(sp.pieces, p)
		return nil
	})
	if err != nil { // a text that does not read: substitute at every execution
		return &substPlan{general: true}
	}
	return sp
}

// substitutePlanned is substitute of command c's text by its plan.
func (r *Runner) substitutePlanned(c *ast.Command) (string, error) {
	p := r.plan(c)
	if p.subst == nil {
		p.subst = r.readSubst(c.Unit.Text)
	}
	sp := p.subst
	if sp.general {
		return r.substitute(c.Unit.Text)
	}
	b := make([]byte, 0, sp.size+8)
	for i := range sp.pieces {
		piece := &sp.pieces[i]
		switch piece.kind {
		case pieceText:
			b = append(b, piece.text...)
		case pieceExpr:
			v, err := r.substExpr(piece.text)
			if err != nil {
				return "", err
			}
			b = append(b, v...)
		default:
			var err error
			if b, err = r.appendName(b, piece); err != nil {
				return "", err
			}
		}
	}
	// nothing writes to b after it becomes the string
	return bytesString(b), nil
}

// appendName appends the value of a name piece to b, as substVar gives
// it.
func (r *Runner) appendName(b []byte, piece *substPiece) ([]byte, error) {
	name := piece.name
	if name == nil || !name.Simple() {
		v, err := r.substVar(piece.text)
		if err != nil {
			return b, err
		}
		return append(b, v...), nil
	}
	v := piece.cache.hit(r)
	if v == nil {
		v = piece.cache.miss(r, name.Parts[0].Name)
	}
	if v == nil {
		return b, substNotDeclared.err(piece.text)
	}
	n := v.node // what walk gives for a simple name
	switch {
	case n.t.kind != simpleNode:
		return b, substComplex.err(piece.text)
	case !n.hasValue():
		return b, substFailed.err(piece.text, detailOf(varNotInitialized.err(name.Text)))
	case n.isNum:
		return appendInt(b, int64(n.num)), nil
	case n.isStr:
		return append(b, n.str...), nil
	default:
		return append(b, formatValue(n.val)...), nil
	}
}
