package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// dialogScript runs sdfp dialog in-process on the lines of input.
func dialogScript(t *testing.T, input string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	c := &cli{stdin: strings.NewReader(input), stdout: &out, stderr: &errb}
	code := c.main(append([]string{"dialog", "--workdir", t.TempDir()}, args...))
	return code, out.String(), errb.String()
}

// Issue 14: COMMAND? shows the command's operands (SDF's operand form)
// and runs nothing; a ? in a string is the command's own.
func TestDialogGuidance(t *testing.T) {
	code, out, _ := dialogScript(t, "MIG-VM?\nSHOW-VAR ?\nWRITE-TEXT 'WHY?'\n?\nNO-SUCH-CMD?\n")
	for _, want := range []string{"MIGRATE-VM   [VM2000]", "Operands (the first alternative is the default):\n  VM-IDENTIFICATION",
		"SHOW-VARIABLE", "\nWHY?\n", "Commands (COMMAND? shows the operands of one):\n", "sdfp: no command NO-SUCH-CMD"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("exit %d, no %q in\n%s", code, want, out)
		}
	}
}

// Issue 14: EXIT-JOB ends the dialog as LOGOFF does, with operands and
// abbreviated; EXIT-BLOCK and the like stay commands.
func TestDialogExitJob(t *testing.T) {
	for _, end := range []string{"EXIT-JOB", "EXIT-JOB MODE=*NORMAL", "/exit-j", "LOGOFF SYSTEM-OUTPUT=*DELETE"} {
		code, out, _ := dialogScript(t, "WRITE-TEXT 'BEFORE'\n"+end+"\nWRITE-TEXT 'AFTER'\n")
		if code != exitOK || !strings.Contains(out, "BEFORE") || strings.Contains(out, "\nAFTER") {
			t.Errorf("%s: exit %d\n%s", end, code, out)
		}
	}
	// an open block is not ended by EXIT-JOB inside it: the block runs
	// at END-IF, its EXIT-JOB is a command of the block (unknown then)
	code, out, _ := dialogScript(t, "IF (1 = 1)\nEXIT-JOB\nEND-IF\nWRITE-TEXT 'STILL HERE'\n")
	if code != exitOK || !strings.Contains(out, "\nSTILL HERE") {
		t.Errorf("EXIT-JOB in a block: exit %d\n%s", code, out)
	}
}

// Issue 14: the prompt names the open blocks; the end of the input with
// a block open says that it did not run.
func TestDialogPromptAndOpenBlockAtEnd(t *testing.T) {
	code, out, _ := dialogScript(t, "WHILE (FALSE)\nIF (1 = 1)\nEND-IF\n")
	for _, want := range []string{"/WHILE (FALSE)\nWHILE/IF (1 = 1)\nWHILE.IF/END-IF\nWHILE/\n", "3 line(s) of the open WHILE block not run"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	// a script that ends inside a block did not run all of it: exit 1,
	// where an error in an input (which ends only that input) is exit 0
	if code != exitFindings {
		t.Errorf("exit %d at the end inside a block, want %d", code, exitFindings)
	}
	if code, _, _ := dialogScript(t, "WRITE-TEXT (1 +\nWRITE-TEXT 'OK'\n"); code != exitOK {
		t.Errorf("exit %d after an input with an error, want 0", code)
	}
}

// Issue 14: with --history FILE the inputs outlive the dialog: the next
// one lists and reruns them.
func TestDialogHistoryFile(t *testing.T) {
	hist := filepath.Join(t.TempDir(), "state", "history")
	if code, _, errOut := dialogScript(t, "A = 5\nIF (A = 5)\nWRITE-TEXT 'FIVE'\nEND-IF\nLOGOFF\n", "--history", hist); code != exitOK {
		t.Fatalf("first dialog: exit %d %s", code, errOut)
	}
	data, _ := os.ReadFile(hist)
	if string(data) != "\"/A = 5\"\n\"/IF (A = 5)\\n/WRITE-TEXT 'FIVE'\\n/END-IF\"\n" {
		t.Errorf("history file %q", data)
	}
	code, out, _ := dialogScript(t, "!history\n!1\n!2\n", "--history", hist)
	for _, want := range []string{"  1 /A = 5\n  2 /IF (A = 5)\n    /WRITE-TEXT 'FIVE'\n", "/!2\nFIVE\n"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("second dialog: exit %d, no %q in\n%s", code, want, out)
		}
	}
	// without a terminal and without --history nothing is kept
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dialogScript(t, "A = 1\n")
	if entries, _ := os.ReadDir(os.Getenv("XDG_STATE_HOME")); len(entries) != 0 {
		t.Errorf("a scripted dialog wrote %v", entries)
	}
	if got := defaultHistoryPath(); got != filepath.Join(os.Getenv("XDG_STATE_HOME"), "sdfp", "dialog-history") {
		t.Errorf("default history %s", got)
	}
}

