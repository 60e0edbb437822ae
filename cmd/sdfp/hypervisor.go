package main

import (
	"fmt"
	"os"

	"sdfp/hypervisor"
	"sdfp/interp/check"
	"sdfp/parser/catalog"
)

// catalogFor returns the command catalog of procedures that run on inst:
// the built-in one, with inst's site commands when it declares any (nil:
// the embedded installation, which declares none).
func catalogFor(inst *hypervisor.Installation) *catalog.Catalog {
	if inst == nil {
		return catalog.Builtin()
	}
	return inst.Catalog()
}

// checker returns the checker for procedures that run on inst.
func checker(inst *hypervisor.Installation) *check.Checker { return check.NewFor(catalogFor(inst)) }

// installation loads the --installation file, or returns nil for the
// embedded default installation.
func installation(file string) (*hypervisor.Installation, error) {
	if file == "" {
		return nil, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("--installation: %v", err)
	}
	return hypervisor.LoadInstallation(file, data)
}
