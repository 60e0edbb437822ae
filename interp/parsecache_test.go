package interp

import "testing"

// An EXECUTE-CMD run again with the same text reuses its parse
// (parsecache.go): the command still shows each pass's value, the list
// named as text is refilled, and the same text at another line is a
// command of its own, whose error names that line.
func TestExecCmdParseReused(t *testing.T) {
	src := `/I = 0
/WHILE (I < 3)
/  I = I + 1
/  EXEC-CMD (SHOW-VARIABLE I),TEXT-OUTPUT=OUT
/  N = SIZE('OUT')
/  WRITE-TEXT '&(OUT#1) &N'
/END-WHILE
/EXEC-CMD (SHOW-VARIABLE NOPE),TEXT-OUTPUT=OUT
`
	out, res := run(t, src)
	if want := "I = 1 1\nI = 2 1\nI = 3 1\n"; out[:min(len(out), len(want))] != want {
		t.Errorf("out %q, want it to start %q", out, want)
	}
	if res.Err == nil || res.Err.Pos.Line != 8 {
		t.Errorf("err %v, want one at line 8", res.Err)
	}
}
