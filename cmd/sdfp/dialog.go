package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"golang.org/x/term"

	"sdfp/cmd/internal/session"
	"sdfp/hypervisor/msg"
	"sdfp/parser/catalog"
)

// sdfp dialog: a BS2000-style dialog on the embedded installation. The
// prompt is "/", inside an open block the blocks' commands ("IF/",
// "WHILE.IF/"); the slash of a command may be left out. A block (IF ...
// END-IF, WHILE ... END-WHILE ...) runs when its closing command has
// been entered; a line ending with "-" continues on the next. COMMAND?
// shows the operands of a command (SDF's operand form, as text). Lines
// starting with "!" are dialog commands of sdfp: !history lists the
// inputs, !N runs input N again, !quit ends the dialog, as do LOGOFF,
// EXIT-JOB and the end of the input (Ctrl-D). Ctrl-C cancels the line
// being typed or the open block, or stops the input that is running;
// the dialog and its variables stay. On a terminal the cursor keys edit
// the line and recall earlier ones, and the inputs are kept in a history
// file from one dialog to the next (historyFile).

func (c *cli) dialog(args []string) int {
	fs := flag.NewFlagSet("sdfp dialog", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	var f runFlags
	f.sessionFlags(fs, "server unit whose monitor system the dialog runs in", "directory holding the BS2000 files")
	history := fs.String("history", "", "`FILE` keeping the inputs from one dialog to the next (\"off\": none; "+
		"default on a terminal: $XDG_STATE_HOME/sdfp/dialog-history, else ~/.local/state/sdfp/dialog-history)")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: sdfp dialog [flags]")
		fmt.Fprintln(c.stderr, "An interactive BS2000 dialog: enter commands at the / prompt; blocks run at their")
		fmt.Fprintln(c.stderr, "closing command; COMMAND? shows a command's operands; Ctrl-C cancels the input,")
		fmt.Fprintln(c.stderr, "LOGOFF, EXIT-JOB, !quit or Ctrl-D end the dialog; !history and !N recall inputs.")
		fmt.Fprintln(c.stderr, "Exit status: 0 (an error ends only its input), 1 the input ended inside a block or")
		fmt.Fprintln(c.stderr, "continued command, which did not run, 2 usage error, 4 a file could not be written.")
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
	// Ctrl-C is the dialog's own: it cancels an input, not the process
	// (on a terminal in raw mode it arrives as a key instead)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)
	intr := make(chan struct{}, 1)
	go func() {
		for range sig {
			select {
			case intr <- struct{}{}:
			default: // one is pending already
			}
		}
	}()
	streams, err := c.dialogIO(intr)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp dialog: terminal: %v\n", err)
		return exitUsage
	}
	defer streams.restore()
	s, err := session.New(session.Options{FS: root, Lang: lang, Stdout: streams.out, Stdin: strings.NewReader(""),
		Installation: inst, LocalSU: f.su})
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp dialog: %v\n", err)
		return exitUsage
	}
	s.Console.OnLine = newOutput(streams.out, false, lang).console
	hist := openHistory(*history, streams.terminal, c.stderr)
	failed, unrun := runDialogWith(s, streams.in, streams.out, dialogOptions{interrupts: intr, running: streams.running,
		history: hist, catalog: catalogFor(inst)})
	switch {
	case failed:
		return exitWriteFailed
	case unrun:
		// a script that ends inside a block did not run all of it
		return exitFindings
	}
	return exitOK
}

// errInterrupted is what readLine returns for Ctrl-C.
var errInterrupted = errors.New("interrupted")

// dialogInput gives the dialog its input lines, prompting for each;
// io.EOF ends the dialog, errInterrupted cancels the input.
type dialogInput interface {
	readLine() (string, error)
	setPrompt(string)
}

// dialogStreams are the dialog's input and output.
type dialogStreams struct {
	in       dialogInput
	out      io.Writer
	terminal bool
	restore  func()
	// running says that an input runs (a Ctrl-C key then stops it) and
	// returns the function that says it has ended; nil: not needed.
	running func() (reading func())
}

