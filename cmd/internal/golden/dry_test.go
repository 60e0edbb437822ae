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
	eachCase(t, func(t *testing.T, c *Case) {
		var outs [2]Outcome
		for i, dry := range []bool{false, true} {
			out, err := c.RunWith(context.Background(), Options{Dry: dry})
			if err != nil {
				t.Fatal(err)
			}
			outs[i] = out
		}
		sameOutcomes(t, outs[0], outs[1], "run", "dry run")
	})
}
