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
		fmt.Fprintln(c.stderr, "usage: sdfp help [--installation FILE] [COMMAND|FUNCTION|MESSAGE]")
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
	cat := catalogFor(inst)
	if len(args) == 0 {
		c.helpIndex(cat)
		return exitOK
	}
	if len(args) > 1 {
		fs.Usage()
		return exitUsage
	}
	name := strings.ToUpper(args[0])
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
	} else {
		fmt.Fprintf(c.stderr, "sdfp help: no command, function or message %s (run 'sdfp help' for the list)\n", name)
	}
	return exitFindings
}

func (c *cli) helpIndex(cat *catalog.Catalog) {
	w := c.stdout
	fmt.Fprintln(w, "Commands (sdfp help COMMAND shows the operands; names may be abbreviated):")
	for _, cmd := range cat.Commands() {
		fmt.Fprintf(w, "  %-30s %-7s %s\n", withAliases(cmd.Name, cmd.Aliases), cmd.Domain, firstSentence(cmd.Help))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Builtin functions (sdfp help FUNCTION):")
	for _, f := range builtins.Default.Functions() {
		fmt.Fprintf(w, "  %-30s %-7s %s\n", withAliases(f.Name, f.Aliases), f.Result, firstSentence(f.Help))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Messages (sdfp help KEY shows both languages):")
	msgs := msg.Default()
	var details []string
	for _, k := range msgs.Keys() {
		if msg.IsDetail(k) {
			details = append(details, k)
			continue
		}
		fmt.Fprintf(w, "  %s %s\n", k, msgs.Lookup(k).Text["E"])
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Details: the texts that say what went wrong inside a general message (SDP0091 SEMANTIC ERROR: ...):")
	for _, k := range details {
		fmt.Fprintf(w, "  %-30s %s\n", k, msgs.Lookup(k).Text["E"])
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
	fmt.Fprintf(w, "\nSource: %s\n", m.Source)
}

// withAliases renders "NAME (ALIAS, ...)".
func withAliases(name string, aliases []string) string {
	if len(aliases) == 0 {
		return name
	}
	return name + " (" + strings.Join(aliases, ", ") + ")"
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

func helpCommand(w io.Writer, cmd *catalog.Command) {
	fmt.Fprintf(w, "%s", cmd.Name)
	if len(cmd.Aliases) > 0 {
		fmt.Fprintf(w, " (alias %s)", strings.Join(cmd.Aliases, ", "))
	}
	fmt.Fprintf(w, "   [%s]\n\n", cmd.Domain)
	fmt.Fprintf(w, "%s\n\n", wrap(cmd.Help, 76, ""))
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
			fmt.Fprintf(w, "  %s\n", wrap(line, 74, "      "))
		}
	}
	fmt.Fprintf(w, "\nSource: %s\n", cmd.Source)
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
	fmt.Fprintf(w, "%s(%s) -> %s", f.Name, strings.Join(params, ", "), f.Result)
	if len(f.Aliases) > 0 {
		fmt.Fprintf(w, "   (alias %s)", strings.Join(f.Aliases, ", "))
	}
	fmt.Fprintf(w, "\n\n%s\n\nSource: %s\n", wrap(f.Help, 76, ""), f.Source)
}

// wrap breaks text into lines of at most width characters at blanks;
// continuation lines start with indent.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	col := 0
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
