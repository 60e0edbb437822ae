package builtins

import (
	"strconv"
	"strings"
	"time"
)

// Calendar arithmetic: DATE-VALUE (UG-275) and ELAPSED-DAYS (UG-277),
// inverses of each other around a base date, 1900-01-01 unless BASE says
// otherwise. A date is written in ISO (yyyy-mm-dd), American (mm/dd/yy)
// or German (dd.mm.yyyy) form; day and month may have one digit, the year
// two (00..59 is 20xx, 60..99 is 19xx, as SDF's data type date), and the
// day of the year DATE( ) appends may follow if it agrees with the date.
// Dates before the Gregorian reform (1582-10-15) are invalid. [V UG-275,
// UG-277; the day-of-year suffix on a German date: I]

// stdBase is BASE=*STD.
var stdBase = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// gregorian is the first day dates may fall on.
var gregorian = time.Date(1582, 10, 15, 0, 0, 0, 0, time.UTC)

const maxElapsedDays = 3074323 // ELAPSED-DAYS' documented range, -3074323..3074323 [V UG-277]

var baseParam = Param{Name: "BASE", Type: TypeString, Keywords: []string{"*STD", "*TODAY"}, Default: Keyword("*STD")}

var fnDateValue = &Function{
	Name: "DATE-VALUE", Result: TypeString, Source: "V UG-275",
	Help: "The date NUMBER-OF-DAYS days after BASE (*STD: 1900-01-01, *TODAY, or a date in ISO, American or " +
		"German form), in FORMAT *ISO 'yyyy-mm-ddnnn', *AMERICAN 'mm/dd/yynnn' or *GERMAN 'dd.mm.yyyy' " +
		"(nnn: day of the year). An invalid date is SDP0452.",
	Params: []Param{
		{Name: "NUMBER-OF-DAYS", Type: TypeInteger},
		baseParam,
		{Name: "FORMAT", Keywords: []string{"*ISO", "*AMERICAN", "*GERMAN"}, NoValue: true, Default: Keyword("*ISO")},
	},
	Impl: func(env Env, a []any) (any, error) {
		base, err := baseDate(env, a[1])
		if err != nil {
			return nil, err
		}
		t := base.AddDate(0, 0, a[0].(int))
		if t.Before(gregorian) || t.Year() > 9999 {
			return nil, invalidDate.err()
		}
		return formatDate(t, a[2].(Keyword))
	},
}

var fnElapsedDays = &Function{
	Name: "ELAPSED-DAYS", Result: TypeInteger, Source: "V UG-277",
	Help: "The number of days from BASE (*STD: 1900-01-01, *TODAY, or a date) to DATE, negative when DATE " +
		"comes first; dates in ISO, American or German form. An invalid date is SDP0452.",
	Params: []Param{{Name: "DATE", Type: TypeString}, baseParam},
	Impl: func(env Env, a []any) (any, error) {
		d, ok := parseDate(a[0].(string))
		if !ok {
			return nil, invalidDate.err()
		}
		base, err := baseDate(env, a[1])
		if err != nil {
			return nil, err
		}
		days := int(d.Sub(base).Hours() / 24)
		if days < -maxElapsedDays || days > maxElapsedDays {
			return nil, invalidDate.err()
		}
		return days, nil
	},
}

// baseDate is the date a BASE operand names.
func baseDate(env Env, v any) (time.Time, error) {
	switch v {
	case Keyword("*STD"):
		return stdBase, nil
	case Keyword("*TODAY"):
		now := env.Now()
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	s, _ := v.(string)
	d, ok := parseDate(s)
	if !ok {
		return time.Time{}, invalidDate.err()
	}
	return d, nil
}

// parseDate reads a date in ISO, American or German form.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	var parts []string
	var y, m, d int
	switch {
	case strings.Count(s, "-") == 2:
		parts = strings.Split(s, "-")
		y, m, d = 0, 1, 2
	case strings.Count(s, "/") == 2:
		parts = strings.Split(s, "/")
		m, d, y = 0, 1, 2
	case strings.Count(s, ".") == 2:
		parts = strings.Split(s, ".")
		d, m, y = 0, 1, 2
	default:
		return time.Time{}, false
	}
	// The last part may carry the day of the year that DATE( ) appends:
	// the year is 2 or 4 digits, the day 2 digits at most.
	last := len(parts) - 1
	yearDay := -1
	if tail := parts[last]; last == y && len(tail) > 4 || last == d && len(tail) > 2 {
		keep := 4
		if last == d {
			keep = 2
		} else if len(tail) == 5 { // a two-digit year and a three-digit day
			keep = 2
		}
		n, err := strconv.Atoi(tail[keep:])
		if err != nil || len(tail)-keep != 3 {
			return time.Time{}, false
		}
		yearDay, parts[last] = n, tail[:keep]
	}
	num := func(p string, max int) (int, bool) {
		if p == "" || len(p) > max {
			return 0, false
		}
		n, err := strconv.Atoi(p)
		return n, err == nil && n >= 0
	}
	year, ok1 := num(parts[y], 4)
	month, ok2 := num(parts[m], 2)
	day, ok3 := num(parts[d], 2)
	if !ok1 || !ok2 || !ok3 || len(parts[y]) == 1 || len(parts[y]) == 3 {
		return time.Time{}, false
	}
	if len(parts[y]) == 2 {
		if year < 60 {
			year += 2000
		} else {
			year += 1900
		}
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Year() != year || int(t.Month()) != month || t.Day() != day || t.Before(gregorian) {
		return time.Time{}, false // 1963-02-30 does not exist
	}
	if yearDay >= 0 && yearDay != t.YearDay() {
		return time.Time{}, false
	}
	return t, true
}
