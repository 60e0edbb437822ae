package vm2000

import "fmt"

// Limits of an installation file, checked before the YAML library sees
// it. goccy/go-yaml parses nested collections recursively, with memory
// quadratic in the depth (5,000 nested flow sequences took 40 MB, 200 KB
// of them more than the machine had), and decoding takes about 300 bytes
// of memory per byte of a flat file. The format itself nests 8 deep
// (server-units, a unit, vms, a VM, devices, a device, a value). I
var installLimits = struct {
	maxBytes int // size of the file
	maxDepth int // nesting of collections, as yamlTooDeep counts it
	// maxAliasValues is how many values aliases (*name) may repeat in
	// all: an alias is decoded anew wherever it stands, so a few of them
	// nested would otherwise multiply a small file into a huge one.
	maxAliasValues int
	source         string
}{1 << 20, 32, 100000, "I: real installations are a few dozen KB and nest 8 deep; " +
	"a 10,000-VM scale test is 600 KB; the depth counted errs on the deep side by a few levels"}

// checkShape rejects a file over the size limit or nested too deep.
func checkShape(file string, data []byte) *InstallError {
	if len(data) > installLimits.maxBytes {
		return &InstallError{File: file, Line: 1, Col: 1,
			Msg: fmt.Sprintf("installation file of %d bytes: at most %d bytes (1 MiB) are read", len(data), installLimits.maxBytes)}
	}
	if line, col, deep := yamlTooDeep(data, installLimits.maxDepth); deep {
		return &InstallError{File: file, Line: line, Col: col,
			Msg: fmt.Sprintf("mappings and sequences nested more than %d deep", installLimits.maxDepth)}
	}
	return nil
}

// yamlTooDeep scans YAML text, without parsing it, for the first place
// where collections nest more than limit deep, and returns its line and
// column. It counts block levels by indentation and the indicators "- "
// and "? ", and flow levels by brackets outside comments and strings.
// Where the text could be read two ways, it counts the deeper one, so a
// file it passes never nests brackets or indicators deeper for the YAML
// library (nesting by indentation alone is bounded by the size limit, as
// every level costs a column on each line below it): a quoted string
// it is not sure of (one that opens after anything but an indicator, or
// that runs over a line end) counts its own opening brackets and keeps
// those still open, and never closes the brackets before it. Only text
// that nests unbalanced brackets in strings is counted too deep.
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
	flow      int          // flow brackets open
	// quote is the quote character of an open string yamlTooDeep is not
	// sure of; inner are the brackets opened in it and still open.
	quote byte
	inner int
}

// blockLevel is an open block collection: the column of its content,
// and whether a "- " opened it (a sequence).
type blockLevel struct {
	col int
	seq bool
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
	if s.quote == 0 {
		if i == len(text) || text[i] == '#' {
			return false // blank or comment: no structure
		}
		// A line closes the levels indented as far as it or further,
		// except that a sequence may be the value of a mapping key at
		// the same column ("vms:" above "- index: 2").
		dash := indicatorAt(text, i) && text[i] == '-'
		for n := len(s.indents); n > 0; n = len(s.indents) {
			top := s.indents[n-1]
			if top.col < i || top.col == i && dash && !top.seq {
				break
			}
			s.indents = s.indents[:n-1]
		}
	}
	// Block levels: the indentation and every "- ", "? " or ": " that
	// leads the line opens one. Inside an unsure string they are counted
	// for this line only.
	levels := len(s.indents)
	for {
		if s.quote == 0 {
			s.indents = append(s.indents, blockLevel{i, indicatorAt(text, i) && text[i] == '-'})
		}
		levels++
		if s.tooDeep(levels+s.flow+s.inner, i) {
			return true
		}
		if !indicatorAt(text, i) {
			break
		}
		for i++; i < len(text) && (text[i] == ' ' || text[i] == '\t'); i++ {
		}
		if i == len(text) {
			break
		}
	}
	var sig byte // the last significant character, 0 at the line's start
	for ; i < len(text); i++ {
		c := text[i]
		if s.quote != 0 {
			switch {
			case c == '\\' && s.quote == '"':
				i++
			case c == s.quote && s.quote == '\'' && i+1 < len(text) && text[i+1] == '\'':
				i++
			case c == s.quote:
				s.flow += s.inner
				s.quote, s.inner, sig = 0, 0, c
			case c == '[' || c == '{':
				s.inner++
				if s.tooDeep(levels+s.flow+s.inner, i) {
					return true
				}
			case (c == ']' || c == '}') && s.inner > 0:
				s.inner--
			}
			continue
		}
		prev := byte(' ')
		if i > 0 {
			prev = text[i-1]
		}
		switch c {
		case ' ', '\t':
			continue
		case '#':
			if prev == ' ' || prev == '\t' {
				return false // a comment to the end of the line
			}
		case '"', '\'':
			if isWordByte(prev) {
				break // inside a plain scalar such as O'Brien
			}
			afterIndicator := sig == 0 || sig == '[' || sig == '{' || sig == ',' || sig == ':' || sig == '-' || sig == '?'
			if afterIndicator && (prev == ' ' || prev == '\t' || prev == '[' || prev == '{' || prev == ',') {
				if end := closingQuote(text, i); end > 0 {
					i, sig = end, c // a string on one line: skipped
					continue
				}
			}
			s.quote = c // an unsure string, until its quote closes
			continue
		case '[', '{':
			s.flow++
			if s.tooDeep(levels+s.flow, i) {
				return true
			}
		case ']', '}':
			if s.flow > 0 {
				s.flow--
			}
		}
		sig = c
	}
	return false
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
