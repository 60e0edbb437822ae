package session

import (
	"strings"
	"testing"
)

// A session without Options.Procedures has a procedure cache of its own:
// a procedure called in a loop is parsed once, not at every call, and
// runs as before.
func TestSessionParsesACalledProcedureOnce(t *testing.T) {
	fs := writeFiles(t, map[string]string{
		"main.proc": "/I = 0\n/WHILE (I < 5)\n/  I = I + 1\n/  CALL-PROCEDURE SUB.PROC\n/END-WHILE\n",
		"SUB.PROC":  "/X = 'PASS'\n/WRITE-TEXT '&X'\n",
	})
	s, out := runJobs(t, fs)
	if want := strings.Repeat("PASS\n", 5); out != want {
		t.Errorf("SYSOUT %q, want %q", out, want)
	}
	if s.opts.Procedures == nil {
		t.Fatal("no procedure cache")
	}
	if n := s.opts.Procedures.Parses(); n != 2 {
		t.Errorf("%d parses, want 2 (main.proc and SUB.PROC once each)", n)
	}
}
