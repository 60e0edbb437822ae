package golden

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"sdfp/interp"
)

// TestFastPathsAgainstReference runs every golden case twice, with the
// interpreter's fast paths (command plans, unboxed integers, site caches,
// direct evaluation) and on its reference paths alone (Options.Reference),
// and wants every section of the outcome (SYSOUT, console, SYSLST, JVs,
// files, the result) and every traced command, with its position, level,
// return code and branch, to be the same (issue 18).
func TestFastPathsAgainstReference(t *testing.T) {
	eachCase(t, func(t *testing.T, c *Case) {
		var outs [2]Outcome
		var traces [2][]string
		for i, ref := range []bool{false, true} {
			trace := &traces[i]
			out, err := c.RunWith(context.Background(), Options{Reference: ref, Trace: func(e interp.TraceEvent) {
				*trace = append(*trace, fmt.Sprintf("%s:%d:%d L%d %s %v %v %v", e.Pos.Filename, e.Pos.Line, e.Pos.Column, e.Level, e.Text, e.RC, e.Branch, e.Time))
			}})
			if err != nil {
				t.Fatal(err)
			}
			outs[i] = out
		}
		sameOutcomes(t, outs[0], outs[1], "fast", "reference")
		if a, b := strings.Join(traces[0], "\n"), strings.Join(traces[1], "\n"); a != b {
			t.Errorf("traces differ:\nfast:\n%s\nreference:\n%s", a, b)
		}
	})
}

// eachCase runs test on every golden case of the project, in parallel
// subtests named after the cases.
func eachCase(t *testing.T, test func(t *testing.T, c *Case)) {
	cases, err := Glob("../../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			test(t, c)
		})
	}
}

// sameOutcomes wants two runs of one case to have the same sections with
// the same texts; a and b name the runs in the report.
func sameOutcomes(t *testing.T, x, y Outcome, a, b string) {
	t.Helper()
	for name, xs := range x {
		if ys := y[name]; xs != ys {
			t.Errorf("section %s:\n%-10s %q\n%-10s %q", name, a+":", xs, b+":", ys)
		}
	}
	if len(x) != len(y) {
		t.Errorf("%d sections, %s %d", len(x), b, len(y))
	}
}
