package interp

import (
	"fmt"

	"sdfp/builtins"
	"sdfp/parser/ast"
)

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

// intFn computes an integer expression. ok: n is its value. err: the
// expression fails with err, exactly as the general path fails. Neither:
// the fast case does not hold, and nothing with an effect has run, so the
// caller evaluates the expression the general way.
//
// A builtin call is compiled too (an INTEGER function: INDEX, LENGTH,
// SIZE, INTEGER, ...), but a call has effects (SUBSTRING's SDP0412 and
// SDP0414 in an argument, the function's own errors) and must run once:
// an intFn whose expression holds a call gives way only before its first
// call ran. After that, what the fast case cannot do (an operand that is
// no integer, an overflow, a division by zero) is finished with the
// general operator on the values already computed, which gives its value
// or its exact error. Everything else the expressions hold has no
// effects, so evaluating it again changes nothing.
type intFn func() (n int, ok bool, err error)

// intFnOf compiles an integer expression, or returns nil.
func (r *Runner) intFnOf(e ast.Expr) intFn {
	fn, _ := r.intOf(e)
	return fn
}

// intOf compiles an integer expression, and reports whether it holds a
// builtin call (effects: it never gives way once the call ran).
func (r *Runner) intOf(e ast.Expr) (fn intFn, effects bool) {
	switch x := e.(type) {
	case *ast.IntLit:
		v := int(x.Val)
		return func() (int, bool, error) { return v, true, nil }, false
	case *ast.VarRef:
		return r.intVar(x.Name), false
	case *ast.Unary:
		arg, effects := r.intOf(x.X)
		if arg == nil {
			return nil, false
		}
		switch x.Op {
		case "+":
			return arg, effects
		case "-":
			return func() (int, bool, error) {
				a, ok, err := arg()
				if !ok {
					return 0, false, err
				}
				if n := -int64(a); n <= maxInt {
					return int(n), true, nil
				}
				if !effects {
					return 0, false, nil
				}
				return intOfValue(opNeg(a))
			}, effects
		}
	case *ast.Binary:
		return r.intBinary(x)
	case *ast.Call:
		return r.intCall(x)
	}
	return nil, false
}

// intCall is a call of a builtin whose result is an INTEGER, on the
// direct path (directcall.go): evaluated once, its result unboxed.
func (r *Runner) intCall(c *ast.Call) (intFn, bool) {
	f := r.funcs.Lookup(c.Name)
	if f == nil || f.Result != builtins.TypeInteger {
		return nil, false
	}
	if call := r.typedIntCall(c); call != nil {
		return call, true
	}
	call := r.directCall(c)
	if call == nil {
		return nil, false
	}
	return func() (int, bool, error) { return intOfValue(call()) }, true
}

// intOfValue is a general result as an intFn gives it: the general
// operators and the INTEGER functions give an int or an error.
func intOfValue(v any, err error) (int, bool, error) {
	if err != nil {
		return 0, false, err
	}
	if n, ok := v.(int); ok {
		return n, true, nil
	}
	return 0, false, internalError.err(fmt.Sprintf("INTEGER EXPECTED, GOT %s", typeName(v)))
}

