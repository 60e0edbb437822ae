package vm2000

import "testing"

// A site command may take the place of a built-in file command (domain
// FILE), so an installation file that declared SHOW-FILE-ATTRIBUTES
// before sdfp ran it keeps loading; the site's declaration is the one
// the run's catalog holds.
func TestSiteCommandReplacesFileCommand(t *testing.T) {
	inst, err := LoadInstallation("site.yaml", []byte(goodSU+"commands:\n  - {name: show-file-attributes, output: [\"% X\"]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c := inst.Catalog().Exact("SHOW-FILE-ATTRIBUTES"); c == nil || c.Domain != "site" || !c.AnyOperands {
		t.Errorf("the catalog holds %+v", c)
	}
}
