package jobenv

import (
	"testing"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// A switch condition: *AND wants every switch of ON set and every switch
// of OFF clear, *OR one of them.
func TestSwitchConditionHolds(t *testing.T) {
	t.Parallel()
	const s = 1<<1 | 1<<4 // switches 1 and 4 ON
	for _, tt := range []struct {
		c    switchCondition
		want bool
	}{
		{switchCondition{on: 1 << 1}, true},
		{switchCondition{on: 1<<1 | 1<<4}, true},
		{switchCondition{on: 1<<1 | 1<<2}, false},
		{switchCondition{on: 1 << 1, off: 1 << 2}, true},
		{switchCondition{on: 1 << 1, off: 1 << 4}, false},
		{switchCondition{off: 1 << 0}, true},
		{switchCondition{on: 1<<1 | 1<<2, any: true}, true},
		{switchCondition{on: 1 << 2, off: 1 << 4, any: true}, false},
		{switchCondition{on: 1 << 2, off: 1 << 3, any: true}, true},
	} {
		if got := tt.c.holds(s); got != tt.want {
			t.Errorf("%+v on %b: %v, want %v", tt.c, s, got, tt.want)
		}
	}
}

// User switches set for a user ID are the same for *OWN, "" and its name
// in any case; another user ID's are apart.
func TestUserSwitchesByUserID(t *testing.T) {
	t.Parallel()
	e := New(nil, nil, nil, nil)
	e.User = "US123"
	e.SetUserSwitch("*OWN", 7, true)
	e.SetUserSwitch("other", 8, true)
	e.SetUserSwitch("", 99, true) // out of range: ignored
	if got := e.UserSwitches("us123"); got != 1<<7 {
		t.Errorf("own switches %b", got)
	}
	if got := e.UserSwitches(""); got != 1<<7 {
		t.Errorf("own switches by \"\" %b", got)
	}
	if got := e.UserSwitches("OTHER"); got != 1<<8 {
		t.Errorf("OTHER's switches %b", got)
	}
	e.SetUserSwitch("", 7, false)
	if got := e.UserSwitches("*OWN"); got != 0 {
		t.Errorf("after OFF: %b", got)
	}
}

// SHOW-USER-SWITCHES keeps the result it gave for the next that shows
// the same: a change of the switches or another user ID makes a new
// one, and what a caller appends to a result it got (its lines, its
// records) does not reach the next.
func TestShownUserSwitchesFollowTheSwitches(t *testing.T) {
	t.Parallel()
	e := New(nil, nil, nil, nil)
	e.User = "US123"
	show := func(user string) handler.Result {
		var args *ast.Args
		if user != "" {
			args = &ast.Args{Ops: []*catalog.Operand{{Name: "USER-IDENTIFICATION"}}, Values: []*ast.Value{{Str: user}}}
		}
		return e.showUserSwitches(&handler.Request{Name: "SHOW-USER-SWITCHES", Args: args})
	}
	line := func(res handler.Result) string { return res.Output[0].Text }
	first := show("")
	if got := line(first); got != "%  USER-SWITCHES (US123) ON: NONE" || first.Records != nil {
		t.Fatalf("no switches: %q %v", got, first.Records)
	}
	e.SetUserSwitch("*OWN", 3, true)
	e.SetUserSwitch("*OWN", 5, true)
	e.SetUserSwitch("*OWN", 7, true)
	second := show("")
	if got := line(second); got != "%  USER-SWITCHES (US123) ON: 3,5,7" || len(second.Records) != 3 {
		t.Fatalf("3, 5 and 7 ON: %q %v", got, second.Records)
	}
	_ = append(second.Output, msg.Plain("APPENDED"))
	_ = append(second.Records, handler.Record{{Name: "SWITCH", Value: 9}})
	third := show("")
	if len(third.Output) != 1 || len(third.Records) != 3 || cap(third.Records) != 3 || cap(third.Output) != 1 {
		t.Fatalf("the kept result grew or has room to: %v %v", third.Output, third.Records)
	}
	if got := line(show("other")); got != "%  USER-SWITCHES (OTHER) ON: NONE" {
		t.Errorf("another user ID: %q", got)
	}
	if got := line(show("")); got != "%  USER-SWITCHES (US123) ON: 3,5,7" {
		t.Errorf("the own again: %q", got)
	}
}
