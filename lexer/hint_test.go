package lexer

import "testing"

// A hint is computed for the diagnostics that are kept, once, and for
// none of those only counted.
func TestHintOnlyForKept(t *testing.T) {
	calls := 0
	hint := func() string { calls++; return "; did you mean X?" }
	d := &Diagnostics{Max: 2}
	var errs []*Error
	for range 5 {
		errs = append(errs, Errorf(Pos{Line: 1, Column: 1}, "CMD0202", "command Y is not known").WithHint(hint))
	}
	d.Add(errs...)
	if calls != 2 || d.Omitted != 3 {
		t.Fatalf("%d hints computed, %d omitted", calls, d.Omitted)
	}
	if d.List[0].Msg != "command Y is not known; did you mean X?" {
		t.Errorf("kept: %q", d.List[0].Msg)
	}
	if errs[4].Msg != "command Y is not known" {
		t.Errorf("counted: %q", errs[4].Msg)
	}
	errs[4].Resolve()
	errs[4].Resolve()
	if calls != 3 || errs[4].Error() != "<input>:1:1: CMD0202 command Y is not known; did you mean X?" {
		t.Errorf("%d calls, %q", calls, errs[4].Error())
	}
}
