package builtins

import (
	"strings"
	"unsafe"

	"sdfp/lexer/ebcdic"
)

// String functions. Sources: ../shared/spec/sdfp-expressions.md §4.3 and
// §10 (UG-nnn = SDF-P V2.5 user guide page).
//
// A character is one EBCDIC byte, kept as one rune of the Go string
// (package lexer/ebcdic, chars.go): lengths and positions count runes,
// so LENGTH(X'4A') is 1 and an umlaut is one character. Count with
// ebcdic.Len, cut with ebcdic.Slice, search with ebcdic.Index; never
// len(s) or s[i:j] on a value.

var fnLength = &Function{
	Name: "LENGTH", Result: TypeInteger, Source: "Vn UG-140 (parameter name I)",
	Help:   "Number of characters of a string: EBCDIC bytes, so an umlaut and X'4A' are one each.",
	Params: []Param{{Name: "STRING", Type: TypeString}},
	Int: func(env Env, a Args) (int, error) {
		return ebcdic.Len(a.Str(0)), nil
	},
	Fast: &Fast{IntS: func(env Env, s string) (int, error) { return ebcdic.Len(s), nil }},
}

var fnSubstring = &Function{
	Name: "SUBSTRING", Aliases: []string{"SUBSTR"}, Result: TypeString, Source: "V UG-342",
	Help: "Part of a string from START (default 1) for LENGTH characters (default: the rest). " +
		"A START outside the string gives '' with SDP0412; a LENGTH past the end takes the rest with warning SDP0414.",
	Params: []Param{
		{Name: "STRING", Type: TypeString},
		{Name: "START", Type: TypeInteger, Default: 1},
		{Name: "LENGTH", Type: TypeInteger, Keywords: []string{"*REST-LENGTH"}, Default: Keyword("*REST-LENGTH")},
	},
	Str: func(env Env, a Args) (string, error) {
		n, ok := a.IntOk(2)
		return cut(env, a.Str(0), a.Int(1), n, !ok)
	},
	Fast: &Fast{StrSII: func(env Env, s string, start, length int) (string, error) {
		return cut(env, s, start, length, false)
	}},
}

// cut is the START/LENGTH rule shared by SUBSTRING and JV [V UG-342,
// UG-311], which list SDP0412 and SDP0414 among their messages: both
// are warnings that still deliver a result. length is an int or
// *REST-LENGTH.
//
// Two cases the manual leaves open [I]: a negative LENGTH is SDP0413
// ILLEGAL LENGTH, and the empty string with START=1 gives the empty
// string without an error (so reading an empty value with the defaults
// is not a failure). rest: LENGTH is *REST-LENGTH, and length unused.
func cut(env Env, s string, start, length int, rest bool) (string, error) {
	if s == "" && start == 1 {
		if !rest && length < 0 {
			return "", negativeLength.err()
		}
		return "", nil
	}
	// A part of at least one character within ASCII bytes is cut by
	// bytes: START and LENGTH then lie within the string, and nothing
	// after the part needs counting.
	if end := start - 1 + length; !rest && start >= 1 && length >= 1 && end <= len(s) && ebcdic.ASCII(s[:end]) {
		return s[start-1 : end], nil
	}
	// An invalid START is a warning: SDP0412 is printed and the result is
	// the null string, so an assignment of it goes through [V UG-342].
	plain := ebcdic.ASCII(s) // a byte is a character: count and cut by bytes
	size := len(s)
	if !plain {
		size = ebcdic.Len(s)
	}
	if start < 1 || start > size {
		env.Warn(startOutOfRange.message())
		return "", nil
	}
	n := size - start + 1 // the rest
	if !rest {
		switch {
		case length < 0:
			return "", negativeLength.err()
		case length > n:
			env.Warn(restLengthUsed.message())
		default:
			n = length
		}
	}
	if plain {
		return s[start-1 : start-1+n], nil
	}
	return ebcdic.Slice(s, start-1, n), nil
}

