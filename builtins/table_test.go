package builtins

import (
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"sdfp/hypervisor/bs2000/jv"
	"sdfp/hypervisor/msg"
)

// TestTableEntries: every entry is complete, names and aliases are unique
// and found by Lookup, and every default is a value its parameter accepts.
func TestTableEntries(t *testing.T) {
	t.Parallel()
	source := regexp.MustCompile(`^(V|V-de|Vn|I) `)
	seen := map[string]string{}
	for _, f := range Default.Functions() {
		if f.Name == "" || f.Help == "" || f.Impl == nil || !source.MatchString(f.Source) {
			t.Errorf("%q: incomplete entry (Help %q, Source %q, Impl set %v)", f.Name, f.Help, f.Source, f.Impl != nil)
		}
		if f.Str != nil && f.Result != TypeString {
			t.Errorf("%s: an unboxed STRING implementation, but result type %s", f.Name, f.Result)
		}
		if f.Int != nil && (f.Result != TypeInteger || f.Str != nil) {
			t.Errorf("%s: an unboxed INTEGER implementation, but result type %s (or a Str too)", f.Name, f.Result)
		}
		for _, n := range append([]string{f.Name}, f.Aliases...) {
			if other, dup := seen[n]; dup {
				t.Errorf("name %s used by %s and %s", n, other, f.Name)
			}
			seen[n] = f.Name
			if Default.Lookup(strings.ToLower(n)) != f {
				t.Errorf("Lookup(%s) does not find %s", n, f.Name)
			}
		}
		params := map[string]bool{}
		for _, p := range f.Params {
			if params[p.Name] {
				t.Errorf("%s: parameter %s declared twice", f.Name, p.Name)
			}
			params[p.Name] = true
			if p.Default == nil {
				continue
			}
			if v, err := p.check(f.Name, p.Default); err != nil || v != p.Default {
				t.Errorf("%s: default %v of %s is not accepted: %v", f.Name, p.Default, p.Name, err)
			}
		}
	}
}

// TestCatalogue: every function of the spec's catalogue §10.2 is in the
// table, except the two left out on purpose (see table.go), plus the
// functions the seed procedure and manual examples need.
func TestCatalogue(t *testing.T) {
	t.Parallel()
	want := []string{
		"CURRENT-TYPE", "DATE", "DATE-VALUE", "ELAPSED-DAYS", "EXTEND-SDF-LIST", "SEARCH-LIST-INDEX", "FIRST-VARIABLE-NAME", "FIRST-VAR-NAME", "INDEX",
		"INTEGER", "INT", "IS-CATALOGED-JV", "IS-DECLARED", "IS-INITIALIZED", "IS-INTEGER", "IS-SDF-LIST",
		"IS-SDF-P", "IS-SDF-STRUCTURE", "IS-VARIABLE-NAME", "IS-VAR-NAME", "JV", "LENGTH", "LOWER-CASE",
		"MAINCODE", "MC", "MSG", "NEXT-VARIABLE-NAME", "NEXT-VAR-NAME", "SDF-P-VERSION", "SIZE", "STRING",
		"SUBCODE1", "SC1", "SUBCODE2", "SC2", "SUBLIST", "SUBSTRING", "SUBSTR", "TASK-MODE", "TIME",
		"TO-C-LITERAL", "TSN", "UPPER-CASE", "USER-IDENTIFICATION", "VARIABLE-ATTRIBUTE", "VAR-ATTR", "VERIFY",
		"SDF-STRUCTURE-VALUE", "VARIABLE-TO-STRING",
		"INSTALLATION-PATH", "IS-LIBRARY-ELEMENT", "IS-LIB-ELEM",
		"USER-SWITCH",
	}
	for _, n := range want {
		if Default.Lookup(n) == nil {
			t.Errorf("%s missing from the table", n)
		}
	}
	if got := len(sortedNames(Default)); got != len(want) {
		t.Errorf("table has %d names and aliases, the catalogue %d: %v", got, len(want), sortedNames(Default))
	}
	for _, n := range []string{"SUBS", "MESSAGE"} {
		if Default.Lookup(n) != nil {
			t.Errorf("%s must not be a function", n)
		}
	}
}

