package interp

import (
	"fmt"

	"sdfp/builtins"
	"sdfp/parser/ast"
)

// Direct builtin calls. A call of a known builtin whose arguments are
// direct expressions (or keywords) is bound once per site: the keys
// written there are resolved to parameters and the defaults found when
// the site is compiled (builtins.Binding), so a call only evaluates its
// arguments, checks their values and runs the function. It does what
// exprEnv.call does, in the same order: every argument evaluated left to
// right, a structure among them refused, the values checked in the order
// written, the function run, an INTEGER result range-checked. A call
// whose binding fails whatever the values (an unknown keyword, a missing
// argument), or of an unknown function, stays on expr, which reports it.
//
// A function with a typed implementation (builtins.Function.Str or Int)
// takes its arguments unboxed where they are strings or integers
// (builtins.Args), and the caller takes its result unboxed: neither
// LENGTH(STRING(I)) nor N + INDEX(S, 'X') boxes a value on the way.

func (r *Runner) directCall(c *ast.Call) evalFn {
	if t := r.typedSite(c); t != nil { // the unboxed call, its result boxed
		if str := typedStr(r, t); str != nil {
			str = r.fastStrCall(c, t, str)
			return func() (any, error) {
				s, err := str()
				if err != nil {
					return nil, err
				}
				return s, nil
			}
		}
		num := r.fastIntCall(c, t, typedInt(r, t))
		return func() (any, error) {
			n, _, err := num()
			if err != nil {
				return nil, err
			}
			return n, nil
		}
	}
	f, bind := r.callSite(c)
	if bind == nil {
		return nil
	}
	return func() (any, error) {
		bound, err := bind()
		if err != nil {
			return nil, err
		}
		return r.callBound(f, bound)
	}
}

// strCall is a call of a STRING function that gives its result unboxed
// (builtins.Function.Str), or nil.
func (r *Runner) strCall(c *ast.Call) strFn {
	if t := r.typedSite(c); t != nil {
		if str := typedStr(r, t); str != nil {
			return r.fastStrCall(c, t, str)
		}
	}
	return nil
}

// typedIntCall is a call of an INTEGER function that gives its result
// unboxed (builtins.Function.Int), or nil. Like every call, it never
// gives way: its result or its error is final.
func (r *Runner) typedIntCall(c *ast.Call) intFn {
	if t := r.typedSite(c); t != nil {
		return r.fastIntCall(c, t, typedInt(r, t))
	}
	return nil
}

// typedStr runs a typed call site of a function with Str; nil for one
// without.
func typedStr(r *Runner, t *typedCall) strFn {
	if t.f.Str == nil {
		return nil
	}
	env, str := r.builtinEnv(), t.f.Str
	return func() (string, error) {
		if err := t.bind(); err != nil {
			return "", err
		}
		return str(env, t.args)
	}
}

// typedInt runs a typed call site of a function with Int; nil for one
// without. Not inlined: the closure of an inlined copy does not get
// intResult inlined (2% of the builtin loop).
//
//go:noinline
func typedInt(r *Runner, t *typedCall) intFn {
	if t.f.Int == nil {
		return nil
	}
	env, f := r.builtinEnv(), t.f
	return func() (int, bool, error) {
		if err := t.bind(); err != nil {
			return 0, false, err
		}
		n, err := f.Int(env, t.args)
		n, err = intResult(f, n, err)
		return n, err == nil, err
	}
}

// intResult range-checks an INTEGER result, as callBound does; small
// enough to be inlined into every typed call.
func intResult(f *builtins.Function, n int, err error) (int, error) {
	if err == nil && (n < minInt || n > maxInt) {
		err = overflowOf(f, n)
	}
	return n, err
}

// overflowOf is the error of an INTEGER result outside SDF-P's range.
func overflowOf(f *builtins.Function, n int) error {
	return functionOverflow.err(f.Name, fmt.Sprint(n))
}

