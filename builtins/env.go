package builtins

import (
	"fmt"
	"strings"
	"time"
)

// Environment information: calendar, task and subsystem. Everything comes
// from Env (the virtual clock, the task description), never from the host,
// so runs are deterministic. Sources: spec §4.3 "DATE", §10.2, §10.3.

// dateFormats are the DATE( ) layouts [V-de UGde-274]. *ISO and *AMERICAN
// append the day of the year as three digits: 2007-04-16106, 04/16/07106.
var dateFormats = map[Keyword]struct {
	layout    string // Go time layout
	dayOfYear bool
}{
	"*ISO":      {"2006-01-02", true},
	"*AMERICAN": {"01/02/06", true},
	"*GERMAN":   {"02.01.2006", false},
}

// formatDate writes a date in a DATE( ) layout.
func formatDate(t time.Time, format Keyword) (string, error) {
	f, ok := dateFormats[format]
	if !ok {
		return "", wrongType.err("FORMAT")
	}
	s := t.Format(f.layout)
	if f.dayOfYear {
		s += fmt.Sprintf("%03d", t.YearDay())
	}
	return s, nil
}

var timeModeParam = Param{Name: "MODE", Keywords: []string{"*LOCAL-TIME", "*UNIVERSAL-TIME"}, NoValue: true,
	Default: Keyword("*LOCAL-TIME")}

// clock is the run's time in the zone MODE asks for: the virtual clock's
// own zone stands for the local time.
func clock(env Env, mode any) time.Time {
	t := env.Now()
	if mode == Keyword("*UNIVERSAL-TIME") {
		t = t.UTC()
	}
	return t
}

var fnDate = &Function{
	Name: "DATE", Result: TypeString, Source: "V-de UGde-274",
	Help: "Today's date: FORMAT=*ISO 'yyyy-mm-ddnnn', *AMERICAN 'mm/dd/yynnn' (nnn: day of the year, 3 digits) " +
		"or *GERMAN 'dd.mm.yyyy'; MODE=*LOCAL-TIME or *UNIVERSAL-TIME.",
	Params: []Param{
		{Name: "FORMAT", Keywords: []string{"*ISO", "*AMERICAN", "*GERMAN"}, NoValue: true, Default: Keyword("*ISO")},
		timeModeParam,
	},
	Impl: func(env Env, a []any) (any, error) {
		return formatDate(clock(env, a[1]), a[0].(Keyword))
	},
}

var fnTime = &Function{
	Name: "TIME", Result: TypeString, Source: "Vn UG-227 example (format hh:mm:ss and MODE as in DATE: I)",
	Help:   "The time of day as 'hh:mm:ss' (24-hour clock); MODE=*LOCAL-TIME or *UNIVERSAL-TIME.",
	Params: []Param{timeModeParam},
	Impl: func(env Env, a []any) (any, error) {
		return clock(env, a[0]).Format("15:04:05"), nil
	},
}

var fnTSN = &Function{
	Name: "TSN", Result: TypeString, Source: "Vn UG-20",
	Help: "The TSN (task sequence number) of the task the procedure runs in.",
	Impl: func(env Env, a []any) (any, error) {
		return env.Task().TSN, nil
	},
}

var fnUserIdentification = &Function{
	Name: "USER-IDENTIFICATION", Result: TypeString, Source: "Vn UG-181, UG-183",
	Help: "The user ID of the task.",
	Impl: func(env Env, a []any) (any, error) {
		return env.Task().UserID, nil
	},
}

var fnTaskMode = &Function{
	Name: "TASK-MODE", Result: TypeString, Source: "V UG-350 (BATCH when the run sets none: I)",
	Help: "How the task runs: 'BATCH', 'DIALOG', 'SYSTEM' or 'TP'.",
	Impl: func(env Env, a []any) (any, error) {
		if m := env.Task().TaskMode; m != "" {
			return m, nil
		}
		return "BATCH", nil
	},
}

var fnIsSDFP = &Function{
	Name: "IS-SDF-P", Result: TypeBoolean, Source: "Vn CMD-56 (TRUE: I, sdfp emulates the full SDF-P)",
	Help: "TRUE when the chargeable SDF-P subsystem is loaded, not only SDF-P-BASYS. Always TRUE in sdfp.",
	Impl: func(env Env, a []any) (any, error) {
		return true, nil
	},
}

// SDFPVersion is the version SDF-P-VERSION( ) reports when the software
// inventory registers no SDF-P: the manuals sdfp follows describe SDF-P
// V2.5. The real output format is not known [I].
const SDFPVersion = "V2.5"

var fnSDFPVersion = &Function{
	Name: "SDF-P-VERSION", Result: TypeString, Source: "Vn CMD-56 (operands and result format: I)",
	Help: "The version of SDF-P as 'Vm.n': the highest version of SDF-P the installation's software inventory " +
		"registers (see INSTALLATION-PATH), '" + SDFPVersion + "' by default.",
	Impl: func(env Env, a []any) (any, error) {
		sw, _ := findSoftware(env.Software(), "SDF-P", "")
		if sw == nil {
			return SDFPVersion, nil
		}
		v, ok := normalVersion(sw.Version) // mm.n or mm.naso
		if !ok {
			return SDFPVersion, nil
		}
		return "V" + strings.TrimPrefix(v[:4], "0"), nil
	},
}