func TestBind(t *testing.T) {
	t.Parallel()
	sub := Default.Lookup("SUBSTRING")
	cases := []struct {
		name string
		fn   *Function
		args []Arg
		want []any // nil: an error is expected: SDP0010 for a type, else SDP0091
		msg  string
	}{
		{"positional", sub, []Arg{{Value: "ABC"}, {Value: 2}, {Value: 1}}, []any{"ABC", 2, 1}, ""},
		{"defaults", sub, []Arg{{Value: "ABC"}}, []any{"ABC", 1, Keyword("*REST-LENGTH")}, ""},
		{"keywords in any order", sub, []Arg{{"LENGTH", 1}, {"STRING", "ABC"}}, []any{"ABC", 1, 1}, ""},
		{"abbreviated keywords", sub, []Arg{{"STR", "A"}, {"STA", 2}}, []any{"A", 2, Keyword("*REST-LENGTH")}, ""},
		{"lower-case keyword", sub, []Arg{{"string", "A"}}, []any{"A", 1, Keyword("*REST-LENGTH")}, ""},
		{"abbreviated keyword value", sub, []Arg{{Value: "A"}, {Value: 1}, {Value: Keyword("*REST")}},
			[]any{"A", 1, Keyword("*REST-LENGTH")}, ""},
		{"positional then keyword", sub, []Arg{{Value: "A"}, {"LEN", 0}}, []any{"A", 1, 0}, ""},
		{"too many", sub, []Arg{{Value: "A"}, {Value: 1}, {Value: 1}, {Value: 1}}, nil, "at most 3"},
		{"missing mandatory", sub, []Arg{{"START", 1}}, nil, "STRING is missing"},
		{"wrong type", sub, []Arg{{Value: 1}}, nil, "TYPE OF PARAMETER 'STRING' INVALID"},
		{"boolean for integer", sub, []Arg{{Value: "A"}, {Value: true}}, nil, "TYPE OF PARAMETER 'START'"},
		{"keyword not allowed", sub, []Arg{{Value: "A"}, {"START", Keyword("*FIRST")}}, nil, "not allowed"},
		{"keyword for a string", sub, []Arg{{Value: Keyword("*REST-LENGTH")}}, nil, "not allowed"},
		{"positional after keyword", sub, []Arg{{"STRING", "A"}, {Value: 1}}, nil, "positional parameter after"},
		{"given twice", sub, []Arg{{Value: "A"}, {"STRING", "B"}}, nil, "given twice"},
		{"ambiguous abbreviation", sub, []Arg{{"S", "A"}}, nil, "ambiguous"},
		{"unknown parameter", sub, []Arg{{"FROM", 1}}, nil, "no parameter FROM"},
		{"beyond INTEGER", sub, []Arg{{Value: "A"}, {Value: 1 << 31}}, nil, "TYPE OF PARAMETER 'START' INVALID"},
		{"value for a keyword-only parameter", Default.Lookup("INDEX"),
			[]Arg{{Value: "A"}, {Value: "B"}, {Value: "FORWARD"}}, nil, "takes one of *FORWARD, *REVERSE"},
		{"no parameters", Default.Lookup("TSN"), []Arg{{Value: 1}}, nil, "at most 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.fn.Bind(c.args)
			if c.want != nil {
				if err != nil || !reflect.DeepEqual(got, c.want) {
					t.Errorf("Bind = %#v, %v; want %#v", got, err, c.want)
				}
				return
			}
			key := codeSemantic
			if strings.HasPrefix(c.msg, "TYPE OF PARAMETER") {
				key = codeWrongValue
			}
			var e *Error
			if !errors.As(err, &e) || e.Msg.Key != key || e.SC1 != 64 || !strings.Contains(e.Error(), strings.ToUpper(c.msg)) {
				t.Errorf("Bind = %#v, %v; want %s with %q", got, err, key, c.msg)
			}
		})
	}
}

// TestMessages: every key the package raises has a text, and inserts are
// filled.
func TestMessages(t *testing.T) {
	t.Parallel()
	for _, code := range []string{codeSemantic, codeWrongValue} {
		if msg.Default().Lookup(code) == nil {
			t.Errorf("no text for %s", code)
		}
	}
	if e := jvStoreError.err("0815", "JV.X"); !strings.Contains(e.Error(), "'0815' WHILE ACCESSING JOB VARIABLE 'JV.X'") {
		t.Errorf("inserts not filled: %s", e)
	}
	if e := jvStoreError.err("(&01)", "JV.X"); !strings.Contains(e.Error(), "'(&01)' WHILE ACCESSING JOB VARIABLE 'JV.X'") {
		t.Errorf("an insert was substituted again: %s", e)
	}
	if _, err := intResult("X", maxInt32+1); err == nil {
		t.Error("intResult accepted a value beyond the INTEGER range")
	}
}