// callSite binds a call site: the function, and what evaluates, checks
// and binds the arguments of one call; nil where the call stays on expr.
func (r *Runner) callSite(c *ast.Call) (*builtins.Function, func() ([]any, error)) {
	f := r.funcs.Lookup(c.Name)
	if f == nil {
		return nil, nil
	}
	keys := make([]string, len(c.Args))
	args := make([]evalFn, len(c.Args))
	for k, a := range c.Args {
		keys[k] = a.Key
		if args[k] = r.directArg(a.Value); args[k] == nil {
			return nil, nil
		}
	}
	binding, err := f.Plan(keys)
	if err != nil {
		return nil, nil
	}
	// A site is never evaluated inside its own evaluation (its arguments
	// are other sites, and a builtin evaluates no expression), so it
	// keeps its buffers from call to call.
	vals, out := make([]any, len(args)), binding.Args()
	return f, func() ([]any, error) {
		complex := false // refused once every argument ran, as exprEnv.call does
		for k, arg := range args {
			v, err := arg()
			if err != nil {
				return nil, err
			}
			if _, ok := v.(complexRef); ok {
				complex = true
			}
			vals[k] = v
		}
		if complex {
			return nil, functionComplexArg.err(c.Name)
		}
		return binding.Bind(vals, out)
	}
}

// typedCall is a call site of a function with a typed implementation:
// the arguments are evaluated unboxed where they can be, into the
// parameters they fill, and bound as the function's Str or Int reads
// them (args). A literal argument is checked and placed once, when the
// site is compiled; a STRING expression where any string passes is not
// checked; the rest are checked at each call, in the order written.
type typedCall struct {
	f       *builtins.Function
	name    string // as written, for the message about a structure
	binding *builtins.Binding
	evals   []argFn              // the arguments evaluated at each call, in the order written
	into    []*builtins.ArgValue // where each goes
	checked []int                // the written arguments checked at each call
	written []int                // for each evaluated argument, its written index when it is checked, else -1
	general bool                 // some argument may give a structure
	args    builtins.Args        // the buffer the arguments are bound in, as Str and Int read it
	strs    []strFn              // by written argument: its STRING expression compiled, or nil
	nums    []intFn              // by written argument: its integer expression compiled, or nil
}

// typedSite compiles a typed call site; nil where the function has no
// typed implementation, or the call stays on expr.
func (r *Runner) typedSite(c *ast.Call) *typedCall {
	f := r.funcs.Lookup(c.Name)
	if f == nil || f.Str == nil && f.Int == nil {
		return nil
	}
	keys := make([]string, len(c.Args))
	for k, a := range c.Args {
		keys[k] = a.Key
	}
	binding, err := f.Plan(keys)
	if err != nil {
		return nil
	}
	// The buffer is kept from call to call, as callSite's is.
	out := binding.ArgValues()
	t := &typedCall{f: f, name: c.Name, binding: binding, args: builtins.TypedArgs(out),
		strs: make([]strFn, len(c.Args)), nums: make([]intFn, len(c.Args))}
	for k, a := range c.Args {
		if v, ok := literal(a.Value); ok && binding.Fix(out, k, v) {
			continue
		}
		eval, str, num := r.typedArg(a.Value)
		if eval == nil {
			return nil
		}
		t.strs[k], t.nums[k] = str, num
		typedStr := str != nil
		t.evals, t.into = append(t.evals, eval), append(t.into, &out[binding.Target(k)])
		if !typedStr || !binding.TakesStrings(k) {
			t.checked = append(t.checked, k)
			t.general = t.general || !typedStr
			t.written = append(t.written, k)
		} else {
			t.written = append(t.written, -1)
		}
	}
	return t
}

// bind evaluates and checks the arguments of one call, as callSite's
// closure does. Small enough to be inlined, so that a site whose
// arguments are all literals (UPPER-CASE('ab')) makes no call for them.
func (t *typedCall) bind() error {
	if len(t.evals) == 0 {
		return nil // every argument a literal, fixed
	}
	return t.bindEvaluated()
}

