package main

import (
	"fmt"
	"os"

	"sdfp/hypervisor"
)

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
