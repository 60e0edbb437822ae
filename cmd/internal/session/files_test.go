package session

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms/dmstest"
	"sdfp/hypervisor/msg"
	"sdfp/interp"
)

// runIn runs a procedure on the file system fsys and returns the session,
// its SYSOUT and the result.
func runIn(t *testing.T, fsys afero.Fs, src string) (*Session, string, interp.Result) {
	t.Helper()
	var out bytes.Buffer
	s, err := New(Options{FS: fsys, Stdout: &out, NoVM2000: true})
	if err != nil {
		t.Fatal(err)
	}
	res := s.RunTasks(context.Background(), []Task{{Name: "t.proc", Source: src}})
	return s, out.String(), res[0]
}

func readHost(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Every file a run cannot write is reported, naming the file: SYSLST and
// SYSOUT files (DMS0502) and job variables (JVS0416); each keeps what it
// held before. (Write errors of SYSLST and SYSOUT used to be ignored,
// leaving a file cut mid-line, and a failed JV flush printed one line
// without the file.)
func TestWriteErrorsReported(t *testing.T) {
	full := false
	mem := afero.NewMemMapFs()
	fsys := dmstest.FullFS{Fs: mem, Full: &full}
	src := `/ASSIGN-SYSLST LST.FULL
/WRITE-TEXT 'NEW LINE',OUTPUT=*SYSLST
/ASSIGN-SYSLST *PRIMARY
/ASSIGN-SYSOUT OUT.FULL
/WRITE-TEXT 'NEW LINE'
/ASSIGN-SYSOUT *PRIMARY
/MODIFY-JV JV.A,SET-VALUE='NEW'
`
	if s, out, res := runIn(t, fsys, "/CREATE-JV JV.A\n"+src); res.Err != nil || len(s.WriteErrors()) != 0 {
		t.Fatalf("first run: %v %q %v", res.Err, out, s.WriteErrors())
	}
	old := map[string]string{}
	for _, f := range []string{"LST.FULL", "OUT.FULL", "JV/JV.A"} {
		data, _ := afero.ReadFile(mem, f)
		old[f] = string(data)
	}
	full = true
	s, out, res := runIn(t, fsys, src)
	if res.Err != nil || out != "" {
		t.Fatalf("second run: %v %q", res.Err, out)
	}
	var got []string
	for _, m := range s.WriteErrors() {
		got = append(got, msg.Default().Render(m, "E"))
	}
	want := []string{
		"% DMS0502 FILE 'LST.FULL' CANNOT BE WRITTEN: NO SPACE LEFT ON DEVICE. THE FILE KEEPS ITS PREVIOUS CONTENT",
		"% DMS0502 FILE 'OUT.FULL' CANNOT BE WRITTEN: NO SPACE LEFT ON DEVICE. THE FILE KEEPS ITS PREVIOUS CONTENT",
		"% JVS0416 JOB VARIABLE 'JV.A' CANNOT BE STORED IN FILE 'JV/JV.A': NO SPACE LEFT ON DEVICE",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("write errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for f, was := range old {
		if data, _ := afero.ReadFile(mem, f); string(data) != was {
			t.Errorf("%s changed: %q, was %q", f, data, was)
		}
	}
}
