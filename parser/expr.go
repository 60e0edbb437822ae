package parser

import (
	"strconv"
	"strings"

	"sdfp/lexer"
	"sdfp/lexer/ebcdic"
	"sdfp/parser/ast"
)

// Expression parsing: precedence climbing over the tokens of one operand,
// with the priorities of the SDF-P manual (lowest first):
//
//	OR XOR
//	AND
//	= == <> < > <= >= EQ NE LT GT LE GE     (all equal)
//	//
//	+ -
//	* / MOD
//	unary + - NOT
//
// Equal priorities associate to the left.

// Codes of expression diagnostics.
const (
	CodeExprSyntax = "SDP0140" // syntax error in an expression
	CodeVarName    = "SDP1101" // syntax error in a variable name
	CodeIntRange   = "SDP0091" // integer literal outside the 32-bit range
)

var binaryLevels = []map[string]string{
	{"OR": "OR", "XOR": "XOR"},
	{"AND": "AND"},
	{"=": "=", "==": "=", "EQ": "=", "<>": "<>", "NE": "<>", "<": "<", "LT": "<",
		">": ">", "GT": ">", "<=": "<=", "LE": "<=", ">=": ">=", "GE": ">="},
	{"//": "//"},
	{"+": "+", "-": "-"},
	{"*": "*", "/": "/", "MOD": "MOD"},
}

// reservedWords cannot be variable names.
var reservedWords = map[string]bool{
	"AND": true, "DIV": true, "EQ": true, "FALSE": true, "GE": true, "GT": true,
	"LE": true, "LT": true, "MOD": true, "NE": true, "NO": true, "NOT": true,
	"OFF": true, "ON": true, "OR": true, "TRUE": true, "XOR": true, "YES": true,
}

var boolWords = map[string]bool{"TRUE": true, "ON": true, "YES": true, "FALSE": false, "OFF": false, "NO": false}

// maxExprDepth bounds how deeply an expression nests, so that hostile
// input cannot exhaust the stack of the parser or of anything that walks
// the tree after it; the manual guarantees 50 levels of parentheses. Two
// measures are held to it: the parentheses and function calls open at a
// time while reading, and the nesting of the tree read (each operator,
// function call and job variable substring one level), which is the
// depth of parentheses in the canonical form. So a canonical form always
// reads again.
const maxExprDepth = 200

type exprParser struct {
	toks  []lexer.Token
	i     int
	depth int       // parentheses and calls open while reading
	nest  int       // nesting of the expression last returned
	end   lexer.Pos // position reported for "unexpected end"
}

// ParseExpr parses the tokens of an expression (without EOF). end is the
// position just after the expression, used for "unexpected end" errors.
func ParseExpr(toks []lexer.Token, end lexer.Pos) (ast.Expr, *lexer.Error) {
	p := &exprParser{toks: toks, end: end}
	e, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	if p.i < len(p.toks) {
		t := p.toks[p.i]
		return nil, lexer.Errorf(t.Pos, CodeExprSyntax, "unexpected %s in expression", describe(t))
	}
	return e, nil
}

// ParseExprString tokenizes and parses an expression given as text.
func ParseExprString(text string, pos lexer.Pos) (ast.Expr, *lexer.Error) {
	u := lexer.NewUnit(text, pos)
	toks, err := lexer.Tokenize(u)
	if err != nil {
		return nil, err.(*lexer.Error)
	}
	return ParseExpr(toks[:len(toks)-1], toks[len(toks)-1].Pos)
}

func describe(t lexer.Token) string {
	switch t.Type {
	case lexer.EOF:
		return "end of command"
	case lexer.String:
		return "string '" + lexer.Clip(t.Value) + "'"
	}
	return strconv.Quote(lexer.Clip(t.Value))
}

func (p *exprParser) peek() *lexer.Token {
	if p.i < len(p.toks) {
		return &p.toks[p.i]
	}
	return nil
}

func (p *exprParser) errEnd(what string) *lexer.Error {
	if t := p.peek(); t != nil {
		return lexer.Errorf(t.Pos, CodeExprSyntax, "%s expected, found %s", what, describe(*t))
	}
	return lexer.Errorf(p.end, CodeExprSyntax, "%s expected, found end of expression", what)
}

