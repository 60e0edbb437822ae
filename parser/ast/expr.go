package ast

import (
	"strconv"
	"strings"
)

// Expr is an SDF-P expression.
type Expr interface {
	Position() Pos
	// String renders the expression in canonical SDF-P form (upper case,
	// fully parenthesised binary operations), for golden tests and traces.
	String() string
}

// IntLit is an integer literal. Its value is checked against the 32-bit
// range by the parser.
type IntLit struct {
	P   Pos
	Val int32
}

// StrLit is a string literal ('...', C'...' or X'...').
type StrLit struct {
	P   Pos
	Val string // for X'..' the decoded text
	Hex string // for X'..' the hex digits as written
}

// BoolLit is TRUE/ON/YES or FALSE/OFF/NO.
type BoolLit struct {
	P   Pos
	Val bool
}

// KeywordLit is a keyword value such as *ISO, used as a function argument.
type KeywordLit struct {
	P   Pos
	Val string
}

// VarRef names a variable (or, when no variable of that name exists and a
// builtin function has it, calls that function without parentheses).
type VarRef struct {
	P    Pos
	Name *VarName
}

// Call is a builtin function call NAME(args).
type Call struct {
	P    Pos
	Name string
	Args []*CallArg
}

// CallArg is one argument: positional (Key "") or KEY=value.
type CallArg struct {
	P     Pos
	Key   string
	Value Expr
}

// Unary is +X, -X or NOT X.
type Unary struct {
	P  Pos
	Op string
	X  Expr
}

// Binary is X op Y. Op is canonical: + - * / MOD // = <> < > <= >= AND OR XOR.
type Binary struct {
	P    Pos // position of the operator
	Op   string
	X, Y Expr
}

// JVPart is the job-variable substring (JV-NAME, START, LENGTH) of a JV
// conditional expression, as in WAIT-EVENT and SKIP-COMMANDS conditions.
type JVPart struct {
	P      Pos
	JV     string
	Start  int32
	Length int32
}

// Subst is an &(...) or &NAME inside expression text; it is replaced at run
// time before the expression is analysed again.
type Subst struct {
	P   Pos
	Raw string
}

func (e *IntLit) Position() Pos     { return e.P }
func (e *StrLit) Position() Pos     { return e.P }
func (e *BoolLit) Position() Pos    { return e.P }
func (e *KeywordLit) Position() Pos { return e.P }
func (e *VarRef) Position() Pos     { return e.P }
func (e *Call) Position() Pos       { return e.P }
func (e *Unary) Position() Pos      { return e.P }
func (e *Binary) Position() Pos     { return e.P }
func (e *JVPart) Position() Pos     { return e.P }
func (e *Subst) Position() Pos      { return e.P }

func (e *IntLit) String() string { return strconv.Itoa(int(e.Val)) }
func (e *StrLit) String() string {
	if e.Hex != "" {
		return "X'" + e.Hex + "'"
	}
	return "'" + strings.ReplaceAll(e.Val, "'", "''") + "'"
}
func (e *BoolLit) String() string {
	if e.Val {
		return "TRUE"
	}
	return "FALSE"
}
func (e *KeywordLit) String() string { return e.Val }
func (e *VarRef) String() string     { return e.Name.Text }
func (e *Call) String() string {
	parts := make([]string, len(e.Args))
	for i, a := range e.Args {
		if a.Key != "" {
			parts[i] = a.Key + "=" + a.Value.String()
		} else {
			parts[i] = a.Value.String()
		}
	}
	return e.Name + "(" + strings.Join(parts, ",") + ")"
}

// String puts a run of prefix operators in one pair of parentheses,
// "(-NOT A)": a pair per operator would nest the canonical form twice as
// deeply as the expression, past what the parser reads.
func (e *Unary) String() string {
	var b strings.Builder
	b.WriteByte('(')
	var x Expr = e
	for u, ok := x.(*Unary); ok; u, ok = x.(*Unary) {
		b.WriteString(u.Op)
		if u.Op == "NOT" {
			b.WriteByte(' ')
		}
		x = u.X
	}
	b.WriteString(x.String())
	b.WriteByte(')')
	return b.String()
}
func (e *Binary) String() string {
	return "(" + e.X.String() + " " + e.Op + " " + e.Y.String() + ")"
}
func (e *JVPart) String() string {
	return "(" + e.JV + "," + strconv.Itoa(int(e.Start)) + "," + strconv.Itoa(int(e.Length)) + ")"
}
func (e *Subst) String() string { return e.Raw }

// IndexKind says what follows the '#' of a name part.
type IndexKind int

const (
	NoIndex    IndexKind = iota // no '#'
	EmptyIndex                  // 'L#': the whole list, or its first element
	LitIndex                    // 'L#3', 'A#-1'
	VarIndex                    // 'A#I': the value of simple variable I
)

// NamePart is one period-separated part of a composed variable name.
type NamePart struct {
	Name     string
	Index    IndexKind
	IndexLit int32
	IndexVar string
}

// VarName is a parsed composed variable name, e.g. SHVAS#.MIN-MEM-SIZE.
type VarName struct {
	Text  string // as written, upper case
	Parts []NamePart
}

// Simple reports whether the name is a single part without index.
func (n *VarName) Simple() bool { return len(n.Parts) == 1 && n.Parts[0].Index == NoIndex }
