package builtins

// Args are the bound arguments of one call as the typed implementations
// (Function.Str, Function.Int) read them: a value per parameter, each a
// string, an int or any other value (a Keyword, a bool). The general
// path (Impl) hands them boxed, as a []any; the interpreter's direct
// path hands strings and ints unboxed (ArgValue), so that a call such as
// LENGTH(STRING(I)) boxes neither I nor STRING's result (issue 18). An
// implementation reads them only through the accessors, which give the
// same value either way, so each function has one implementation.
type Args struct {
	boxed []any      // the general path's values; nil when vals holds them
	vals  []ArgValue // the direct path's values
}

// BoxedArgs are the arguments of the general path.
func BoxedArgs(a []any) Args { return Args{boxed: a} }

// TypedArgs are the direct path's arguments, held in a buffer from
// Binding.ArgValues.
func TypedArgs(vals []ArgValue) Args { return Args{vals: vals} }

// ArgValue is one argument value, unboxed where it is a string or an
// int: the interpreter evaluates a typed argument into one with SetStr
// or SetInt, any other value with SetAny.
type ArgValue struct {
	kind argKind
	name bool // s is a checked variable name in upper case (Binding.Fix)
	s    string
	n    int
	v    any
}

type argKind uint8

const (
	argAny argKind = iota // v holds the value
	argStr
	argInt
)

// The setters write only the fields the kind reads: a whole struct
// written is a bulk write barrier while the GC runs, and the fields
// left are never read under another kind.
func (x *ArgValue) SetStr(s string) { x.kind, x.s = argStr, s }
func (x *ArgValue) SetInt(n int)    { x.kind, x.n = argInt, n }
func (x *ArgValue) SetAny(v any)    { x.kind, x.v = argAny, v }

// set stores a checked value, unboxed where it is a string or an int.
func (x *ArgValue) set(v any) {
	switch v := v.(type) {
	case string:
		x.SetStr(v)
	case int:
		x.SetInt(v)
	default:
		x.SetAny(v)
	}
}

// Other is the value when it is neither an unboxed string nor an
// unboxed int, else nil: what the caller may test without boxing.
func (x *ArgValue) Other() any {
	if x.kind != argAny {
		return nil
	}
	return x.v
}

// Any is the value boxed.
func (x *ArgValue) Any() any {
	switch x.kind {
	case argStr:
		return x.s
	case argInt:
		return x.n
	}
	return x.v
}

// Str is the string of parameter i, which holds one: a parameter of
// TypeString without keywords, or one whose Type the caller checked.
func (a Args) Str(i int) string {
	if a.vals == nil {
		return a.boxed[i].(string)
	}
	if x := &a.vals[i]; x.kind == argStr {
		return x.s
	}
	return a.vals[i].Other().(string)
}

// VariableName is the string of parameter i as a variable name: checked
// and upper-cased, or the error SDP1101. A literal name was checked when
// its call site was compiled.
func (a Args) VariableName(i int) (string, error) {
	if a.vals != nil {
		if x := &a.vals[i]; x.name {
			return x.s, nil
		}
	}
	return variableName(a.Str(i))
}

// Int is the int of parameter i, which holds one.
func (a Args) Int(i int) int {
	if a.vals == nil {
		return a.boxed[i].(int)
	}
	if x := &a.vals[i]; x.kind == argInt {
		return x.n
	}
	return a.vals[i].Other().(int)
}

// IntOk is the int of parameter i, ok false when it holds something
// else (a keyword such as *LAST).
func (a Args) IntOk(i int) (int, bool) {
	if a.vals == nil {
		n, ok := a.boxed[i].(int)
		return n, ok
	}
	if x := &a.vals[i]; x.kind == argInt {
		return x.n, true
	}
	n, ok := a.vals[i].Other().(int)
	return n, ok
}

// Keyword is the keyword of parameter i, "" when it holds a value.
func (a Args) Keyword(i int) Keyword {
	var v any
	if a.vals == nil {
		v = a.boxed[i]
	} else {
		v = a.vals[i].Other() // an unboxed string or int is no keyword
	}
	k, _ := v.(Keyword)
	return k
}

// TypeOf is the type of the value of parameter i (TypeAny for a
// keyword), for a parameter that takes several.
func (a Args) TypeOf(i int) Type {
	if a.vals != nil {
		switch a.vals[i].kind {
		case argStr:
			return TypeString
		case argInt:
			return TypeInteger
		}
		return TypeOf(a.vals[i].Other())
	}
	return TypeOf(a.boxed[i])
}

// Value is the value of parameter i, boxed (a bool, a keyword, or a
// string or int of a function that only passes it on).
func (a Args) Value(i int) any {
	if a.vals == nil {
		return a.boxed[i]
	}
	return a.vals[i].Any()
}
