package main

import (
	"encoding/json"
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

// The batch job nightly.proc enters traces as its tasks do: its commands
// are in --trace and are JSON command events of its TSN, and a JSON
// result event says how it ended, with exit 0 (its error would be its
// MONJV's). They were missing: a job's runner had no hooks.
func TestBatchJobTraceAndEvents(t *testing.T) {
	work := filepath.Join(t.TempDir(), "work")
	os.MkdirAll(work, 0o755)
	migrate, err := os.ReadFile("../../procs/migrate.proc")
	if err != nil {
		t.Fatal(err)
	}
	writeProc(t, work, "migrate.proc", string(migrate))
	trace := filepath.Join(t.TempDir(), "trace.txt")
	if code, out, errOut := runCLI("run", "--workdir", work, "--trace-file", trace, "../../procs/nightly.proc"); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if text := readFile(t, trace); !strings.Contains(text, " migrate.proc:1:2 level ") || !strings.Contains(text, "/nightly.proc:") {
		t.Errorf("the trace lacks the job's or the task's commands:\n%s", text)
	}
	code, out, errOut := runCLI("run", "--workdir", work, "--format", "json", "../../procs/nightly.proc")
	if code != exitOK {
		t.Fatalf("json: exit %d\n%s", code, errOut)
	}
	commands := map[string]int{}
	var jobResult map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e map[string]any
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if e["event"] == "command" {
			commands[e["task"].(string)]++
		}
		if e["event"] == "result" && e["task"] == "0002" {
			jobResult = e
		}
	}
	if commands["0001"] == 0 || commands["0002"] == 0 {
		t.Errorf("command events by task: %v", commands)
	}
	if jobResult == nil || jobResult["file"] != "MIGRATE" || jobResult["exit"] != float64(0) {
		t.Errorf("the job's result event: %v", jobResult)
	}
}
