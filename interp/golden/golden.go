// Package golden runs golden test cases: one txtar archive per case with
// the procedure (and any procedures it calls or input it reads) and the
// expected results side by side. The same cases run under `go test` and
// `sdfp test`.
//
// Sections of a case:
//
//	*.proc          procedure files; the first one (or main.proc) is run
//	args            procedure parameters, one NAME=VALUE (or VALUE) per line
//	stdin           what READ-VARIABLE reads
//	sysout          expected SYSOUT
//	result          expected end of the run (return code or error)
//	syslst:NAME     expected contents of file NAME written by the run
//
// Expected sections are compared byte for byte. Update rewrites the
// expected sections from a run; it is only called with an explicit flag.
package golden

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/spf13/afero"

	"sdfp/interp"
)

// Case is one golden test case.
type Case struct {
	Path    string
	Archive *txtar.Archive
}

// Load reads a case file.
func Load(path string) (*Case, error) {
	a, err := txtar.ParseFile(path)
	if err != nil {
		return nil, err
	}
	return &Case{Path: path, Archive: a}, nil
}

// Glob loads every *.txtar case below dir, sorted by path.
func Glob(dir string) ([]*Case, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txtar") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	cases := make([]*Case, 0, len(paths))
	for _, p := range paths {
		c, err := Load(p)
		if err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	return cases, nil
}

func (c *Case) section(name string) (string, bool) {
	for _, f := range c.Archive.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

// mainProc is the procedure a case runs.
func (c *Case) mainProc() string {
	first := ""
	for _, f := range c.Archive.Files {
		if strings.HasSuffix(f.Name, ".proc") {
			if f.Name == "main.proc" {
				return f.Name
			}
			if first == "" {
				first = f.Name
			}
		}
	}
	return first
}

// Outcome is what a run produced, by section name.
type Outcome map[string]string

// Run runs a case in isolation: its own in-memory file system, output
// buffers and fixed clock.
func (c *Case) Run(ctx context.Context) (Outcome, error) {
	proc := c.mainProc()
	if proc == "" {
		return nil, fmt.Errorf("%s: no .proc section", c.Path)
	}
	fs := afero.NewMemMapFs()
	for _, f := range c.Archive.Files {
		if strings.HasSuffix(f.Name, ".proc") {
			if err := afero.WriteFile(fs, f.Name, f.Data, 0o644); err != nil {
				return nil, err
			}
		}
	}
	var sysout bytes.Buffer
	stdin, _ := c.section("stdin")
	args, _ := c.section("args")
	r := interp.New(
		interp.WithFS(fs),
		interp.WithStdout(&sysout),
		interp.WithStdin(strings.NewReader(stdin)),
		interp.WithStepLimit(1_000_000),
	)
	res := r.RunFile(ctx, proc, parseArgs(args))
	out := Outcome{"sysout": sysout.String(), "result": describe(res)}
	for _, f := range c.Archive.Files {
		if name, ok := strings.CutPrefix(f.Name, "syslst:"); ok {
			data, err := afero.ReadFile(fs, name)
			if err != nil {
				out[f.Name] = fmt.Sprintf("(file %s not written: %v)\n", name, err)
				continue
			}
			out[f.Name] = string(data)
		}
	}
	return out, nil
}

func parseArgs(text string) []interp.Param {
	var ps []interp.Param
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "'") {
			ps = append(ps, interp.Param{Name: strings.ToUpper(strings.TrimSpace(k)), Value: strings.TrimSpace(v)})
		} else {
			ps = append(ps, interp.Param{Value: line})
		}
	}
	return ps
}

// describe renders how a run ended.
func describe(res interp.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "rc %s\n", res.RC)
	if res.Err != nil {
		fmt.Fprintf(&b, "error %s\n", res.Err)
	}
	return b.String()
}

// Diff compares an outcome with the case's expected sections and returns
// one message per differing section (empty when the case passes).
func (c *Case) Diff(out Outcome) []string {
	var diffs []string
	for _, name := range c.expected() {
		want, _ := c.section(name)
		got := out[name]
		if got != want {
			diffs = append(diffs, fmt.Sprintf("section %s differs:\n%s", name, LineDiff(want, got)))
		}
	}
	return diffs
}

// expected lists the expected sections of the case; sysout and result are
// always expected.
func (c *Case) expected() []string {
	names := []string{"sysout", "result"}
	for _, f := range c.Archive.Files {
		if strings.HasPrefix(f.Name, "syslst:") {
			names = append(names, f.Name)
		}
	}
	return names
}

// Update rewrites the expected sections from an outcome and saves the case.
func (c *Case) Update(out Outcome) error {
	for _, name := range c.expected() {
		found := false
		for i := range c.Archive.Files {
			if c.Archive.Files[i].Name == name {
				c.Archive.Files[i].Data = []byte(out[name])
				found = true
			}
		}
		if !found {
			c.Archive.Files = append(c.Archive.Files, txtar.File{Name: name, Data: []byte(out[name])})
		}
	}
	return os.WriteFile(c.Path, txtar.Format(c.Archive), 0o644)
}

// LineDiff renders the differing lines of two texts, marked - (want) and
// + (got), with their line numbers.
func LineDiff(want, got string) string {
	w := strings.SplitAfter(want, "\n")
	g := strings.SplitAfter(got, "\n")
	var b strings.Builder
	n := len(w)
	if len(g) > n {
		n = len(g)
	}
	shown := 0
	for i := 0; i < n && shown < 20; i++ {
		var a, x string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			x = g[i]
		}
		if a == x {
			continue
		}
		shown++
		if i < len(w) {
			fmt.Fprintf(&b, "%4d - %s", i+1, strings.TrimSuffix(a, "\n")+"\n")
		}
		if i < len(g) {
			fmt.Fprintf(&b, "%4d + %s", i+1, strings.TrimSuffix(x, "\n")+"\n")
		}
	}
	return b.String()
}