// FuzzCall calls every function with arbitrary arguments: whatever it is
// given, a function returns a value of its result type or an *Error, and
// never panics.
func FuzzCall(f *testing.F) {
	f.Add(uint8(0), uint64(0), "ABCDEFGH", "(a,b)", int32(2), int32(4))
	f.Add(uint8(7), uint64(0x1249), "'x,y'", "*P(a", int32(-1), int32(2147483647))
	f.Add(uint8(20), uint64(0xfff), "A#1.B", "", int32(0), int32(-2147483648))
	f.Add(uint8(33), uint64(0x2db), "SHVAS#.MIN-MEM-SIZE", "  -12 ", int32(1), int32(0))
	funcs := Default.Functions()
	f.Fuzz(func(t *testing.T, which uint8, shape uint64, s1, s2 string, n1, n2 int32) {
		fn := funcs[int(which)%len(funcs)]
		var args []Arg
		for count := int(shape % 6); count > 0; count-- {
			shape /= 6
			var a Arg
			switch shape % 8 {
			case 0:
				a.Value = s1
			case 1:
				a.Value = s2
			case 2:
				a.Value = int(n1)
			case 3:
				a.Value = int(n2)
			case 4:
				a.Value = n1%2 == 0
			case 5: // one of the keywords of the parameter at this position
				a.Value = Keyword("*" + s2)
				if i := len(args); i < len(fn.Params) && len(fn.Params[i].Keywords) > 0 {
					kws := fn.Params[i].Keywords
					a.Value = Keyword(kws[uint32(n2)%uint32(len(kws))])
				}
			default: // keyword form, with the name abbreviated
				if len(fn.Params) > 0 {
					p := fn.Params[uint32(n1)%uint32(len(fn.Params))].Name
					a.Key = p[:1+int(uint32(n2)%uint32(len(p)))]
				} else {
					a.Key = s2
				}
				a.Value = []any{s1, int(n2), Keyword("*" + s1)}[shape%3]
			}
			shape /= 8
			args = append(args, a)
		}
		got, err := fn.Call(newFakeEnv(), args)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Msg.Key == "" {
				t.Fatalf("%s%v: error %v is not an *Error with a key", fn.Name, args, err)
			}
			return
		}
		if TypeOf(got) != fn.Result {
			t.Fatalf("%s%v = %#v, want a %s", fn.Name, args, got, fn.Result)
		}
		if n, ok := got.(int); ok && (n < minInt32 || n > maxInt32) {
			t.Fatalf("%s%v = %d, beyond the INTEGER range", fn.Name, args, n)
		}
	})
}

// Every row of the outcome table renders in English and German, with as
// many inserts as its texts take, and says nothing twice.
func TestOutcomesRenderInBothLanguages(t *testing.T) {
	for id := range outcomes {
		key := outcomes[id].key
		if outcomes[id].detail != "" {
			key = outcomes[id].detail
		}
		m := outcomeID(id).message(msg.Default().StandIns(key)...)
		for _, lang := range []string{"E", "D"} {
			for _, p := range msg.Default().Lint(m, lang) {
				t.Errorf("outcome %d: %s", id, p)
			}
		}
	}
}

// Regression: a job-variable store error's key was inserted with its JVS
// prefix into SDP1054, whose text adds the prefix itself
// ("/HELP-MSG JVSJVS0416").
func TestJVStoreErrorKey(t *testing.T) {
	err := jvError("JV.A", &jv.Error{Key: jv.KeyStoreError, Inserts: []string{"JV.A", "JV/JV.A", "DISK FULL"}})
	want := "% SDP1054 JOB VARIABLE ERROR: JVS ERROR CODE '0416' WHILE ACCESSING JOB VARIABLE 'JV.A'. IN SYSTEM MODE: /HELP-MSG JVS0416"
	if got := err.Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