// intVar reads an integer variable through its own site cache; a
// composed name (P.SUM, L#50) is walked from the variable found.
func (r *Runner) intVar(name *ast.VarName) intFn {
	root := name.Parts[0].Name
	var cache varCache
	if name.Simple() {
		return func() (int, bool, error) {
			if v := cache.hit(r); v != nil && v.node.isNum {
				return v.node.num, true, nil // only a simple variable holds an unboxed integer
			}
			return r.simpleInt(&cache, root)
		}
	}
	if fieldName(name) {
		var elem fieldCache
		return func() (int, bool, error) {
			v := cache.lookup(r, root)
			if v == nil {
				return 0, false, nil
			}
			n, err := elem.walk(r, v, name, false)
			if err != nil || n.t.kind != simpleNode {
				return 0, false, nil
			}
			x, ok := n.intValue()
			return x, ok, nil
		}
	}
	return func() (int, bool, error) {
		v := cache.lookup(r, root)
		if v == nil {
			return 0, false, nil
		}
		n, err := r.walk(v, name.Parts, false)
		if err != nil || n.t.kind != simpleNode {
			return 0, false, nil
		}
		x, ok := n.intValue()
		return x, ok, nil
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

// intBinary compiles an integer operator. Once its left operand ran a
// call, it finishes what the fast case cannot do with the general
// operator on the values computed: the right operand that gives way is
// evaluated the general way, an overflow or a division by zero is the
// general operator's error.
func (r *Runner) intBinary(x *ast.Binary) (intFn, bool) {
	op, general := intOps[x.Op], binaryOps[x.Op]
	left, le := r.intOf(x.X)
	right, re := r.intOf(x.Y)
	if op == nil || left == nil || right == nil {
		return nil, false
	}
	effects := le || re
	var rightAny evalFn // the right operand the general way, after the left one's call ran
	if le {
		if rightAny = r.directFn(x.Y); rightAny == nil {
			return nil, false
		}
	}
	// fail is the result where op could not compute a op b.
	fail := func(a, b int) (int, bool, error) {
		if !effects {
			return 0, false, nil
		}
		return intOfValue(general(a, b))
	}
	if lit, ok := x.Y.(*ast.IntLit); ok && lit.Val != 0 && !le {
		// I + 1, I MOD 7: the right operand is a constant, and no
		// division by zero
		b := int64(lit.Val)
		switch x.Op {
		case "+":
			return func() (int, bool, error) {
				a, ok, err := left()
				if !ok {
					return 0, false, err
				}
				return fitInt(int64(a)+b, ok)
			}, false
		case "-":
			return func() (int, bool, error) {
				a, ok, err := left()
				if !ok {
					return 0, false, err
				}
				return fitInt(int64(a)-b, ok)
			}, false
		case "MOD":
			return func() (int, bool, error) {
				a, ok, err := left()
				if !ok {
					return 0, false, err
				}
				return fitInt(int64(a)%b, ok)
			}, false
		}
	}
	// rightFailed finishes a op b where right gave err or gave way.
	rightFailed := func(a int, err error) (int, bool, error) {
		if err != nil {
			return 0, false, err
		}
		if !le {
			return 0, false, nil
		}
		bv, err := rightAny()
		if err != nil {
			return 0, false, err
		}
		return intOfValue(general(a, bv))
	}
	if x.Op == "+" {
		// The commonest operator, added here rather than by op's call
		// (N + LENGTH(S) + INDEX(S, 'X'): 2% of the builtin loop; one
		// closure for both, choosing by a flag, cost it 2.3%).
		return func() (int, bool, error) {
			a, ok, err := left()
			if !ok {
				return 0, false, err // nothing with an effect ran: left gave way before its call
			}
			b, ok, err := right()
			if !ok || err != nil {
				return rightFailed(a, err)
			}
			if n := int64(a) + int64(b); n >= minInt && n <= maxInt {
				return int(n), true, nil
			}
			return fail(a, b)
		}, effects
	}
	return func() (int, bool, error) {
		a, ok, err := left()
		if !ok {
			return 0, false, err // nothing with an effect ran: left gave way before its call
		}
		b, ok, err := right()
		if !ok || err != nil {
			return rightFailed(a, err)
		}
		n, ok := op(int64(a), int64(b))
		if n, ok, _ := fitInt(n, ok); ok {
			return n, true, nil
		}
		return fail(a, b)
	}, effects
}

// simpleInt is a simple variable's integer, read by its site cache, for
// a value intVar's closure does not read itself.
func (r *Runner) simpleInt(cache *varCache, root string) (int, bool, error) {
	if n := cache.simpleNode(r, root); n != nil {
		x, ok := n.intValue()
		return x, ok, nil
	}
	return 0, false, nil
}

// fitInt is n when ok and within SDF-P's INTEGER range (checkInt).
func fitInt(n int64, ok bool) (int, bool, error) {
	if !ok || n < minInt || n > maxInt {
		return 0, false, nil
	}
	return int(n), true, nil
}

// boolFn computes a comparison as an intFn computes an integer: ok, its
// result; err, its error; neither, the general way gives it.
type boolFn func() (b, ok bool, err error)

// intComparison compiles a comparison of two integer expressions to a
// function giving its result, or returns nil. Like intBinary, it finishes
// with the general comparison once its left operand ran a call.
func (r *Runner) intComparison(x *ast.Binary) boolFn {
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
	general := binaryOps[x.Op]
	left, le := r.intOf(x.X)
	right, _ := r.intOf(x.Y)
	if left == nil || right == nil {
		return nil
	}
	var rightAny evalFn
	if le {
		if rightAny = r.directFn(x.Y); rightAny == nil {
			return nil
		}
	}
	return func() (bool, bool, error) {
		a, ok, err := left()
		if !ok {
			return false, false, err
		}
		b, ok, err := right()
		if err != nil {
			return false, false, err
		}
		if ok {
			return test(a, b), true, nil
		}
		if !le {
			return false, false, nil
		}
		bv, err := rightAny()
		if err != nil {
			return false, false, err
		}
		v, err := general(a, bv)
		if err != nil {
			return false, false, err
		}
		t, ok := v.(bool)
		if !ok {
			return false, false, internalError.err(fmt.Sprintf("BOOLEAN EXPECTED, GOT %s", typeName(v)))
		}
		return t, true, nil
	}
}