// binaryOp returns the canonical operator at the current token for the
// given level, or "".
func (p *exprParser) binaryOp(level int) string {
	t := p.peek()
	if t == nil || (t.Type != lexer.Op && t.Type != lexer.Name) {
		return ""
	}
	return binaryLevels[level][t.Value]
}

func (p *exprParser) expr(level int) (ast.Expr, *lexer.Error) {
	if level == len(binaryLevels) {
		return p.unary()
	}
	x, err := p.expr(level + 1)
	if err != nil {
		return nil, err
	}
	nx := p.nest
	for {
		op := p.binaryOp(level)
		if op == "" {
			p.nest = nx
			return x, nil
		}
		pos := p.toks[p.i].Pos
		p.i++
		y, err := p.expr(level + 1)
		if err != nil {
			return nil, err
		}
		x = &ast.Binary{P: pos, Op: op, X: x, Y: y}
		if nx, err = p.nested(pos, max(nx, p.nest)+1); err != nil {
			return nil, err
		}
	}
}

// nested checks the nesting n of a node read at pos against the limit.
func (p *exprParser) nested(pos lexer.Pos, n int) (int, *lexer.Error) {
	if n > maxExprDepth {
		return 0, lexer.Errorf(pos, CodeExprSyntax, "expression nested deeper than %d levels (each parenthesis, function call and operator counts one)", maxExprDepth)
	}
	return n, nil
}

// unary reads prefix operators and their operand. A run of them is read
// in a loop, not by recursion, and applied from the innermost out.
func (p *exprParser) unary() (ast.Expr, *lexer.Error) {
	type prefix struct {
		pos lexer.Pos
		op  string
	}
	var ops []prefix
	for {
		t := p.peek()
		if t == nil || !(t.Type == lexer.Op && (t.Value == "+" || t.Value == "-") || t.Type == lexer.Name && t.Value == "NOT") {
			break
		}
		ops = append(ops, prefix{t.Pos, t.Value})
		p.i++
	}
	if len(ops) == 0 {
		return p.primary()
	}
	var x ast.Expr
	// -2147483648 is only writable as a negated literal.
	if last := ops[len(ops)-1]; last.op == "-" {
		if n := p.peek(); n != nil && n.Type == lexer.Int && n.Value == "2147483648" {
			p.i++
			x, p.nest = &ast.IntLit{P: last.pos, Val: -2147483648}, 0
			ops = ops[:len(ops)-1]
		}
	}
	if x == nil {
		var err *lexer.Error
		if x, err = p.primary(); err != nil {
			return nil, err
		}
	}
	n := p.nest
	for i := len(ops) - 1; i >= 0; i-- {
		o := ops[i]
		if lit, ok := x.(*ast.IntLit); ok && o.op == "-" {
			if lit.Val == -2147483648 {
				return nil, lexer.Errorf(o.pos, CodeIntRange, "integer 2147483648 is outside the range -2147483648..2147483647")
			}
			x = &ast.IntLit{P: o.pos, Val: -lit.Val}
			continue
		}
		x = &ast.Unary{P: o.pos, Op: o.op, X: x}
		var err *lexer.Error
		if n, err = p.nested(o.pos, n+1); err != nil {
			return nil, err
		}
	}
	p.nest = n
	return x, nil
}

func (p *exprParser) enter() *lexer.Error {
	p.depth++
	if p.depth > maxExprDepth {
		return lexer.Errorf(p.toks[p.i-1].Pos, CodeExprSyntax, "expression nested deeper than %d levels (each parenthesis, function call and operator counts one)", maxExprDepth)
	}
	return nil
}

func (p *exprParser) leave() { p.depth-- }

