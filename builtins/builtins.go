// Package builtins holds the SDF-P builtin functions in one table: each
// entry has its name, aliases, parameters (keyword names, positional
// order, defaults, allowed keyword values), result type, help text and
// the Go function. The table drives calling (argument binding with
// abbreviated keywords), `sdfp check` (arity and keyword checks) and
// `sdfp help FUNCTION`.
//
// Values are plain Go values: string, int (always within the 32-bit range
// of SDF-P INTEGER) and bool. A keyword argument such as *ISO arrives as a
// Keyword. Functions that need the run's state (variables, return codes,
// job variables, the virtual clock, messages) reach it through Env, so the
// package does not depend on the interpreter.
package builtins

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"sdfp/hypervisor/msg"
	"sdfp/parser/catalog"
)

// Type is an SDF-P data type of a parameter or result.
type Type int

const (
	TypeAny Type = iota
	TypeString
	TypeInteger
	TypeBoolean
)

func (t Type) String() string {
	if t < TypeAny || t > TypeBoolean {
		return fmt.Sprintf("Type(%d)", int(t))
	}
	return [...]string{"ANY", "STRING", "INTEGER", "BOOLEAN"}[t]
}

// Keyword is a keyword argument value, with its star: "*ISO".
type Keyword string

// Param declares one parameter of a function.
type Param struct {
	Name string // full keyword name, e.g. "STRING", "START"
	// Type is the type of a non-keyword value (TypeAny: any value).
	Type Type
	// Keywords are the keyword values allowed in place of a value
	// (e.g. *REST-LENGTH, *FORWARD). A parameter with keywords and
	// NoValue set takes only keywords.
	Keywords []string
	NoValue  bool
	// Default is used when the argument is omitted; nil means the
	// parameter is mandatory. A keyword default is a Keyword.
	Default any
	// VariableName: the value names a variable, and a typed
	// implementation reads it with Args.VariableName. A literal name is
	// then checked and upper-cased once per call site (Binding.Fix), not
	// at every call: SIZE('LIST-A') in a WHILE condition. (Args.Str then
	// gives such a literal upper-cased too.)
	VariableName bool
}

// Function is one table entry.
type Function struct {
	Name    string
	Aliases []string
	Params  []Param
	Result  Type
	Help    string
	// Source: where the definition comes from and how sure it is
	// (V manual page read, Vn name read but page not, I inferred).
	Source string
	// Impl computes the result from the bound arguments (one per
	// parameter, defaults filled in, keyword abbreviations resolved).
	// It must neither keep nor change args: a planned call site
	// (binding.go) reuses the slice for its next call.
	Impl func(env Env, args []any) (any, error)
	// Str, when set, computes the result of a function whose result is
	// always a STRING, unboxed, from arguments that may be unboxed too
	// (args.go), under Impl's rules: the interpreter's direct path passes
	// strings and ints from call to call without boxing them. Int is the
	// same for a function whose result is always an INTEGER. NewTable
	// derives Impl from either, so the function has one implementation.
	Str func(env Env, args Args) (string, error)
	Int func(env Env, args Args) (int, error)
	// Fast, when set, is the function of its leading parameters alone
	// as plain values (fast.go), giving what Str or Int gives them.
	Fast *Fast
}

// Env is what a function may ask of the running procedure.
type Env interface {
	// Now is the current virtual time of the run.
	Now() time.Time
	// ReturnCode is the current (saved) command return code.
	ReturnCode() (sc1, sc2 int, maincode string)
	// JV reads the value of a job variable.
	JV(name string) (string, error)
	// Message returns the text of a message key in language "E" or "D",
	// with inserts substituted.
	Message(key, lang string, inserts []string) (string, bool)
	// Language is the run's default message language ("E" or "D").
	Language() string
	// Variables answers questions about S variables.
	Variables() VariableInfo
	// Task describes the task: TSN, user ID, task mode.
	Task() TaskInfo
	// Warn prints a warning message (e.g. SDP0414) without failing.
	Warn(m msg.Message)
	// Software is the installation's software inventory (IMON's SCI).
	Software() []Software
	// LibraryElements names the element files of type typ in the library
	// (a directory of the workdir, see system.go); none when the library
	// has no such type. An error says the library cannot be read: it
	// does not exist (fs.ErrNotExist) or is no directory.
	LibraryElements(library, typ string) ([]string, error)
}

