package interp

import (
	"fmt"

	"github.com/expr-lang/expr"
	exprast "github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	exprparser "github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"

	"sdfp/builtins"
	"sdfp/parser/ast"
)

// The expression bridge. SDF-P text is never handed to expr: its lexer
// would read // as a comment, '' as an error and N-1 as a subtraction.
// Instead our expression tree is translated once per expression site into
// an expr syntax tree in which every operator is a call of a registered
// function with SDF-P semantics (ops.go), every variable a call of VAR
// with the index of its name, every builtin call a call of FN with the
// index of its call site. The tree is checked and compiled by expr and the
// program runs on the runner's reused VM. expr's own builtins are
// disabled: some read the wall clock.

// exprEnv holds the per-runner tables the registered functions index.
type exprEnv struct {
	r     *Runner
	names []*ast.VarName
	calls []*ast.Call
	jvs   []*ast.JVPart
	cfg   *conf.Config // built by the first compile (config)
}

func newExprEnv(r *Runner) *exprEnv { return &exprEnv{r: r} }

// config is expr's configuration for the runner, built when the first
// expression goes to expr: a run whose expressions all take the direct
// paths never needs it, and building it was 14% of a scenario of sdfp
// explore (its functions and the table of expr's builtins to disable).
func (e *exprEnv) config() *conf.Config {
	if e.cfg != nil {
		return e.cfg
	}
	cfg := conf.CreateNew()
	opts := []expr.Option{expr.DisableAllBuiltins()}
	for name, fn := range binaryOps {
		fn := fn
		opts = append(opts, expr.Function(opName(name), func(p ...any) (any, error) { return fn(p[0], p[1]) }))
	}
	for name, fn := range unaryOps {
		fn := fn
		opts = append(opts, expr.Function("U"+opName(name), func(p ...any) (any, error) { return fn(p[0]) }))
	}
	opts = append(opts,
		expr.Function("VAR", func(p ...any) (any, error) { return e.variable(p[0].(int)) }),
		expr.Function("FN", func(p ...any) (any, error) { return e.call(p[0].(int), p[1:]) }),
		expr.Function("JVPART", func(p ...any) (any, error) { return e.jvPart(p[0].(int)) }),
	)
	for _, o := range opts {
		o(cfg)
	}
	for name := range cfg.Disabled {
		delete(cfg.Builtins, name)
	}
	cfg.Check()
	e.cfg = cfg
	return cfg
}

// opName gives each SDF-P operator an identifier expr accepts.
func opName(op string) string {
	switch op {
	case "+":
		return "ADD"
	case "-":
		return "SUB"
	case "*":
		return "MUL"
	case "/":
		return "DIV"
	case "//":
		return "CAT"
	case "=":
		return "EQ"
	case "<>":
		return "NE"
	case "<":
		return "LT"
	case ">":
		return "GT"
	case "<=":
		return "LE"
	case ">=":
		return "GE"
	case "NOT":
		return "NOT"
	}
	return op // MOD AND OR XOR
}

// compile translates and compiles one expression site.
func (e *exprEnv) compile(x ast.Expr) (*vm.Program, error) {
	node, err := e.translate(x)
	if err != nil {
		return nil, err
	}
	tree := &exprparser.Tree{Node: node}
	cfg := e.config()
	if _, err := checker.Check(tree, cfg); err != nil {
		return nil, fmt.Errorf("internal error compiling %s: %w", x.String(), err)
	}
	return compiler.Compile(tree, cfg)
}

func call(name string, args ...exprast.Node) exprast.Node {
	return &exprast.CallNode{Callee: &exprast.IdentifierNode{Value: name}, Arguments: args}
}

