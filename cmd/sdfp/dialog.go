package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"sdfp/interp/session"
	"sdfp/parser/catalog"
)

// sdfp dialog: a BS2000-style dialog on the embedded installation. The
// prompt is "/"; the slash of a command may be left out. A block (IF ...
// END-IF, WHILE ... END-WHILE ...) runs when its closing command has been
// entered; a line ending with "-" continues on the next. Lines starting
// with "!" are dialog commands of sdfp: !history lists the inputs, !N
// runs input N again, !quit (or LOGOFF, or end of input) ends the dialog.

func (c *cli) dialog(args []string) int {
	fs := flag.NewFlagSet("sdfp dialog", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	var f runFlags
	fs.StringVar(&f.installation, "installation", "", "VM2000 installation file (YAML); default: the embedded installation")
	fs.StringVar(&f.su, "su", "", "server unit whose monitor system the dialog runs in")
	fs.StringVar(&f.lang, "lang", "E", "message language: E or D")
	fs.StringVar(&f.workdir, "workdir", DefaultWorkdir, "directory holding the BS2000 files")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: sdfp dialog [flags]")
		fmt.Fprintln(c.stderr, "An interactive BS2000 dialog: enter commands at the / prompt; blocks run at their")
		fmt.Fprintln(c.stderr, "closing command; !history, !N and !quit are sdfp's own dialog commands.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	lang := strings.ToUpper(f.lang)
	if lang != "E" && lang != "D" {
		fmt.Fprintf(c.stderr, "sdfp dialog: --lang must be E or D, not %q\n", f.lang)
		return exitUsage
	}
	root, err := session.OpenRoot(f.workdir)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp dialog: workdir: %v\n", err)
		return exitUsage
	}
	defer root.Close()
	out := newOutput(c.stdout, false)
	inst, err := installation(f.installation)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp dialog: %v\n", err)
		return exitUsage
	}
	s, err := session.New(session.Options{FS: root, Lang: lang, Stdout: c.stdout, Stdin: strings.NewReader(""),
		Installation: inst, LocalSU: f.su})
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp dialog: %v\n", err)
		return exitUsage
	}
	s.Console.OnLine = out.console
	r := s.Runner()
	d := r.NewDialog(context.Background())
	defer d.Close()
	p := r.Parser()
	cat := catalog.Builtin()
	in := bufio.NewScanner(c.stdin)
	var history []string
	var pending []string // lines of an open block or continued command
	depth, n := 0, 0
	prompt := func() { fmt.Fprint(c.stdout, "/") }
	runInput := func(text string) {
		n++
		proc, errs := p.ParseFile(fmt.Sprintf("input %d", n), text)
		if len(errs) > 0 {
			for _, e := range errs {
				fmt.Fprintf(c.stdout, "%% %s %s\n", e.Code, e.Msg)
			}
			return
		}
		if err := d.Run(proc); err != nil && err.Limit {
			fmt.Fprintf(c.stdout, "%% %s %s\n", err.RC.Main, err.Msg)
		}
		if err := s.Flush(); err != nil {
			fmt.Fprintf(c.stdout, "%% %v\n", err)
		}
	}
	// Input that does not come from a terminal is echoed after the prompt,
	// so a scripted dialog reads like a terminal session.
	echo := !isTerminal(c.stdin)
	for prompt(); in.Scan(); prompt() {
		line := strings.TrimRight(in.Text(), " \t\r")
		if echo {
			fmt.Fprintln(c.stdout, strings.TrimPrefix(strings.TrimLeft(line, " "), "/"))
		}
		if len(pending) == 0 && strings.HasPrefix(line, "!") {
			cmd := strings.TrimSpace(line[1:])
			switch {
			case cmd == "quit":
				return exitOK
			case cmd == "history":
				for i, h := range history {
					fmt.Fprintf(c.stdout, "%3d %s\n", i+1, strings.ReplaceAll(h, "\n", "\n    "))
				}
			default:
				k, err := strconv.Atoi(cmd)
				if err != nil || k < 1 || k > len(history) {
					fmt.Fprintf(c.stdout, "sdfp: unknown dialog command !%s (!history, !N, !quit)\n", cmd)
					continue
				}
				history = append(history, history[k-1])
				runInput(history[k-1])
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !strings.HasPrefix(strings.TrimLeft(line, " "), "/") {
			line = "/" + line
		}
		pending = append(pending, line)
		if strings.HasSuffix(line, "-") {
			continue // continuation line
		}
		depth += blockDepthChange(cat, line)
		if depth > 0 {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "/")), "LOGOFF") && len(pending) == 1 {
			return exitOK
		}
		text := strings.Join(pending, "\n") + "\n"
		pending, depth = nil, 0
		history = append(history, strings.TrimSuffix(text, "\n"))
		runInput(text)
	}
	fmt.Fprintln(c.stdout)
	return exitOK
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// blockDepthChange tells how a command line changes the block nesting:
// +1 for each command that opens a block, -1 for each that closes one.
func blockDepthChange(cat *catalog.Catalog, line string) int {
	delta := 0
	for _, part := range strings.Split(strings.TrimPrefix(strings.TrimSpace(line), "/"), ";") {
		f := strings.Fields(strings.TrimSpace(part))
		if len(f) == 0 {
			continue
		}
		name := f[0]
		if strings.HasSuffix(name, ":") && len(f) > 1 {
			name = f[1]
		}
		cmd, _ := cat.Lookup(strings.SplitN(name, "(", 2)[0])
		if cmd == nil {
			continue
		}
		switch cmd.Role {
		case catalog.RoleIf, catalog.RoleIfBlockError, catalog.RoleIfCmdError, catalog.RoleWhile,
			catalog.RoleRepeat, catalog.RoleFor, catalog.RoleBeginBlock, catalog.RoleBeginParams:
			delta++
		case catalog.RoleEndIf, catalog.RoleEndWhile, catalog.RoleUntil, catalog.RoleEndFor,
			catalog.RoleEndBlock, catalog.RoleEndParams:
			delta--
		}
	}
	return delta
}
