package interp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"sdfp/builtins"
	"sdfp/hypervisor/msg"
	"sdfp/parser/ast"
)

// The builtin calls of the direct path (directcall.go) against expr: for
// random calls of every function of the table, with random keys
// (positional, full, abbreviated, unknown, repeated) and random argument
// values (literals, keywords, variables, operators and nested calls),
// both paths give the same value, or fail with the same message key and
// inserts, and print the same warnings (SDP0412, SDP0414).

// randCall builds a random call of a function of the table (now and then
// of an unknown one), whose arguments are random too.
func randCall(rng *rand.Rand, fns []*builtins.Function, depth int) *ast.Call {
	f := fns[rng.Intn(len(fns))]
	if rng.Intn(3) == 0 { // a third of the calls of a function with a typed implementation
		var typed []*builtins.Function
		for _, g := range fns {
			if g.Str != nil || g.Int != nil {
				typed = append(typed, g)
			}
		}
		f = typed[rng.Intn(len(typed))]
	}
	c := &ast.Call{Name: f.Name}
	switch rng.Intn(12) {
	case 0:
		c.Name = "NO-SUCH-FUNCTION"
	case 1:
		if len(f.Aliases) > 0 {
			c.Name = f.Aliases[0]
		}
	case 2:
		c.Name = strings.ToLower(c.Name)
	}
	n := rng.Intn(len(f.Params) + 2)
	keyed := false
	for k := 0; k < n; k++ {
		a := &ast.CallArg{}
		if k < len(f.Params) && (keyed || rng.Intn(3) == 0) || k >= len(f.Params) && rng.Intn(2) == 0 {
			keyed = rng.Intn(8) != 0 // a positional argument after a keyword one now and then
			a.Key = randKey(rng, f, k)
		}
		a.Value = randArg(rng, fns, f, k, depth)
		c.Args = append(c.Args, a)
	}
	return c
}

// randKey is the keyword of argument k: its own parameter's name, another
// one's, an abbreviation, or one the function does not have.
func randKey(rng *rand.Rand, f *builtins.Function, k int) string {
	if len(f.Params) == 0 || rng.Intn(10) == 0 {
		return "NO-SUCH-PARAM"
	}
	name := f.Params[rng.Intn(len(f.Params))].Name
	if k < len(f.Params) && rng.Intn(2) == 0 {
		name = f.Params[k].Name
	}
	switch rng.Intn(4) {
	case 0: // abbreviated per hyphen part: BEGIN-COLUMN as B-C
		parts := strings.Split(name, "-")
		for i, p := range parts {
			parts[i] = p[:1+rng.Intn(len(p))]
		}
		return strings.Join(parts, "-")
	case 1:
		return strings.ToLower(name)
	}
	return name
}

// randArg is a value for argument k: mostly one its parameter takes.
func randArg(rng *rand.Rand, fns []*builtins.Function, f *builtins.Function, k, depth int) ast.Expr {
	switch rng.Intn(7) {
	case 0:
		if depth > 0 {
			return randCall(rng, fns, depth-1)
		}
	case 1:
		if k < len(f.Params) && len(f.Params[k].Keywords) > 0 {
			kw := f.Params[k].Keywords[rng.Intn(len(f.Params[k].Keywords))]
			if rng.Intn(3) == 0 { // abbreviated, possibly ambiguously
				kw = kw[:2+rng.Intn(len(kw)-1)]
			}
			return &ast.KeywordLit{Val: kw}
		}
		return &ast.KeywordLit{Val: []string{"*ISO", "*STD", "*REVERSE", "*R", "*NOPE", "*E"}[rng.Intn(6)]}
	case 2:
		vals := []string{"", "A", "Abc", "ABCDEFGHIJ", "  12 ", "-7", "+3", "2147483648", "X", "(A,B)", "*P(1,2)", "Äbß", "S", "A#1", "2026-12-02", "12/02/2026"}
		return &ast.StrLit{Val: vals[rng.Intn(len(vals))]}
	case 3:
		vals := []int32{0, 1, 2, 3, -1, 5, 100, 2147483647, -2147483648}
		return &ast.IntLit{Val: vals[rng.Intn(len(vals))]}
	case 4:
		if depth > 0 {
			return &ast.Binary{Op: "+", X: randCall(rng, fns, depth-1), Y: randExpr(rng, 1)}
		}
	case 5:
		if depth > 0 {
			return randConcat(rng, fns, depth-1)
		}
	}
	return randExpr(rng, 2)
}

// randConcat is a concatenation with a call on one side (the unboxed
// strings of directstr.go) and on the other a call, a literal, a
// concatenation or any expression (a value that is no string among them).
func randConcat(rng *rand.Rand, fns []*builtins.Function, depth int) ast.Expr {
	var other ast.Expr
	switch rng.Intn(4) {
	case 0:
		other = randCall(rng, fns, depth)
	case 1:
		other = &ast.StrLit{Val: []string{"", "XYZ", "Äb"}[rng.Intn(3)]}
	case 2:
		if depth > 0 {
			other = randConcat(rng, fns, depth-1)
		} else {
			other = &ast.StrLit{Val: "Q"}
		}
	default:
		other = randExpr(rng, 1)
	}
	call := ast.Expr(randCall(rng, fns, depth))
	if rng.Intn(2) == 0 {
		return &ast.Binary{Op: "//", X: call, Y: other}
	}
	return &ast.Binary{Op: "//", X: other, Y: call}
}

