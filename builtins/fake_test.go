package builtins

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"sdfp/hypervisor/msg"
)

// fakeEnv is a small, fixed run state for the tests: a clock at
// 2026-01-01 08:00:00 UTC, task 1234 of user SDFPUSER, a few job
// variables, messages and variables.
type fakeEnv struct {
	now      time.Time
	sc1, sc2 int
	mc       string
	jvs      map[string]string
	lang     string
	msgs     map[string]string // "KEY/LANG" -> text with &00..&29
	vars     *fakeVars
	task     TaskInfo
	warnings []string
	software []Software          // the inventory INSTALLATION-PATH reads (system_test.go)
	libs     map[string][]string // "LIBRARY/TYPE" -> element files (system_test.go)
}

func newFakeEnv() *fakeEnv {
	return &fakeEnv{
		now: time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC),
		sc1: 64, sc2: 0, mc: "SDP0412",
		jvs: map[string]string{
			"JV.VMMEM.VM02": "$A OK",
			"EMPTY":         "",
			"SECRET":        "\x00locked", // JV answers SDP1022
			"BROKEN":        "\x00plain",  // JV answers a non-*Error error
		},
		lang: "E",
		msgs: map[string]string{
			"SDP0412/E": "START POSITION OUT OF RANGE",
			"SDP1018/E": "FILE '&00' NOT FOUND IN '&01'",
			"SDP1018/D": "DATEI '&00' IN '&01' NICHT GEFUNDEN",
		},
		vars:     newFakeVars(),
		task:     TaskInfo{TSN: "1234", UserID: "SDFPUSER", TaskMode: "BATCH"},
		software: fakeSoftware(),
		libs:     fakeLibraries(),
	}
}

func (e *fakeEnv) Now() time.Time                        { return e.now }
func (e *fakeEnv) ReturnCode() (sc1, sc2 int, mc string) { return e.sc1, e.sc2, e.mc }
func (e *fakeEnv) Language() string                      { return e.lang }
func (e *fakeEnv) Variables() VariableInfo               { return e.vars }
func (e *fakeEnv) Task() TaskInfo                        { return e.task }
func (e *fakeEnv) Warn(m msg.Message)                    { e.warnings = append(e.warnings, m.Key) }

func (e *fakeEnv) JV(name string) (string, error) {
	v, ok := e.jvs[name]
	switch {
	case !ok:
		return "", jvNotFound.err(name)
	case v == "\x00locked":
		return "", jvNotAccessible.err(name)
	case v == "\x00plain":
		return "", errors.New("JVS0001")
	}
	return v, nil
}

func (e *fakeEnv) Message(key, lang string, inserts []string) (string, bool) {
	t, ok := e.msgs[key+"/"+lang]
	if !ok {
		return "", false
	}
	for i, s := range inserts {
		t = strings.ReplaceAll(t, fmt.Sprintf("&%02d", i), s)
	}
	return t, true
}

// fakeVar is one variable of the fake store; value nil = uninitialized.
type fakeVar struct {
	typ   Type
	value any
	task  bool
	attrs map[Keyword]string
	size  int
}

type fakeVars struct {
	vars     map[string]fakeVar
	children map[string][]string // complex variable -> element names in order
}

func newFakeVars() *fakeVars {
	str := map[Keyword]string{"*TYPE": "*STRING", "*CONTAINER": "*STD", "*SCOPE": "*CURRENT"}
	v := &fakeVars{
		vars: map[string]fakeVar{
			"A":      {typ: TypeString, value: "ABCDEFGH", attrs: str},
			"E":      {typ: TypeString, value: "", attrs: str},
			"N":      {typ: TypeInteger, value: 42},
			"B":      {typ: TypeBoolean, value: true},
			"U":      {typ: TypeAny},
			"T":      {typ: TypeString, value: "task", task: true},
			"LIST-A": {typ: TypeString, value: "", size: 3},
			"ARR":    {typ: TypeInteger, value: 0, size: 3},
			"FSTAT":  {typ: TypeAny, value: "", size: 1},
		},
		children: map[string][]string{
			"LIST-A":  {"LIST-A#1", "LIST-A#2", "LIST-A#3"},
			"ARR":     {"ARR#1", "ARR#22", "ARR#30"},
			"FSTAT":   {"FSTAT#1"},
			"FSTAT#1": {"FSTAT#1.F-NAME", "FSTAT#1.F-SIZE"},
		},
	}
	for _, els := range v.children {
		for _, el := range els {
			v.vars[el] = fakeVar{typ: TypeString, value: "x"}
		}
	}
	return v
}

func (v *fakeVars) IsDeclared(name string, scope Keyword) bool {
	x, ok := v.vars[name]
	return ok && (scope != "*TASK" || x.task)
}

func (v *fakeVars) IsInitialized(name string) bool {
	x, ok := v.vars[strings.TrimSuffix(name, "#")]
	return ok && x.value != nil
}

func (v *fakeVars) Attribute(name string, attr Keyword) (string, bool) {
	x, ok := v.vars[name]
	if !ok {
		return "", false
	}
	return x.attrs[attr], true
}

