package files

import (
	"errors"
	"strings"

	"sdfp/lexer/ebcdic"
)

// A BS2000 file name is :CATID:$USERID.NAME (SDF-P ready reference, data
// type filename, V): the catalog ID (1..4 letters and digits, between
// colons) and the user ID (1..8 of A..Z 0..9 $ # @, not starting with a
// digit, after "$" and before a period) are optional and default to the
// task's own; NAME is one or more parts of A..Z 0..9 $ # @ and hyphen,
// joined by periods. The whole name has at most 54 characters.

// MaxName is the longest file name <filename 1..54> takes.
const MaxName = 54

// Name is a parsed file name; Cat and User are empty when not written.
type Name struct {
	Cat, User, File string
}

// ErrName is the error of a string that is no file name or pattern.
var ErrName = errors.New("not a valid file name")

// ParseName parses a file name without wildcards. Letters are taken in
// capitals, as SDF does.
func ParseName(s string) (Name, error) {
	n, err := splitName(s)
	if err != nil {
		return Name{}, err
	}
	if !validFile(n.File) {
		return Name{}, ErrName
	}
	return n, nil
}

// splitName takes the catalog and user ID off a name (or pattern) and
// checks them; the rest is File, unchecked.
func splitName(s string) (Name, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || len(s) > 80 {
		return Name{}, ErrName
	}
	var n Name
	if strings.HasPrefix(s, ":") {
		end := strings.IndexByte(s[1:], ':')
		if end < 0 {
			return Name{}, ErrName
		}
		n.Cat, s = s[1:1+end], s[2+end:]
		if n.Cat == "" || len(n.Cat) > 4 || !allOf(n.Cat, "") {
			return Name{}, ErrName
		}
	}
	if strings.HasPrefix(s, "$") {
		dot := strings.IndexByte(s, '.')
		if dot < 0 {
			return Name{}, ErrName
		}
		n.User, s = s[1:dot], s[dot+1:]
		if n.User == "" || len(n.User) > 8 || isDigit(n.User[0]) || !allOf(n.User, "$#@") {
			return Name{}, ErrName
		}
	}
	n.File = s
	return n, nil
}

// validFile checks the NAME part of a file name without wildcards.
func validFile(f string) bool {
	if f == "" || len(f) > MaxName {
		return false
	}
	for _, part := range strings.Split(f, ".") {
		if part == "" || part[0] == '-' || part[len(part)-1] == '-' || !allOf(part, "$#@-") {
			return false
		}
	}
	return true
}

func allOf(s, extra string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || isDigit(c) || strings.IndexByte(extra, c) >= 0) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// String is the full name, :CAT:$USER.FILE.
func (n Name) String() string { return ":" + n.Cat + ":$" + n.User + "." + n.File }

// Pattern selects file names: the NAME part of a name with the BS2000
// wildcards of SDF's "-wild" suffix (SDF-P ready reference, "Suffixes
// for data types", V):
//
//	"*"        any string, also the empty one
//	"/"        exactly one character
//	<s1,s2>    any of the strings (a string may be a range)
//	<sx:sy>    a string from sx to sy in the collating order (EBCDIC:
//	           digits after letters), at least as long as the shorter and
//	           at most as long as the longer bound; an empty sy has no
//	           upper bound
//	-s         (at the start) every name s does not select
//	NAME.      (a terminating period) the name's parts and at least one
//	           more character: NAME.*
//
// The catalog and user ID take no wildcards (only system administration
// may use them in user IDs).
type Pattern struct {
	Cat, User string
	File      string // the NAME part as written
	negate    bool
	elems     []elem
	literal   string // the name when it has no wildcard
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

// ParsePattern parses a file name that may hold wildcards. Blanks are
// dropped: the command reader keeps a wildcard operand as its tokens
// joined by blanks.
func ParsePattern(s string) (*Pattern, error) {
	s = strings.ReplaceAll(s, " ", "")
	n, err := splitName(s)
	if err != nil {
		return nil, err
	}
	p := &Pattern{Cat: n.Cat, User: n.User, File: n.File}
	f := n.File
	if strings.HasPrefix(f, "-") {
		p.negate, f = true, f[1:]
	}
	// no empty name part, whatever the wildcards
	if f == "" || len(f) > 80 || f[0] == '.' || strings.Contains(f, "..") {
		return nil, ErrName
	}
	if strings.HasSuffix(f, ".") {
		// at least one character after the period
		f += "/*"
	}
	for i := 0; i < len(f); i++ {
		switch c := f[i]; c {
		case '*':
			p.elems = append(p.elems, elem{kind: anyString})
		case '/':
			p.elems = append(p.elems, elem{kind: oneChar})
		case '<':
			end := strings.IndexByte(f[i:], '>')
			if end < 0 {
				return nil, ErrName
			}
			alts, err := parseChoice(f[i+1 : i+end])
			if err != nil {
				return nil, err
			}
			p.elems = append(p.elems, elem{kind: choice, alts: alts})
			i += end
		default:
			if !allOf(string(c), "$#@-.") {
				return nil, ErrName
			}
			p.elems = append(p.elems, elem{kind: litChar, c: c})
		}
	}
	if !p.negate && !strings.ContainsAny(f, "*/<") {
		if !validFile(f) {
			return nil, ErrName
		}
		p.literal = f
	}
	return p, nil
}

func parseChoice(s string) ([]alt, error) {
	var out []alt
	for _, part := range strings.Split(s, ",") {
		if !allOf(strings.ReplaceAll(part, ":", ""), "$#@-.") {
			return nil, ErrName
		}
		lo, hi, isRange := strings.Cut(part, ":")
		if isRange && strings.Contains(hi, ":") {
			return nil, ErrName
		}
		out = append(out, alt{s: part, lo: lo, hi: hi, isRange: isRange})
	}
	return out, nil
}

// Literal is the name a pattern without wildcards names, "" for a
// pattern with wildcards.
func (p *Pattern) Literal() string { return p.literal }

// Match reports whether the pattern selects the file name (its NAME
// part, in capitals).
func (p *Pattern) Match(name string) bool {
	if len(name) > 2*MaxName {
		return p.negate
	}
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
					ok = e.matches(name[j:m]) && match(i+1, m)
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

func (e elem) matches(s string) bool {
	for _, a := range e.alts {
		if a.matches(s) {
			return true
		}
	}
	return false
}

func (a alt) matches(s string) bool {
	if !a.isRange {
		return s == a.s
	}
	short, long := len(a.lo), len(a.hi)
	if short > long {
		short, long = long, short
	}
	if a.hi == "" {
		long = MaxName
	}
	if len(s) < short || len(s) > long {
		return false
	}
	return ebcdic.Compare(a.lo, s) <= 0 && (a.hi == "" || ebcdic.Compare(s, a.hi) <= 0)
}
