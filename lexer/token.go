package lexer

import (
	"io"
	"strings"

	plexer "github.com/alecthomas/participle/v2/lexer"
)

// Token is participle's token type: Type, Value and Pos.
type Token = plexer.Token

// Token types. Names and keywords are upper-cased in Value; strings keep
// their case and have their quotes and doubled quotes removed.
const (
	EOF                      = plexer.EOF
	Name    plexer.TokenType = iota + 1 // SHVAS#.MIN-MEM-SIZE, JV.VMMEM.VM02, N-1
	Keyword                             // *PAR, *LIST (Value includes the star)
	String                              // 'text' or C'text' (Value is the text)
	XString                             // X'C1C2' (Value is the hex digits)
	Int                                 // 123
	Subst                               // &NAME, &(expr), && (Value is the raw text)
	Op                                  // = == <> < > <= >= + - * / //
	Comma                               // ,
	LParen                              // (
	RParen                              // )
	Colon                               // :
	Fixed                               // 12.5, a <fixed> operand value
	Label                               // .NAME at the start of a command: a non-S label (Value includes the period)
)

var symbols = map[string]plexer.TokenType{
	"EOF": EOF, "Name": Name, "Keyword": Keyword, "String": String, "XString": XString,
	"Int": Int, "Subst": Subst, "Op": Op, "Comma": Comma, "LParen": LParen,
	"RParen": RParen, "Colon": Colon, "Fixed": Fixed, "Label": Label,
}

// TypeName returns the symbolic name of a token type.
func TypeName(t plexer.TokenType) string {
	for k, v := range symbols {
		if v == t {
			return k
		}
	}
	return "?"
}

// Definition implements participle's lexer.Definition for one logical
// command (no leading slash). Procedures are read with Read and Tokenize,
// which keep physical positions through continuation lines; Definition is
// the entry point for participle's own string-based API.
type Definition struct{}

// Symbols implements plexer.Definition.
func (Definition) Symbols() map[string]plexer.TokenType { return symbols }

// Lex implements plexer.Definition.
func (d Definition) Lex(filename string, r io.Reader) (plexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexString(filename, string(b))
}

// LexString implements plexer.StringDefinition.
func (Definition) LexString(filename, src string) (plexer.Lexer, error) {
	toks, err := Tokenize(NewUnit(src, Pos{Filename: filename, Line: 1, Column: 1}))
	if err != nil {
		return nil, err
	}
	return NewSliceLexer(toks), nil
}

// SliceLexer hands out pre-scanned tokens to participle.
type SliceLexer struct {
	toks []Token
	i    int
}

// NewSliceLexer returns a lexer over toks; toks must end with an EOF token.
func NewSliceLexer(toks []Token) *SliceLexer { return &SliceLexer{toks: toks} }

