// Command sdfp runs, checks and explains BS2000 SDF-P procedures on a
// laptop or in CI, against an embedded VM2000 model with a virtual clock.
//
//	sdfp run [flags] FILE.proc[@SU] [VALUE ...] [PARAM=VALUE ...] [FILE2.proc[@SU] ...]
//	sdfp check [--format text|json] FILE...
//	sdfp explore [flags] FILE.proc [PARAM=VALUE ...]
//	sdfp fmt [-w] [-d] [-l] [--expand] [--width N] FILE...
//	sdfp help [COMMAND|FUNCTION|MESSAGE|TOPIC]
//	sdfp dialog [flags]
//	sdfp version (or sdfp --version)
//
// SYSOUT goes to stdout, errors and sdfp's own lines (a run's summary,
// write errors, a dry run's list, the trace, the progress line) to
// stderr.
//
// Exit codes: 0 success, 1 findings or a procedure error, 2 usage or
// syntax error, 3 a run limit was reached (steps, virtual time, procedure
// nesting, list elements, variable size, memory), 4 a file of the run
// could not be written, 5 the workdir was in use by another run (--no-wait).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"sdfp/interp"
)

// Exit codes shared by the subcommands.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

// cli carries the process's standard streams, so tests run the command
// in-process with buffers.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

type subcommand struct {
	name    string
	summary string
	run     func(c *cli, args []string) int
}

func subcommands() []subcommand {
	return []subcommand{
		{"run", "run procedures against the embedded VM2000", (*cli).run},
		{"test", "run golden test cases (txtar) and compare their output", (*cli).test},
		{"dialog", "an interactive BS2000 dialog on the embedded installation", (*cli).dialog},
		{"explore", "run a procedure under every fault that applies to it and classify each run", (*cli).explore},
		{"check", "report problems in procedures without running them", (*cli).check},
		{"lsp", "a language server (LSP) for editors, on stdin and stdout", (*cli).lsp},
		{"fmt", "write procedures in their canonical form (-w rewrites, -d diffs, -l lists)", (*cli).fmt},
		{"help", "describe commands, builtin functions and operands", (*cli).help},
		{"version", "print the version, VCS revision and Go version of this binary", (*cli).version},
	}
}

func main() {
	// The memory budget of every subcommand (sdfp test runs many tasks in
	// one process); sdfp run sets its --max-memory instead.
	setMemoryLimit(interp.DefaultLimits.Memory)
	os.Exit((&cli{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}).main(os.Args[1:]))
}

func (c *cli) main(args []string) int {
	if len(args) == 0 || isHelpFlag(args[0]) {
		c.usage(c.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "--version" || args[0] == "-version" {
		printVersion(c.stdout)
		return exitOK
	}
	for _, s := range subcommands() {
		if s.name == args[0] {
			return s.run(c, args[1:])
		}
	}
	fmt.Fprintf(c.stderr, "sdfp: unknown subcommand %q\n\n", args[0])
	c.usage(c.stderr)
	return exitUsage
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprintln(w, "usage: sdfp <subcommand> [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "subcommands:")
	for _, s := range subcommands() {
		fmt.Fprintf(w, "  %-8s %s\n", s.name, s.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'sdfp <subcommand> -h' or 'sdfp help <subcommand>' for its flags.")
}

// parseFlags parses a subcommand's flags. done reports that the
// subcommand ends here, with exit status code: after -h (usage shown,
// exit 0) or a bad flag (the flag package has said what is wrong).
// isHelpFlag reports whether an argument asks for the usage.
func isHelpFlag(arg string) bool { return arg == "-h" || arg == "--help" || arg == "-help" }

func parseFlags(fs *flag.FlagSet, args []string) (code int, done bool) {
	err := fs.Parse(args)
	switch {
	case err == flag.ErrHelp:
		return exitOK, true
	case err != nil:
		return exitUsage, true
	}
	return 0, false
}
