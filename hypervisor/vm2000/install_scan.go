package vm2000

import (
	"fmt"
	"strings"
)

// Limits of an installation file, checked before the YAML library sees
// it. goccy/go-yaml parses nested collections recursively, with memory
// quadratic in the depth (5,000 nested flow sequences took 40 MB, 200 KB
// of them more than the machine had), and decoding takes about 300 bytes
// of memory per byte of a flat file. The format itself nests 8 deep
// (server-units, a unit, vms, a VM, devices, a device, a value). I
// MaxInstallationSize is the largest installation file LoadInstallation
// reads, in bytes; a caller reading one from disk need read no more
// than one byte beyond it.
const MaxInstallationSize = 1 << 20

var installLimits = struct {
	maxBytes int // size of the file
	maxDepth int // nesting of collections, as yamlTooDeep counts it
	source   string
}{MaxInstallationSize, 32, "I: real installations are a few dozen KB and nest 8 deep (counted up to 12); " +
	"a scale test of 10,000 VMs is 600 KB"}

// checkShape rejects a file over the size limit or nested too deep.
func checkShape(file string, data []byte) *InstallError {
	if len(data) > installLimits.maxBytes {
		return &InstallError{File: file, Line: 1, Col: 1,
			Msg: fmt.Sprintf("installation file of %d bytes: at most %d bytes (1 MiB) are read", len(data), installLimits.maxBytes)}
	}
	if line, col, c, ok := controlCharacter(data); ok {
		// YAML allows none of them, and the YAML library reads some as
		// spaces: refused, the scan need not guess.
		return &InstallError{File: file, Line: line, Col: col,
			Msg: fmt.Sprintf("control character %#02x: an installation file is text (UTF-8)", c)}
	}
	if line, col, deep := yamlTooDeep(data, installLimits.maxDepth); deep {
		return &InstallError{File: file, Line: line, Col: col,
			Msg: fmt.Sprintf("mappings and sequences nested more than %d deep", installLimits.maxDepth)}
	}
	return nil
}

// controlCharacter finds the first byte below 0x20 other than a tab or
// a line end, or DEL, and its line and column.
func controlCharacter(data []byte) (line, col int, c byte, ok bool) {
	line, start := 1, 0
	for i, b := range data {
		switch {
		case b == '\n' || b == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			line, start = line+1, i+1
		case b < 0x20 && b != '\t' && b != '\r' || b == 0x7f:
			return line, i - start + 1, b, true
		}
	}
	return 0, 0, 0, false
}

// yamlTooDeep scans YAML text, without parsing it, for the first place
// where collections nest more than limit deep, and returns its line and
// column. It counts block levels by indentation and the indicators "- "
// and "? ", flow levels by brackets outside comments and strings (a
// sequence as two, for the mapping of one pair it may hold), and a level
// for every line that ends in a tag or an anchor.
//
// Where the text could be read two ways, it counts the deeper one, so
// that the YAML library never nests deeper than counted (FuzzYAMLDepth
// holds it to that): a quoted string it is not sure of (one that opens
// after anything but an indicator, or runs over a line end) has its
// lines counted as structure as well, keeps the brackets it opens and
// never closes the ones before it; a "- " in the middle of a line counts
// as it would after a tag; a line led by ": " closes no level. Only text
// such as unbalanced brackets in strings, and tags, are counted deeper
// than they nest.
func yamlTooDeep(data []byte, limit int) (line, col int, deep bool) {
	s := scanDepth(data, limit)
	return s.line, s.col, s.deepest > limit
}

// scanDepth runs yamlTooDeep's scan up to the first line that passes
// limit (or to the end) and returns its state.
func scanDepth(data []byte, limit int) depthScan {
	s := depthScan{limit: limit}
	for start, i := 0, 0; i <= len(data); i++ {
		if i < len(data) && data[i] != '\n' && data[i] != '\r' {
			continue
		}
		s.line++
		if s.scanLine(data[start:i]) {
			return s
		}
		if i+1 < len(data) && data[i] == '\r' && data[i+1] == '\n' {
			i++ // CR LF ends one line; CR alone ends one too, for YAML
		}
		start = i + 1
	}
	return s
}

// depthScan is the state of yamlTooDeep between lines.
type depthScan struct {
	limit     int
	deepest   int          // the deepest nesting counted
	line, col int          // where the limit was passed
	indents   []blockLevel // the open block levels
	flow      brackets     // flow collections open
	// quote is the quote character of an open string yamlTooDeep is not
	// sure of; inner are the brackets opened in it and still open.
	quote byte
	inner brackets
	// properties are the lines that ended with a tag or an anchor;
	// afterProperty is set after such a line.
	properties    int
	afterProperty bool
	// before are the block levels open where the unsure string began.
	before []blockLevel
}

