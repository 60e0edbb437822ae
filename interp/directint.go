package interp

import "sdfp/parser/ast"

// Integers without boxes (issue 18). An expression made only of integer
// literals, variables and the integer operators is also compiled to an
// intFn that computes in int64, checks the 32-bit range like ops.go and
// gives an int, not an interface: a comparison of two such expressions
// then allocates nothing, and SET-VARIABLE stores the result into the
// variable with node.setInt. An intFn gives ok=false whenever the fast
// case does not hold (a variable not found through its site, not an
// integer or not initialized, an overflow, a division by zero); the
// caller then evaluates the expression the ordinary way, which gives the
// value or the exact error. The expressions it covers have no effects, so
// evaluating one again changes nothing.

type intFn func() (int, bool)

// intFnOf compiles an integer expression, or returns nil.
func (r *Runner) intFnOf(e ast.Expr) intFn {
	switch x := e.(type) {
	case *ast.IntLit:
		v := int(x.Val)
		return func() (int, bool) { return v, true }
	case *ast.VarRef:
		return r.intVar(x.Name)
	case *ast.Unary:
		arg := r.intFnOf(x.X)
		if arg == nil {
			return nil
		}
		switch x.Op {
		case "+":
			return arg
		case "-":
			return func() (int, bool) {
				a, ok := arg()
				return fitInt(-int64(a), ok)
			}
		}
	case *ast.Binary:
		return r.intBinary(x)
	}
	return nil
}

// intVar reads an integer variable through its own site cache; a
// composed name (P.SUM, L#50) is walked from the variable found.
func (r *Runner) intVar(name *ast.VarName) intFn {
	root := name.Parts[0].Name
	var cache varCache
	if name.Simple() {
		return func() (int, bool) {
			v := cache.hit(r)
			if v == nil {
				v = cache.miss(r, root)
			}
			if v == nil || v.node.t.kind != simpleNode {
				return 0, false
			}
			return v.node.intValue()
		}
	}
	if fieldName(name) {
		var elem fieldCache
		return func() (int, bool) {
			v := cache.lookup(r, root)
			if v == nil {
				return 0, false
			}
			n, err := elem.walk(r, v, name, false)
			if err != nil || n.t.kind != simpleNode {
				return 0, false
			}
			return n.intValue()
		}
	}
	return func() (int, bool) {
		v := cache.lookup(r, root)
		if v == nil {
			return 0, false
		}
		n, err := r.walk(v, name.Parts, false)
		if err != nil || n.t.kind != simpleNode {
			return 0, false
		}
		return n.intValue()
	}
}

// intOp computes one integer operator in int64; ok is false for a
// division by zero, which it never performs (Go would panic).
type intOp func(a, b int64) (int64, bool)

var intOps = map[string]intOp{
	"+": func(a, b int64) (int64, bool) { return a + b, true },
	"-": func(a, b int64) (int64, bool) { return a - b, true },
	"*": func(a, b int64) (int64, bool) { return a * b, true },
	"/": func(a, b int64) (int64, bool) {
		if b == 0 {
			return 0, false
		}
		return a / b, true // toward zero, as opDiv
	},
	"MOD": func(a, b int64) (int64, bool) {
		if b == 0 {
			return 0, false
		}
		return a % b, true // the dividend's sign, as opMod
	},
}

func (r *Runner) intBinary(x *ast.Binary) intFn {
	op := intOps[x.Op]
	left, right := r.intFnOf(x.X), r.intFnOf(x.Y)
	if op == nil || left == nil || right == nil {
		return nil
	}
	if lit, ok := x.Y.(*ast.IntLit); ok && lit.Val != 0 {
		// I + 1, I MOD 7: the right operand is a constant, and no
		// division by zero
		b := int64(lit.Val)
		switch x.Op {
		case "+":
			return func() (int, bool) {
				a, ok := left()
				return fitInt(int64(a)+b, ok)
			}
		case "-":
			return func() (int, bool) {
				a, ok := left()
				return fitInt(int64(a)-b, ok)
			}
		case "MOD":
			return func() (int, bool) {
				a, ok := left()
				return fitInt(int64(a)%b, ok)
			}
		}
	}
	return func() (int, bool) {
		a, ok := left()
		if !ok {
			return 0, false
		}
		b, ok := right()
		if !ok {
			return 0, false
		}
		n, ok := op(int64(a), int64(b))
		return fitInt(n, ok)
	}
}

// fitInt is n when ok and within SDF-P's INTEGER range (checkInt).
func fitInt(n int64, ok bool) (int, bool) {
	if !ok || n < minInt || n > maxInt {
		return 0, false
	}
	return int(n), true
}

// intComparison compiles a comparison of two integer expressions to a
// function giving its result, or returns nil.
func (r *Runner) intComparison(x *ast.Binary) func() (bool, bool) {
	var test func(a, b int) bool
	switch x.Op {
	case "=":
		test = func(a, b int) bool { return a == b }
	case "<>":
		test = func(a, b int) bool { return a != b }
	case "<":
		test = func(a, b int) bool { return a < b }
	case ">":
		test = func(a, b int) bool { return a > b }
	case "<=":
		test = func(a, b int) bool { return a <= b }
	case ">=":
		test = func(a, b int) bool { return a >= b }
	default:
		return nil
	}
	left, right := r.intFnOf(x.X), r.intFnOf(x.Y)
	if left == nil || right == nil {
		return nil
	}
	return func() (bool, bool) {
		a, ok := left()
		if !ok {
			return false, false
		}
		b, ok := right()
		if !ok {
			return false, false
		}
		return test(a, b), true
	}
}
