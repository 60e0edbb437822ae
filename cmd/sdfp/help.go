package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"sdfp/builtins"
	"sdfp/hypervisor/msg"
	"sdfp/parser/catalog"
)

func (c *cli) help(args []string) int {
	fs := flag.NewFlagSet("sdfp help", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	instFile := fs.String("installation", "", "installation file whose site commands are listed too")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: sdfp help [--installation FILE] [COMMAND|FUNCTION|MESSAGE|TOPIC|SUBCOMMAND]")
		fs.PrintDefaults()
	}
	if code, done := parseFlags(fs, args); done {
		return code
	}
	args = fs.Args()
	inst, err := installation(*instFile)
	if err != nil {
		fmt.Fprintf(c.stderr, "sdfp help: %v\n", err)
		return exitUsage
	}
	if len(args) == 0 {
		cat := catalogFor(inst)
		c.helpIndex(cat)
		return exitOK
	}
	if len(args) > 1 {
		fs.Usage()
		return exitUsage
	}
	if t := lookupTopic(args[0]); t != nil {
		t.show(c.stdout, helpWidth(c.stdout))
		return exitOK
	}
	cat := catalogFor(inst)
	name := strings.ToUpper(args[0])
	// a subcommand as the usage writes it (lower case) before a command
	// it abbreviates: "check" and "help" are also the only CHECK-... and
	// HELP-... commands, and showed CHECK-VM-MIGRATION and
	// HELP-MSG-INFORMATION
	for _, s := range subcommands() {
		if s.name == args[0] {
			// sdfp help run: the subcommand's own usage, on stdout
			code := s.run(&cli{stdin: c.stdin, stdout: c.stdout, stderr: c.stdout}, []string{"-h"})
			if cmd, _ := cat.Lookup(name); cmd != nil {
				fmt.Fprintf(c.stdout, "\n(the %s command: sdfp help %s)\n", cmd.Name, cmd.Name)
			}
			return code
		}
	}
	msgs := msg.Default()
	key := name
	if d := strings.ToLower(args[0]); msg.IsDetail(d) {
		key = d // details have lower-case keys (a command name looks alike, and is tried next)
	}
	if m := msgs.Lookup(key); m != nil {
		helpMessage(c.stdout, msgs, m)
		return exitOK
	}
	if f := builtins.Default.Lookup(strings.TrimSuffix(name, "()")); f != nil {
		helpFunction(c.stdout, f)
		return exitOK
	}
	cmd, cands := cat.Lookup(name)
	if cmd != nil {
		helpCommand(c.stdout, cmd)
		return exitOK
	}
	if len(cands) > 1 {
		fmt.Fprintf(c.stderr, "sdfp help: %s is ambiguous: %s\n", name, strings.Join(cands, ", "))
		return exitFindings
	}
	for _, s := range subcommands() {
		if s.name == strings.ToLower(args[0]) {
			// sdfp help RUN: the subcommand, when no command is meant
			return s.run(&cli{stdin: c.stdin, stdout: c.stdout, stderr: c.stdout}, []string{"-h"})
		}
	}
	{
		fmt.Fprintf(c.stderr, "sdfp help: no command, function, message or subcommand %s (run 'sdfp help' for the list)\n", name)
	}
	return exitFindings
}

func (c *cli) helpIndex(cat *catalog.Catalog) {
	w := c.stdout
	width := helpWidth(w)
	heading := func(text string) { fmt.Fprintln(w, wrap(text, width-1, "")) }
	heading("Commands (sdfp help COMMAND shows the operands; names may be abbreviated):")
	for _, cmd := range cat.Commands() {
		indexLine(w, width, withAliases(cmd.Name, cmd.Aliases), cmd.Domain, firstSentence(cmd.Help))
	}
	fmt.Fprintln(w)
	heading("Builtin functions (sdfp help FUNCTION):")
	for _, f := range builtins.Default.Functions() {
		indexLine(w, width, withAliases(f.Name, f.Aliases), f.Result.String(), firstSentence(f.Help))
	}
	fmt.Fprintln(w)
	heading("Topics (sdfp help TOPIC):")
	for _, t := range helpTopics() {
		indexLine(w, width, t.name, "", t.summary)
	}
	fmt.Fprintln(w)
	heading("Messages (sdfp help KEY shows both languages):")
	msgs := msg.Default()
	var details []string
	for _, k := range msgs.Keys() {
		if msg.IsDetail(k) {
			details = append(details, k)
			continue
		}
		fmt.Fprintf(w, "  %s %s\n", k, wrapFrom(msgs.Lookup(k).Text["E"], width-1, "          ", len(k)+3))
	}
	fmt.Fprintln(w)
	heading("Details: the texts that say what went wrong inside a general message (SDP0091 SEMANTIC ERROR: ...):")
	for _, k := range details {
		indexLine(w, width, k, "", msgs.Lookup(k).Text["E"])
	}
}

