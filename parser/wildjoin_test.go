package parser

import (
	"strings"
	"testing"

	"sdfp/lexer"
)

// A wildcard choice with commas is one value where the operand takes a
// pattern; elsewhere the commas still separate operands. (The canonical
// printer writes every text value in parentheses.)
func TestWildcardChoiceJoined(t *testing.T) {
	tests := []struct{ src, want string }{
		{"SHOW-VM-STATUS VM-ID=VM<02,12>", "SHOW-VM-STATUS VM-IDENTIFICATION=(VM<02,12>)"},
		{"SHOW-VM-STATUS VM-ID=VM<02,12>*,INF=*ALL", "SHOW-VM-STATUS INFORMATION=*ALL,VM-IDENTIFICATION=(VM<02,12>*)"},
		{"SHOW-VM-ATTR INF=*MEMORY,VM-ID=<VM02,VM12>", "SHOW-VM-ATTRIBUTES INFORMATION=*MEMORY,VM-IDENTIFICATION=(<VM02,VM12>)"},
		{"SHOW-VM-DEFINITION VM-NAME=(VM<0:1,12,3>*)", "SHOW-VM-DEFINITION VM-NAME=(VM<0:1,12,3>*)"},
		{"DELETE-FILE X<A,B>,OUTPUT=*SYSOUT", "DELETE-FILE FILE-NAME=(X<A,B>),OUTPUT=*SYSOUT"},
		{"DELETE-FILE X<A,B,C>", "DELETE-FILE FILE-NAME=(X<A,B,C>)"},
		// the pieces joined count as one positional operand
		{"DELETE-FILE X<A,B>,*DESTROY-ALL", "DELETE-FILE FILE-NAME=(X<A,B>),OPTION=*DESTROY-ALL"},
		{"DELETE-FILE JOB.<A,B>.<C:D,E>", "DELETE-FILE FILE-NAME=(JOB.<A,B>.<C:D,E>)"},
		{"SHOW-FILE-ATTR X<,A>,INF=*NAME-ONLY", "SHOW-FILE-ATTRIBUTES FILE-NAME=(X<,A>),INFORMATION=*NAME-ONLY"},
		{"SHOW-FILE-ATTR X<A,,B>", "SHOW-FILE-ATTRIBUTES FILE-NAME=(X<A,,B>)"},
		{"SHOW-FILE-ATTR -X<A,B>", "SHOW-FILE-ATTRIBUTES FILE-NAME=(-X<A,B>)"},
		{"SHOW-FILE-LINK LINK-NAME=(L<1,2>)", "SHOW-FILE-LINK LINK-NAME=(L<1,2>)"},
		{"REMOVE-FILE-LINK L<1,2>*", "REMOVE-FILE-LINK LINK-NAME=(L<1,2>*)"},
		// a choice without commas was one value before
		{"DELETE-FILE X<A:C>", "DELETE-FILE FILE-NAME=(X<A:C>)"},
		// < in a string, and comparisons, are not choices
		{"WRITE-TEXT '<A,B>'", "WRITE-TEXT TEXT='<A,B>'"},
		{"IF (A < B) AND (C > D)", "IF CONDITION=((A < B) AND (C > D))"},
		{"A = B < C", "SET-VARIABLE VARIABLE-NAME=A,VALUE=(B < C)"},
		{"DECL-VAR (IN,OUT),MULT-ELEM=*LIST", "DECLARE-VARIABLE VARIABLE-NAME=(IN,OUT),MULTIPLE-ELEMENTS=*LIST"},
	}
	p := newParser()
	for _, tt := range tests {
		checkCommandText(t, p, tt.src, tt.want)
	}
}

// Where nothing closes the choice, or the operand takes no pattern, the
// commas separate operands as before, and the error says so at the piece.
func TestWildcardChoiceNotJoined(t *testing.T) {
	tests := []struct{ src, want string }{
		// never closed: the second piece is a stray positional operand
		{"SHOW-VM-STATUS VM-ID=VM<02,12", "1:28: CMD0202 positional operand after a keyword operand"},
		// a keyword operand ends the search
		{"DELETE-FILE X<A,OUTPUT=*SYSOUT>", "1:24: CMD0202 value of operand OUTPUT is not one value"},
		// VM-ID of MIGRATE-VM takes no pattern
		{"MIGRATE-VM VM-ID=VM<02,12>,SERVER-UNIT-NAME=ABGSE701", "1:18: CMD0202 value of operand VM-IDENTIFICATION is not one value"},
		// WRITE-TEXT's text is no pattern: 'B>' is a second positional operand
		{"WRITE-TEXT A<B,C>", "1:16: CMD0202 value of operand OUTPUT is not one value"},
	}
	p := newParser()
	for _, tt := range tests {
		_, errs := p.ParseCommand(lexer.NewUnit(tt.src, lexer.Pos{Line: 1, Column: 1}))
		if len(errs) == 0 {
			t.Errorf("%q: no error", tt.src)
			continue
		}
		if got := errs[0].Error(); !strings.Contains(got, tt.want) {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

// A name type with-wild takes a pattern of several tokens (46*: a number
// and a star) as one name, in a list too; a value that is no pattern, or
// holds characters a name cannot, stays an error at the operand.
func TestWildcardNames(t *testing.T) {
	p := newParser()
	for _, tt := range []struct{ src, want string }{
		{"ADD-VM-DEVICES VM-ID=2,UNITS=46*", "ADD-VM-DEVICES UNITS=(46*),VM-IDENTIFICATION=2"},
		{"REMOVE-VM-DEVICES VM-ID=2,UNITS=(468/,T*,4690)", "REMOVE-VM-DEVICES UNITS=(468/,T*,4690),VM-IDENTIFICATION=2"},
		{"SHOW-VM-DEVICE-STATUS UNITS=-46<80:82>", "SHOW-VM-DEVICE-STATUS UNITS=(-46<80:82>)"},
	} {
		checkCommandText(t, p, tt.src, tt.want)
	}
	for _, src := range []string{
		"ADD-VM-DEVICES VM-ID=2,UNITS=46+1",                   // no wildcard: an expression is no name
		"ADD-VM-DEVICES VM-ID=2,UNITS=46*%",                   // % is no name character
		"ADD-VM-DEVICES VM-ID=2,UNITS=4*******************68", // longer than with-wild(20)
	} {
		if _, errs := p.ParseCommand(lexer.NewUnit(src, lexer.Pos{Line: 1, Column: 1})); len(errs) == 0 {
			t.Errorf("%q: no error", src)
		}
	}
}