var fnIndex = &Function{
	Name: "INDEX", Result: TypeInteger, Source: "V UG-289 (result for not found and empty PATTERN: I)",
	Help: "Position of PATTERN in STRING, counted from the start of STRING, or 0 when it does not occur. " +
		"DIRECTION=*REVERSE finds the last occurrence. BEGIN-COLUMN and END-COLUMN limit the columns searched; " +
		"the pattern must lie wholly inside them.",
	Params: []Param{
		{Name: "STRING", Type: TypeString},
		{Name: "PATTERN", Type: TypeString},
		{Name: "DIRECTION", Keywords: []string{"*FORWARD", "*REVERSE"}, NoValue: true, Default: Keyword("*FORWARD")},
		{Name: "BEGIN-COLUMN", Type: TypeInteger, Default: 1},
		{Name: "END-COLUMN", Type: TypeInteger, Keywords: []string{"*LAST"}, Default: Keyword("*LAST")},
	},
	Int: func(env Env, a Args) (int, error) {
		end, columns := a.IntOk(4)
		return index(a.Str(0), a.Str(1), a.Keyword(2) == "*REVERSE", a.Int(3), end, columns)
	},
	Fast: &Fast{IntSS: func(env Env, s, pat string) (int, error) { return index(s, pat, false, 1, 0, false) }},
}

// index is INDEX of STRING s and PATTERN pat: from the end when reverse,
// between BEGIN-COLUMN begin and END-COLUMN end when columns (else
// *LAST).
func index(s, pat string, reverse bool, begin, end int, columns bool) (int, error) {
	// [I] A column before the first is as wrong as SUBSTRING's START.
	if begin < 1 {
		return 0, startOutOfRange.err()
	}
	if begin == 1 && !columns && pat != "" {
		// The whole string: searched by bytes, and only the bytes
		// before the place found counted (ebcdic.Index).
		i := ebcdic.Index(s, pat)
		if reverse {
			i = ebcdic.LastIndex(s, pat)
		}
		return i + 1, nil // 0 where there is none
	}
	// A string of ASCII is searched by bytes, each a character; a
	// pattern that is not ASCII occurs in no such string, so its
	// length in bytes gives the same 0 as its length in characters.
	plain := ebcdic.ASCII(s)
	last, patLen := len(s), len(pat)
	if !plain {
		last, patLen = ebcdic.Len(s), ebcdic.Len(pat)
	}
	if columns && end < last {
		last = end
	}
	// [I] The manual does not say what an empty pattern finds; 0.
	if pat == "" || begin > last || last-begin+1 < patLen {
		return 0, nil
	}
	var i int
	switch {
	case plain && reverse:
		i = strings.LastIndex(s[begin-1:last], pat)
	case plain:
		i = strings.Index(s[begin-1:last], pat)
	case reverse:
		i = ebcdic.LastIndex(ebcdic.Slice(s, begin-1, last-begin+1), pat)
	default:
		i = ebcdic.Index(ebcdic.Slice(s, begin-1, last-begin+1), pat)
	}
	if i < 0 {
		return 0, nil
	}
	return begin + i, nil // within the string's length
}

var fnVerify = &Function{
	Name: "VERIFY", Result: TypeInteger, Source: "V UG-363 (cause of SDP0413: I)",
	Help: "Position, counted from the start, of the first character of STRING that does not occur in PATTERN " +
		"(the last one with DIRECTION=*REVERSE); 0 when every character occurs in PATTERN. " +
		"An empty PATTERN is SDP0413.",
	Params: []Param{
		{Name: "STRING", Type: TypeString},
		{Name: "PATTERN", Type: TypeString},
		{Name: "DIRECTION", Keywords: []string{"*FORWARD", "*REVERSE"}, NoValue: true, Default: Keyword("*FORWARD")},
	},
	Impl: func(env Env, a []any) (any, error) {
		s, pat := a[0].(string), a[1].(string)
		if pat == "" {
			return nil, negativeLength.err()
		}
		// a set of characters by their EBCDIC byte; a rune without one
		// (never in a value) is in no set
		var set [256]bool
		for _, r := range pat {
			if c, ok := ebcdic.Code(r); ok {
				set[c] = true
			}
		}
		in := func(r rune) bool { c, ok := ebcdic.Code(r); return ok && set[c] }
		last := 0 // the position of the last character not in PATTERN
		n := 0
		for _, r := range s {
			n++
			if !in(r) {
				if a[2] != Keyword("*REVERSE") {
					return intResult("VERIFY", n)
				}
				last = n
			}
		}
		if last == 0 {
			return 0, nil
		}
		return intResult("VERIFY", last)
	},
}

