package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sdfp explore on the shipped VMMEM: the matrix, and exit 1 because the
// slow reconfiguration is left running.
func TestExploreVMMEM(t *testing.T) {
	code, out, errOut := runCLI("explore", "../../procs/vmmem.proc")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (an invariant is violated)\n%s%s", code, out, errOut)
	}
	if !regexp.MustCompile(`slow-reconfiguration +reported +CMD0001 +reconfiguration-running,monjv-final`).MatchString(out) {
		t.Errorf("slow-reconfiguration row:\n%s", out)
	}
	for _, want := range []string{"baseline  ", "short-ABGSE501",
		"refuse-END-VM-DIALOG#1-VMS4504", "62 scenarios: 10 coped, 52 reported, 11 violating invariants",
		"error handlers reached for an error: 8 of 8"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// Flags after the procedure and its parameters, --shard, --format json,
// --html and --golden.
func TestExploreFlags(t *testing.T) {
	dir := t.TempDir()
	html := filepath.Join(dir, "r.html")
	gold := filepath.Join(dir, "cases")
	code, out, errOut := runCLI("explore", "../../procs/migrate.proc", "VM=VM12PROD", "TARGET=ABGSE701",
		"--shard", "1/5", "--format", "json", "--html", html, "--golden", gold)
	if code != 1 {
		t.Fatalf("exit %d (shard 1/5 holds a refused END-VM-DIALOG, which leaves the dialog open)\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, `"shard": "1/5"`) || strings.Count(out, `"verdict": "reported"`) != 9 {
		t.Errorf("json of shard 1/5:\n%s", out)
	}
	page, err := os.ReadFile(html)
	if err != nil || !strings.Contains(string(page), "<svg") {
		t.Errorf("html report: %v", err)
	}
	cases, _ := filepath.Glob(filepath.Join(gold, "*.txtar"))
	if len(cases) != 4 { // the baseline and the shard's three that are no refusal (a refusal cannot be written)
		t.Errorf("golden cases %v", cases)
	}
	if code, out, errOut := runCLI("test", gold); code != 0 {
		t.Errorf("the written cases fail: %s%s", out, errOut)
	}
}

// --scenario reruns one with its trace on stderr.
func TestExploreScenario(t *testing.T) {
	code, out, errOut := runCLI("explore", "--scenario", "abort-VM12PROD-transfer-VMS2454", "../../procs/migrate.proc", "VM=VM12PROD", "TARGET=ABGSE701")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "VMS2453") || !strings.Contains(out, "verdict: reported") || !strings.Contains(errOut, "MIGRATE-VM") {
		t.Errorf("rerun:\n%s\n%s", out, errOut)
	}
	if code, _, errOut := runCLI("explore", "--scenario", "nope", "../../procs/migrate.proc", "VM=VM12PROD", "TARGET=ABGSE701"); code != 2 || !strings.Contains(errOut, "no scenario") {
		t.Errorf("unknown scenario: exit %d %s", code, errOut)
	}
}

func TestExploreUsage(t *testing.T) {
	for _, args := range [][]string{{"explore"}, {"explore", "--depth", "3", "x.proc"}, {"explore", "--format", "xml", "x.proc"}, {"explore", "--lang", "F", "x.proc"}, {"explore", "missing.proc"}} {
		if code, _, _ := runCLI(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// sdfp run --timeline writes the picture of a plain run: a lane for the
// migrated VM with its phases, the wait, the console, and the end state.
func TestRunTimeline(t *testing.T) {
	dir := t.TempDir()
	html := filepath.Join(dir, "t.html")
	code, out, errOut := runCLI("run", "--workdir", filepath.Join(dir, "work"), "--timeline", html,
		"../../procs/migrate.proc", "VM=VM12PROD", "TARGET=ABGSE701")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	data, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, want := range []string{`data-vm="VM12PROD"`, "migrating (transfer)", "VM12PROD on ABGSE701", `class="wait"`,
		"VMS2451", "Every invariant holds"} {
		if !strings.Contains(page, want) {
			t.Errorf("timeline lacks %q", want)
		}
	}
	// a directory that is not there is refused first; a file that cannot
	// be written (a directory is in its place) fails after the run
	if code, _, errOut := runCLI("run", "--workdir", filepath.Join(dir, "work"), "--timeline", filepath.Join(dir, "no", "t.html"),
		"../../procs/vmmem.proc"); code != exitUsage || !strings.Contains(errOut, "--timeline") {
		t.Errorf("timeline in a missing directory: exit %d %s", code, errOut)
	}
	inTheWay := filepath.Join(dir, "t-dir.html")
	if err := os.Mkdir(inTheWay, 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI("run", "--workdir", filepath.Join(dir, "work"), "--timeline", inTheWay,
		"../../procs/vmmem.proc"); code != exitWriteFailed || !strings.Contains(errOut, "--timeline") || !strings.Contains(errOut, inTheWay) {
		t.Errorf("unwritable timeline: exit %d %s", code, errOut)
	}
}
