package main

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"sdfp/cmd/internal/golden"
	"sdfp/hypervisor/vm2000"
	"sdfp/interp"
	"sdfp/parser"
	"sdfp/parser/ast"
)

// Coverage of golden cases (sdfp test --cover, --lcov): which command
// lines of each procedure file ran, which way each IF and ELSE-IF
// condition went, and which IF-CMD-ERROR and IF-BLOCK-ERROR handlers ran
// for an error. A procedure file outside the cases (a proc-file section,
// such as procs/vmmem.proc) is one record under its real path, whatever
// number of cases run it; a procedure embedded in a case is a record of
// that case ("case.txtar#main.proc").
type coverage struct {
	mu    sync.Mutex
	files map[string]*coverFile // by key: the real file's absolute path, or case#section
	cases map[*golden.Case]map[string]*coverFile
}

// coverFile is the coverage of one procedure file.
type coverFile struct {
	key     string
	display string // in the summary: the real path relative to the working directory, or case#section
	path    string // the real file, absolute; "" when embedded in a case
	// casePath and section locate an embedded procedure.
	casePath, section string
	data              []byte
	inst              *vm2000.Installation // the first case's: its site commands parse
	listed            bool                 // reported even if nothing of it ran (a .proc section, a proc-file)
	hits              map[int]int          // line -> commands executed there
	branch            map[cmdPos]*[2]int   // decision -> times taken, not taken

	// set by finish
	lines     []int      // lines holding commands
	decisions []decision // in source order
}

// cmdPos is where a command starts; several commands may share a line.
type cmdPos struct{ line, col int }

// decision is an IF or ELSE-IF condition, or an error handler.
type decision struct {
	pos  cmdPos
	kind string // the command: IF, ELSE-IF, IF-CMD-ERROR, IF-BLOCK-ERROR
}

func (d decision) handler() bool { return d.kind == "IF-CMD-ERROR" || d.kind == "IF-BLOCK-ERROR" }

// newCoverage registers the procedure files of the cases before any runs,
// so that which case's installation parses a shared file does not depend
// on the order the cases finish in.
func newCoverage(cases []*golden.Case) *coverage {
	c := &coverage{files: map[string]*coverFile{}, cases: map[*golden.Case]map[string]*coverFile{}}
	for _, cs := range cases {
		srcs, err := cs.Sources()
		if err != nil {
			continue // the case's run reports it
		}
		inst, _ := cs.Installation() // likewise
		byName := map[string]*coverFile{}
		for name, s := range srcs {
			f := c.file(cs, s, inst)
			f.listed = f.listed || s.Path != "" || strings.HasSuffix(s.Section, ".proc")
			byName[name] = f
		}
		c.cases[cs] = byName
	}
	return c
}

func (c *coverage) file(cs *golden.Case, s golden.Source, inst *vm2000.Installation) *coverFile {
	f := &coverFile{casePath: cs.Path, section: s.Section, data: s.Data, inst: inst,
		hits: map[int]int{}, branch: map[cmdPos]*[2]int{}}
	if s.Path != "" {
		abs, err := filepath.Abs(s.Path)
		if err != nil {
			abs = s.Path
		}
		f.key, f.path, f.display = abs, abs, displayPath(abs)
		f.casePath, f.section = "", ""
	} else {
		f.key = cs.Path + "#" + s.Section
		f.display = f.key
	}
	if old := c.files[f.key]; old != nil {
		return old
	}
	c.files[f.key] = f
	return f
}

// displayPath is a path relative to the working directory where it can
// be, else the absolute one.
func displayPath(abs string) string {
	if wd, err := filepath.Abs("."); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && filepath.IsLocal(rel) {
			return rel
		}
	}
	return abs
}

// tracer returns the trace hook that counts a case's run; nil when no
// coverage is gathered.
func (c *coverage) tracer(cs *golden.Case) func(interp.TraceEvent) {
	if c == nil {
		return nil
	}
	byName := c.cases[cs]
	return func(e interp.TraceEvent) {
		f := byName[e.Pos.Filename]
		if f == nil {
			return // a procedure held in a list variable has no file
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		f.hits[e.Pos.Line]++
		if e.Branch == interp.NoBranch {
			return
		}
		p := cmdPos{e.Pos.Line, e.Pos.Column}
		if f.branch[p] == nil {
			f.branch[p] = &[2]int{}
		}
		if e.Branch == interp.BranchTaken {
			f.branch[p][0]++
		} else {
			f.branch[p][1]++
		}
	}
}

// finish finds the command lines and decisions of every file to report.
func (c *coverage) finish() []*coverFile {
	var out []*coverFile
	for _, f := range c.files {
		if !f.listed && len(f.hits) == 0 {
			continue // a file: section that is no procedure the run called
		}
		proc, _ := parser.New(catalogFor(f.inst)).ParseFile(f.key, string(f.data))
		seen := map[int]bool{}
		ast.Walk(proc.Body, func(s ast.Stmt) bool {
			for _, cmd := range ast.Commands(s) {
				if cmd.Name != "" {
					seen[cmd.Pos.Line] = true
				}
			}
			switch s := s.(type) {
			case *ast.If:
				for _, b := range s.Branches {
					f.decisions = append(f.decisions, decision{cmdPos{b.Cmd.Pos.Line, b.Cmd.Pos.Column}, b.Cmd.Name})
				}
			case *ast.ErrorBlock:
				f.decisions = append(f.decisions, decision{cmdPos{s.Cmd.Pos.Line, s.Cmd.Pos.Column}, s.Cmd.Name})
			}
			return true
		})
		f.lines = f.lines[:0]
		for l := range seen {
			f.lines = append(f.lines, l)
		}
		sort.Ints(f.lines)
		sort.Slice(f.decisions, func(i, j int) bool {
			a, b := f.decisions[i].pos, f.decisions[j].pos
			return a.line < b.line || a.line == b.line && a.col < b.col
		})
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].display < out[j].display })
	return out
}

