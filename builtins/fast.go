package builtins

// Fast forms (issue 18). A loop's commonest calls write a function's
// leading parameters in order and leave the rest at their defaults:
// INDEX(S, 'X'), SUBSTRING(A, 5, 10), LENGTH(S), UPPER-CASE(S),
// STRING(I), INTEGER(S). For them a function may offer a form that takes
// those arguments as plain Go values, so that the interpreter hands them
// over without filling an Args buffer and the function does not read its
// defaults back out of it. A fast form calls the same code as Str or Int
// with the defaults written in, so the function keeps one
// implementation; TestFastFormsAgainstTyped holds each form to Str or
// Int.
//
// The interpreter calls a form only when the call's values are of the
// types the parameters take as they are (a string for a STRING
// parameter, an int within 32 bits for an INTEGER one, a parameter of
// any type taking the form's), so no argument needs a check.

// Fast is a function's fast forms; at most one of them is set.
type Fast struct {
	IntS   func(env Env, s string) (int, error)              // of a string: LENGTH, INTEGER
	IntSS  func(env Env, s, t string) (int, error)           // of two strings: INDEX
	StrS   func(env Env, s string) (string, error)           // of a string: UPPER-CASE, LOWER-CASE
	StrI   func(env Env, n int) (string, error)              // of an integer: STRING
	StrSII func(env Env, s string, a, b int) (string, error) // of a string and two integers: SUBSTRING
}

// Arity is the number of leading parameters the set form takes, 0 for
// none.
func (f *Fast) Arity() int {
	switch {
	case f == nil:
		return 0
	case f.IntS != nil, f.StrS != nil, f.StrI != nil:
		return 1
	case f.IntSS != nil:
		return 2
	case f.StrSII != nil:
		return 3
	}
	return 0
}

// TakesInt reports whether the set form's parameter i is an integer.
func (f *Fast) TakesInt(i int) bool { return f.StrI != nil || f.StrSII != nil && i > 0 }
