package interp

import "sdfp/parser/ast"

// Fast calls (issue 18). A call that writes a function's leading
// parameters in order, as its fast form takes them (builtins/fast.go),
// hands the values to that form as plain Go values: INDEX(S, 'XYZ')
// reads S and calls the form, without filling the site's Args buffer,
// checking the values or reading the defaults back. The values must be
// of the form's types as they come: a variable holding anything else (an
// integer where a string goes, a string where an integer goes, a
// structure, nothing) makes the call take its typed way instead
// (directcall.go), which reads the variable again and does what it
// always did, errors included.
//
// Taking the typed way after an argument has run is only safe when
// nothing has happened yet that running it again would repeat: a
// variable read or an integer expression that gives way has done
// nothing, but a call inside an argument may have warned. So a site
// whose argument with effects comes before one that may give way keeps
// its typed way. FuzzDirectAgainstExpr and TestDifferentialCalls hold
// the fast calls to expr.

// fastStr is a string argument of a fast call; ok false: the value is
// no plain string, and the call takes its typed way.
type fastStr func() (s string, ok bool, err error)

// fastInt is an integer argument of a fast call, as fastStr.
type fastInt func() (n int, ok bool, err error)

// fastArg is one compiled argument: a string or an integer reader, and
// whether it may give way and whether running it may have effects. call
// is the STRING expression str reads, when it is one (a nested call): a
// function of one string argument runs it itself, without str's layer.
type fastArg struct {
	str          fastStr
	num          fastInt
	call         strFn
	givesWay, fx bool
}

// fastArgs compiles the arguments of call c by its function's fast form,
// or reports false where the call does not have the form's shape.
func (r *Runner) fastArgs(c *ast.Call, t *typedCall) ([]fastArg, bool) {
	form := t.f.Fast
	n := form.Arity()
	if n == 0 || len(c.Args) != n {
		return nil, false
	}
	args := make([]fastArg, n)
	fx := false
	for k, a := range c.Args {
		if t.binding.Target(k) != k {
			return nil, false // written out of order by keyword
		}
		var x fastArg
		if form.TakesInt(k) {
			x = r.fastIntArg(a.Value, t.nums[k])
		} else {
			x = r.fastStrArg(a.Value, t.strs[k])
		}
		if x.str == nil && x.num == nil || x.givesWay && fx {
			return nil, false
		}
		fx = fx || x.fx
		args[k] = x
	}
	return args, true
}

// fastStrArg compiles a string argument: a literal, a simple variable
// (which gives way unless it holds a string) or a STRING expression,
// str, as the typed site compiled it.
func (r *Runner) fastStrArg(e ast.Expr, str strFn) fastArg {
	if x, ok := e.(*ast.StrLit); ok {
		v := x.Val
		return fastArg{str: func() (string, bool, error) { return v, true, nil }}
	}
	if root, ok := simpleRoot(e); ok {
		var cache varCache
		return fastArg{givesWay: true, str: func() (string, bool, error) {
			if v := cache.hit(r); v != nil {
				if n := v.node; n.isStr {
					return n.str, true, nil // only a simple variable holds an unboxed string
				} else if s, ok := n.val.(string); ok && n.t.kind == simpleNode {
					return s, true, nil // a literal assigned where the variable was declared: boxed
				}
			}
			return r.simpleStr(&cache, root)
		}}
	}
	if str != nil {
		return fastArg{fx: true, call: str, str: func() (string, bool, error) {
			s, err := str()
			return s, true, err
		}}
	}
	return fastArg{}
}

// fastIntArg compiles an integer argument: a literal, a simple variable
// (which gives way unless it holds an integer) or an integer expression,
// num, as the typed site compiled it (which gives way as its intFn does,
// having done nothing).
func (r *Runner) fastIntArg(e ast.Expr, num intFn) fastArg {
	if x, ok := e.(*ast.IntLit); ok {
		v := int(x.Val)
		if v < minInt || v > maxInt {
			return fastArg{}
		}
		return fastArg{num: func() (int, bool, error) { return v, true, nil }}
	}
	if root, ok := simpleRoot(e); ok {
		var cache varCache
		return fastArg{givesWay: true, num: func() (int, bool, error) {
			if v := cache.hit(r); v != nil && v.node.isNum {
				if i := v.node.num; i >= minInt && i <= maxInt {
					return i, true, nil // as intVar's
				}
			}
			i, ok, _ := r.simpleInt(&cache, root)
			return i, ok && i >= minInt && i <= maxInt, nil
		}}
	}
	if num != nil {
		return fastArg{givesWay: true, fx: true, num: func() (int, bool, error) {
			n, ok, err := num()
			return n, ok && n >= minInt && n <= maxInt, err
		}}
	}
	return fastArg{}
}

