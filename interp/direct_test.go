package interp

import (
	"bytes"
	"context"
	"math/rand"
	"testing"

	"sdfp/lexer"
	"sdfp/lexer/ebcdic"
	"sdfp/parser/ast"
)

// refEval is a small reference evaluator written independently of ops.go:
// int64 arithmetic checked against the 32-bit range, comparisons of equal
// types only, // on strings, logic on booleans. It returns ok=false for
// any error.
func refEval(e ast.Expr, vars map[string]any) (any, bool) {
	switch x := e.(type) {
	case *ast.IntLit:
		return int(x.Val), true
	case *ast.StrLit:
		return x.Val, true
	case *ast.BoolLit:
		return x.Val, true
	case *ast.VarRef:
		v, ok := vars[x.Name.Text]
		return v, ok
	case *ast.Unary:
		a, ok := refEval(x.X, vars)
		if !ok {
			return nil, false
		}
		switch x.Op {
		case "NOT":
			b, isB := a.(bool)
			return !b, isB
		case "-":
			n, isN := a.(int)
			return fit(-int64(n)), isN && inRange(-int64(n))
		case "+":
			_, isN := a.(int)
			return a, isN
		}
	case *ast.Binary:
		a, ok1 := refEval(x.X, vars)
		b, ok2 := refEval(x.Y, vars)
		if !ok1 || !ok2 {
			return nil, false
		}
		switch x.Op {
		case "+", "-", "*", "/", "MOD":
			m, isM := a.(int)
			n, isN := b.(int)
			if !isM || !isN {
				return nil, false
			}
			p, q := int64(m), int64(n)
			var r int64
			switch x.Op {
			case "+":
				r = p + q
			case "-":
				r = p - q
			case "*":
				r = p * q
			case "/", "MOD":
				if q == 0 {
					return nil, false
				}
				if x.Op == "/" {
					r = p / q
				} else {
					r = p % q
				}
			}
			return fit(r), inRange(r)
		case "//":
			s, isS := a.(string)
			t, isT := b.(string)
			return s + t, isS && isT && len(s)+len(t) <= 4096
		case "AND", "OR", "XOR":
			p, isP := a.(bool)
			q, isQ := b.(bool)
			if !isP || !isQ {
				return nil, false
			}
			switch x.Op {
			case "AND":
				return p && q, true
			case "OR":
				return p || q, true
			}
			return p != q, true
		default:
			c, ok := refCompare(a, b)
			if !ok {
				return nil, false
			}
			return map[string]bool{"=": c == 0, "<>": c != 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0}[x.Op], true
		}
	}
	return nil, false
}

func inRange(n int64) bool { return n >= -2147483648 && n <= 2147483647 }

func fit(n int64) any {
	if !inRange(n) {
		return nil
	}
	return int(n)
}

func refCompare(a, b any) (int, bool) {
	switch x := a.(type) {
	case int:
		y, ok := b.(int)
		switch {
		case !ok:
			return 0, false
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		}
		return 0, true
	case bool:
		y, ok := b.(bool)
		if !ok {
			return 0, false
		}
		xi, yi := 0, 0
		if x {
			xi = 1
		}
		if y {
			yi = 1
		}
		return xi - yi, true
	case string:
		y, ok := b.(string)
		if !ok {
			return 0, false
		}
		// EBCDIC order: the values' EBCDIC bytes, a prefix the smaller
		return bytes.Compare(ebcdic.Encode(x), ebcdic.Encode(y)), true
	}
	return 0, false
}

var testVars = map[string]any{"A": 7, "B": -3, "BIG": 2147483647, "S": "Abc", "T": "abc9", "E": "", "F": true, "G": false}

var binOps = []string{"+", "-", "*", "/", "MOD", "//", "=", "<>", "<", ">", "<=", ">=", "AND", "OR", "XOR"}

