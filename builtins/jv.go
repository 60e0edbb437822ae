package builtins

import (
	"errors"
	"strings"

	"sdfp/hypervisor/bs2000/jv"
)

// Job variable functions. Sources: spec §4.3 "JV" [V UG-311, CMD-61] and
// §10.2 IS-CATALOGED-JV [Vn CMD-56]. The job-variable store answers
// through Env.JV with the store's own errors (package
// hypervisor/bs2000/jv), which jvError maps to the keys of the JV()
// function.

var fnJV = &Function{
	Name: "JV", Result: TypeString, Source: "V UG-311, CMD-61",
	Help: "Contents of a job variable (JV-NAME, or *linkname for a JV link), or the part from START for LENGTH " +
		"characters, with the rules of SUBSTRING (SDP0412, SDP0414). A missing JV is SDP1024, one that cannot " +
		"be read SDP1022.",
	Params: []Param{
		{Name: "JV-NAME", Type: TypeString},
		{Name: "START", Type: TypeInteger, Default: 1},
		{Name: "LENGTH", Type: TypeInteger, Keywords: []string{"*REST-LENGTH"}, Default: Keyword("*REST-LENGTH")},
	},
	Impl: func(env Env, a []any) (any, error) {
		name := jvName(a[0].(string))
		v, err := env.JV(name)
		if err != nil {
			return nil, jvError(name, err)
		}
		n, ok := a[2].(int)
		return cut(env, v, a[1].(int), n, !ok)
	},
}

var fnIsCatalogedJV = &Function{
	Name: "IS-CATALOGED-JV", Result: TypeBoolean, Source: "Vn CMD-56 (parameter name and result: I)",
	Help:   "TRUE when the job variable exists, even if it cannot be read; FALSE when it does not exist.",
	Params: []Param{{Name: "JV-NAME", Type: TypeString}},
	Impl: func(env Env, a []any) (any, error) {
		_, err := env.JV(jvName(a[0].(string)))
		if err == nil {
			return true, nil
		}
		// [I] Not accessible or not a string: the JV is cataloged all the
		// same. Any other failure counts as "not found".
		var e *Error
		if errors.As(jvError(jvName(a[0].(string)), err), &e) && (e.Msg.Key == outcomes[jvNotAccessible].key || e.Msg.Key == outcomes[jvNotString].key) {
			return true, nil
		}
		return false, nil
	},
}

// jvName: JV names are file names, which BS2000 folds to upper case [I].
func jvName(s string) string { return strings.ToUpper(strings.Trim(s, " ")) }

// jvError maps a job-variable store error to the message of JV(): a
// missing JV is SDP1024, a protected one SDP1022, any other store error
// SDP1054 with the store's key.
func jvError(name string, err error) error {
	var je *jv.Error
	if errors.As(err, &je) {
		switch je.Key {
		case jv.KeyNotFound, jv.KeyBadName:
			return jvNotFound.err(name)
		case jv.KeyPassword:
			return jvNotAccessible.err(name)
		}
		return jvStoreError.err(strings.TrimPrefix(je.Key, "JVS"), name) // the text says JVS(&00)
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return jvStoreError.err("?", name)
}
