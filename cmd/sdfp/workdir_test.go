package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"sdfp/cmd/internal/session"
)

// The tests of this file run sdfp as separate processes on one workdir:
// the test binary re-executes itself as sdfp when SDFP_TEST_AS_SDFP is
// set (TestMain), so no build step is needed.

// childSetup, when set (by a platform's test file), prepares a child
// process before it runs sdfp (a file size limit, for instance).
var childSetup func()

func TestMain(m *testing.M) {
	if os.Getenv("SDFP_TEST_AS_SDFP") == "1" {
		if childSetup != nil {
			childSetup()
		}
		os.Exit((&cli{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}).main(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// sdfpCommand is sdfp with args as a separate process; env is added to
// the child's environment.
func sdfpCommand(t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(append(os.Environ(), "SDFP_TEST_AS_SDFP=1"), env...)
	return cmd
}

// The counter procedure adds 1 to JV.COUNT 20 times; the run reads the
// JV once and writes it when it ends, so two runs that overlapped
// without a lock would both start from the same value.
const counterProc = `/DECLARE-VARIABLE N(TYPE=*INTEGER)
/FOR I = *COUNTER(FROM=1,TO=20)
/  N = INTEGER(JV('JV.COUNT'))
/  N = N + 1
/  MODIFY-JV JV.COUNT,SET-VALUE='&N'
/END-FOR
/CREATE-JV JV.RUN.&(TSN())
/IF-CMD-ERROR; END-IF
/MODIFY-JV JV.RUN.&(TSN()),SET-VALUE='RUN'
/ASSIGN-SYSLST LST.SHARED
/WRITE-TEXT 'ONE RUN''S LINE',OUTPUT=*SYSLST
/ASSIGN-SYSLST *PRIMARY
`

// Concurrent runs on one workdir take turns: no increment of a shared
// JV counter is lost, every JV file is whole, no temporary file is left.
// Without the workdir lock, 20 concurrent pairs used to lose a third of
// the increments and leave unreadable JV files, all exiting 0.
func TestConcurrentRunsOnOneWorkdir(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	initProc := writeProc(t, dir, "init.proc", "/CREATE-JV JV.COUNT\n/MODIFY-JV JV.COUNT,SET-VALUE='0'\n")
	counter := writeProc(t, dir, "counter.proc", counterProc)
	if code, out, errOut := runCLI("run", "--workdir", work, initProc); code != exitOK {
		t.Fatalf("init: exit %d %s %s", code, out, errOut)
	}
	const procs = 8
	var wg sync.WaitGroup
	outputs := make([]string, procs)
	codes := make([]int, procs)
	for i := 0; i < procs; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			cmd := sdfpCommand(t, nil, "run", "--workdir", work, "--continue", counter)
			out, err := cmd.CombinedOutput()
			outputs[i] = string(out)
			if ee, ok := err.(*exec.ExitError); ok {
				codes[i] = ee.ExitCode()
			} else if err != nil {
				codes[i] = -1
				outputs[i] += err.Error()
			}
		}(i)
	}
	wg.Wait()
	for i := range codes {
		if codes[i] != exitOK {
			t.Errorf("run %d: exit %d: %s", i, codes[i], outputs[i])
		}
	}
	code, out, errOut := runCLI("run", "--workdir", work, "--continue", writeProc(t, dir, "show.proc", "/WRITE-TEXT 'COUNT=&(JV('JV.COUNT'))'\n"))
	if want := fmt.Sprintf("COUNT=%d\n", procs*20); code != exitOK || out != want {
		t.Errorf("after %d runs of 20 increments: exit %d, %q %s (want %q)", procs, code, out, errOut, want)
	}
	checkWorkdirWhole(t, work)
}

// checkWorkdirWhole checks that every JV file of a workdir is a whole
// JSON object naming its file, and that no temporary file is left.
func checkWorkdirWhole(t *testing.T, work string) {
	t.Helper()
	for _, d := range []string{work, filepath.Join(work, "JV")} {
		entries, err := os.ReadDir(d)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".sdfp-tmp") {
				t.Errorf("temporary file left: %s", filepath.Join(d, e.Name()))
			}
		}
	}
	entries, _ := os.ReadDir(filepath.Join(work, "JV"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(work, "JV", e.Name()))
		var j struct{ Name string }
		if err != nil || json.Unmarshal(data, &j) != nil || j.Name != e.Name() {
			t.Errorf("JV file %s torn: %v %q", e.Name(), err, data)
		}
	}
}

