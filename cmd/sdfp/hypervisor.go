package main

import (
	"fmt"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
	"sdfp/hypervisor/vm2000"
	"sdfp/parser/catalog"
	"sdfp/parser/check"
)

// catalogFor returns the command catalog of procedures that run on inst:
// the built-in one, with inst's site commands when it declares any (nil:
// the embedded installation, which declares none).
func catalogFor(inst *vm2000.Installation) *catalog.Catalog {
	if inst == nil {
		return catalog.Builtin()
	}
	return inst.Catalog()
}

// checker returns the checker for procedures that run on inst.
func checker(inst *vm2000.Installation) *check.Checker { return check.NewFor(catalogFor(inst)) }

// installation loads the --installation file, or returns nil for the
// embedded default installation.
func installation(file string) (*vm2000.Installation, error) {
	if file == "" {
		return nil, nil
	}
	// a regular file only (a FIFO would hang the read), and one byte more
	// than LoadInstallation takes, so that it reports the size itself
	data, err := dms.ReadFile(afero.NewOsFs(), file, vm2000.MaxInstallationSize+1)
	if err != nil {
		return nil, fmt.Errorf("--installation: %v", err)
	}
	return vm2000.LoadInstallation(file, data)
}
