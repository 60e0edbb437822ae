package files

import (
	"errors"
	"strings"

	"sdfp/lexer/wildcard"
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
// wildcards of SDF's "-wild" suffix (package lexer/wildcard: * / <s1,s2>
// <sx:sy> and a leading - for "all but"), and a terminating period for
// the name's parts and at least one more character, NAME.* (SDF-P ready
// reference, "Suffixes for data types", V). The catalog and user ID take
// no wildcards (only system administration may use them in user IDs).
type Pattern struct {
	Cat, User string
	File      string // the NAME part as written
	negate    bool
	wild      wildcard.Pattern
	literal   string // the name when it has no wildcard
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
	text := f
	if p.negate {
		text = "-" + f
	}
	var ok bool
	if p.wild, ok = wildcard.Parse(text, func(c byte) bool { return allOf(string(c), "$#@-.") }, MaxName); !ok {
		return nil, ErrName
	}
	if !p.wild.Wild() {
		if !validFile(f) {
			return nil, ErrName
		}
		p.literal = f
	}
	return p, nil
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
	return p.wild.Match(name)
}
