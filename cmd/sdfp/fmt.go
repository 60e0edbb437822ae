package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/rogpeppe/go-internal/diff"

	"sdfp/hypervisor/bs2000/dms"
	"sdfp/lexer"
	"sdfp/parser/format"
)

// fmt writes procedures in their canonical form (package parser/format):
// to stdout, or with -w back into the files, -d as a unified diff, -l as
// the names of the files that would change. A file that cannot be read or
// formatted is reported with its position and leaves the exit status 2;
// the other files are still formatted.
func (c *cli) fmt(args []string) int {
	fs := flag.NewFlagSet("fmt", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	write := fs.Bool("w", false, "write the canonical form back into each file that changes (replaced atomically)")
	showDiff := fs.Bool("d", false, "print a unified diff of each file that changes")
	list := fs.Bool("l", false, "list the files that would change")
	expand := fs.Bool("expand", false, "write command names, operand names and keyword values in full")
	width := fs.Int("width", format.DefaultWidth, "the line width continuation lines are made for")
	instFile := fs.String("installation", "", "installation file whose site commands the procedures may use")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: sdfp fmt [-w] [-d] [-l] [--expand] [--width N] [--installation FILE] [FILE...]  (no FILE: standard input to standard output)")
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if *width < 20 || fs.NArg() == 0 && *write {
		if *width < 20 {
			fmt.Fprintln(c.stderr, "sdfp fmt: --width must be at least 20")
		} else {
			fmt.Fprintln(c.stderr, "sdfp fmt: -w needs files to write")
		}
		fs.Usage()
		return exitUsage
	}
	inst, err := installation(*instFile)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp fmt: %v\n", err)
		return exitUsage
	}
	opts := format.Options{Width: *width, Expand: *expand, Catalog: catalogFor(inst)}
	if fs.NArg() == 0 {
		// a procedure on standard input, formatted to standard output:
		// for an editor's filter
		b, err := io.ReadAll(io.LimitReader(c.stdin, int64(lexer.DefaultLimits.FileBytes)+1))
		if err != nil {
			fmt.Fprintf(c.stderr, "sdfp fmt: %v\n", err)
			return exitUsage
		}
		if !c.fmtSource("<stdin>", string(b), opts, false, *showDiff, *list) {
			return exitUsage
		}
		return exitOK
	}
	code := exitOK
	for _, file := range fs.Args() {
		if !c.fmtFile(file, opts, *write, *showDiff, *list) {
			code = exitUsage
		}
	}
	return code
}

// fmtFile formats one file as the flags ask; false when it could not.
func (c *cli) fmtFile(file string, opts format.Options, write, showDiff, list bool) bool {
	src, err := readSource(file, lexer.DefaultLimits)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp fmt: %v\n", err)
		return false
	}
	return c.fmtSource(file, src, opts, write, showDiff, list)
}

// fmtSource formats the text of one file as the flags ask.
func (c *cli) fmtSource(file, src string, opts format.Options, write, showDiff, list bool) bool {
	out, err := format.Source(file, src, opts)
	if err != nil {
		var fe *format.Error
		if errors.As(err, &fe) && len(fe.Problems) > 0 {
			for _, p := range fe.Problems {
				fmt.Fprintf(c.stderr, "%s\n", p.Error())
			}
			fmt.Fprintf(c.stderr, "sdfp fmt: %s: not formatted\n", file)
			return false
		}
		fmt.Fprintf(c.stderr, "sdfp fmt: %v\n", err)
		return false
	}
	changed := out != src
	if !write && !showDiff && !list {
		fmt.Fprint(c.stdout, out)
		return true
	}
	if !changed {
		return true
	}
	if list {
		fmt.Fprintln(c.stdout, file)
	}
	if showDiff {
		c.stdout.Write(diff.Diff(file+".orig", []byte(src), file, []byte(out)))
	}
	if write {
		if err := rewriteProcedure(file, []byte(out)); err != nil {
			fmt.Fprintf(c.stderr, "sdfp fmt: %v\n", err)
			return false
		}
	}
	return true
}

// rewriteProcedure puts data in place of the file atomically, keeping
// the permissions of the procedure it rewrites (dms.ReplaceHostFile). A
// link is followed: the file it names is replaced, and the link stays.
func rewriteProcedure(name string, data []byte) error {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	return dms.ReplaceHostFile(target, data, info.Mode().Perm())
}
