package ast

import (
	"fmt"

	"sdfp/lexer/ebcdic"
	"sdfp/parser/catalog"
)

// Keyword is an operand value that is one of its declared keywords, with
// its star (*ALL); empty when the value is not a keyword.
type Keyword string

// Password is the text of a password operand: a c-string, an x-string
// decoded, or an integer's digits; empty for *NONE or any other keyword.
type Password string

// Ref is an operand that names something by number, by name or by a
// keyword: VM-IDENTIFICATION = <integer 1..99> / <name 1..8> / *CURRENT.
type Ref struct {
	Keyword  string // *CURRENT, *ALL ...; empty for a number or a name
	Number   int    // the number, when IsNumber
	IsNumber bool
	Name     string // the name (upper case), when neither of the others
}

// String renders the reference as it was written: 12, VM12PROD, *ALL.
func (r Ref) String() string {
	switch {
	case r.Keyword != "":
		return r.Keyword
	case r.IsNumber:
		return fmt.Sprint(r.Number)
	}
	return r.Name
}

// UnpackError reports that an executor asked for an operand its command
// does not declare, or into a destination it cannot fill: a programming
// error, not a user's. Unpack panics with it so that the first test that
// runs the command fails loudly; the interpreter's dispatcher recovers it
// and ends the command with an internal error instead of crashing a run.
type UnpackError struct {
	Operand string
	Reason  string
}

func (e *UnpackError) Error() string { return "operand " + e.Operand + ": " + e.Reason }

// Unpack copies operand values into typed destinations, in the manner of
// starlark's UnpackArgs: pairs of a full operand name and a pointer, e.g.
//
//	var vm ast.Ref
//	var info ast.Keyword
//	args.Unpack("VM-IDENTIFICATION", &vm, "INFORMATION", &info)
//
// Destinations:
//
//	*string    the string, name or text; an X-string decoded; a keyword value as its keyword
//	*int       an integer (or a whole-number literal default); 0 for a keyword
//	*float64   a <fixed> value or a whole-number default
//	*Keyword   the keyword of a keyword value, "" otherwise
//	*Ref       a number, a name or a keyword
//	*Password  a password's text, "" for *NONE
//	*Expr      an expression or condition value (nil when none)
//	*bool      whether the operand was written (not its default)
//	**Args     the sub-operands of a structure value (nil for none)
//	**Value    the bound value itself, for what no other destination says
//
// Every name must be one the declaration has. A nil Args (a request built
// by hand, not by the binder) leaves every destination at its zero value.
func (a *Args) Unpack(pairs ...any) {
	// The destinations must not escape (no fmt on them, not even in the
	// panics): Unpack is on the path of every SET-VARIABLE, and a
	// destination moved to the heap is an allocation per statement.
	if len(pairs)%2 != 0 {
		panic(&UnpackError{Operand: "?", Reason: "Unpack takes name and destination pairs"})
	}
	for i := 0; i < len(pairs); i += 2 {
		name, ok := pairs[i].(string)
		if !ok {
			panic(&UnpackError{Operand: "?", Reason: "an operand name must be a string"})
		}
		if a == nil {
			continue
		}
		v := a.Get(name)
		if v == nil {
			panic(&UnpackError{Operand: name, Reason: "the command does not declare it"})
		}
		if d, ok := pairs[i+1].(*string); ok && (v.Alt == nil || v.Alt.Kind != catalog.AltXString) {
			*d = strOf(v) // the commonest, without unpackValue's call
			continue
		}
		unpackValue(name, v, pairs[i+1])
	}
}

func unpackValue(name string, v *Value, dest any) {
	switch d := dest.(type) {
	case *string:
		*d = strOf(v)
		if v.Alt != nil && v.Alt.Kind == catalog.AltXString {
			*d = ebcdic.DecodeHex(v.Str)
		}
	case *int:
		n, _ := intOf(v)
		*d = int(n)
	case *float64:
		*d, _ = fixedOf(v)
	case *Keyword:
		*d = Keyword(keywordOf(v))
	case *Ref:
		*d = refOf(v)
	case *Password:
		*d = passwordOf(v)
	case *Expr:
		*d = v.Expr
	case *bool:
		*d = v.Given
	case **Args:
		*d = v.Struct
	case **Value:
		*d = v
	default:
		panic(&UnpackError{Operand: name, Reason: "no such kind of destination"})
	}
}

func refOf(v *Value) Ref {
	if v.Alt == nil {
		return Ref{}
	}
	switch v.Alt.Kind {
	case catalog.AltKeyword:
		return Ref{Keyword: v.Keyword}
	case catalog.AltInteger:
		return Ref{Number: int(v.Int), IsNumber: true}
	case catalog.AltLiteral:
		if isInt(v.Keyword) {
			return Ref{Number: int(v.Int), IsNumber: true}
		}
		return Ref{Keyword: v.Keyword}
	}
	return Ref{Name: v.Str}
}

func passwordOf(v *Value) Password {
	if v.Alt == nil {
		return ""
	}
	switch v.Alt.Kind {
	case catalog.AltKeyword, catalog.AltLiteral:
		return ""
	case catalog.AltXString:
		return Password(ebcdic.DecodeHex(v.Str))
	case catalog.AltInteger:
		return Password(fmt.Sprint(v.Int))
	}
	return Password(v.Str)
}
