package interp

import (
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

func (r *Runner) directCall(c *ast.Call) evalFn {
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
	f, bind := r.callSite(c)
	if bind == nil || f.Str == nil {
		return nil
	}
	return func() (string, error) {
		bound, err := bind()
		if err != nil {
			return "", err
		}
		return f.Str(r.builtinEnv(), bound)
	}
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

// directArg is the closure of a call argument: a direct expression, or a
// keyword value (*REVERSE), which only arguments take.
func (r *Runner) directArg(e ast.Expr) evalFn {
	if kw, ok := e.(*ast.KeywordLit); ok {
		v := any(builtins.Keyword(kw.Val))
		return func() (any, error) { return v, nil }
	}
	return r.directFn(e)
}
