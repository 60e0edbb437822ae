package builtins

import (
	"fmt"
	"strings"
)

// Message keys the builtin functions report, with their (shortened)
// English texts. A key that turns out wrong is corrected here, not in the
// functions. "(&00)" and "(&01)" are the inserts, filled by fail.
//
// Keys marked [I] are inferred: the manuals name no key for that case, so
// the generic SDP0091 "semantic error" is used.
var messages = map[string]string{
	"SDP0010": "TYPE OF PARAMETER '(&00)' INVALID",
	"SDP0091": "SEMANTIC ERROR: (&00)",
	"SDP0411": "STRING EMPTY",
	"SDP0412": "START POSITION OUT OF RANGE",
	"SDP0413": "ILLEGAL LENGTH",
	"SDP0414": "WARNING: *REST-LENGTH VALUE USED FOR LENGTH OPERAND",
	"SDP0447": "THE GIVEN STRING IS NOT A SDF-LIST",
	"SDP0448": "THE PARAMETER \"POSITION\" OUT OF RANGE",
	"SDP0481": "VALUE OF OPERAND 'POSITION' MUST BE GREATER THAN ZERO",
	"SDP1022": "JV: JOB VARIABLE '(&00)' NOT ACCESSIBLE",
	"SDP1024": "JV: JOB VARIABLE '(&00)' DOES NOT EXIST",
	"SDP1027": "VALUE FOR JOB VARIABLE '(&00)' IS NOT A STRING",
	"SDP1054": "JOB VARIABLE ERROR: JVS ERROR CODE '(&00)' WHILE ACCESSING JOB VARIABLE '(&01)'",
	"SDP1101": "SYNTAX ERROR IN VARIABLE NAME '(&00)'",
}

// Keys for cases the manuals leave without one [I].
const (
	codeNotInteger  = "SDP0091" // INTEGER( ) of a string IS-INTEGER( ) rejects
	codeNoVariable  = "SDP0091" // attribute query on an undeclared variable
	codeOutOfRange  = "SDP0091" // an INTEGER result outside -2**31..2**31-1
	codeWrongValue  = "SDP0010" // a value of a type the function cannot take
	codeBadListElem = "SDP0447" // EXTEND-SDF-LIST would not give a valid list
)

// MessageText returns the English text of a message key this package
// reports, with its insert placeholders, for `sdfp help`.
func MessageText(code string) (string, bool) {
	t, ok := messages[code]
	return t, ok
}

// fail returns the semantic (SC1=64) error for a message key with its
// inserts substituted.
func fail(code string, inserts ...any) *Error {
	text, ok := messages[code]
	if !ok {
		text = code
	}
	// One pass, so an insert that itself reads "(&01)" stays as written.
	pairs := make([]string, 0, 2*len(inserts))
	for i, v := range inserts {
		pairs = append(pairs, fmt.Sprintf("(&%02d)", i), fmt.Sprint(v))
	}
	return &Error{Code: code, SC1: 64, Msg: strings.NewReplacer(pairs...).Replace(text)}
}

// warn reports a warning key through the environment.
func warn(env Env, code string) {
	env.Warn(code, messages[code])
}

// intResult checks that a computed INTEGER result fits SDF-P's 32-bit
// range before it is handed back.
func intResult(fn string, n int) (any, error) {
	if n < minInt32 || n > maxInt32 {
		return nil, fail(codeOutOfRange, fmt.Sprintf("%s RESULT %d OUTSIDE THE INTEGER RANGE", fn, n))
	}
	return n, nil
}

const (
	minInt32 = -1 << 31
	maxInt32 = 1<<31 - 1
)
