package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"sdfp/cmd/internal/golden"
	"sdfp/interp"
)

// caseResult is the outcome of one golden case.
type caseResult struct {
	c          *golden.Case
	mismatches []golden.Mismatch
	err        error // the case could not run
	took       time.Duration
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
	runPattern := fs.String("run", "", "run only the cases whose name (path below the directory, without .txtar) matches, as go test -run")
	skipPattern := fs.String("skip", "", "leave out the cases whose name matches, as go test -skip")
	shard := fs.String("shard", "", "run share `I/N` of the cases (1 <= I <= N), for a CI matrix")
	color := fs.String("color", "auto", "colour the diffs: auto (a terminal, unless NO_COLOR is set), always or never")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: sdfp test [flags] [DIR|FILE.txtar ...]   (default: testdata)")
		fmt.Fprintln(c.stderr, "Runs golden test cases (txtar files) and compares their output byte for byte.")
		fmt.Fprintln(c.stderr, "Exit status: 0 all passed (or -run, -skip and --shard left none), 1 failures, 2 usage error.")
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	sel, err := parseSelection(*runPattern, *skipPattern, *shard)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp test: %v\n", err)
		return exitUsage
	}
	colour, err := useColor(*color, c.stdout, os.Getenv)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp test: %v\n", err)
		return exitUsage
	}
	if err := outputFileDir("--junit", *junit); err != nil {
		fmt.Fprintf(c.stderr, "sdfp test: %v\n", err)
		return exitUsage
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
	if cases = sel.of(cases); len(cases) == 0 {
		fmt.Fprintln(c.stderr, "sdfp test: no case selected (-run, -skip, --shard)")
		return exitOK // as go test with a -run that matches nothing, and a shard of more shards than cases
	}
	if *jobs < 1 {
		*jobs = 1
	}
	var cov *coverage
	if *cover || *lcov != "" {
		cov = newCoverage(cases)
	}
	started := time.Now()
	results := runCases(cases, *jobs, *update, cov)
	took := time.Since(started)
	passed, failed, differ, broken := 0, 0, 0, 0
	for _, r := range results {
		switch {
		case r.err != nil:
			failed++
			broken++
			fmt.Fprintf(c.stdout, "%s %s\n  %v\n", paintWord(colour, "FAIL"), r.c.Path, r.err)
		case len(r.mismatches) > 0 && !*update:
			failed++
			differ++
			fmt.Fprintf(c.stdout, "%s %s\n", paintWord(colour, "FAIL"), r.c.Path)
			for _, m := range r.mismatches {
				fmt.Fprintln(c.stdout, indent(m.Render(r.c.Path, colour)))
			}
		default:
			passed++
			if *verbose {
				fmt.Fprintf(c.stdout, "%s   %s (%s)\n", paintWord(colour, "ok"), r.c.Path, r.took.Round(time.Millisecond))
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
		host, _ := os.Hostname()
		if err := writeJUnit(*junit, junitReport(results, *update, started, took, host)); err != nil {
			fmt.Fprintf(c.stderr, "sdfp test: --junit: %v\n", err)
			return exitUsage
		}
	}
	if *update {
		fmt.Fprintf(c.stdout, "updated %d case(s)\n", len(results))
	}
	if differ > 0 {
		fmt.Fprintln(c.stdout, "run sdfp test -update to accept the output of this run (-run NAME for some cases only)")
	}
	fmt.Fprintf(c.stdout, "%d passed, %d failed", passed, failed)
	if broken > 0 {
		fmt.Fprintf(c.stdout, " (%d could not run)", broken)
	}
	fmt.Fprintln(c.stdout)
	if failed > 0 {
		return exitFindings
	}
	return exitOK
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ")
}

// runCases runs cases on jobs workers; each case is fully isolated (its own
// session, file system and clock), so they can run in parallel. They
// share only the procedures parsed (interp.ProcedureCache, found again by
// their exact text), which no run changes: a procedure called again and
// again, or the same proc-file of several cases, is parsed once.
func runCases(cases []*golden.Case, jobs int, update bool, cov *coverage) []caseResult {
	results := make([]caseResult, len(cases))
	procs := interp.NewProcedureCache()
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
					Trace:      cov.tracer(c),
					Procedures: procs,
				})
				r := caseResult{c: c, err: err, took: time.Since(start)}
				if err == nil {
					r.mismatches = c.Mismatches(out)
					if update && len(r.mismatches) > 0 {
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
