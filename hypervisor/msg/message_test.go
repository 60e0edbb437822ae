package msg

import (
	"strings"
	"testing"
)

// A message renders once, in the language asked for, nested details
// included; a literal line is its text.
func TestRender(t *testing.T) {
	c := Default()
	semantic := New("SDP0091", New("division-by-zero"))
	cases := []struct {
		m          Message
		lang, want string
	}{
		{semantic, "E", "% SDP0091 SEMANTIC ERROR: DIVISION BY ZERO"},
		{semantic, "D", "% SDP0091 SEMANTIKFEHLER: DIVISION DURCH NULL"},
		{New("SDP0139", 3), "E", "% SDP0139 BACK BRANCH LIMIT OF 3 LOOP PASSES REACHED"},
		{Plain("%0000006 :SDFP:$SDFPUSER.JV.A"), "D", "%0000006 :SDFP:$SDFPUSER.JV.A"},
		{Literal("% DMS0533 FILE NOT CATALOGED"), "D", "% DMS0533 FILE NOT CATALOGED"},
		{New("XYZ0001", "A", 7), "E", "% XYZ0001 A 7"}, // a key the catalog lacks keeps its inserts
	}
	for _, tc := range cases {
		if got := c.Render(tc.m, tc.lang); got != tc.want {
			t.Errorf("Render(%+v, %s) = %q, want %q", tc.m, tc.lang, got, tc.want)
		}
	}
	if d := semantic.Detail(); d.Key != "division-by-zero" {
		t.Errorf("Detail = %+v", d)
	}
	if l := Literal("% DMS0533 X"); l.Key != "DMS0533" || l.Text != "X" {
		t.Errorf("Literal = %+v", l)
	}
}

// Lint finds the defects messages as values are meant to rule out: an
// insert that repeats its template (the back-branch limit once printed
// "BACK BRANCH LIMIT OF BACK BRANCH LIMIT OF 3 LOOP PASSES REACHED LOOP
// PASSES REACHED"), a missing text, inserts the template does not take.
func TestLint(t *testing.T) {
	c := Default()
	cases := []struct {
		m    Message
		want string // a substring of the one problem; "" for none
	}{
		{New("SDP0139", 3), ""},
		{New("SDP0091", New("division-by-zero")), ""},
		{New("SDP0139", "BACK BRANCH LIMIT OF 3 LOOP PASSES REACHED"), "twice"},
		{New("SDP0139"), "takes 1 inserts, given 0"},
		{New("SDP0091", New("var-not-declared")), "takes 1 inserts, given 0"},
		{New("NOP0001"), "no English and German text"},
		{New("SDP0091", New("no-such-detail")), "no English and German text"},
		{Plain("anything at all"), ""},
	}
	for _, tc := range cases {
		got := c.Lint(tc.m, "E")
		switch {
		case tc.want == "" && len(got) > 0:
			t.Errorf("Lint(%+v) = %q, want none", tc.m, got)
		case tc.want != "" && (len(got) != 1 || !strings.Contains(got[0], tc.want)):
			t.Errorf("Lint(%+v) = %q, want one with %q", tc.m, got, tc.want)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	for tmpl, want := range map[string]int{"": 0, "A (&00) B": 1, "(&01) (&00)": 2, "&((&00))": 1, "(&1)": 0} {
		if got := Placeholders(tmpl); got != want {
			t.Errorf("Placeholders(%q) = %d, want %d", tmpl, got, want)
		}
	}
}