func (p *exprParser) primary() (ast.Expr, *lexer.Error) {
	p.nest = 0 // a literal or a name; paren, jvPart and call set their own
	t := p.peek()
	if t == nil {
		return nil, p.errEnd("operand")
	}
	switch t.Type {
	case lexer.Int:
		p.i++
		n, err := strconv.ParseInt(t.Value, 10, 64)
		if err != nil || n > 2147483647 {
			return nil, lexer.Errorf(t.Pos, CodeIntRange, "integer %s is outside the range -2147483648..2147483647", lexer.Clip(t.Value))
		}
		return &ast.IntLit{P: t.Pos, Val: int32(n)}, nil
	case lexer.Fixed:
		return nil, lexer.Errorf(t.Pos, CodeExprSyntax, "decimal number %s in an expression: SDF-P computes with integers only", lexer.Clip(t.Value))
	case lexer.String:
		p.i++
		return &ast.StrLit{P: t.Pos, Val: t.Value}, nil
	case lexer.XString:
		p.i++
		return &ast.StrLit{P: t.Pos, Val: ebcdic.DecodeHexLiteral(t.Value), Hex: t.Value}, nil
	case lexer.Keyword:
		p.i++
		return &ast.KeywordLit{P: t.Pos, Val: t.Value}, nil
	case lexer.Subst:
		p.i++
		return &ast.Subst{P: t.Pos, Raw: t.Value}, nil
	case lexer.LParen:
		return p.paren()
	case lexer.Name:
		if v, ok := boolWords[t.Value]; ok {
			p.i++
			return &ast.BoolLit{P: t.Pos, Val: v}, nil
		}
		if reservedWords[t.Value] {
			return nil, lexer.Errorf(t.Pos, CodeExprSyntax, "operator %s where an operand is expected", t.Value)
		}
		p.i++
		// a function name is a plain name (SUBSTRING, IS-DECLARED): one
		// with a period or # is a variable name, and "A. (0)" no call
		if n := p.peek(); n != nil && n.Type == lexer.LParen && !strings.ContainsAny(t.Value, ".#") {
			return p.call(*t)
		}
		name, err := ParseVarName(t.Value, t.Pos)
		if err != nil {
			return nil, err
		}
		return &ast.VarRef{P: t.Pos, Name: name}, nil
	}
	return nil, lexer.Errorf(t.Pos, CodeExprSyntax, "unexpected %s in expression", describe(*t))
}

// paren parses "( expr )" or the JV substring form "(JV-NAME,start,length)".
func (p *exprParser) paren() (ast.Expr, *lexer.Error) {
	open := p.toks[p.i]
	p.i++
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	// (JV-NAME,pos,len) or (*LINK,pos,len): a job variable substring
	if t := p.peek(); t != nil && (t.Type == lexer.Name || t.Type == lexer.Keyword) && p.i+1 < len(p.toks) && p.toks[p.i+1].Type == lexer.Comma {
		return p.jvPart(open.Pos, t.Value, 2)
	}
	// (:CAT:$USER.JV,pos,len): a JV named with its catalog ID (JV user
	// guide, "Permanent user job variables": a path name)
	if p.i+4 < len(p.toks) && p.toks[p.i].Type == lexer.Colon && p.toks[p.i+1].Type == lexer.Name &&
		p.toks[p.i+2].Type == lexer.Colon && p.toks[p.i+3].Type == lexer.Name && p.toks[p.i+4].Type == lexer.Comma {
		return p.jvPart(open.Pos, ":"+p.toks[p.i+1].Value+":"+p.toks[p.i+3].Value, 5)
	}
	e, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t == nil || t.Type != lexer.RParen {
		if t == nil {
			return nil, lexer.Errorf(open.Pos, CodeExprSyntax, "parenthesis opened here is not closed")
		}
		return nil, p.errEnd("')'")
	}
	p.i++
	return e, nil
}

// jvPart reads the position and length of a job variable substring whose
// name took the next skip tokens (the name and the comma after it).
func (p *exprParser) jvPart(pos lexer.Pos, name string, skip int) (ast.Expr, *lexer.Error) {
	p.i += skip
	var nums [2]int32
	for k := 0; k < 2; k++ {
		t := p.peek()
		if t == nil || t.Type != lexer.Int {
			return nil, p.errEnd("position and length of the job variable substring")
		}
		n, err := strconv.Atoi(t.Value)
		if err != nil || n < 1 || n > 256 {
			return nil, lexer.Errorf(t.Pos, CodeExprSyntax, "job variable position or length %s is outside 1..256", lexer.Clip(t.Value))
		}
		nums[k] = int32(n)
		p.i++
		sep := p.peek()
		want := lexer.Comma
		if k == 1 {
			want = lexer.RParen
		}
		if sep == nil || sep.Type != want {
			return nil, p.errEnd(map[bool]string{true: "')'", false: "','"}[k == 1])
		}
		p.i++
	}
	p.nest = 1 // printed in parentheses
	return &ast.JVPart{P: pos, JV: name, Start: nums[0], Length: nums[1]}, nil
}