// evalOutcome evaluates e and describes the outcome: the value, or the
// message of the failure, and what the runner printed meanwhile.
func evalOutcome(r *Runner, out *bytes.Buffer, e ast.Expr) string {
	out.Reset()
	v, err := r.eval(e)
	if err == nil {
		return fmt.Sprintf("%T %#v | %s", v, v, out)
	}
	var f *msg.Failure
	if !errors.As(err, &f) {
		return "non-message error " + err.Error()
	}
	return fmt.Sprintf("error SC1 %d %s %#v | %s", f.SC1, f.Msg.Key, f.Msg.Inserts, out)
}

func TestDifferentialCalls(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	fns := builtins.Default.Functions()
	var outs [2]bytes.Buffer
	direct, viaExpr := runnerWithVars(t, true), runnerWithVars(t, false)
	direct.sysout, viaExpr.sysout = &outs[0], &outs[1]
	ran, values, failures, typed, typedArgs, fast := 0, 0, 0, 0, 0, 0
	for i := 0; i < 30000; i++ {
		var e ast.Expr = randCall(rng, fns, 2)
		if i%4 == 0 {
			e = randConcat(rng, fns, 2)
		}
		// twice: the second call reuses the site's buffers
		got, want := evalOutcome(direct, &outs[0], e), evalOutcome(viaExpr, &outs[1], e)
		again := evalOutcome(direct, &outs[0], e)
		if got != want || again != want {
			t.Fatalf("%s:\ndirect %s\nagain  %s\nexpr   %s", e, got, again, want)
		}
		if reflect.ValueOf(direct.site(e).direct).IsNil() {
			continue
		}
		if b, ok := e.(*ast.Binary); ok && direct.strOf(b) != nil {
			typed++
		}
		if c, ok := e.(*ast.Call); ok {
			if t := direct.typedSite(c); t != nil {
				typedArgs++
				if _, ok := direct.fastArgs(c, t); ok {
					fast++
				}
			}
		}
		ran++
		if strings.HasPrefix(got, "error") {
			failures++
		} else {
			values++
		}
	}
	t.Logf("%d direct, %d values, %d errors, %d concatenations unboxed, %d calls with typed arguments, %d of them fast",
		ran, values, failures, typed, typedArgs, fast)
	if ran < 5000 || values < 1000 || failures < 1000 || typed < 400 || typedArgs < 1500 || fast < 200 {
		t.Errorf("generator too one-sided: %d calls direct, %d values, %d errors, %d concatenations unboxed, %d calls with typed arguments, %d fast",
			ran, values, failures, typed, typedArgs, fast)
	}
}

// A structure handed to a function is refused on both paths alike.
func TestDirectCallComplexArgument(t *testing.T) {
	src := `/DECLARE-VARIABLE ST(TYPE=*STRUCTURE(*DYNAMIC))
/ST.A = 'X'
/N = LENGTH(ST)
`
	var msgs [2]string
	for i, directOn := range []bool{true, false} {
		var out bytes.Buffer
		r := New(WithStdout(&out), WithDirectEval(directOn))
		res := r.RunSource(context.Background(), "c.proc", src, nil)
		if res.Err == nil {
			t.Fatalf("direct %v: no error", directOn)
		}
		msgs[i] = res.Err.Error() + " | " + out.String()
	}
	if msgs[0] != msgs[1] {
		t.Errorf("direct: %s\nexpr:   %s", msgs[0], msgs[1])
	}
}

// A nested call compiles once per level: the typed site of LENGTH(
// UPPER-CASE(UPPER-CASE(...))) and its fast call share what they compile
// of their argument, and a STRING argument is compiled without the
// general way beside it. Compiling each level's argument twice made the
// work double with every level (three times with fast calls): twelve
// levels took 1.46 s. Twice the depth must cost about twice the
// allocations, not 2^8 times as many (two calls a level).
func TestNestedCallsCompileOnce(t *testing.T) {
	allocs := func(depth int) float64 {
		e := "'a'"
		for i := 0; i < depth; i++ {
			e = "UPPER-CASE(SUBSTRING(" + e + ", 1, 1))"
		}
		src := "/N = LENGTH(" + e + ")\n"
		return testing.AllocsPerRun(3, func() {
			if res := New().RunSource(context.Background(), "n.proc", src, nil); res.Err != nil {
				t.Fatal(res.Err)
			}
		})
	}
	if a4, a8 := allocs(4), allocs(8); a8 > 3*a4 {
		t.Errorf("%.0f allocations for 8 nested levels against %.0f for 4: compiling grows faster than the depth", a8, a4)
	}
}