// dialogIO picks the input: a terminal gets line editing and arrow-key
// recall (golang.org/x/term), with the session's output going through
// the terminal so that it can keep the prompt line apart; anything else
// is read line by line and echoed after the prompt, so that a scripted
// dialog reads like a terminal session.
func (c *cli) dialogIO(intr chan struct{}) (dialogStreams, error) {
	stdin, okIn := c.stdin.(*os.File)
	stdout, okOut := c.stdout.(*os.File)
	if okIn && okOut && term.IsTerminal(int(stdin.Fd())) && term.IsTerminal(int(stdout.Fd())) {
		fd := int(stdin.Fd())
		state, err := term.MakeRaw(fd)
		if err != nil {
			return dialogStreams{}, err
		}
		t := newTerminalInput(stdin, stdout)
		t.keys.intr = intr
		return dialogStreams{in: t, out: t.writer(), terminal: true,
			restore: func() { term.Restore(fd, state) },
			running: func() func() {
				t.keys.running.Store(true)
				return func() { t.keys.running.Store(false) }
			}}, nil
	}
	return dialogStreams{in: newScriptInput(c.stdin, c.stdout, intr), out: c.stdout, restore: func() {}}, nil
}

// scriptInput reads lines that do not come from a terminal. A reader
// goroutine hands them over, so that a SIGINT (Ctrl-C in a terminal
// that pipes into sdfp) can cancel the input while a read waits.
type scriptInput struct {
	lines  chan scannedLine
	out    io.Writer
	intr   <-chan struct{}
	prompt string
}

type scannedLine struct {
	text string
	err  error
}

func newScriptInput(r io.Reader, out io.Writer, intr <-chan struct{}) *scriptInput {
	s := &scriptInput{lines: make(chan scannedLine), out: out, intr: intr, prompt: "/"}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			s.lines <- scannedLine{text: sc.Text()}
		}
		err := sc.Err()
		if err == nil {
			err = io.EOF
		}
		for {
			s.lines <- scannedLine{err: err} // every later read ends too
		}
	}()
	return s
}

func (s *scriptInput) setPrompt(p string) { s.prompt = p }

func (s *scriptInput) readLine() (string, error) {
	fmt.Fprint(s.out, s.prompt)
	select {
	case l := <-s.lines:
		if l.err != nil {
			fmt.Fprintln(s.out)
			return "", l.err
		}
		fmt.Fprintln(s.out, strings.TrimPrefix(strings.TrimLeft(l.text, " "), "/"))
		return l.text, nil
	case <-s.intr:
		fmt.Fprintln(s.out, "^C")
		return "", errInterrupted
	}
}

// terminalInput reads lines from a terminal in raw mode: the cursor keys
// edit the line and recall earlier ones; Ctrl-D on an empty line ends
// the dialog, Ctrl-C cancels the line (x/term reports both as the end
// of the input, so keys watches for it).
type terminalInput struct {
	term *term.Terminal
	keys *keyPump
	w    io.Writer // the terminal itself
}

// writer is where the session's output goes: through the current line
// editor, which keeps the prompt line apart.
func (t *terminalInput) writer() io.Writer { return termWriter{t} }

type termWriter struct{ t *terminalInput }

func (w termWriter) Write(p []byte) (int, error) { return w.t.term.Write(p) }

// newEditor makes a fresh line editor, keeping the recall history: after
// Ctrl-C, whose line x/term would otherwise keep for the next read.
func (t *terminalInput) newEditor(prompt string) {
	var hist term.History
	if t.term != nil {
		hist = t.term.History
	}
	t.term = term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{t.keys, t.w}, prompt)
	if hist != nil {
		t.term.History = hist
	}
}

// keyPump reads the terminal's keys all the time, also while an input
// runs: keys typed ahead wait for the next line, and a Ctrl-C typed
// while an input runs stops it (sent on intr) instead of waiting there.
type keyPump struct {
	chunks  chan []byte
	pending []byte
	err     error
	running atomic.Bool   // an input runs
	hit     atomic.Bool   // a Ctrl-C went to the line editor
	intr    chan struct{} // nil: Ctrl-C while running is not watched
}

