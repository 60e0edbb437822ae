package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"sdfp/hypervisor/bs2000/dms"
)

// The lcov tracefile of `sdfp test --lcov FILE` (the format of the Linux
// Test Project's geninfo(1), which genhtml(1) renders): one record per
// procedure file, SF naming it by absolute path so that genhtml finds the
// source wherever it runs. A procedure embedded in a case has no file of
// its own; it is written to the sources directory next to FILE (FILE
// without its extension, plus "-sources") as CASE-PATH/SECTION, and the
// record names that copy. Each decision is a BRDA block of two branches:
// an IF or ELSE-IF condition true (0) and false (1); an IF-CMD-ERROR or
// IF-BLOCK-ERROR ran for an error (0) and was passed by without one (1).

// coverSourcesMarker marks a sources directory as sdfp's, so that a later
// run may empty it; a directory without it is never touched.
const coverSourcesMarker = ".sdfp-cover-sources"

// lcovSourcesDir is the directory the embedded procedures of an lcov
// file are written to.
func lcovSourcesDir(lcov string) string {
	return strings.TrimSuffix(lcov, filepath.Ext(lcov)) + "-sources"
}

// writeLcov writes the tracefile, and the embedded procedures it names to
// the sources directory.
func writeLcov(path string, files []*coverFile) error {
	dir := lcovSourcesDir(path)
	embedded := false
	for _, f := range files {
		embedded = embedded || f.path == ""
	}
	if embedded {
		if err := writeCoverSources(dir, files); err != nil {
			return err
		}
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, f := range files {
		sf := f.path
		if sf == "" {
			sf = filepath.Join(absDir, embeddedName(f))
		}
		fmt.Fprintf(&b, "TN:\nSF:%s\n", sf)
		lcovBranches(&b, f)
		hit := 0
		for _, l := range f.lines {
			n := f.hits[l]
			if n > 0 {
				hit++
			}
			fmt.Fprintf(&b, "DA:%d,%d\n", l, n)
		}
		fmt.Fprintf(&b, "LF:%d\nLH:%d\nend_of_record\n", len(f.lines), hit)
	}
	return dms.WriteHostFile(path, []byte(b.String()))
}

// lcovBranches writes a file's BRDA records and their totals. Blocks are
// numbered per line, for commands that share one.
func lcovBranches(b *strings.Builder, f *coverFile) {
	if len(f.decisions) == 0 {
		return
	}
	found, hit := 0, 0
	block, line := 0, 0
	for _, d := range f.decisions {
		if d.pos.line == line {
			block++
		} else {
			block, line = 0, d.pos.line
		}
		taken, not := f.counts(d)
		for i, n := range []int{taken, not} {
			count := "-" // the decision was never made
			if taken+not > 0 {
				count = fmt.Sprint(n)
			}
			if n > 0 {
				hit++
			}
			found++
			fmt.Fprintf(b, "BRDA:%d,%d,%d,%s\n", d.pos.line, block, i, count)
		}
	}
	fmt.Fprintf(b, "BRF:%d\nBRH:%d\n", found, hit)
}

// embeddedName is where an embedded procedure is written below the sources
// directory: the case's path (made relative, without any ..) and the
// section's name.
func embeddedName(f *coverFile) string {
	c := filepath.Clean(f.casePath)
	if !filepath.IsLocal(c) {
		if abs, err := filepath.Abs(c); err == nil {
			c = abs
		}
		c = strings.TrimLeft(strings.TrimPrefix(c, filepath.VolumeName(c)), `/\`)
	}
	s := filepath.FromSlash(f.section)
	if !filepath.IsLocal(s) {
		s = strings.NewReplacer("/", "_", `\`, "_", "..", "__").Replace(f.section)
	}
	return filepath.Join(c, s)
}

// writeCoverSources writes the embedded procedures below dir, emptying a
// sources directory of an earlier run first. A directory that is not
// sdfp's (no marker) and not empty is refused, and nothing is written
// outside dir: it is opened with os.Root.
func writeCoverSources(dir string, files []*coverFile) error {
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s: exists and is not a directory; the embedded procedures are written there", dir)
	default:
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		if _, err := os.Lstat(filepath.Join(dir, coverSourcesMarker)); err != nil && len(entries) > 0 {
			return fmt.Errorf("%s: exists and was not written by sdfp test --lcov; remove it or choose another --lcov file", dir)
		}
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	if err := root.WriteFile(coverSourcesMarker, []byte("written by sdfp test --lcov; emptied by its next run\n"), 0o644); err != nil {
		return err
	}
	for _, f := range files {
		if f.path != "" {
			continue
		}
		name := embeddedName(f)
		if err := root.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := root.WriteFile(name, f.data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
