package builtins

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"sdfp/hypervisor/msg"
)

// strictEnv fails the test on everything but Warn: a pure function asks
// nothing else of the run.
type strictEnv struct {
	t        *testing.T
	fn       string
	warnings []string
}

func (e *strictEnv) touched(what string) { e.t.Errorf("%s is Pure but asks Env for %s", e.fn, what) }

func (e *strictEnv) Now() time.Time                 { e.touched("Now"); return time.Time{} }
func (e *strictEnv) ReturnCode() (int, int, string) { e.touched("ReturnCode"); return 0, 0, "" }
func (e *strictEnv) JV(string) (string, error)      { e.touched("JV"); return "", nil }
func (e *strictEnv) Language() string               { e.touched("Language"); return "E" }
func (e *strictEnv) Variables() VariableInfo        { e.touched("Variables"); return nil }
func (e *strictEnv) Task() TaskInfo                 { e.touched("Task"); return TaskInfo{} }
func (e *strictEnv) Software() []Software           { e.touched("Software"); return nil }
func (e *strictEnv) Warn(m msg.Message)             { e.warnings = append(e.warnings, m.Key) }
func (e *strictEnv) LibraryElements(string, string) ([]string, error) {
	e.touched("LibraryElements")
	return nil, nil
}
func (e *strictEnv) Message(string, string, []string) (string, bool) {
	e.touched("Message")
	return "", false
}

// TestPureFunctions: every function marked Pure asks Env for nothing but
// warnings, and gives the same result and warnings for the same
// arguments each time.
func TestPureFunctions(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	values := []any{"", "ABC", "abcdef", " 7", "-12", "Äbß", "'", 0, 1, 2, -5, 40, 2147483647, true, false}
	pure := 0
	for _, f := range Default.funcs {
		if !f.Pure {
			continue
		}
		pure++
		for i := 0; i < 300; i++ {
			args := make([]Arg, rng.Intn(len(f.Params)+1))
			for k := range args {
				args[k].Value = values[rng.Intn(len(values))]
				if kws := f.Params[k].Keywords; len(kws) > 0 && rng.Intn(3) == 0 {
					args[k].Value = Keyword(kws[rng.Intn(len(kws))])
				}
			}
			var outcome [2]string
			for n := range outcome {
				env := &strictEnv{t: t, fn: f.Name}
				v, err := f.Call(env, args)
				outcome[n] = fmt.Sprintf("%#v %v %v", v, err, env.warnings)
			}
			if outcome[0] != outcome[1] {
				t.Fatalf("%s%v: %s, then %s", f.Name, args, outcome[0], outcome[1])
			}
		}
	}
	if pure < 10 {
		t.Errorf("only %d pure functions", pure)
	}
}