func newKeyPump(r io.Reader) *keyPump {
	k := &keyPump{chunks: make(chan []byte, 64)}
	go func() {
		for {
			buf := make([]byte, 256)
			n, err := r.Read(buf)
			chunk := buf[:n]
			if bytes.IndexByte(chunk, 3) >= 0 {
				if k.running.Load() && k.intr != nil {
					chunk = bytes.ReplaceAll(chunk, []byte{3}, nil)
					select {
					case k.intr <- struct{}{}:
					default:
					}
				} else {
					k.hit.Store(true)
				}
			}
			if len(chunk) > 0 {
				k.chunks <- chunk
			}
			if err != nil {
				k.err = err
				close(k.chunks)
				return
			}
		}
	}()
	return k
}

func (k *keyPump) Read(p []byte) (int, error) {
	if len(k.pending) == 0 {
		c, ok := <-k.chunks
		if !ok {
			return 0, k.err
		}
		k.pending = c
	}
	n := copy(p, k.pending)
	k.pending = k.pending[n:]
	return n, nil
}

func newTerminalInput(r io.Reader, w io.Writer) *terminalInput {
	t := &terminalInput{keys: newKeyPump(r), w: w}
	t.newEditor("/")
	return t
}

func (t *terminalInput) setPrompt(p string) { t.term.SetPrompt(p) }

func (t *terminalInput) readLine() (string, error) {
	line, err := t.term.ReadLine()
	if err == term.ErrPasteIndicator {
		err = nil // a pasted line is a line like any other
	}
	if err == io.EOF && t.keys.hit.Swap(false) {
		io.WriteString(t.w, "^C\r\n")
		t.newEditor("/")
		return "", errInterrupted
	}
	if err == io.EOF {
		t.term.Write([]byte("\n"))
	}
	return line, err
}

// dialogOptions are what a dialog may have beyond its input and output.
type dialogOptions struct {
	interrupts <-chan struct{}  // Ctrl-C while an input runs stops it (nil: none)
	running    func() func()    // see dialogStreams.running
	history    *historyFile     // nil: inputs are not kept
	catalog    *catalog.Catalog // nil: the built-in one
}

// errCtrlC is why an input's run was cancelled, as its SDP0099 message
// says it.
var errCtrlC = errors.New("INTERRUPTED (CTRL-C)")

// runDialog runs a dialog without signals or history (tests).
func runDialog(s *session.Session, in dialogInput, out io.Writer) (failed, unrun bool) {
	return runDialogWith(s, in, out, dialogOptions{})
}