// Next implements plexer.Lexer.
func (l *SliceLexer) Next() (Token, error) {
	if l.i >= len(l.toks) {
		return l.toks[len(l.toks)-1], nil
	}
	t := l.toks[l.i]
	l.i++
	return t, nil
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// isNameStart: names start with a letter or one of $ # @ (temporary and
// user-id prefixes of file names).
func isNameStart(c byte) bool { return isLetter(c) || c == '$' || c == '#' || c == '@' }

// isNameChar: characters allowed after the first one, apart from the
// joiners '-' and '.', which need a name character after them.
func isNameChar(c byte) bool { return isNameStart(c) || isDigit(c) || c == '_' }

func isHex(c byte) bool {
	return isDigit(c) || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f'
}

// Tokenize scans one logical command into tokens ending with EOF. Comments
// ("...") are skipped. The first problem found is returned as *Error with
// its physical position.
func Tokenize(u *Unit) ([]Token, error) {
	return TokenizeAppend(make([]Token, 0, EstimateTokens(u)), u)
}

// EstimateTokens is about one token in eight characters of a command: an
// estimate that rarely grows and does not reserve much for comments.
func EstimateTokens(u *Unit) int { return len(u.Text)/8 + 4 }

// TokenizeAppend is Tokenize appending the tokens to toks, so that a
// reader of many commands can take them from one allocation.
func TokenizeAppend(toks []Token, u *Unit) ([]Token, error) {
	t := u.Text
	base := len(toks) // the tokens of this command start here
	emit := func(typ plexer.TokenType, val string, at int) {
		toks = append(toks, Token{Type: typ, Value: val, Pos: u.PosAt(at)})
	}
	// operandEnded: the previous token ends an operand, so '*' is a
	// multiplication and not a keyword star.
	operandEnded := func() bool {
		if len(toks) == 0 {
			return false
		}
		switch toks[len(toks)-1].Type {
		case Name, Int, Fixed, String, XString, RParen, Subst:
			return true
		}
		return false
	}
	i := 0
	for i < len(t) {
		c := t[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '"':
			i = skipQuoted(t, i, '"') + 1
		case c == '\'':
			s, end, err := scanString(u, i)
			if err != nil {
				return nil, err
			}
			emit(String, s, i)
			i = end
		case (c == 'C' || c == 'c' || c == 'X' || c == 'x') && i+1 < len(t) && t[i+1] == '\'' &&
			(i == 0 || !isNameChar(t[i-1])):
			s, end, err := scanString(u, i+1)
			if err != nil {
				return nil, err
			}
			if c == 'C' || c == 'c' {
				emit(String, s, i)
			} else {
				for k := 0; k < len(s); k++ {
					if !isHex(s[k]) {
						return nil, Errorf(u.PosAt(i+2+k), CodeSyntax, "X-string contains %q, which is not a hexadecimal digit", s[k])
					}
				}
				emit(XString, strings.ToUpper(s), i)
			}
			i = end
		case c == '&':
			end, err := scanSubst(u, i)
			if err != nil {
				return nil, err
			}
			emit(Subst, t[i:end], i)
			i = end
		case isDigit(c):
			j := i
			for j < len(t) && isDigit(t[j]) {
				j++
			}
			switch {
			case j < len(t) && (isNameStart(t[j]) || t[j] == '_'):
				j = scanName(t, j)
				emit(Name, strings.ToUpper(t[i:j]), i)
			case j+1 < len(t) && t[j] == '.' && isDigit(t[j+1]):
				// a decimal number (CPU-QUOTA=12.5); a period followed
				// by a letter ends an index instead (L#3.ELEM)
				j++
				for j < len(t) && isDigit(t[j]) {
					j++
				}
				emit(Fixed, t[i:j], i)
			default:
				emit(Int, t[i:j], i)
			}
			i = j
		case isNameStart(c):
			j := scanName(t, i)
			emit(Name, strings.ToUpper(t[i:j]), i)
			i = j
		// A period in front of a name that starts the command is a non-S
		// label, /.NAME command, the branch target of SKIP-COMMANDS [V UG
		// "Compatibility of commands for procedure control"].
		case c == '.' && len(toks) == base && i+1 < len(t) && isNameStart(t[i+1]):
			j := i + 1
			for j < len(t) && isNameChar(t[j]) {
				j++
			}
			emit(Label, "."+strings.ToUpper(t[i+1:j]), i)
			i = j
		// A period right after a wildcard character of a file name
		// pattern (*.X, JOB*.<A:C>, SDF's wildcard syntax): it and the
		// name after it are a name.
		case c == '.' && i > 0 && strings.IndexByte("*/>", t[i-1]) >= 0 && len(toks) > base && i+1 < len(t) &&
			(isNameChar(t[i+1]) || strings.IndexByte("*/<", t[i+1]) >= 0):
			j := i + 1
			if isNameChar(t[i+1]) {
				j = scanName(t, i)
			}
			emit(Name, strings.ToUpper(t[i:j]), i)
			i = j
		// '*' directly followed by a name is a keyword (*PAR), unless it
		// stands between two operands without a blank before it (A*B).
		case c == '*' && i+1 < len(t) && isNameChar(t[i+1]) &&
			(!operandEnded() || i > 0 && (t[i-1] == ' ' || t[i-1] == '\t')):
			j := scanName(t, i+1)
			emit(Keyword, "*"+strings.ToUpper(t[i+1:j]), i)
			i = j
		case c == ',':
			emit(Comma, ",", i)
			i++
		case c == '(':
			emit(LParen, "(", i)
			i++
		case c == ')':
			emit(RParen, ")", i)
			i++
		case c == ':':
			emit(Colon, ":", i)
			i++
		default:
			op := scanOp(t, i)
			if op == "" {
				return nil, Errorf(u.PosAt(i), CodeSyntax, "unexpected character %q", string(rune(c)))
			}
			emit(Op, op, i)
			i += len(op)
		}
	}
	toks = append(toks, Token{Type: EOF, Pos: u.PosAt(len(t))})
	return toks, nil
}

// scanName returns the end of the name starting at i. A hyphen or period
// belongs to the name only when a name character follows it, so "N-1" is
// one name (as in SDF-P) but "A -1" is a name and a minus; a period that
// ends the name (before a blank, a comma or a parenthesis) is kept, as in
// partially qualified file names (JV.TEST.). After '#' a
// '-' followed by a digit is a negative index ("L#-1").
func scanName(t string, i int) int {
	j := i
	for j < len(t) {
		c := t[j]
		switch {
		case isNameChar(c):
			j++
		case (c == '-' || c == '.') && j+1 < len(t) && isNameChar(t[j+1]):
			j++
		case c == '.' && j > i && t[j-1] != '.' && (j+1 == len(t) || strings.IndexByte(" \t,)=;\"*/<", t[j+1]) >= 0):
			// a partially qualified file name ends with a period (JV.TEST.),
			// or a wildcard follows it (JOB.*, JOB./, JOB.<A:C>)
			j++
		case c == '-' && j > i && t[j-1] == '#' && j+1 < len(t) && isDigit(t[j+1]):
			j++
		default:
			return j
		}
	}
	return j
}

var ops = []string{"//", "==", "<>", "<=", ">=", "=", "<", ">", "+", "-", "*", "/"}

func scanOp(t string, i int) string {
	for _, op := range ops {
		if strings.HasPrefix(t[i:], op) {
			return op
		}
	}
	return ""
}

// scanString reads a quoted string whose opening quote is at i and returns
// its text with doubled quotes reduced, and the index after the closing
// quote.
func scanString(u *Unit, i int) (string, int, error) {
	t := u.Text
	var b strings.Builder
	for j := i + 1; j < len(t); j++ {
		if t[j] == '\'' {
			if j+1 < len(t) && t[j+1] == '\'' {
				b.WriteByte('\'')
				j++
				continue
			}
			return b.String(), j + 1, nil
		}
		b.WriteByte(t[j])
	}
	return "", 0, Errorf(u.PosAt(i), CodeSyntax, "string has no closing apostrophe")
}

// SubstEnd is the end of the &-substitution at offset i of the unit's
// text (see scanSubst), for a reader of &(...) outside the lexer (the
// check's reads of variables).
func SubstEnd(u *Unit, i int) (int, error) { return scanSubst(u, i) }

// scanSubst returns the end of the &-substitution starting at i: "&&",
// "&(...)" with balanced parentheses (strings inside may hold parentheses),
// or "&NAME" with an optional period that ends the name.
func scanSubst(u *Unit, i int) (int, error) {
	t := u.Text
	if i+1 < len(t) && t[i+1] == '&' {
		return i + 2, nil
	}
	if i+1 < len(t) && t[i+1] == '(' {
		depth := 0
		for j := i + 1; j < len(t); j++ {
			switch t[j] {
			case '\'':
				j = skipQuoted(t, j, '\'')
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return j + 1, nil
				}
			}
		}
		return 0, Errorf(u.PosAt(i), "SDP0140", "&( has no closing parenthesis")
	}
	if i+1 < len(t) && isNameStart(t[i+1]) {
		j := SubstNameEnd(t, i+1)
		if j < len(t) && t[j] == '.' {
			j++
		}
		return j, nil
	}
	return 0, Errorf(u.PosAt(i), "SDP0140", "& must be followed by a variable name, '(' or a second &")
}

// SubstNameEnd returns the end of the variable name of an "&NAME"
// substitution starting at i: letters, digits, $ # @ and inner hyphens.
// A period is not part of it (it ends the name and is dropped).
func SubstNameEnd(t string, i int) int {
	j := i
	for j < len(t) {
		c := t[j]
		if isNameChar(c) || c == '-' && j+1 < len(t) && isNameChar(t[j+1]) {
			j++
			continue
		}
		break
	}
	return j
}
