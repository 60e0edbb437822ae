package builtins

import (
	"fmt"

	"sdfp/hypervisor/msg"
)

// The texts of the message keys the builtin functions report live in the
// message catalog (package hypervisor/msg), like every other message; a
// function returns the key and inserts, and the interpreter renders them
// in the run's language where they are printed.

// The general keys of the outcome table.
const (
	codeSemantic   = "SDP0091" // SEMANTIC ERROR: (&00), with a detail
	codeWrongValue = "SDP0010" // TYPE OF PARAMETER '(&00)' INVALID
)

// Error is a function error: a message (key and inserts) and the subcode
// 1 of the command error it causes.
type Error = msg.Failure

// intResult checks that a computed INTEGER result fits SDF-P's 32-bit
// range before it is handed back.
func intResult(fn string, n int) (any, error) {
	if n < minInt32 || n > maxInt32 {
		return nil, resultOutOfRange.err(fn, fmt.Sprint(n))
	}
	return n, nil
}

const (
	minInt32 = -1 << 31
	maxInt32 = 1<<31 - 1
)
