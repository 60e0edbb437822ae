// Package wildcard is SDF's "-wild" suffix of names (SDF-P ready
// reference, "Suffixes for data types", V): the wildcards of a file name
// in SHOW-FILE-ATTRIBUTES and of a VM name in SHOW-VM-ATTRIBUTES.
//
//	"*"        any string, also the empty one
//	"/"        exactly one character
//	<s1,s2>    any of the strings (a string may be a range)
//	<sx:sy>    a string from sx to sy in the collating order (EBCDIC:
//	           digits after letters), at least as long as the shorter and
//	           at most as long as the longer bound; an empty sy has no
//	           upper bound
//	-s         (at the start) every name s does not select
//
// What else a pattern may hold (a file name's periods) is the caller's.
package wildcard

import (
	"strings"

	"sdfp/lexer/ebcdic"
)

// Pattern is a parsed pattern.
type Pattern struct {
	negate bool
	elems  []elem
	longer int // the longest string an open range <sx:> takes
	wild   bool
}

type elemKind int

const (
	litChar elemKind = iota
	anyString
	oneChar
	choice
)

type elem struct {
	kind elemKind
	c    byte
	alts []alt // choice
}

// alt is one string of <...>: a plain string, or a range lo:hi.
type alt struct {
	s, lo, hi string
	isRange   bool
}

// Parse parses a pattern whose other characters are those literal
// accepts (a leading "-" negates it); longest bounds an open range. ok
// is false for a pattern with any other character or an unclosed "<".
func Parse(s string, literal func(c byte) bool, longest int) (p Pattern, ok bool) {
	p.longer = longest
	if strings.HasPrefix(s, "-") {
		p.negate, s, p.wild = true, s[1:], true
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '*':
			p.elems, p.wild = append(p.elems, elem{kind: anyString}), true
		case '/':
			p.elems, p.wild = append(p.elems, elem{kind: oneChar}), true
		case '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return p, false
			}
			alts, ok := parseChoice(s[i+1:i+end], literal)
			if !ok {
				return p, false
			}
			p.elems, p.wild = append(p.elems, elem{kind: choice, alts: alts}), true
			i += end
		default:
			if !literal(c) {
				return p, false
			}
			p.elems = append(p.elems, elem{kind: litChar, c: c})
		}
	}
	return p, true
}

func parseChoice(s string, literal func(c byte) bool) ([]alt, bool) {
	var out []alt
	for _, part := range strings.Split(s, ",") {
		for i := 0; i < len(part); i++ {
			if part[i] != ':' && !literal(part[i]) {
				return nil, false
			}
		}
		lo, hi, isRange := strings.Cut(part, ":")
		if isRange && strings.Contains(hi, ":") {
			return nil, false
		}
		out = append(out, alt{s: part, lo: lo, hi: hi, isRange: isRange})
	}
	return out, true
}

// Wild reports whether the pattern holds a wildcard (or is negated).
func (p Pattern) Wild() bool { return p.wild }

// Match reports whether the pattern selects the name.
func (p Pattern) Match(name string) bool {
	// memo[i*(n+1)+j]: 0 unknown, 1 matches, 2 does not, for elements
	// from i on against name[j:]; bounded by elements times length, so
	// no pattern takes exponential time
	n := len(name)
	memo := make([]byte, (len(p.elems)+1)*(n+1))
	var match func(i, j int) bool
	match = func(i, j int) bool {
		k := i*(n+1) + j
		if memo[k] != 0 {
			return memo[k] == 1
		}
		ok := false
		if i == len(p.elems) {
			ok = j == n
		} else {
			switch e := p.elems[i]; e.kind {
			case litChar:
				ok = j < n && name[j] == e.c && match(i+1, j+1)
			case oneChar:
				ok = j < n && match(i+1, j+1)
			case anyString:
				for m := j; m <= n && !ok; m++ {
					ok = match(i+1, m)
				}
			case choice:
				for m := j; m <= n && !ok; m++ {
					ok = p.takes(e, name[j:m]) && match(i+1, m)
				}
			}
		}
		memo[k] = 2
		if ok {
			memo[k] = 1
		}
		return ok
	}
	return match(0, 0) != p.negate
}

// takes reports whether a choice selects s.
func (p Pattern) takes(e elem, s string) bool {
	for _, a := range e.alts {
		if !a.isRange {
			if s == a.s {
				return true
			}
			continue
		}
		short, long := len(a.lo), len(a.hi)
		if short > long {
			short, long = long, short
		}
		if a.hi == "" {
			long = p.longer
		}
		if len(s) >= short && len(s) <= long && ebcdic.Compare(a.lo, s) <= 0 && (a.hi == "" || ebcdic.Compare(s, a.hi) <= 0) {
			return true
		}
	}
	return false
}
