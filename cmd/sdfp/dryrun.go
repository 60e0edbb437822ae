package main

import (
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/dms"
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
}

// maxDryRunShown caps the content and the old file read for a diff, so
// that a dry run's event stays of a size a pipeline can take.
const maxDryRunShown = 1 << 20

// dryRunWriteOf describes the file p of the overlay against the same
// file of the workdir (root).
func dryRunWriteOf(root, overlay afero.Fs, p string, size int64) dryRunWrite {
	w := dryRunWrite{Path: p, Bytes: size}
	data, err := dms.ReadFile(overlay, p, maxDryRunShown)
	if err != nil {
		return w // too large to show: the size says enough
	}
	if !utf8.Valid(data) {
		w.Binary = true
		return w
	}
	old, err := dms.ReadFile(root, p, maxDryRunShown)
	switch {
	case err != nil:
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
