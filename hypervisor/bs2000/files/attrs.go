package files

import (
	"sort"
	"strings"
	"time"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
)

// The attribute catalog keeps what a BS2000 file has and a host file
// lacks: the creation date, in virtual time (the host's times would make
// runs differ). It is the hidden file CatalogFile of the workdir, one line
// per file, "NAME 2026-01-01T08:00:00Z", replaced atomically after every
// change. It is read once, at the first file command of a run, within
// MaxCatalog bytes; a catalog with a line that is not of that form, or
// that is too large or not a regular file, is not used (every file is
// then of unknown creation date) and is written anew at the next change.
// Files a user put into the workdir have no entry either.

// CatalogFile is the attribute catalog's name in the workdir.
const CatalogFile = ".sdfp-file-catalog"

// MaxCatalog bounds the attribute catalog read.
const MaxCatalog = 1 << 20

type attrCatalog struct {
	fs      afero.Fs
	loaded  bool
	created map[string]time.Time
}

func newAttrCatalog(fsys afero.Fs) *attrCatalog {
	return &attrCatalog{fs: fsys, created: map[string]time.Time{}}
}

func (c *attrCatalog) load() {
	if c.loaded {
		return
	}
	c.loaded = true
	data, err := dms.ReadFile(c.fs, CatalogFile, MaxCatalog)
	if err != nil {
		return
	}
	c.created = parseCatalog(string(data))
}

// parseCatalog reads the catalog's lines; a malformed one makes the whole
// catalog unusable (an empty map), never half read.
func parseCatalog(s string) map[string]time.Time {
	out := map[string]time.Time{}
	if s == "" {
		return out
	}
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		name, stamp, ok := strings.Cut(line, " ")
		t, err := time.Parse(time.RFC3339, stamp)
		if !ok || err != nil || !validFile(name) || name != strings.ToUpper(name) {
			return map[string]time.Time{}
		}
		out[name] = t.UTC()
	}
	return out
}

func formatCatalog(m map[string]time.Time) []byte {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		b.WriteString(n + " " + m[n].UTC().Format(time.RFC3339) + "\n")
	}
	return []byte(b.String())
}

// save replaces the catalog file. A failure leaves the old catalog, so
// at worst a creation date is unknown; it does not fail the command.
func (c *attrCatalog) save() {
	if len(c.created) == 0 {
		if err := dms.Remove(c.fs, CatalogFile); err == nil {
			return
		}
	}
	dms.WriteFile(c.fs, CatalogFile, formatCatalog(c.created))
}

func (c *attrCatalog) creation(name string) (time.Time, bool) {
	c.load()
	t, ok := c.created[name]
	return t, ok
}

// created records that a file was created (or replaced by a copy) now.
func (c *attrCatalog) createdAt(name string, t time.Time) {
	c.load()
	c.created[name] = t
	c.save()
}

func (c *attrCatalog) removed(name string) {
	c.load()
	if _, ok := c.created[name]; ok {
		delete(c.created, name)
		c.save()
	}
}

func (c *attrCatalog) renamed(from, to string) {
	c.load()
	t, ok := c.created[from]
	delete(c.created, from)
	delete(c.created, to)
	if ok {
		c.created[to] = t
	}
	c.save()
}
