package session

import "sdfp/hypervisor/vm2000"

// VM2000State is the embedded VM2000's present state in the installation
// format (nil without a VM2000): what a saved world keeps, and what the
// run that continues it loads as its installation.
func (s *Session) VM2000State() ([]byte, error) {
	if s.VM2000 == nil {
		return nil, nil
	}
	return vm2000.MarshalInstallation(s.VM2000.Snapshot())
}
