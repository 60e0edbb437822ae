package check

import (
	"sort"
	"strings"
)

// Suppression: an SDF comment "sdfp:ignore" on a line keeps sdfp check
// from reporting that line's findings; followed by message keys
// ("sdfp:ignore SDP0118" or "sdfp:ignore SDP0118,CMD0202"), only those.
// A comment that is all there is on its line (/"sdfp:ignore SDP0091"),
// applies to the next line as well. Text after the keys is free, for the
// reason: "sdfp:ignore SDP0118 the MONJV is set by another job". A
// directive that suppresses nothing is itself reported (a warning), as
// golangci-lint's nolintlint does, so that none outlives its finding.

// ignoreMark starts a suppressing comment.
const ignoreMark = "sdfp:ignore"

// messageKey reports whether k is a message key: three capital letters
// and four digits, as ^[A-Z]{3}[0-9]{4}$ says (a regexp compiled at
// package level cost every start of sdfp, which checks each procedure
// before it runs).
func messageKey(k string) bool {
	if len(k) != 7 {
		return false
	}
	for i := range 7 {
		c := k[i]
		if i < 3 && (c < 'A' || c > 'Z') || i >= 3 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// directive is one sdfp:ignore comment.
type directive struct {
	line int             // where it stands
	col  int             // of its mark
	off  int             // byte offset of its mark
	keys map[string]bool // empty: every key
	used bool            // it suppressed a finding
}

// suppressions maps a line to the directives that apply to it.
type suppressions map[int][]*directive

// ignores reports whether a finding of code at line is suppressed, and
// marks the directive that suppresses it as used.
func (s suppressions) ignores(line int, code string) bool {
	for _, d := range s[line] {
		if len(d.keys) == 0 || d.keys[code] {
			d.used = true
			return true
		}
	}
	return false
}

// unused lists the directives that suppressed nothing, in source order.
func (s suppressions) unused() []*directive {
	seen := map[*directive]bool{}
	out := []*directive{}
	for _, ds := range s {
		for _, d := range ds {
			if !d.used && !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].line < out[j].line })
	return out
}

// parseSuppressions finds the sdfp:ignore comments of src.
func parseSuppressions(src string) suppressions {
	if !strings.Contains(src, ignoreMark) {
		return nil
	}
	s := suppressions{}
	off := 0
	for i, line := range strings.Split(src, "\n") {
		start := off
		off += len(line) + 1
		comment, col, alone := ignoreComment(line)
		if comment == "" {
			continue
		}
		d := &directive{line: i + 1, col: col, off: start + col - 1, keys: map[string]bool{}}
		rest := strings.TrimSpace(strings.TrimPrefix(comment, ignoreMark))
		if f := strings.Fields(rest); len(f) > 0 {
			for _, k := range strings.Split(f[0], ",") {
				if k = strings.ToUpper(strings.TrimSpace(k)); messageKey(k) {
					d.keys[k] = true
				}
			}
		}
		s[i+1] = append(s[i+1], d)
		if alone {
			s[i+2] = append(s[i+2], d)
		}
	}
	return s
}

// ignoreComment returns the text of the line's comment that starts with
// the mark ("" if none), the column of the mark, and whether the comment
// is all the line holds besides its slash. Quotes of strings ('...') are skipped: a " inside
// one starts no comment.
func ignoreComment(line string) (string, int, bool) {
	if !strings.Contains(line, ignoreMark) {
		return "", 0, false
	}
	inString := false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\'':
			inString = !inString
		case '"':
			if inString {
				continue
			}
			body := line[i+1:]
			end := strings.IndexByte(body, '"')
			if end < 0 {
				end = len(body)
			}
			text := strings.TrimSpace(body[:end])
			if strings.HasPrefix(text, ignoreMark) {
				before := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line[:i]), "/"))
				return text, i + 2 + strings.Index(body, ignoreMark), before == ""
			}
			i += end + 1
		}
	}
	return "", 0, false
}

// codeUnusedIgnore is the key of a directive that suppresses nothing:
// a comment in the wrong place is a matter of context.
const codeUnusedIgnore = "SDP0118"
