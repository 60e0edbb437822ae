package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// Issue 14: on a terminal Ctrl-C (a key in raw mode) cancels the line
// and the open block, and stops an input that runs, instead of ending
// the dialog with exit status 0 and losing its variables; Ctrl-D ends it.
func TestDialogCtrlCOnPTY(t *testing.T) {
	master, slave := openPTY(t)
	done := make(chan int, 1)
	go func() {
		c := &cli{stdin: slave, stdout: slave, stderr: slave}
		done <- c.main([]string{"dialog", "--workdir", t.TempDir(), "--history", "off"})
	}()
	var mu sync.Mutex
	var screen bytes.Buffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			mu.Lock()
			screen.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	waitFor := func(want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			mu.Lock()
			got := screen.String()
			mu.Unlock()
			if strings.Contains(got, want) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("no %q on the screen:\n%q", want, got)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitFor("/")
	master.WriteString("A = 3\r")
	master.WriteString("IF (A = 3)\r")
	waitFor("IF/")
	master.WriteString("WRITE-TE\x03") // Ctrl-C in the middle of a line of the block
	waitFor("input cancelled (1 line(s) of the open IF block not run)")
	// the line's output shows that it runs: a Ctrl-C before that could
	// reach the line editor, and the endless loop would run on
	master.WriteString("WRITE-TEXT 'LOOPING'; WHILE (TRUE); END-WHILE\r")
	waitFor("\nLOOPING\r\n")
	master.WriteString("\x03") // stops the endless loop
	waitFor("sdfp: input interrupted (Ctrl-C) at its line 1; the rest of it did not run")
	master.WriteString("SHOW-VARIABLE A\r")
	waitFor("A = 3\r\n")
	master.WriteString("\x04") // Ctrl-D on an empty line ends the dialog
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Ctrl-D did not end the dialog")
	}
}
