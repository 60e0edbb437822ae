package catalog

import (
	"slices"
	"testing"
)

func TestSuggest(t *testing.T) {
	cmds := []string{}
	for _, c := range Builtin().Commands() {
		cmds = append(cmds, c.Name)
	}
	ops := []string{"VM-IDENTIFICATION", "NEW-MEMORY-SIZE", "NEW-MIN-MEMORY-SIZE", "MONJV", "JV-PASSWORD"}
	for _, tc := range []struct {
		written string
		names   []string
		want    []string
	}{
		{"SHOW-VM-ATRIBUTES", cmds, []string{"SHOW-VM-ATTRIBUTES"}},
		{"SHOW-VM-ATRIB", cmds, []string{"SHOW-VM-ATTRIBUTES"}}, // a misspelt abbreviation
		{"EXTEND-VM-MEMROY", cmds, []string{"EXTEND-VM-MEMORY"}},
		{"NEW-MEMROY-SIZE", ops, []string{"NEW-MEMORY-SIZE"}},
		{"NEW-MEMROY", ops, []string{"NEW-MEMORY-SIZE"}},
		{"MONVJ", ops, []string{"MONJV"}},
		{"*MINIMUN", []string{"*MINIMUM", "*MAXIMUM"}, []string{"*MINIMUM"}},
		{"lenght", []string{"LENGTH", "SUBSTRING", "INDEX"}, []string{"LENGTH"}},
		// nothing near: no hint rather than a wild guess
		{"NO-SUCH-COMMAND", cmds, nil},
		{"SHOW-X", cmds, nil},
		{"XYZ", ops, nil},
		{"", ops, nil},
	} {
		if got := Suggest(tc.written, tc.names); !slices.Equal(got, tc.want) {
			t.Errorf("Suggest(%q) = %q, want %q", tc.written, got, tc.want)
		}
	}
}

func TestHint(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"A"}, "; did you mean A?"},
		{[]string{"A", "B"}, "; did you mean A or B?"},
		{[]string{"A", "B", "C"}, "; did you mean A, B or C?"},
	} {
		if got := Hint(tc.in); got != tc.want {
			t.Errorf("Hint(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOSA(t *testing.T) {
	for _, tc := range []struct {
		a, b   string
		prefix bool
		want   int
	}{
		{"LENGHT", "LENGTH", false, 1},
		{"CA", "ABC", false, 3},
		{"", "ABC", false, 3},
		{"ABC", "", false, 3},
		{"ATRIB", "ATTRIBUTES", true, 1},
		{"ATTR", "ATTRIBUTES", true, 0},
		{"ATRIB", "ATTRIBUTES", false, 5},
	} {
		if got := osa(tc.a, tc.b, tc.prefix); got != tc.want {
			t.Errorf("osa(%q, %q, %v) = %d, want %d", tc.a, tc.b, tc.prefix, got, tc.want)
		}
	}
}
