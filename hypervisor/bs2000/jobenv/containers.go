package jobenv

import (
	"errors"

	"sdfp/hypervisor/bs2000/jv"
)

// WriteJV implements the interpreter's JVWriter for S variables declared
// with CONTAINER=*JV(...) (SDF-P user guide, "Job variables as
// containers", page 143, V): an assignment to the variable replaces the
// whole value of the job variable. A job variable that does not exist
// yet is created first (I: the page does not say who creates it).
// Errors are the store's (*jv.Error).
func (e *Env) WriteJV(name, value string) error {
	n := e.resolve(name)
	err := e.JVs.Write(n, 1, 0, value, "")
	var je *jv.Error
	if errors.As(err, &je) && je.Key == jv.KeyNotFound {
		if err := e.JVs.Create(n, "", ""); err != nil {
			return err
		}
		return e.JVs.Write(n, 1, 0, value, "")
	}
	return err
}

// DeleteJV implements the interpreter's JVWriter for FREE-VARIABLE
// ...,DESTROY-CONTAINER=*YES of a variable kept in a job variable (page
// 143, V: the JV is deleted only so). A JV that is gone already is no
// error.
func (e *Env) DeleteJV(name string) error {
	err := e.JVs.Delete(e.resolve(name), "")
	var je *jv.Error
	if errors.As(err, &je) && je.Key == jv.KeyNotFound {
		return nil
	}
	return err
}
