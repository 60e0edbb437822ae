//go:build unix

package session

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sdfp/hypervisor/bs2000/dms/dmstest"
)

// SYSLST and SYSOUT files replace the files they are assigned to; a
// hard link in the workdir to a file outside it, or a link planted under
// the spare's name, is replaced as a name, never written through. (The
// in-place rewrite of SYSLST used to overwrite the outside file.)
func TestSystemFilesNeverWriteThroughLinks(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	os.Mkdir(work, 0o755)
	outside := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d"} {
		p := filepath.Join(dir, "outside-"+n)
		outside[p] = "OUTSIDE " + n + "\n"
		os.WriteFile(p, []byte(outside[p]), 0o644)
	}
	os.WriteFile(filepath.Join(work, "victim.proc"), []byte("/WRITE-TEXT 'VICTIM'\n"), 0o644)
	links := []error{
		os.Link(filepath.Join(dir, "outside-a"), filepath.Join(work, "LST.A")),
		os.Link(filepath.Join(dir, "outside-b"), filepath.Join(work, "OUT.B")),
		os.Link(filepath.Join(dir, "outside-c"), filepath.Join(work, ".LST.C.sdfp-spare")),
		os.Link(filepath.Join(dir, "outside-d"), filepath.Join(work, "LST.D")),
		os.Symlink("victim.proc", filepath.Join(work, ".LST.E.sdfp-spare")),
	}
	for _, err := range links {
		if err != nil {
			t.Skip("no links here:", err)
		}
	}
	src := `/ASSIGN-SYSLST LST.A
/WRITE-TEXT 'NEW A',OUTPUT=*SYSLST
/ASSIGN-SYSLST LST.C
/WRITE-TEXT 'NEW C',OUTPUT=*SYSLST
/ASSIGN-SYSLST LST.D,OPEN-MODE=*EXTEND
/WRITE-TEXT 'NEW D',OUTPUT=*SYSLST
/ASSIGN-SYSLST LST.E
/WRITE-TEXT 'NEW E',OUTPUT=*SYSLST
/ASSIGN-SYSLST *PRIMARY
/ASSIGN-SYSOUT OUT.B
/WRITE-TEXT 'NEW B'
/ASSIGN-SYSOUT *PRIMARY
`
	// twice: the second run finds the first run's old files as spares
	for run := 1; run <= 2; run++ {
		root, err := OpenRoot(work)
		if err != nil {
			t.Fatal(err)
		}
		_, out, res := runIn(t, root, src)
		root.Close()
		if res.Err != nil || out != "" {
			t.Fatalf("run %d: %v %q", run, res.Err, out)
		}
		for p, want := range outside {
			if got := readHost(t, p); got != want {
				t.Errorf("run %d: %s written through a link: %q", run, p, got)
			}
		}
		if got := readHost(t, filepath.Join(work, "victim.proc")); got != "/WRITE-TEXT 'VICTIM'\n" {
			t.Errorf("run %d: victim.proc written through a symbolic link: %q", run, got)
		}
		wantD := "OUTSIDE d\nNEW D\n"
		if run == 2 {
			wantD += "NEW D\n"
		}
		for name, want := range map[string]string{"LST.A": "NEW A\n", "OUT.B": "NEW B\n", "LST.C": "NEW C\n", "LST.D": wantD, "LST.E": "NEW E\n"} {
			if got := readHost(t, filepath.Join(work, name)); got != want {
				t.Errorf("run %d: %s = %q, want %q", run, name, got, want)
			}
		}
	}
}

// A FIFO in the workdir, named as a procedure or as a JV file, is
// refused at once: it used to hang CALL-PROCEDURE and JV() forever.
func TestFIFOInWorkdir(t *testing.T) {
	work := t.TempDir()
	os.Mkdir(filepath.Join(work, "JV"), 0o755)
	for _, f := range []string{"sub.proc", "JV/JV.F"} {
		p := filepath.Join(work, f)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skip("no FIFOs here:", err)
		}
		defer dmstest.UnblockAfter(p, 5*time.Second)()
	}
	root, err := OpenRoot(work)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	_, out, res := runIn(t, root, `/BEGIN-BLOCK
/  X = JV('JV.F')
/END-BLOCK
/IF-BLOCK-ERROR; END-IF
/CALL-PROCEDURE SUB
`)
	if !strings.Contains(out, "SDP1054") || !strings.Contains(out, "JVS0417") {
		t.Errorf("JV(): %q", out)
	}
	if res.Err == nil || !strings.Contains(res.Err.Error(), "PROCEDURE FILE SUB CANNOT BE READ: NOT A REGULAR FILE") {
		t.Errorf("CALL-PROCEDURE: %v", res.Err)
	}
}