func (e *exprEnv) translate(x ast.Expr) (exprast.Node, error) {
	switch x := x.(type) {
	case *ast.IntLit:
		return &exprast.IntegerNode{Value: int(x.Val)}, nil
	case *ast.StrLit:
		return &exprast.StringNode{Value: x.Val}, nil
	case *ast.BoolLit:
		return &exprast.BoolNode{Value: x.Val}, nil
	case *ast.KeywordLit:
		return &exprast.ConstantNode{Value: builtins.Keyword(x.Val)}, nil
	case *ast.VarRef:
		e.names = append(e.names, x.Name)
		return call("VAR", &exprast.IntegerNode{Value: len(e.names) - 1}), nil
	case *ast.JVPart:
		e.jvs = append(e.jvs, x)
		return call("JVPART", &exprast.IntegerNode{Value: len(e.jvs) - 1}), nil
	case *ast.Call:
		e.calls = append(e.calls, x)
		args := []exprast.Node{&exprast.IntegerNode{Value: len(e.calls) - 1}}
		for _, a := range x.Args {
			n, err := e.translate(a.Value)
			if err != nil {
				return nil, err
			}
			args = append(args, n)
		}
		return call("FN", args...), nil
	case *ast.Unary:
		n, err := e.translate(x.X)
		if err != nil {
			return nil, err
		}
		return call("U"+opName(x.Op), n), nil
	case *ast.Binary:
		a, err := e.translate(x.X)
		if err != nil {
			return nil, err
		}
		b, err := e.translate(x.Y)
		if err != nil {
			return nil, err
		}
		return call(opName(x.Op), a, b), nil
	case *ast.Subst:
		return nil, replacementLeft.err(x.Raw)
	}
	return nil, fmt.Errorf("unknown expression node %T", x)
}

// variable reads a variable; a name that is no variable but a builtin
// function is called without arguments (SUBCODE1, MAINCODE ...).
func (e *exprEnv) variable(i int) (any, error) { return e.r.varOrFunction(e.names[i]) }

// varOrFunction reads a variable; a name that is no variable but a
// builtin function is called without arguments (SUBCODE1, MAINCODE ...).
func (r *Runner) varOrFunction(name *ast.VarName) (any, error) {
	v, found, err := r.readVar(name)
	if found || err != nil {
		return v, err
	}
	if name.Simple() {
		if f := r.funcs.Lookup(name.Parts[0].Name); f != nil {
			return r.callFunction(f, nil)
		}
	}
	return nil, varNotDeclared.err(name.Text)
}

func (e *exprEnv) call(i int, vals []any) (any, error) {
	c := e.calls[i]
	f := e.r.funcs.Lookup(c.Name)
	if f == nil {
		return nil, e.r.unknownFunction(c.Name)
	}
	args := make([]builtins.Arg, len(vals))
	for k, v := range vals {
		if ref, ok := v.(complexRef); ok {
			_ = ref
			return nil, functionComplexArg.err(c.Name)
		}
		args[k] = builtins.Arg{Key: c.Args[k].Key, Value: v}
	}
	return e.r.callFunction(f, args)
}

// callFunction binds arguments and calls a builtin.
func (r *Runner) callFunction(f *builtins.Function, args []builtins.Arg) (any, error) {
	bound, err := f.Bind(args)
	if err != nil {
		return nil, err
	}
	return r.callBound(f, bound)
}

// callBound calls a builtin with its bound arguments; an INTEGER result
// outside SDF-P's range is an error.
func (r *Runner) callBound(f *builtins.Function, bound []any) (any, error) {
	v, err := f.Impl(r.builtinEnv(), bound)
	if err != nil {
		return nil, err
	}
	if n, ok := v.(int); ok && (n < minInt || n > maxInt) {
		return nil, functionOverflow.err(f.Name, fmt.Sprint(n))
	}
	return v, nil
}

func (e *exprEnv) jvPart(i int) (any, error) {
	p := e.jvs[i]
	v, err := e.r.builtinEnv().JV(p.JV)
	if err != nil {
		return nil, err
	}
	start, n := int(p.Start)-1, int(p.Length)
	if start >= len(v) {
		return "", nil
	}
	if start+n > len(v) {
		n = len(v) - start
	}
	return v[start : start+n], nil
}
