package interp

import (
	"github.com/expr-lang/expr/vm"

	"sdfp/parser/ast"
)

// Direct evaluation of simple expressions. Expressions made only of
// literals, variables, operators and builtin calls (directcall.go) (the
// I = I + 1 of a loop) are the hot
// path of procedures; running them as closures over the same operator
// functions avoids expr's per-run argument buffer and makes the benchmark
// loop several times faster with far fewer allocations (see
// BenchmarkLoop). Every other expression runs on expr. The differential
// test in direct_test.go holds both paths, and a reference evaluator, to
// the same results.

type evalFn func() (any, error)

// site is one expression site, compiled on first use.
type site struct {
	direct evalFn      // nil when the expression is not simple
	ints   intFn       // nil when it is no integer expression (directint.go)
	cmp    boolFn      // nil when it is no comparison of integer expressions (directint.go)
	str    strFn       // nil when it is no STRING expression (directstr.go)
	prog   *vm.Program // compiled when the expr path is needed
	target varCache    // the variable an assignment of this value writes
	mode   writeMode   // and its WRITE-MODE, read once (moded)
	moded  bool
}

// WithDirectEval turns the direct evaluation of simple expressions on
// (default) or off, so that everything runs on expr.
func WithDirectEval(on bool) Option { return func(r *Runner) { r.directOff = !on } }

// maxSites bounds the expression sites one procedure level keeps. The
// sites of a procedure's own text are bounded by its size, but each
// command changed by & replacement is parsed anew, with new expressions:
// a loop running one would add a site per pass. Past the bound the level
// forgets its sites and compiles again what it runs next.
const maxSites = 1 << 14

// eval evaluates an expression. Its compiled site belongs to the current
// procedure level, so that it goes when the level ends: a procedure called
// in a loop is parsed at each call, and sites kept by the task would keep
// every parsed copy.
func (r *Runner) eval(e ast.Expr) (any, error) { return r.evalAt(r.site(e), e) }

// site returns the compiled site of an expression.
func (r *Runner) site(e ast.Expr) *site {
	sites := r.sites
	if f := r.frame; f != nil {
		if f.sites == nil {
			f.sites = map[ast.Expr]*site{}
		}
		sites = f.sites
	}
	s := sites[e]
	if s == nil {
		if len(sites) >= maxSites {
			clear(sites)
		}
		s = &site{direct: r.directFn(e)}
		sites[e] = s
	}
	return s
}

// evalAt evaluates e, whose site is s.
func (r *Runner) evalAt(s *site, e ast.Expr) (any, error) {
	if s.direct != nil && !r.directOff {
		return s.direct()
	}
	if s.prog == nil {
		prog, err := r.env.compile(e)
		if err != nil {
			return nil, err
		}
		s.prog = prog
	}
	return r.vm.Run(s.prog, nil)
}

// directFn builds the closure of a simple expression, or returns nil.
func (r *Runner) directFn(e ast.Expr) evalFn {
	switch x := e.(type) {
	case *ast.IntLit:
		v := any(int(x.Val))
		return func() (any, error) { return v, nil }
	case *ast.StrLit:
		v := any(x.Val)
		return func() (any, error) { return v, nil }
	case *ast.BoolLit:
		v := any(x.Val)
		return func() (any, error) { return v, nil }
	case *ast.VarRef:
		name := x.Name
		if !name.Simple() {
			return r.composedRead(name) // fieldcache.go
		}
		root := name.Parts[0].Name
		var cache varCache
		return func() (any, error) {
			v := cache.hit(r) // lookup, its hit inlined
			if v == nil {
				v = cache.miss(r, root)
			}
			if v != nil && v.node.t.kind == simpleNode && v.node.hasValue() {
				return v.node.value(), nil
			}
			return r.varOrFunction(name)
		}
	case *ast.Unary:
		op, arg := unaryOps[x.Op], r.directFn(x.X)
		if op == nil || arg == nil {
			return nil
		}
		return func() (any, error) {
			a, err := arg()
			if err != nil {
				return nil, err
			}
			return op(a)
		}
	case *ast.Call:
		return r.directCall(x)
	case *ast.Binary:
		if s := r.strOf(x); s != nil && x.Op == "//" { // strings unboxed (directstr.go)
			return func() (any, error) {
				v, err := s()
				if err != nil {
					return nil, err
				}
				return v, nil
			}
		}
		op, left, right := binaryOps[x.Op], r.directFn(x.X), r.directFn(x.Y)
		if op == nil || left == nil || right == nil {
			return nil
		}
		general := func() (any, error) {
			a, err := left()
			if err != nil {
				return nil, err
			}
			b, err := right()
			if err != nil {
				return nil, err
			}
			return op(a, b)
		}
		if cmp := r.intComparison(x); cmp != nil { // integers unboxed (directint.go)
			return func() (any, error) {
				b, ok, err := cmp()
				if err != nil {
					return nil, err
				}
				if ok {
					return b, nil
				}
				return general()
			}
		}
		return general
	}
	return nil
}
