package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// sdfp check prints at most 100 findings of a file, then one line with
// the count of the rest; the total counts all of them.
func TestCheckFindingsCap(t *testing.T) {
	dir := t.TempDir()
	p := writeProc(t, dir, "many.proc", strings.Repeat("/NO-SUCH-COMMAND\n", 150))
	code, out, errOut := runCLI("check", p)
	if code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	if n := strings.Count(out, "CMD0202 command NO-SUCH-COMMAND is not known"); n != 100 {
		t.Errorf("%d findings printed", n)
	}
	if !strings.HasSuffix(out, p+": 50 more finding(s) not shown (at most 100 are reported per file)\n") || errOut != "150 errors, 0 warnings\n" {
		t.Errorf("no count of the rest:\n%s\nstderr %q", out[max(0, len(out)-300):], errOut)
	}
	code, out, _ = runCLI("check", "--format", "json", p)
	var findings []jsonFinding
	if err := json.Unmarshal([]byte(out), &findings); err != nil || code != exitFindings {
		t.Fatalf("exit %d, %v", code, err)
	}
	if len(findings) != 101 || findings[100].Severity != "note" || !strings.HasPrefix(findings[100].Message, "50 more finding(s)") {
		t.Errorf("%d entries, last %+v", len(findings), findings[len(findings)-1])
	}
}

// A procedure saved with a UTF-8 byte order mark checks clean and runs
// (run failed with DATA LINE IN FALSE CONTEXT at 1:1 while check passed).
func TestByteOrderMarkRuns(t *testing.T) {
	dir := t.TempDir()
	p := writeProc(t, dir, "bom.proc", "\xEF\xBB\xBF/WRITE-TEXT 'HELLO'\n")
	if code, out, errOut := runCLI("check", p); code != exitOK {
		t.Errorf("check: exit %d %s%s", code, out, errOut)
	}
	code, out, errOut := runCLI("run", "--workdir", filepath.Join(dir, "work"), p)
	if code != exitOK || out != "HELLO\n" {
		t.Errorf("run: exit %d, %q %q", code, out, errOut)
	}
}

// A file in UTF-16 is reported as such by check and by run, at 1:1.
func TestUTF16Reported(t *testing.T) {
	dir := t.TempDir()
	p := writeProc(t, dir, "wide.proc", "\xFF\xFE/\x00A\x00=\x001\x00\n\x00")
	want := p + ":1:1: SDP0091 the file is encoded in UTF-16 (little-endian)"
	if code, out, _ := runCLI("check", p); code != exitFindings || !strings.HasPrefix(out, want) || strings.Contains(out, "\x00") {
		t.Errorf("check: exit %d %q", code, out)
	}
	if code, _, errOut := runCLI("run", "--workdir", filepath.Join(dir, "work"), p); code != exitUsage || !strings.HasPrefix(errOut, want) {
		t.Errorf("run: exit %d %q", code, errOut)
	}
}

// A file over the size limit is one finding, and no more than the limit
// is read of it.
func TestCheckFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.proc")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	// a sparse file of 1 GB: reading it whole would take a second and
	// a gigabyte
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, out, _ := runCLI("check", p)
	if code != exitFindings || !strings.HasPrefix(out, p+":1:1: SDP0091 the file is larger than 4194304 bytes (4 MiB)") {
		t.Errorf("exit %d %q", code, out)
	}
}

// A FIFO given to check is refused instead of blocking forever.
func TestCheckRefusesFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pipe.proc")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	code, _, errOut := runCLI("check", p)
	if code != exitUsage || !strings.Contains(errOut, "not a regular file") {
		t.Errorf("exit %d %q", code, errOut)
	}
}
