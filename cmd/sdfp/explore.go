package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"sdfp/cmd/internal/explore"
	"sdfp/cmd/internal/golden"
	"sdfp/interp"
)

// explore: sdfp explore FILE.proc [PARAM=VALUE ...] [flags]. It runs the
// procedure once without faults, derives every fault that applies to what
// the run touched, runs each scenario in memory on all cores and prints
// the verdicts (cmd/internal/explore). Exit 1 when a scenario ends
// unhandled or hung or breaks an invariant.
func (c *cli) explore(args []string) int {
	fs := flag.NewFlagSet("sdfp explore", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	instFile := fs.String("installation", "", "the VM2000 installation (YAML); default: the embedded one")
	su := fs.String("su", "", "server unit whose monitor system runs the procedure")
	lang := fs.String("lang", "", "language of the runs, E or D")
	depth := fs.Int("depth", 1, "1: every single fault; 2: every pair of faults too")
	format := fs.String("format", "text", "text (a matrix) or json")
	html := fs.String("html", "", "write a self-contained HTML report to this file")
	scenario := fs.String("scenario", "", "rerun one scenario by its id, with trace (stderr) and console")
	goldenDir := fs.String("golden", "", "write the scenarios (with --scenario: that one) as golden cases into this directory")
	shard := fs.String("shard", "", "explore share `I/N` of the scenarios, for a CI matrix")
	invFile := fs.String("invariants", "", "a `FILE` of procedure-specific invariants, one \"ID: VM FIELD OP VALUE\" a line")
	workdir := fs.String("workdir", "", "a `DIR` whose files (procedures it calls or enters, data, job variables) every scenario starts with; read, never written")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: sdfp explore [flags] FILE.proc [VALUE ...] [PARAM=VALUE ...]")
		fmt.Fprintln(c.stderr, "Runs the procedure without faults, then once per fault that applies to what it touched,")
		fmt.Fprintln(c.stderr, "and classifies each run: baseline, coped, reported, unhandled, limit; plus invariant violations.")
		fmt.Fprintln(c.stderr, "Exit status: 0 no scenario unhandled, hung or violating an invariant; 1 some; 2 usage error.")
		fs.PrintDefaults()
	}
	// flags may come before or after the procedure and its parameters
	var positional []string
	for {
		if code, done := parseFlags(fs, args); done {
			return code
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(c.stderr, "sdfp explore: "+format+"\n", a...)
		return exitUsage
	}
	if len(positional) == 0 {
		fs.Usage()
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		return usage("--format must be text or json, not %q", *format)
	}
	if l := strings.ToUpper(*lang); l != "" && l != "E" && l != "D" {
		return usage("--lang must be E or D, not %q", *lang)
	}
	if *depth < 1 || *depth > 2 {
		return usage("--depth must be 1 or 2")
	}
	if err := outputFileDir("--html", *html); err != nil {
		return usage("%v", err)
	}
	inst, err := installation(*instFile)
	if err != nil {
		return usage("%v", err)
	}
	opts := explore.Options{Proc: positional[0], Params: positional[1:], Installation: inst, SU: *su,
		Lang: strings.ToUpper(*lang), Depth: *depth, Workdir: *workdir}
	if *invFile != "" {
		more, err := explore.ParseInvariants(*invFile)
		if err != nil {
			return usage("--invariants: %v", err)
		}
		opts.Invariants = append(append([]explore.Invariant(nil), explore.Invariants...), more...)
	}
	ctx := context.Background()
	e, err := explore.New(ctx, opts)
	if err != nil {
		return usage("%v", err)
	}
	list := e.Scenarios()
	if *scenario != "" {
		if strings.Contains(*scenario, "+") && *depth < 2 {
			opts.Depth = 2
			if e, err = explore.New(ctx, opts); err != nil {
				return usage("%v", err)
			}
			list = e.Scenarios()
		}
		s, ok := explore.Find(list, *scenario)
		if !ok {
			return usage("no scenario %q (sdfp explore lists them)", *scenario)
		}
		if *goldenDir != "" {
			// --golden with --scenario writes that one case only
			if _, err := e.WriteGolden(ctx, *goldenDir, []explore.Scenario{s}); err != nil {
				fmt.Fprintf(c.stderr, "sdfp explore: %v\n", err)
				return exitFindings
			}
		}
		return c.rerun(ctx, e, s, *html)
	}
	if *shard != "" {
		sh, err := golden.ParseShard(*shard)
		if err != nil {
			return usage("%v", err)
		}
		list = explore.Shard(list, sh.Index, sh.Count)
	}
	if *goldenDir != "" {
		paths, err := e.WriteGolden(ctx, *goldenDir, append([]explore.Scenario{{ID: "baseline"}}, list...))
		if err != nil {
			fmt.Fprintf(c.stderr, "sdfp explore: %v\n", err)
			return exitFindings
		}
		fmt.Fprintf(c.stderr, "wrote %d golden cases to %s\n", len(paths), *goldenDir)
	}
	outcomes, err := e.Run(ctx, list)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp explore: %v\n", err)
		return exitFindings
	}
	rep := e.NewReport(outcomes)
	rep.Shard = *shard
	if *format == "json" {
		if err := rep.JSON(c.stdout); err != nil {
			return exitFindings
		}
	} else {
		rep.Text(c.stdout)
	}
	if *html != "" {
		if err := c.writeExploreHTML(ctx, e, rep, *html); err != nil {
			fmt.Fprintf(c.stderr, "sdfp explore: --html: %v\n", err)
			return exitFindings
		}
	}
	if rep.Failed() {
		return exitFindings
	}
	return exitOK
}