// counts returns how often a decision was taken and not taken.
func (f *coverFile) counts(d decision) (taken, not int) {
	if n := f.branch[d.pos]; n != nil {
		return n[0], n[1]
	}
	return 0, 0
}

// coverText prints, per procedure file, the share of command lines that
// ran and the lines that did not; then the IF and ELSE-IF outcomes never
// seen, and which error handlers ran for an error and which never did.
func coverText(w io.Writer, files []*coverFile) {
	fmt.Fprintln(w, "coverage (command lines that ran):")
	for _, f := range files {
		var missed []string
		for _, l := range f.lines {
			if f.hits[l] == 0 {
				missed = append(missed, fmt.Sprint(l))
			}
		}
		fmt.Fprintf(w, "  %5.1f%%  %s", percent(len(f.lines)-len(missed), len(f.lines)), f.display)
		if len(missed) > 0 {
			fmt.Fprintf(w, "  not run: %s", strings.Join(missed, ","))
		}
		fmt.Fprintln(w)
	}
	coverBranchText(w, files)
	coverHandlerText(w, files)
	coverTotal(w, files)
}

// coverTotal prints one line of totals over all files, for a CI log.
func coverTotal(w io.Writer, files []*coverFile) {
	var lines, ran, outcomes, seen, handlers, handled int
	for _, f := range files {
		for _, l := range f.lines {
			lines++
			if f.hits[l] > 0 {
				ran++
			}
		}
		for _, d := range f.decisions {
			taken, not := f.counts(d)
			if d.handler() {
				handlers++
				if taken > 0 {
					handled++
				}
				continue
			}
			outcomes += 2
			seen += min(taken, 1) + min(not, 1)
		}
	}
	fmt.Fprintf(w, "total: command lines %.1f%% (%d of %d), IF and ELSE-IF outcomes %.1f%% (%d of %d), error handlers run for an error %.1f%% (%d of %d)\n",
		percent(ran, lines), ran, lines, percent(seen, outcomes), seen, outcomes, percent(handled, handlers), handled, handlers)
}

func percent(n, of int) float64 {
	if of == 0 {
		return 100
	}
	return 100 * float64(n) / float64(of)
}

// coverBranchText lists, per file with IF blocks, the share of condition
// outcomes (true, false) that occurred and those that never did.
func coverBranchText(w io.Writer, files []*coverFile) {
	header := false
	for _, f := range files {
		total, seen := 0, 0
		var missed []string
		for _, d := range f.decisions {
			if d.handler() {
				continue
			}
			taken, not := f.counts(d)
			total += 2
			if taken+not == 0 {
				missed = append(missed, fmt.Sprintf("%d %s (not reached)", d.pos.line, d.kind))
				continue
			}
			for _, o := range []struct {
				n    int
				what string
			}{{taken, "true"}, {not, "false"}} {
				if o.n > 0 {
					seen++
				} else {
					missed = append(missed, fmt.Sprintf("%d %s %s", d.pos.line, d.kind, o.what))
				}
			}
		}
		if total == 0 {
			continue
		}
		if !header {
			fmt.Fprintln(w, "branches (IF and ELSE-IF conditions, true and false):")
			header = true
		}
		fmt.Fprintf(w, "  %5.1f%%  %s  %d of %d", percent(seen, total), f.display, seen, total)
		if len(missed) > 0 {
			fmt.Fprintf(w, "  never: %s", strings.Join(missed, ", "))
		}
		fmt.Fprintln(w)
	}
}

// coverHandlerText lists, per file with error handlers, those that ran
// for an error (how often) and those that never did (reached only
// without an error, or not reached at all).
func coverHandlerText(w io.Writer, files []*coverFile) {
	header := false
	for _, f := range files {
		total := 0
		var ran, never []string
		for _, d := range f.decisions {
			if !d.handler() {
				continue
			}
			total++
			taken, not := f.counts(d)
			switch {
			case taken > 0:
				ran = append(ran, fmt.Sprintf("%d %s %s", d.pos.line, d.kind, times(taken)))
			case not > 0:
				never = append(never, fmt.Sprintf("%d %s (reached %s without an error)", d.pos.line, d.kind, times(not)))
			default:
				never = append(never, fmt.Sprintf("%d %s (not reached)", d.pos.line, d.kind))
			}
		}
		if total == 0 {
			continue
		}
		if !header {
			fmt.Fprintln(w, "error handlers (IF-CMD-ERROR, IF-BLOCK-ERROR) that ran for an error:")
			header = true
		}
		fmt.Fprintf(w, "  %5.1f%%  %s  %d of %d", percent(len(ran), total), f.display, len(ran), total)
		if len(ran) > 0 {
			fmt.Fprintf(w, "  ran: %s", strings.Join(ran, ", "))
		}
		if len(never) > 0 {
			fmt.Fprintf(w, "  never: %s", strings.Join(never, ", "))
		}
		fmt.Fprintln(w)
	}
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}
