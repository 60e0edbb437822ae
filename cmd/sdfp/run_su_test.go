package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// sdfp run FILE@SU runs each procedure on the monitor system of the
// server unit it names: the tasks' dialogs are with their own SU's
// monitor VM, and an SU the installation lacks is a usage error.
func TestRunTasksOnServerUnits(t *testing.T) {
	dir := t.TempDir()
	src := "/BEGIN-VM-DIALOG VM-ID=1\n/SHOW-VM-STATUS VM-ID=*ALL\n/END-VM-DIALOG\n"
	a := writeProc(t, dir, "a.proc", src)
	b := writeProc(t, dir, "b.proc", src)
	work := filepath.Join(dir, "work")
	code, out, errOut := runCLI("run", "--workdir", work, "--console", "off", a+"@abgse501", b+"@ABGSE701")
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	for _, want := range []string{
		"[TSN 0001] % VMS1013 ADMINISTRATION DIALOG WITH VIRTUAL MACHINE (1,MONITOR) OPENED BY TSN '0001'",
		"[TSN 0001] % 12 VM12PROD",
		"[TSN 0002] % VMS1013 ADMINISTRATION DIALOG WITH VIRTUAL MACHINE (1,MONITOR) OPENED BY TSN '0002'",
		"[TSN 0002] %  5 VM05TEST",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	// each task sees only its own SU's VMs and administrators
	for _, unwanted := range []string{"[TSN 0001] %  5 VM05TEST", "[TSN 0002] % 12 VM12PROD", "[TSN 0001] % VMS1013 ADMINISTRATION DIALOG WITH VIRTUAL MACHINE (1,MONITOR) OPENED BY TSN '0002'"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("%q in\n%s", unwanted, out)
		}
	}
	code, out, errOut = runCLI("run", "--workdir", work, a+"@NOSUCH")
	if code != exitUsage || out != "" || !strings.Contains(errOut, `no server unit "NOSUCH"`) || !strings.Contains(errOut, "ABGSE501, ABGSE701") {
		t.Errorf("unknown SU: exit %d, %q, %q", code, out, errOut)
	}
	// --su too, and the installation no file was given for is named so
	code, _, errOut = runCLI("run", "--workdir", work, "--su", "NOSUCH", a)
	if code != exitUsage || !strings.Contains(errOut, `no server unit "NOSUCH" in the embedded installation (it has ABGSE501, ABGSE701)`) {
		t.Errorf("--su NOSUCH: exit %d, %q", code, errOut)
	}
}
