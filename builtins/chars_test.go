package builtins

import "testing"

// The string functions count EBCDIC characters: an umlaut is one
// (package lexer/ebcdic; X-strings in testdata/lang/ebcdic-characters).
func TestFunctionsCountCharacters(t *testing.T) {
	t.Parallel()
	runCases(t, []callCase{
		{call: "LENGTH('Grüße')", want: "5"},
		{call: "SUBSTRING('Grüße', 3, 2)", want: "'üß'"},
		{call: "SUBSTRING('Grüße', 5)", want: "'e'"},
		{call: "SUBSTRING('Grüße', 6)", want: "''", warn: "SDP0412"},
		{call: "SUBSTRING('Grüße', 4, 9)", want: "'ße'", warn: "SDP0414"},
		{call: "INDEX('Grüße', 'e')", want: "5"},
		{call: "INDEX('äöäö', 'ä', *REVERSE)", want: "3"},
		{call: "INDEX('äöäö', 'ö', BEGIN-COLUMN=3, END-COLUMN=4)", want: "4"},
		{call: "INDEX('äöäö', 'äö', END-COLUMN=1)", want: "0"},
		{call: "VERIFY('Grüße!', 'Grüße')", want: "6"},
		{call: "VERIFY('äöü', 'ü', *REVERSE)", want: "2"},
		{call: "VERIFY('äöü', 'äöü')", want: "0"},
	})
}