// simpleStr is a simple variable's string, read by its site cache, for a
// value a fast argument's reader does not read itself: unboxed, or a
// literal assigned and kept boxed; false for any other value.
func (r *Runner) simpleStr(cache *varCache, root string) (string, bool, error) {
	if n := cache.simpleNode(r, root); n != nil {
		s, ok := n.strValue()
		return s, ok, nil
	}
	return "", false, nil
}

// simpleRoot is the name of a simple variable reference; false for any
// other expression, a composed or qualified name among them.
func simpleRoot(e ast.Expr) (string, bool) {
	if ref, ok := e.(*ast.VarRef); ok && ref.Name.Simple() {
		return ref.Name.Parts[0].Name, true
	}
	return "", false
}

// fastStrCall is the call of a STRING function's fast form, slow its
// typed way, which it is itself where the call does not have the form's
// shape.
func (r *Runner) fastStrCall(c *ast.Call, t *typedCall, slow strFn) strFn {
	args, ok := r.fastArgs(c, t)
	if !ok {
		return slow
	}
	env, form := r.builtinEnv(), t.f.Fast
	switch {
	case form.StrS != nil && args[0].call != nil:
		// UPPER-CASE(SUBSTRING(...)): the argument never gives way
		a, f := args[0].call, form.StrS
		return func() (string, error) {
			s, err := a()
			if err != nil {
				return "", err
			}
			return f(env, s)
		}
	case form.StrS != nil:
		a, f := args[0].str, form.StrS
		return func() (string, error) {
			s, ok, err := a()
			if err != nil || !ok {
				return orSlow(err, slow)
			}
			return f(env, s)
		}
	case form.StrI != nil:
		a, f := args[0].num, form.StrI
		return func() (string, error) {
			n, ok, err := a()
			if err != nil || !ok {
				return orSlow(err, slow)
			}
			return f(env, n)
		}
	case form.StrSII != nil:
		a, b, d, f := args[0].str, args[1].num, args[2].num, form.StrSII
		return func() (string, error) {
			s, ok, err := a()
			if err != nil || !ok {
				return orSlow(err, slow)
			}
			x, ok, err := b()
			if err != nil || !ok {
				return orSlow(err, slow)
			}
			y, ok, err := d()
			if err != nil || !ok {
				return orSlow(err, slow)
			}
			return f(env, s, x, y)
		}
	}
	return slow
}

// orSlow is what a fast call gives when an argument failed (its error)
// or gave way (the typed way's result).
func orSlow(err error, slow strFn) (string, error) {
	if err != nil {
		return "", err
	}
	return slow()
}

// fastIntCall is fastStrCall for an INTEGER function, its result
// range-checked as every typed call's is.
func (r *Runner) fastIntCall(c *ast.Call, t *typedCall, slow intFn) intFn {
	if slow == nil {
		return nil
	}
	args, ok := r.fastArgs(c, t)
	if !ok {
		return slow
	}
	env, form, fn := r.builtinEnv(), t.f.Fast, t.f
	switch {
	case form.IntS != nil && args[0].call != nil:
		// LENGTH(STRING(I)), as StrS's
		a, f := args[0].call, form.IntS
		return func() (int, bool, error) {
			s, err := a()
			if err != nil {
				return 0, false, err
			}
			n, err := f(env, s)
			n, err = intResult(fn, n, err)
			return n, err == nil, err
		}
	case form.IntS != nil:
		a, f := args[0].str, form.IntS
		return func() (int, bool, error) {
			s, ok, err := a()
			if err != nil || !ok {
				return intOrSlow(err, slow)
			}
			n, err := f(env, s)
			n, err = intResult(fn, n, err)
			return n, err == nil, err
		}
	case form.IntSS != nil:
		a, b, f := args[0].str, args[1].str, form.IntSS
		return func() (int, bool, error) {
			s, ok, err := a()
			if err != nil || !ok {
				return intOrSlow(err, slow)
			}
			p, ok, err := b()
			if err != nil || !ok {
				return intOrSlow(err, slow)
			}
			n, err := f(env, s, p)
			n, err = intResult(fn, n, err)
			return n, err == nil, err
		}
	}
	return slow
}

// intOrSlow is orSlow for an INTEGER function.
func intOrSlow(err error, slow intFn) (int, bool, error) {
	if err != nil {
		return 0, false, err
	}
	return slow()
}
