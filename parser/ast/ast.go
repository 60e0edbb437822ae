// Package ast defines the syntax tree of an SDF-P procedure: statements
// (commands and the blocks they form), bound operand values and SDF-P
// expressions. Every node carries the physical position it was read from.
package ast

import (
	"strings"

	"sdfp/lexer"
	"sdfp/parser/catalog"
)

// Pos is a source position.
type Pos = lexer.Pos

// Procedure is a parsed procedure file.
type Procedure struct {
	File string
	Body []Stmt
	// Labels maps each S label to the command that carries it.
	Labels map[string]*Command
	// Slots is one more than the highest Command.Slot of the file.
	Slots int
}

// Stmt is a statement: a simple command, a data line or a block.
type Stmt interface {
	// Opener is the command that starts the statement (for a simple
	// command, the command itself; nil for data lines).
	Opener() *Command
	Position() Pos
}

// Command is one SDF command as written, with its operands bound to the
// catalog declaration. A command whose text contains & substitutions is
// bound again at run time after substitution (Unit keeps its text).
type Command struct {
	Pos   Pos
	Label string // S label ("tag"), or a non-S label with its period (".NAME", for SKIP-COMMANDS); "" if none
	// Name is the command's full name; "" for a line that holds only a
	// label or only a comment.
	Name    string
	Written string // the name as written (abbreviated, any case)
	Spec    *catalog.Command
	Args    *Args // nil when the command could not be bound
	Unit    *lexer.Unit
	// Subst is set when the command text contains & (substitution is
	// done at run time, before the command is analysed again).
	Subst bool
	// Assign is set for the short assignment form "/A = expr".
	Assign bool
	// Errs are the problems SDF finds when it analyses the command (an
	// unknown name, a bad operand or value). As in BS2000, such a command
	// fails with the first when the procedure reaches it; only the block
	// structure is checked before a procedure runs.
	Errs []*lexer.Error
	// Slot numbers the command within its procedure file, from 1; 0 for
	// a command read on its own (one made by & replacement). A runner
	// keeps what it prepares for a command in a slice indexed by it
	// rather than in a map (issue 18); the tree itself holds nothing of
	// a run, so several runners can share it.
	Slot int
}

func (c *Command) Opener() *Command { return c }
func (c *Command) Position() Pos    { return c.Pos }

// Data is a data line (or a // statement line) for a program.
type Data struct {
	Unit *lexer.Unit
	Kind lexer.UnitKind
}

func (d *Data) Opener() *Command { return nil }
func (d *Data) Position() Pos    { return d.Unit.Pos() }

// CondBranch is the IF or an ELSE-IF part of an IF block.
type CondBranch struct {
	Cmd  *Command
	Cond Expr
	Body []Stmt
}

// If is IF ... [ELSE-IF ...] [ELSE ...] END-IF.
type If struct {
	Branches []*CondBranch
	ElseCmd  *Command // nil when there is no ELSE
	Else     []Stmt
	End      *Command
}

func (s *If) Opener() *Command { return s.Branches[0].Cmd }
func (s *If) Position() Pos    { return s.Branches[0].Cmd.Pos }

// ErrorBlock is IF-BLOCK-ERROR or IF-CMD-ERROR ... [ELSE ...] END-IF.
type ErrorBlock struct {
	Cmd     *Command
	ForCmd  bool // IF-CMD-ERROR (else IF-BLOCK-ERROR)
	Then    []Stmt
	ElseCmd *Command
	Else    []Stmt
	End     *Command
}

func (s *ErrorBlock) Opener() *Command { return s.Cmd }
func (s *ErrorBlock) Position() Pos    { return s.Cmd.Pos }

// While is WHILE ... END-WHILE.
type While struct {
	Cmd  *Command
	Cond Expr
	Body []Stmt
	End  *Command
}

func (s *While) Opener() *Command { return s.Cmd }
func (s *While) Position() Pos    { return s.Cmd.Pos }

// Repeat is REPEAT ... UNTIL condition.
type Repeat struct {
	Cmd   *Command
	Body  []Stmt
	Until *Command
	Cond  Expr
}

func (s *Repeat) Opener() *Command { return s.Cmd }
func (s *Repeat) Position() Pos    { return s.Cmd.Pos }

// For is FOR var = *LIST(...) / *COUNTER(...) ... END-FOR.
type For struct {
	Cmd  *Command
	Body []Stmt
	End  *Command
}

func (s *For) Opener() *Command { return s.Cmd }
func (s *For) Position() Pos    { return s.Cmd.Pos }

// Block is BEGIN-BLOCK ... END-BLOCK, and also the parameter declaration
// block BEGIN-PARAMETER-DECLARATION ... END-PARAMETER-DECLARATION.
type Block struct {
	Cmd  *Command
	Body []Stmt
	End  *Command
}

func (s *Block) Opener() *Command { return s.Cmd }
func (s *Block) Position() Pos    { return s.Cmd.Pos }

