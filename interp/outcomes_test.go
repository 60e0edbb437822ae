package interp

import (
	"testing"

	"sdfp/hypervisor/msg"
)

// Every row of the outcome table renders in English and German, with as
// many inserts as its texts take, and says nothing twice.
func TestOutcomesRenderInBothLanguages(t *testing.T) {
	for id, o := range outcomes {
		for _, p := range o.Lint(msg.Default()) {
			t.Errorf("outcome %d (%s %s): %s", id, o.Msg, o.Detail, p)
		}
	}
}
