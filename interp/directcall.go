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
// A pure function's site keeps its last result (callMemo): a loop that
// calls LENGTH(A) or UPPER-CASE('ab') while A stays computes it once.

func (r *Runner) directCall(c *ast.Call) evalFn {
	f := r.funcs.Lookup(c.Name)
	if f == nil {
		return nil
	}
	keys := make([]string, len(c.Args))
	args := make([]evalFn, len(c.Args))
	for k, a := range c.Args {
		keys[k] = a.Key
		if args[k] = r.directArg(a.Value); args[k] == nil {
			return nil
		}
	}
	binding, err := f.Plan(keys)
	if err != nil {
		return nil
	}
	// A site is never evaluated inside its own evaluation (its arguments
	// are other sites, and a builtin evaluates no expression), so it
	// keeps its buffers from call to call.
	vals, out := make([]any, len(args)), binding.Args()
	var memo callMemo
	return func() (any, error) {
		for k, arg := range args {
			v, err := arg()
			if err != nil {
				return nil, err
			}
			vals[k] = v
		}
		for _, v := range vals {
			if _, ok := v.(complexRef); ok {
				return nil, functionComplexArg.err(c.Name)
			}
		}
		if memo.valid {
			if memo.same(vals) {
				memo.misses = 0
				return memo.result, nil
			}
			memo.misses++
		}
		bound, err := binding.Bind(vals, out)
		if err != nil {
			return nil, err
		}
		if !f.Pure || memo.misses > maxMemoMisses {
			return r.callBound(f, bound)
		}
		warned := r.fnWarnings
		v, err := r.callBound(f, bound)
		if err == nil && r.fnWarnings == warned {
			memo.keep(vals, v)
		}
		return v, err
	}
}

// callMemo is the last result of a pure function at a call site
// (builtins.Function.Pure) with the arguments it was computed from. A
// call that failed or warned is not kept: its error or warning must come
// again at each call.
type callMemo struct {
	valid  bool
	args   []any
	result any
	misses int // calls in a row with other arguments
}

// maxMemoMisses: a site whose arguments changed this many calls in a row
// (STRING(I) in a loop over I) stops keeping results, which would only
// cost it a copy per call; the kept one still answers when its
// arguments come again.
const maxMemoMisses = 16

// same reports whether vals are the kept arguments. Kept arguments are
// of comparable types only, so comparing them with anything is safe.
func (m *callMemo) same(vals []any) bool {
	for k, v := range vals {
		if v != m.args[k] {
			return false
		}
	}
	return true
}

// keep keeps a result, when its arguments are plain values.
func (m *callMemo) keep(vals []any, result any) {
	for _, v := range vals {
		switch v.(type) {
		case string, int, bool, builtins.Keyword:
		default:
			m.valid = false
			return
		}
	}
	m.args = append(m.args[:0], vals...)
	m.result, m.valid = result, true
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
