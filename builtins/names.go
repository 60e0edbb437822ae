package builtins

import (
	"strconv"
	"strings"
)

// Variable name syntax [V UG-133, RR-187, RR-190, CMD-51; spec §2.1]:
//
//	composed-name   := structured { "." structured }   1..255 characters
//	structured      := pvn [ "#" [ index ] ]           1..20 characters
//	pvn             := letter { letter | digit | "@" | "-" }, no "--", no "-" at the end
//	index           := integer (starts with a digit or "-") | pvn
//
// A name is checked in upper case: SDF folds names, so 'abc' and 'ABC'
// are the same variable [I].

// reserved reports whether s is one of the words that cannot name a
// variable [V CMD-51]. A switch, not a map: SIZE('OUT') asks at every
// call, and the compiler's length-then-bytes search needs no hash.
func reserved(s string) bool {
	switch s {
	case "AND", "DIV", "EQ", "FALSE", "GE", "GT", "LE", "LT", "MOD", "NE", "NO", "NOT",
		"OFF", "ON", "OR", "TRUE", "XOR", "YES":
		return true
	}
	return false
}

// ValidVariableName reports whether name follows the composed variable
// name syntax. It does not look at whether the variable exists.
//
// [I] The reserved words are checked against the first part only: the
// manual lists them as names a variable cannot have, and an element name
// such as X.ON inside a structure is not a variable name of its own.
func ValidVariableName(name string) bool {
	return validUpperName(strings.ToUpper(name))
}

// validUpperName is ValidVariableName of a name already in upper case.
func validUpperName(name string) bool {
	if len(name) < 1 || len(name) > 255 {
		return false
	}
	// the parts between the dots, cut one after the other (SIZE('OUT')
	// asks at every call: strings.Split allocated their slice)
	for i, rest := 0, name; ; i++ {
		part, more, dotted := strings.Cut(rest, ".")
		if len(part) < 1 || len(part) > 20 {
			return false
		}
		base, index, hasIndex := strings.Cut(part, "#")
		if !validPartName(base) || i == 0 && reserved(base) {
			return false
		}
		if hasIndex && index != "" && !validIndex(index) {
			return false
		}
		if !dotted {
			return true
		}
		rest = more
	}
}

// validPartName checks one partial variable name (pvn).
func validPartName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '@' || c == '-') {
			return false
		}
	}
	return true
}

// validIndex: the first character decides [V RR-190]: a digit or '-'
// starts an integer literal, a letter a variable name.
func validIndex(s string) bool {
	if c := s[0]; c == '-' || c >= '0' && c <= '9' {
		digits := strings.TrimPrefix(s, "-")
		if digits == "" {
			return false
		}
		for i := 0; i < len(digits); i++ {
			if digits[i] < '0' || digits[i] > '9' {
				return false
			}
		}
		_, err := strconv.ParseInt(s, 10, 32)
		return err == nil
	}
	return validPartName(s)
}

// variableName is the name argument of the variable functions, upper-cased
// and checked; a bad name is SDP1101.
func variableName(s string) (string, error) {
	s = strings.ToUpper(s) // once: SIZE('OUT') asks at every call
	if !validUpperName(s) {
		return "", badVariableName.err()
	}
	return s, nil
}