// VariableInfo is the view of the variable store the variable functions
// need. Names are full composed names in upper case.
type VariableInfo interface {
	IsDeclared(name string, scope Keyword) bool
	IsInitialized(name string) bool
	// Attribute answers VARIABLE-ATTRIBUTE(name, attr); ok is false when
	// the variable does not exist.
	Attribute(name string, attr Keyword) (string, bool)
	// FirstName and NextName enumerate the variables whose names start
	// with a prefix; "*END" when there are no more.
	FirstName(prefix string) string
	NextName(prev string) string
	// Size is the number of elements of a list or array (0 for none).
	Size(name string) (int, bool)
	// CurrentType is the type of the variable's current value.
	CurrentType(name string) (Type, bool)
	// Elements are the values of a list variable's elements in order (nil
	// for an element that is not simple); ok is false when name is not a
	// declared list.
	Elements(name string) (values []any, ok bool)
	// Tree is the contents of a variable or element for the SDF string
	// conversion (VARIABLE-TO-STRING); ok is false when it does not exist.
	Tree(name string) (t *Tree, ok bool)
}

// TaskInfo describes the task a procedure runs in.
type TaskInfo struct {
	TSN      string
	UserID   string
	TaskMode string // BATCH, DIALOG
}

// Table is a set of functions with lookup by name and alias.
type Table struct {
	funcs  []*Function
	byName map[string]*Function
}

// NewTable builds a table. Names must be unique; a duplicate is a
// programming error in the table and reported by the tests.
func NewTable(fs ...*Function) *Table {
	t := &Table{byName: map[string]*Function{}}
	for _, f := range fs {
		if f.Impl == nil {
			f.Impl = typedImpl(f)
		}
		t.funcs = append(t.funcs, f)
		t.byName[f.Name] = f
		for _, a := range f.Aliases {
			t.byName[a] = f
		}
	}
	return t
}

// Lookup finds a function by its full name or alias (function names are
// never abbreviated otherwise).
func (t *Table) Lookup(name string) *Function { return t.byName[strings.ToUpper(name)] }

