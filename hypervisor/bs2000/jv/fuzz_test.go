package jv

import (
	"testing"

	"github.com/spf13/afero"

	"sdfp/lexer/ebcdic"
)

// FuzzJVFile: whatever a JV file holds, reading it neither panics nor
// yields a JV other than the file's, nor a value longer than a JV holds;
// and a write after it goes to that file only.
func FuzzJVFile(f *testing.F) {
	f.Add([]byte(`{"name":"JV.A","value":"V","defined":true}`))
	f.Add([]byte(`{"name":"../x.proc","value":"V","defined":true}`))
	f.Add([]byte(`{"name":"JV.A","value":"\u00ee\u00ee","defined":false,"monitor":"MIGRATE-VM VM12"}`))
	f.Add([]byte(`{"NAME":"JV.A","Value":"V"}`))
	f.Add([]byte(`{not json`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, fs := newStore()
		afero.WriteFile(fs, "x.proc", []byte("MINE"), 0o644)
		afero.WriteFile(fs, Dir+"/JV.A", data, 0o644)
		j, err := s.Get("JV.A")
		if err != nil {
			return
		}
		if j.Name != "JV.A" || ebcdic.Len(j.Read()) > MaxLen {
			t.Fatalf("read %+v", j)
		}
		j2, _ := s.Get("JV.A")
		if j2.Monitor == "" && j2.WritePassword == "" {
			if err := s.Write("JV.A", 1, 0, "W", ""); err != nil {
				t.Fatal(err)
			}
		}
		if data, _ := afero.ReadFile(fs, "x.proc"); string(data) != "MINE" {
			t.Fatal("x.proc written")
		}
	})
}
