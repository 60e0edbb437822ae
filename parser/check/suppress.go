package check

import (
	"regexp"
	"strings"
)

// Suppression: an SDF comment "sdfp:ignore" on a line keeps sdfp check
// from reporting that line's findings; followed by message keys
// ("sdfp:ignore SDP0118" or "sdfp:ignore SDP0118,CMD0202"), only those.
// A comment that is all there is on its line (/"sdfp:ignore SDP0091"),
// applies to the next line as well. Text after the keys is free, for the
// reason: "sdfp:ignore SDP0118 the MONJV is set by another job".

// ignoreMark starts a suppressing comment.
const ignoreMark = "sdfp:ignore"

var messageKey = regexp.MustCompile(`^[A-Z]{3}[0-9]{4}$`)

// suppressions maps a line to the keys ignored there; an empty set
// ignores every key.
type suppressions map[int]map[string]bool

// ignores reports whether a finding of code at line is suppressed.
func (s suppressions) ignores(line int, code string) bool {
	keys, ok := s[line]
	return ok && (len(keys) == 0 || keys[code])
}

// parseSuppressions finds the sdfp:ignore comments of src.
func parseSuppressions(src string) suppressions {
	if !strings.Contains(src, ignoreMark) {
		return nil
	}
	s := suppressions{}
	for i, line := range strings.Split(src, "\n") {
		comment, alone := ignoreComment(line)
		if comment == "" {
			continue
		}
		keys := map[string]bool{}
		rest := strings.TrimSpace(strings.TrimPrefix(comment, ignoreMark))
		if f := strings.Fields(rest); len(f) > 0 {
			for _, k := range strings.Split(f[0], ",") {
				if k = strings.ToUpper(strings.TrimSpace(k)); messageKey.MatchString(k) {
					keys[k] = true
				}
			}
		}
		add := func(n int) {
			if old, ok := s[n]; ok && (len(old) == 0 || len(keys) == 0) {
				s[n] = map[string]bool{}
				return
			} else if ok {
				for k := range keys {
					old[k] = true
				}
				return
			}
			s[n] = keys
		}
		add(i + 1)
		if alone {
			add(i + 2)
		}
	}
	return s
}

// ignoreComment returns the text of the line's comment that starts with
// the mark ("" if none), and whether the comment is all the line holds
// besides its slash. Quotes of strings ('...') are skipped: a " inside
// one starts no comment.
func ignoreComment(line string) (string, bool) {
	if !strings.Contains(line, ignoreMark) {
		return "", false
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
				return text, before == ""
			}
			i += end + 1
		}
	}
	return "", false
}
