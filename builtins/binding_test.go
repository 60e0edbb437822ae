package builtins

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// TestPlanAgainstBind: for random keys and values on every function, a
// planned binding gives what Function.Bind gives, value for value and
// error for error; where planning fails, Bind fails too.
func TestPlanAgainstBind(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	values := []any{"", "ABC", " 7", 0, 1, -5, 2147483647, true, Keyword("*REVERSE"), Keyword("*R"), Keyword("*LAST"), Keyword("*NONE"), Keyword("*E")}
	planned := 0
	for i := 0; i < 20000; i++ {
		f := Default.funcs[rng.Intn(len(Default.funcs))]
		n := rng.Intn(len(f.Params) + 2)
		keys, args := make([]string, n), make([]Arg, n)
		vals := make([]any, n)
		for k := range keys {
			if rng.Intn(3) == 0 {
				if len(f.Params) > 0 && rng.Intn(6) != 0 {
					name := f.Params[rng.Intn(len(f.Params))].Name
					keys[k] = name[:1+rng.Intn(len(name))]
				} else {
					keys[k] = "NOPE"
				}
			}
			vals[k] = values[rng.Intn(len(values))]
			args[k] = Arg{Key: strings.ToLower(keys[k]), Value: vals[k]}
		}
		want, wantErr := f.Bind(args)
		b, err := f.Plan(keys)
		if err != nil {
			if wantErr == nil {
				t.Fatalf("%s %q: plan fails (%v), Bind gives %v", f.Name, keys, err, want)
			}
			continue
		}
		planned++
		// A second call with other values on the same buffer, as a call
		// site makes it, binds as afresh.
		buf := b.Args()
		other := make([]any, n)
		for k := range other {
			other[k] = values[rng.Intn(len(values))]
		}
		b.Bind(other, buf)
		got, gotErr := b.Bind(vals, buf)
		if fmt.Sprint(got, gotErr) != fmt.Sprint(want, wantErr) {
			t.Fatalf("%s %q %v: planned (%v, %v), Bind (%v, %v)", f.Name, keys, vals, got, gotErr, want, wantErr)
		}
	}
	if planned < 5000 {
		t.Errorf("only %d of the calls planned", planned)
	}
}
