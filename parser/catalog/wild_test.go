package catalog

import (
	"strings"
	"testing"
)

// with-wild marks a text or name alternative as a name pattern; it
// prints back in help, and only <text> and the name types take it.
func TestWithWild(t *testing.T) {
	ops, err := ParseOperands(`VM-NAME = *ALL / <name 1..8> / <text 1..20 with-wild>`)
	if err != nil {
		t.Fatal(err)
	}
	alts := ops[0].Alts
	if alts[1].Wild || !alts[2].Wild {
		t.Errorf("Wild = %v, %v; want false, true", alts[1].Wild, alts[2].Wild)
	}
	if got, want := ops[0].Synopsis(), "VM-NAME = *ALL / <name 1..8> / <text 1..20 with-wild>"; got != want {
		t.Errorf("synopsis %q, want %q", got, want)
	}
	if ops, err := ParseOperands(`X = <alphanum-name 1..4 with-wild>`); err != nil || !ops[0].Alts[0].Wild {
		t.Errorf("<alphanum-name with-wild>: %v", err)
	}
	if _, err := ParseOperands(`X = <integer 1..8 with-wild>`); err == nil || !strings.Contains(err.Error(), "with-wild is for <text> and the name types") {
		t.Errorf("<integer with-wild>: %v", err)
	}
	// the built-in commands whose pattern operands the binder joins
	for _, c := range []struct{ cmd, op string }{
		{"SHOW-VM-ATTRIBUTES", "VM-IDENTIFICATION"}, {"SHOW-VM-STATUS", "VM-IDENTIFICATION"},
		{"SHOW-VM-DEFINITION", "VM-NAME"}, {"DELETE-FILE", "FILE-NAME"}, {"SHOW-FILE-ATTRIBUTES", "FILE-NAME"},
		{"REMOVE-FILE-LINK", "LINK-NAME"}, {"SHOW-FILE-LINK", "LINK-NAME"},
		{"ADD-VM-DEVICES", "UNITS"}, {"REMOVE-VM-DEVICES", "UNITS"}, {"SHOW-VM-DEVICE-STATUS", "UNITS"},
	} {
		cmd, _ := Builtin().Lookup(c.cmd)
		wild := false
		for _, o := range cmd.Operands() {
			if o.Name == c.op {
				for _, a := range o.Alts {
					wild = wild || a.Wild
				}
			}
		}
		if !wild {
			t.Errorf("%s %s takes no pattern", c.cmd, c.op)
		}
	}
}
