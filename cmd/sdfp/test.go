package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"sdfp/cmd/internal/golden"
	"sdfp/interp"
	"sdfp/parser"
	"sdfp/parser/ast"
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
	cover := fs.Bool("cover", false, "print which procedure lines ran")
	lcov := fs.String("lcov", "", "write line coverage in lcov format to this file")
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
	cov := newCoverage()
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
		cov.index(cases)
		if *cover {
			cov.text(c.stdout)
		}
		if *lcov != "" {
			if err := cov.writeLcov(*lcov); err != nil {
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
					Trace: func(e interp.TraceEvent) { cov.hit(c.Path, e.Pos.Filename, e.Pos.Line) },
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

// coverage counts executed command lines per procedure of each case.
type coverage struct {
	mu    sync.Mutex
	hits  map[string]map[int]int // "case#proc" -> line -> count
	lines map[string][]int       // "case#proc" -> lines holding commands
}

func newCoverage() *coverage {
	return &coverage{hits: map[string]map[int]int{}, lines: map[string][]int{}}
}

func (c *coverage) hit(casePath, proc string, line int) {
	key := casePath + "#" + proc
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hits[key] == nil {
		c.hits[key] = map[int]int{}
	}
	c.hits[key][line]++
}

// index finds the lines that hold commands in each procedure of the cases.
func (c *coverage) index(cases []*golden.Case) {
	for _, cs := range cases {
		inst, _ := cs.Installation() // a bad one fails the case's run
		p := parser.New(catalogFor(inst))
		for _, f := range cs.Archive.Files {
			if !strings.HasSuffix(f.Name, ".proc") {
				continue
			}
			proc, _ := p.ParseFile(f.Name, string(f.Data))
			seen := map[int]bool{}
			ast.Walk(proc.Body, func(s ast.Stmt) bool {
				for _, cmd := range ast.Commands(s) {
					if cmd.Name != "" && !seen[cmd.Pos.Line] {
						seen[cmd.Pos.Line] = true
					}
				}
				return true
			})
			var lines []int
			for l := range seen {
				lines = append(lines, l)
			}
			sort.Ints(lines)
			c.lines[cs.Path+"#"+f.Name] = lines
		}
	}
}

func (c *coverage) keys() []string {
	keys := make([]string, 0, len(c.lines))
	for k := range c.lines {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// text prints, per procedure, the share of command lines that ran and
// the lines that did not.
func (c *coverage) text(w io.Writer) {
	fmt.Fprintln(w, "coverage (command lines that ran):")
	for _, k := range c.keys() {
		lines := c.lines[k]
		var missed []string
		for _, l := range lines {
			if c.hits[k][l] == 0 {
				missed = append(missed, fmt.Sprint(l))
			}
		}
		pct := 100.0
		if len(lines) > 0 {
			pct = 100 * float64(len(lines)-len(missed)) / float64(len(lines))
		}
		fmt.Fprintf(w, "  %5.1f%%  %s", pct, k)
		if len(missed) > 0 {
			fmt.Fprintf(w, "  not run: %s", strings.Join(missed, ","))
		}
		fmt.Fprintln(w)
	}
}

// writeLcov writes the coverage in lcov format; the source file of a
// procedure is named case.txtar#proc.
func (c *coverage) writeLcov(path string) error {
	var b strings.Builder
	for _, k := range c.keys() {
		fmt.Fprintf(&b, "TN:\nSF:%s\n", k)
		hit := 0
		for _, l := range c.lines[k] {
			n := c.hits[k][l]
			if n > 0 {
				hit++
			}
			fmt.Fprintf(&b, "DA:%d,%d\n", l, n)
		}
		fmt.Fprintf(&b, "LF:%d\nLH:%d\nend_of_record\n", len(c.lines[k]), hit)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
