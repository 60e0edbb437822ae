package main

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

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

// interruptingInput gives one command, then a Ctrl-C at the prompt
// after it, as a SIGINT arrives on the interrupts channel.
type interruptingInput struct {
	intr  chan struct{}
	reads int
	got   bool // the Ctrl-C reached the input
}

func (in *interruptingInput) setPrompt(string) {}

func (in *interruptingInput) readLine() (string, error) {
	in.reads++
	switch in.reads {
	case 1:
		return "A = 7", nil
	case 2:
		in.intr <- struct{}{}
		runtime.Gosched() // a watcher left from the first input would run now
		select {
		case <-in.intr:
			in.got = true
			return "", errInterrupted
		case <-time.After(time.Second):
		}
	}
	return "", io.EOF
}

// A Ctrl-C at the prompt after an input belongs to the prompt: the
// input's watcher has ended by then (it used to linger and, at random,
// take the interrupt, so the prompt never saw it: TestDialogSIGINT's
// flake).
func TestDialogInterruptAfterAnInputReachesThePrompt(t *testing.T) {
	for i := 0; i < 200; i++ {
		s, err := session.New(session.Options{NoVM2000: true, Stdout: io.Discard})
		if err != nil {
			t.Fatal(err)
		}
		in := &interruptingInput{intr: make(chan struct{}, 1)}
		runDialogWith(s, in, io.Discard, dialogOptions{interrupts: in.intr})
		if !in.got {
			t.Fatalf("round %d: the Ctrl-C after an input was taken by its watcher", i)
		}
	}
}
