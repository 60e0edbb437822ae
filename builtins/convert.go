package builtins

import (
	"strconv"
	"strings"
)

// Data conversion: the only way between SDF-P's types, which no operator
// converts implicitly (§3.4). Sources: spec §10.3 "STRING / INTEGER" and
// "IS-INTEGER".

var fnString = &Function{
	Name: "STRING", Result: TypeString, Source: "Vn UG-140, UGde-184 examples (parameter name and BOOLEAN form: I)",
	Help: "The value as a string: an INTEGER in decimal with '-' for negatives and no leading zeros or '+', " +
		"a BOOLEAN as TRUE or FALSE, a STRING unchanged.",
	Params: []Param{{Name: "VALUE"}},
	Str: func(env Env, a Args) (string, error) {
		switch a.TypeOf(0) {
		case TypeString:
			return a.Str(0), nil
		case TypeInteger:
			return strconv.Itoa(a.Int(0)), nil
		case TypeBoolean:
			return boolText(a.Value(0).(bool)), nil
		}
		return "", wrongType.err("VALUE")
	},
	Fast: &Fast{StrI: func(env Env, n int) (string, error) { return strconv.Itoa(n), nil }},
}

// boolText is the text of a BOOLEAN, as SHOW-VARIABLE prints it.
func boolText(b bool) string {
	if b {
		return "TRUE"
	}
	return "FALSE"
}

var fnInteger = &Function{
	Name: "INTEGER", Aliases: []string{"INT"}, Result: TypeInteger,
	Source: "Vn UG-184, UG-300 (rules taken from IS-INTEGER: I; alias INT: I, used by the seed procedure; error key: I)",
	Help: "The value as an INTEGER. A string must hold a whole number as IS-INTEGER accepts it " +
		"(digits with an optional sign, blanks around it allowed, within -2147483648..2147483647); " +
		"anything else is an error. An INTEGER is returned unchanged.",
	Params: []Param{{Name: "VALUE"}},
	Int: func(env Env, a Args) (int, error) {
		switch a.TypeOf(0) {
		case TypeInteger:
			return a.Int(0), nil // bound, so within the range
		case TypeString:
			return integerOf(a.Str(0))
		}
		return 0, wrongType.err("VALUE")
	},
	Fast: &Fast{IntS: func(env Env, s string) (int, error) { return integerOf(s) }},
}

// integerOf is INTEGER of a string.
func integerOf(s string) (int, error) {
	if n, ok := parseInteger(s); ok {
		return n, nil
	}
	return 0, notAnInteger.err(s)
}

var fnIsInteger = &Function{
	Name: "IS-INTEGER", Result: TypeBoolean, Source: "V UG-300 (empty string and lone sign: I)",
	Help: "TRUE when the string can be converted with INTEGER( ): digits with an optional sign right before them, " +
		"leading and trailing blanks allowed, value within the INTEGER range. Expressions are not evaluated.",
	Params: []Param{{Name: "STRING", Type: TypeString}},
	Impl: func(env Env, a []any) (any, error) {
		_, ok := parseInteger(a[0].(string))
		return ok, nil
	},
}

// parseInteger reads a string by the IS-INTEGER rules [V UG-300]; the
// empty string, a lone sign and several signs are rejected [I].
func parseInteger(s string) (int, bool) {
	if n, ok := plainDigits(s); ok {
		return n, true
	}
	s = strings.Trim(s, " ")
	digits := strings.TrimPrefix(strings.TrimPrefix(s, "+"), "-")
	if len(s)-len(digits) > 1 || digits == "" {
		return 0, false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil {
		return 0, false
	}
	return int(n), true
}

// plainDigits reads the commonest form, one to nine digits and nothing
// else, which can never leave the range: the whole of INTEGER('7') in a
// loop, without the trimming and strconv's general parse. ok false
// leaves the string to parseInteger's general rules.
func plainDigits(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