// A second run waits for the first to release the workdir and says so
// on stderr; with --no-wait it ends at once with exit status 5 and runs
// nothing. Dry runs share the workdir with each other, not with a run
// that writes.
func TestWorkdirBusy(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	p := writeProc(t, dir, "w.proc", "/CREATE-JV JV.W\n/WRITE-TEXT 'RAN'\n")
	holder, err := session.OpenRoot(work)
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Lock(session.LockExclusive, nil); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI("run", "--workdir", work, "--no-wait", p)
	if code != exitBusy || out != "" || !strings.Contains(errOut, "in use by another sdfp run; not waiting") {
		t.Errorf("--no-wait: exit %d, %q %q", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(work, "JV", "JV.W")); err == nil {
		t.Error("the refused run wrote its JV")
	}
	code, out, errOut = runCLI("run", "--workdir", work, "--no-wait", "--dry-run", p)
	if code != exitBusy {
		t.Errorf("a dry run beside a writing run: exit %d, %q %q", code, out, errOut)
	}

	type result struct {
		code     int
		out, err string
	}
	done := make(chan result)
	var stderr syncBuffer
	go func() {
		var out bytes.Buffer
		code := (&cli{stdin: strings.NewReader(""), stdout: &out, stderr: &stderr}).main([]string{"run", "--workdir", work, p})
		done <- result{code, out.String(), stderr.String()}
	}()
	// the run waits, and says so, until the holder lets go
	for !strings.Contains(stderr.String(), "waiting for it to end") {
		select {
		case r := <-done:
			t.Fatalf("the run did not wait: exit %d %q %q", r.code, r.out, r.err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	holder.Close()
	if r := <-done; r.code != exitOK || r.out != "RAN\n" {
		t.Errorf("after waiting: exit %d %q %q", r.code, r.out, r.err)
	}

	shared, err := session.OpenRoot(work)
	if err != nil {
		t.Fatal(err)
	}
	defer shared.Close()
	if err := shared.Lock(session.LockShared, nil); err != nil {
		t.Fatal(err)
	}
	q := writeProc(t, dir, "q.proc", "/WRITE-TEXT 'READ ONLY'\n")
	if code, out, errOut := runCLI("run", "--workdir", work, "--no-wait", "--dry-run", q); code != exitOK {
		t.Errorf("two dry runs: exit %d %q %q", code, out, errOut)
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// failWriter fails every write, as a full disk does.
type failWriter struct{}

func (failWriter) Write(p []byte) (int, error) { return 0, syscall.ENOSPC }

// SYSOUT and the console that cannot be written (sdfp run >/dev/full,
// --console on a full disk) end the run with exit status 4 and say what
// could not be written; it used to exit 0.
func TestHostFileWriteErrors(t *testing.T) {
	dir := t.TempDir()
	p := writeProc(t, dir, "p.proc", "/WRITE-TEXT 'HELLO'\n/SEND-MSG TO=*OPERATOR,MSG='TO THE CONSOLE'\n")
	var errb bytes.Buffer
	code := (&cli{stdin: strings.NewReader(""), stdout: failWriter{}, stderr: &errb}).main([]string{"run", "--workdir", filepath.Join(dir, "work"), p})
	if code != exitWriteFailed || !strings.Contains(errb.String(), "sdfp run: cannot write standard output: no space left on device") {
		t.Errorf("standard output: exit %d, %q", code, errb.String())
	}
	if _, err := os.Stat("/dev/full"); err != nil {
		return
	}
	code, out, errOut := runCLI("run", "--workdir", filepath.Join(dir, "work"), "--console", "/dev/full", p)
	if code != exitWriteFailed || !strings.Contains(errOut, "cannot write --console /dev/full: write /dev/full: no space left on device") {
		t.Errorf("--console: exit %d, %q %q", code, out, errOut)
	}
}
