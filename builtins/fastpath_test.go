package builtins

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// The shortcuts of parseInteger (plainDigits) and of the case folds (a
// string with nothing to change returned as it is) are held to the plain
// rules they shorten, over strings drawn from the characters those rules
// look at.

// integerByRules is parseInteger without its shortcut: blanks trimmed,
// at most one sign, digits, within the 32-bit range.
func integerByRules(s string) (int, bool) {
	s = strings.Trim(s, " ")
	digits := strings.TrimPrefix(strings.TrimPrefix(s, "+"), "-")
	if len(s)-len(digits) > 1 || digits == "" {
		return 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 32)
	return int(n), err == nil
}

// foldByRules folds letters lo..hi a byte at a time, as TRANSLATE says,
// always into a fresh copy.
func foldByRules(s string, translate Keyword, lo, hi byte, delta int) string {
	b := []byte(s)
	inside := false
	for i, c := range b {
		if translate != "*ALL" && c == '\'' {
			inside = !inside
			continue
		}
		if (translate == "*ALL" || inside == (translate == "*INSIDE-QUOTES-ONLY")) && c >= lo && c <= hi {
			b[i] = byte(int(c) + delta)
		}
	}
	return string(b)
}

func drawString(rng *rand.Rand, alphabet []string, max int) string {
	var b strings.Builder
	for n := rng.Intn(max + 1); n > 0; n-- {
		b.WriteString(alphabet[rng.Intn(len(alphabet))])
	}
	return b.String()
}

func TestParseIntegerAgainstRules(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	alphabet := []string{"0", "1", "2", "7", "9", " ", "+", "-", "a", "\u00e4"}
	cases := []string{"", "0", "7", "123456789", "999999999", "1234567890", "2147483647", "2147483648",
		"-2147483648", "-2147483649", "+7", " 7 ", "--7", "+-7", "7 7", "000000000012"}
	for i := 0; i < 20000; i++ {
		cases = append(cases, drawString(rng, alphabet, 12))
	}
	for _, s := range cases {
		n, ok := parseInteger(s)
		wn, wok := integerByRules(s)
		if ok != wok || ok && n != wn {
			t.Fatalf("parseInteger(%q) = %d, %v; the rules give %d, %v", s, n, ok, wn, wok)
		}
	}
}

func TestFoldCaseAgainstRules(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	alphabet := []string{"a", "z", "A", "Z", "m", "M", "'", "''", " ", "1", "\u00e4", "\u00df", "@", "[", "`", "{"}
	for i := 0; i < 20000; i++ {
		s := drawString(rng, alphabet, 10)
		for _, tr := range []Keyword{"*ALL", "*OUTSIDE-QUOTES-ONLY", "*INSIDE-QUOTES-ONLY"} {
			if got, want := foldCase(s, tr, 'a', 'z', 'A'-'a'), foldByRules(s, tr, 'a', 'z', 'A'-'a'); got != want {
				t.Fatalf("UPPER-CASE(%q, %s) = %q, want %q", s, tr, got, want)
			}
			if got, want := foldCase(s, tr, 'A', 'Z', 'a'-'A'), foldByRules(s, tr, 'A', 'Z', 'a'-'A'); got != want {
				t.Fatalf("LOWER-CASE(%q, %s) = %q, want %q", s, tr, got, want)
			}
		}
	}
}

// TestReservedWords pins the words CMD-51 lists as names no variable may
// have, in any case and as the first part only, and a few near misses.
func TestReservedWords(t *testing.T) {
	for _, w := range []string{"AND", "DIV", "EQ", "FALSE", "GE", "GT", "LE", "LT", "MOD", "NE", "NO", "NOT",
		"OFF", "ON", "OR", "TRUE", "XOR", "YES"} {
		for _, name := range []string{w, strings.ToLower(w), w + ".X"} {
			if ValidVariableName(name) {
				t.Errorf("ValidVariableName(%q) = true, want false: %s is reserved", name, w)
			}
		}
		for _, name := range []string{w + "Q", "Q" + w, "X." + w, w + "-1"} {
			if !ValidVariableName(name) {
				t.Errorf("ValidVariableName(%q) = false, want true", name)
			}
		}
	}
}

// TestFastFormsAgainstTyped holds every function's fast form (fast.go) to
// its Str or Int, called the general way with the same leading arguments
// and the defaults: the same result, the same error, the same warnings.
func TestFastFormsAgainstTyped(t *testing.T) {
	rng := rand.New(rand.NewSource(18))
	strs := []string{"", "A", "ab", "ABCDEFGHIJ", "ABCABC", "AAA", "abab", "x'y", "\u00e4\u00f6\u00fc", "  12 ", "7", "-3", "2147483648", "abcABC", "CD"}
	ints := []int{-2147483648, -5, -1, 0, 1, 2, 3, 5, 10, 11, 2147483647}
	forms := 0
	for _, f := range Default.Functions() {
		n := f.Fast.Arity()
		if n == 0 {
			continue
		}
		forms++
		b, err := f.Plan(make([]string, n))
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		for i := 0; i < 3000; i++ {
			vals := make([]any, n)
			for k := range vals {
				if f.Fast.TakesInt(k) {
					vals[k] = ints[rng.Intn(len(ints))]
				} else {
					vals[k] = strs[rng.Intn(len(strs))]
				}
			}
			slow, fast := newFakeEnv(), newFakeEnv()
			var want any
			args, err := b.Bind(vals, b.Args())
			if err == nil {
				want, err = f.Impl(slow, args)
			}
			got, gerr := callFast(f.Fast, fast, vals)
			if err != nil {
				got, want = nil, nil // a result beside an error is no result
			}
			if fmt.Sprint(got) != fmt.Sprint(want) || fmt.Sprint(gerr) != fmt.Sprint(err) ||
				fmt.Sprint(fast.warnings) != fmt.Sprint(slow.warnings) {
				t.Fatalf("%s%v: fast %v, %v, warnings %v; typed %v, %v, warnings %v",
					f.Name, vals, got, gerr, fast.warnings, want, err, slow.warnings)
			}
		}
	}
	if forms < 7 {
		t.Errorf("%d functions with a fast form, want the 7 of fast.go's list", forms)
	}
}

func callFast(f *Fast, env Env, v []any) (any, error) {
	switch {
	case f.IntS != nil:
		return f.IntS(env, v[0].(string))
	case f.IntSS != nil:
		return f.IntSS(env, v[0].(string), v[1].(string))
	case f.StrS != nil:
		return f.StrS(env, v[0].(string))
	case f.StrI != nil:
		return f.StrI(env, v[0].(int))
	}
	return f.StrSII(env, v[0].(string), v[1].(int), v[2].(int))
}