// caseParams are the parameters of UPPER-CASE and LOWER-CASE: the
// string, which characters TRANSLATE converts (all, or only those outside
// or inside apostrophes), and the coded character set. Only the basic
// letters a-z are folded, which is what *EDF03IRV, the default outside a
// TRANSLATION-CCS procedure option, does; another code set is accepted
// and folds the same letters [V UG-316 for LOWER-CASE; UPPER-CASE as its
// mirror image: I].
func caseParams() []Param {
	return []Param{
		{Name: "STRING", Type: TypeString},
		{Name: "TRANSLATE", Keywords: []string{"*ALL", "*OUTSIDE-QUOTES-ONLY", "*INSIDE-QUOTES-ONLY"}, NoValue: true,
			Default: Keyword("*ALL")},
		{Name: "CODED-CHARACTER-SET", Type: TypeString, Keywords: []string{"*STD", "*EDF03IRV", "*CURRENT"},
			Default: Keyword("*STD")},
	}
}

var fnUpperCase = &Function{
	Name: "UPPER-CASE", Result: TypeString,
	Source: "Vn UG-184 (STRING); TRANSLATE and CODED-CHARACTER-SET as LOWER-CASE's V UG-316: I",
	Help: "The string with the letters a-z turned into A-Z; TRANSLATE=*OUTSIDE-QUOTES-ONLY or " +
		"*INSIDE-QUOTES-ONLY converts only the characters outside or inside apostrophes.",
	Params: caseParams(),
	Str: func(env Env, a Args) (string, error) {
		return foldCase(a.Str(0), a.Keyword(1), 'a', 'z', 'A'-'a'), nil
	},
	Fast: &Fast{StrS: func(env Env, s string) (string, error) { return mapASCII(s, 'a', 'z', 'A'-'a'), nil }},
}

var fnLowerCase = &Function{
	Name: "LOWER-CASE", Result: TypeString, Source: "V UG-316",
	Help: "The string with the letters A-Z turned into a-z; TRANSLATE=*OUTSIDE-QUOTES-ONLY or " +
		"*INSIDE-QUOTES-ONLY converts only the characters outside or inside apostrophes.",
	Params: caseParams(),
	Str: func(env Env, a Args) (string, error) {
		return foldCase(a.Str(0), a.Keyword(1), 'A', 'Z', 'a'-'A'), nil
	},
	Fast: &Fast{StrS: func(env Env, s string) (string, error) { return mapASCII(s, 'A', 'Z', 'a'-'A'), nil }},
}

// foldCase shifts the letters lo..hi by delta, where TRANSLATE says: an
// apostrophe opens and closes a quoted part (a doubled one inside it
// stands for itself and stays quoted).
func foldCase(s string, translate Keyword, lo, hi byte, delta int) string {
	if translate == "*ALL" {
		return mapASCII(s, lo, hi, delta)
	}
	var b []byte // made at the first letter that changes
	inside := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\'' {
			inside = !inside
			continue
		}
		if inside == (translate == "*INSIDE-QUOTES-ONLY") && c >= lo && c <= hi {
			if b == nil {
				b = []byte(s)
			}
			b[i] = byte(int(c) + delta)
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// mapASCII shifts the bytes lo..hi by delta. Only ASCII letters change:
// the real functions work on EBCDIC and may also fold national letters
// (ä, ö, ü), which a byte-wise ASCII fold leaves alone.
func mapASCII(s string, lo, hi byte, delta int) string {
	// A string with nothing to change (UPPER-CASE of one already upper
	// case, the commonest call) is returned as it is, without a copy.
	i := 0
	for i < len(s) && (s[i] < lo || s[i] > hi) {
		i++
	}
	if i == len(s) {
		return s
	}
	// One allocation and one copy: []byte(s) and string(b) would copy
	// twice (UPPER-CASE('ab') in the builtin loop: 4% of its
	// instructions). Nothing writes to b after it becomes the string.
	b := make([]byte, len(s))
	copy(b, s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= lo && c <= hi {
			b[i] = byte(int(c) + delta)
		}
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

var fnToCLiteral = &Function{
	Name: "TO-C-LITERAL", Result: TypeString, Source: "Vn UG-317 example (parameter name and & handling: I)",
	Help: "The string written as a C-string literal: enclosed in apostrophes, each apostrophe inside doubled. " +
		"Use it to put text that may hold apostrophes into a command through &(...).",
	Params: []Param{{Name: "STRING", Type: TypeString}},
	Impl: func(env Env, a []any) (any, error) {
		// [I] '&' is not doubled: &-replacement does not rescan what it
		// inserted, so a single & is safe in the result.
		return "'" + strings.ReplaceAll(a[0].(string), "'", "''") + "'", nil
	},
}
