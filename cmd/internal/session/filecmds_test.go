package session

import (
	"context"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/files"
	"sdfp/hypervisor/bs2000/site"
	"sdfp/hypervisor/vm2000"
)

// A site command of an installation file that has the name of a file
// command takes its place, so installation files written before sdfp ran
// file commands keep working; the other file commands stay sdfp's.
func TestSiteCommandWinsOverFileCommand(t *testing.T) {
	inst, err := vm2000.LoadInstallation("site.yaml", []byte(`server-units:
  - name: ABGSE501
    type: /390
    memory: 32768
commands:
  - name: SHOW-FILE-ATTRIBUTES
    output: ["%0000000006 :A390:$SDFPUSER.LST.VMMEM"]
`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Installation: inst})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Executors.Executor("SHOW-FILE-ATTRIBUTES").(*site.Commands); !ok {
		t.Errorf("SHOW-FILE-ATTRIBUTES runs on %T, not the site's command", s.Executors.Executor("SHOW-FILE-ATTRIBUTES"))
	}
	if _, ok := s.Executors.Executor("DELETE-FILE").(*files.Files); !ok {
		t.Errorf("DELETE-FILE runs on %T", s.Executors.Executor("DELETE-FILE"))
	}
}

// The file commands work on the session's file system and the run's
// user ID.
func TestFileCommandsUseTheSessionsFiles(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "OLD.DATA", []byte("x"), 0o644)
	var out strings.Builder
	s, err := New(Options{FS: fs, User: "USER1", Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	src := "/DELETE-FILE FILE-NAME=$USER1.OLD.DATA,OUTPUT=*SYSOUT\n"
	res := s.RunTasks(context.Background(), []Task{{Name: "p.proc", Source: src}})
	if res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	if ok, _ := afero.Exists(fs, "OLD.DATA"); ok || !strings.Contains(out.String(), ":SDFP:$USER1.OLD.DATA") {
		t.Errorf("the file is still there or SYSOUT says %q", out.String())
	}
}

// SAVE-VM-CONFIGURATION writes its backup file through the session's file
// commands: a file of the session's file system, named with the run's
// user ID, which the file commands then see, and RESTORE-VM-CONFIGURATION
// reads it back from there.
func TestVMConfigurationBackupIsASessionFile(t *testing.T) {
	fs := afero.NewMemMapFs()
	var out strings.Builder
	s, err := New(Options{FS: fs, User: "USER1", Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	src := `/BEGIN-VM-DIALOG VM-ID=1
/SAVE-VM-CONFIGURATION FILE-NAME=$USER1.CONF.SAVED
/SHOW-FILE-ATTRIBUTES FILE-NAME=CONF.SAVED
/DELETE-VM VM-ID=*ALL,CHECK-VM-STATE=*NO
/RESTORE-VM-CONFIGURATION FILE-NAME=CONF.SAVED
/END-VM-DIALOG
`
	res := s.RunTasks(context.Background(), []Task{{Name: "p.proc", Source: src}})
	if res[0].Err != nil {
		t.Fatalf("%v\n%s", res[0].Err, out.String())
	}
	data, err := afero.ReadFile(fs, "CONF.SAVED")
	if err != nil || !strings.Contains(string(data), "server-units:") {
		t.Fatalf("backup file: %v %q", err, data)
	}
	for _, want := range []string{"VMS4800", ":SDFP:$USER1.CONF.SAVED", "VMS4801"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("SYSOUT lacks %s:\n%s", want, out.String())
		}
	}
}
