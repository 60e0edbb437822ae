package interp

import (
	"bytes"
	"context"
	"testing"
)

// TestExprConfigOnDemand: a runner builds expr's configuration only when
// an expression goes to expr, so a run whose expressions all run
// directly never builds it; with the direct evaluation off the same
// procedure builds it and prints the same.
func TestExprConfigOnDemand(t *testing.T) {
	const src = "/DECLARE-VARIABLE N(TYPE=*INTEGER)\n/N = 1 + 2\n/WRITE-TEXT 'N=&N'\n"
	var direct, general bytes.Buffer
	r := New(WithStdout(&direct))
	if res := r.RunSource(context.Background(), "p.proc", src, nil); res.Err != nil {
		t.Fatal(res.Err)
	}
	if r.env.cfg != nil {
		t.Error("a run of direct expressions built expr's configuration")
	}
	g := New(WithStdout(&general), WithDirectEval(false))
	if res := g.RunSource(context.Background(), "p.proc", src, nil); res.Err != nil {
		t.Fatal(res.Err)
	}
	if g.env.cfg == nil {
		t.Error("a run on expr left expr's configuration unbuilt")
	}
	if direct.String() != general.String() || direct.String() != "N=3\n" {
		t.Errorf("direct run printed %q, the run on expr %q", direct.String(), general.String())
	}
}
