// Package lazyre is a regular expression compiled when it is first used.
// A package-level regexp.MustCompile runs at every start of sdfp; the
// name syntaxes with counted repetitions ({0,53}) compile into large
// programs, and the ten of them builtins and vm2000 declare cost about
// 0.7-1.2 ms and 2,500 allocations of start-up, a third of a whole `sdfp
// run` of VMMEM, which uses none of them.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a pattern and, once a method has been called, its compiled
// form. It is safe for concurrent use.
type Regexp struct {
	pattern string
	re      func() *regexp.Regexp
}

// New declares a pattern; it is compiled (and panics if it is not a
// valid expression, as regexp.MustCompile does) on first use.
func New(pattern string) *Regexp {
	return &Regexp{pattern: pattern, re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })}
}

// String is the pattern.
func (r *Regexp) String() string { return r.pattern }

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool { return r.re().MatchString(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.re().FindStringSubmatch(s) }
