package builtins

import "strings"

// SDF list and structure strings: text such as '(abc,def,(x,y))' or
// '*P(val1,val2)', as SDF operand values are written. Sources: spec §4.3
// (SUBLIST, EXTEND-SDF-LIST, IS-SDF-STRUCTURE) and §10.3 (IS-SDF-LIST).

var fnSublist = &Function{
	Name: "SUBLIST", Result: TypeString, Source: "V UG-340",
	Help: "Element number POSITION of an SDF list string such as '(abc,def,jkl)'. Elements are split at " +
		"commas outside parentheses and quotes. '' is SDP0411, a string that is no list SDP0447, " +
		"a POSITION outside the list SDP0448.",
	Params: []Param{
		{Name: "LIST", Type: TypeString},
		{Name: "POSITION", Type: TypeInteger},
	},
	Impl: func(env Env, a []any) (any, error) {
		list, pos := a[0].(string), a[1].(int)
		if list == "" {
			return nil, emptyString.err()
		}
		elems, ok := splitSDFList(list)
		if !ok {
			return nil, notSDFList.err()
		}
		if pos < 1 || pos > len(elems) {
			return nil, positionOutOfRange.err()
		}
		return elems[pos-1], nil
	},
}

var fnExtendSDFList = &Function{
	Name: "EXTEND-SDF-LIST", Result: TypeString, Source: "V UG-279 (output spacing and empty ELEMENT: I)",
	Help: "The SDF list LIST with ELEMENT added: at the end (POSITION=*LAST), at the front (*FIRST) or so that it " +
		"becomes element number POSITION; a number past the end appends. The empty list is '()'. " +
		"A LIST that is no list is SDP0447, a POSITION below 1 SDP0481.",
	Params: []Param{
		{Name: "LIST", Type: TypeString},
		{Name: "ELEMENT", Type: TypeString},
		{Name: "POSITION", Type: TypeInteger, Keywords: []string{"*LAST", "*FIRST"}, Default: Keyword("*LAST")},
	},
	Impl: func(env Env, a []any) (any, error) {
		elems, ok := splitSDFList(a[0].(string))
		if !ok {
			return nil, notSDFList.err()
		}
		at := len(elems)
		switch p := a[2].(type) {
		case Keyword:
			if p == "*FIRST" {
				at = 0
			}
		case int:
			if p < 1 {
				return nil, positionNotPositive.err()
			}
			if p-1 < at {
				at = p - 1
			}
		}
		out := make([]string, 0, len(elems)+1)
		out = append(out, elems[:at]...)
		out = append(out, strings.Trim(a[1].(string), " "))
		out = append(out, elems[at:]...)
		result := "(" + strings.Join(out, ",") + ")"
		// [I] An ELEMENT that is empty or unbalanced would make a string
		// that is no list; refuse it rather than return one.
		if _, ok := splitSDFList(result); !ok {
			return nil, notSDFList.err()
		}
		return result, nil
	},
}

var fnIsSDFList = &Function{
	Name: "IS-SDF-LIST", Result: TypeBoolean, Source: "Vn UG-340, UG-279 (accepts what SUBLIST accepts: I)",
	Help: "TRUE when the string is an SDF list: '(' elements separated by commas ')', nested parentheses and " +
		"quoted text kept together; '()' is the empty list.",
	Params: []Param{{Name: "STRING", Type: TypeString}},
	Impl: func(env Env, a []any) (any, error) {
		_, ok := splitSDFList(a[0].(string))
		return ok, nil
	},
}

var fnIsSDFStructure = &Function{
	Name: "IS-SDF-STRUCTURE", Result: TypeBoolean, Source: "V UG-305",
	Help: "TRUE when the string is an SDF structure: a value that introduces it, followed by the operands in " +
		"parentheses, such as '*P(val1,val2)'. Without the introducing value it is a list, and FALSE.",
	Params: []Param{{Name: "STRING", Type: TypeString}},
	Impl: func(env Env, a []any) (any, error) {
		return isSDFStructure(a[0].(string)), nil
	},
}

// splitSDFList returns the elements of an SDF list string, blanks around
// them removed. Commas split only at the outer level, outside nested
// parentheses and outside apostrophe-quoted text (where two apostrophes
// stand for one, which the toggling below handles by itself). Blanks
// around the list and its elements are allowed, an empty element is not
// [I].
func splitSDFList(s string) ([]string, bool) {
	s = strings.Trim(s, " ")
	if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
		return nil, false
	}
	inner := s[1 : len(s)-1]
	if strings.Trim(inner, " ") == "" {
		return []string{}, true
	}
	elems, ok := SplitTopLevel(inner)
	if !ok {
		return nil, false
	}
	for i, e := range elems {
		if elems[i] = strings.Trim(e, " "); elems[i] == "" {
			return nil, false
		}
	}
	return elems, true
}

// SplitTopLevel splits s at the commas that stand outside apostrophe-quoted
// text and outside parentheses; ok is false when a parenthesis or quote is
// left open or a ')' closes more than was opened. Elements keep their
// blanks; empty elements are kept.
func SplitTopLevel(s string) (elems []string, ok bool) {
	depth, quoted, from := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			if depth--; depth < 0 {
				return nil, false
			}
		case c == ',' && depth == 0:
			elems = append(elems, s[from:i])
			from = i + 1
		}
	}
	if depth != 0 || quoted {
		return nil, false
	}
	return append(elems, s[from:]), true
}

// isSDFStructure: an introducing value (a name or keyword such as *P,
// without blanks, commas, quotes or '=') directly followed by a
// parenthesized operand list that ends the string.
func isSDFStructure(s string) bool {
	s = strings.Trim(s, " ")
	open := strings.IndexByte(s, '(')
	if open <= 0 || strings.ContainsAny(s[:open], " ,)'=") {
		return false
	}
	_, ok := splitSDFList(s[open:])
	return ok
}
