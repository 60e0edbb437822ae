package builtins

// String functions. Sources: ../shared/spec/sdfp-expressions.md §4.3 and
// §10 (UG-nnn = SDF-P V2.5 user guide page).

var fnLength = &Function{
	Name: "LENGTH", Result: TypeInteger, Source: "Vn UG-140 (parameter name I)",
	Help:   "Number of characters of a string.",
	Params: []Param{{Name: "STRING", Type: TypeString}},
	Impl: func(env Env, a []any) (any, error) {
		return len(a[0].(string)), nil
	},
}

var fnSubstring = &Function{
	Name: "SUBSTRING", Aliases: []string{"SUBSTR"}, Result: TypeString, Source: "V UG-342",
	Help: "Part of a string from START (default 1) for LENGTH characters (default: the rest). " +
		"A START outside the string gives '' with SDP0412; a LENGTH past the end takes the rest with warning SDP0414.",
	Params: []Param{
		{Name: "STRING", Type: TypeString},
		{Name: "START", Type: TypeInteger, Default: 1},
		{Name: "LENGTH", Type: TypeInteger, Keywords: []string{"*REST-LENGTH"}, Default: Keyword("*REST-LENGTH")},
	},
	Impl: func(env Env, a []any) (any, error) {
		s, start := a[0].(string), a[1].(int)
		if start < 1 || start > len(s) {
			return "", Errorf("SDP0412", "START POSITION OUT OF RANGE")
		}
		rest := len(s) - start + 1
		n := rest
		if l, ok := a[2].(int); ok {
			switch {
			case l < 0:
				return "", Errorf("SDP0412", "LENGTH %d IS NEGATIVE", l)
			case l > rest:
				env.Warn("SDP0414", "WARNING: *REST-LENGTH VALUE USED FOR LENGTH OPERAND")
			default:
				n = l
			}
		}
		return s[start-1 : start-1+n], nil
	},
}
