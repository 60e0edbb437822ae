package golit

import (
	"go/format"
	"reflect"
	"testing"
	"time"
)

type kind int

type inner struct{ A, B int }

type sample struct {
	Name   string
	Kind   kind
	Wait   time.Duration
	Flag   *bool
	Pos    inner
	List   []*inner
	ByName map[string]inner
	Empty  []string
	Skip   string // zero: left out
}

func TestWriterWritesCompilableLiterals(t *testing.T) {
	yes := true
	v := &sample{
		Name: "A\"B", Kind: 2, Wait: 3 * time.Second, Flag: &yes, Pos: inner{1, 2},
		List: []*inner{{A: 5}}, ByName: map[string]inner{"z": {B: 1}, "a": {A: 1}}, Empty: []string{},
	}
	w := Writer{Const: func(x reflect.Value) (string, bool) {
		if x.Type() == reflect.TypeFor[kind]() {
			return "kindTwo", x.Int() == 2
		}
		return "", false
	}}
	w.Value(reflect.ValueOf(v))
	src, err := format.Source([]byte("package p\n\nvar x = " + string(w.Bytes()) + "\n"))
	if err != nil {
		t.Fatalf("not Go: %v\n%s", err, w.Bytes())
	}
	want := `package p

var x = &sample{
	Name: "A\"B",
	Kind: kindTwo,
	Wait: time.Duration(3000000000),
	Flag: ptr(true),
	Pos:  inner{A: 1, B: 2},
	List: []*inner{
		{A: 5},
	},
	ByName: map[string]inner{
		"a": {A: 1},
		"z": {B: 1},
	},
	Empty: []string{},
}
`
	if string(src) != want {
		t.Errorf("got\n%s\nwant\n%s", src, want)
	}
	if !w.UsesTime {
		t.Error("UsesTime not set for a time.Duration")
	}
}
