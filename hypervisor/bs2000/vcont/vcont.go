// Package vcont keeps permanent variable containers: the elements of
// type SYSVCONT that OPEN-VARIABLE-CONTAINER opens in a PLAM library
// (SDF-P user guide, OPEN-VARIABLE-CONTAINER, page 409, V; "S variables
// as containers", page 142, V). sdfp has no PLAM: a library is one file
// of the workdir, a JSON document that holds its SYSVCONT elements, each
// with its variables. The file is replaced atomically (package dms), so a
// killed run leaves it whole, and it is checked through when read, so a
// crafted file is a clear error, never a panic or a value no declaration
// could make (the interpreter checks the names' syntax). A file that is
// not such a library is never written over.
//
// A container keeps simple variables (of type ANY, STRING, INTEGER or
// BOOLEAN) and lists of simple values: what the manual's restricted
// form (without the chargeable SDF-P) allows and more, but not arrays
// and structures (sdfp's own limit, I).
package vcont

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
)

// Format names the layout of a library file; a file without it is not a
// library of variable containers.
const Format = "sdfp-plam-sysvcont/1"

// Limits of what a library file may hold: the size of the file read, and
// the values of SDF-P (strings of at most 4096 bytes, 32-bit integers,
// names of 1..20 characters).
const (
	MaxFileSize  = 16 << 20
	maxString    = 4096
	maxNameLen   = 20
	maxElemName  = 64
	maxListElems = 100_000
)

// Var is one variable of a container: a simple value (Value, nil when
// not initialized) or, with List set, a list of simple values.
type Var struct {
	Name  string // upper case
	Type  string // ANY, STRING, INTEGER or BOOLEAN: of the value, or of each list element
	List  bool
	Value any   // string, int or bool; nil: not initialized
	Elems []any // list elements
}

// Element is one SYSVCONT element: a container's variables in order.
type Element struct {
	Name string
	Vars []Var
}

// the JSON form
type fileJSON struct {
	Format   string        `json:"format"`
	Elements []elementJSON `json:"elements"`
}

type elementJSON struct {
	Name      string    `json:"name"`
	Variables []varJSON `json:"variables"`
}

type varJSON struct {
	Name     string            `json:"name"`
	Type     string            `json:"type"`
	Value    json.RawMessage   `json:"value,omitempty"`
	Elements []json.RawMessage `json:"elements,omitempty"`
	List     bool              `json:"list,omitempty"`
}

// ErrNotLibrary is the error for a file that is not a library of
// variable containers (or one whose content does not hold).
type ErrNotLibrary struct{ Reason string }

func (e *ErrNotLibrary) Error() string { return e.Reason }

func bad(format string, a ...any) error {
	return &ErrNotLibrary{Reason: fmt.Sprintf(format, a...)}
}

