package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"sdfp/lexer"
)

// jsonFinding is the --format json form of one finding.
type jsonFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func (c *cli) check(args []string) int {
	fs := flag.NewFlagSet("sdfp check", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	format := fs.String("format", "text", "output format: text or json")
	instFile := fs.String("installation", "", "installation file whose site commands the procedures may use")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: sdfp check [--format text|json] [--installation FILE] FILE...")
		fmt.Fprintln(c.stderr, "Reports syntax errors, unknown commands and operands, misnested blocks,")
		fmt.Fprintln(c.stderr, "bad branch targets and builtin calls without running anything.")
		fmt.Fprintln(c.stderr, "Exit status: 0 clean, 1 findings, 2 usage error.")
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(c.stderr, "sdfp check: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	inst, err := installation(*instFile)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp check: %v\n", err)
		return exitUsage
	}
	chk := checker(inst)
	lim := chk.Parser.FileLimits()
	all := []jsonFinding{}
	count := 0
	for _, file := range fs.Args() {
		src, err := readSource(file, lim)
		if err != nil {
			fmt.Fprintf(c.stderr, "sdfp check: %v\n", err)
			return exitUsage
		}
		findings, omitted := chk.Source(file, src)
		count += len(findings) + omitted
		for _, f := range findings {
			if *format == "json" {
				all = append(all, jsonFinding{File: f.Pos.Filename, Line: f.Pos.Line, Column: f.Pos.Column,
					Code: f.Code, Severity: f.Severity.String(), Message: f.Msg})
				continue
			}
			printFinding(c, f, src)
		}
		if omitted > 0 {
			note := omittedNote(omitted, lim.Findings)
			if *format == "json" {
				all = append(all, jsonFinding{File: file, Severity: "note", Message: note})
			} else {
				fmt.Fprintf(c.stdout, "%s: %s\n", file, note)
			}
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(all)
	} else if count > 0 {
		fmt.Fprintf(c.stdout, "%d finding(s)\n", count)
	}
	if count > 0 {
		return exitFindings
	}
	return exitOK
}

// omittedNote says how many findings of a file are not shown.
func omittedNote(n, max int) string {
	return fmt.Sprintf("%d more finding(s) not shown (at most %d are reported per file)", n, max)
}

// readSource reads a procedure file given on the command line: a regular
// file only (a FIFO or a device would block or never end), and no more
// than one byte over the size limit, which the reader then reports as a
// finding of the file.
func readSource(name string, lim lexer.Limits) (string, error) {
	// stat before opening: opening a FIFO blocks until a writer comes
	if info, err := os.Stat(name); err != nil {
		return "", err
	} else if !info.Mode().IsRegular() {
		return "", fmt.Errorf("%s: not a regular file", name)
	}
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", err
	}
	if !info.Mode().IsRegular() { // replaced since the first look
		return "", fmt.Errorf("%s: not a regular file", name)
	}
	var r io.Reader = f
	if lim.FileBytes > 0 {
		r = io.LimitReader(f, int64(lim.FileBytes)+1)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

func printFinding(c *cli, f *lexer.Error, src string) {
	sev := ""
	if f.Severity == lexer.SevWarning {
		sev = "warning: "
	}
	fmt.Fprintf(c.stdout, "%s: %s%s %s\n", lexer.FormatPos(f.Pos), sev, f.Code, f.Msg)
	fmt.Fprint(c.stdout, f.Snippet(src))
}