// call parses NAME( [key=]value, ... ).
func (p *exprParser) call(name lexer.Token) (ast.Expr, *lexer.Error) {
	c := &ast.Call{P: name.Pos, Name: name.Value}
	open := p.toks[p.i]
	p.i++
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	if t := p.peek(); t != nil && t.Type == lexer.RParen {
		p.i++
		p.nest = 1
		return c, nil
	}
	n := 0 // the deepest argument
	for {
		arg := &ast.CallArg{}
		if t := p.peek(); t != nil {
			arg.P = t.Pos
			if t.Type == lexer.Name && p.i+1 < len(p.toks) && p.toks[p.i+1].Type == lexer.Op && p.toks[p.i+1].Value == "=" {
				arg.Key = t.Value
				p.i += 2
				if n := p.peek(); n == nil || n.Type == lexer.Comma || n.Type == lexer.RParen {
					return nil, lexer.Errorf(t.Pos, CodeExprSyntax, "function parameter %s= has no value", lexer.Clip(t.Value))
				}
			}
		}
		v, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		n = max(n, p.nest)
		arg.Value = v
		c.Args = append(c.Args, arg)
		t := p.peek()
		if t == nil {
			return nil, lexer.Errorf(open.Pos, CodeExprSyntax, "parenthesis of %s( is not closed", lexer.Clip(c.Name))
		}
		if t.Type == lexer.RParen {
			p.i++
			p.nest, err = p.nested(c.P, n+1)
			if err != nil {
				return nil, err
			}
			return c, nil
		}
		if t.Type != lexer.Comma {
			return nil, p.errEnd("',' or ')'")
		}
		p.i++
	}
}

// ParseVarName checks and splits a composed variable name such as
// SHVAS#.MIN-MEM-SIZE or COST#YEAR: period-separated parts of 1..20
// characters (a letter first, then letters, digits, @ and single inner
// hyphens), each with an optional #index, 255 characters at most.
func ParseVarName(text string, pos lexer.Pos) (*ast.VarName, *lexer.Error) {
	text = strings.ToUpper(text)
	bad := func(format string, args ...any) *lexer.Error {
		return lexer.Errorf(pos, CodeVarName, "syntax error in variable name %s: "+format, append([]any{lexer.Clip(text)}, args...)...)
	}
	if len(text) > 255 {
		return nil, bad("longer than 255 characters")
	}
	n := &ast.VarName{Text: text}
	for _, part := range strings.Split(text, ".") {
		np := ast.NamePart{}
		name, idx, hasIdx := strings.Cut(part, "#")
		if err := checkPartialName(name); err != "" {
			return nil, bad("%s", err)
		}
		np.Name = name
		if hasIdx {
			switch {
			case idx == "":
				np.Index = ast.EmptyIndex
			case idx[0] == '-' || idx[0] >= '0' && idx[0] <= '9':
				v, err := strconv.ParseInt(idx, 10, 32)
				if err != nil {
					return nil, bad("index %s is not an integer in -2147483648..2147483647", idx)
				}
				np.Index, np.IndexLit = ast.LitIndex, int32(v)
			default:
				if err := checkPartialName(idx); err != "" {
					return nil, bad("index: %s", err)
				}
				np.Index, np.IndexVar = ast.VarIndex, idx
			}
		}
		n.Parts = append(n.Parts, np)
	}
	return n, nil
}

func checkPartialName(s string) string {
	switch {
	case s == "":
		return "empty name part"
	case len(s) > 20:
		return "part " + s + " is longer than 20 characters"
	case !(s[0] >= 'A' && s[0] <= 'Z'):
		return "part " + s + " does not start with a letter"
	case strings.HasSuffix(s, "-"):
		return "part " + s + " ends with a hyphen"
	case strings.Contains(s, "--"):
		return "part " + s + " contains a double hyphen"
	case reservedWords[s]:
		return s + " is a reserved word"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '@' || c == '-') {
			return "character " + strconv.QuoteRune(rune(c)) + " is not allowed"
		}
	}
	return ""
}
