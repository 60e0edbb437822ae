package builtins

import (
	"errors"
	"strings"
)

// Job variable functions. Sources: spec §4.3 "JV" [V UG-311, CMD-61] and
// §10.2 IS-CATALOGED-JV [Vn CMD-56]. The job-variable store answers
// through Env.JV; a store error that is not an *Error becomes SDP1054.

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
		return cut(env, v, a[1].(int), a[2])
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
		if errors.As(err, &e) && (e.Code == "SDP1022" || e.Code == "SDP1027") {
			return true, nil
		}
		return false, nil
	},
}

// jvName: JV names are file names, which BS2000 folds to upper case [I].
func jvName(s string) string { return strings.ToUpper(strings.Trim(s, " ")) }

func jvError(name string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return fail("SDP1054", err.Error(), name)
}