// LabelText is a label as written in front of a command: "TAG:" for an
// S label, ".NAME" for a non-S label.
func LabelText(label string) string {
	if strings.HasPrefix(label, ".") {
		return label
	}
	return label + ":"
}

// Tag returns the label of the statement's opening command.
func Tag(s Stmt) string {
	if c := s.Opener(); c != nil {
		return c.Label
	}
	return ""
}

// Children returns the statement lists directly inside a statement.
func Children(s Stmt) [][]Stmt {
	switch s := s.(type) {
	case *If:
		var out [][]Stmt
		for _, b := range s.Branches {
			out = append(out, b.Body)
		}
		return append(out, s.Else)
	case *ErrorBlock:
		return [][]Stmt{s.Then, s.Else}
	case *While:
		return [][]Stmt{s.Body}
	case *Repeat:
		return [][]Stmt{s.Body}
	case *For:
		return [][]Stmt{s.Body}
	case *Block:
		return [][]Stmt{s.Body}
	}
	return nil
}

// Walk calls fn for every statement in list, depth first, in source order.
// fn returning false skips the statement's children.
func Walk(list []Stmt, fn func(Stmt) bool) {
	for _, s := range list {
		if fn(s) {
			for _, c := range Children(s) {
				Walk(c, fn)
			}
		}
	}
}

// Commands returns every command of a statement in source order, closing
// commands included (END-IF, UNTIL ...). It fills one slice, so its cost
// is linear also for deeply nested blocks.
func Commands(s Stmt) []*Command { return appendCommands(nil, s) }

func appendCommands(out []*Command, s Stmt) []*Command {
	add := func(c *Command) {
		if c != nil {
			out = append(out, c)
		}
	}
	addList := func(l []Stmt) {
		for _, x := range l {
			out = appendCommands(out, x)
		}
	}
	switch s := s.(type) {
	case *Command:
		add(s)
	case *If:
		for _, b := range s.Branches {
			add(b.Cmd)
			addList(b.Body)
		}
		add(s.ElseCmd)
		addList(s.Else)
		add(s.End)
	case *ErrorBlock:
		add(s.Cmd)
		addList(s.Then)
		add(s.ElseCmd)
		addList(s.Else)
		add(s.End)
	case *While:
		add(s.Cmd)
		addList(s.Body)
		add(s.End)
	case *Repeat:
		add(s.Cmd)
		addList(s.Body)
		add(s.Until)
	case *For:
		add(s.Cmd)
		addList(s.Body)
		add(s.End)
	case *Block:
		add(s.Cmd)
		addList(s.Body)
		add(s.End)
	}
	return out
}

// Closer returns the command that closes a block statement (END-IF,
// END-WHILE, UNTIL, END-FOR, END-BLOCK), or nil for a simple command, a
// data line or a block left open.
func Closer(s Stmt) *Command {
	switch s := s.(type) {
	case *If:
		return s.End
	case *ErrorBlock:
		return s.End
	case *While:
		return s.End
	case *Repeat:
		return s.Until
	case *For:
		return s.End
	case *Block:
		return s.End
	}
	return nil
}

// LastCommand returns the last command of a statement in source order,
// as the last element of Commands would be: its closing command, or for a
// block left open the last command inside it or the last of its branch
// commands. It descends one branch per level instead of listing every
// command.
func LastCommand(s Stmt) *Command {
	for {
		if c, ok := s.(*Command); ok {
			return c
		}
		if c := Closer(s); c != nil {
			return c
		}
		own := lastBranchCommand(s)
		inner := lastWithCommands(Children(s))
		if inner == nil || own != nil && own.Pos.Offset > inner.Position().Offset {
			return own
		}
		s = inner
	}
}

// lastWithCommands is the last statement of the lists that is not a data
// line, or nil.
func lastWithCommands(lists [][]Stmt) Stmt {
	for i := len(lists) - 1; i >= 0; i-- {
		for j := len(lists[i]) - 1; j >= 0; j-- {
			if _, isData := lists[i][j].(*Data); !isData {
				return lists[i][j]
			}
		}
	}
	return nil
}

// lastBranchCommand is the last command of a block with empty bodies and
// no closing command: its ELSE, ELSE-IF or opening command.
func lastBranchCommand(s Stmt) *Command {
	cmds := directCommandsOf(s)
	if len(cmds) == 0 {
		return nil
	}
	return cmds[len(cmds)-1]
}

// directCommandsOf lists a block's own commands (opener, branches) in
// source order, without those inside its bodies.
func directCommandsOf(s Stmt) []*Command {
	var out []*Command
	add := func(c *Command) {
		if c != nil {
			out = append(out, c)
		}
	}
	switch s := s.(type) {
	case *If:
		for _, b := range s.Branches {
			add(b.Cmd)
		}
		add(s.ElseCmd)
	case *ErrorBlock:
		add(s.Cmd)
		add(s.ElseCmd)
	default:
		add(s.Opener())
	}
	return out
}
