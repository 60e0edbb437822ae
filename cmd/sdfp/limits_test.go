package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 11: each limit of a task is a flag of sdfp run; a reached limit
// ends the run with exit status 3 and a positioned SDP0099 error.
func TestRunLimitFlags(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	writeProc(t, work, "self.proc", "/CALL-PROCEDURE SELF\n")
	self := writeProc(t, dir, "main.proc", "/CALL-PROCEDURE SELF\n")
	list := writeProc(t, dir, "list.proc", "/DECL-VAR L,MULT-ELEM=*LIST\n/WHILE (TRUE)\n/  L = 'E',WRITE-MODE=*EXTEND\n/END-WHILE\n")
	vars := writeProc(t, dir, "vars.proc", "/I = 0\n/WHILE (TRUE)\n/  I = I + 1\n/  DECL-VAR V&I(INITIAL-VALUE='X')\n/END-WHILE\n")
	tests := []struct {
		flags []string
		proc  string
		want  string
	}{
		{[]string{"--max-nesting", "7"}, self, "self.proc:1:2: SDP0099 RUN LIMIT REACHED: PROCEDURE NESTING LIMIT OF 7 LEVELS REACHED"},
		{[]string{"--max-list-elements", "50"}, list, "list.proc:3:4: SDP0099 RUN LIMIT REACHED: L REACHED THE LIMIT OF 50 ELEMENTS"},
		{[]string{"--max-variable-size", "8K"}, vars, "vars.proc:4:4: SDP0099 RUN LIMIT REACHED: THE VARIABLES OF THE TASK REACHED THE LIMIT OF 8192 BYTES"},
		{[]string{"--max-memory", "1K"}, list, "SDP0099 RUN LIMIT REACHED: MEMORY BUDGET OF 1024 BYTES OF THE PROCESS REACHED"},
	}
	for _, tt := range tests {
		args := append(append([]string{"run", "--workdir", work}, tt.flags...), tt.proc)
		code, out, errOut := runCLI(args...)
		// the summary is an error: stderr, never among the SYSOUT lines
		if code != exitLimit || !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, "was stopped") || out != "" {
			t.Errorf("%v: exit %d (want %d), output %q %q", tt.flags, code, exitLimit, out, errOut)
		}
	}
	// 0 lifts a limit: the list grows to the step limit instead
	code, _, errOut := runCLI("run", "--workdir", work, "--max-list-elements", "0", "--max-steps", "5000", list)
	if code != exitLimit || !strings.Contains(errOut, "STEP LIMIT OF 5000") {
		t.Errorf("--max-list-elements 0: exit %d, %q", code, errOut)
	}
}

// Bad limit values are usage errors.
func TestRunLimitFlagErrors(t *testing.T) {
	dir := t.TempDir()
	p := writeProc(t, dir, "ok.proc", "/WRITE-TEXT 'OK'\n")
	for _, flags := range [][]string{
		{"--max-nesting", "-1"}, {"--max-nesting", "10001"}, {"--max-list-elements", "-5"},
		{"--max-variable-size", "12X"}, {"--max-memory", "-1G"}, {"--max-memory", "99999999999G"},
	} {
		args := append(append([]string{"run", "--workdir", filepath.Join(dir, "work")}, flags...), p)
		if code, out, errOut := runCLI(args...); code != exitUsage {
			t.Errorf("%v: exit %d, %q %q", flags, code, out, errOut)
		}
	}
}

func TestByteSize(t *testing.T) {
	for in, want := range map[string]int64{
		"0": 0, "65536": 65536, "64K": 64 << 10, "64kb": 64 << 10, "64M": 64 << 20, "64MiB": 64 << 20, "2G": 2 << 30, "3GB": 3 << 30,
	} {
		var b byteSize
		if err := b.Set(in); err != nil || int64(b) != want {
			t.Errorf("%q: %d %v, want %d", in, b, err, want)
		}
	}
	for in, want := range map[int64]string{0: "0", 1000: "1000", 4096: "4K", 64 << 20: "64M", 2 << 30: "2G"} {
		b := byteSize(in)
		if got := b.String(); got != want {
			t.Errorf("%d: %q, want %q", in, got, want)
		}
	}
}
