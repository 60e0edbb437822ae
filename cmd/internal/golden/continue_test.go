package golden

import (
	"context"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// A continue section names one .proc section other than the first run's;
// anything else is an error of the case, not a run.
func TestContinueSectionErrors(t *testing.T) {
	for _, tc := range []struct{ cont, want string }{
		{"main.proc\n", "continue: main.proc is the procedure the case runs first"},
		{"next.proc\nmain.proc\n", "continue: want one line"},
		{"nothing.proc\n", `continue: "nothing.proc" is not a .proc section of the case`},
	} {
		c := &Case{Path: "x.txtar", Archive: &txtar.Archive{Files: []txtar.File{
			{Name: "main.proc", Data: []byte("/WRITE-TEXT 'A'\n")},
			{Name: "next.proc", Data: []byte("/WRITE-TEXT 'B'\n")},
			{Name: "continue", Data: []byte(tc.cont)},
		}}}
		if _, err := c.Run(context.Background()); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.cont, err, tc.want)
		}
	}
}

// The continued run goes on where the first ended: its clock, the TSN
// after the first run's, the workdir's files and job variables.
func TestContinueGoesOn(t *testing.T) {
	c := &Case{Path: "x.txtar", Archive: &txtar.Archive{Files: []txtar.File{
		{Name: "main.proc", Data: []byte("/CREATE-JV JV.A\n/MODIFY-JV JV.A,SET-VALUE='FIRST'\n/WAIT-EVENT *TIME(TIME-LIMIT=90)\n")},
		{Name: "next.proc", Data: []byte("/WRITE-TEXT '&(TSN()) &(TIME()) &(JV('JV.A'))'\n")},
		{Name: "continue", Data: []byte("next.proc\n")},
	}}}
	out, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out["sysout:continue"], "0002 08:01:30 FIRST\n"; got != want {
		t.Errorf("continued SYSOUT %q, want %q", got, want)
	}
	if got := c.expected(out); !strings.Contains(strings.Join(got, " "), "sysout:continue result:continue") {
		t.Errorf("expected sections %v", got)
	}
}
