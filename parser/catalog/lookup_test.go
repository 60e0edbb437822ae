package catalog

import (
	"slices"
	"testing"
)

// Issue 14: an abbreviation that several commands share resolves to the
// one whose name leaves out no part (MIG-VM is MIGRATE-VM, as the user
// means it); one that still leaves a choice stays ambiguous.
func TestLookupWholeNameMatch(t *testing.T) {
	c := Builtin()
	for _, tt := range []struct {
		in, want string
		cands    []string
	}{
		{"MIG-VM", "MIGRATE-VM", nil},
		{"mig-vm", "MIGRATE-VM", nil},
		{"MIG-VM-DEF", "MIGRATE-VM-DEFINITION", nil},
		{"MIGRATE-VM", "MIGRATE-VM", nil},
		{"SHOW-VM", "", []string{"SHOW-VM-ATTRIBUTES"}}, // no command is SHOW-VM itself: still ambiguous
	} {
		cmd, cands := c.Lookup(tt.in)
		switch {
		case tt.want != "" && (cmd == nil || cmd.Name != tt.want):
			t.Errorf("%s: %v %v, want %s", tt.in, cmd, cands, tt.want)
		case tt.want == "" && (cmd != nil || !slices.Contains(cands, tt.cands[0])):
			t.Errorf("%s: %v %v, want ambiguous with %v", tt.in, cmd, cands, tt.cands)
		}
	}
}
