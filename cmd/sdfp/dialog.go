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

	"golang.org/x/term"

	"sdfp/cmd/internal/session"
	"sdfp/hypervisor/msg"
	"sdfp/parser/catalog"
)

// sdfp dialog: a BS2000-style dialog on the embedded installation. The
// prompt is "/"; the slash of a command may be left out. A block (IF ...
// END-IF, WHILE ... END-WHILE ...) runs when its closing command has been
// entered; a line ending with "-" continues on the next. Lines starting
// with "!" are dialog commands of sdfp: !history lists the inputs, !N
// runs input N again, !quit (or LOGOFF, or end of input) ends the dialog.
// On a terminal the cursor keys edit the line and recall earlier lines.

func (c *cli) dialog(args []string) int {
	fs := flag.NewFlagSet("sdfp dialog", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	var f runFlags
	f.sessionFlags(fs, "server unit whose monitor system the dialog runs in", "directory holding the BS2000 files")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: sdfp dialog [flags]")
		fmt.Fprintln(c.stderr, "An interactive BS2000 dialog: enter commands at the / prompt; blocks run at their")
		fmt.Fprintln(c.stderr, "closing command; !history, !N and !quit are sdfp's own dialog commands.")
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	lang, ok := f.language(c, "dialog")
	if !ok {
		return exitUsage
	}
	root, code, ok := f.openWorkdir(c, "dialog", session.LockExclusive)
	if !ok {
		return code
	}
	defer root.Close()
	inst, err := installation(f.installation)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp dialog: %v\n", err)
		return exitUsage
	}
	in, out, restore, err := c.dialogIO()
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp dialog: terminal: %v\n", err)
		return exitUsage
	}
	defer restore()
	s, err := session.New(session.Options{FS: root, Lang: lang, Stdout: out, Stdin: strings.NewReader(""),
		Installation: inst, LocalSU: f.su})
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp dialog: %v\n", err)
		return exitUsage
	}
	s.Console.OnLine = newOutput(out, false, lang).console
	if failed := runDialog(s, in, out); failed {
		return exitWriteFailed
	}
	return exitOK
}

// dialogInput gives the dialog its input lines, prompting for each;
// io.EOF ends the dialog.
type dialogInput interface {
	readLine() (string, error)
}

// dialogIO picks the input: a terminal gets line editing and arrow-key
// recall (golang.org/x/term), with the session's output going through
// the terminal so that it can keep the prompt line apart; anything else
// is read line by line and echoed after the prompt, so that a scripted
// dialog reads like a terminal session.
func (c *cli) dialogIO() (in dialogInput, out io.Writer, restore func(), err error) {
	stdin, okIn := c.stdin.(*os.File)
	stdout, okOut := c.stdout.(*os.File)
	if okIn && okOut && term.IsTerminal(int(stdin.Fd())) && term.IsTerminal(int(stdout.Fd())) {
		state, err := term.MakeRaw(int(stdin.Fd()))
		if err != nil {
			return nil, nil, nil, err
		}
		t := newTerminalInput(stdin, stdout)
		return t, t.term, func() { term.Restore(int(stdin.Fd()), state) }, nil
	}
	return &scriptInput{in: bufio.NewScanner(c.stdin), out: c.stdout}, c.stdout, func() {}, nil
}

// scriptInput reads lines that do not come from a terminal.
type scriptInput struct {
	in  *bufio.Scanner
	out io.Writer
}

func (s *scriptInput) readLine() (string, error) {
	fmt.Fprint(s.out, "/")
	if !s.in.Scan() {
		if err := s.in.Err(); err != nil {
			return "", err
		}
		fmt.Fprintln(s.out)
		return "", io.EOF
	}
	line := s.in.Text()
	fmt.Fprintln(s.out, strings.TrimPrefix(strings.TrimLeft(line, " "), "/"))
	return line, nil
}

// terminalInput reads lines from a terminal in raw mode: the cursor keys
// edit the line and recall earlier ones; Ctrl-D on an empty line or
// Ctrl-C ends the dialog.
type terminalInput struct{ term *term.Terminal }

func newTerminalInput(r io.Reader, w io.Writer) *terminalInput {
	return &terminalInput{term: term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{r, w}, "/")}
}

func (t *terminalInput) readLine() (string, error) {
	line, err := t.term.ReadLine()
	if err == term.ErrPasteIndicator {
		err = nil // a pasted line is a line like any other
	}
	if err == io.EOF {
		t.term.Write([]byte("\n"))
	}
	return line, err
}

// runDialog reads and runs the dialog's inputs until LOGOFF, !quit or
// the end of the input. failed reports that a file could not be written
// (a job variable after an input, a SYSLST or SYSOUT file at the end);
// each is reported when it happens.
func runDialog(s *session.Session, in dialogInput, out io.Writer) (failed bool) {
	r := s.Runner()
	d := r.NewDialog(context.Background())
	report := func(ms []msg.Message) {
		for _, m := range ms {
			fmt.Fprintln(out, s.Msgs.Render(m, s.Language()))
			failed = true
		}
	}
	defer func() {
		d.Close()
		report(r.WriteErrors())
	}()
	p := r.Parser()
	cat := catalog.Builtin()
	var history []string
	var pending []string // lines of an open block or continued command
	depth, n := 0, 0
	runInput := func(text string) {
		n++
		proc, errs := p.ParseFile(fmt.Sprintf("input %d", n), text)
		if len(errs) > 0 {
			for _, e := range errs {
				fmt.Fprintf(out, "%% %s %s\n", e.Code, e.Msg)
			}
			return
		}
		if err := d.Run(proc); err != nil && err.Limit {
			fmt.Fprintf(out, "%% %s %s\n", err.RC.Main, err.Msg)
		}
		report(s.Flush())
	}
	for {
		line, err := in.readLine()
		if err != nil {
			if err != io.EOF {
				fmt.Fprintf(out, "sdfp dialog: %v\n", err)
			}
			return
		}
		line = strings.TrimRight(line, " \t\r")
		if len(pending) == 0 && strings.HasPrefix(line, "!") {
			cmd := strings.TrimSpace(line[1:])
			switch {
			case cmd == "quit":
				return
			case cmd == "history":
				for i, h := range history {
					fmt.Fprintf(out, "%3d %s\n", i+1, strings.ReplaceAll(h, "\n", "\n    "))
				}
			default:
				k, err := strconv.Atoi(cmd)
				if err != nil || k < 1 || k > len(history) {
					fmt.Fprintf(out, "sdfp: unknown dialog command !%s (!history, !N, !quit)\n", cmd)
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
			return
		}
		text := strings.Join(pending, "\n") + "\n"
		pending, depth = nil, 0
		history = append(history, strings.TrimSuffix(text, "\n"))
		runInput(text)
	}
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
