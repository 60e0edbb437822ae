package builtins

import (
	"errors"
	"testing"
)

// switchEnv is a fake run with user switches: own switches 1 and 31 ON,
// user OTHER's switch 2.
type switchEnv struct{ *fakeEnv }

func (switchEnv) UserSwitches(user string) (uint32, bool) {
	switch user {
	case "":
		return 1<<1 | 1<<31, true
	case "OTHER":
		return 1 << 2, true
	}
	return 0, true
}

func TestUserSwitch(t *testing.T) {
	t.Parallel()
	for call, want := range map[string]string{
		"USER-SWITCH(1)":                      "TRUE",
		"USER-SWITCH(NUMBER=31)":              "TRUE",
		"USER-SWITCH(2)":                      "FALSE",
		"USER-SWITCH(2, USER-ID='OTHER')":     "TRUE",
		"USER-SWITCH(1, USER-ID='OTHER')":     "FALSE",
		"USER-SWITCH(0, USER-ID=*OWN)":        "FALSE",
		"USER-SWITCH(NUMBER=1, USER-ID=*OWN)": "TRUE",
	} {
		got, err := evalCall(switchEnv{newFakeEnv()}, call)
		if err != nil || literal(got) != want {
			t.Errorf("%s = %s, %v; want %s", call, literal(got), err, want)
		}
	}
	for _, call := range []string{"USER-SWITCH(32)", "USER-SWITCH(-1)"} {
		var e *Error
		if _, err := evalCall(switchEnv{newFakeEnv()}, call); !errors.As(err, &e) || e.Msg.Key != "SDP0304" {
			t.Errorf("%s: %v, want SDP0304", call, err)
		}
	}
	// a run without user switches has every switch OFF
	if got, err := evalCall(newFakeEnv(), "USER-SWITCH(1)"); err != nil || got != false {
		t.Errorf("without switches: %v, %v", got, err)
	}
}
