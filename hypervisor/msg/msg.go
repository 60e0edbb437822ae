// Package msg is the message catalog: every message key sdfp can emit
// (SDF's CMD, SDF-P's SDP, JVS, VMS ...) with its English and German text,
// its meaning and the meaning of its inserts, as data in the *.msg files
// of this directory. HELP-MSG-INFORMATION, the MSG() builtin and every
// "% KEY text" line on SYSOUT or the console come from here.
//
// File format: entries separated by blank lines; lines starting with #
// are comments. Each entry starts with its key, followed by fields:
//
//	VMS2404
//	source: S seed 000 (de); V VM2000 V12 check-vm-migration (en)
//	en: LIVE MIGRATION OF VM ((&00),(&01)) REJECTED BY TARGET SU '(&02)'. REASON: (&03)
//	de: LIVE MIGRATION DER VM ((&00),(&01)) DURCH DIE ZIEL-SU '(&02)' ABGEWIESEN. URSACHE: (&03)
//	meaning-en: The target server unit refused the live migration.
//	meaning-de: Die Ziel-SU hat die Live Migration abgewiesen.
//	insert-en: (&03): message key of the reason[,device]
//	insert-de: (&03): Meldungsschluessel der Ursache[,Geraet]
//
// Inserts (&00)..(&29) are replaced by the values given when the message
// is rendered.
package msg

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Entry is one catalog entry.
type Entry struct {
	Key       string
	Source    string            // where the texts come from (V, I, S tags)
	Text      map[string]string // by language "E", "D"
	Meaning   map[string]string
	InsertDoc map[string][]string // insert descriptions by language
}

// Catalog holds messages by key. Entries are parsed when first looked
// up: a run needs a handful of the catalog's messages, and parsing all of
// them was a third of the allocations of a short run.
type Catalog struct {
	// index holds every key and where its entry is. The default catalog
	// builds it at its first lookup (entries): a run that prints no
	// message does not index the 2,000 lines of the files.
	index     map[string]entry
	indexOnce sync.Once

	mu     sync.Mutex
	parsed map[string]*Entry
}

// entry locates one message's field lines in its file.
type entry struct {
	file   string
	line   int // line of the first field
	fields string
}

// The message files, embedded as strings so that looking an entry up
// slices the binary's data instead of copying it. TestSourcesAreAllFiles
// keeps this list equal to the *.msg files of the directory.
var (
	//go:embed details.msg
	detailsFile string
	//go:embed dms.msg
	dmsFile string
	//go:embed jms.msg
	jmsFile string
	//go:embed jvs.msg
	jvsFile string
	//go:embed sdf.msg
	sdfFile string
	//go:embed vms.msg
	vmsFile string

	sources = []struct{ name, text string }{
		{"details.msg", detailsFile}, {"dms.msg", dmsFile}, {"jms.msg", jmsFile}, {"jvs.msg", jvsFile}, {"sdf.msg", sdfFile}, {"vms.msg", vmsFile},
	}
)

// Default returns the built-in catalog, shared, indexed once when first
// looked into. It panics only when the embedded files are malformed,
// which the package tests rule out by loading every entry with Load.
func Default() *Catalog { return defaultCatalog() }

var defaultCatalog = sync.OnceValue(lazyCatalog)

// lazyCatalog is a catalog of the embedded files that indexes them when
// first looked into.
func lazyCatalog() *Catalog { return &Catalog{parsed: map[string]*Entry{}} }

// entries returns the index, building it at the first call for the
// default catalog (Load's catalog has it from the start).
func (c *Catalog) entries() map[string]entry {
	c.indexOnce.Do(func() {
		if c.index != nil {
			return
		}
		i, err := indexFiles()
		if err != nil {
			panic(err)
		}
		c.index = i.index
	})
	return c.index
}

// Load reads the embedded message files and parses every entry, so that
// any malformed one is reported, with its file and line.
func Load() (*Catalog, error) {
	c, err := indexFiles()
	if err != nil {
		return nil, err
	}
	for _, key := range c.Keys() { // in order, so the same error comes first
		m, err := c.entries()[key].parse(key)
		if err != nil {
			return nil, err
		}
		c.parsed[key] = m
	}
	return c, nil
}

