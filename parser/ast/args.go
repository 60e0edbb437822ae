package ast

import (
	"math"

	"sdfp/parser/catalog"
)

// Args are a command's (or a structure's) operands bound to their
// declarations: abbreviations resolved, positional operands placed,
// defaults filled, types checked. Handlers read typed values from here and
// never parse operand text themselves.
type Args struct {
	Ops    []*catalog.Operand
	Values []*Value // one per declared operand, in declaration order
}

// Value is the bound value of one operand.
type Value struct {
	// Pos is where the value was written; zero for the default of an
	// omitted operand, which the commands of a file share (a value is
	// never changed once bound).
	Pos     Pos
	Operand *catalog.Operand
	// Given is false when the operand was omitted and its default applies.
	Given bool
	// Rounded: a <fixed> value written with more decimals than the
	// operand's, rounded to them (Int and Str hold the rounded value).
	Rounded bool
	// Alt is the alternative that matched (nil for an omitted mandatory
	// operand or a list).
	Alt *catalog.Alt
	// Keyword is the full keyword for a keyword value (*MAXIMUM), or the
	// literal text of a literal default.
	Keyword string
	Int     int64
	// Str is the string content, the name (upper case), or the raw text
	// of text/command values.
	Str    string
	Name   *VarName // a composed (variable) name, parsed
	Expr   Expr     // expression and condition values
	Struct *Args    // sub-operands of a structure value
	List   []*Value
	IsList bool
	// Raw is the value as written, its tokens separated by blanks, kept
	// only for a value that could not be bound (no alternative matched,
	// or an expression that did not parse), which the printer shows as
	// written. No value holds the tokens themselves, so a reader may
	// reuse their memory for the next command.
	Raw string
}

// Get returns the value of the named operand (full name), or nil when the
// operand is not declared.
func (a *Args) Get(name string) *Value {
	if a == nil {
		return nil
	}
	for i, o := range a.Ops {
		if o.Name == name {
			return a.Values[i]
		}
	}
	return nil
}

// Given reports whether the operand was written.
func (a *Args) Given(name string) bool {
	v := a.Get(name)
	return v != nil && v.Given
}

// Keyword returns the keyword of the operand's value ("" if it is not a
// keyword value).
func (a *Args) Keyword(name string) string { return keywordOf(a.Get(name)) }

// keywordOf is Keyword of a value found (nil: none); Unpack, which has
// found it, reads it without a second search by name.
func keywordOf(v *Value) string {
	if v != nil && v.Alt != nil && (v.Alt.Kind == catalog.AltKeyword || v.Alt.Kind == catalog.AltLiteral) {
		return v.Keyword
	}
	return ""
}

// Int returns an integer operand's value, or the literal default parsed as
// an integer; ok is false when the value is not an integer.
func (a *Args) Int(name string) (int64, bool) { return intOf(a.Get(name)) }

func intOf(v *Value) (int64, bool) {
	if v == nil || v.Alt == nil {
		return 0, false
	}
	switch v.Alt.Kind {
	case catalog.AltInteger:
		return v.Int, true
	case catalog.AltLiteral:
		return v.Int, v.Str == "" && v.Keyword != "" && isInt(v.Keyword)
	}
	return 0, false
}

// Fixed returns the value of a <fixed> operand, or of a whole-number
// literal default (MAX-CPU-UTILIZATION = 100 / <fixed ...>); ok is false
// for any other value.
func (a *Args) Fixed(name string) (float64, bool) { return fixedOf(a.Get(name)) }

func fixedOf(v *Value) (float64, bool) {
	if v == nil || v.Alt == nil {
		return 0, false
	}
	switch v.Alt.Kind {
	case catalog.AltFixed:
		return float64(v.Int) / math.Pow10(v.Alt.Scale), true
	case catalog.AltLiteral:
		return float64(v.Int), isInt(v.Keyword)
	}
	return 0, false
}

// Rounded reports whether any value of the command, in a structure or
// list too, was a <fixed> number rounded to the operand's decimals.
func (a *Args) Rounded() bool {
	if a == nil {
		return false
	}
	for _, v := range a.Values {
		if v.rounded() {
			return true
		}
	}
	return false
}

func (v *Value) rounded() bool {
	if v == nil {
		return false
	}
	if v.Rounded || v.Struct.Rounded() {
		return true
	}
	for _, e := range v.List {
		if e.rounded() {
			return true
		}
	}
	return false
}

// Str returns the string, name or text of an operand value.
func (a *Args) Str(name string) string { return strOf(a.Get(name)) }

func strOf(v *Value) string {
	if v != nil {
		if v.Alt != nil && (v.Alt.Kind == catalog.AltKeyword || v.Alt.Kind == catalog.AltLiteral) {
			return v.Keyword
		}
		return v.Str
	}
	return ""
}

// Struct returns the sub-operands of a structure value (nil if none).
func (a *Args) Struct(name string) *Args {
	if v := a.Get(name); v != nil {
		return v.Struct
	}
	return nil
}

func isInt(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || i == 0 && (c == '-' || c == '+')) {
			return false
		}
	}
	return true
}
