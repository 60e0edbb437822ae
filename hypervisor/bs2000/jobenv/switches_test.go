package jobenv

import "testing"

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