// rerun runs one scenario again, its commands traced to stderr, its
// SYSOUT and console on stdout, then its verdict.
func (c *cli) rerun(ctx context.Context, e *explore.Explorer, s explore.Scenario, html string) int {
	fmt.Fprintf(c.stdout, "scenario %s: %s\n", s.ID, s.What())
	o, err := e.Rerun(ctx, s, func(ev interp.TraceEvent) {
		fmt.Fprintf(c.stderr, "%s %s:%d %s %s\n", ev.Time.Format("15:04:05"), ev.Pos.Filename, ev.Pos.Line, ev.RC, ev.Text)
	})
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp explore: %v\n", err)
		return exitFindings
	}
	t := o.Transcript()
	fmt.Fprintf(c.stdout, "-- sysout --\n%s-- console --\n%s-- result --\n%s", t["sysout"], t["console"], t["result"])
	fmt.Fprintf(c.stdout, "verdict: %s\n", o.Verdict)
	for _, v := range o.Violations {
		fmt.Fprintf(c.stdout, "invariant %s violated: %s\n", v.Invariant, v.Detail)
	}
	if html != "" {
		rep := e.NewReport([]*explore.Outcome{o})
		if err := explore.WriteHTML(html, rep, o); err != nil {
			fmt.Fprintf(c.stderr, "sdfp explore: --html: %v\n", err)
			return exitFindings
		}
	}
	if o.Failed() {
		return exitFindings
	}
	return exitOK
}

// writeExploreHTML writes the report with the timeline of the first
// scenario that failed, else of the first that differs from the
// baseline, else of the baseline.
func (c *cli) writeExploreHTML(ctx context.Context, e *explore.Explorer, rep *explore.Report, path string) error {
	pick := explore.Scenario{ID: "baseline"}
	for _, pass := range []func(*explore.Outcome) bool{(*explore.Outcome).Failed, func(o *explore.Outcome) bool { return o.Verdict != explore.VerdictBaseline }} {
		if pick.ID != "baseline" {
			break
		}
		for _, o := range rep.Outcomes {
			if pass(o) {
				pick = o.Scenario
				break
			}
		}
	}
	o, err := e.Rerun(ctx, pick, nil)
	if err != nil {
		return err
	}
	return explore.WriteHTML(path, rep, o)
}