// helpMessage shows a message key in both languages with its meaning.
func helpMessage(w io.Writer, msgs *msg.Catalog, m *msg.Entry) {
	for i, lang := range []string{"E", "D"} {
		if i > 0 {
			fmt.Fprintln(w)
		}
		lines, _ := msgs.Help(m.Key, lang)
		fmt.Fprintf(w, "%s:\n", map[string]string{"E": "English", "D": "German"}[lang])
		for _, l := range lines {
			fmt.Fprintln(w, "  "+l)
		}
	}
	printSource(w, m.Source, helpWidth(w))
}

// withAliases renders "NAME (ALIAS, ...)".
func withAliases(name string, aliases []string) string {
	if len(aliases) == 0 {
		return name
	}
	return name + " (" + strings.Join(aliases, ", ") + ")"
}

func helpCommand(w io.Writer, cmd *catalog.Command) {
	fmt.Fprintf(w, "%s", cmd.Name)
	if len(cmd.Aliases) > 0 {
		fmt.Fprintf(w, " (alias %s)", strings.Join(cmd.Aliases, ", "))
	}
	fmt.Fprintf(w, "   [%s]\n\n", cmd.Domain)
	width := helpWidth(w)
	fmt.Fprintf(w, "%s\n\n", wrap(cmd.Help, width-4, ""))
	switch {
	case cmd.AnyOperands:
		fmt.Fprintln(w, "Operands not declared: any operand list is accepted.")
	case len(cmd.Operands()) == 0:
		fmt.Fprintln(w, "No operands.")
	default:
		fmt.Fprintln(w, "Operands (the first alternative is the default):")
		for _, op := range cmd.Operands() {
			line := op.Synopsis()
			if op.Mandatory {
				line += "   (mandatory)"
			}
			if len(op.Aliases) > 0 {
				line += "   (also " + strings.Join(op.Aliases, ", ") + ")"
			}
			fmt.Fprintf(w, "  %s\n", wrap(line, width-6, "      "))
		}
	}
	helpCommandExtras(w, width, cmd.Name)
	printSource(w, cmd.Source, width)
}

func helpFunction(w io.Writer, f *builtins.Function) {
	params := make([]string, len(f.Params))
	for i, p := range f.Params {
		s := p.Name
		var alts []string
		if !p.NoValue {
			alts = append(alts, strings.ToLower(p.Type.String()))
		}
		alts = append(alts, p.Keywords...)
		s += "=" + strings.Join(alts, "/")
		if p.Default != nil {
			s += fmt.Sprintf(" (default %v)", p.Default)
		}
		params[i] = s
	}
	width := helpWidth(w)
	sig := fmt.Sprintf("%s(%s) -> %s", f.Name, strings.Join(params, ", "), f.Result)
	if len(f.Aliases) > 0 {
		sig += fmt.Sprintf("   (alias %s)", strings.Join(f.Aliases, ", "))
	}
	fmt.Fprintf(w, "%s\n\n%s\n", wrap(sig, width-1, "    "), wrap(f.Help, width-4, ""))
	printSource(w, f.Source, width)
}

// wrap breaks text into lines of at most width characters at blanks;
// continuation lines start with indent.
func wrap(text string, width int, indent string) string { return wrapFrom(text, width, indent, 0) }

// wrapFrom is wrap for text that starts at column col.
func wrapFrom(text string, width int, indent string, col int) string {
	var b strings.Builder
	for i, word := range strings.Fields(text) {
		if i > 0 {
			if col+1+len(word) > width {
				b.WriteString("\n" + indent)
				col = len(indent)
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(word)
		col += len(word)
	}
	return b.String()
}
