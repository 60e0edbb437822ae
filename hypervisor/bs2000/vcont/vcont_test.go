package vcont

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms/dmstest"
)

func sample() Element {
	return Element{Name: "CONT.A", Vars: []Var{
		{Name: "COUNT", Type: "INTEGER", Value: 7},
		{Name: "TEXT", Type: "ANY", Value: "<a&b>"},
		{Name: "FLAG", Type: "BOOLEAN", Value: true},
		{Name: "EMPTY", Type: "STRING"},
		{Name: "L", Type: "STRING", List: true, Elems: []any{"E1", "E2"}},
		{Name: "NONE", Type: "ANY", List: true},
	}}
}

// What Save writes, Read gives back, value for value, beside the other
// elements of the library.
func TestSaveReadRoundTrip(t *testing.T) {
	fs := afero.NewMemMapFs()
	if err := Save(fs, "LIB", Element{Name: "OTHER"}); err != nil {
		t.Fatal(err)
	}
	if err := Save(fs, "LIB", sample()); err != nil {
		t.Fatal(err)
	}
	elems, err := Read(fs, "LIB")
	if err != nil {
		t.Fatal(err)
	}
	got, ok := Find(elems, "CONT.A")
	if !ok || len(elems) != 2 {
		t.Fatalf("elements %+v", elems)
	}
	want := sample()
	want.Vars[5].Elems = nil
	if got.Vars[5].Elems != nil && len(got.Vars[5].Elems) == 0 {
		got.Vars[5].Elems = nil
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

// A file that is not a library is an error, and Save leaves it alone.
func TestNotALibraryIsNeverOverwritten(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "LIB", []byte("/WRITE-TEXT 'A PROCEDURE'\n"), 0o644)
	err := Save(fs, "LIB", sample())
	var nl *ErrNotLibrary
	if !errors.As(err, &nl) {
		t.Fatalf("error %v", err)
	}
	if data, _ := afero.ReadFile(fs, "LIB"); string(data) != "/WRITE-TEXT 'A PROCEDURE'\n" {
		t.Fatalf("file written: %q", data)
	}
}

// A failed write keeps the old library whole.
func TestFailedWriteKeepsOldContent(t *testing.T) {
	mem := afero.NewMemMapFs()
	if err := Save(mem, "LIB", sample()); err != nil {
		t.Fatal(err)
	}
	old, _ := afero.ReadFile(mem, "LIB")
	el := sample()
	el.Vars[0].Value = 8
	full := true
	if err := Save(dmstest.FullFS{Fs: mem, Full: &full}, "LIB", el); err == nil {
		t.Fatal("no error from a full disk")
	}
	if now, _ := afero.ReadFile(mem, "LIB"); string(now) != string(old) {
		t.Fatalf("library changed:\n%s", now)
	}
}

func TestDecodeRefuses(t *testing.T) {
	head := `{"format":"` + Format + `","elements":[{"name":"C","variables":[`
	for _, c := range []struct{ data, want string }{
		{`{"format":"other","elements":[]}`, "format"},
		{head + `{"name":"X Y","type":"ANY"}]}]}`, "not a variable name"},
		{head + `{"name":"ABCDEFGHIJKLMNOPQRSTU","type":"ANY"}]}]}`, "not a variable name"},
		{head + `{"name":"X","type":"ANY","value":1.5}]}]}`, "not an INTEGER"},
		{head + `{"name":"X","type":"ANY","value":4294967296}]}]}`, "not an INTEGER"},
		{head + `{"name":"X","type":"STRING","value":1}]}]}`, "not of type STRING"},
		{head + `{"name":"X","type":"ANY","value":{"a":1}}]}]}`, "not a STRING"},
		{head + `{"name":"X","type":"ANY"},{"name":"X","type":"ANY"}]}]}`, "appears twice"},
		{head + `{"name":"X","type":"ANY","list":true,"elements":[null]}]}]}`, "no value"},
		{head + `{"name":"X","type":"ANY","value":"` + strings.Repeat("A", 4097) + `"}]}]}`, "longer than 4096"},
		{head + `]}]}{}`, "data after the end"},
		{head + `]}],"extra":1}`, "unknown field"},
		{"\xff", "not UTF-8"},
	} {
		_, err := Decode([]byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%.60s: error %v, want %q", c.data, err, c.want)
		}
	}
}

func TestNonUTF8ValueRefusedOnSave(t *testing.T) {
	fs := afero.NewMemMapFs()
	el := Element{Name: "C", Vars: []Var{{Name: "X", Type: "STRING", Value: "\xe4"}}}
	if err := Save(fs, "LIB", el); !errors.Is(err, ErrNotText) {
		t.Fatalf("error %v", err)
	}
	if _, err := fs.Stat("LIB"); err == nil {
		t.Fatal("file written")
	}
}
