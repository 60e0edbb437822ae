package interp

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// fakeSwitches holds job switches per task and one user's switches.
type fakeSwitches struct{ job map[string]uint32 }

func (f *fakeSwitches) JobSwitches(task string) uint32        { return f.job[task] }
func (f *fakeSwitches) SetJobSwitches(task string, on uint32) { f.job[task] = on }
func (f *fakeSwitches) UserSwitches(string) uint32            { return 0 }

// In a procedure SYSSWITCH reads and writes the task's job switches and
// SET-JOB-STEP turns 16 to 31 OFF; a dialog ignores SET-JOB-STEP and
// rejects SKIP-COMMANDS.
func TestJobSwitchesInProcedureAndDialog(t *testing.T) {
	sw := &fakeSwitches{job: map[string]uint32{"0001": 1<<3 | 1<<20}}
	var out bytes.Buffer
	r := New(WithSwitches(sw), WithStdout(&out))
	res := r.RunSource(context.Background(), "p.proc",
		"/WRITE-TEXT '&(SYSSWITCH#3) &(SYSSWITCH#4) &(SYSSWITCH#20)'\n/SYSSWITCH#4 = TRUE\n/SET-JOB-STEP\n", nil)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if got := out.String(); got != "TRUE FALSE TRUE\n" {
		t.Errorf("SYSSWITCH read %q", got)
	}
	if got := sw.job["0001"]; got != 1<<3|1<<4 {
		t.Errorf("job switches after the procedure %b, want 3 and 4", got)
	}

	sw.job["0001"] = 1 << 17
	d := r.NewDialog(context.Background())
	proc, errs := r.Parser().ParseFile("dialog", "/SET-JOB-STEP\n")
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if err := d.Run(proc); err != nil || sw.job["0001"] != 1<<17 {
		t.Errorf("dialog SET-JOB-STEP: %v, switches %b, want 17 kept", err, sw.job["0001"])
	}
	proc, _ = r.Parser().ParseFile("dialog", "/SKIP-COMMANDS TO-LABEL=L1\n")
	if err := d.Run(proc); err == nil || !strings.Contains(err.Error(), "NOT IN A DIALOG") {
		t.Errorf("dialog SKIP-COMMANDS: %v, want it rejected", err)
	}
}

// Without switches (WithSwitches not given) SYSSWITCH is a name like any
// other.
func TestSysSwitchWithoutSwitches(t *testing.T) {
	r := New()
	res := r.RunSource(context.Background(), "p.proc", "/SYSSWITCH = 'X'\n", nil)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
}