// runDialogWith reads and runs the dialog's inputs until LOGOFF,
// EXIT-JOB, !quit or the end of the input. failed reports that a file
// could not be written (a job variable after an input, a SYSLST or
// SYSOUT file at the end); each is reported when it happens. unrun
// reports that the input ended inside a block or continued command.
func runDialogWith(s *session.Session, in dialogInput, out io.Writer, o dialogOptions) (failed, unrun bool) {
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
	cat := o.catalog
	if cat == nil {
		cat = catalog.Builtin()
	}
	history := o.history.entries()
	if t, ok := in.(*terminalInput); ok && o.history != nil {
		t.term.History = o.history.lines()
	}
	var pending []string // lines of an open block or continued command
	var blocks []string  // the open blocks, outermost first
	n := 0
	runInput := func(text string) {
		n++
		proc, errs := p.ParseFile(fmt.Sprintf("input %d", n), text)
		if len(errs) > 0 {
			for _, e := range errs {
				// as a run prints it: the key's text around the reader's
				fmt.Fprintln(out, s.Msgs.Render(msg.New(e.Code, e.Msg), s.Language()))
			}
			return
		}
		ctx, cancel := context.WithCancelCause(context.Background())
		done, watched := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(watched)
			select {
			case <-o.interrupts:
				cancel(errCtrlC)
			case <-done:
			}
		}()
		var reading func()
		if o.running != nil {
			reading = o.running()
		}
		err := d.RunContext(ctx, proc)
		if reading != nil {
			reading()
		}
		close(done)
		// the watcher has ended before the next prompt: left running, it
		// could take the Ctrl-C meant for the next line (a select picks
		// at random when done and the interrupt are both ready)
		<-watched
		cancel(nil) // the first cancel's cause stays
		switch {
		case err != nil && err.Limit && errors.Is(context.Cause(ctx), errCtrlC):
			// the user's own Ctrl-C is no run limit (SDP0099 says RUN
			// LIMIT REACHED): said as the prompt's Ctrl-C is
			fmt.Fprintf(out, "sdfp: input interrupted (Ctrl-C) at its line %d; the rest of it did not run\n", err.Pos.Line)
		case err != nil && err.Limit:
			fmt.Fprintln(out, s.Msgs.Render(err.Msg, s.Language()))
		}
		report(s.Flush())
	}
	remember := func(entry string) {
		history = append(history, entry)
		o.history.add(entry)
	}
	for {
		in.setPrompt(dialogPrompt(blocks))
		line, err := in.readLine()
		if err == errInterrupted {
			if len(pending) > 0 {
				fmt.Fprintf(out, "sdfp: input cancelled (%d line(s)%s not run)\n", len(pending), openBlocksText(blocks))
			}
			pending, blocks = nil, nil
			continue
		}
		if err != nil {
			if err != io.EOF {
				fmt.Fprintf(out, "sdfp dialog: %v\n", err)
			} else if len(pending) > 0 {
				fmt.Fprintf(out, "sdfp: end of input: %d line(s)%s not run\n", len(pending), openBlocksText(blocks))
				unrun = true
			}
			return
		}
		line = strings.TrimRight(line, " \t\r")
		// ! lines are the dialog's own inside an open block too (no
		// command starts with !): they were taken for lines of the block
		if strings.HasPrefix(strings.TrimLeft(line, " "), "!") && !continued(pending) {
			cmd := strings.TrimSpace(strings.TrimLeft(line, " ")[1:])
			k, numErr := strconv.Atoi(cmd)
			switch {
			case cmd == "quit":
				return
			case cmd == "history":
				for i, h := range history {
					fmt.Fprintf(out, "%3d %s\n", i+1, strings.ReplaceAll(h, "\n", "\n    "))
				}
			case numErr != nil:
				fmt.Fprintf(out, "sdfp: unknown dialog command !%s (!history, !N, !quit)\n", cmd)
			case k < 1 || k > len(history):
				fmt.Fprintf(out, "sdfp: no input %d in the history (%d input(s); !history lists them)\n", k, len(history))
			case len(pending) > 0:
				fmt.Fprintf(out, "sdfp: !%d runs an input at the / prompt; end the open %s block first (or Ctrl-C to cancel it)\n", k, strings.Join(blocks, "."))
			default:
				entry := history[k-1]
				remember(entry)
				runInput(entry + "\n")
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if len(pending) == 0 && guidance(out, cat, line) {
			continue
		}
		if !strings.HasPrefix(strings.TrimLeft(line, " "), "/") {
			line = "/" + line
		}
		pending = append(pending, line)
		if strings.HasSuffix(line, "-") {
			continue // continuation line
		}
		blocks = blockChange(cat, line, blocks)
		if len(blocks) > 0 {
			continue
		}
		if len(pending) == 1 && endsDialog(cat, line) {
			return
		}
		text := strings.Join(pending, "\n") + "\n"
		pending, blocks = nil, nil
		remember(strings.TrimSuffix(text, "\n"))
		runInput(text)
	}
}

// continued reports whether the last pending line ends in a continuation
// hyphen: the next line is the rest of that command, whatever it starts
// with.
func continued(pending []string) bool {
	return len(pending) > 0 && strings.HasSuffix(pending[len(pending)-1], "-")
}

// dialogPrompt is "/" at the top level and names the open blocks inside
// one: "IF/", "WHILE.IF/".
func dialogPrompt(blocks []string) string {
	if len(blocks) == 0 {
		return "/"
	}
	return strings.Join(blocks, ".") + "/"
}

func openBlocksText(blocks []string) string {
	if len(blocks) == 0 {
		return ""
	}
	return " of the open " + strings.Join(blocks, ".") + " block"
}

// dialogEnders are the commands that end a dialog (the BS2000 commands
// manual, LOGOFF and EXIT-JOB, "Terminate current job", V); their
// operands (KEEP-CONNECTION, SYSTEM-OUTPUT, MODE ...) have no effect in
// sdfp. They are not in the catalog: a procedure that ends its job is
// not modelled.
var dialogEnders = []string{"LOGOFF", "EXIT-JOB"}

// endsDialog reports whether a command line is LOGOFF or EXIT-JOB, or
// an abbreviation of one that names no catalog command.
func endsDialog(cat *catalog.Catalog, line string) bool {
	name := commandWord(line)
	if name == "" {
		return false
	}
	// the catalog declares both (the batch-job commands): what it
	// resolves the name to decides; a name it does not know may still
	// abbreviate one of them
	if cmd, cands := cat.Lookup(name); cmd != nil || len(cands) > 0 {
		return cmd != nil && slices.Contains(dialogEnders, cmd.Name)
	}
	for _, e := range dialogEnders {
		if strings.EqualFold(name, e) || catalog.Abbreviates(name, e) {
			return true
		}
	}
	return false
}

// commandWord is the command name of a command line (after "/" and a
// label), "" for none.
func commandWord(line string) string {
	f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "/"))
	if len(f) == 0 {
		return ""
	}
	name := f[0]
	if strings.HasSuffix(name, ":") && len(f) > 1 {
		name = f[1]
	}
	return strings.SplitN(strings.SplitN(name, "(", 2)[0], ",", 2)[0]
}

