package main

import (
	"fmt"

	"sdfp/interp/golden"
	"sdfp/interp/session"
)

// vm2000 attaches the embedded VM2000 to a session.
type vm2000 struct {
	installation string
	su           string
}

func hypervisorHandlers(f runFlags) (*vm2000, error) {
	return &vm2000{installation: f.installation, su: f.su}, nil
}

func (v *vm2000) attach(s *session.Session) error {
	if v.installation != "" || v.su != "" {
		return fmt.Errorf("the embedded VM2000 is not available in this build")
	}
	return nil
}

// attachCaseVM2000 attaches the embedded VM2000 to the session of a golden
// case, with the case's installation section when it has one.
func attachCaseVM2000(c *golden.Case, s *session.Session) error { return nil }
