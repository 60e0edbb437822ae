package builtins

import (
	"errors"
	"reflect"
	"testing"

	"sdfp/hypervisor/msg"
)

func TestStructureFunctions(t *testing.T) {
	t.Parallel()
	const s = "'*PARAMETERS(OP1=ALPHA,OP2=MY.FILE,OPTION=*PAR(X=1,Y=2))'"
	runCases(t, []callCase{
		// The format of UG-329: STRING, OPERAND-NAME, ATTACHED-STRUCTURE.
		{call: "SDF-STRUCTURE-VALUE(" + s + ")", want: s},
		{call: "SDF-STRUCTURE-VALUE(" + s + ", *ROOT, *NO)", want: "'*PARAMETERS'"},
		{call: "SDF-STRUCTURE-VALUE(STRING=" + s + ", OPERAND-NAME='op1')", want: "'ALPHA'"},
		{call: "SDF-STRUCTURE-VALUE(" + s + ", 'OPT')", want: "'*PAR(X=1,Y=2)'"},
		{call: "SDF-STRUCTURE-VALUE(" + s + ", 'OPTION', ATTACHED=*NO)", want: "'*PAR'"},
		{call: "SDF-STRUCTURE-VALUE(" + s + ", 2)", want: "'MY.FILE'"},
		{call: "SDF-STRUCTURE-VALUE(' *P( A = 1 , B ) ', 2)", want: "'B'"},
		{call: "SDF-STRUCTURE-VALUE('*P(A=1,B)', 'B')", err: "SDP0463"},
		{call: "SDF-STRUCTURE-VALUE('*P()', 1)", err: "SDP0463"},
		{call: "SDF-STRUCTURE-VALUE('(VAL1,VAL2)')", err: "SDP0460"},
		{call: "SDF-STRUCTURE-VALUE('VAL')", err: "SDP0460"},
		{call: "SDF-STRUCTURE-VALUE(" + s + ", 0)", err: "SDP0461"},
		{call: "SDF-STRUCTURE-VALUE(" + s + ", 4)", err: "SDP0463"},
		{call: "SDF-STRUCTURE-VALUE(" + s + ", '1X')", err: "SDP0462"},
		{call: "SDF-STRUCTURE-VALUE(" + s + ", '')", err: "SDP0462"},
		{call: "SDF-STRUCTURE-VALUE(" + s + ", 'ZZ')", err: "SDP0463"},
		{call: "SDF-STRUCTURE-VALUE(" + s + ", 'OP')", err: "SDP0464"},
		{call: "SDF-STRUCTURE-VALUE(" + s + ", TRUE)", err: "SDP0465"},

		{call: "VARIABLE-TO-STRING('JOB')", want: "'PAR(NAME=CTL,CPU=60,FILE=E.CONTROL)'"},
		{call: "VARIABLE-TO-STRING(VARIABLE-NAME='list-a')", want: "'(x,2,FALSE)'"},
		{call: "VARIABLE-TO-STRING('A')", want: "'ABCDEFGH'"},
		{call: "VARIABLE-TO-STRING('NOPE')", err: "SDP0091"},
		{call: "VARIABLE-TO-STRING('1A')", err: "SDP1101"},
	})
}