// guidance answers COMMAND? (also "COMMAND ?" and COMMAND?OPERANDS): as
// SDF shows the operand form of a command in unguided dialog (SDF
// Dialog Interface user guide, "Input in temporarily guided dialog", V),
// sdfp prints the command's operands with their defaults, as sdfp help
// COMMAND does; nothing runs. A "?" alone lists the commands. It reports
// whether the line was such a request.
func guidance(out io.Writer, cat *catalog.Catalog, line string) bool {
	text := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "/"))
	if text == "?" {
		fmt.Fprintln(out, "Commands (COMMAND? shows the operands of one):")
		for _, c := range cat.Commands() {
			fmt.Fprintf(out, "  %-30s %s\n", c.Name, c.Domain)
		}
		return true
	}
	i := strings.IndexByte(text, '?')
	if i <= 0 || strings.ContainsAny(text[:i], "'=(") {
		return false // a ? inside a string or an operand value is the command's own
	}
	name := strings.TrimSpace(text[:i])
	if strings.ContainsAny(name, " ,") {
		return false
	}
	cmd, cands := cat.Lookup(name)
	switch {
	case cmd != nil:
		helpCommand(out, cmd)
	case len(cands) > 1:
		fmt.Fprintf(out, "sdfp: %s is ambiguous: %s\n", strings.ToUpper(name), strings.Join(cands, ", "))
	default:
		fmt.Fprintf(out, "sdfp: no command %s (? lists them)\n", strings.ToUpper(name))
	}
	return true
}

// blockChange applies a command line's block commands to the stack of
// open blocks: a command that opens a block pushes its name, one that
// closes a block pops the innermost.
func blockChange(cat *catalog.Catalog, line string, blocks []string) []string {
	for _, part := range strings.Split(strings.TrimPrefix(strings.TrimSpace(line), "/"), ";") {
		name := commandWord(part)
		if name == "" {
			continue
		}
		cmd, _ := cat.Lookup(name)
		if cmd == nil {
			continue
		}
		switch cmd.Role {
		case catalog.RoleIf, catalog.RoleIfBlockError, catalog.RoleIfCmdError, catalog.RoleWhile,
			catalog.RoleRepeat, catalog.RoleFor, catalog.RoleBeginBlock, catalog.RoleBeginParams:
			blocks = append(blocks, cmd.Name)
		case catalog.RoleEndIf, catalog.RoleEndWhile, catalog.RoleUntil, catalog.RoleEndFor,
			catalog.RoleEndBlock, catalog.RoleEndParams:
			if len(blocks) > 0 {
				blocks = blocks[:len(blocks)-1]
			}
		}
	}
	return blocks
}