// readUntil reads r until the text read so far contains want.
func readUntil(t *testing.T, r *bufio.Reader, seen *strings.Builder, want string) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for !strings.Contains(seen.String(), want) {
			b, err := r.ReadByte()
			if err != nil {
				return
			}
			seen.WriteByte(b)
		}
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("no %q in %q", want, seen.String())
	}
}

// Issue 14: Ctrl-C (SIGINT to sdfp dialog reading a pipe) cancels the
// open block and stops a running input; the dialog and its variables
// stay (it used to end the process, losing them).
func TestDialogSIGINT(t *testing.T) {
	cmd := sdfpCommand(t, nil, "dialog", "--workdir", t.TempDir())
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(stdout)
	var seen strings.Builder
	io.WriteString(stdin, "A = 7\nIF (A = 7)\n")
	readUntil(t, r, &seen, "IF/")
	cmd.Process.Signal(syscall.SIGINT)
	readUntil(t, r, &seen, "input cancelled (1 line(s) of the open IF block not run)\n/")
	// the line's output shows that it runs: a SIGINT before that could
	// be the prompt's, and the endless loop would run on
	io.WriteString(stdin, "WRITE-TEXT 'LOOPING'; WHILE (TRUE); END-WHILE\n")
	readUntil(t, r, &seen, "\nLOOPING\n")
	cmd.Process.Signal(syscall.SIGINT)
	// the cause, not Go's "context canceled"
	readUntil(t, r, &seen, "sdfp: input interrupted (Ctrl-C) at its line 1; the rest of it did not run")
	io.WriteString(stdin, "SHOW-VARIABLE A\n")
	stdin.Close()
	readUntil(t, r, &seen, "A = 7\n")
	if err := cmd.Wait(); err != nil {
		t.Errorf("dialog ended with %v:\n%s", err, seen.String())
	}
}

// ! lines are the dialog's own inside an open block too: !history lists,
// !N says it waits for the prompt, neither becomes a line of the block
// (they did, and failed with CMD0202 when the block ran); a number past
// the history says so.
func TestDialogBangLinesInABlock(t *testing.T) {
	code, out, _ := dialogScript(t, "WRITE-TEXT ONE\nIF (1 = 1)\n!history\n!1\nWRITE-TEXT IN\nEND-IF\n!9\n", "--history", "off")
	for _, want := range []string{"IF/!history\n  1 /WRITE-TEXT ONE\n",
		"sdfp: !1 runs an input at the / prompt; end the open IF block first (or Ctrl-C to cancel it)\n",
		"IF/END-IF\nIN\n/", "sdfp: no input 9 in the history (2 input(s); !history lists them)"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if code != exitOK || strings.Contains(out, "CMD0202") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// An input the reader refuses is printed as a run prints it, with the
// message key's text ("% CMD0202 SYNTAX ERROR IN COMMAND: ..."), in the
// dialog's language; it showed the reader's words alone.
func TestDialogSyntaxErrorsAsARunPrintsThem(t *testing.T) {
	for lang, want := range map[string]string{"E": "% CMD0202 SYNTAX ERROR IN COMMAND: command FOO is not known", "D": "% CMD0202 SYNTAXFEHLER IM KOMMANDO: command FOO is not known"} {
		_, out, _ := dialogScript(t, "FOO X=1\n", "--history", "off", "--lang", lang)
		if !strings.Contains(out, want) {
			t.Errorf("--lang %s: no %q in\n%s", lang, want, out)
		}
	}
}