// Read returns the elements of the library file name; a missing file is
// an empty library (nil, nil), so that opening a container creates it.
func Read(fsys afero.Fs, name string) ([]Element, error) {
	data, err := dms.ReadFile(fsys, name, MaxFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return Decode(data)
}

// Decode checks and decodes the content of a library file.
func Decode(data []byte) ([]Element, error) {
	if !utf8.Valid(data) {
		return nil, bad("not a library of variable containers: not UTF-8 text")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	var f fileJSON
	if err := dec.Decode(&f); err != nil {
		return nil, bad("not a library of variable containers: %v", err)
	}
	if dec.More() {
		return nil, bad("not a library of variable containers: data after the end")
	}
	if f.Format != Format {
		return nil, bad("not a library of variable containers (format %q, not %q)", f.Format, Format)
	}
	elems := make([]Element, 0, len(f.Elements))
	seen := map[string]bool{}
	for i, e := range f.Elements {
		if !validName(e.Name, maxElemName) {
			return nil, bad("element %d: %q is not an element name", i+1, e.Name)
		}
		if seen[e.Name] {
			return nil, bad("element %s appears twice", e.Name)
		}
		seen[e.Name] = true
		el := Element{Name: e.Name}
		vars := map[string]bool{}
		for j, v := range e.Variables {
			d, err := decodeVar(v)
			if err != nil {
				return nil, bad("element %s, variable %d: %v", e.Name, j+1, err)
			}
			if vars[d.Name] {
				return nil, bad("element %s: variable %s appears twice", e.Name, d.Name)
			}
			vars[d.Name] = true
			el.Vars = append(el.Vars, d)
		}
		elems = append(elems, el)
	}
	return elems, nil
}

func decodeVar(v varJSON) (Var, error) {
	if !validName(v.Name, maxNameLen) {
		return Var{}, fmt.Errorf("%q is not a variable name", v.Name)
	}
	switch v.Type {
	case "ANY", "STRING", "INTEGER", "BOOLEAN":
	default:
		return Var{}, fmt.Errorf("variable %s: type %q is not ANY, STRING, INTEGER or BOOLEAN", v.Name, v.Type)
	}
	d := Var{Name: v.Name, Type: v.Type, List: v.List}
	if v.List {
		if v.Value != nil {
			return Var{}, fmt.Errorf("list %s has a simple value", v.Name)
		}
		if len(v.Elements) > maxListElems {
			return Var{}, fmt.Errorf("list %s has more than %d elements", v.Name, maxListElems)
		}
		for k, raw := range v.Elements {
			x, err := decodeValue(raw, v.Type)
			if err != nil || x == nil {
				return Var{}, fmt.Errorf("list %s, element %d: %v", v.Name, k+1, orMissing(err))
			}
			d.Elems = append(d.Elems, x)
		}
		return d, nil
	}
	if v.Elements != nil {
		return Var{}, fmt.Errorf("simple variable %s has list elements", v.Name)
	}
	x, err := decodeValue(v.Value, v.Type)
	if err != nil {
		return Var{}, fmt.Errorf("variable %s: %v", v.Name, err)
	}
	d.Value = x
	return d, nil
}

func orMissing(err error) error {
	if err == nil {
		return errors.New("no value")
	}
	return err
}

// decodeValue reads one simple value of the given type; an absent value
// (or JSON null) is nil, not initialized.
func decodeValue(raw json.RawMessage, typ string) (any, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return nil, err
	}
	var v any
	var got string
	switch t := x.(type) {
	case string:
		if len(t) > maxString {
			return nil, fmt.Errorf("string longer than %d bytes", maxString)
		}
		v, got = t, "STRING"
	case json.Number:
		n, err := t.Int64()
		if err != nil || n < math.MinInt32 || n > math.MaxInt32 {
			return nil, fmt.Errorf("%s is not an INTEGER", t)
		}
		v, got = int(n), "INTEGER"
	case bool:
		v, got = t, "BOOLEAN"
	default:
		return nil, fmt.Errorf("value %s is not a STRING, INTEGER or BOOLEAN", raw)
	}
	if typ != "ANY" && typ != got {
		return nil, fmt.Errorf("value %s is not of type %s", raw, typ)
	}
	return v, nil
}

// The syntax of variable names is the interpreter's (package builtins,
// above this one): here a name is only bounded, 1..20 characters without
// blanks, and an element name 1..64; the interpreter checks a name
// before it declares it.
func validName(s string, max int) bool {
	return len(s) >= 1 && len(s) <= max && !strings.ContainsAny(s, " \t\n") && s == strings.ToUpper(s)
}

// Encode renders a library file.
func Encode(elems []Element) ([]byte, error) {
	f := fileJSON{Format: Format, Elements: make([]elementJSON, 0, len(elems))}
	for _, e := range elems {
		ej := elementJSON{Name: e.Name, Variables: []varJSON{}}
		for _, v := range e.Vars {
			vj := varJSON{Name: v.Name, Type: v.Type, List: v.List}
			if v.List {
				vj.Elements = []json.RawMessage{}
				for _, x := range v.Elems {
					raw, err := encodeValue(x)
					if err != nil {
						return nil, err
					}
					vj.Elements = append(vj.Elements, raw)
				}
			} else if v.Value != nil {
				raw, err := encodeValue(v.Value)
				if err != nil {
					return nil, err
				}
				vj.Value = raw
			}
			ej.Variables = append(ej.Variables, vj)
		}
		f.Elements = append(f.Elements, ej)
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// ErrNotText is the error for a string value that is not UTF-8 text: the
// file would not give it back unchanged.
var ErrNotText = errors.New("a string value is not UTF-8 text")

func encodeValue(x any) (json.RawMessage, error) {
	if s, ok := x.(string); ok && !utf8.ValidString(s) {
		return nil, ErrNotText
	}
	return json.Marshal(x)
}

// Find returns the element of that name, if the library has it.
func Find(elems []Element, name string) (Element, bool) {
	for _, e := range elems {
		if e.Name == name {
			return e, true
		}
	}
	return Element{}, false
}

// Save replaces (or adds) one element in the library file name and
// writes the file atomically. The file is read and checked first: one
// that is not a library of variable containers is left alone and its
// error returned.
func Save(fsys afero.Fs, name string, el Element) error {
	elems, err := Read(fsys, name)
	if err != nil {
		return err
	}
	replaced := false
	for i := range elems {
		if elems[i].Name == el.Name {
			elems[i], replaced = el, true
		}
	}
	if !replaced {
		elems = append(elems, el)
	}
	data, err := Encode(elems)
	if err != nil {
		return err
	}
	return dms.WriteFile(fsys, name, data)
}
