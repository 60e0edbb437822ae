package golden

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Filter picks cases by name the way `go test -run` and `-skip` pick
// tests: a pattern is split at each "/" (and into alternatives at each
// "|") outside brackets and parentheses, and each part is an unanchored
// regular expression for the name's element at that depth
// (jobenv/wait-jv has the elements "jobenv" and "wait-jv"); a name with
// more elements than the pattern has parts matches on the ones it has
// (-run jobenv selects every case below jobenv/, -run /wait a case
// whose name's second element holds "wait"). A pattern with more parts
// than a name has elements does not select it: go test would run such a
// test for the sake of its subtests, which a case does not have.
type Filter struct {
	run, skip [][]*regexp.Regexp // alternatives, each one part per depth
}

// NewFilter compiles the -run and -skip patterns; an empty one selects
// every case (run) or none (skip).
func NewFilter(run, skip string) (*Filter, error) {
	f := &Filter{}
	var err error
	if run != "" {
		if f.run, err = compileNamePattern(run); err != nil {
			return nil, fmt.Errorf("-run: %v", err)
		}
	}
	if skip != "" {
		if f.skip, err = compileNamePattern(skip); err != nil {
			return nil, fmt.Errorf("-skip: %v", err)
		}
	}
	return f, nil
}

// Match reports whether the case named name is selected.
func (f *Filter) Match(name string) bool {
	elems := strings.Split(name, "/")
	if f.run != nil {
		if ok, partial := matchName(f.run, elems); !ok || partial {
			return false
		}
	}
	if f.skip != nil {
		if ok, partial := matchName(f.skip, elems); ok && !partial {
			return false
		}
	}
	return true
}

// Select returns the cases the filter selects, in their order.
func (f *Filter) Select(cases []*Case) []*Case {
	var out []*Case
	for _, c := range cases {
		if f.Match(c.Name) {
			out = append(out, c)
		}
	}
	return out
}

func matchName(alts [][]*regexp.Regexp, elems []string) (ok, partial bool) {
	for _, parts := range alts {
		if ok, partial = matchParts(parts, elems); ok {
			return ok, partial
		}
	}
	return false, false
}

func matchParts(parts []*regexp.Regexp, elems []string) (ok, partial bool) {
	for i, e := range elems {
		if i >= len(parts) {
			break
		}
		if !parts[i].MatchString(e) {
			return false, false
		}
	}
	return true, len(elems) < len(parts)
}

// compileNamePattern splits a pattern into alternatives and parts as go
// test does and compiles each part.
func compileNamePattern(pattern string) ([][]*regexp.Regexp, error) {
	var alts [][]*regexp.Regexp
	for _, alt := range splitPattern(pattern) {
		var parts []*regexp.Regexp
		for _, p := range alt {
			re, err := regexp.Compile(p)
			if err != nil {
				return nil, err
			}
			parts = append(parts, re)
		}
		alts = append(alts, parts)
	}
	return alts, nil
}

// splitPattern cuts a pattern at "|" into alternatives and each at "/"
// into parts, except inside a bracket expression or parentheses or after
// a backslash.
func splitPattern(s string) [][]string {
	var alts [][]string
	var parts []string
	brackets, parens, start := 0, 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			brackets++
		case ']':
			if brackets > 0 {
				brackets--
			}
		case '(':
			if brackets == 0 {
				parens++
			}
		case ')':
			if brackets == 0 {
				parens--
			}
		case '/', '|':
			if brackets != 0 || parens != 0 {
				continue
			}
			parts = append(parts, s[start:i])
			start = i + 1
			if s[i] == '|' {
				alts = append(alts, parts)
				parts = nil
			}
		}
	}
	return append(alts, append(parts, s[start:]))
}

// Shard is the share of the cases one of Count runs takes (--shard
// Index/Count, Index counted from 1), so that a CI matrix can split a
// large library: the cases are sorted by name and dealt out in turn,
// the first to shard 1, the second to shard 2 ..., so every case runs in
// exactly one shard and each shard gets cases from every directory.
type Shard struct{ Index, Count int }

// ParseShard reads "I/N" with 1 <= I <= N.
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(strings.TrimSpace(i))
	count, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || count < 1 || index < 1 || index > count {
		return Shard{}, fmt.Errorf("--shard %q: want I/N with 1 <= I <= N, e.g. 2/4", s)
	}
	return Shard{Index: index, Count: count}, nil
}

// Of returns the shard's cases, in their given order. The deal follows
// the cases sorted by name (then path), so it does not depend on the
// order of the arguments or the file system.
func (s Shard) Of(cases []*Case) []*Case {
	if s.Count <= 1 {
		return cases
	}
	order := make([]int, len(cases))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := cases[order[a]], cases[order[b]]
		if ca.Name != cb.Name {
			return ca.Name < cb.Name
		}
		return ca.Path < cb.Path
	})
	mine := make([]bool, len(cases))
	for rank, i := range order {
		mine[i] = rank%s.Count == s.Index-1
	}
	var out []*Case
	for i, c := range cases {
		if mine[i] {
			out = append(out, c)
		}
	}
	return out
}