// Functions returns the table sorted by name.
func (t *Table) Functions() []*Function {
	out := append([]*Function(nil), t.funcs...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// typedImpl is the Impl of a function declared by its Str or Int (nil
// for neither, which the table tests report).
func typedImpl(f *Function) func(Env, []any) (any, error) {
	switch str, num := f.Str, f.Int; {
	case str != nil:
		return func(env Env, a []any) (any, error) {
			s, err := str(env, BoxedArgs(a))
			if err != nil {
				return nil, err
			}
			return s, nil
		}
	case num != nil:
		return func(env Env, a []any) (any, error) {
			n, err := num(env, BoxedArgs(a))
			if err != nil {
				return nil, err
			}
			return n, nil
		}
	}
	return nil
}

// Arg is one argument as written: positional (Key "") or KEY=value.
type Arg struct {
	Key   string
	Value any
}

// Bind places written arguments onto the function's parameters: positional
// ones in order (they must come first), keyword ones by (abbreviated)
// name, defaults for the rest. It checks the argument count, mandatory
// parameters, keyword values and value types.
func (f *Function) Bind(args []Arg) ([]any, error) {
	out := make([]any, len(f.Params))
	pl := f.placer()
	for _, a := range args {
		i, err := pl.place(a.Key)
		if err != nil {
			return nil, err
		}
		v, err := f.Params[i].check(f.Name, a.Value)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	rest, err := pl.defaulted()
	if err != nil {
		return nil, err
	}
	for _, i := range rest {
		out[i] = f.Params[i].Default
	}
	return out, nil
}

// placer places written arguments onto a function's parameters, one at a
// time, by the rules Bind and Plan share.
type placer struct {
	f      *Function
	set    []bool
	next   int
	sawKey bool
}

func (f *Function) placer() *placer { return &placer{f: f, set: make([]bool, len(f.Params))} }

// place gives the parameter an argument with the key ("" for a
// positional one) fills: positional ones in order, before any keyword
// one; keyword ones by (abbreviated) name; none twice.
func (pl *placer) place(key string) (int, error) {
	f := pl.f
	var i int
	if key == "" {
		if pl.sawKey {
			return -1, positionalAfterKeyword.err(f.Name)
		}
		if pl.next >= len(f.Params) {
			return -1, tooManyParameters.err(f.Name, len(f.Params))
		}
		i = pl.next
		pl.next++
	} else {
		pl.sawKey = true
		var err error
		if i, err = f.paramIndex(key); err != nil {
			return -1, err
		}
	}
	if pl.set[i] {
		return -1, parameterTwice.err(f.Name, f.Params[i].Name)
	}
	pl.set[i] = true
	return i, nil
}

// defaulted gives the parameters no argument filled, which take their
// defaults; a mandatory one among them is an error.
func (pl *placer) defaulted() ([]int, error) {
	var rest []int
	for i, p := range pl.f.Params {
		if pl.set[i] {
			continue
		}
		if p.Default == nil {
			return nil, parameterMissing.err(pl.f.Name, p.Name)
		}
		rest = append(rest, i)
	}
	return rest, nil
}

// paramIndex resolves a keyword parameter name, which may be abbreviated
// per hyphen part while it stays unique.
func (f *Function) paramIndex(key string) (int, error) {
	key = strings.ToUpper(key)
	found := -1
	for i, p := range f.Params {
		if p.Name == key {
			return i, nil
		}
		if abbreviates(key, p.Name) {
			if found >= 0 {
				return -1, abbreviationAmbiguous.err(f.Name, key)
			}
			found = i
		}
	}
	if found < 0 {
		return -1, noSuchParameter.err(f.Name, key)
	}
	return found, nil
}

// check validates one argument value against the parameter.
func (p Param) check(fn string, v any) (any, error) {
	if kw, ok := v.(Keyword); ok {
		// An exact keyword wins (*E beside *ENGLISH, *CONTAINER beside
		// *CONTAINER-NAME); otherwise the abbreviation must be unique.
		found := ""
		for _, k := range p.Keywords {
			if strings.EqualFold(string(kw), k) {
				return Keyword(k), nil
			}
			if abbreviates(string(kw), k) {
				if found != "" {
					return nil, keywordAmbiguous.err(fn, string(kw), p.Name)
				}
				found = k
			}
		}
		if found != "" {
			return Keyword(found), nil
		}
		return nil, keywordNotAllowed.err(fn, string(kw), p.Name)
	}
	if p.NoValue {
		return nil, keywordOnly.err(fn, p.Name, strings.Join(p.Keywords, ", "))
	}
	if p.Type != TypeAny && TypeOf(v) != p.Type {
		return nil, wrongType.err(p.Name)
	}
	// SDF-P has only 32-bit integers; a wider Go int can only come from a
	// caller's bug, and must not reach the functions' arithmetic.
	if n, ok := v.(int); ok && (n < minInt32 || n > maxInt32) {
		return nil, wrongType.err(p.Name)
	}
	return v, nil
}

// Call binds the written arguments and runs the function: the one entry
// point the interpreter and the tests use.
func (f *Function) Call(env Env, args []Arg) (any, error) {
	bound, err := f.Bind(args)
	if err != nil {
		return nil, err
	}
	return f.Impl(env, bound)
}

// TypeOf returns the SDF-P type of a value.
func TypeOf(v any) Type {
	switch v.(type) {
	case string:
		return TypeString
	case int:
		return TypeInteger
	case bool:
		return TypeBoolean
	}
	return TypeAny
}

// abbreviates: SDF abbreviation per hyphen part, stars ignored (the same
// rule as for command and operand names).
func abbreviates(short, full string) bool { return catalog.Abbreviates(short, full) }
