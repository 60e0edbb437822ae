package interp

import "fmt"

// SDF-P operators with the manual's semantics: INTEGER arithmetic in 32
// bits with overflow and division by zero as errors (never a silent
// wrap), // on strings only, comparisons only between values of the same
// type (strings in EBCDIC order), logical operators on BOOLEAN only. Each
// operator is registered with expr as a function (exprbridge.go).

// Message keys of expression errors. The manuals name only the general
// "semantic error" key for type errors; overflow and division by zero have
// no key of their own in the pages read, so they use it too.
const (
	codeSemantic = "SDP0091"
)

// exprError is an error raised while evaluating an expression; the
// interpreter makes it the error of the command being executed.
type exprError struct {
	code string
	msg  string
}

func (e *exprError) Error() string { return e.code + " " + e.msg }

func semanticf(format string, args ...any) error {
	return &exprError{code: codeSemantic, msg: fmt.Sprintf(format, args...)}
}

func checkInt(op string, n int64) (any, error) {
	if n < minInt || n > maxInt {
		return nil, semanticf("INTEGER OVERFLOW IN %s: RESULT %d OUTSIDE -2147483648..2147483647", op, n)
	}
	return int(n), nil
}

func ints(op string, a, b any) (int64, int64, error) {
	x, ok1 := a.(int)
	y, ok2 := b.(int)
	if !ok1 || !ok2 {
		return 0, 0, semanticf("INCORRECT DATA TYPE: OPERATOR %s NEEDS INTEGER OPERANDS, NOT %s AND %s", op, typeName(a), typeName(b))
	}
	return int64(x), int64(y), nil
}

func opAdd(a, b any) (any, error) {
	x, y, err := ints("+", a, b)
	if err != nil {
		return nil, err
	}
	return checkInt("+", x+y)
}

func opSub(a, b any) (any, error) {
	x, y, err := ints("-", a, b)
	if err != nil {
		return nil, err
	}
	return checkInt("-", x-y)
}

func opMul(a, b any) (any, error) {
	x, y, err := ints("*", a, b)
	if err != nil {
		return nil, err
	}
	return checkInt("*", x*y)
}

// opDiv divides and truncates toward zero, as the /390 divide does.
func opDiv(a, b any) (any, error) {
	x, y, err := ints("/", a, b)
	if err != nil {
		return nil, err
	}
	if y == 0 {
		return nil, semanticf("DIVISION BY ZERO")
	}
	return checkInt("/", x/y)
}

// opMod: the remainder takes the sign of the dividend.
func opMod(a, b any) (any, error) {
	x, y, err := ints("MOD", a, b)
	if err != nil {
		return nil, err
	}
	if y == 0 {
		return nil, semanticf("DIVISION BY ZERO IN MOD")
	}
	return checkInt("MOD", x%y)
}

func opNeg(a any) (any, error) {
	x, ok := a.(int)
	if !ok {
		return nil, semanticf("INCORRECT DATA TYPE: SIGN NEEDS AN INTEGER, NOT %s", typeName(a))
	}
	return checkInt("-", -int64(x))
}

func opPos(a any) (any, error) {
	if _, ok := a.(int); !ok {
		return nil, semanticf("INCORRECT DATA TYPE: SIGN NEEDS AN INTEGER, NOT %s", typeName(a))
	}
	return a, nil
}

func opConcat(a, b any) (any, error) {
	x, ok1 := a.(string)
	y, ok2 := b.(string)
	if !ok1 || !ok2 {
		return nil, semanticf("INCORRECT DATA TYPE: // NEEDS STRING OPERANDS, NOT %s AND %s", typeName(a), typeName(b))
	}
	if len(x)+len(y) > maxString {
		return nil, semanticf("STRING LONGER THAN %d CHARACTERS", maxString)
	}
	return x + y, nil
}

// compare returns -1, 0 or 1, or an error when the operands' types differ.
func compare(op string, a, b any) (int, error) {
	switch x := a.(type) {
	case int:
		if y, ok := b.(int); ok {
			switch {
			case x < y:
				return -1, nil
			case x > y:
				return 1, nil
			}
			return 0, nil
		}
	case string:
		if y, ok := b.(string); ok {
			return compareStrings(x, y), nil
		}
	case bool:
		if y, ok := b.(bool); ok {
			// FALSE < TRUE, as 0 < 1
			switch {
			case x == y:
				return 0, nil
			case !x:
				return -1, nil
			}
			return 1, nil
		}
	}
	return 0, semanticf("COMPARISON %s OF %s WITH %s: OPERANDS MUST HAVE THE SAME TYPE", op, typeName(a), typeName(b))
}

func comparison(op string, test func(int) bool) func(a, b any) (any, error) {
	return func(a, b any) (any, error) {
		c, err := compare(op, a, b)
		if err != nil {
			return nil, err
		}
		return test(c), nil
	}
}

var (
	opEq = comparison("=", func(c int) bool { return c == 0 })
	opNe = comparison("<>", func(c int) bool { return c != 0 })
	opLt = comparison("<", func(c int) bool { return c < 0 })
	opGt = comparison(">", func(c int) bool { return c > 0 })
	opLe = comparison("<=", func(c int) bool { return c <= 0 })
	opGe = comparison(">=", func(c int) bool { return c >= 0 })
)

func bools(op string, a, b any) (bool, bool, error) {
	x, ok1 := a.(bool)
	y, ok2 := b.(bool)
	if !ok1 || !ok2 {
		return false, false, semanticf("INCORRECT DATA TYPE: %s NEEDS BOOLEAN OPERANDS, NOT %s AND %s", op, typeName(a), typeName(b))
	}
	return x, y, nil
}

func opAnd(a, b any) (any, error) {
	x, y, err := bools("AND", a, b)
	return x && y, err
}

func opOr(a, b any) (any, error) {
	x, y, err := bools("OR", a, b)
	return x || y, err
}

func opXor(a, b any) (any, error) {
	x, y, err := bools("XOR", a, b)
	return x != y, err
}

func opNot(a any) (any, error) {
	x, ok := a.(bool)
	if !ok {
		return nil, semanticf("INCORRECT DATA TYPE: NOT NEEDS A BOOLEAN, NOT %s", typeName(a))
	}
	return !x, nil
}

// binaryOps maps the parser's canonical operators to their functions.
var binaryOps = map[string]func(a, b any) (any, error){
	"+": opAdd, "-": opSub, "*": opMul, "/": opDiv, "MOD": opMod, "//": opConcat,
	"=": opEq, "<>": opNe, "<": opLt, ">": opGt, "<=": opLe, ">=": opGe,
	"AND": opAnd, "OR": opOr, "XOR": opXor,
}

var unaryOps = map[string]func(a any) (any, error){"-": opNeg, "+": opPos, "NOT": opNot}