// The conversion of UG-159 from string to tree, rule by rule, and back:
// every string that converts gives the same string again (in its
// canonical spelling) and that string the same tree.
func TestSDFConversion(t *testing.T) {
	t.Parallel()
	str := func(v any) *Tree { return &Tree{Value: v} }
	cases := []struct {
		in, back  string
		valueType Keyword
		want      *Tree
		err       string // detail key under SDP0091
	}{
		{in: "/CMD A=1,B=TRUE,C=x", back: "CMD A=1,B=TRUE,C=x", want: &Tree{Kind: TreeStruct, Fields: []Field{
			{ElemCommand, str("CMD")}, {"A", str(1)}, {"B", str(true)}, {"C", str("x")}}}},
		{in: "A=12, b = false", valueType: "*STRING", back: "A=12,B=false", want: &Tree{Kind: TreeStruct, Fields: []Field{
			{"A", str("12")}, {"B", str("false")}}}},
		{in: "PAR(NAME=CTL,CPU=60)", want: &Tree{Kind: TreeStruct, Fields: []Field{
			{ElemIntro, str("PAR")}, {"NAME", str("CTL")}, {"CPU", str(60)}}}},
		{in: "(A,'B,C',-3)", want: &Tree{Kind: TreeList, Elems: []*Tree{str("A"), str("'B,C'"), str(-3)}}},
		{in: "X INF=*P(S=(1,2)),L=(*Q(A=1),B)", back: "X INF=*P(S=(1,2)),L=(*Q(A=1),B)", want: &Tree{Kind: TreeStruct, Fields: []Field{
			{ElemCommand, str("X")},
			{"INF", &Tree{Kind: TreeStruct, Fields: []Field{{ElemIntro, str("*P")}, {"S", &Tree{Kind: TreeList, Elems: []*Tree{str(1), str(2)}}}}}},
			{"L", &Tree{Kind: TreeList, Elems: []*Tree{
				{Kind: TreeStruct, Fields: []Field{{ElemIntro, str("*Q")}, {"A", str(1)}}},
				{Kind: TreeStruct, Fields: []Field{{ElemIntro, str("B")}}}}}}}}},
		{in: "CMD", want: &Tree{Kind: TreeStruct, Fields: []Field{{ElemCommand, str("CMD")}}}},
		{in: "E=()", want: &Tree{Kind: TreeStruct, Fields: []Field{{"E", &Tree{Kind: TreeList}}}}},
		{in: "", want: &Tree{Kind: TreeStruct}},
		{in: "CMD A=1,B", err: "conv-positional-operand"},
		{in: "CMD 'A'", err: "conv-positional-operand"},
		{in: "A=1,A=2", err: "conv-operand-twice"},
		{in: "A=((1,2),3)", err: "conv-list-in-list"},
		{in: "A=(1", err: "conv-not-sdf-string"},
		{in: "A=", err: "conv-not-sdf-string"},
		{in: "A=1,,B=2", err: "conv-positional-operand"},
		{in: "1ST=1", err: "conv-bad-operand-name"},
		{in: "A-VERY-LONG-OPERAND-NAME=1", err: "conv-bad-operand-name"},
	}
	for _, c := range cases {
		vt := c.valueType
		if vt == "" {
			vt = "*STD"
		}
		got, err := StringToTree(c.in, vt)
		if c.err != "" {
			var e *Error
			if !errors.As(err, &e) || len(e.Msg.Inserts) == 0 || detailKey(e) != c.err {
				t.Errorf("%q: got %v, %v; want error %s", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %#v, %v; want %#v", c.in, got, err, c.want)
			continue
		}
		back := c.back
		if back == "" {
			back = c.in
		}
		if s := TreeToString(got); s != back {
			t.Errorf("%q: back as %q, want %q", c.in, s, back)
		}
		if again, err := StringToTree(TreeToString(got), vt); err != nil || !reflect.DeepEqual(again, got) {
			t.Errorf("%q: the string written back converts to %#v, %v", c.in, again, err)
		}
	}
}

// detailKey is the key of the detail under SDP0091.
func detailKey(e *Error) string {
	if d, ok := e.Msg.Inserts[0].(msg.Message); ok && e.Msg.Key == codeSemantic {
		return d.Key
	}
	return ""
}

// FuzzSDFConversion: no string makes the conversion panic, and every
// string that converts is written back as one that converts to the same
// variable contents.
func FuzzSDFConversion(f *testing.F) {
	for _, s := range []string{"CMD A=1,B=(X,Y),C=*P(D='q,r')", "PAR(NAME=CTL)", "(*Q(),B)", "(A,(B))", "A=(1", "/X Y=TRUE"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, asString bool) {
		vt := Keyword("*STD")
		if asString {
			vt = "*STRING"
		}
		tree, err := StringToTree(s, vt)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%q: error %v is no *Error", s, err)
			}
			return
		}
		back := TreeToString(tree)
		again, err := StringToTree(back, vt)
		if err != nil || !reflect.DeepEqual(again, tree) {
			t.Fatalf("%q written back as %q converts to %#v, %v; want %#v", s, back, again, err, tree)
		}
	})
}
