package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func init() {
	// SDFP_TEST_FSIZE=N: the child may write files of at most N bytes
	// (RLIMIT_FSIZE; Go ignores SIGXFSZ, so a write beyond it fails with
	// EFBIG, "file too large")
	childSetup = func() {
		if v := os.Getenv("SDFP_TEST_FSIZE"); v != "" {
			n, _ := strconv.ParseUint(v, 10, 64)
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
				fmt.Fprintln(os.Stderr, "setrlimit:", err)
				os.Exit(99)
			}
		}
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// exitCode runs cmd and returns its exit status and output.
func exitCode(t *testing.T, args []string, env ...string) (int, string) {
	t.Helper()
	out, err := sdfpCommand(t, env, args...).CombinedOutput()
	if ee, ok := err.(interface{ ExitCode() int }); ok {
		return ee.ExitCode(), string(out)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

// A file the run cannot write (here: beyond the file size limit) ends the
// run with exit status 4 and a message naming the file; the file keeps
// its previous content. (Both used to exit 0: SYSLST cut mid-line, the JV
// flush failure a single line without the file.)
func TestWriteFailureExitStatus(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	big := writeProc(t, dir, "big.proc", `/DECLARE-PARAMETER N
/ASSIGN-SYSLST LST.BIG
/FOR I = *COUNTER(FROM=1,TO=&N)
/  WRITE-TEXT 'LINE &I OF A SYSLST FILE THAT GROWS BEYOND THE LIMIT',OUTPUT=*SYSLST
/END-FOR
/ASSIGN-SYSLST *PRIMARY
`)
	jv := writeProc(t, dir, "jv.proc", "/DECLARE-PARAMETER V\n/MODIFY-JV JV.A,SET-VALUE='&V'\n")
	if code, out := exitCode(t, []string{"run", "--workdir", work, big, "N=3"}); code != exitOK {
		t.Fatalf("first run: %d %s", code, out)
	}
	if code, out := exitCode(t, []string{"run", "--workdir", work, "--continue", writeProc(t, dir, "c.proc", "/CREATE-JV JV.A\n")}); code != exitOK {
		t.Fatalf("first run: %d %s", code, out)
	}
	if code, out := exitCode(t, []string{"run", "--workdir", work, "--continue", jv, "V=OLD"}); code != exitOK {
		t.Fatalf("first run: %d %s", code, out)
	}
	oldLST := readFile(t, filepath.Join(work, "LST.BIG"))
	oldJV := readFile(t, filepath.Join(work, "JV", "JV.A"))

	code, out := exitCode(t, []string{"run", "--workdir", work, "--continue", big, "N=1000"}, "SDFP_TEST_FSIZE=4096")
	if code != exitWriteFailed || !strings.Contains(out, "sdfp: % DMS0502 FILE 'LST.BIG' CANNOT BE WRITTEN: FILE TOO LARGE. THE FILE KEEPS ITS PREVIOUS CONTENT\n") {
		t.Errorf("SYSLST beyond the limit: exit %d, %s", code, out)
	}
	if got := readFile(t, filepath.Join(work, "LST.BIG")); got != oldLST {
		t.Errorf("LST.BIG not whole: %q", got)
	}
	code, out = exitCode(t, []string{"run", "--workdir", work, "--continue", jv, "V=" + strings.Repeat("N", 200)}, "SDFP_TEST_FSIZE=150")
	if code != exitWriteFailed || !strings.Contains(out, "sdfp: % JVS0416 JOB VARIABLE 'JV.A' CANNOT BE STORED IN FILE 'JV/JV.A': FILE TOO LARGE\n") {
		t.Errorf("JV beyond the limit: exit %d, %s", code, out)
	}
	if got := readFile(t, filepath.Join(work, "JV", "JV.A")); got != oldJV {
		t.Errorf("JV/JV.A not whole: %q", got)
	}
	code, out = exitCode(t, []string{"run", "--workdir", work, "--continue", "--format", "json", big, "N=1000"}, "SDFP_TEST_FSIZE=4096")
	if code != exitWriteFailed || !strings.Contains(out, `"event":"write-error"`) || !strings.Contains(out, `"key":"DMS0502"`) {
		t.Errorf("JSON: exit %d, %s", code, out)
	}
}

// kill -9 while SYSLST is being written: the file holds the previous
// run's content, whole, not the new output followed by the old tail (as
// the in-place rewrite left it); the next run removes the temporary file
// the killed one left and writes the file whole.
func TestKillDuringSyslstWrite(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	// the run writes 2,000 lines to SYSLST, says so on SYSOUT and waits
	// for input that never comes: it is killed in the middle of writing
	// the file, 2,000 lines in (some 40 KB written to the disk)
	proc := writeProc(t, dir, "lst.proc", `/DECLARE-PARAMETER N
/DECLARE-PARAMETER R
/ASSIGN-SYSLST LST.BIG
/FOR I = *COUNTER(FROM=1,TO=&N)
/  WRITE-TEXT 'RUN &R LINE &I',OUTPUT=*SYSLST
/END-FOR
/WRITE-TEXT 'WRITTEN'
/READ-VARIABLE X
/ASSIGN-SYSLST *PRIMARY
`)
	lines := func(run, n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "RUN %d LINE %d\n", run, i)
		}
		return b.String()
	}
	run := func(n, r int) {
		t.Helper()
		cmd := sdfpCommand(t, nil, "run", "--workdir", work, proc, fmt.Sprintf("N=%d", n), fmt.Sprintf("R=%d", r))
		cmd.Stdin = strings.NewReader("'ANSWER'\n")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("run %d: %v %s", r, err, out)
		}
	}
	run(5000, 1)
	run1 := lines(1, 5000)
	for kill := 1; kill <= 3; kill++ {
		// a continued run: the file it is killed writing is the first run's
		cmd := sdfpCommand(t, nil, "run", "--workdir", work, "--continue", proc, "N=2000", fmt.Sprintf("R=%d", kill+1))
		stdin, _ := cmd.StdinPipe() // never written: READ-VARIABLE waits
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		if !sc.Scan() || sc.Text() != "WRITTEN" {
			t.Fatalf("kill %d: the run said %q", kill, sc.Text())
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		stdin.Close()
		if got := readFile(t, filepath.Join(work, "LST.BIG")); got != run1 {
			n := len(got)
			if n > 200 {
				got = got[:100] + " ... " + got[n-100:]
			}
			t.Errorf("kill %d: LST.BIG is not the first run's (%d bytes): %q", kill, n, got)
		}
	}
	run(100, 9)
	if got := readFile(t, filepath.Join(work, "LST.BIG")); got != lines(9, 100) {
		t.Errorf("after the last run: %q", got)
	}
	checkWorkdirWhole(t, work)
}

// A FIFO given as the procedure or as the installation file is refused at
// once (the installation was read with os.ReadFile and hung).
func TestRunRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.proc")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan struct{})
	defer close(done)
	go func() { // should sdfp hang on the FIFO, end-of-file ends the hang
		for {
			select {
			case <-done:
				return
			case <-time.After(5 * time.Second):
				if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					w.Close()
				}
			}
		}
	}()
	for _, args := range [][]string{
		{"run", "--workdir", filepath.Join(dir, "work"), fifo},
		{"run", "--workdir", filepath.Join(dir, "work"), "--installation", fifo, "../../procs/vmmem.proc"},
	} {
		code, out, errOut := runCLI(args...)
		if code != exitUsage || !strings.Contains(errOut, "not a regular file") {
			t.Errorf("%v: exit %d, %q %q", args, code, out, errOut)
		}
	}
}
