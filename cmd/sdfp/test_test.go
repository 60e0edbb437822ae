package main

import (
	"fmt"
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
		!strings.Contains(out, "\n  -WRONG\n  +B\n") || !strings.Contains(out, "run sdfp test -update to accept") {
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

// writeCases writes txtar cases below dir, by relative name.
func writeCases(t *testing.T, dir string, cases map[string]string) {
	t.Helper()
	for name, text := range cases {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ranCases lists the cases sdfp test -v reports as run, by base name.
func ranCases(out string) []string {
	var names []string
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) >= 2 && (f[0] == "ok" || f[0] == "FAIL") {
			names = append(names, strings.TrimSuffix(filepath.Base(f[1]), ".txtar"))
		}
	}
	return names
}

func TestTestSelection(t *testing.T) {
	dir := t.TempDir()
	pass := "-- main.proc --\n/WRITE-TEXT 'A'\n-- sysout --\nA\n-- result --\nrc (0,0,CMD0001)\n"
	writeCases(t, dir, map[string]string{"alpha.txtar": pass, "beta.txtar": pass, "jobs/alpha2.txtar": pass, "jobs/gamma.txtar": pass})
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-run", "alpha"}, "alpha"},               // one level: the top-level names only
		{[]string{"-run", "jobs/"}, "alpha2 gamma"},        // a directory
		{[]string{"-run", "/alpha"}, "alpha2"},             // a name in any directory
		{[]string{"-run", "^beta$|jobs/^g"}, "beta gamma"}, // alternatives
		{[]string{"-skip", "jobs/"}, "alpha beta"},
		{[]string{"-run", "jobs", "-skip", "gamma"}, "alpha2 gamma"}, // gamma is no first element
		{[]string{"-run", "jobs", "-skip", "/gamma"}, "alpha2"},
		{[]string{"--shard", "1/1"}, "alpha beta alpha2 gamma"},
	} {
		args := append([]string{"test", "-v"}, append(tc.args, dir)...)
		code, out, errOut := runCLI(args...)
		if got := strings.Join(ranCases(out), " "); code != exitOK || got != tc.want {
			t.Errorf("%v: exit %d, ran %q, want %q\n%s%s", tc.args, code, got, tc.want, out, errOut)
		}
	}
	// The shards of a split run every case once, whatever the order of
	// the arguments.
	seen := map[string]int{}
	for i := 1; i <= 3; i++ {
		args := []string{"test", "-v", "--shard", fmt.Sprintf("%d/3", i), filepath.Join(dir, "jobs"), dir}
		if i == 2 {
			args = []string{"test", "-v", "--shard", "2/3", dir, filepath.Join(dir, "jobs")}
		}
		code, out, _ := runCLI(args...)
		if code != exitOK {
			t.Fatalf("shard %d: exit %d\n%s", i, code, out)
		}
		for _, n := range ranCases(out) {
			seen[n]++
		}
	}
	// jobs/*.txtar is given twice, once by itself (named alpha2, gamma)
	// and once below dir (jobs/alpha2, jobs/gamma): six cases in all.
	if len(seen) != 4 || seen["alpha"] != 1 || seen["beta"] != 1 || seen["alpha2"] != 2 || seen["gamma"] != 2 {
		t.Errorf("shards ran %v", seen)
	}
	// Nothing selected is no failure (a shard may be empty), but said.
	if code, _, errOut := runCLI("test", "-run", "nothing", dir); code != exitOK || !strings.Contains(errOut, "no case selected") {
		t.Errorf("-run nothing: exit %d %q", code, errOut)
	}
	for _, bad := range [][]string{{"--shard", "0/2"}, {"--shard", "3/2"}, {"--shard", "x"}, {"-run", "("}, {"--color", "sometimes"}} {
		if code, _, errOut := runCLI(append(append([]string{"test"}, bad...), dir)...); code != exitUsage || errOut == "" {
			t.Errorf("%v: exit %d %q", bad, code, errOut)
		}
	}
}

func TestTestDiffOutput(t *testing.T) {
	dir := t.TempDir()
	writeCases(t, dir, map[string]string{
		"insert.txtar":  "-- main.proc --\n/WRITE-TEXT 'A'\n/WRITE-TEXT 'B'\n/WRITE-TEXT 'NEW'\n/WRITE-TEXT 'C'\n-- sysout --\nA\nB\nC\n-- result --\nrc (0,0,CMD0001)\n",
		"missing.txtar": "-- main.proc --\n/WRITE-TEXT 'A'\n-- result --\nrc (0,0,CMD0001)\n",
	})
	code, out, _ := runCLI("test", "--color", "always", dir)
	if code != exitFindings {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, want := range []string{
		"\x1b[1m--- expected (section sysout of the case)\x1b[0m", "\x1b[1m+++ this run\x1b[0m",
		"\x1b[36m@@ -1,3 +1,4 @@\x1b[0m\n   A\n   B\n  \x1b[32m+NEW\x1b[0m\n   C\n",
		"section sysout missing from " + filepath.Join(dir, "missing.txtar"),
		"run sdfp test -update to accept",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if _, out, _ := runCLI("test", "--color", "never", dir); strings.Contains(out, "\x1b[") {
		t.Errorf("--color never coloured:\n%s", out)
	}
}

func TestUseColor(t *testing.T) {
	env := func(vars ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(vars); i += 2 {
				if vars[i] == k {
					return vars[i+1]
				}
			}
			return ""
		}
	}
	tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err == nil {
		defer tty.Close()
	}
	for _, tc := range []struct {
		mode string
		w    any
		env  func(string) string
		want bool
	}{
		{"always", &strings.Builder{}, env("NO_COLOR", "1"), true}, // the flag wins over NO_COLOR
		{"never", &strings.Builder{}, env(), false},
		{"auto", &strings.Builder{}, env(), false}, // not a terminal
		{"auto", os.Stdout, env("NO_COLOR", "1"), false},
		{"auto", os.Stdout, env("TERM", "dumb"), false},
	} {
		w := tc.w.(interface{ Write([]byte) (int, error) })
		if got, err := useColor(tc.mode, w, tc.env); err != nil || got != tc.want {
			t.Errorf("useColor(%s, %T) = %v, %v; want %v", tc.mode, tc.w, got, err, tc.want)
		}
	}
	if tty != nil {
		if got, _ := useColor("auto", tty, env("NO_COLOR", "")); !got {
			t.Errorf("a terminal with NO_COLOR empty is not coloured")
		}
	}
}
