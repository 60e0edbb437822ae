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
	"bufio"
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Message is one catalog entry.
type Message struct {
	Key       string
	Source    string            // where the texts come from (V, I, S tags)
	Text      map[string]string // by language "E", "D"
	Meaning   map[string]string
	InsertDoc map[string][]string // insert descriptions by language
}

// Catalog holds messages by key.
type Catalog struct {
	byKey map[string]*Message
}

//go:embed *.msg
var files embed.FS

// Default returns the built-in catalog, read once and shared: a Catalog
// is never changed after loading. It panics only when the embedded files
// are malformed, which the package tests rule out.
func Default() *Catalog { return defaultCatalog() }

var defaultCatalog = sync.OnceValue(func() *Catalog {
	c, err := Load()
	if err != nil {
		panic(err)
	}
	return c
})

// Load parses the embedded message files.
func Load() (*Catalog, error) {
	c := &Catalog{byKey: map[string]*Message{}}
	entries, err := files.ReadDir(".")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		data, err := files.ReadFile(e.Name())
		if err != nil {
			return nil, err
		}
		if err := c.parse(e.Name(), string(data)); err != nil {
			return nil, err
		}
	}
	return c, nil
}

var fieldLang = map[string]string{"en": "E", "de": "D"}

func (c *Catalog) parse(file, data string) error {
	var cur *Message
	sc := bufio.NewScanner(strings.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), " \t")
		switch {
		case strings.HasPrefix(t, "#"):
			continue
		case t == "":
			cur = nil
			continue
		case cur == nil:
			if len(t) != 7 || strings.Contains(t, ":") {
				return fmt.Errorf("%s:%d: message key of 7 characters expected, found %q", file, line, t)
			}
			if c.byKey[t] != nil {
				return fmt.Errorf("%s:%d: message %s defined twice", file, line, t)
			}
			cur = &Message{Key: t, Text: map[string]string{}, Meaning: map[string]string{}, InsertDoc: map[string][]string{}}
			c.byKey[t] = cur
			continue
		}
		name, value, ok := strings.Cut(t, ":")
		if !ok {
			return fmt.Errorf("%s:%d: 'field: value' expected in %s", file, line, cur.Key)
		}
		value = strings.TrimSpace(value)
		switch {
		case name == "source":
			cur.Source = value
		case fieldLang[name] != "":
			cur.Text[fieldLang[name]] = value
		case strings.HasPrefix(name, "meaning-") && fieldLang[name[8:]] != "":
			cur.Meaning[fieldLang[name[8:]]] = value
		case strings.HasPrefix(name, "insert-") && fieldLang[name[7:]] != "":
			cur.InsertDoc[fieldLang[name[7:]]] = append(cur.InsertDoc[fieldLang[name[7:]]], value)
		default:
			return fmt.Errorf("%s:%d: unknown field %q in %s", file, line, name, cur.Key)
		}
	}
	return sc.Err()
}

// Lookup returns a message by key.
func (c *Catalog) Lookup(key string) *Message { return c.byKey[strings.ToUpper(key)] }

// Keys returns all keys, sorted.
func (c *Catalog) Keys() []string {
	keys := make([]string, 0, len(c.byKey))
	for k := range c.byKey {
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

// Line renders a message as BS2000 prints it: "% KEY text".
func (c *Catalog) Line(key, lang string, inserts ...string) string {
	t, ok := c.Text(key, lang, inserts)
	if !ok {
		return "% " + key + " " + strings.Join(inserts, " ")
	}
	return "% " + key + " " + t
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
