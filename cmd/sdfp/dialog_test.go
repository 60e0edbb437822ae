package main

import (
	"bytes"
	"strings"
	"testing"

	"sdfp/cmd/internal/session"
)

// The terminal input edits and recalls lines with the cursor keys: the
// left arrow moves into the line to insert a character, the up arrow
// brings back the previous line, Ctrl-D ends the dialog.
func TestDialogTerminalEditing(t *testing.T) {
	keys := "A = 7\r" +
		"WRITE-TEXT 'AC'\x1b[D\x1b[DB\r" + // cursor back over C' and insert B
		"SHOW-VARIABLE A\r" +
		"\x1b[A\r" + // the previous line again
		"\x04"
	var screen bytes.Buffer
	in := newTerminalInput(strings.NewReader(keys), &screen)
	s, err := session.New(session.Options{NoVM2000: true, Stdout: in.writer()})
	if err != nil {
		t.Fatal(err)
	}
	runDialog(s, in, in.writer())
	out := screen.String()
	if !strings.Contains(out, "\r\nABC\r\n") {
		t.Errorf("the edited line did not run as WRITE-TEXT 'ABC':\n%q", out)
	}
	if n := strings.Count(out, "A = 7\r\n"); n != 3 { // typed once, shown twice
		t.Errorf("A = 7 appears %d times, want 3 (the recalled SHOW-VARIABLE missing?):\n%q", n, out)
	}
}
