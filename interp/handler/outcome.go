package handler

import (
	"sdfp/hypervisor/msg"
)

// Outcome is one row of an outcome table: how a command ends when it is
// refused, fails or is only partly done. Every executor keeps its
// outcomes in one table (named by what happened), so message keys and
// return codes stand in one place, not as literals at the call sites, and
// a test can render every row in every language.
type Outcome struct {
	Msg  string // key of the message printed; empty: none
	Main string // maincode of the return code; empty: Msg
	// Detail, when set, is the detail key (msg.IsDetail) whose text is the
	// message's only insert and takes the inserts instead: the general
	// keys (SDP0091 "SEMANTIC ERROR: (&00)", CMD0202 ...) say what went
	// wrong through it.
	Detail   string
	SC1, SC2 int
	Source   string // where the row comes from (V, I, S tags)
}

// Maincode is the outcome's maincode.
func (o Outcome) Maincode() string {
	if o.Main != "" {
		return o.Main
	}
	return o.Msg
}

// Message is the outcome's message with the inserts.
func (o Outcome) Message(inserts ...any) msg.Message {
	if o.Detail == "" {
		return msg.New(o.Msg, inserts...)
	}
	return msg.New(o.Msg, msg.New(o.Detail, inserts...))
}

// Result is the result of a command ending with this outcome: its return
// code, its message (if any) and a spin-off when SC1 is not 0.
func (o Outcome) Result(inserts ...any) Result {
	r := Result{RC: ReturnCode{SC2: o.SC2, SC1: o.SC1, Main: o.Maincode()}, SpinOff: o.SC1 != 0}
	if o.Msg != "" {
		r.Output = []msg.Message{o.Message(inserts...)}
	}
	return r
}

// Err is the outcome as an error, for code that reports it through an
// error return (an expression, a condition).
func (o Outcome) Err(inserts ...any) error {
	return &msg.Failure{SC1: o.SC1, Msg: o.Message(inserts...)}
}

// Lint renders an outcome in English and German with stand-in inserts
// ("<0>", "<1>" ...) as many as its texts take, and returns what
// msg.Catalog.Lint finds wrong. Every outcome table has a test that lints
// each row.
func (o Outcome) Lint(c *msg.Catalog) []string {
	if o.Msg == "" {
		return nil
	}
	key := o.Msg
	if o.Detail != "" {
		key = o.Detail
	}
	m := o.Message(c.StandIns(key)...)
	var problems []string
	for _, lang := range []string{"E", "D"} {
		problems = append(problems, c.Lint(m, lang)...)
	}
	return problems
}
