package builtins

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The string functions count EBCDIC characters: an umlaut is one
// (package lexer/ebcdic; X-strings in testdata/lang/ebcdic-characters).
func TestFunctionsCountCharacters(t *testing.T) {
	t.Parallel()
	runCases(t, []callCase{
		{call: "LENGTH('Grüße')", want: "5"},
		{call: "SUBSTRING('Grüße', 3, 2)", want: "'üß'"},
		{call: "SUBSTRING('Grüße', 5)", want: "'e'"},
		{call: "SUBSTRING('Grüße', 6)", want: "''", warn: "SDP0412"},
		{call: "SUBSTRING('Grüße', 4, 9)", want: "'ße'", warn: "SDP0414"},
		{call: "INDEX('Grüße', 'e')", want: "5"},
		{call: "INDEX('äöäö', 'ä', *REVERSE)", want: "3"},
		{call: "INDEX('äöäö', 'ö', BEGIN-COLUMN=3, END-COLUMN=4)", want: "4"},
		{call: "INDEX('äöäö', 'äö', END-COLUMN=1)", want: "0"},
		{call: "VERIFY('Grüße!', 'Grüße')", want: "6"},
		{call: "VERIFY('äöü', 'ü', *REVERSE)", want: "2"},
		{call: "VERIFY('äöü', 'äöü')", want: "0"},
	})
}

// INDEX and SUBSTRING count and cut a string of ASCII by bytes and any
// other string by characters (strings.go): on random strings over an
// alphabet with and without umlauts, every column choice gives what a
// reference working on runes gives.
func TestIndexSubstringAgainstRunes(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(18, 3))
	word := func(alphabet []rune, max int) string {
		rs := make([]rune, rng.IntN(max+1))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(rs)
	}
	alphabets := [][]rune{[]rune("AB"), []rune("Aä"), []rune("Bö")}
	for n := 0; n < 4000; n++ {
		s := word(alphabets[rng.IntN(3)], 7)
		pat := word(alphabets[rng.IntN(3)], 3)
		begin, end := 1+rng.IntN(9), rng.IntN(10)
		reverse := rng.IntN(2) == 0
		call := []Arg{{Value: s}, {Value: pat}}
		if rng.IntN(3) == 0 { // the defaults: the whole string
			begin, end = 1, 99
		} else {
			call = append(call, Arg{Key: "BEGIN-COLUMN", Value: begin}, Arg{Key: "END-COLUMN", Value: end})
		}
		if reverse {
			call = append(call, Arg{Key: "DIRECTION", Value: Keyword("*REVERSE")})
		}
		got, err := fnIndex.Call(newFakeEnv(), call)
		if err != nil {
			t.Fatalf("INDEX(%q, %q, %d, %d, reverse %v): %v", s, pat, begin, end, reverse, err)
		}
		if want := runeIndex([]rune(s), []rune(pat), begin, end, reverse); got != want {
			t.Fatalf("INDEX(%q, %q, BEGIN-COLUMN=%d, END-COLUMN=%d, reverse %v) = %v, want %d", s, pat, begin, end, reverse, got, want)
		}

		start, length := 1+rng.IntN(8), rng.IntN(8)
		args := []Arg{{Value: s}, {Value: start}, {Value: length}}
		if rng.IntN(3) == 0 { // LENGTH=*REST-LENGTH
			args, length = args[:2], 99
		}
		env := newFakeEnv()
		sub, err := fnSubstring.Call(env, args)
		if err != nil {
			t.Fatalf("SUBSTRING(%q, %d, %d): %v", s, start, length, err)
		}
		rs, want, warn := []rune(s), "", ""
		switch {
		case s == "" && start == 1:
		case start > len(rs):
			warn = "SDP0412"
		default:
			want = string(rs[start-1 : min(len(rs), start-1+length)])
			if length != 99 && start-1+length > len(rs) {
				warn = "SDP0414"
			}
		}
		if got := strings.Join(env.warnings, ","); sub != want || got != warn {
			t.Fatalf("SUBSTRING(%q, %d, %d) = %q warned %q, want %q warned %q", s, start, length, sub, got, want, warn)
		}
	}
}

// runeIndex is INDEX on runes: the 1-based position of pat inside
// columns begin..end of s (the first, or the last when reverse), 0 when
// there is none or pat is empty.
func runeIndex(s, pat []rune, begin, end int, reverse bool) int {
	end = min(end, len(s))
	found := 0
	for i := begin; len(pat) > 0 && i+len(pat)-1 <= end; i++ {
		if string(s[i-1:i-1+len(pat)]) == string(pat) {
			found = i
			if !reverse {
				break
			}
		}
	}
	return found
}
