package interp

import (
	"fmt"
	"unsafe"

	"sdfp/lexer/ebcdic"
)

// SDF-P operators with the manual's semantics: INTEGER arithmetic in 32
// bits with overflow and division by zero as errors (never a silent
// wrap), // on strings only, comparisons only between values of the same
// type (strings in EBCDIC order), logical operators on BOOLEAN only. Each
// operator is registered with expr as a function (exprbridge.go).

// Expression errors are rows of the outcome table (outcomes.go). The
// manuals name only the general "semantic error" key SDP0091 for type
// errors; overflow and division by zero have no key of their own in the
// pages read, so they are SDP0091 with a detail too.

func checkInt(op string, n int64) (any, error) {
	if n < minInt || n > maxInt {
		return nil, intOverflow.err(op, fmt.Sprint(n))
	}
	return int(n), nil
}

func ints(op string, a, b any) (int64, int64, error) {
	x, ok1 := a.(int)
	y, ok2 := b.(int)
	if !ok1 || !ok2 {
		return 0, 0, opNeedsIntegers.err(op, typeName(a), typeName(b))
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
		return nil, divisionByZero.err()
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
		return nil, modByZero.err()
	}
	return checkInt("MOD", x%y)
}

func opNeg(a any) (any, error) {
	x, ok := a.(int)
	if !ok {
		return nil, signNeedsInteger.err(typeName(a))
	}
	return checkInt("-", -int64(x))
}

func opPos(a any) (any, error) {
	if _, ok := a.(int); !ok {
		return nil, signNeedsInteger.err(typeName(a))
	}
	return a, nil
}

func opConcat(a, b any) (any, error) {
	x, ok1 := a.(string)
	y, ok2 := b.(string)
	if !ok1 || !ok2 {
		return nil, concatNeedsStrings.err(typeName(a), typeName(b))
	}
	s, err := concatStrings(x, y)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// concatStrings joins two strings within SDF-P's longest string.
func concatStrings(x, y string) (string, error) {
	if len(x)+len(y) > maxString && ebcdic.Len(x)+ebcdic.Len(y) > maxString {
		return "", stringTooLong.err(maxString)
	}
	switch { // as x + y gives them, without a copy
	case x == "":
		return y, nil
	case y == "":
		return x, nil
	}
	// One allocation and two copies: x + y goes through the runtime's
	// general concatenation of n strings, which costs a string loop
	// (S = SUBSTRING(A, 5, 10) // 'XYZ') about a tenth of its time more.
	// Nothing writes to b after it becomes the string.
	b := make([]byte, len(x)+len(y))
	copy(b[copy(b, x):], y)
	return bytesString(b), nil
}

// bytesString is b's bytes as a string, without a copy: its caller
// writes to b no more while the string lives (a buffer reused for the
// next string: its string is not kept past that).
func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

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
	return 0, compareTypes.err(op, typeName(a), typeName(b))
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
		return false, false, opNeedsBooleans.err(op, typeName(a), typeName(b))
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
		return nil, notNeedsBoolean.err(typeName(a))
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
