package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A batch job stopped by a run limit makes the run end with exit status
// 3 and a summary naming the job's file and TSN, as a task of its own
// would; its SYSOUT list is written to the workdir.
func TestJobStoppedByLimitExitStatus(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"main.proc": "/ENTER-JOB FROM-FILE=LONG.E\n/WRITE-TEXT 'ENTERED'\n",
		"LONG.E":    "/SET-LOGON-PARAMETERS\n/WAIT-EVENT UNTIL=*TIME(TIME-LIMIT=7200)\n/EXIT-JOB\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCLI("run", "--workdir", dir, "--max-virtual-time", "1h", filepath.Join(dir, "main.proc"))
	if code != exitLimit {
		t.Errorf("exit status %d, want %d\n%s", code, exitLimit, out)
	}
	// sdfp's own summary goes to stderr
	if !strings.Contains(errOut, "LONG.E (TSN 0002)") || !strings.Contains(errOut, "SDP0099") {
		t.Errorf("stderr does not name the stopped job:\n%s", errOut)
	}
	list, err := os.ReadFile(filepath.Join(dir, "S.OUT.0002.2026-01-01.08.00.00"))
	if err != nil || !strings.Contains(string(list), "JMS0416") {
		t.Errorf("SYSOUT list: %q, %v", list, err)
	}
}
