package vcont

import (
	"testing"

	"github.com/spf13/afero"
)

// FuzzLibraryFile: whatever a library file holds, reading it never
// panics, and what it yields holds only names and values a declaration
// could make; saving an element after it either refuses the file or
// writes a library that reads back.
func FuzzLibraryFile(f *testing.F) {
	f.Add([]byte(`{"format":"` + Format + `","elements":[{"name":"C","variables":[{"name":"A","type":"INTEGER","value":1}]}]}`))
	f.Add([]byte(`{"format":"` + Format + `","elements":[{"name":"C.D","variables":[{"name":"L","type":"ANY","list":true,"elements":["x",1,true]}]}]}`))
	f.Add([]byte(`{"format":"` + Format + `","elements":[{"name":"../X","variables":[]}]}`))
	f.Add([]byte(`{"format":"` + Format + `","elements":[{"name":"C","variables":[{"name":"A","type":"ANY","value":1e99}]}]}`))
	f.Add([]byte(`not json`))
	f.Fuzz(func(t *testing.T, data []byte) {
		elems, err := Decode(data)
		if err == nil {
			for _, e := range elems {
				if !validName(e.Name, maxElemName) {
					t.Fatalf("element name %q", e.Name)
				}
				for _, v := range e.Vars {
					if !validName(v.Name, maxNameLen) {
						t.Fatalf("variable name %q", v.Name)
					}
					for _, x := range append([]any{v.Value}, v.Elems...) {
						if s, ok := x.(string); ok && len(s) > maxString {
							t.Fatal("string too long")
						}
					}
				}
			}
		}
		fs := afero.NewMemMapFs()
		afero.WriteFile(fs, "LIB", data, 0o644)
		if err := Save(fs, "LIB", Element{Name: "NEW", Vars: []Var{{Name: "X", Type: "ANY", Value: 1}}}); err != nil {
			if now, _ := afero.ReadFile(fs, "LIB"); string(now) != string(data) {
				t.Fatal("a refused file was changed")
			}
			return
		}
		if _, err := Read(fs, "LIB"); err != nil {
			t.Fatalf("saved library does not read back: %v", err)
		}
	})
}