// brackets are open flow collections, innermost last. A sequence counts
// two levels: "[a: b]" is a sequence of a mapping of one pair.
type brackets struct {
	open  []byte
	depth int
}

func (b *brackets) push(c byte) {
	b.open = append(b.open, c)
	b.depth += bracketLevels(c)
}

// pop closes the innermost collection, if any.
func (b *brackets) pop() {
	if n := len(b.open); n > 0 {
		b.depth -= bracketLevels(b.open[n-1])
		b.open = b.open[:n-1]
	}
}

func bracketLevels(c byte) int {
	if c == '[' {
		return 2
	}
	return 1
}

// blockLevel is an open block collection: the column of its content,
// and whether a "- " opened it (a sequence).
type blockLevel struct {
	col  int
	seq  bool
	open bool // an indicator ended its line: it holds lines in its column
}

// tooDeep reports whether depth passes the limit, noting the column.
func (s *depthScan) tooDeep(depth, i int) bool {
	s.deepest = max(s.deepest, depth)
	if depth > s.limit {
		s.col = i + 1
		return true
	}
	return false
}

// scanLine scans one line and reports whether it passes the limit.
func (s *depthScan) scanLine(text []byte) bool {
	i := 0
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i == len(text) || s.quote == 0 && text[i] == '#' {
		return false // blank or comment: no structure
	}
	// A line closes the levels indented as far as it or further, except
	// that a sequence may be the value of a mapping key at the same
	// column ("vms:" above "- index: 2"). The lines of an unsure string
	// count as structure too; see quoteEnds.
	dash := indicatorAt(text, i) && text[i] == '-'
	// ": " leading a line gives a value to the key before it, which the
	// YAML library takes from any line above: that line closes nothing.
	value := indicatorAt(text, i) && text[i] == ':'
	for n := len(s.indents); n > 0 && !s.afterProperty && !value; n = len(s.indents) {
		top := s.indents[n-1]
		if top.col < i || top.col == i && (dash && !top.seq || top.open) {
			break
		}
		s.indents = s.indents[:n-1]
	}
	s.afterProperty = false
	// Block levels: the indentation and every "- ", "? " or ": " that
	// leads the line opens one.
	levels := len(s.indents)
	for {
		s.indents = append(s.indents, blockLevel{col: i, seq: indicatorAt(text, i) && text[i] == '-'})
		levels++
		if s.tooDeep(s.depth(levels), i) {
			return true
		}
		if indicatorAt(text, i) {
			// What follows the indicator, on this line or below, is
			// one level deeper; below, the YAML library takes even a
			// line in the indicator's column for it ("-" above "a: b").
			if i++; i == len(text) {
				s.indents[len(s.indents)-1].open = true
			}
		} else if end := propertyEnd(text, i); end > i && end < len(text) {
			// A tag or an anchor may stand before an indicator
			// ("!t - a"); counted as a level too, to be safe.
			i = end
		} else {
			break
		}
		for ; i < len(text) && (text[i] == ' ' || text[i] == '\t'); i++ {
		}
	}
	var sig byte      // the last significant character, 0 at the line's start
	property := false // the last token is a tag (!t) or an anchor (&a)
	inProperty := false
	for ; i < len(text); i++ {
		c := text[i]
		prev := byte(' ')
		if i > 0 {
			prev = text[i-1]
		}
		space, isProperty := c == ' ' || c == '\t', c == '!' || c == '&'
		switch {
		case space:
			inProperty = false
		case prev == ' ' || prev == '\t':
			if property && !isProperty {
				// What follows a tag or an anchor on its line may be a
				// collection of its own ("a: !t b: c"): a level deeper.
				s.indents = append(s.indents, blockLevel{col: i})
				if levels++; s.tooDeep(s.depth(levels), i) {
					return true
				}
			}
			property, inProperty = isProperty, isProperty // a token starts
		case isProperty && strings.IndexByte("[{,", prev) >= 0:
			property, inProperty = true, true // in a flow, or a tag such as "!a,!b"
		}
		if (c == '-' || c == '?') && (prev == ' ' || prev == '\t') && indicatorAt(text, i) {
			// After a tag or an anchor, "- " opens a sequence even in
			// the middle of a line ("a: !t - b"); elsewhere it is text,
			// counted the same, to be safe. Two levels, as at the start
			// of a line: the sequence, and what follows in it.
			s.indents = append(s.indents, blockLevel{col: i, seq: c == '-', open: i+1 == len(text)}, blockLevel{col: i + 1})
			if levels += 2; s.tooDeep(s.depth(levels), i) {
				return true
			}
		}
		if inProperty {
			// A tag may hold quotes and brackets ("!a[b"): brackets
			// open (if they are ones) but close nothing.
			if c == '[' || c == '{' {
				if s.quote != 0 {
					s.inner.push(c)
				} else {
					s.flow.push(c)
				}
				if s.tooDeep(s.depth(levels), i) {
					return true
				}
			}
			sig = c
			continue
		}
		if s.quote != 0 {
			switch {
			case c == '\\' && s.quote == '"':
				i++
			case c == s.quote && s.quote == '\'' && i+1 < len(text) && text[i+1] == '\'':
				i++
			case c == s.quote:
				s.quoteEnds()
				if levels, sig = len(s.indents), c; s.tooDeep(s.depth(levels), i) {
					return true
				}
			case c == '[' || c == '{':
				s.inner.push(c)
				if s.tooDeep(s.depth(levels), i) {
					return true
				}
			case c == ']' || c == '}':
				s.inner.pop()
			}
			continue
		}
		switch c {
		case ' ', '\t':
			continue
		case '#':
			if prev == ' ' || prev == '\t' {
				return s.endLine(levels, property, i) // a comment to the end of the line
			}
		case '"', '\'':
			if isWordByte(prev) {
				break // inside a plain scalar such as O'Brien
			}
			afterIndicator := sig == 0 || strings.IndexByte("[{,:-?", sig) >= 0
			if afterIndicator && strings.IndexByte(" \t[{,", prev) >= 0 {
				if end := closingQuote(text, i); end > 0 {
					i, sig = end, c // a string on one line: skipped
					continue
				}
			}
			s.quote = c // an unsure string, until its quote closes
			s.before = append(s.before[:0], s.indents...)
			continue
		case '[', '{':
			s.flow.push(c)
			if s.tooDeep(s.depth(levels), i) {
				return true
			}
		case ']', '}':
			s.flow.pop()
		}
		sig = c
	}
	return s.endLine(levels, property, len(text))
}

