package interp

import (
	"strconv"

	"sdfp/builtins"
	"sdfp/lexer/ebcdic"
)

// Values are plain Go values, the same as in package builtins: string,
// int (always within the 32-bit range of SDF-P INTEGER) and bool. A nil
// value is "not initialized".

// Limits of SDF-P values.
const (
	// maxString counts characters (EBCDIC bytes, runes of the Go string)
	maxString = 4096
	minInt    = -2147483648
	maxInt    = 2147483647
)

// typeName names a value's SDF-P type for messages.
func typeName(v any) string {
	switch v.(type) {
	case string:
		return "STRING"
	case int:
		return "INTEGER"
	case bool:
		return "BOOLEAN"
	case builtins.Keyword:
		return "KEYWORD"
	case nil:
		return "UNINITIALIZED"
	}
	return "UNKNOWN"
}

// formatValue renders a value as & substitution and SHOW-VARIABLE do:
// integers in decimal, booleans as TRUE/FALSE, strings as they are.
func formatValue(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case bool:
		if x {
			return "TRUE"
		}
		return "FALSE"
	case builtins.Keyword:
		return string(x)
	}
	return ""
}

// compareStrings compares in EBCDIC order (package lexer/ebcdic).
func compareStrings(a, b string) int { return ebcdic.Compare(a, b) }
