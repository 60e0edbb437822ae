package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fmtBefore = "/IF (A = 1); WRITE-TEXT 'X'; END-IF\n/SHOW-VM-ATTR VM-ID=2,INF=*MEM\n"

const fmtAfter = "/IF (A = 1)\n/  WRITE-TEXT 'X'\n/END-IF\n/SHOW-VM-ATTR VM-ID=2,INF=*MEM\n"

func TestFmtStdout(t *testing.T) {
	p := writeProc(t, t.TempDir(), "a.proc", fmtBefore)
	code, out, errOut := runCLI("fmt", p)
	if code != exitOK || out != fmtAfter || errOut != "" {
		t.Fatalf("exit %d, stdout\n%s\nstderr %s", code, out, errOut)
	}
	code, out, _ = runCLI("fmt", "--expand", p)
	if code != exitOK || !strings.Contains(out, "/SHOW-VM-ATTRIBUTES VM-IDENTIFICATION=2,INFORMATION=*MEMORY\n") {
		t.Fatalf("--expand: exit %d, stdout\n%s", code, out)
	}
	code, out, _ = runCLI("fmt", "--width", "24", p)
	if code != exitOK || !strings.Contains(out, "/SHOW-VM-ATTR VM-ID=2,-\n  /INF=*MEM\n") {
		t.Fatalf("--width 24: exit %d, stdout\n%s", code, out)
	}
}

// TestFmtListDiffWrite: -l names the files that would change, -d shows
// the change as a unified diff, -w writes it; none of them prints a file
// that is already in canonical form, and only -w changes a file.
func TestFmtListDiffWrite(t *testing.T) {
	p := writeProc(t, t.TempDir(), "a.proc", fmtBefore)
	done := writeProc(t, t.TempDir(), "b.proc", fmtAfter)
	code, out, _ := runCLI("fmt", "-l", p, done)
	if code != exitOK || out != p+"\n" {
		t.Fatalf("-l: exit %d, stdout %q", code, out)
	}
	code, out, _ = runCLI("fmt", "-d", p, done)
	for _, want := range []string{"--- " + p + ".orig\n", "+++ " + p + "\n", "-/IF (A = 1); WRITE-TEXT 'X'; END-IF\n", "+/  WRITE-TEXT 'X'\n"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Fatalf("-d: exit %d, stdout lacks %q:\n%s", code, want, out)
		}
	}
	if strings.Contains(out, done) {
		t.Errorf("-d shows the unchanged file:\n%s", out)
	}
	if b, _ := os.ReadFile(p); string(b) != fmtBefore {
		t.Fatal("-l or -d changed the file")
	}
	if code, out, _ = runCLI("fmt", "-w", p, done); code != exitOK || out != "" {
		t.Fatalf("-w: exit %d, stdout %q", code, out)
	}
	if b, _ := os.ReadFile(p); string(b) != fmtAfter {
		t.Fatalf("-w wrote\n%s", b)
	}
	if code, out, _ = runCLI("fmt", "-l", p); code != exitOK || out != "" {
		t.Fatalf("-l after -w: exit %d, stdout %q", code, out)
	}
}

// TestFmtRefused: a file whose block structure is broken is reported with
// its position and left alone; the other files are still formatted, and
// the exit status is 2.
func TestFmtRefused(t *testing.T) {
	bad := writeProc(t, t.TempDir(), "bad.proc", "/IF (A = 1)\n/ B = 2\n")
	good := writeProc(t, t.TempDir(), "good.proc", fmtBefore)
	code, _, errOut := runCLI("fmt", "-w", bad, good)
	if code != exitUsage || !strings.Contains(errOut, "bad.proc:1:") || !strings.Contains(errOut, "not formatted") {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	if b, _ := os.ReadFile(bad); string(b) != "/IF (A = 1)\n/ B = 2\n" {
		t.Errorf("the refused file was changed:\n%s", b)
	}
	if b, _ := os.ReadFile(good); string(b) != fmtAfter {
		t.Errorf("the good file was not formatted:\n%s", b)
	}
	if code, _, _ := runCLI("fmt", "-w"); code != exitUsage {
		t.Errorf("-w without a file: exit %d", code)
	}
	if code, _, _ := runCLI("fmt", filepath.Join(t.TempDir(), "missing.proc")); code != exitUsage {
		t.Errorf("missing file: exit %d", code)
	}
}

// TestFmtStdin: without a file, the procedure on standard input is
// formatted to standard output, as an editor's filter wants.
func TestFmtStdin(t *testing.T) {
	var out, errb bytes.Buffer
	code := (&cli{stdin: strings.NewReader(fmtBefore), stdout: &out, stderr: &errb}).main([]string{"fmt"})
	if code != exitOK || out.String() != fmtAfter {
		t.Fatalf("exit %d, stdout\n%s\nstderr %s", code, out.String(), errb.String())
	}
	out.Reset()
	code = (&cli{stdin: strings.NewReader("/IF (A = 1)\n"), stdout: &out, stderr: &errb}).main([]string{"fmt"})
	if code != exitUsage || out.Len() != 0 || !strings.Contains(errb.String(), "<stdin>:") {
		t.Fatalf("broken input: exit %d, stdout %q, stderr %s", code, out.String(), errb.String())
	}
}

// TestFmtWriteKeepsModeAndLink: -w keeps the file's permissions, writes
// through a link to the file it names and leaves no temporary file.
func TestFmtWriteKeepsModeAndLink(t *testing.T) {
	dir := t.TempDir()
	p := writeProc(t, dir, "a.proc", fmtBefore)
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.proc")
	if err := os.Symlink("a.proc", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if code, _, errOut := runCLI("fmt", "-w", link); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(p); string(b) != fmtAfter {
		t.Fatalf("the file named by the link holds\n%s", b)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the directory holds %d entries, want the file and the link", len(entries))
	}
}

// TestFmtVMMEM pins the canonical form of the VMMEM procedure, plain and
// expanded, at the default width (testdata/fmt-vmmem*.golden; go test
// ./cmd/sdfp -update rewrites them).
func TestFmtVMMEM(t *testing.T) {
	for _, tc := range []struct{ golden, flag string }{{"fmt-vmmem.golden", "--expand=false"}, {"fmt-vmmem-expand.golden", "--expand"}} {
		code, out, errOut := runCLI("fmt", tc.flag, "../../procs/vmmem.proc")
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", tc.flag, code, errOut)
		}
		checkGolden(t, tc.golden, out)
	}
}
