package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The shipped night-shift procedure (procs/nightly.proc) runs unmodified
// with no installation file: it replaces last night's log with file
// commands, enters procs/migrate.proc as a batch job and waits for its
// MONJV. Three runs of one world move VM12PROD to ABGSE701, back with
// --su ABGSE701, and over again, each seeing the last one's log, VM and
// TSNs; a plain run then starts from the base again.
func TestNightlyProcedureThroughOneWorld(t *testing.T) {
	work := filepath.Join(t.TempDir(), "work")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	migrate, err := os.ReadFile("../../procs/migrate.proc")
	if err != nil {
		t.Fatal(err)
	}
	writeProc(t, work, "migrate.proc", string(migrate))
	nightly := "../../procs/nightly.proc"
	for _, step := range []struct {
		args []string
		want []string // in SYSOUT
		log  string   // NIGHTLY.LOG's first line after the run
	}{
		{[]string{nightly}, []string{"FIRST NIGHT: NO LOG YET", "TSN = 0002", "LIVE MIGRATION OF VM (12,VM12PROD) TO TARGET SU 'ABGSE701' COMPLETED"},
			"MIGRATING VM12PROD TO ABGSE701"},
		{[]string{"--continue", "--su", "ABGSE701", nightly, "TARGET=ABGSE501"}, []string{"TSN = 0004", "NIGHTLY.LOG.OLD"},
			"MIGRATING VM12PROD TO ABGSE501"},
		{[]string{"--continue", nightly}, []string{"TSN = 0006", "LIVE MIGRATION OF VM (12,VM12PROD) TO TARGET SU 'ABGSE701' COMPLETED"},
			"MIGRATING VM12PROD TO ABGSE701"},
		{[]string{nightly}, []string{"FIRST NIGHT: NO LOG YET", "TSN = 0002"}, "MIGRATING VM12PROD TO ABGSE701"},
	} {
		code, out, errOut := runCLI(append([]string{"run", "--workdir", work}, step.args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d\n%s%s", step.args, code, out, errOut)
		}
		for _, w := range step.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: SYSOUT lacks %q:\n%s", step.args, w, out)
			}
		}
		log := readFile(t, filepath.Join(work, "NIGHTLY.LOG"))
		if !strings.Contains(strings.SplitN(log, "\n", 2)[0], step.log) || !strings.Contains(log, "MIGRATION JOB ENDED") {
			t.Errorf("%v: NIGHTLY.LOG is\n%s", step.args, log)
		}
	}
}
