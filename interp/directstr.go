package interp

import "sdfp/parser/ast"

// Strings without boxes (issue 18). A concatenation whose operands are
// string literals, calls of STRING functions that give their result
// unboxed (builtins.Function.Str: SUBSTRING, UPPER-CASE, LOWER-CASE,
// STRING) or other such concatenations, at least one of them typed, is
// compiled to a strFn: the operands' strings are joined and only the
// result is boxed, where each operand and each part used to be. A strFn
// gives a string or an error, never gives way, and evaluates what it
// holds once, left to right, as opConcat's general path does; an operand
// that is not typed is evaluated the general way, and one that is no
// string fails with opConcat's own error.

type strFn func() (string, error)

// strOf compiles an expression that always gives a STRING (or fails), or
// returns nil.
func (r *Runner) strOf(e ast.Expr) strFn {
	switch x := e.(type) {
	case *ast.StrLit:
		v := x.Val
		return func() (string, error) { return v, nil }
	case *ast.Call:
		return r.strCall(x)
	case *ast.Binary:
		if x.Op == "//" {
			return r.strConcat(x)
		}
	}
	return nil
}

// strConcat compiles a concatenation with at least one typed operand.
func (r *Runner) strConcat(x *ast.Binary) strFn {
	left, right := r.strOf(x.X), r.strOf(x.Y)
	if left == nil && right == nil {
		return nil
	}
	leftAny, rightAny := r.operand(x.X, left), r.operand(x.Y, right)
	if leftAny == nil || rightAny == nil {
		return nil
	}
	return func() (string, error) {
		a, av, aok, err := evalStr(left, leftAny)
		if err != nil {
			return "", err
		}
		b, bv, bok, err := evalStr(right, rightAny)
		if err != nil {
			return "", err
		}
		if !aok || !bok { // an operand that is no string
			if aok {
				av = a
			}
			if bok {
				bv = b
			}
			_, err := opConcat(av, bv)
			return "", err
		}
		return concatStrings(a, b)
	}
}

// operand is the general closure of a concatenation's operand that is
// not typed (nil when typed, or when the operand is no direct
// expression: then the concatenation is not compiled).
func (r *Runner) operand(e ast.Expr, typed strFn) evalFn {
	if typed != nil {
		return func() (any, error) { return nil, nil } // never called
	}
	return r.directFn(e)
}

// evalStr evaluates an operand: its string (ok), or the value that is
// no string, or its error.
func evalStr(typed strFn, general evalFn) (s string, v any, ok bool, err error) {
	if typed != nil {
		s, err = typed()
		return s, nil, true, err
	}
	if v, err = general(); err != nil {
		return "", nil, false, err
	}
	s, ok = v.(string)
	return s, v, ok, nil
}
