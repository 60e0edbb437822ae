package explore

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/rogpeppe/go-internal/txtar"
)

// Report is an exploration's result.
type Report struct {
	Procedure  string      `json:"procedure"`
	Depth      int         `json:"depth"`
	Shard      string      `json:"shard,omitempty"`
	Baseline   *Outcome    `json:"baseline"`
	Touched    Baseline    `json:"touched"`
	Outcomes   []*Outcome  `json:"scenarios"`
	Invariants []Invariant `json:"invariants"`
	// Handlers are the procedure's error handlers; Reached those some
	// scenario ran for an error, Untested the others.
	Handlers []string       `json:"handlers"`
	Reached  []string       `json:"handlers_reached"`
	Untested []string       `json:"handlers_untested"`
	Counts   map[string]int `json:"verdicts"`
	Violated int            `json:"scenarios_violating_invariants"`
}

// NewReport gathers the outcomes of an exploration.
func (e *Explorer) NewReport(outcomes []*Outcome) *Report {
	r := &Report{Procedure: e.opts.Proc, Depth: max(e.opts.Depth, 1), Baseline: e.baseline, Touched: e.Baseline,
		Outcomes: outcomes, Invariants: e.opts.Invariants, Handlers: e.Handlers, Counts: map[string]int{}}
	reached := map[string]bool{}
	for _, o := range append([]*Outcome{e.baseline}, outcomes...) {
		for _, h := range o.Handlers {
			reached[h] = true
		}
	}
	for _, o := range outcomes {
		r.Counts[o.Verdict]++
		if len(o.Violations) > 0 {
			r.Violated++
		}
	}
	for _, h := range e.Handlers {
		if reached[h] {
			r.Reached = append(r.Reached, h)
		} else {
			r.Untested = append(r.Untested, h)
		}
	}
	return r
}

// Failed reports whether any scenario ended unhandled, hung or broke an
// invariant (sdfp explore then exits 1).
func (r *Report) Failed() bool {
	return slices.ContainsFunc(r.Outcomes, (*Outcome).Failed) || r.Baseline.Failed()
}

// verdictOrder is the order verdicts are counted in.
var verdictOrder = []string{VerdictBaseline, VerdictCoped, VerdictReported, VerdictUnhandled, VerdictLimit}

// Text writes the matrix: one line per scenario with its fault, verdict,
// ending MAINCODE, invariant violations and first differing line, then
// the counts and the error handlers no scenario reached.
func (r *Report) Text(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SCENARIO\tVERDICT\tMAINCODE\tINVARIANTS\tFIRST DIFFERENCE")
	row := func(o *Outcome) {
		inv := "ok"
		if len(o.Violations) > 0 {
			var ids []string
			for _, v := range o.Violations {
				ids = append(ids, v.Invariant)
			}
			inv = strings.Join(uniq(ids), ",")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", o.Scenario.ID, o.Verdict, o.Maincode, inv, cut(o.FirstDiff, 70))
	}
	row(r.Baseline)
	for _, o := range r.Outcomes {
		row(o)
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d scenarios:", len(r.Outcomes))
	for _, v := range verdictOrder {
		if n := r.Counts[v]; n > 0 {
			fmt.Fprintf(w, " %d %s,", n, v)
		}
	}
	fmt.Fprintf(w, " %d violating invariants\n", r.Violated)
	if b := r.Baseline; b.Verdict != VerdictBaseline && b.Error != "" {
		// the run without faults failed: say so under the counts (a
		// called procedure missing from the workdir made the matrix an
		// empty, quiet one)
		fmt.Fprintf(w, "the baseline (no fault) ended %s: %s\n  the scenarios come only from what it touched before that (sdfp run shows the run; the procedures it calls or enters come from --workdir)\n", b.Verdict, b.Error)
	}
	for _, o := range append([]*Outcome{r.Baseline}, r.Outcomes...) {
		for _, v := range o.Violations {
			fmt.Fprintf(w, "  %s: %s: %s\n", o.Scenario.ID, v.Invariant, v.Detail)
		}
	}
	fmt.Fprintf(w, "error handlers reached for an error: %d of %d\n", len(r.Reached), len(r.Handlers))
	for _, h := range r.Untested {
		fmt.Fprintf(w, "  untested: %s\n", h)
	}
}

func cut(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-3]) + "..."
}

// JSON writes the report as one JSON document.
func (r *Report) JSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// Shard keeps the i-th of n shares of the scenarios (1-based): dealt out
// in turn in the scenarios' stable order, so the n shards of a CI matrix
// together run each scenario once.
func Shard(list []Scenario, i, n int) []Scenario {
	var out []Scenario
	for k, s := range list {
		if k%n == i-1 {
			out = append(out, s)
		}
	}
	return out
}

// Find returns the scenario of an id.
func Find(list []Scenario, id string) (Scenario, bool) {
	if id == "baseline" {
		return Scenario{ID: "baseline"}, true
	}
	i := slices.IndexFunc(list, func(s Scenario) bool { return s.ID == id })
	if i < 0 {
		return Scenario{}, false
	}
	return list[i], true
}

// WriteGolden writes each scenario as a golden case DIR/ID.txtar: the
// procedure, its parameters, the installation with the fault, and the
// expected sections from a run (sysout, result, console, state), so
// that an exploration becomes a regression suite for `sdfp test`. A
// scenario whose fault no installation file can hold (a refused
// command) is left out.
func (e *Explorer) WriteGolden(ctx context.Context, dir string, list []Scenario) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, s := range list {
		if !s.Writable() {
			continue // a refusal: no installation file can hold it
		}
		c, err := e.Case(s)
		if err != nil {
			return nil, err
		}
		c.Path = filepath.Join(dir, strings.ReplaceAll(s.ID, "/", "_")+".txtar")
		c.Archive.Files = append(c.Archive.Files, txtar.File{Name: "state"})
		out, err := c.Run(ctx)
		if err != nil {
			return nil, err
		}
		if err := c.Update(out); err != nil {
			return nil, err
		}
		paths = append(paths, c.Path)
	}
	return paths, nil
}
