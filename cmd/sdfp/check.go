package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"

	"sdfp/lexer"
	"sdfp/parser/check"
)

// jsonFinding is the --format json form of one finding. EndLine and
// EndColumn are the position just after the word the finding points at
// (exclusive, as in SARIF); a note has neither.
type jsonFinding struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine,omitempty"`
	EndColumn int    `json:"endColumn,omitempty"`
	Code      string `json:"code"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
}

// checkFormats are the values of --format.
var checkFormats = []string{"text", "json", "sarif", "github"}

// warningModes are the values of --warnings: leave warnings out, report
// them (exit 0 if there are only warnings), or report them and exit 1.
var warningModes = []string{"off", "on", "error"}

// checkedFile is one file's report with what printing it needs.
type checkedFile struct {
	name, src string
	report    check.Report
}

// checkTotals counts the findings of all files by severity.
type checkTotals struct{ errors, warnings, suppressed int }

func (t *checkTotals) add(r check.Report) {
	for _, f := range r.Findings {
		if f.Severity == lexer.SevWarning {
			t.warnings++
		} else {
			t.errors++
		}
	}
	t.warnings += r.OmittedWarnings
	t.errors += r.Omitted - r.OmittedWarnings
	t.suppressed += r.Suppressed
}

// summary is the line printed on stderr after the findings, also when
// there are none: "2 errors, 1 warning", "0 errors, 0 warnings", with
// ", 3 suppressed" when sdfp:ignore comments kept findings out.
func (t checkTotals) summary(warnings string) string {
	s := count(t.errors, "error")
	if warnings == "off" {
		s += " (warnings off)"
	} else {
		s += ", " + count(t.warnings, "warning")
	}
	if t.suppressed > 0 {
		s += fmt.Sprintf(", %d suppressed", t.suppressed)
	}
	return s
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func (c *cli) check(args []string) int {
	fs := flag.NewFlagSet("sdfp check", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	format := fs.String("format", "text", "output format: text, json, sarif (SARIF 2.1.0, for GitHub code scanning) or github (workflow annotations)")
	warnings := fs.String("warnings", "on", "warnings: off (not reported), on (reported; exit 1 only for errors) or error (exit 1 for warnings too)")
	instFile := fs.String("installation", "", "installation file whose site commands the procedures may use")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: sdfp check [--format text|json|sarif|github] [--warnings off|on|error] [--installation FILE] FILE...")
		fmt.Fprintln(c.stderr, "Reports syntax errors, unknown commands and operands, misnested blocks,")
		fmt.Fprintln(c.stderr, "bad branch targets and builtin calls without running anything; findings on")
		fmt.Fprintln(c.stderr, "stdout, the summary \"N errors, M warnings\" on stderr. An SDF comment")
		fmt.Fprintln(c.stderr, "\"sdfp:ignore [KEY,...]\" on a line, or alone on the line before, suppresses its findings.")
		fmt.Fprintln(c.stderr, "Exit status: 0 no errors, 1 errors (or warnings with --warnings=error), 2 usage error.")
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if !slices.Contains(checkFormats, *format) {
		fmt.Fprintf(c.stderr, "sdfp check: --format must be text, json, sarif or github, not %q\n", *format)
		return exitUsage
	}
	if !slices.Contains(warningModes, *warnings) {
		fmt.Fprintf(c.stderr, "sdfp check: --warnings must be off, on or error, not %q\n", *warnings)
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
	chk.NoWarnings = *warnings == "off"
	lim := chk.Parser.FileLimits()
	var files []checkedFile
	var totals checkTotals
	for _, file := range fs.Args() {
		src, err := readSource(file, lim)
		if err != nil {
			fmt.Fprintf(c.stderr, "sdfp check: %v\n", err)
			return exitUsage
		}
		r := chk.Check(file, src)
		totals.add(r)
		files = append(files, checkedFile{name: file, src: src, report: r})
	}
	switch *format {
	case "json":
		writeJSONFindings(c.stdout, files, lim.Findings)
	case "sarif":
		writeSARIF(c.stdout, files, lim.Findings)
	case "github":
		writeGitHub(c.stdout, files, lim.Findings)
	default:
		for _, f := range files {
			for _, e := range f.report.Findings {
				printFinding(c, e, f.src)
			}
			if n := f.report.Omitted; n > 0 {
				fmt.Fprintf(c.stdout, "%s: %s\n", f.name, omittedNote(n, lim.Findings))
			}
		}
	}
	fmt.Fprintln(c.stderr, totals.summary(*warnings))
	if totals.errors > 0 || *warnings == "error" && totals.warnings > 0 {
		return exitFindings
	}
	return exitOK
}

// writeJSONFindings writes the findings of all files as one JSON array;
// a file's omitted findings are an entry of severity "note" at line 0.
func writeJSONFindings(w io.Writer, files []checkedFile, max int) {
	all := []jsonFinding{}
	for _, f := range files {
		for _, e := range f.report.Findings {
			end := findingEnd(f.src, e)
			all = append(all, jsonFinding{File: e.Pos.Filename, Line: e.Pos.Line, Column: e.Pos.Column,
				EndLine: end.Line, EndColumn: end.Column, Code: e.Code, Severity: e.Severity.String(), Message: e.Msg})
		}
		if n := f.report.Omitted; n > 0 {
			all = append(all, jsonFinding{File: f.name, Severity: "note", Message: omittedNote(n, max)})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(all)
}

// findingEnd is the end of the word a finding points at; a finding about
// the whole file ends where it starts.
func findingEnd(src string, e *lexer.Error) lexer.Pos {
	if e.Whole {
		return e.Pos
	}
	return lexer.End(src, e.Pos)
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
