package golden

import (
	"context"
	"strings"
	"sync"
	"testing"

	"sdfp/interp"
)

// TestSourcesMatchRuns holds Sources to what RunWith puts into the
// workdir: every file the project's cases run commands from is a source
// of its case, with the line the trace names, and the procedure a
// proc-file section names is known by its real path.
func TestSourcesMatchRuns(t *testing.T) {
	cases, err := Glob("../../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	procFiles := 0
	for _, c := range cases {
		srcs, err := c.Sources()
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := c.section("proc-file"); ok {
			procFiles++
			found := false
			for _, s := range srcs {
				found = found || s.Path != "" && s.Section == "" && strings.HasSuffix(s.Path, ".proc")
			}
			if !found {
				t.Errorf("%s: the proc-file is not among the sources %v", c.Path, srcs)
			}
		}
		var mu sync.Mutex
		_, err = c.RunWith(context.Background(), Options{Trace: func(e interp.TraceEvent) {
			mu.Lock()
			defer mu.Unlock()
			s, ok := srcs[e.Pos.Filename]
			if !ok {
				// a procedure held in a list variable (CALL-PROCEDURE
				// *VARIABLE(...)) is named by the variable, in upper case
				if f := e.Pos.Filename; strings.ToUpper(f) == f && !strings.Contains(f, ".") {
					return
				}
				// nor is the ENTER file ENTER-PROCEDURE makes for a job
				// (S.E.tsn, cmd/internal/session/jobs.go) a file of the case
				if strings.HasPrefix(e.Pos.Filename, "S.E.") {
					return
				}
				t.Errorf("%s: ran a command of %s, which is not among its sources", c.Path, e.Pos.Filename)
				return
			}
			if lines := strings.Count(string(s.Data), "\n") + 1; e.Pos.Line > lines {
				t.Errorf("%s: %s:%d is past the %d lines of the source", c.Path, e.Pos.Filename, e.Pos.Line, lines)
			}
		}})
		if err != nil {
			t.Fatal(err)
		}
	}
	if procFiles == 0 {
		t.Error("no case with a proc-file section found")
	}
}
