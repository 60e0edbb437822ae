package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// runCLI runs sdfp in-process and returns its exit code and output.
func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := (&cli{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}).main(args)
	return code, out.String(), errb.String()
}

// golden compares got with testdata/name, rewriting it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/sdfp -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

func TestCheckClean(t *testing.T) {
	code, out, errOut := runCLI("check", "../../procs/vmmem.proc")
	if code != exitOK || out != "" || errOut != "0 errors, 0 warnings\n" {
		t.Errorf("check vmmem.proc: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestCheckFindings(t *testing.T) {
	code, out, _ := runCLI("check", "testdata/bad.proc")
	if code != exitFindings {
		t.Errorf("exit %d, want %d", code, exitFindings)
	}
	checkGolden(t, "check-bad.golden", out)
}

func TestCheckJSON(t *testing.T) {
	code, out, _ := runCLI("check", "--format", "json", "testdata/bad.proc")
	if code != exitFindings {
		t.Errorf("exit %d, want %d", code, exitFindings)
	}
	checkGolden(t, "check-bad.json", out)
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{}, "usage: sdfp"},
		{[]string{"frobnicate"}, "unknown subcommand"},
		{[]string{"check"}, "usage: sdfp check"},
		{[]string{"check", "--format", "xml", "x.proc"}, "--format must be text, json, sarif or github"},
		{[]string{"check", "--warnings", "maybe", "x.proc"}, "--warnings must be off, on or error"},
		{[]string{"check", "does-not-exist.proc"}, "does-not-exist.proc"},
		{[]string{"help", "A", "B"}, "usage: sdfp help"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(tt.args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", tt.args, code, exitUsage)
		}
		if !strings.Contains(out+errOut, tt.want) {
			t.Errorf("%v: output %q lacks %q", tt.args, out+errOut, tt.want)
		}
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := runCLI("help", "mod-job-opt")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	checkGolden(t, "help-modify-job-options.golden", out)
	code, out, _ = runCLI("help", "SUBSTR")
	if code != exitOK || !strings.HasPrefix(out, "SUBSTRING(STRING=string") {
		t.Errorf("help SUBSTR: exit %d, %q", code, out)
	}
	code, out, _ = runCLI("help")
	if code != exitOK || !strings.Contains(out, "WAIT-EVENT") || !strings.Contains(out, "SUBSTRING (SUBSTR)") {
		t.Errorf("help index: exit %d, %q", code, out)
	}
	code, out, _ = runCLI("help", "sdp1024")
	if code != exitOK || !strings.Contains(out, "English:\n  % SDP1024 JV: JOB VARIABLE '(&00)' DOES NOT EXIST") ||
		!strings.Contains(out, "German:\n  % SDP1024 JV: JOBVARIABLE '(&00)' EXISTIERT NICHT") {
		t.Errorf("help message: exit %d, %q", code, out)
	}
	code, out, _ = runCLI("help", "Division-By-Zero")
	if code != exitOK || !strings.Contains(out, "German:\n  % division-by-zero DIVISION DURCH NULL") {
		t.Errorf("help detail: exit %d, %q", code, out)
	}
	code, _, errOut := runCLI("help", "NO-SUCH-THING")
	if code != exitFindings || !strings.Contains(errOut, "no command, function, message or subcommand NO-SUCH-THING") {
		t.Errorf("help unknown: exit %d, %q", code, errOut)
	}
	// a subcommand's flags, on stdout, as `sdfp run -h` shows them
	code, out, _ = runCLI("help", "run")
	if code != exitOK || !strings.Contains(out, "usage: sdfp run [flags]") || !strings.Contains(out, "-dry-run") {
		t.Errorf("help run: exit %d, %q", code, out)
	}
	// every subcommand as written shows its usage, also those that
	// abbreviate a command (check, help); in capitals the command
	for _, s := range subcommands() {
		code, out, _ = runCLI("help", s.name)
		if code != exitOK || !strings.HasPrefix(out, "usage: sdfp "+s.name) {
			t.Errorf("help %s: exit %d, %q", s.name, code, out)
		}
	}
	if _, out, _ = runCLI("help", "check"); !strings.HasSuffix(out, "(the CHECK-VM-MIGRATION command: sdfp help CHECK-VM-MIGRATION)\n") {
		t.Errorf("help check does not name the command it abbreviates: %q", out)
	}
	if code, out, _ = runCLI("help", "CHECK"); code != exitOK || !strings.HasPrefix(out, "CHECK-VM-MIGRATION") {
		t.Errorf("help CHECK: exit %d, %q", code, out)
	}
}

// The dialog driven by a script: blocks run at their closing command,
// continuation lines are joined, variables persist between inputs, an
// error ends only its input, !history and !N work.
func TestDialogScript(t *testing.T) {
	input, err := os.ReadFile("testdata/dialog.input")
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := (&cli{stdin: bytes.NewReader(input), stdout: &out, stderr: &errb}).main([]string{"dialog", "--workdir", t.TempDir()})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	checkGolden(t, "dialog.golden", out.String())
}

// Site commands: sdfp check and sdfp run know them from the installation
// file, check their declared operands, and know nothing of them without
// it.
func TestSiteCommands(t *testing.T) {
	dir := t.TempDir()
	inst := filepath.Join(dir, "site.yaml")
	os.WriteFile(inst, []byte(`server-units:
  - {name: SU1, type: /390, memory: 4096, hypervisor: 64, home-pubset: A1, monitor: {name: MON, memory: 1024}}
commands:
  - name: START-EXECUTABLE-PROGRAM
    operands: "FROM-FILE = <filename 1..54> !"
    output: ["% BLS0500 PROGRAM LOADED"]
  - name: SHOW-FILE-ATTRIBUTES
`), 0o644)
	good := filepath.Join(dir, "good.proc")
	os.WriteFile(good, []byte("/START-EXE FROM-FILE=MIGCHK\n"), 0o644)
	bad := filepath.Join(dir, "bad.proc")
	os.WriteFile(bad, []byte("/START-EXE FROM-FILE=MIGCHK,BOGUS=1\n"), 0o644)

	if code, out, errOut := runCLI("check", "--installation", inst, good); code != exitOK {
		t.Errorf("check good: exit %d %s%s", code, out, errOut)
	}
	if code, out, _ := runCLI("check", "--installation", inst, bad); code != exitFindings || !strings.Contains(out, "bad.proc:1:29:") || !strings.Contains(out, "BOGUS") {
		t.Errorf("check bad: exit %d %q", code, out)
	}
	if code, out, _ := runCLI("check", good); code != exitFindings || !strings.Contains(out, "command START-EXE is not known") {
		t.Errorf("check without installation: exit %d %q", code, out)
	}
	code, out, errOut := runCLI("run", "--installation", inst, "--workdir", dir, "--console", "off", good)
	if code != exitOK || out != "% BLS0500 PROGRAM LOADED\n" {
		t.Errorf("run: exit %d %q %s", code, out, errOut)
	}
	if code, out, _ := runCLI("help", "--installation", inst, "START-EXE"); code != exitOK ||
		!strings.Contains(out, "FROM-FILE = <filename 1..54>") || !strings.Contains(out, "Source: installation file "+inst) {
		t.Errorf("help of a site command: exit %d %q", code, out)
	}
	if code, out, _ := runCLI("help", "--installation", inst, "SHOW-FILE-ATTR"); code != exitOK || !strings.Contains(out, "any operand list is accepted") {
		t.Errorf("help of a site command without operands: exit %d %q", code, out)
	}
	if code, out, _ := runCLI("help", "--installation", inst); code != exitOK || !strings.Contains(out, "SHOW-FILE-ATTRIBUTES") {
		t.Errorf("help index with site commands: exit %d", code)
	}
}

// Every subcommand ends with 0 after -h (its usage on stderr) and with 2
// on a flag it does not know.
func TestSubcommandFlags(t *testing.T) {
	for _, sub := range []string{"run", "check", "test", "dialog", "help"} {
		if code, _, errOut := runCLI(sub, "-h"); code != exitOK || !strings.Contains(errOut, "usage: sdfp "+sub) {
			t.Errorf("%s -h: exit %d, %q", sub, code, errOut)
		}
		if code, _, errOut := runCLI(sub, "--no-such-flag"); code != exitUsage || !strings.Contains(errOut, "no-such-flag") {
			t.Errorf("%s --no-such-flag: exit %d, %q", sub, code, errOut)
		}
	}
	for sub, args := range map[string][]string{"run": {"../../procs/vmmem.proc"}, "dialog": nil} {
		if code, _, errOut := runCLI(append([]string{sub, "--lang", "X"}, args...)...); code != exitUsage || !strings.Contains(errOut, "sdfp "+sub+": --lang must be E or D") {
			t.Errorf("%s --lang X: exit %d, %q", sub, code, errOut)
		}
	}
}
