package golden

import (
	"context"
	"testing"
)

// TestDryRunsAgainstTheCases runs every golden case twice, on its files
// as they are and on a dry run's file system over them (world.DryFS),
// and wants every section of the outcome to be the same: a dry run sees
// what it writes, deletes and renames as the run does.
func TestDryRunsAgainstTheCases(t *testing.T) {
	cases, err := Glob("../../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		c := c
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			var outs [2]Outcome
			for i, dry := range []bool{false, true} {
				out, err := c.RunWith(context.Background(), Options{Dry: dry})
				if err != nil {
					t.Fatal(err)
				}
				outs[i] = out
			}
			for name, real := range outs[0] {
				if dry := outs[1][name]; real != dry {
					t.Errorf("section %s:\nrun:     %q\ndry run: %q", name, real, dry)
				}
			}
			if len(outs[0]) != len(outs[1]) {
				t.Errorf("%d sections, the dry run %d", len(outs[0]), len(outs[1]))
			}
		})
	}
}
