// Package parser reads SDF-P procedures into the syntax tree of package
// ast. It recognises labels, command names and the assignment form itself,
// hands the operand text to a participle grammar (grammar.go), binds the
// operands to the command catalog (bind.go), parses SDF-P expressions by
// precedence climbing (expr.go) and builds the block structure (blocks.go).
package parser

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/alecthomas/participle/v2"

	"sdfp/lexer"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// Parser reads procedures against one command catalog. It holds no state
// between calls and may be shared.
type Parser struct {
	Catalog *catalog.Catalog
}

// New returns a parser for the given catalog (catalog.Builtin() for the
// commands sdfp knows).
func New(cat *catalog.Catalog) *Parser { return &Parser{Catalog: cat} }

// ParseFile reads a whole procedure. It always returns a procedure (with
// whatever could be read) together with every problem found, so a checker
// can report them all at once.
func (p *Parser) ParseFile(file, src string) (*ast.Procedure, []*lexer.Error) {
	units, errs := lexer.Read(file, src)
	items := make([]ast.Stmt, len(units))
	cmdErrs := make([][]*lexer.Error, len(units))
	p.parseUnits(units, items, cmdErrs)
	for _, e := range cmdErrs {
		errs = append(errs, e...)
	}
	proc, berrs := buildBlocks(file, items)
	errs = append(errs, berrs...)
	return proc, errs
}

// parallelUnits is the number of commands from which a procedure is
// parsed by several goroutines. Commands parse independently of each
// other; below this the goroutines cost more than they save.
const parallelUnits = 256

// parseUnits parses units into items, and each unit's problems into errs
// at the same index, so the result does not depend on the split. With
// several workers, each takes the next parallelUnits commands until none
// are left, so a worker that meets short commands takes more of them.
func (p *Parser) parseUnits(units []*lexer.Unit, items []ast.Stmt, errs [][]*lexer.Error) {
	workers := min(runtime.GOMAXPROCS(0), len(units)/parallelUnits+1)
	if workers == 1 {
		p.parseSerial(units, items, errs)
		return
	}
	var next atomic.Int64 // the first unit of the next chunk
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				hi := int(next.Add(parallelUnits))
				lo := hi - parallelUnits
				if lo >= len(units) {
					return
				}
				hi = min(hi, len(units))
				p.parseSerial(units[lo:hi], items[lo:hi], errs[lo:hi])
			}
		})
	}
	wg.Wait()
}

func (p *Parser) parseSerial(units []*lexer.Unit, items []ast.Stmt, errs [][]*lexer.Error) {
	a := &tokenArena{}
	for i, u := range units {
		if u.Kind == lexer.CommandUnit {
			items[i], errs[i] = p.parseCommand(u, a)
			continue
		}
		items[i] = &ast.Data{Unit: u, Kind: u.Kind}
	}
}

// ParseCommand reads one logical command. The interpreter calls it again
// at run time on the text that & substitution produced.
func (p *Parser) ParseCommand(u *lexer.Unit) (*ast.Command, []*lexer.Error) {
	return p.parseCommand(u, nil)
}

// parseCommand reads one logical command, its tokens taken from a.
func (p *Parser) parseCommand(u *lexer.Unit, a *tokenArena) (*ast.Command, []*lexer.Error) {
	cmd := &ast.Command{Pos: u.Pos(), Unit: u}
	toks, err := a.tokenize(u)
	if err != nil && strings.Contains(u.Text, "&") {
		// & replacement comes before syntax analysis: quotes inside an
		// &(...) within a string are only sorted out after it.
		cmd.Subst = true
		return cmd, nil
	}
	if err != nil {
		var le *lexer.Error
		if errors.As(err, &le) {
			return cmd, []*lexer.Error{le}
		}
		return cmd, []*lexer.Error{lexer.Errorf(cmd.Pos, lexer.CodeSyntax, "%v", err)}
	}
	cmd.Subst = containsSubst(toks)
	rest := toks
	if len(rest) > 0 {
		cmd.Pos = rest[0].Pos
	}
	if len(rest) >= 2 && rest[0].Type == lexer.Name && rest[1].Type == lexer.Colon {
		cmd.Label = rest[0].Value
		rest = rest[2:]
	}
	if rest[0].Type == lexer.EOF {
		return cmd, nil // empty command, comment line or label alone
	}
	cmd.Pos = rest[0].Pos
	var operandToks []lexer.Token
	switch {
	case rest[0].Type == lexer.Name && len(rest) > 1 && rest[1].Type == lexer.Op && rest[1].Value == "=":
		cmd.Assign = true
		cmd.Written = "SET-VARIABLE"
		operandToks = rest
	case rest[0].Type == lexer.Name:
		cmd.Written = rest[0].Value
		operandToks = rest[1:]
	case rest[0].Type == lexer.Subst:
		// The command name itself comes from substitution: only known at
		// run time.
		return cmd, nil
	default:
		return cmd, []*lexer.Error{lexer.Errorf(rest[0].Pos, lexer.CodeSyntax, "command name expected, found %s", describe(rest[0]))}
	}
	spec, cands := p.Catalog.Lookup(cmd.Written)
	if spec == nil {
		if len(cands) > 1 {
			return cmd, []*lexer.Error{lexer.Errorf(cmd.Pos, CodeAmbiguous, "command abbreviation %s is ambiguous: %s", cmd.Written, strings.Join(cands, ", "))}
		}
		return cmd, []*lexer.Error{lexer.Errorf(cmd.Pos, CodeUnknownCommand, "command %s is not known", cmd.Written)}
	}
	cmd.Spec, cmd.Name = spec, spec.Name
	list, ok := fastOperands(operandToks)
	var perr error
	if !ok {
		list, perr = parseOperands(operandToks)
	}
	if perr != nil {
		if cmd.Subst {
			return cmd, nil
		}
		return cmd, []*lexer.Error{participleError(perr, cmd.Pos)}
	}
	if spec.AnyOperands {
		cmd.Args = &ast.Args{}
		return cmd, nil
	}
	b := &binder{unit: u, lenient: cmd.Subst, defaults: a.sharedDefaults()}
	cmd.Args = b.bind(spec.Operands(), list.Operands(), cmd.Pos, spec.NameValue)
	return cmd, b.errs
}

// participleError converts a participle error into a positioned
// diagnostic in SDF terms.
func participleError(err error, at lexer.Pos) *lexer.Error {
	var pe participle.Error
	if errors.As(err, &pe) {
		msg := pe.Message()
		msg = strings.ReplaceAll(msg, "<eof>", "end of command")
		msg = strings.ReplaceAll(msg, "<rparen>", "')'")
		msg = strings.ReplaceAll(msg, "<lparen>", "'('")
		msg = strings.ReplaceAll(msg, "<comma>", "','")
		if strings.HasPrefix(msg, "unexpected token \")\"") {
			msg = "')' without a matching '('"
		}
		return lexer.Errorf(pe.Position(), lexer.CodeSyntax, "%s", msg)
	}
	return lexer.Errorf(at, lexer.CodeSyntax, "%v", err)
}
