package jv

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// A JV holds 256 characters, each one EBCDIC byte: positions and the
// limit count characters, not the bytes of their UTF-8 form.
func TestValueCountsCharacters(t *testing.T) {
	s, _ := newStore()
	if err := s.Create("JV.U", "", ""); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		pos, length int
		value, want string
	}{
		{1, 0, "Grüße", "Grüße"},
		{4, 2, "SS", "GrüSS"},
		{3, 1, "u", "GruSS"},
		{7, 0, "ä", "GruSS ä"},
		{1, 3, "Ö", "Ö  SS ä"},
	}
	for _, st := range steps {
		if err := s.Write("JV.U", st.pos, st.length, st.value, ""); err != nil {
			t.Fatal(err)
		}
		if v, _ := s.Read("JV.U", ""); v != st.want {
			t.Errorf("write %q at %d,%d: %q, want %q", st.value, st.pos, st.length, v, st.want)
		}
	}
	full := strings.Repeat("ä", MaxLen)
	if err := s.Write("JV.U", 1, 0, full, ""); err != nil {
		t.Errorf("256 umlauts refused: %v", err)
	}
	if err := s.Write("JV.U", 1, 0, full+"ö", ""); key(err) != KeyTooLong {
		t.Errorf("257 characters: %v", err)
	}
}

// A JV file is host text: a value with a character that has no EBCDIC
// code, or more than 256 characters, is refused when read.
func TestFileValueIsEBCDIC(t *testing.T) {
	for _, tc := range []struct {
		value string
		ok    bool
	}{
		{strings.Repeat("ü", 256), true},
		{strings.Repeat("ü", 257), false},
		{"5 \u20ac", false},
	} {
		s, fs := newStore()
		afero.WriteFile(fs, Dir+"/JV.A", []byte(`{"name":"JV.A","value":"`+tc.value+`","defined":true}`), 0o644)
		_, err := s.Get("JV.A")
		if (err == nil) != tc.ok || !tc.ok && key(err) != KeyReadError {
			t.Errorf("value of %d bytes: %v", len(tc.value), err)
		}
	}
}
