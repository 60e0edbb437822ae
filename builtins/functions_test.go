package builtins

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestStringFunctions(t *testing.T) {
	t.Parallel()
	runCases(t, []callCase{
		// The manual's SUBSTRING examples with A='ABCDEFGH' [UG-342].
		{call: "SUBSTRING(STRING='ABCDEFGH', START=2, LENGTH=4)", want: "'BCDE'"},
		{call: "SUBSTRING(STRING='ABCDEFGH', START=2)", want: "'BCDEFGH'"},
		{call: "SUBSTRING(STRING='ABCDEFGH', LENGTH=4)", want: "'ABCD'"},
		{call: "SUBSTRING(STRING='ABCDEFGH', START=9)", want: "''", warn: "SDP0412"},
		// Positional use as in the VAT example and the seed procedure.
		{call: "SUBSTR('123456', 1, 4)", want: "'1234'"},
		{call: "SUBSTRING('$A OK', 1, 2)", want: "'$A'"},
		{call: "SUBSTR(STR='ABC', STA=2)", want: "'BC'"},
		{call: "SUBSTRING('ABCDEFGH', 3, 20)", want: "'CDEFGH'", warn: "SDP0414"},
		{call: "SUBSTRING('ABCDEFGH', 3, *REST-LENGTH)", want: "'CDEFGH'"},
		{call: "SUBSTRING('ABCDEFGH', 3, *REST)", want: "'CDEFGH'"},
		{call: "SUBSTRING('ABCDEFGH', 3, 0)", want: "''"},
		{call: "SUBSTRING('ABCDEFGH', 8, 1)", want: "'H'"},
		{call: "SUBSTRING('ABCDEFGH', 0)", want: "''", warn: "SDP0412"},
		{call: "SUBSTRING('ABCDEFGH', -1)", want: "''", warn: "SDP0412"},
		{call: "SUBSTRING('ABCDEFGH', 2, -1)", err: "SDP0413"},
		{call: "SUBSTRING('', 1)", want: "''"},
		{call: "SUBSTRING('', 2)", want: "''", warn: "SDP0412"},

		{call: "LENGTH('')", want: "0"},
		{call: "LENGTH(STRING='IT''S')", want: "4"},

		{call: "INDEX('ABCABC', 'BC')", want: "2"},
		{call: "INDEX('ABCABC', 'BC', *REVERSE)", want: "5"},
		{call: "INDEX('ABCABC', 'BC', DIR=*REV)", want: "5"},
		{call: "INDEX('ABCABC', 'X')", want: "0"},
		{call: "INDEX('ABCABC', 'BC', BEGIN-COLUMN=3)", want: "5"},
		{call: "INDEX('ABCABC', 'BC', END-COLUMN=4)", want: "2"},
		{call: "INDEX('ABCABC', 'BC', *REVERSE, END-COLUMN=5)", want: "2"},
		{call: "INDEX('ABCABC', 'BC', *REVERSE, END-COLUMN=6)", want: "5"},
		{call: "INDEX('ABCABC', 'BC', BEGIN-COLUMN=5, END-COLUMN=5)", want: "0"},
		{call: "INDEX('ABCABC', 'BC', BEGIN-COLUMN=10)", want: "0"},
		{call: "INDEX('ABCABC', 'BC', END-COLUMN=0)", want: "0"},
		{call: "INDEX('ABCABC', 'BC', BEGIN-COLUMN=0)", err: "SDP0412"},
		{call: "INDEX('ABC', '')", want: "0"},
		{call: "INDEX('E.FILE(X)', '(')", want: "7"},

		// The manual's VERIFY examples [UG-363].
		{call: "VERIFY(STRING='314!59', PATTERN='0123456789')", want: "4"},
		{call: "VERIFY(STRING='xyz', PATTERN=' ')", want: "1"},
		{call: "VERIFY('2026', '0123456789')", want: "0"},
		{call: "VERIFY('12a4b6', '0123456789', *REVERSE)", want: "5"},
		{call: "VERIFY('12a4b6', '6543210', DIRECTION=*FORWARD)", want: "3"},
		{call: "VERIFY('', '0')", want: "0"},
		{call: "VERIFY('abc', '')", err: "SDP0413"},

		{call: "UPPER-CASE(STRING='hello')", want: "'HELLO'"},
		{call: "UPPER-CASE('Stra\u00dfe \u00e4-1')", want: "'STRA\u00dfE \u00e4-1'"},
		{call: "LOWER-CASE('ABC-1@')", want: "'abc-1@'"},
		// SEARCH-LIST-INDEX (UG-330) over NAMES = ('VM02 RUNNING', 'VM03 IN-HOLD', 7, 'VM12PROD RUNNING', 'vm13 down').
		{call: "SEARCH-LIST-INDEX('NAMES', 'RUNNING')", want: "1"},
		{call: "SEARCH-LIST-INDEX('names', 'RUNNING', BEGIN-INDEX=2)", want: "4"},
		{call: "SEARCH-LIST-INDEX('NAMES', 'RUNNING', DIRECTION=*REVERSE)", want: "4"},
		{call: "SEARCH-LIST-INDEX('NAMES', 'RUNNING', END-INDEX=3, DIRECTION=*REVERSE)", want: "1"},
		{call: "SEARCH-LIST-INDEX('NAMES', 'RUNNING', BEGIN-INDEX=6)", want: "0"},
		{call: "SEARCH-LIST-INDEX('NAMES', 'VM', BEGIN-COLUMN=2)", want: "0"},
		{call: "SEARCH-LIST-INDEX('NAMES', 'HOLD', BEGIN-COLUMN=6, END-COLUMN=12)", want: "2"},
		{call: "SEARCH-LIST-INDEX('NAMES', '^VM1[0-9]+', PATTERN-TYPE=*REGULAR-EXPRESSION)", want: "4"},
		{call: "SEARCH-LIST-INDEX('NAMES', '[A-Z]+ DOWN$', PATTERN-TYPE=*REG)", want: "0"},
		{call: "SEARCH-LIST-INDEX('NAMES', 'a(', PATTERN-TYPE=*REGULAR-EXPRESSION)", err: "SDP0091"},
		{call: "SEARCH-LIST-INDEX('A', 'X')", err: "SDP0091"},
		// TRANSLATE (UG-316): which characters change, apostrophes apart.
		{call: "LOWER-CASE('A''B''C', TRANSLATE=*OUTSIDE-QUOTES-ONLY)", want: "'a''B''c'"},
		{call: "LOWER-CASE('A''B''C', TRANSLATE=*INSIDE-QUOTES-ONLY)", want: "'A''b''C'"},
		{call: "UPPER-CASE('x''y''z', TRANSLATE=*INSIDE-QUOTES-ONLY)", want: "'x''Y''z'"},
		{call: "UPPER-CASE('x''y''z', *OUTSIDE-QUOTES-ONLY, *EDF03IRV)", want: "'X''y''Z'"},
		{call: "LOWER-CASE('AB', CODED-CHARACTER-SET='EDF041')", want: "'ab'"},
		{call: "LOWER-CASE('AB', TRANSLATE=*NONE)", err: "SDP0091"},
	})
}

