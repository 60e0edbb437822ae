package lexer

import "sync"

// hint is a completion of a diagnostic's message that costs enough to be
// computed only for a diagnostic that is shown: a did-you-mean compares
// the written name with every name of a table, and a file of a million
// unknown commands keeps only Limits.Findings of them.
type hint struct {
	once sync.Once
	fn   func() string
}

// WithHint sets the function whose result Resolve appends to Msg.
func (e *Error) WithHint(fn func() string) *Error {
	e.hint = &hint{fn: fn}
	return e
}

// Resolve completes Msg with the hint, once, and returns e. Diagnostics
// resolve what they keep; whoever shows a diagnostic that did not pass
// through them (a command's error when a run reaches it) resolves it
// first.
func (e *Error) Resolve() *Error {
	if e != nil && e.hint != nil {
		h := e.hint
		h.once.Do(func() { e.Msg += h.fn() })
	}
	return e
}
