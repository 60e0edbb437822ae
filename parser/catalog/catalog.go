// Package catalog declares every SDF command sdfp knows: its name, aliases,
// operands with their value types, ranges, keyword values and defaults. The
// declarations are written in a notation close to the BS2000 manuals'
// syntax diagrams (see dsl.go) and drive parsing, abbreviation, validation,
// help and `sdfp check`. Adding a command or operand is a data change.
package catalog

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

// Role is the part a command plays in SDF-P's block structure.
type Role int

const (
	RoleNone         Role = iota
	RoleIf                // IF: opens an IF block
	RoleElseIf            // ELSE-IF
	RoleElse              // ELSE (in IF, IF-BLOCK-ERROR and IF-CMD-ERROR blocks)
	RoleEndIf             // END-IF
	RoleIfBlockError      // IF-BLOCK-ERROR: opens an error-handling block
	RoleIfCmdError        // IF-CMD-ERROR: opens a command error block
	RoleWhile             // WHILE
	RoleEndWhile          // END-WHILE
	RoleRepeat            // REPEAT
	RoleUntil             // UNTIL: closes REPEAT
	RoleFor               // FOR
	RoleEndFor            // END-FOR
	RoleBeginBlock        // BEGIN-BLOCK
	RoleEndBlock          // END-BLOCK
	RoleBeginParams       // BEGIN-PARAMETER-DECLARATION
	RoleEndParams         // END-PARAMETER-DECLARATION
	RoleBranch            // GOTO, CYCLE, EXIT-BLOCK, INCLUDE-BLOCK: branch commands
	RoleExit              // EXIT-PROCEDURE and friends: leave the procedure
)

// Command is the declaration of one SDF command.
type Command struct {
	Name    string
	Aliases []string // exact alternative names (STV, EXEC-CMD, CALL)
	Role    Role
	Domain  string // "SDF-P", "BS2000", "JV", "VM2000"
	Help    string // one-paragraph description for `sdfp help`
	// Source says where the declaration comes from and how sure it is:
	// V verified in a manual page, I inferred, S from the seeds only.
	Source string
	// NameValue names the two operands that take the key and the value of
	// a leading "NAME = value" operand whose key is not an operand name:
	// SET-VARIABLE A = 1, FOR I = *COUNTER(...).
	NameValue []string
	// Minimum is the shortest accepted abbreviation of the name, if the
	// syntax file sets one; shorter input is rejected even when unique.
	Minimum string
	// AnyOperands: the command's operands are not declared; any
	// syntactically correct operand list is accepted and none is bound
	// (a site command of an installation file declared without operands).
	AnyOperands bool

	// Notation is the operand declaration in the catalog notation, as
	// the built-in table or the installation file writes it. Operands
	// holds it parsed; internal/gencatalog parses the built-in ones anew
	// to generate operands_literal.go.
	Notation string

	// operands: a built-in command's come from operands_literal.go, a
	// site command's are parsed by NewCommand.
	operands []*Operand
}

// Operands returns the command's operand declarations, parsed.
func (c *Command) Operands() []*Operand { return c.operands }

// NewCommand declares a command from outside the built-in tables (an
// installation file's site commands): ops in the catalog notation, or
// empty for a command whose operands are not checked. It fails on a
// name that is no command name or on a bad declaration.
func NewCommand(name, ops, domain, source, help string) (*Command, error) {
	name = strings.ToUpper(name)
	if !IsCommandName(name) {
		return nil, fmt.Errorf("%q is not a command name (%s)", name, CommandNameRule)
	}
	cmd := &Command{Name: name, Domain: domain, Source: source, Help: help, Notation: ops, AnyOperands: strings.TrimSpace(ops) == ""}
	if !cmd.AnyOperands {
		parsed, err := ParseOperands(ops)
		if err != nil {
			return nil, err
		}
		cmd.operands = parsed
	}
	return cmd, nil
}

// CommandNameRule says in words what IsCommandName accepts.
const CommandNameRule = "letters, digits and hyphens, 1..30 characters, starting with a letter"

