package session

import "sdfp/hypervisor/vm2000"

// VM2000State is the embedded VM2000's present state in the installation
// format (nil without a VM2000): what a saved world keeps, and what the
// run that continues it loads as its installation. A VM2000 of the
// default installation that the run left alone is in the state New
// built, which vm2000.DefaultState holds: most plain runs save it without
// taking a snapshot.
func (s *Session) VM2000State() ([]byte, error) {
	if s.VM2000 == nil {
		return nil, nil
	}
	if s.opts.Installation == nil && !s.VM2000.Changed() {
		if text := vm2000.DefaultState(); text != nil {
			return text, nil
		}
	}
	return vm2000.MarshalInstallation(s.VM2000.Snapshot())
}
