package golden

import (
	"context"
	"flag"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected sections of the golden cases")

// TestCases runs every case under testdata/ of the repository.
func TestCases(t *testing.T) {
	cases, err := Glob("../../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases found")
	}
	for _, c := range cases {
		c := c
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			out, err := c.Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := c.Update(out); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, d := range c.Diff(out) {
				t.Error(d)
			}
			if t.Failed() {
				t.Log("run go test ./cmd/internal/golden -update (or sdfp test -update) to accept")
			}
			if p := out[LintSection]; p != "" {
				t.Errorf("messages printed wrong:\n%s", p)
			}
		})
	}
}
