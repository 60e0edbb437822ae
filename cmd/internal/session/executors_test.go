package session

import (
	"testing"

	"sdfp/interp"
	"sdfp/parser/catalog"
)

// Every command the catalog declares has exactly one executor: the
// interpreter (its statements and block commands) or one of the
// session's executors (job environment, VM2000, site commands); and every
// command an executor serves is declared. A declared command nothing
// runs used to show only when a procedure ran it.
func TestEveryCommandHasOneExecutor(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cat := catalog.Builtin()
	served := map[string][]string{}
	for _, name := range interp.Commands(cat) {
		served[name] = append(served[name], "interp")
	}
	for _, name := range s.Executors.Commands() {
		served[name] = append(served[name], "executor")
	}
	for _, c := range cat.Commands() {
		switch who := served[c.Name]; len(who) {
		case 0:
			t.Errorf("%s is declared but nothing executes it", c.Name)
		case 1:
		default:
			t.Errorf("%s has %d executors: %v", c.Name, len(who), who)
		}
	}
	for name := range served {
		if cat.Exact(name) == nil {
			t.Errorf("%s is executed but the catalog does not declare it", name)
		}
	}
}
