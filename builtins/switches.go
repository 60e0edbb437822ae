package builtins

// USER-SWITCH( ) [V UG-360 "USER-SWITCH( ) Evaluate user switch", RR-99 alike]:
// whether a user switch (0 to 31) of the task's user ID, or of another
// one, is ON. User switches are shared by all tasks of a user ID and set
// with MODIFY-USER-SWITCHES; the job environment keeps them.

// UserSwitchReader is what an Env offers when the run has user switches:
// the 32 switches of a user ID as a mask, bit n for switch n ("": the
// task's own user ID). An Env without it has every switch OFF.
type UserSwitchReader interface {
	UserSwitches(user string) (mask uint32, ok bool)
}

var fnUserSwitch = &Function{
	Name: "USER-SWITCH", Result: TypeBoolean, Source: "V UG-360, RR-99",
	Help: "TRUE when user switch NUMBER (0 to 31) of the user ID USER-ID (*OWN: the task's) is ON, FALSE when it is OFF. " +
		"A number outside 0..31 is SDP0304.",
	Params: []Param{
		{Name: "NUMBER", Type: TypeInteger},
		{Name: "USER-ID", Type: TypeString, Keywords: []string{"*OWN"}, Default: Keyword("*OWN")},
	},
	Impl: func(env Env, a []any) (any, error) {
		n := a[0].(int)
		if n < 0 || n > 31 {
			return nil, numberOutOfRange.err()
		}
		user := ""
		if s, ok := a[1].(string); ok {
			user = s
		}
		sw, ok := env.(UserSwitchReader)
		if !ok {
			return false, nil
		}
		mask, _ := sw.UserSwitches(user)
		return mask&(1<<uint(n)) != 0, nil
	},
}
