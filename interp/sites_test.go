package interp

import (
	"context"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// Issue 11: a procedure called in a loop is parsed at every call; the
// compiled sites of its expressions must go with its procedure level, or
// the task keeps every parsed copy (200,000 calls held 420 MB).
func TestSitesOfACalledProcedureGoWithItsLevel(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "sub.proc", []byte("/A = 1\n/B = A + 2\n"), 0o644)
	r := New(WithFS(fs))
	res := r.RunSource(context.Background(), "t.proc",
		"/I = 0\n/WHILE (I < 500)\n/  I = I + 1\n/  CALL-PROCEDURE SUB\n/END-WHILE\n", nil)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if n := len(r.sites); n > 0 {
		t.Errorf("the task keeps %d expression sites after the run, want none", n)
	}
}

// Issue 11: a command changed by & replacement is parsed anew at every
// pass, with new expressions; the sites of one procedure level stay
// bounded (300,000 passes held 256 MB).
func TestSitesOfReplacedCommandsStayBounded(t *testing.T) {
	r := New()
	d := r.NewDialog(context.Background())
	proc, errs := r.Parser().ParseFile("dialog", "/I = 0\n/WHILE (I < 20000)\n/  I = I + 1\n/  X = &I + 1\n/END-WHILE\n")
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if err := d.Run(proc); err != nil {
		t.Fatal(err)
	}
	if n := len(d.f.sites) + len(r.sites); n > maxSites {
		t.Errorf("%d expression sites kept, want at most %d", n, maxSites)
	}
	if len(d.f.plans) > proc.Slots {
		t.Errorf("%d command plans kept for a file of %d slots", len(d.f.plans), proc.Slots)
	}
	if !strings.Contains(formatValue(r.lookup("X").node.value()), "20001") {
		t.Errorf("X = %v", r.lookup("X").node.value())
	}
}

// A dialog level runs each input as a file of its own, whose commands
// take the slots of the inputs before (plan.go): a plan serves only the
// command it was made for.
func TestPlansOfADialogFollowTheirCommands(t *testing.T) {
	r := New()
	d := r.NewDialog(context.Background())
	for _, src := range []string{
		"/A = 1 + 1\n/WHILE (A < 5)\n/  A = A + 1\n/END-WHILE\n",
		"/B = A * 3\n/WHILE (B > 5)\n/  B = B - 4\n/END-WHILE\n",
		"/A = B MOD 2\n",
	} {
		proc, errs := r.Parser().ParseFile("dialog", src)
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
		if err := d.Run(proc); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string]int{"A": 1, "B": 3} {
		if got, _ := r.lookup(name).node.intValue(); got != want {
			t.Errorf("%s = %d, want %d", name, got, want)
		}
	}
}