// IsCommandName reports whether s (in capitals) can name a command.
func IsCommandName(s string) bool {
	if s == "" || len(s) > 30 || s[0] < 'A' || s[0] > 'Z' || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Operand declares one operand of a command or structure.
type Operand struct {
	Name      string
	Aliases   []string // other accepted operand names (VARIABLE-NAME / NAME)
	Alts      []*Alt   // value alternatives, in the manual's order
	Mandatory bool
	ListMax   int // list-poss(n): how many values a list may hold; 0: no list
}

// AltKind is the kind of one value alternative.
type AltKind int

const (
	AltKeyword        AltKind = iota // *KEYWORD, possibly introducing a structure
	AltLiteral                       // a default written as a plain value: 64, SDP0018
	AltInteger                       // <integer n..m>
	AltCString                       // <c-string n..m>
	AltXString                       // <x-string n..m>
	AltName                          // <name n..m>
	AltAlphanumName                  // <alphanum-name n..m>
	AltStructuredName                // <structured-name n..m>
	AltComposedName                  // <composed-name n..m>: S variable names
	AltFilename                      // <filename n..m>: file and JV names
	AltText                          // <text n..m>: free text, kept raw
	AltExpr                          // <expr>: an SDF-P expression
	AltCond                          // <cond>: a JV conditional expression
	AltCommand                       // <command>: the text of a command (EXECUTE-CMD)
	AltFixed                         // <fixed n.nn..m.mm>: a decimal number (CPU quotas)
)

var altKindNames = map[string]AltKind{
	"integer": AltInteger, "c-string": AltCString, "x-string": AltXString,
	"name": AltName, "alphanum-name": AltAlphanumName, "structured-name": AltStructuredName,
	"composed-name": AltComposedName, "filename": AltFilename, "text": AltText,
	"expr": AltExpr, "cond": AltCond, "command": AltCommand, "fixed": AltFixed,
}

// KindName returns the manual's name of a data type, as used in help.
func (k AltKind) String() string {
	for n, v := range altKindNames {
		if v == k {
			return n
		}
	}
	if k == AltKeyword {
		return "keyword"
	}
	return "literal"
}

// Alt is one alternative of an operand's value.
type Alt struct {
	Kind     AltKind
	Keyword  string // AltKeyword: the keyword with its star, *MAXIMUM
	Literal  string // AltLiteral: the literal text
	Min, Max int64  // ranges: integer bounds, or length bounds (0 = none)
	HasRange bool
	// Scale is the number of decimal places of a <fixed> range; its
	// bounds, and the values bound to it, count in units of 10^-Scale
	// (<fixed 0.01..99.99>: Min 1, Max 9999, Scale 2).
	Scale int
	Lower bool // with-low: lower case is kept
	// Wild (with-wild) marks a text or name alternative that holds a name
	// pattern with SDF's wildcards (SDF-P RR "Suffixes for data types",
	// -wild(n), V): the commas of a choice <s1,s2,...> belong to the
	// pattern, so the binder keeps such a group in one operand
	// (parser/wildjoin.go), and a name type takes the pattern's
	// characters, up to wildLength of them (parser.wildNameFits).
	Wild bool
	// NullAbbrev: the keyword may be omitted and only its structure
	// written in parentheses, as in JV-CONTENTS=(MYJV,5,2).
	NullAbbrev bool
	Struct     []*Operand // sub-operands of a structure introduced by the keyword
}

// Raw reports whether values of this alternative are taken as raw text
// rather than analysed as SDF operand values.
func (a *Alt) Raw() bool {
	switch a.Kind {
	case AltText, AltExpr, AltCond, AltCommand:
		return true
	}
	return false
}

// Default returns the textual default of an optional operand: its first
// alternative when that is a keyword or literal.
func (o *Operand) Default() string {
	if o.Mandatory || len(o.Alts) == 0 {
		return ""
	}
	a := o.Alts[0]
	switch a.Kind {
	case AltKeyword:
		return a.Keyword
	case AltLiteral:
		return a.Literal
	}
	return ""
}

// Names returns the operand's name and aliases.
func (o *Operand) Names() []string { return append([]string{o.Name}, o.Aliases...) }

// Catalog is a set of command declarations with abbreviation lookup.
type Catalog struct {
	cmds   []*Command
	byName map[string]*Command // full names and aliases
}

// Add declares (or replaces) a command: a later declaration with the
// same name replaces an earlier one, so an installation can extend or
// correct the built-in table.
func (c *Catalog) Add(cmd *Command) {
	if old, ok := c.byName[cmd.Name]; ok {
		for i, x := range c.cmds {
			if x == old {
				c.cmds = append(c.cmds[:i], c.cmds[i+1:]...)
				break
			}
		}
	}
	c.cmds = append(c.cmds, cmd)
	c.byName[cmd.Name] = cmd
	for _, a := range cmd.Aliases {
		c.byName[a] = cmd
	}
}

// clone returns a catalog with the same commands that can be extended
// without changing c.
func (c *Catalog) clone() *Catalog {
	return &Catalog{cmds: slices.Clone(c.cmds), byName: maps.Clone(c.byName)}
}

// Commands returns all declarations sorted by name.
func (c *Catalog) Commands() []*Command {
	out := append([]*Command(nil), c.cmds...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Exact returns the command with exactly this name or alias.
func (c *Catalog) Exact(name string) *Command { return c.byName[strings.ToUpper(name)] }

// Lookup resolves a possibly abbreviated command name. It returns the
// command, or nil and the candidates when the name is unknown (no
// candidates) or ambiguous (several).
func (c *Catalog) Lookup(name string) (*Command, []string) {
	name = strings.ToUpper(name)
	if cmd := c.byName[name]; cmd != nil {
		return cmd, nil
	}
	var found []*Command
	for _, cmd := range c.cmds {
		if Abbreviates(name, cmd.Name) && (cmd.Minimum == "" || len(name) >= len(cmd.Minimum)) {
			found = append(found, cmd)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	if cmd := wholeNameMatch(name, found); cmd != nil {
		return cmd, nil
	}
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = f.Name
	}
	sort.Strings(names)
	return nil, names
}

// wholeNameMatch picks, among the commands an abbreviation matches, the
// one whose name has as many parts as the input (no part left out), when
// there is exactly one: MIG-VM is MIGRATE-VM, not MIGRATE-VM-DEFINITION,
// as the full name MIGRATE-VM would be. The parts rule is the BS2000
// commands manual's, "Abbreviation of names" (V); preferring the
// candidate that omits no part is sdfp's reading of how SDF settles such
// a tie (I).
func wholeNameMatch(name string, found []*Command) *Command {
	parts := strings.Count(strings.TrimPrefix(name, "*"), "-")
	var whole *Command
	for _, cmd := range found {
		if strings.Count(strings.TrimPrefix(cmd.Name, "*"), "-") == parts {
			if whole != nil {
				return nil
			}
			whole = cmd
		}
	}
	return whole
}

// LookupOperand resolves a possibly abbreviated operand name among ops.
func LookupOperand(ops []*Operand, name string) (*Operand, []string) {
	name = strings.ToUpper(name)
	for _, o := range ops {
		for _, n := range o.Names() {
			if n == name {
				return o, nil
			}
		}
	}
	var found []*Operand
	for _, o := range ops {
		for _, n := range o.Names() {
			if Abbreviates(name, n) {
				found = append(found, o)
				break
			}
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = f.Name
	}
	return nil, names
}

// Abbreviates reports whether short is an SDF abbreviation of full: both
// split at hyphens, short has at most as many parts, and each part of
// short is a non-empty prefix of the corresponding part of full. A leading
// star is ignored on both; a star alone abbreviates nothing. Comparison is
// case-insensitive for ASCII letters.
func Abbreviates(short, full string) bool {
	short = strings.TrimPrefix(short, "*")
	full = strings.TrimPrefix(full, "*")
	if short == "" || strings.HasSuffix(short, ".") {
		return false
	}
	for {
		si := strings.IndexByte(short, '-')
		fi := strings.IndexByte(full, '-')
		sp, fp := short, full
		if si >= 0 {
			sp = short[:si]
		}
		if fi >= 0 {
			fp = full[:fi]
		}
		if sp == "" || len(sp) > len(fp) || !strings.EqualFold(sp, fp[:len(sp)]) {
			return false
		}
		if si < 0 {
			return true
		}
		if fi < 0 {
			return false
		}
		short, full = short[si+1:], full[fi+1:]
	}
}
