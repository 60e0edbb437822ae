package main

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
	"sdfp/hypervisor/bs2000/world"
)

// dryRunWrite is one file a dry run would have written: the "writes"
// entries of the JSON dry-run event.
type dryRunWrite struct {
	Path  string `json:"path"`
	Bytes int64  `json:"bytes"`
	// New: the workdir has no such file yet; Content is then what it
	// would hold.
	New     bool   `json:"new"`
	Content string `json:"content,omitempty"`
	// Diff: a unified diff (go-internal/diff, LCS) from the workdir's
	// file to what the run would have written; empty when unchanged.
	Diff string `json:"diff,omitempty"`
	// Binary: the content is not UTF-8 text and is not shown.
	Binary bool `json:"binary,omitempty"`
	// Unchanged: the run would write the file with the content it has.
	Unchanged bool `json:"unchanged,omitempty"`
}

// maxDryRunShown caps the content and the old file read for a diff, so
// that a dry run's event stays of a size a pipeline can take.
const maxDryRunShown = 1 << 20

// dryRunWriteOf describes the file p as the dry run left it (end)
// against the same file of the workdir (root).
func dryRunWriteOf(root, end afero.Fs, p string, size int64) dryRunWrite {
	w := dryRunWrite{Path: p, Bytes: size}
	data, err := dms.ReadFile(end, p, maxDryRunShown)
	if err != nil {
		return w // too large to show: the size says enough
	}
	old, oldErr := dms.ReadFile(root, p, maxDryRunShown)
	if oldErr == nil && bytes.Equal(old, data) {
		w.Unchanged = true
		return w
	}
	if !utf8.Valid(data) {
		w.Binary = true
		return w
	}
	switch {
	case oldErr != nil:
		if ok, _ := afero.Exists(root, p); ok {
			return w // there, but unreadable or too large: no diff
		}
		w.New, w.Content = true, string(data)
	case !utf8.Valid(old):
		w.Binary = true
	default:
		w.Diff = string(diff.Diff("workdir/"+p, old, "dry-run/"+p, data))
	}
	return w
}

// dryRunChanges is what the dry run would have changed in the workdir
// (root): the files it would have written, each against the workdir's,
// and the workdir's files it would have removed. Besides what the run
// wrote and removed, a plain run undoes the run before it (undone: the
// dry run read the workdir with that undo done in memory), so then every
// file of the workdir and of the view it started from is compared too.
// Names starting with "." (spares, temporary files, the file catalog)
// and .sdfp/ are the runs' own and not listed.
func dryRunChanges(root afero.Fs, dry *world.DryFS, undone bool) (writes []dryRunWrite, removed []string) {
	paths := map[string]bool{}
	add := func(fsys afero.Fs) {
		afero.Walk(fsys, ".", func(p string, info os.FileInfo, err error) error {
			p = strings.TrimPrefix(filepath.ToSlash(p), "/")
			switch {
			case err != nil:
			case p == world.Dir:
				return filepath.SkipDir
			case !info.IsDir() && !strings.HasPrefix(path.Base(p), "."):
				paths[p] = true
			}
			return nil
		})
	}
	add(dry.Layer())
	for _, p := range dry.Removed() {
		if !strings.HasPrefix(path.Base(p), ".") {
			paths[p] = true
		}
	}
	if undone {
		add(root)
		add(dry)
	}
	for p := range paths {
		end, endErr := dms.Lstat(dry, p)
		_, rootErr := dms.Lstat(root, p)
		switch {
		case endErr == nil && !end.IsDir():
			_, written := dry.Layer().Stat(p)
			if w := dryRunWriteOf(root, dry, p, end.Size()); !w.Unchanged || written == nil {
				writes = append(writes, w) // a file the run wrote again unchanged is a write all the same
			}
		case endErr != nil && rootErr == nil:
			removed = append(removed, p)
		}
	}
	sort.Slice(writes, func(i, j int) bool { return writes[i].Path < writes[j].Path })
	sort.Strings(removed)
	return writes, removed
}