// quoteEnds ends an unsure string. If it was text, the block levels
// before it still hold; if it was structure, those its lines opened: the
// scan goes on with both, and keeps the brackets opened in it.
func (s *depthScan) quoteEnds() {
	for _, b := range s.inner.open {
		s.flow.push(b)
	}
	merged := make([]blockLevel, 0, len(s.indents)+len(s.before))
	a, b := s.indents, s.before
	for len(a) > 0 || len(b) > 0 {
		switch {
		case len(a) > 0 && len(b) > 0 && a[0] == b[0]: // held by both
			merged, a, b = append(merged, a[0]), a[1:], b[1:]
		case len(b) == 0 || len(a) > 0 && a[0].col <= b[0].col:
			merged, a = append(merged, a[0]), a[1:]
		default:
			merged, b = append(merged, b[0]), b[1:]
		}
	}
	s.indents, s.quote, s.inner = merged, 0, brackets{}
}

// endLine: a line that ends with a tag or an anchor gives them to what
// follows, which the YAML library then nests inside all this line holds,
// however it is indented ("a: !t" on 5,000 lines nests 5,000 deep): the
// next line closes no level, and all later ones count one more.
func (s *depthScan) endLine(levels int, property bool, i int) bool {
	if !property {
		return false
	}
	s.properties++
	s.afterProperty = true
	return s.tooDeep(s.depth(levels), i)
}

// depth is the nesting counted with levels block levels on this line.
func (s *depthScan) depth(levels int) int {
	return levels + s.flow.depth + s.inner.depth + s.properties
}

// propertyEnd returns the index after the tag or anchor at text[i], or
// i if none starts there.
func propertyEnd(text []byte, i int) int {
	if i >= len(text) || text[i] != '!' && text[i] != '&' {
		return i
	}
	for i < len(text) && text[i] != ' ' && text[i] != '\t' {
		i++
	}
	return i
}

// indicatorAt: text[i] is "-", "?" or ":" followed by a space, a tab or
// the line's end, which at the start of a line's content opens a block
// level.
func indicatorAt(text []byte, i int) bool {
	if i >= len(text) || text[i] != '-' && text[i] != '?' && text[i] != ':' {
		return false
	}
	return i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t'
}

// isWordByte: a letter, digit or byte of a UTF-8 sequence, after which a
// quote is part of a plain scalar.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// closingQuote returns the index of the quote closing the string that
// opens at text[open], or 0 when it does not close on this line.
func closingQuote(text []byte, open int) int {
	q := text[open]
	for i := open + 1; i < len(text); i++ {
		switch {
		case q == '"' && text[i] == '\\':
			i++
		case text[i] == q && q == '\'' && i+1 < len(text) && text[i+1] == '\'':
			i++
		case text[i] == q:
			return i
		}
	}
	return 0
}
