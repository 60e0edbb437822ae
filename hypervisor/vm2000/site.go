package vm2000

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"sdfp/hypervisor/bs2000/site"
	"sdfp/interp/handler"
	"sdfp/lexer/ebcdic"
	"sdfp/parser/catalog"
)

// Site commands: the installation file declares the BS2000 commands sdfp
// does not model; they are checked here, with the rest of the file, and
// run by package hypervisor/bs2000/site.

// CommandSpec declares one site command.
type CommandSpec struct {
	Name string `yaml:"name"`
	// Operands in the catalog's notation (see `sdfp help` of any command);
	// empty: any operand list is accepted unchecked.
	Operands string `yaml:"operands"`
	Help     string `yaml:"help"`
	// Output are the SYSOUT lines the command prints each time it runs.
	Output []string `yaml:"output"`
	// The return code: CMD0001 with subcodes 0 unless given. A command
	// with SC1 > 0 fails (and spins off).
	Maincode string `yaml:"maincode"`
	SC1      int    `yaml:"sc1"`
	SC2      int    `yaml:"sc2"`
	at       located
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *CommandSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain CommandSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

var maincodeSyntax = compileOnUse(`^[A-Z]{3}[0-9A-Z]{4}$`)

// siteCommand checks a site command's declaration against the built-in
// catalog and the commands seen before it, and fills its defaults.
func (c *checker) siteCommand(s *CommandSpec, builtin *catalog.Catalog, seen map[string]bool) {
	s.Name = strings.ToUpper(strings.TrimSpace(s.Name))
	if !catalog.IsCommandName(s.Name) {
		c.errorf(s.at.of("name"), "site command: %q is not a command name (%s)", s.Name, catalog.CommandNameRule)
		return
	}
	if cmd := builtin.Exact(s.Name); cmd != nil && !catalog.IsReplaceable(cmd) {
		c.errorf(s.at.of("name"), "site command %s is a command sdfp runs itself and cannot be redeclared", s.Name)
	}
	if seen[s.Name] {
		c.errorf(s.at.of("name"), "site command %s declared twice", s.Name)
	}
	seen[s.Name] = true
	if _, err := catalog.NewCommand(s.Name, s.Operands, "", "", ""); err != nil {
		c.errorf(s.at.of("operands"), "operands of %s: %v", s.Name, err)
	}
	s.Maincode = strings.ToUpper(s.Maincode)
	switch {
	case s.Maincode == "" && s.SC1 > 0:
		c.errorf(s.at.of("sc1"), "site command %s fails (sc1 %d) and needs the maincode of its message", s.Name, s.SC1)
	case s.Maincode == "":
		s.Maincode = handler.OK.Main
	case !maincodeSyntax().MatchString(s.Maincode):
		c.errorf(s.at.of("maincode"), "maincode %q is no message key like CMD0001", s.Maincode)
	}
	if s.SC1 < 0 || s.SC1 > 255 || s.SC2 < 0 || s.SC2 > 255 {
		c.errorf(s.at.node, "site command %s: sc1 and sc2 are 0..255", s.Name)
	}
	// the output goes to SYSOUT, which is EBCDIC on BS2000 (package
	// lexer/ebcdic): a character without a code is refused, not changed
	for i, line := range s.Output {
		if off, _ := ebcdic.Valid(line); off >= 0 {
			c.errorf(s.at.of("output"), "site command %s: output line %d holds %s, which has no EBCDIC code (code page 1047)",
				s.Name, i+1, ebcdic.Describe(line, off))
			break
		}
	}
}

// Catalog returns the built-in command catalog extended by the
// installation's site commands.
func (inst *Installation) Catalog() *catalog.Catalog {
	cat := catalog.Builtin()
	for _, s := range inst.Commands {
		help := s.Help
		if help == "" {
			help = "A command of the site, declared in " + inst.File + "."
		}
		cmd, err := catalog.NewCommand(s.Name, s.Operands, "site", "installation file "+inst.File, help)
		if err == nil { // check has reported every declaration that fails
			cat.Add(cmd)
		}
	}
	return cat
}

// CatalogKey names everything Catalog builds its catalog from (the
// file's name and each site command's name, operands and help), so that
// installations with the same key have catalogs alike: a cache of parsed
// procedures (interp.ProcedureCache) shares one catalog between them.
// Never "": that is the key of the built-in catalog.
func (inst *Installation) CatalogKey() string {
	var b strings.Builder
	b.WriteString("site commands of ")
	b.WriteString(strconv.Quote(inst.File))
	for _, s := range inst.Commands {
		fmt.Fprintf(&b, "\n%q %q %q", s.Name, s.Operands, s.Help)
	}
	return b.String()
}

// SiteCommands returns the installation's site commands as they run
// (package hypervisor/bs2000/site executes them).
func (inst *Installation) SiteCommands() []site.Command {
	out := make([]site.Command, len(inst.Commands))
	for i, s := range inst.Commands {
		out[i] = site.Command{Name: s.Name, Output: s.Output, RC: handler.ReturnCode{SC2: s.SC2, SC1: s.SC1, Main: s.Maincode}}
	}
	return out
}