// randExpr builds a random expression of the given depth.
func randExpr(rng *rand.Rand, depth int) ast.Expr {
	if depth == 0 || rng.Intn(4) == 0 {
		switch rng.Intn(6) {
		case 0:
			vals := []int32{0, 1, 2, -1, 7, 1000, 65536, 2147483647, -2147483648}
			return &ast.IntLit{Val: vals[rng.Intn(len(vals))]}
		case 1:
			vals := []string{"", "A", "a", "Abc", "ABC", "9", "Z", "ä", "Äb", "ß"}
			return &ast.StrLit{Val: vals[rng.Intn(len(vals))]}
		case 2:
			return &ast.BoolLit{Val: rng.Intn(2) == 0}
		default:
			names := []string{"A", "B", "BIG", "S", "T", "E", "F", "G"}
			n := names[rng.Intn(len(names))]
			return &ast.VarRef{Name: &ast.VarName{Text: n, Parts: []ast.NamePart{{Name: n}}}}
		}
	}
	if rng.Intn(5) == 0 {
		ops := []string{"-", "+", "NOT"}
		return &ast.Unary{Op: ops[rng.Intn(3)], X: randExpr(rng, depth-1)}
	}
	return &ast.Binary{Op: binOps[rng.Intn(len(binOps))], X: randExpr(rng, depth-1), Y: randExpr(rng, depth-1)}
}

// TestDifferentialEval: for random expressions, the direct path, the expr
// path and the reference evaluator agree on the value, or all fail.
func TestDifferentialEval(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	direct, viaExpr := runnerWithVars(t, true), runnerWithVars(t, false)
	agreed, failed := 0, 0
	for i := 0; i < 20000; i++ {
		e := randExpr(rng, 4)
		want, ok := refEval(e, testVars)
		for _, r := range []*Runner{direct, viaExpr} {
			got, err := r.eval(e)
			if ok != (err == nil) || ok && got != want {
				t.Fatalf("%s: reference (%v, %v), runner (direct off: %v) (%v, %v)", e, want, ok, r.directOff, got, err)
			}
		}
		if ok {
			agreed++
		} else {
			failed++
		}
	}
	if agreed < 1000 || failed < 1000 {
		t.Errorf("generator too one-sided: %d values, %d errors", agreed, failed)
	}
}

// Parsed source, function calls included (they always run on expr),
// gives the same values with and without the direct path.
func TestDirectAndExprOnSource(t *testing.T) {
	cases := map[string]any{
		"A + B * 2": 1, "S // T": "Abcabc9", "(A > B) AND NOT F": false, "A / (B + 3) = 1": nil,
		"LENGTH(S // T) + A": 14, "SUBSTR(T, 2, 2) // STRING(A)": "bc7", "UPPER-CASE(S) = 'ABC'": true,
	}
	for src, want := range cases {
		var results []any
		for _, direct := range []bool{true, false} {
			r := runnerWithVars(t, direct)
			e, err := parseExprForTest(src)
			if err != nil {
				t.Fatal(err)
			}
			got, err := r.eval(e)
			if err != nil {
				got = nil
			}
			results = append(results, got)
		}
		if results[0] != want || results[1] != want {
			t.Errorf("%s: direct %v, expr %v, want %v", src, results[0], results[1], want)
		}
	}
}

// runnerWithVars returns a runner positioned inside a procedure level
// that holds testVars.
func runnerWithVars(t *testing.T, direct bool) *Runner {
	t.Helper()
	r := New(WithDirectEval(direct))
	r.ctx = context.Background()
	r.frame = &frame{locals: newScope(), implicitDecl: true, labels: map[*ast.Stmt]map[string]int{}}
	for name, v := range testVars {
		if err := r.assign(&ast.VarName{Text: name, Parts: []ast.NamePart{{Name: name}}}, v, modeReplace); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func parseExprForTest(src string) (ast.Expr, error) {
	p := New().parser
	cmd, errs := p.ParseCommand(lexer.NewUnit("X = "+src, lexer.Pos{Line: 1, Column: 1}))
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return cmd.Args.Get("VALUE").Expr, nil
}
