package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// coverProc is a procedure file outside the cases, run through proc-file
// sections: an IF and ELSE-IF, a CALL-PROCEDURE of a procedure embedded
// in each case, an error handler that runs and one that never does.
const coverProc = `/DECLARE-PARAMETER N(1,*INTEGER)
/IF (N = 1)
/  WRITE-TEXT 'ONE'
/ELSE-IF (N = 2)
/  WRITE-TEXT 'TWO'
/END-IF
/CALL-PROCEDURE SUB.PROC
/DELETE-JV JV.NONE
/IF-CMD-ERROR
/  WRITE-TEXT 'NO JV'
/END-IF
/WRITE-TEXT 'DONE'
/IF-CMD-ERROR
/  WRITE-TEXT 'NEVER'
/END-IF
`

// coverCases writes coverProc as procs/real.proc and two cases that run
// it, and returns the directory.
func coverCases(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"procs/real.proc": coverProc,
		"cases/one.txtar": "-- proc-file --\n../procs/real.proc\n-- sub.proc --\n/WRITE-TEXT 'SUB'\n-- unused.proc --\n/WRITE-TEXT 'UNUSED'\n" +
			"-- sysout --\nONE\nSUB\n% JVS0410 JOB VARIABLE 'JV.NONE' DOES NOT EXIST\nNO JV\nDONE\n-- result --\nrc (0,0,CMD0001)\n",
		"cases/two.txtar": "-- proc-file --\n../procs/real.proc\n-- args --\nN=2\n-- sub.proc --\n/WRITE-TEXT 'SUB TWO'\n" +
			"-- sysout --\nTWO\nSUB TWO\n% JVS0410 JOB VARIABLE 'JV.NONE' DOES NOT EXIST\nNO JV\nDONE\n-- result --\nrc (0,0,CMD0001)\n",
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A procedure run through proc-file is covered under its real path, one
// record for all the cases that run it; the summary names its IF
// outcomes never seen and its error handlers, which ran and which never.
func TestCoverProcFile(t *testing.T) {
	dir := coverCases(t)
	code, out, errs := runCLI("test", "--cover", filepath.Join(dir, "cases"))
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	real := filepath.Join(dir, "procs", "real.proc")
	for _, want := range []string{
		"   93.3%  " + real + "  not run: 14\n",
		"  100.0%  " + filepath.Join(dir, "cases", "one.txtar") + "#sub.proc\n",
		"    0.0%  " + filepath.Join(dir, "cases", "one.txtar") + "#unused.proc  not run: 1\n",
		"branches (IF and ELSE-IF conditions, true and false):\n   75.0%  " + real + "  3 of 4  never: 4 ELSE-IF false\n",
		"error handlers (IF-CMD-ERROR, IF-BLOCK-ERROR) that ran for an error:\n" +
			"   50.0%  " + real + "  1 of 2  ran: 9 IF-CMD-ERROR 2 times  never: 13 IF-CMD-ERROR (reached 2 times without an error)\n",
		"total: command lines 88.9% (16 of 18), IF and ELSE-IF outcomes 75.0% (3 of 4), error handlers run for an error 50.0% (1 of 2)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "#real.proc") {
		t.Errorf("the proc-file is named by its case:\n%s", out)
	}
}

// The lcov file names real procedure files by absolute path, copies the
// embedded ones to the sources directory beside it and names the copies,
// and has a BRDA pair for every IF, ELSE-IF and error handler.
func TestCoverLcov(t *testing.T) {
	dir := coverCases(t)
	lcov := filepath.Join(dir, "out", "cover.info")
	if err := os.Mkdir(filepath.Dir(lcov), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI("test", "--lcov", lcov, filepath.Join(dir, "cases")); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	data, err := os.ReadFile(lcov)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	real := "SF:" + filepath.Join(dir, "procs", "real.proc") + "\n" +
		"BRDA:2,0,0,1\nBRDA:2,0,1,1\nBRDA:4,0,0,1\nBRDA:4,0,1,0\nBRDA:9,0,0,2\nBRDA:9,0,1,0\nBRDA:13,0,0,0\nBRDA:13,0,1,2\nBRF:8\nBRH:5\n" +
		"DA:1,2\nDA:2,2\nDA:3,1\nDA:4,1\nDA:5,1\nDA:6,2\nDA:7,2\nDA:8,2\nDA:9,2\nDA:10,2\nDA:11,2\nDA:12,2\nDA:13,2\nDA:14,0\nDA:15,2\nLF:15\nLH:14\nend_of_record\n"
	if !strings.Contains(text, real) || strings.Count(text, "real.proc") != 1 {
		t.Errorf("record of procs/real.proc: want\n%s\nin\n%s", real, text)
	}
	sources := filepath.Join(dir, "out", "cover-sources")
	for name, want := range map[string]string{
		filepath.Join(dir, "cases", "one.txtar", "sub.proc"):    "/WRITE-TEXT 'SUB'\n",
		filepath.Join(dir, "cases", "one.txtar", "unused.proc"): "/WRITE-TEXT 'UNUSED'\n",
		filepath.Join(dir, "cases", "two.txtar", "sub.proc"):    "/WRITE-TEXT 'SUB TWO'\n",
	} {
		// the case path is absolute here: below the sources directory it
		// loses its leading separator
		copied := filepath.Join(sources, strings.TrimPrefix(name, string(filepath.Separator)))
		if got, err := os.ReadFile(copied); err != nil || string(got) != want {
			t.Errorf("%s: %q %v, want %q", copied, got, err, want)
		}
		if !strings.Contains(text, "SF:"+copied+"\n") {
			t.Errorf("no record names %s:\n%s", copied, text)
		}
	}
	if strings.Contains(text, ".txtar#") {
		t.Errorf("a record is named case#section, which genhtml cannot open:\n%s", text)
	}

	// The next run empties the sources directory first.
	stale := filepath.Join(sources, "stale.proc")
	os.WriteFile(stale, []byte("/WRITE-TEXT 'OLD'\n"), 0o644)
	if code, out, errs := runCLI("test", "--lcov", lcov, filepath.Join(dir, "cases")); code != exitOK {
		t.Fatalf("second run: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a file of the earlier sources directory is left")
	}
}

// A directory where the sources would go that sdfp did not write is
// refused, and left as it was.
func TestCoverLcovForeignSourcesDir(t *testing.T) {
	dir := coverCases(t)
	lcov := filepath.Join(dir, "cover.info")
	mine := filepath.Join(dir, "cover-sources", "mine.txt")
	os.MkdirAll(filepath.Dir(mine), 0o755)
	os.WriteFile(mine, []byte("keep me\n"), 0o644)
	code, _, errs := runCLI("test", "--lcov", lcov, filepath.Join(dir, "cases"))
	if code != exitUsage || !strings.Contains(errs, "was not written by sdfp test --lcov") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if got, err := os.ReadFile(mine); err != nil || string(got) != "keep me\n" {
		t.Errorf("the directory was touched: %q %v", got, err)
	}
	if _, err := os.Stat(lcov); err == nil {
		t.Error("an lcov file was written that names sources it could not write")
	}
}

// genhtml renders the lcov file of the project's own cases with the
// source of every procedure file shown: the production procedures under
// procs/ and the procedures embedded in the cases.
func TestCoverGenhtml(t *testing.T) {
	genhtml, err := exec.LookPath("genhtml")
	if err != nil {
		t.Skip("genhtml is not installed (it is in the Debian package lcov: apt-get install lcov; .ci/run installs it when it runs as root), so the lcov file is not rendered")
	}
	dir := t.TempDir()
	lcov := filepath.Join(dir, "lcov.info")
	if code, out, errs := runCLI("test", "--lcov", lcov, "../../testdata"); code != exitOK {
		t.Fatalf("sdfp test: exit %d\n%s%s", code, out, errs)
	}
	html := filepath.Join(dir, "html")
	cmd := exec.Command(genhtml, "--branch-coverage", "--quiet", "--output-directory", html, lcov)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("genhtml: %v\n%s", err, out)
	}
	for proc, line := range map[string]string{
		"vmmem.proc.gcov.html":   "/IF (SHVAS#.MIN-MEM-SIZE = '*UNDEF')",
		"migrate.proc.gcov.html": "/DECLARE-PARAMETER",
	} {
		page := findFile(t, html, proc)
		data, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), line) || !strings.Contains(string(data), "branchCov") {
			t.Errorf("%s shows no source line %q or no branch", page, line)
		}
	}
	// an embedded procedure, copied beside the lcov file
	if !strings.Contains(filepath.ToSlash(findFile(t, html, "main.proc.gcov.html")), ".txtar/main.proc.gcov.html") {
		t.Error("no page of a procedure embedded in a case")
	}
}

// findFile returns the first file of the given name below dir.
func findFile(t *testing.T, dir, name string) string {
	t.Helper()
	found := ""
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && found == "" && d.Name() == name {
			found = p
		}
		return nil
	})
	if found == "" {
		t.Fatalf("genhtml wrote no %s below %s", name, dir)
	}
	return found
}
