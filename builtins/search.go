package builtins

import (
	"regexp"
	"strings"

	"sdfp/lexer/ebcdic"
)

// SEARCH-LIST-INDEX (UG-330): the index of the first element of a list
// of strings that contains a pattern, so that a procedure need not loop
// over INDEX( ). The page's first half is read [V]; its error list is
// not, so the errors are sdfp's [I]: an undeclared name or one that is no
// list is the semantic error fn-not-a-list, a bad regular expression
// fn-bad-regular-expression. Elements that are not strings are passed
// over [I]. A regular expression is POSIX ERE, leftmost-longest (Go's
// regexp.CompilePOSIX, which matches runes: one rune is one character,
// as SDF-P's EBCDIC characters are bytes, see package lexer/ebcdic).
var fnSearchListIndex = &Function{
	Name: "SEARCH-LIST-INDEX", Result: TypeInteger, Source: "V UG-330 (errors and non-string elements: I)",
	Help: "The index of the first element of the list LIST-VARIABLE-NAME, from BEGIN-INDEX to END-INDEX " +
		"(DIRECTION=*REVERSE: the last), whose columns BEGIN-COLUMN..END-COLUMN contain PATTERN, a string or " +
		"with PATTERN-TYPE=*REGULAR-EXPRESSION a POSIX regular expression; 0 when none does.",
	Params: []Param{
		{Name: "LIST-VARIABLE-NAME", Type: TypeString},
		{Name: "PATTERN", Type: TypeString},
		{Name: "BEGIN-INDEX", Type: TypeInteger, Default: 1},
		{Name: "END-INDEX", Type: TypeInteger, Keywords: []string{"*LAST"}, Default: Keyword("*LAST")},
		{Name: "BEGIN-COLUMN", Type: TypeInteger, Default: 1},
		{Name: "END-COLUMN", Type: TypeInteger, Keywords: []string{"*LAST"}, Default: Keyword("*LAST")},
		{Name: "PATTERN-TYPE", Keywords: []string{"*STRING", "*REGULAR-EXPRESSION"}, NoValue: true,
			Default: Keyword("*STRING")},
		{Name: "DIRECTION", Keywords: []string{"*FORWARD", "*REVERSE"}, NoValue: true, Default: Keyword("*FORWARD")},
	},
	Impl: func(env Env, a []any) (any, error) {
		name := strings.ToUpper(strings.TrimSpace(a[0].(string)))
		elems, ok := variables(env).Elements(name)
		if !ok {
			return nil, notAList.err(name)
		}
		pattern := a[1].(string)
		contains := func(s string) bool { return strings.Contains(s, pattern) }
		if a[6] == Keyword("*REGULAR-EXPRESSION") {
			re, err := regexp.CompilePOSIX(pattern)
			if err != nil {
				return nil, badRegularExpression.err(pattern)
			}
			contains = re.MatchString
		}
		first, last := a[2].(int), len(elems)
		if n, ok := a[3].(int); ok && n < last {
			last = n
		}
		if first < 1 {
			first = 1
		}
		match := func(i int) bool {
			s, ok := elems[i-1].(string)
			return ok && contains(columns(s, a[4].(int), a[5]))
		}
		if a[7] == Keyword("*REVERSE") {
			for i := last; i >= first; i-- {
				if match(i) {
					return i, nil
				}
			}
			return 0, nil
		}
		for i := first; i <= last; i++ {
			if match(i) {
				return i, nil
			}
		}
		return 0, nil
	},
}

// columns is the part of s from column begin to end (*LAST: the last),
// empty when begin lies past the end, as INDEX( ) searches [V UG-289].
func columns(s string, begin int, end any) string {
	stop := ebcdic.Len(s)
	if e, ok := end.(int); ok && e < stop {
		stop = e
	}
	if begin < 1 {
		begin = 1
	}
	if begin > stop {
		return ""
	}
	return ebcdic.Slice(s, begin-1, stop-begin+1)
}
