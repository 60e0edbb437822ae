package builtins

import (
	"fmt"
	"strings"
	"sync"

	"sdfp/hypervisor/msg"
)

// The texts of the message keys the builtin functions report live in the
// message catalog (package hypervisor/msg), like every other message; a
// key that turns out wrong is corrected there and here, not in the
// functions.
var messageCatalog = sync.OnceValue(msg.Default)

// Keys for cases the manuals leave without one [I].
const (
	codeNotInteger  = "SDP0091" // INTEGER( ) of a string IS-INTEGER( ) rejects
	codeNoVariable  = "SDP0091" // attribute query on an undeclared variable
	codeOutOfRange  = "SDP0091" // an INTEGER result outside -2**31..2**31-1
	codeWrongValue  = "SDP0010" // a value of a type the function cannot take
	codeBadListElem = "SDP0447" // EXTEND-SDF-LIST would not give a valid list
)

// Fail returns the semantic (SC1=64) error for a message key with its
// inserts; Msg is the English text for logs and tests, the interpreter
// renders the message in the run's language from Code and Inserts.
func Fail(code string, inserts ...any) *Error {
	ins := make([]string, len(inserts))
	for i, v := range inserts {
		ins[i] = fmt.Sprint(v)
	}
	text, ok := messageCatalog().Text(code, "E", ins)
	if !ok {
		text = strings.Join(append([]string{code}, ins...), " ")
	}
	return &Error{Code: code, SC1: 64, Msg: text, Inserts: ins}
}

func fail(code string, inserts ...any) *Error { return Fail(code, inserts...) }

// warn reports a warning key through the environment.
func warn(env Env, code string) {
	text, _ := messageCatalog().Text(code, "E", nil)
	env.Warn(code, text)
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
