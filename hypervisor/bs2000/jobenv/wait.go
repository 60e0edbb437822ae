package jobenv

import (
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer/ebcdic"
	"sdfp/parser/ast"
)

// WAIT-EVENT. *JV waits until a JV conditional expression holds, *TIME
// until a time has passed; both in virtual time. The condition is checked
// at once (unless CHECK-CURRENT-VALUE=*NO) and again whenever a job
// variable may have changed. When the time limit passes, processing goes
// on at TIMEOUT-LABEL, or the command fails with a spin-off, so an
// S procedure goes to its next IF-BLOCK-ERROR (or IF-CMD-ERROR).

// KeyWaitTimeout is the maincode of a WAIT-EVENT whose time limit passed.
// The manual pages read do not name it; the key is sdfp's (I).
const KeyWaitTimeout = "JVS0420"

func (e *Env) waitEvent(req *handler.Request) handler.Result {
	var kind ast.Keyword
	var s *ast.Args
	req.Args.Unpack("UNTIL", &kind, "UNTIL", &s)
	var limit int
	switch kind {
	case "*TIME":
		s.Unpack("TIME-LIMIT", &limit)
		return handler.Result{RC: handler.OK, Wait: &handler.Wait{
			Ready: func() (bool, error) { return false, nil }, Deadline: int64(limit),
			OnTimeout: handler.Result{RC: handler.OK}}}
	case "*USER-SWITCHES":
		return e.waitUserSwitches(s)
	}
	var cond ast.Expr
	var checkNow ast.Keyword
	var label string
	s.Unpack("CONDITION", &cond, "TIME-LIMIT", &limit, "CHECK-CURRENT-VALUE", &checkNow, "TIMEOUT-LABEL", &label)
	if cond == nil {
		return outcomes[waitNoCondition].Result()
	}
	// A condition on a JV that does not exist is rejected at once.
	if err := e.missingJV(cond); err != nil {
		return jvFail(err)
	}
	check := checkNow != "*NO"
	seen := e.JVs.Changes
	timeout := handler.Fail(64, msg.New(KeyWaitTimeout, limit))
	if label != "" && label != "*NONE" {
		timeout = handler.Result{RC: handler.ReturnCode{SC2: 1, Main: KeyWaitTimeout}, Goto: label}
	}
	return handler.Result{RC: handler.OK, Wait: &handler.Wait{
		Ready: func() (bool, error) {
			if !check && e.JVs.Changes == seen {
				return false, nil
			}
			return e.evalCond(cond)
		},
		Deadline:  int64(limit),
		OnTimeout: timeout,
	}}
}

// missingJV is the store's refusal of the first JV of a condition that
// does not exist: such a condition is rejected [V JV -36].
func (e *Env) missingJV(cond ast.Expr) error {
	for _, name := range jvNames(cond) {
		if _, err := e.JVs.Get(e.resolve(name)); err != nil {
			return err
		}
	}
	return nil
}

// jvNames lists the job variables a condition reads.
func jvNames(c ast.Expr) []string {
	switch x := c.(type) {
	case *ast.JVPart:
		return []string{x.JV}
	case *ast.VarRef:
		return []string{x.Name.Text}
	case *ast.Unary:
		return jvNames(x.X)
	case *ast.Binary:
		return append(jvNames(x.X), jvNames(x.Y)...)
	}
	return nil
}

// evalCond evaluates a JV conditional expression: comparisons of JV
// substrings with constants (a bare JV name means its first 64 bytes),
// combined by AND, OR, XOR and NOT. Comparison is case-sensitive, in
// EBCDIC order, without padding.
func (e *Env) evalCond(c ast.Expr) (bool, error) {
	switch x := c.(type) {
	case *ast.Binary:
		switch x.Op {
		case "AND", "OR", "XOR":
			a, err := e.evalCond(x.X)
			if err != nil {
				return false, err
			}
			b, err := e.evalCond(x.Y)
			if err != nil {
				return false, err
			}
			switch x.Op {
			case "AND":
				return a && b, nil
			case "OR":
				return a || b, nil
			}
			return a != b, nil
		}
		a, err := e.term(x.X)
		if err != nil {
			return false, err
		}
		b, err := e.term(x.Y)
		if err != nil {
			return false, err
		}
		r := ebcdic.Compare(a, b)
		switch x.Op {
		case "=":
			return r == 0, nil
		case "<>":
			return r != 0, nil
		case "<":
			return r < 0, nil
		case ">":
			return r > 0, nil
		case "<=":
			return r <= 0, nil
		case ">=":
			return r >= 0, nil
		}
	case *ast.Unary:
		if x.Op == "NOT" {
			v, err := e.evalCond(x.X)
			return !v, err
		}
	case *ast.BoolLit:
		return x.Val, nil
	}
	return false, outcomes[conditionNotLogical].Err(c.String())
}

// term is a JV substring or a constant of a condition.
func (e *Env) term(c ast.Expr) (string, error) {
	switch x := c.(type) {
	case *ast.StrLit:
		// a constant of a JV condition is an assembler-style constant:
		// X'0FF' is X'0FF0' [V JV user guide, "Values of the user job
		// variables"], not the left-padded X-string of SDF-P expressions
		if x.Hex != "" {
			return ebcdic.DecodeHex(x.Hex), nil
		}
		return x.Val, nil
	case *ast.JVPart:
		v, err := e.JVs.Read(e.resolve(x.JV), "")
		if err != nil {
			return "", err
		}
		return substring(v, int(x.Start), int(x.Length)), nil
	case *ast.VarRef:
		v, err := e.JVs.Read(e.resolve(x.Name.Text), "")
		if err != nil {
			return "", err
		}
		return substring(v, 1, 64), nil
	}
	return "", outcomes[conditionBadTerm].Err(c.String())
}
