package golden

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"sdfp/lexer"
	"sdfp/parser/format"
)

// TestFormatKeepsRuns runs every golden case of testdata/ and every
// procedure of procs/ as it is and formatted (sdfp fmt, with and without
// --expand, at the default width and at a narrow one), and compares the
// two runs: SYSOUT, the result, the console, SYSLST and the other files
// the case looks at, and job variables. They must be the same bytes but
// for what formatting moves by its nature, taken out of both runs first:
// the columns of positions (indentation moves them); line numbers where a
// command left its line (a line of several commands split, a long command
// broken; TestLinesKept in parser/format holds that otherwise every
// command keeps its line); with --expand, the command text of procedure
// log records, which shows the command as written; and the size of a
// formatted procedure's own file where a procedure lists it. A procedure
// the formatter refuses with a reading problem (a case about one) runs
// unformatted; one it refuses as changed fails the test.
func TestFormatKeepsRuns(t *testing.T) {
	cases, err := Glob("../../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range procsToRun(t) {
		cases = append(cases, p)
	}
	variants := []struct {
		name string
		opts format.Options
	}{
		{"plain", format.Options{}},
		{"expand", format.Options{Expand: true}},
		{"narrow", format.Options{Width: 30}},
	}
	for _, c := range cases {
		for _, v := range variants {
			t.Run(c.Name+"/"+v.name, func(t *testing.T) {
				t.Parallel()
				fc, moved, n, names := formattedCase(t, c, v.opts)
				if n == 0 {
					t.Skip("no procedure of the case could be formatted")
				}
				want, err := c.Run(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				got, err := fc.Run(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				keys := outcomeKeys(want, got)
				for _, k := range keys {
					w, g := want[k], got[k]
					if moved {
						w, g = withoutPositions(w), withoutPositions(g)
					} else {
						w, g = withoutColumns(w), withoutColumns(g)
					}
					if v.opts.Expand {
						w, g = withoutLogText(w), withoutLogText(g)
					}
					w, g = withoutOwnSize(w, names), withoutOwnSize(g, names)
					if w != g {
						t.Errorf("%s differs after formatting (lines moved: %v):\n%s", k, moved, LineDiff(w, g))
					}
				}
			})
		}
	}
}

// procsToRun makes a case of each procedure of procs/ that runs by
// itself (nightly.proc needs the migrate.proc beside it).
func procsToRun(t *testing.T) []*Case {
	paths, err := filepath.Glob("../../../procs/*.proc")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no procedures in procs/: %v", err)
	}
	var out []*Case
	for _, p := range paths {
		ref := p
		if filepath.Base(p) == "nightly.proc" {
			ref += "\n../../../procs/migrate.proc"
		}
		out = append(out, &Case{Path: "case.txtar", Name: "procs/" + filepath.Base(p), Archive: &txtar.Archive{
			Files: []txtar.File{{Name: "proc-file", Data: []byte(ref)}},
		}})
	}
	return out
}

// formattedCase returns a copy of c whose procedures are formatted: its
// .proc sections, the file: sections that read as procedures, and the
// files of its proc-file section, which are written to a directory of
// the test in the place the section names them, relative to a copy of
// the case there. moved reports whether a command of any of them left its
// line; n counts the procedures formatted, names are their file names.
func formattedCase(t *testing.T, c *Case, opts format.Options) (fc *Case, moved bool, n int, names []string) {
	dir := t.TempDir()
	caseDir, err := filepath.Abs(filepath.Dir(c.Path))
	if err != nil {
		t.Fatal(err)
	}
	root := caseDir
	for strings.Count(root, string(filepath.Separator)) > 1 && filepath.Base(root) != "" {
		// the nearest directory above the case that holds go.mod: the
		// repository, which the case's paths stay inside
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		root = filepath.Dir(root)
	}
	rel, err := filepath.Rel(root, caseDir)
	if err != nil {
		t.Fatal(err)
	}
	a := &txtar.Archive{Comment: c.Archive.Comment}
	try := func(name string, data []byte) []byte {
		out, err := format.Source(name, string(data), opts)
		var fe *format.Error
		if errors.As(err, &fe) && len(fe.Problems) == 0 {
			t.Errorf("%s: %v", c.Path, err) // formatting would have changed the procedure
		}
		if err != nil {
			return data
		}
		n++
		names = append(names, filepath.Base(strings.TrimPrefix(name, "file:")))
		if linesMoved(name, string(data), out) {
			moved = true
		}
		return []byte(out)
	}
	for _, f := range c.Archive.Files {
		data := f.Data
		switch {
		case strings.HasSuffix(f.Name, ".proc"), strings.HasPrefix(f.Name, "file:") && strings.HasPrefix(string(data), "/"):
			data = try(f.Name, data)
		case f.Name == "proc-file" || f.Name == "installation-file":
			for _, line := range strings.Split(string(f.Data), "\n") {
				if line = strings.TrimSpace(line); line == "" {
					continue
				}
				src := filepath.Join(caseDir, line)
				b, err := os.ReadFile(src)
				if err != nil {
					t.Fatal(err)
				}
				if f.Name == "proc-file" {
					b = try(line, b)
				}
				to, err := filepath.Rel(root, src)
				if err != nil || strings.HasPrefix(to, "..") {
					t.Fatalf("%s: %s lies outside the repository", c.Path, line)
				}
				dst := filepath.Join(dir, to)
				if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(dst, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		a.Files = append(a.Files, txtar.File{Name: f.Name, Data: data})
	}
	return &Case{Path: filepath.Join(dir, rel, filepath.Base(c.Path)), Name: c.Name, Archive: a}, moved, n, names
}

// withoutOwnSize takes out the size of the formatted procedures' own
// files where a procedure lists them (SHOW-FILE-ATTRIBUTES: the pages in
// front of the name, and the pages of the summary line): formatting
// makes a file longer or shorter, and a procedure that looks at its own
// file sees that (procs/nightly.proc).
func withoutOwnSize(s string, names []string) string {
	for _, n := range names {
		re := regexp.MustCompile(`(?m)^%\d{10}( :\w+:\$\w+\.` + regexp.QuoteMeta(strings.ToUpper(n)) + `)$`)
		if re.MatchString(s) {
			s = re.ReplaceAllString(s, "%##########$1")
			s = regexp.MustCompile(`(FILES RES= *)\d+`).ReplaceAllString(s, "$1#")
		}
	}
	return s
}

// linesMoved reports whether a unit of the formatted text starts on
// another line than it did.
func linesMoved(name, before, after string) bool {
	b, _ := lexer.Read(name, before)
	a, _ := lexer.Read(name, after)
	if len(a) != len(b) {
		return true
	}
	for i := range b {
		if b[i].Pos().Line != a[i].Pos().Line {
			return true
		}
	}
	return false
}

func outcomeKeys(a, b Outcome) []string {
	all := maps.Clone(a)
	maps.Copy(all, b)
	return slices.Sorted(maps.Keys(all))
}

var (
	// file:line:col and line:col as errors print them
	filePos = regexp.MustCompile(`(\.proc|\.txtar|[A-Za-z0-9_.-]+):\d+:\d+`)
	// the level and line number in front of a procedure log record
	logRecord = regexp.MustCompile(`(?m)^( *\d+) +\d+ /`)
)

// withoutColumns takes the column numbers out of a run's text.
func withoutColumns(s string) string {
	return filePos.ReplaceAllStringFunc(s, func(p string) string { return p[:strings.LastIndexByte(p, ':')] + ":C" })
}

// withoutPositions takes line and column numbers out of a run's text.
func withoutPositions(s string) string {
	s = filePos.ReplaceAllString(s, "$1:L:C")
	return logRecord.ReplaceAllString(s, "$1 L /")
}

// withoutLogText takes the command text out of procedure log records:
// --expand writes the command in full, and the log shows it as written.
func withoutLogText(s string) string {
	return regexp.MustCompile(`(?m)^( *\d+ +(\d+|L) /).*$`).ReplaceAllString(s, "$1...")
}
