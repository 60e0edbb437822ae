package vm2000

import (
	"testing"

	"sdfp/hypervisor/msg"
)

func TestOutcomesRenderInBothLanguages(t *testing.T) {
	for id, o := range outcomes() {
		for _, p := range o.Lint(msg.Default()) {
			t.Errorf("outcome %s: %s", id, p)
		}
	}
}