// bindEvaluated is bind of a site with arguments to evaluate.
func (t *typedCall) bindEvaluated() error {
	for k, eval := range t.evals {
		if err := eval(t.into[k]); err != nil {
			return err
		}
	}
	if len(t.checked) == 0 {
		return nil // no structure possible either: only STRING expressions
	}
	// The common call: every value came out an unboxed string or int its
	// parameter takes as it is. None is then a structure, and Check would
	// change nothing; any other value goes the general way below.
	passed := true
	for i, x := range t.into {
		if k := t.written[i]; k >= 0 && !t.binding.Passes(x, k) {
			passed = false
			break
		}
	}
	if passed {
		return nil
	}
	if t.general { // refused once every argument ran, as exprEnv.call does
		for _, x := range t.into {
			if _, ok := x.Other().(complexRef); ok {
				return functionComplexArg.err(t.name)
			}
		}
	}
	return t.binding.Check(t.args, t.checked)
}

// literal is the value of a literal argument.
func literal(e ast.Expr) (any, bool) {
	switch x := e.(type) {
	case *ast.StrLit:
		return x.Val, true
	case *ast.IntLit:
		return int(x.Val), true
	case *ast.BoolLit:
		return x.Val, true
	case *ast.KeywordLit:
		return builtins.Keyword(x.Val), true
	}
	return nil, false
}

// argFn evaluates one argument of a typed call site into its value.
type argFn func(*builtins.ArgValue) error

// typedArg is the argFn of a call argument: a simple variable read
// without boxing its integer or string, a STRING expression (str) or an
// integer one (num) unboxed, anything else as directArg evaluates it.
// str and num, the compiled expression, are what the fast call of the
// same site runs too (fastcall.go): compiled once, not once per way.
func (r *Runner) typedArg(e ast.Expr) (fn argFn, str strFn, num intFn) {
	if str := r.strOf(e); str != nil {
		// No general way to compile beside it: a STRING expression never
		// gives way, and compiling both made nested calls cost twice as
		// much to compile at each level.
		return func(x *builtins.ArgValue) error {
			s, err := str()
			x.SetStr(s)
			return err
		}, str, nil
	}
	general := r.directArg(e)
	if general == nil {
		return nil, nil, nil
	}
	if ref, ok := e.(*ast.VarRef); ok && ref.Name.Simple() {
		root := ref.Name.Parts[0].Name
		var cache varCache
		return func(x *builtins.ArgValue) error {
			v := cache.hit(r) // lookup, its hit inlined
			if v == nil {
				v = cache.miss(r, root)
			}
			if v != nil && v.node.t.kind == simpleNode && v.node.hasValue() {
				// a string first: intValue tries the unboxed int itself
				if n := v.node; n.isStr {
					x.SetStr(n.str)
				} else if i, ok := n.intValue(); ok {
					x.SetInt(i)
				} else if s, ok := n.strValue(); ok {
					x.SetStr(s)
				} else {
					x.SetAny(n.value())
				}
				return nil
			}
			g, err := general()
			x.SetAny(g)
			return err
		}, nil, nil
	}
	if _, ok := e.(*ast.VarRef); !ok { // a composed name that gave way would be read twice
		if num := r.intFnOf(e); num != nil {
			// An intFn that gives way has run nothing with an effect
			// (directint.go), so the general evaluation runs it once.
			return func(x *builtins.ArgValue) error {
				n, ok, err := num()
				if err != nil {
					return err
				}
				if ok {
					x.SetInt(n)
					return nil
				}
				v, err := general()
				x.SetAny(v)
				return err
			}, nil, num
		}
	}
	return func(x *builtins.ArgValue) error {
		v, err := general()
		x.SetAny(v)
		return err
	}, nil, nil
}

// directArg is the closure of a call argument: a direct expression, or a
// keyword value (*REVERSE), which only arguments take.
func (r *Runner) directArg(e ast.Expr) evalFn {
	if kw, ok := e.(*ast.KeywordLit); ok {
		v := any(builtins.Keyword(kw.Val))
		return func() (any, error) { return v, nil }
	}
	return r.directFn(e)
}