func indexFiles() (*Catalog, error) {
	c := &Catalog{index: make(map[string]entry, 512), parsed: map[string]*Entry{}}
	for _, src := range sources {
		if err := c.indexFile(src.name, src.text); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// indexFile records where each entry of a file is. Entries are separated
// by blank lines and start with their key; # lines are comments.
func (c *Catalog) indexFile(file, data string) error {
	var key string
	line, off := 0, 0
	first, start := 0, 0 // the current entry's first field: its line and offset
	for l := range strings.Lines(data) {
		line++
		t := trimLineEnd(l)
		switch {
		case strings.HasPrefix(t, "#"):
		case t == "":
			if key != "" {
				c.index[key] = entry{file: file, line: first, fields: data[start:off]}
				key = ""
			}
		case key == "":
			if !(len(t) == 7 && !strings.Contains(t, ":") || IsDetail(t)) {
				return fmt.Errorf("%s:%d: message key of 7 characters or detail name expected, found %q", file, line, t)
			}
			if _, dup := c.index[t]; dup {
				return fmt.Errorf("%s:%d: message %s defined twice", file, line, t)
			}
			key, first, start = t, line+1, off+len(l)
		}
		off += len(l)
	}
	if key != "" {
		c.index[key] = entry{file: file, line: first, fields: data[start:]}
	}
	return nil
}

// trimLineEnd is strings.TrimRight(l, " \t\r\n") without building the
// cutset's table at each of the catalog's 2,000 lines, which every run
// indexes.
func trimLineEnd(l string) string {
	for len(l) > 0 {
		switch l[len(l)-1] {
		case ' ', '\t', '\r', '\n':
			l = l[:len(l)-1]
		default:
			return l
		}
	}
	return l
}

var fieldLang = map[string]string{"en": "E", "de": "D"}

// parse reads an entry's field lines into a Message.
func (e entry) parse(key string) (*Entry, error) {
	m := &Entry{Key: key, Text: map[string]string{}, Meaning: map[string]string{}, InsertDoc: map[string][]string{}}
	line := e.line - 1
	for l := range strings.Lines(e.fields) {
		line++
		t := trimLineEnd(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		name, value, ok := strings.Cut(t, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: 'field: value' expected in %s", e.file, line, key)
		}
		value = strings.TrimSpace(value)
		switch {
		case name == "source":
			m.Source = value
		case fieldLang[name] != "":
			m.Text[fieldLang[name]] = value
		case strings.HasPrefix(name, "meaning-") && fieldLang[name[8:]] != "":
			m.Meaning[fieldLang[name[8:]]] = value
		case strings.HasPrefix(name, "insert-") && fieldLang[name[7:]] != "":
			m.InsertDoc[fieldLang[name[7:]]] = append(m.InsertDoc[fieldLang[name[7:]]], value)
		default:
			return nil, fmt.Errorf("%s:%d: unknown field %q in %s", e.file, line, name, key)
		}
	}
	return m, nil
}

// Lookup returns a message by key, or nil when the catalog has none.
func (c *Catalog) Lookup(key string) *Entry {
	if !IsDetail(key) {
		key = strings.ToUpper(key)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if m, ok := c.parsed[key]; ok {
		return m
	}
	e, ok := c.entries()[key]
	if !ok {
		return nil
	}
	m, err := e.parse(key)
	if err != nil {
		panic(err) // Load, run by the package tests, parses every entry
	}
	c.parsed[key] = m
	return m
}

// Keys returns all keys, sorted.
func (c *Catalog) Keys() []string {
	index := c.entries()
	keys := make([]string, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Text renders a message in a language ("E" or "D"; a missing German text
// falls back to English) with its inserts.
func (c *Catalog) Text(key, lang string, inserts []string) (string, bool) {
	m := c.Lookup(key)
	if m == nil {
		return "", false
	}
	t, ok := m.Text[strings.ToUpper(lang)]
	if !ok {
		t = m.Text["E"]
	}
	return Fill(t, inserts), true
}

// Fill replaces the inserts (&00)..(&29) of a template.
func Fill(template string, inserts []string) string {
	if !strings.Contains(template, "(&") {
		return template
	}
	var b strings.Builder
	for i := 0; i < len(template); i++ {
		if template[i] == '(' && i+4 < len(template) && template[i+1] == '&' && template[i+4] == ')' {
			if n, err := strconv.Atoi(template[i+2 : i+4]); err == nil {
				if n < len(inserts) {
					b.WriteString(inserts[n])
				}
				i += 4
				continue
			}
		}
		b.WriteByte(template[i])
	}
	return b.String()
}

// Help renders HELP-MSG-INFORMATION output: the text with its inserts
// unfilled, the meaning and the inserts' descriptions, each line "% ".
func (c *Catalog) Help(key, lang string) ([]string, bool) {
	m := c.Lookup(key)
	if m == nil {
		return nil, false
	}
	lang = strings.ToUpper(lang)
	pick := func(mm map[string]string) string {
		if v, ok := mm[lang]; ok {
			return v
		}
		return mm["E"]
	}
	lines := []string{"% " + m.Key + " " + pick(m.Text)}
	if meaning := pick(m.Meaning); meaning != "" {
		lines = append(lines, "% ? "+meaning)
	}
	docs := m.InsertDoc[lang]
	if len(docs) == 0 {
		docs = m.InsertDoc["E"]
	}
	for _, d := range docs {
		lines = append(lines, "% "+d)
	}
	return lines, true
}
