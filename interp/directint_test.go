package interp

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"testing"

	"sdfp/builtins"
	"sdfp/hypervisor/msg"
	"sdfp/parser/ast"
)

// The unboxed integer path (directint.go) with builtin calls inside
// integer expressions, against expr: an expression evaluated as a planned
// assignment evaluates it (the integer path, and the general one where it
// gives way) gives the same value or the same failure, and prints the
// same warnings once, as the same expression on expr. The calls' effects
// (SUBSTRING's SDP0412 and SDP0414 in an argument) show a call run twice.

// randIntExpr is a random integer expression around calls: literals near
// the range's ends, variables of every type, INTEGER functions with
// random arguments, the arithmetic operators, signs and comparisons.
func randIntExpr(rng *rand.Rand, fns, intFns []*builtins.Function, depth int) ast.Expr {
	if depth == 0 || rng.Intn(4) == 0 {
		switch rng.Intn(5) {
		case 0, 1:
			c := randCall(rng, intFns, 1)
			if rng.Intn(3) == 0 && len(c.Args) > 0 {
				// an argument with a warning: SUBSTRING past the end
				c.Args[0].Value = &ast.Call{Name: "SUBSTRING", Args: []*ast.CallArg{
					{Value: &ast.StrLit{Val: "ABC"}}, {Value: &ast.IntLit{Val: int32(rng.Intn(5))}}, {Value: &ast.IntLit{Val: 9}}}}
			}
			return c
		case 2:
			vals := []int32{0, 1, 3, -1, 2147483647, -2147483648, 2147483646}
			return &ast.IntLit{Val: vals[rng.Intn(len(vals))]}
		}
		return randExpr(rng, 0)
	}
	ops := []string{"+", "-", "*", "/", "MOD", "+", "-", "=", "<", ">="}
	if rng.Intn(6) == 0 {
		return &ast.Unary{Op: []string{"-", "+"}[rng.Intn(2)], X: randIntExpr(rng, fns, intFns, depth-1)}
	}
	return &ast.Binary{Op: ops[rng.Intn(len(ops))], X: randIntExpr(rng, fns, intFns, depth-1), Y: randIntExpr(rng, fns, intFns, depth-1)}
}

// evalPlanned evaluates e through a site as setPlanned does: the integer
// path first, the general one where it gives way; path says which gave
// the outcome.
func evalPlanned(r *Runner, out *bytes.Buffer, s *site, e ast.Expr) (outcome, path string) {
	out.Reset()
	var v any
	var n int
	var ok bool
	var err error
	if s.ints != nil { // neither ok nor an error: the site gives way
		n, ok, err = s.ints()
	}
	switch {
	case ok:
		v, path = n, "int"
	case err != nil:
		path = "int error"
	default:
		path = "general"
		v, err = r.evalAt(s, e)
	}
	if err == nil {
		return fmt.Sprintf("%T %#v | %s", v, v, out), path
	}
	var f *msg.Failure
	if !errors.As(err, &f) {
		return "non-message error " + err.Error(), path
	}
	return fmt.Sprintf("error SC1 %d %s %#v | %s", f.SC1, f.Msg.Key, f.Msg.Inserts, out), path
}

func TestDifferentialIntCalls(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	fns := builtins.Default.Functions()
	var intFns []*builtins.Function
	for _, f := range fns {
		if f.Result == builtins.TypeInteger {
			intFns = append(intFns, f)
		}
	}
	var outs [2]bytes.Buffer
	direct, viaExpr := runnerWithVars(t, true), runnerWithVars(t, false)
	direct.sysout, viaExpr.sysout = &outs[0], &outs[1]
	paths := map[string]int{}
	withCalls := 0
	for i := 0; i < 15000; i++ {
		e := randIntExpr(rng, fns, intFns, 3)
		s := direct.planSite(e)
		want := evalOutcome(viaExpr, &outs[1], e)
		got, path := evalPlanned(direct, &outs[0], s, e)
		again, _ := evalPlanned(direct, &outs[0], s, e) // the site's buffers reused
		if got != want || again != want {
			t.Fatalf("%s (%s):\nplanned %s\nagain   %s\nexpr    %s", e, path, got, again, want)
		}
		if s.ints != nil {
			paths[path]++
			if _, effects := direct.intOf(e); effects {
				withCalls++
			}
		}
	}
	t.Logf("integer sites by outcome %v, %d with calls", paths, withCalls)
	if paths["int"] < 1500 || paths["int error"] < 250 || paths["general"] < 500 || withCalls < 500 {
		t.Errorf("generator too one-sided: %v, %d with calls", paths, withCalls)
	}
}
