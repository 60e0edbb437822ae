package msg

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestCatalogLoads(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range c.Keys() {
		m := c.Lookup(k)
		if m.Text["E"] == "" || m.Text["D"] == "" {
			t.Errorf("%s lacks an English or German text", k)
		}
		if m.Source == "" {
			t.Errorf("%s has no source", k)
		}
	}
}

var keyLiteral = regexp.MustCompile(`"((?:CMD|SDP|JVS|VMS|HAL|DMS|EXC|NBR)[0-9][0-9A-F]{3})"`)

// Every message key that a non-test source file of the repository can
// emit has an English and a German text in the catalog.
func TestEveryEmittedKeyHasBothTexts(t *testing.T) {
	c := Default()
	root := filepath.Join("..", "..")
	missing := map[string][]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range keyLiteral.FindAllStringSubmatch(string(src), -1) {
			msg := c.Lookup(m[1])
			if msg == nil || msg.Text["E"] == "" || msg.Text["D"] == "" {
				missing[m[1]] = append(missing[m[1]], p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(missing))
	for k := range missing {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Errorf("%s (used in %s) is not in the catalog with both texts", k, strings.Join(missing[k], ", "))
	}
}

func TestFillAndHelp(t *testing.T) {
	if got := Fill("VM ((&00),(&01)) '(&02)'", []string{"12", "VM12PROD", "X"}); got != "VM (12,VM12PROD) 'X'" {
		t.Errorf("Fill: %q", got)
	}
	if got := Fill("A (&05) B", nil); got != "A  B" {
		t.Errorf("Fill without insert: %q", got)
	}
	c := Default()
	lines, ok := c.Help("SDP1024", "D")
	if !ok || lines[0] != "% SDP1024 JV: JOBVARIABLE '(&00)' EXISTIERT NICHT" || !strings.HasPrefix(lines[1], "% ? ") {
		t.Errorf("Help: %v", lines)
	}
	if got := c.Render(New("SDP1024", "X.Y"), "E"); got != "% SDP1024 JV: JOB VARIABLE 'X.Y' DOES NOT EXIST" {
		t.Errorf("Line: %q", got)
	}
}

// The embedded sources are exactly the *.msg files of this directory, so
// a new file cannot be forgotten in the list.
func TestSourcesAreAllFiles(t *testing.T) {
	files, err := filepath.Glob("*.msg")
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, s := range sources {
		listed = append(listed, s.name)
		disk, err := os.ReadFile(s.name)
		if err != nil || string(disk) != s.text {
			t.Errorf("%s: embedded text differs from the file (%v)", s.name, err)
		}
	}
	sort.Strings(files)
	if strings.Join(files, " ") != strings.Join(listed, " ") {
		t.Errorf("sources list %v, directory has %v", listed, files)
	}
}

// Entries are parsed on first lookup; the default catalog and a full
// Load give the same message.
func TestLazyLookupMatchesLoad(t *testing.T) {
	full, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := indexFiles()
	if err != nil {
		t.Fatal(err)
	}
	if len(lazy.parsed) != 0 {
		t.Fatalf("index parsed %d entries before any lookup", len(lazy.parsed))
	}
	for _, k := range full.Keys() {
		a, b := full.Lookup(k), lazy.Lookup(strings.ToLower(k))
		if b == nil || a.Source != b.Source || a.Text["E"] != b.Text["E"] || a.Text["D"] != b.Text["D"] ||
			strings.Join(a.InsertDoc["D"], "|") != strings.Join(b.InsertDoc["D"], "|") || a.Meaning["E"] != b.Meaning["E"] {
			t.Errorf("%s: lazy %+v, loaded %+v", k, b, a)
		}
	}
	if lazy.Lookup("VMS9999") != nil {
		t.Error("unknown key found")
	}
}

func TestMalformedFilesNameTheLine(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"# c\n\nVMS12\nen: x\n", "t.msg:3: message key of 7 characters or detail name expected"},
		{"VMS1234\nen: a\n\nVMS1234\nen: b\n", "t.msg:4: message VMS1234 defined twice"},
		{"VMS1234\nen: a\n# note\nbogus\n", "t.msg:4: 'field: value' expected in VMS1234"},
		{"VMS1234\nsource: V\nfr: texte\n", "t.msg:3: unknown field \"fr\" in VMS1234"},
	} {
		c := &Catalog{index: map[string]entry{}, parsed: map[string]*Entry{}}
		err := c.indexFile("t.msg", tc.data)
		for k, e := range c.index {
			if err == nil {
				_, err = e.parse(k)
			}
		}
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.data, err, tc.want)
		}
	}
}

// TestTrimLineEnd holds trimLineEnd to strings.TrimRight with its cutset.
func TestTrimLineEnd(t *testing.T) {
	alphabet := []string{" ", "\t", "\r", "\n", "a", "ü", "\v", "\x00"}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		if got, want := trimLineEnd(s), strings.TrimRight(s, " \t\r\n"); got != want {
			t.Fatalf("trimLineEnd(%q) = %q, strings.TrimRight %q", s, got, want)
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, n-1)
		}
	}
	walk("", 6)
}

// TestDefaultIndexesOnFirstLookup: the default catalog, taken, reads none
// of its files (every session takes it; a run that prints no message
// looks nothing up); the first lookup indexes them.
func TestDefaultIndexesOnFirstLookup(t *testing.T) {
	c := lazyCatalog()
	if c.index != nil {
		t.Fatal("a new default catalog is indexed before any lookup")
	}
	if c.Lookup("SDP0091") == nil || c.index == nil {
		t.Fatal("the first lookup found no SDP0091 or left the catalog unindexed")
	}
}