func (v *fakeVars) FirstName(name string) string {
	if els := v.children[name]; len(els) > 0 {
		return els[0]
	}
	return "*END"
}

func (v *fakeVars) NextName(prev string) string {
	for _, els := range v.children {
		for i, el := range els {
			if el == prev && i+1 < len(els) {
				return els[i+1]
			} else if el == prev {
				return "*END"
			}
		}
	}
	return "*END"
}

func (v *fakeVars) Size(name string) (int, bool) {
	x, ok := v.vars[strings.TrimSuffix(name, "#")]
	return x.size, ok
}

func (v *fakeVars) Elements(name string) ([]any, bool) {
	if name != "NAMES" {
		return nil, false
	}
	return []any{"VM02 RUNNING", "VM03 IN-HOLD", 7, "VM12PROD RUNNING", "vm13 down"}, true
}

// Tree gives the fake's complex variables: JOB, the structure
// 'PAR(NAME=CTL,CPU=60,FILE=E.CONTROL)' converted, and LIST-A.
func (v *fakeVars) Tree(name string) (*Tree, bool) {
	switch name {
	case "JOB":
		t, err := StringToTree("PAR(NAME=CTL,CPU=60,FILE=E.CONTROL)", "*STD")
		return t, err == nil
	case "LIST-A":
		return &Tree{Kind: TreeList, Elems: []*Tree{{Value: "x"}, {Value: 2}, {}, {Value: false}}}, true
	case "A":
		return &Tree{Value: "ABCDEFGH"}, true
	}
	return nil, false
}

func (v *fakeVars) CurrentType(name string) (Type, bool) {
	x, ok := v.vars[name]
	if !ok {
		return TypeAny, false
	}
	return TypeOf(x.value), true
}

// callCase is one function call written as SDF-P text, with the result
// written as an SDF-P literal ('text', 12, TRUE), the error key it must
// raise (the result is then checked only if want is set) and the warning
// keys it must report, comma-separated.
type callCase struct {
	call, want, err, warn string
	env                   func(*fakeEnv) // optional change to the fake
}

func runCases(t *testing.T, cases []callCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.call, func(t *testing.T) {
			t.Parallel()
			env := newFakeEnv()
			if c.env != nil {
				c.env(env)
			}
			got, err := evalCall(env, c.call)
			if c.err != "" {
				var e *Error
				if !errors.As(err, &e) || e.Msg.Key != c.err {
					t.Fatalf("got %v, %v; want error %s", got, err, c.err)
				}
				if c.want != "" && literal(got) != c.want {
					t.Errorf("result %s, want %s", literal(got), c.want)
				}
			} else if err != nil {
				t.Fatalf("unexpected error %v", err)
			} else if literal(got) != c.want {
				t.Errorf("got %s, want %s", literal(got), c.want)
			}
			if w := strings.Join(env.warnings, ","); w != c.warn {
				t.Errorf("warnings %q, want %q", w, c.warn)
			}
		})
	}
}

// evalCall runs a call written as NAME, NAME() or NAME(arg, KEY=arg, ...)
// whose arguments are literals: 'text' (apostrophes doubled), integers,
// TRUE/FALSE and *KEYWORDS.
func evalCall(env Env, src string) (any, error) {
	name, rest, _ := strings.Cut(src, "(")
	f := Default.Lookup(strings.TrimSpace(name))
	if f == nil {
		return nil, fmt.Errorf("unknown function %s", name)
	}
	var args []Arg
	if rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), ")")); rest != "" {
		texts, ok := SplitTopLevel(rest)
		if !ok {
			return nil, fmt.Errorf("unbalanced arguments %q", rest)
		}
		for _, text := range texts {
			a, err := parseArg(text)
			if err != nil {
				return nil, err
			}
			args = append(args, a)
		}
	}
	return f.Call(env, args)
}

func parseArg(text string) (Arg, error) {
	text = strings.TrimSpace(text)
	var a Arg
	if i := strings.IndexByte(text, '='); i > 0 && !strings.ContainsAny(text[:i], "'*") {
		a.Key, text = strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+1:])
	}
	switch {
	case strings.HasPrefix(text, "'") && strings.HasSuffix(text, "'") && len(text) >= 2:
		a.Value = strings.ReplaceAll(text[1:len(text)-1], "''", "'")
	case strings.HasPrefix(text, "*"):
		a.Value = Keyword(strings.ToUpper(text))
	case text == "TRUE" || text == "FALSE":
		a.Value = text == "TRUE"
	default:
		n, err := strconv.Atoi(text)
		if err != nil {
			return a, fmt.Errorf("bad argument %q", text)
		}
		a.Value = n
	}
	return a, nil
}

// literal writes a value as SDF-P literal text.
func literal(v any) string {
	switch v := v.(type) {
	case string:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	case int:
		return strconv.Itoa(v)
	case bool:
		return boolText(v)
	case nil:
		return "<nil>"
	}
	return fmt.Sprintf("%#v", v)
}

// sortedNames lists the table's names and aliases.
func sortedNames(t *Table) []string {
	var out []string
	for _, f := range t.Functions() {
		out = append(out, f.Name)
		out = append(out, f.Aliases...)
	}
	sort.Strings(out)
	return out
}
