package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTestSubcommand(t *testing.T) {
	dir := t.TempDir()
	pass := "-- main.proc --\n/WRITE-TEXT 'A'\n-- sysout --\nA\n-- result --\nrc (0,0,CMD0001)\n"
	fail := "-- main.proc --\n/WRITE-TEXT 'B'\n-- sysout --\nWRONG\n-- result --\nrc (0,0,CMD0001)\n"
	os.WriteFile(filepath.Join(dir, "pass.txtar"), []byte(pass), 0o644)
	os.WriteFile(filepath.Join(dir, "fail.txtar"), []byte(fail), 0o644)
	junit := filepath.Join(dir, "report.xml")
	code, out, _ := runCLI("test", "--junit", junit, dir)
	if code != exitFindings || !strings.Contains(out, "1 passed, 1 failed") || !strings.Contains(out, "FAIL "+filepath.Join(dir, "fail.txtar")) ||
		!strings.Contains(out, "\n  -WRONG\n  +B\n") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if data, err := os.ReadFile(junit); err != nil || !strings.Contains(string(data), `failures="1"`) {
		t.Errorf("junit report: %v %s", err, data)
	}
	// -update rewrites the expected sections; then everything passes.
	if code, out, _ := runCLI("test", "-update", dir); code != exitOK || !strings.Contains(out, "updated 2 case(s)") {
		t.Fatalf("update: exit %d %s", code, out)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "fail.txtar"))
	if !strings.Contains(string(data), "-- sysout --\nB\n") {
		t.Errorf("case not rewritten:\n%s", data)
	}
	if code, out, _ := runCLI("test", "--cover", dir); code != exitOK || !strings.Contains(out, "100.0%") || !strings.Contains(out, "2 passed, 0 failed") {
		t.Fatalf("after update: exit %d %s", code, out)
	}
}