func TestToCLiteral(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"IT'S":    "'IT''S'",
		"":        "''",
		"''":      "''''''",
		"A&B (C)": "'A&B (C)'",
	} {
		got, err := fnToCLiteral.Call(newFakeEnv(), []Arg{{Value: in}})
		if err != nil || got != want {
			t.Errorf("TO-C-LITERAL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestConversionFunctions(t *testing.T) {
	t.Parallel()
	runCases(t, []callCase{
		{call: "STRING(42)", want: "'42'"},
		{call: "STRING(-7)", want: "'-7'"},
		{call: "STRING(0)", want: "'0'"},
		{call: "STRING(TRUE)", want: "'TRUE'"},
		{call: "STRING(FALSE)", want: "'FALSE'"},
		{call: "STRING('X')", want: "'X'"},
		{call: "STRING(*X)", err: "SDP0091"},

		{call: "INT('512')", want: "512"},
		{call: "INTEGER('512')", want: "512"},
		{call: "INTEGER(VALUE=' -123 ')", want: "-123"},
		{call: "INT('+7')", want: "7"},
		{call: "INT('007')", want: "7"},
		{call: "INT('2147483647')", want: "2147483647"},
		{call: "INT('-2147483648')", want: "-2147483648"},
		{call: "INT('2147483648')", err: "SDP0091"},
		{call: "INT('*UNDEF')", err: "SDP0091"},
		{call: "INT('12A')", err: "SDP0091"},
		{call: "INT('')", err: "SDP0091"},
		{call: "INT('- 5')", err: "SDP0091"},
		{call: "INT('0x10')", err: "SDP0091"},
		{call: "INT(190)", want: "190"},
		{call: "INT(TRUE)", err: "SDP0010"},

		// The manual's IS-INTEGER examples [UG-300] and edge cases [I].
		{call: "IS-INTEGER('   -123')", want: "TRUE"},
		{call: "IS-INTEGER('+(123-3)')", want: "FALSE"},
		{call: "IS-INTEGER('123  ')", want: "TRUE"},
		{call: "IS-INTEGER('')", want: "FALSE"},
		{call: "IS-INTEGER('+')", want: "FALSE"},
		{call: "IS-INTEGER('--1')", want: "FALSE"},
		{call: "IS-INTEGER('-+1')", want: "FALSE"},
		{call: "IS-INTEGER('1 2')", want: "FALSE"},
		{call: "IS-INTEGER('99999999999')", want: "FALSE"},
	})
}

func TestListFunctions(t *testing.T) {
	t.Parallel()
	runCases(t, []callCase{
		// Manual examples [UG-340, UG-279, UG-305].
		{call: "SUBLIST('(abc,def,jkl,uvw)', 3)", want: "'jkl'"},
		{call: "EXTEND-SDF-LIST(LIST='(val0,val1,val2,val3)', ELEMENT='(val4,val5)')",
			want: "'(val0,val1,val2,val3,(val4,val5))'"},
		{call: "IS-SDF-STRUCTURE('*P(val1,val2)')", want: "TRUE"},
		{call: "IS-SDF-STRUCTURE('(val1,val2)')", want: "FALSE"},
		{call: "IS-SDF-STRUCTURE('val')", want: "FALSE"},

		{call: "SUBLIST('', 1)", err: "SDP0411"},
		{call: "SUBLIST('abc', 1)", err: "SDP0447"},
		{call: "SUBLIST('(a,b)', 3)", err: "SDP0448"},
		{call: "SUBLIST('(a,b)', 0)", err: "SDP0448"},
		{call: "SUBLIST('()', 1)", err: "SDP0448"},
		{call: "SUBLIST('(a,(b,c),d)', 2)", want: "'(b,c)'"},
		{call: "SUBLIST('( a , b )', 2)", want: "'b'"},
		{call: "SUBLIST('(''x,y'',z)', 2)", want: "'z'"},
		{call: "SUBLIST(LIST='(*P(A=1,B=2),c)', POS=1)", want: "'*P(A=1,B=2)'"},

		{call: "EXTEND-SDF-LIST('()', 'a')", want: "'(a)'"},
		{call: "EXTEND-SDF-LIST('(a,b)', 'x', *FIRST)", want: "'(x,a,b)'"},
		{call: "EXTEND-SDF-LIST('(a,b)', 'x', 1)", want: "'(x,a,b)'"},
		{call: "EXTEND-SDF-LIST('(a,b)', 'x', 2)", want: "'(a,x,b)'"},
		{call: "EXTEND-SDF-LIST('(a,b)', 'x', 3)", want: "'(a,b,x)'"},
		{call: "EXTEND-SDF-LIST('(a,b)', 'x', 99)", want: "'(a,b,x)'"},
		{call: "EXTEND-SDF-LIST('(a,b)', 'x', 0)", err: "SDP0481"},
		{call: "EXTEND-SDF-LIST('abc', 'x')", err: "SDP0447"},
		{call: "EXTEND-SDF-LIST('(a)', '')", err: "SDP0447"},
		{call: "EXTEND-SDF-LIST('(a)', 'x)')", err: "SDP0447"},

		{call: "IS-SDF-LIST('(a,b)')", want: "TRUE"},
		{call: "IS-SDF-LIST(' ( ) ')", want: "TRUE"},
		{call: "IS-SDF-LIST('(a,''),('')')", want: "TRUE"},
		{call: "IS-SDF-LIST('a')", want: "FALSE"},
		{call: "IS-SDF-LIST('(a,b')", want: "FALSE"},
		{call: "IS-SDF-LIST('(a)(b)')", want: "FALSE"},
		{call: "IS-SDF-LIST('(a,,b)')", want: "FALSE"},
		{call: "IS-SDF-LIST('(''a)')", want: "FALSE"},
		{call: "IS-SDF-LIST('*P(a,b)')", want: "FALSE"},
		{call: "IS-SDF-STRUCTURE('PAR(NAME=CTL,CPU=60,FILE=E.CONTROL)')", want: "TRUE"},
		{call: "IS-SDF-STRUCTURE('*P()')", want: "TRUE"},
		{call: "IS-SDF-STRUCTURE('*P(a')", want: "FALSE"},
		{call: "IS-SDF-STRUCTURE('A B(c)')", want: "FALSE"},
		{call: "IS-SDF-STRUCTURE('A=(c)')", want: "FALSE"},
	})
}

func TestVariableFunctions(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("ABCDEFGHIJ.", 23) // 253 characters
	runCases(t, []callCase{
		{call: "IS-DECLARED('A')", want: "TRUE"},
		{call: "IS-DECLARED(VARIABLE-NAME='a')", want: "TRUE"},
		{call: "IS-DECLARED('NOPE')", want: "FALSE"},
		{call: "IS-DECLARED('T', SCOPE=*TASK)", want: "TRUE"},
		{call: "IS-DECLARED('A', SCOPE=*TASK)", want: "FALSE"},
		{call: "IS-DECLARED('A', SCOPE=*CALLING-PROC)", want: "TRUE"},
		{call: "IS-DECLARED('1A')", err: "SDP1101"},
		{call: "IS-DECLARED(1)", err: "SDP0010"}, // a value, not a name
		{call: "IS-INITIALIZED('A')", want: "TRUE"},
		{call: "IS-INITIALIZED('E')", want: "TRUE"}, // '' is a valid value
		{call: "IS-INITIALIZED('U')", want: "FALSE"},
		{call: "IS-INITIALIZED('NOPE')", want: "FALSE"},
		{call: "IS-INITIALIZED('LIST-A#')", want: "TRUE"},
		{call: "IS-INITIALIZED('LIST-A#2')", want: "TRUE"},
		{call: "IS-INITIALIZED('A-')", err: "SDP1101"},

		{call: "VARIABLE-ATTRIBUTE('A')", want: "'*STRING'"},
		{call: "VAR-ATTR('A', ATTRIBUTE=*CONTAINER)", want: "'*STD'"},
		{call: "VAR-ATTR('A', ATTR=*SC)", want: "'*CURRENT'"},
		{call: "VAR-ATTR('NOPE')", err: "SDP0091"},
		{call: "VAR-ATTR('A', *COLOUR)", err: "SDP0091"},
		{call: "VAR-ATTR('A', *CONT)", err: "SDP0091"}, // *CONTAINER, -NAME or -SCOPE?

		// Structure walking as in the manual [UG-282, UG-320].
		{call: "FIRST-VARIABLE-NAME('FSTAT')", want: "'FSTAT#1'"},
		{call: "FIRST-VAR-NAME('FSTAT#1')", want: "'FSTAT#1.F-NAME'"},
		{call: "FIRST-VAR-NAME('FSTAT#1.F-NAME')", want: "'*END'"},
		{call: "FIRST-VAR-NAME('A')", want: "'*END'"},
		{call: "NEXT-VARIABLE-NAME('ARR#1')", want: "'ARR#22'"},
		{call: "NEXT-VAR-NAME('ARR#30')", want: "'*END'"},
		{call: "NEXT-VAR-NAME('FSTAT#1.F-NAME')", want: "'FSTAT#1.F-SIZE'"},
		{call: "FIRST-VAR-NAME('BAD--NAME')", err: "SDP1101"},

		{call: "CURRENT-TYPE('N')", want: "'*INTEGER'"},
		{call: "CURRENT-TYPE('B')", want: "'*BOOLEAN'"},
		{call: "CURRENT-TYPE('A')", want: "'*STRING'"},
		{call: "CURRENT-TYPE('U')", want: "'*ANY'"},
		{call: "CURRENT-TYPE('NOPE')", err: "SDP0091"},

		{call: "SIZE('LIST-A')", want: "3"},
		{call: "SIZE('LIST-A#')", want: "3"},
		{call: "SIZE('A')", want: "0"},
		{call: "SIZE('NOPE')", err: "SDP0091"},

		// Name syntax [UG-133, UG-306, CMD-51].
		{call: "IS-VARIABLE-NAME('A')", want: "TRUE"},
		{call: "IS-VARIABLE-NAME('1234')", want: "FALSE"},
		{call: "IS-VAR-NAME('AREA-CODE')", want: "TRUE"},
		{call: "IS-VAR-NAME('CLIENT#NUMBER')", want: "TRUE"},
		{call: "IS-VAR-NAME('TELEPHONE#223366')", want: "TRUE"},
		{call: "IS-VAR-NAME('TELEPHONE#INDEX')", want: "TRUE"},
		{call: "IS-VAR-NAME('BCD.XYZ')", want: "TRUE"},
		{call: "IS-VAR-NAME('A123#1')", want: "TRUE"},
		{call: "IS-VAR-NAME('SHVAS#.MIN-MEM-SIZE')", want: "TRUE"},
		{call: "IS-VAR-NAME('EINKAUF.PERSONAL#1.NAME')", want: "TRUE"},
		{call: "IS-VAR-NAME('L#')", want: "TRUE"},
		{call: "IS-VAR-NAME('L#-5')", want: "TRUE"},
		{call: "IS-VAR-NAME('A@1')", want: "TRUE"},
		{call: "IS-VAR-NAME('abc')", want: "TRUE"},
		{call: "IS-VAR-NAME('X.ON')", want: "TRUE"},
		{call: "IS-VAR-NAME('ABCDEFGHIJKLMNOPQRST')", want: "TRUE"},
		{call: "IS-VAR-NAME('ABCDEFGHIJKLMNOPQRSTU')", want: "FALSE"},
		{call: "IS-VAR-NAME('ABCDEFGHIJKLMNOP#123')", want: "TRUE"},
		{call: "IS-VAR-NAME('ABCDEFGHIJKLMNOP#1234')", want: "FALSE"},
		{call: "IS-VAR-NAME('A--B')", want: "FALSE"},
		{call: "IS-VAR-NAME('A-')", want: "FALSE"},
		{call: "IS-VAR-NAME('AND')", want: "FALSE"},
		{call: "IS-VAR-NAME('yes')", want: "FALSE"},
		{call: "IS-VAR-NAME('L#-')", want: "FALSE"},
		{call: "IS-VAR-NAME('L#1A')", want: "FALSE"},
		{call: "IS-VAR-NAME('L#2147483648')", want: "FALSE"},
		{call: "IS-VAR-NAME('L#1#2')", want: "FALSE"},
		{call: "IS-VAR-NAME('')", want: "FALSE"},
		{call: "IS-VAR-NAME('A.')", want: "FALSE"},
		{call: "IS-VAR-NAME('.A')", want: "FALSE"},
		{call: "IS-VAR-NAME('A B')", want: "FALSE"},
		{call: "IS-VAR-NAME('$TPR')", want: "FALSE"},
		{call: "IS-VAR-NAME('" + long + "AB')", want: "TRUE"},
		{call: "IS-VAR-NAME('" + long + "ABC')", want: "FALSE"},
	})
}

func TestReturnCodeFunctions(t *testing.T) {
	t.Parallel()
	noError := func(e *fakeEnv) { e.sc1, e.sc2, e.mc = 0, 0, "" }
	runCases(t, []callCase{
		{call: "MAINCODE()", want: "'SDP0412'"},
		{call: "MC", want: "'SDP0412'"},
		{call: "SUBCODE1()", want: "64"},
		{call: "SC1()", want: "64"},
		{call: "SUBCODE2()", want: "0"},
		{call: "SC2", want: "1", env: func(e *fakeEnv) { e.sc1, e.sc2 = 0, 1 }},
		{call: "MC()", want: "'CMD0001'", env: noError},
		{call: "SC1()", want: "0", env: noError},
		{call: "MC(1)", err: "SDP0091"},

		{call: "MSG('SDP0412')", want: "'START POSITION OUT OF RANGE'"},
		{call: "MSG('sdp0412', LANGUAGE=*STD)", want: "'START POSITION OUT OF RANGE'"},
		{call: "MSG('SDP1018', INSERT-00='A', INSERT-01='L')", want: "'FILE ''A'' NOT FOUND IN ''L'''"},
		{call: "MSG('SDP1018', *D, 'A', 'L')", want: "'DATEI ''A'' IN ''L'' NICHT GEFUNDEN'"},
		{call: "MSG('SDP1018', LANG=*GERMAN, INS-00='A')", want: "'DATEI ''A'' IN '''' NICHT GEFUNDEN'"},
		{call: "MSG('SDP1018', LANGUAGE=*E, INSERT-01='L')", want: "'FILE '''' NOT FOUND IN ''L'''"},
		{call: "MSG('SDP1018')", want: "'DATEI '''' IN '''' NICHT GEFUNDEN'",
			env: func(e *fakeEnv) { e.lang = "D" }},
		{call: "MSG('SDP0412', MSG-STRUCTURE-OUTPUT=*SYSMSG)", want: "'START POSITION OUT OF RANGE'"},
		{call: "MSG('XYZ9999')", want: "''"},
		{call: "MSG('SDP1018', INSERT-0='A')", err: "SDP0091"}, // ambiguous abbreviation
		{call: "MSG('SDP1018', LANGUAGE=*FRENCH)", err: "SDP0091"},
	})
}

func TestEnvironmentFunctions(t *testing.T) {
	t.Parallel()
	// Half past midnight in Berlin is still the old year in UTC.
	berlin := func(e *fakeEnv) {
		e.now = time.Date(2026, 1, 1, 0, 30, 0, 0, time.FixedZone("CET", 3600))
	}
	runCases(t, []callCase{
		{call: "DATE()", want: "'2026-01-01001'"},
		// DATE-VALUE and ELAPSED-DAYS: the examples of UG-275 and UG-277.
		{call: "DATE-VALUE(NUMBER-OF-DAYS=23008, FORMAT=*ISO)", want: "'1962-12-30364'"},
		{call: "DATE-VALUE(NUMBER-OF-DAYS=23008, FORMAT=*AMERICAN)", want: "'12/30/62364'"},
		{call: "DATE-VALUE(NUMBER-OF-DAYS=23008, FORMAT=*GERMAN)", want: "'30.12.1962'"},
		{call: "DATE-VALUE(0)", want: "'1900-01-01001'"},
		{call: "DATE-VALUE(1, *TODAY)", want: "'2026-01-02002'"},
		{call: "DATE-VALUE(-1, '2000-03-01')", want: "'2000-02-29060'"},
		{call: "DATE-VALUE(-200000)", err: "SDP0452"},
		{call: "ELAPSED-DAYS(DATE='1963-12-30')", want: "23373"},
		{call: "ELAPSED-DAYS(DATE='12/30/1963', BASE='12/30/1900')", want: "23010"},
		{call: "ELAPSED-DAYS(DATE='30.12.1963')", want: "23373"},
		{call: "ELAPSED-DAYS(DATE='2001-08-23', BASE='2001-04-01')", want: "144"},
		{call: "ELAPSED-DAYS(DATE='2001-08-23', BASE='2001-10-31')", want: "-69"},
		{call: "ELAPSED-DAYS('1962-12-30364')", want: "23008"},
		{call: "ELAPSED-DAYS('12/30/62364')", want: "23008"},
		{call: "ELAPSED-DAYS('1.2.63')", want: "23041"}, // 1963-02-01
		{call: "ELAPSED-DAYS('1962-12-30001')", err: "SDP0452"},
		{call: "ELAPSED-DAYS('1963-02-30')", err: "SDP0452"},
		{call: "ELAPSED-DAYS('1582-10-14')", err: "SDP0452"},
		{call: "ELAPSED-DAYS('TOMORROW')", err: "SDP0452"},
		{call: "ELAPSED-DAYS('2026-01-01', *TODAY)", want: "0"},
		{call: "DATE(FORMAT=*ISO)", want: "'2026-01-01001'"},
		{call: "DATE(FORMAT=*GERMAN)", want: "'01.01.2026'"},
		{call: "DATE(*AMERICAN)", want: "'01/01/26001'"},
		{call: "DATE(*AMER, *UNIVERSAL-TIME)", want: "'01/01/26001'"},
		{call: "DATE(*GERMAN, MODE=*LOCAL-TIME)", want: "'01.01.2026'", env: berlin},
		{call: "DATE(*GERMAN, MODE=*UNIVERSAL-TIME)", want: "'31.12.2025'", env: berlin},
		{call: "DATE(*ISO, MODE=*UNIV)", want: "'2025-12-31365'", env: berlin},
		// The manual's example date 2007-04-16 is day 106 [UGde-274].
		{call: "DATE()", want: "'2007-04-16106'",
			env: func(e *fakeEnv) { e.now = time.Date(2007, 4, 16, 12, 0, 0, 0, time.UTC) }},
		{call: "DATE(FORMAT='ISO')", err: "SDP0091"},

		{call: "TIME()", want: "'08:00:00'"},
		{call: "TIME", want: "'08:00:00'"},
		{call: "TIME(MODE=*UNIVERSAL-TIME)", want: "'23:30:00'", env: berlin},
		{call: "TIME(*LOCAL-TIME)", want: "'00:30:00'", env: berlin},

		{call: "TSN()", want: "'1234'"},
		{call: "USER-IDENTIFICATION()", want: "'SDFPUSER'"},
		{call: "TASK-MODE()", want: "'BATCH'"},
		{call: "TASK-MODE()", want: "'DIALOG'", env: func(e *fakeEnv) { e.task.TaskMode = "DIALOG" }},
		{call: "TASK-MODE()", want: "'BATCH'", env: func(e *fakeEnv) { e.task.TaskMode = "" }},
		{call: "IS-SDF-P()", want: "TRUE"},
		{call: "SDF-P-VERSION()", want: "'V2.5'"}, // the highest of the fake's SDF-P versions
		{call: "SDF-P-VERSION()", want: "'V2.4'", env: func(e *fakeEnv) { e.software = e.software[1:] }},
		{call: "SDF-P-VERSION()", want: "'V2.5'", env: func(e *fakeEnv) { e.software = nil }},
	})
}

func TestJobVariableFunctions(t *testing.T) {
	t.Parallel()
	runCases(t, []callCase{
		{call: "JV('JV.VMMEM.VM02')", want: "'$A OK'"},
		{call: "JV(JV-NAME='jv.vmmem.vm02', START=1, LENGTH=2)", want: "'$A'"},
		{call: "JV('JV.VMMEM.VM02', 4)", want: "'OK'"},
		{call: "JV('JV.VMMEM.VM02', 4, 10)", want: "'OK'", warn: "SDP0414"},
		{call: "JV('JV.VMMEM.VM02', 10)", want: "''", warn: "SDP0412"},
		{call: "JV('EMPTY')", want: "''"},
		{call: "JV('NOPE')", err: "SDP1024"},
		{call: "JV('SECRET')", err: "SDP1022"},
		{call: "JV('BROKEN')", err: "SDP1054"},
		{call: "IS-CATALOGED-JV('JV.VMMEM.VM02')", want: "TRUE"},
		{call: "IS-CATALOGED-JV(JV-NAME='EMPTY')", want: "TRUE"},
		{call: "IS-CATALOGED-JV('SECRET')", want: "TRUE"},
		{call: "IS-CATALOGED-JV('NOPE')", want: "FALSE"},
		{call: "IS-CATALOGED-JV('BROKEN')", want: "FALSE"},
	})
}

// TestNoVariableStore: a run without a variable store (a static check)
// answers as if no variable existed, and does not fail.
func TestNoVariableStore(t *testing.T) {
	t.Parallel()
	env := newFakeEnv()
	for call, want := range map[string]string{
		"IS-DECLARED('A')":    "FALSE",
		"IS-INITIALIZED('A')": "FALSE",
		"FIRST-VAR-NAME('A')": "'*END'",
		"NEXT-VAR-NAME('A')":  "'*END'",
	} {
		got, err := evalCall(nilVarsEnv{env}, call)
		if err != nil || literal(got) != want {
			t.Errorf("%s = %s, %v; want %s", call, literal(got), err, want)
		}
	}
	if _, err := evalCall(nilVarsEnv{env}, "SIZE('A')"); err == nil {
		t.Error("SIZE of an unknown variable must fail")
	}
}

// nilVarsEnv answers Variables() with a nil interface.
type nilVarsEnv struct{ *fakeEnv }

func (nilVarsEnv) Variables() VariableInfo { return nil }

// ValidVariableName cuts the parts one by one; on random names over the
// characters that matter (letters, digits, dots, #, -, @, *, a lower
// case letter) it says what the rule applied to strings.Split's parts
// says.
func TestValidVariableNameAgainstSplit(t *testing.T) {
	t.Parallel()
	bySplit := func(name string) bool {
		name = strings.ToUpper(name)
		if len(name) < 1 || len(name) > 255 {
			return false
		}
		for i, part := range strings.Split(name, ".") {
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
		}
		return true
	}
	rng := rand.New(rand.NewPCG(18, 4))
	chars := "AB9.#-@*x"
	valid := 0
	for n := 0; n < 20000; n++ {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = chars[rng.IntN(len(chars))]
		}
		name := string(b)
		if rng.IntN(50) == 0 {
			name = strings.Repeat("A", 18+rng.IntN(6)) + "." + name
		}
		got, want := ValidVariableName(name), bySplit(name)
		if got != want {
			t.Fatalf("ValidVariableName(%q) = %v, by the parts of Split %v", name, got, want)
		}
		if got {
			valid++
		}
	}
	if valid < 1000 {
		t.Errorf("only %d valid names generated", valid)
	}
}
