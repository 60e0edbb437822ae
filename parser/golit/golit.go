// Package golit writes Go values as Go composite literals. Tables that
// are kept in a readable source form (the default installation in YAML,
// the command catalog's operand notation) are also generated as Go code,
// so that a run starts with them already built instead of decoding them.
// The go:generate programs (parser/catalog/internal/gencatalog,
// hypervisor/vm2000/internal/gendefault) write that code with this
// package, and tests hold both forms equal; the sdfp binary never links it.
package golit

import (
	"bytes"
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
)

// Writer accumulates literals. Zero fields of structs are left out.
type Writer struct {
	buf bytes.Buffer
	// Const names a value of a named integer type by its constant
	// (AltInteger rather than 3); ok false writes the number.
	Const func(v reflect.Value) (name string, ok bool)
	// UsesTime reports that a literal refers to package time, so the
	// generated file must import it.
	UsesTime bool
}

// Bytes returns what was written.
func (w *Writer) Bytes() []byte { return w.buf.Bytes() }

// WriteString adds text between literals.
func (w *Writer) WriteString(s string) { w.buf.WriteString(s) }

// Value writes v as a literal.
func (w *Writer) Value(v reflect.Value) { w.value(v, false) }

func (w *Writer) typeName(t reflect.Type) string {
	switch {
	case t.Name() != "" && t.PkgPath() == "time":
		w.UsesTime = true
		return "time." + t.Name()
	case t.Name() != "":
		return t.Name()
	case t.Kind() == reflect.Slice:
		return "[]" + w.typeName(t.Elem())
	case t.Kind() == reflect.Map:
		return "map[" + w.typeName(t.Key()) + "]" + w.typeName(t.Elem())
	case t.Kind() == reflect.Pointer:
		return "*" + w.typeName(t.Elem())
	}
	panic("golit: no name for " + t.String())
}

// value writes v; elided leaves out the type of a struct literal inside
// a slice or map literal (and the & of a pointer to one), as gofmt -s
// would.
func (w *Writer) value(v reflect.Value, elided bool) {
	b := &w.buf
	switch v.Kind() {
	case reflect.Pointer:
		if v.Elem().Kind() == reflect.Struct {
			if !elided {
				b.WriteString("&")
			}
			w.value(v.Elem(), elided)
			return
		}
		b.WriteString("ptr(")
		w.value(v.Elem(), false)
		b.WriteString(")")
	case reflect.Struct:
		if !elided {
			b.WriteString(w.typeName(v.Type()))
		}
		// a struct of scalars (a position) fits on one line
		sep, end := "\n", "\n}"
		if flat(v.Type()) {
			sep, end = " ", "}"
		}
		b.WriteString("{")
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).IsZero() {
				continue
			}
			fmt.Fprintf(b, "%s%s: ", sep, v.Type().Field(i).Name)
			w.value(v.Field(i), false)
			b.WriteString(",")
		}
		b.WriteString(end)
	case reflect.Slice:
		b.WriteString(w.typeName(v.Type()) + "{")
		for i := 0; i < v.Len(); i++ {
			b.WriteString("\n")
			w.value(v.Index(i), true)
			b.WriteString(",")
		}
		b.WriteString("\n}")
	case reflect.Map:
		b.WriteString(w.typeName(v.Type()) + "{")
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
		for _, k := range keys {
			b.WriteString("\n")
			w.value(k, false)
			b.WriteString(": ")
			w.value(v.MapIndex(k), true)
			b.WriteString(",")
		}
		b.WriteString("\n}")
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int64:
		if w.Const != nil {
			if name, ok := w.Const(v); ok {
				b.WriteString(name)
				return
			}
		}
		if v.Type().PkgPath() == "time" {
			fmt.Fprintf(b, "%s(%d)", w.typeName(v.Type()), v.Int())
			return
		}
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Float64:
		b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	default:
		panic("golit: cannot write a " + v.Type().String())
	}
}

func flat(t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		switch t.Field(i).Type.Kind() {
		case reflect.Struct, reflect.Slice, reflect.Map, reflect.Pointer:
			return false
		}
	}
	return true
}
