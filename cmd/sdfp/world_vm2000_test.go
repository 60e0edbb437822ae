package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sdfp/cmd/internal/golden"
	"sdfp/hypervisor/bs2000/world"
)

// The golden case testdata/state/continue-vm-states runs its continued
// procedure on the VM2000 the world would save; here the same procedures
// go through the world itself (world.json, vm2000.yaml on disk, read
// back by --continue), and the continued run prints what the case
// expects.
func TestContinueShowsWhatTheRunLeft(t *testing.T) {
	c, err := golden.Load("../../testdata/state/continue-vm-states.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	procs := map[string]string{}
	for _, name := range []string{"main.proc", "vmadmin.proc", "continue.proc"} {
		src, ok := c.Section(name)
		if !ok {
			t.Fatalf("the case has no %s", name)
		}
		procs[name] = writeProc(t, dir, name, src)
	}
	if code, out, errOut := runCLI("run", "--workdir", work, "--console", "off", procs["main.proc"], procs["vmadmin.proc"]); code != exitOK {
		t.Fatalf("first run: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut := runCLI("run", "--workdir", work, "--console", "off", "--continue", procs["continue.proc"])
	want, _ := c.Section("sysout:continue")
	if code != exitOK || out != want {
		t.Errorf("continued run: exit %d %s\n%s", code, errOut, golden.LineDiff(want, out))
	}
}

// A vm2000.yaml whose VM state is none VM2000 shows is refused with its
// file, line and column, and exit status 2 (the hash in world.json fits,
// so it is read as an installation).
func TestContinueRefusesBadVMState(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	held := writeProc(t, dir, "held.proc", "/BEGIN-VM-DIALOG VM-ID=1\n/HOLD-VM VM-ID=VM02\n/END-VM-DIALOG\n")
	if code, out, errOut := runCLI("run", "--workdir", work, held); code != exitOK {
		t.Fatalf("first run: exit %d\n%s%s", code, out, errOut)
	}
	vmFile, stFile := filepath.Join(work, filepath.FromSlash(world.VM2000File)), filepath.Join(work, filepath.FromSlash(world.StateFile))
	text := readText(t, vmFile)
	at := strings.Index(text, `state: "WAIT(SEL)"`)
	if at < 0 {
		t.Fatalf("the world does not show VM02 held:\n%s", text)
	}
	bad := strings.Replace(text, `state: "WAIT(SEL)"`, `state: "WAIT(ABC)"`, 1)
	line := strings.Count(text[:at], "\n") + 1
	col := at - strings.LastIndexByte(text[:at], '\n') + len("state: ")
	st := strings.Replace(readText(t, stFile), world.Hash([]byte(text)), world.Hash([]byte(bad)), 1)
	if err := os.WriteFile(vmFile, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stFile, []byte(st), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI("run", "--workdir", work, "--continue", held)
	want := world.VM2000File + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col) + ": VM state must be"
	if code != exitUsage || !strings.Contains(errOut, want) || !strings.Contains(errOut, "run without --continue") {
		t.Errorf("exit %d %q, want %d and %q", code, errOut, exitUsage, want)
	}
}

func readText(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
