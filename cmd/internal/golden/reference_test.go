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
	cases, err := Glob("../../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		c := c
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
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
			for name, fast := range outs[0] {
				if ref := outs[1][name]; fast != ref {
					t.Errorf("section %s:\nfast:      %q\nreference: %q", name, fast, ref)
				}
			}
			if len(outs[0]) != len(outs[1]) {
				t.Errorf("%d sections, the reference %d", len(outs[0]), len(outs[1]))
			}
			if a, b := strings.Join(traces[0], "\n"), strings.Join(traces[1], "\n"); a != b {
				t.Errorf("traces differ:\nfast:\n%s\nreference:\n%s", a, b)
			}
		})
	}
}
