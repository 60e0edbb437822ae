package golden

import (
	"context"
	"sync"
	"testing"

	"sdfp/interp"
)

// TestCasesShareParsedTrees runs every golden case three times at once,
// all cases in parallel, every run taking its procedures from one
// interp.ProcedureCache (as the scenarios of sdfp explore do), and wants
// each run to give the case's expected sections byte for byte. Under `go
// test -race` it shows that no run of any case writes into the trees it
// shares with the others, and that the sessions of an installation with
// site commands share its catalog (session.Options.Procedures) safely.
func TestCasesShareParsedTrees(t *testing.T) {
	cases, err := Glob("../../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	cache := interp.NewProcedureCache()
	for _, c := range cases {
		if c.Name == "lang/runaway" && (testing.Short() || raceEnabled) {
			continue // a million steps, which the other tests run
		}
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			const runs = 3
			outs := make([]Outcome, runs)
			errs := make([]error, runs)
			var wg sync.WaitGroup
			for i := range runs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					outs[i], errs[i] = c.RunWith(context.Background(), Options{Procedures: cache})
				}()
			}
			wg.Wait()
			for i := range runs {
				if errs[i] != nil {
					t.Fatal(errs[i])
				}
				for _, d := range c.Diff(outs[i]) {
					t.Errorf("run %d: %v", i, d)
				}
			}
		})
	}
}
