package main

import (
	"context"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"sdfp/cmd/internal/golden"
)

// caseResult is the outcome of one golden case.
type caseResult struct {
	c     *golden.Case
	diffs []string
	err   error
	took  time.Duration
}

func (c *cli) test(args []string) int {
	fs := flag.NewFlagSet("sdfp test", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	update := fs.Bool("update", false, "rewrite the expected sections of the cases from this run")
	junit := fs.String("junit", "", "write a JUnit XML report to this file")
	cover := fs.Bool("cover", false, "print which procedure lines, branches and error handlers ran")
	lcov := fs.String("lcov", "", "write line and branch coverage in lcov format to this file (procedures embedded in cases are copied to a directory beside it, FILE's name without extension plus -sources)")
	jobs := fs.Int("j", runtime.NumCPU(), "cases run in parallel")
	verbose := fs.Bool("v", false, "list every case")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: sdfp test [flags] [DIR|FILE.txtar ...]   (default: testdata)")
		fmt.Fprintln(c.stderr, "Runs golden test cases (txtar files) and compares their output byte for byte.")
		fmt.Fprintln(c.stderr, "Exit status: 0 all passed, 1 failures, 2 usage error.")
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"testdata"}
	}
	var cases []*golden.Case
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(c.stderr, "sdfp test: %v\n", err)
			return exitUsage
		}
		if info.IsDir() {
			cs, err := golden.Glob(p)
			if err != nil {
				fmt.Fprintf(c.stderr, "sdfp test: %v\n", err)
				return exitUsage
			}
			cases = append(cases, cs...)
			continue
		}
		cs, err := golden.Load(p)
		if err != nil {
			fmt.Fprintf(c.stderr, "sdfp test: %v\n", err)
			return exitUsage
		}
		cases = append(cases, cs)
	}
	if len(cases) == 0 {
		fmt.Fprintln(c.stderr, "sdfp test: no test cases found")
		return exitUsage
	}
	if *jobs < 1 {
		*jobs = 1
	}
	var cov *coverage
	if *cover || *lcov != "" {
		cov = newCoverage(cases)
	}
	results := runCases(cases, *jobs, *update, cov)
	passed, failed := 0, 0
	for _, r := range results {
		switch {
		case r.err != nil:
			failed++
			fmt.Fprintf(c.stdout, "FAIL %s\n  %v\n", r.c.Path, r.err)
		case len(r.diffs) > 0 && !*update:
			failed++
			fmt.Fprintf(c.stdout, "FAIL %s\n", r.c.Path)
			for _, d := range r.diffs {
				fmt.Fprintln(c.stdout, indent(d))
			}
		default:
			passed++
			if *verbose {
				fmt.Fprintf(c.stdout, "ok   %s (%s)\n", r.c.Path, r.took.Round(time.Millisecond))
			}
		}
	}
	if *cover || *lcov != "" {
		files := cov.finish()
		if *cover {
			coverText(c.stdout, files)
		}
		if *lcov != "" {
			if err := writeLcov(*lcov, files); err != nil {
				fmt.Fprintf(c.stderr, "sdfp test: --lcov: %v\n", err)
				return exitUsage
			}
		}
	}
	if *junit != "" {
		if err := writeJUnit(*junit, results, *update); err != nil {
			fmt.Fprintf(c.stderr, "sdfp test: --junit: %v\n", err)
			return exitUsage
		}
	}
	if *update {
		fmt.Fprintf(c.stdout, "updated %d case(s)\n", len(results))
	}
	fmt.Fprintf(c.stdout, "%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return exitFindings
	}
	return exitOK
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ")
}

// runCases runs cases on jobs workers; each case is fully isolated (its own
// session, file system and clock), so they can run in parallel.
func runCases(cases []*golden.Case, jobs int, update bool, cov *coverage) []caseResult {
	results := make([]caseResult, len(cases))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				c := cases[i]
				start := time.Now()
				out, err := c.RunWith(context.Background(), golden.Options{
					Trace: cov.tracer(c),
				})
				r := caseResult{c: c, err: err, took: time.Since(start)}
				if err == nil {
					r.diffs = c.Diff(out)
					if update && len(r.diffs) > 0 {
						r.err = c.Update(out)
					}
				}
				results[i] = r
			}
		}()
	}
	for i := range cases {
		work <- i
	}
	close(work)
	wg.Wait()
	return results
}

type junitSuite struct {
	XMLName  xml.Name    `xml:"testsuite"`
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name    string        `xml:"name,attr"`
	Class   string        `xml:"classname,attr"`
	Time    float64       `xml:"time,attr"`
	Failure *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

func writeJUnit(path string, results []caseResult, update bool) error {
	s := junitSuite{Name: "sdfp", Tests: len(results)}
	for _, r := range results {
		jc := junitCase{Name: r.c.Path, Class: filepath.Dir(r.c.Path), Time: r.took.Seconds()}
		switch {
		case r.err != nil:
			jc.Failure = &junitFailure{Message: "error", Text: r.err.Error()}
		case len(r.diffs) > 0 && !update:
			jc.Failure = &junitFailure{Message: "output differs", Text: strings.Join(r.diffs, "\n")}
		}
		if jc.Failure != nil {
			s.Failures++
		}
		s.Cases = append(s.Cases, jc)
	}
	data, err := xml.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append([]byte(xml.Header), append(data, '\n')...), 0o644)
}
