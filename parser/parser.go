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
	"sdfp/lexer/ebcdic"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// Parser reads procedures against one command catalog. It holds no state
// between calls and may be shared.
type Parser struct {
	Catalog *catalog.Catalog
	// Limits bounds what is read from a file; nil: lexer.DefaultLimits.
	Limits *lexer.Limits
}

// New returns a parser for the given catalog (catalog.Builtin() for the
// commands sdfp knows).
func New(cat *catalog.Catalog) *Parser { return &Parser{Catalog: cat} }

// ParseFile reads a whole procedure within lexer.DefaultLimits. It always
// returns a procedure (with whatever could be read) together with the
// problems found, the first lexer.DefaultLimits.Findings of them, so a
// checker can report them at once.
func (p *Parser) ParseFile(file, src string) (*ast.Procedure, []*lexer.Error) {
	d := p.FileLimits().NewDiagnostics()
	proc := p.Read(file, src, d)
	return proc, d.List
}

// Read reads a whole procedure as ParseFile does, adding its problems to
// d: the reader's, then each command's in source order, then those of the
// block structure. Problems beyond d.Max are counted, not kept, so memory
// stays proportional to the file and not to the number of problems.
func (p *Parser) Read(file, src string, d *lexer.Diagnostics) *ast.Procedure {
	units := p.FileLimits().Read(file, src, d)
	items := make([]ast.Stmt, len(units))
	p.parseUnits(units, items, d)
	proc, berrs := buildBlocks(file, items)
	d.Add(berrs...)
	return proc
}

// FileLimits are the limits the parser reads files within.
func (p *Parser) FileLimits() lexer.Limits {
	if p.Limits != nil {
		return *p.Limits
	}
	return lexer.DefaultLimits
}

// parallelUnits is the number of commands from which a procedure is
// parsed by several goroutines, and the size of the chunks they take.
// Commands parse independently of each other; below this the goroutines
// cost more than they save.
const parallelUnits = 256

// parseUnits parses units into items and adds each chunk's problems to d
// in source order, so the result does not depend on the split. With
// several workers, each takes the next parallelUnits commands until none
// are left, so a worker that meets short commands takes more of them.
func (p *Parser) parseUnits(units []*lexer.Unit, items []ast.Stmt, d *lexer.Diagnostics) {
	sink := &chunkSink{d: d, pending: map[int][]*lexer.Error{}}
	workers := min(runtime.GOMAXPROCS(0), len(units)/parallelUnits+1)
	var next atomic.Int64 // the first unit of the next chunk
	work := func() {
		a := &tokenArena{}
		for {
			hi := int(next.Add(parallelUnits))
			lo := hi - parallelUnits
			if lo >= len(units) {
				return
			}
			hi = min(hi, len(units))
			sink.done(lo/parallelUnits, p.parseSerial(units[lo:hi], items[lo:hi], a))
		}
	}
	if workers == 1 {
		work()
		return
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(work)
	}
	wg.Wait()
}

// chunkSink adds the problems of parsed chunks to the diagnostics in
// chunk order, whatever order the chunks finish in: a chunk waits in
// pending until those before it are added.
type chunkSink struct {
	mu      sync.Mutex
	d       *lexer.Diagnostics
	pending map[int][]*lexer.Error
	next    int // the chunk to add next
}

func (s *chunkSink) done(chunk int, errs []*lexer.Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending[chunk] = errs
	for {
		e, ok := s.pending[s.next]
		if !ok {
			return
		}
		delete(s.pending, s.next)
		s.d.Add(e...)
		s.next++
	}
}

// parseSerial parses one chunk of units and returns its problems in
// order. They are held only until the chunk is added to the diagnostics,
// which keep the first of them and count the rest.
func (p *Parser) parseSerial(units []*lexer.Unit, items []ast.Stmt, a *tokenArena) []*lexer.Error {
	var errs []*lexer.Error
	for i, u := range units {
		if u.Kind != lexer.CommandUnit {
			items[i] = &ast.Data{Unit: u, Kind: u.Kind}
			continue
		}
		cmd, cerrs := p.parseCommand(u, a)
		cmd.Errs = cerrs
		items[i] = cmd
		errs = append(errs, cerrs...)
	}
	return errs
}

// ParseCommand reads one logical command. The interpreter calls it again
// at run time on the text that & substitution produced, and on the
// command of an EXECUTE-CMD; such a text is held to the length of a
// command read from a file (Limits.CommandBytes), so a replacement that
// makes a megabyte of command text is an error, not a megabyte of
// tokens.
func (p *Parser) ParseCommand(u *lexer.Unit) (*ast.Command, []*lexer.Error) {
	// the limit counts characters (EBCDIC bytes), not bytes of UTF-8
	if max := p.FileLimits().CommandBytes; max > 0 && len(u.Text) > max && ebcdic.Len(u.Text) > max {
		cmd := &ast.Command{Pos: u.Pos(), Unit: u}
		return cmd, []*lexer.Error{lexer.Errorf(u.PosAt(ebcdic.Offset(u.Text, max)), lexer.CodeSyntax,
			"the command is %d bytes long after & replacement, more than the %d SDF reads", ebcdic.Len(u.Text), max)}
	}
	cmd, errs := p.parseCommand(u, nil)
	for _, e := range errs {
		e.Resolve() // one command: its hints are cheap, and its caller shows them
	}
	cmd.Errs = errs
	return cmd, errs
}

// parseCommand reads one logical command, its tokens taken from a.
func (p *Parser) parseCommand(u *lexer.Unit, a *tokenArena) (*ast.Command, []*lexer.Error) {
	cmd, _, _, errs := p.parseCommandToks(u, a)
	return cmd, errs
}

// parseCommandToks is parseCommand that also returns the command's
// tokens and whether its operands were bound from the fast parser's
// list (for a template, template.go).
func (p *Parser) parseCommandToks(u *lexer.Unit, a *tokenArena) (cmd *ast.Command, toks []lexer.Token, fast bool, errs []*lexer.Error) {
	cmd = &ast.Command{Pos: u.Pos(), Unit: u}
	toks, err := a.tokenize(u)
	if err != nil && strings.Contains(u.Text, "&") {
		// & replacement comes before syntax analysis: quotes inside an
		// &(...) within a string are only sorted out after it.
		cmd.Subst = true
		return cmd, nil, false, nil
	}
	if err != nil {
		var le *lexer.Error
		if errors.As(err, &le) {
			return cmd, nil, false, []*lexer.Error{le}
		}
		return cmd, nil, false, []*lexer.Error{lexer.Errorf(cmd.Pos, lexer.CodeSyntax, "%v", err)}
	}
	cmd.Subst = containsSubst(toks)
	if e := tooDeep(toks); e != nil {
		return cmd, nil, false, []*lexer.Error{e}
	}
	rest := toks
	if len(rest) > 0 {
		cmd.Pos = rest[0].Pos
	}
	// A label is a name with its colon right after it (DONE: ..., as every
	// example of the manuals writes it, spec 1.6); a colon after a blank
	// begins an operand, the catalog ID of a file or JV name
	// (SHOW-FILE-ATTR :SDFP:$USER.A) [I: the manuals show no label with a
	// blank before its colon].
	if len(rest) >= 2 && rest[0].Type == lexer.Name && rest[1].Type == lexer.Colon &&
		rest[1].Pos.Line == rest[0].Pos.Line && rest[1].Pos.Column == rest[0].Pos.Column+len(rest[0].Value) {
		cmd.Label = rest[0].Value
		rest = rest[2:]
	} else if rest[0].Type == lexer.Label {
		cmd.Label = rest[0].Value // a non-S label keeps its period: .NAME
		rest = rest[1:]
	}
	if rest[0].Type == lexer.EOF {
		return cmd, nil, false, nil // empty command, comment line or label alone
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
		return cmd, nil, false, nil
	default:
		return cmd, nil, false, []*lexer.Error{lexer.Errorf(rest[0].Pos, lexer.CodeSyntax, "command name expected, found %s", describe(rest[0]))}
	}
	spec, cands := p.Catalog.Lookup(cmd.Written)
	if spec == nil {
		if len(cands) > 1 {
			return cmd, nil, false, []*lexer.Error{lexer.Errorf(cmd.Pos, CodeAmbiguous, "command abbreviation %s is ambiguous: %s", lexer.Clip(cmd.Written), strings.Join(cands, ", "))}
		}
		written := cmd.Written
		return cmd, nil, false, []*lexer.Error{lexer.Errorf(cmd.Pos, CodeUnknownCommand, "command %s is not known", lexer.Clip(written)).
			WithHint(func() string { return catalog.Hint(p.Catalog.Suggest(written)) })}
	}
	cmd.Spec, cmd.Name = spec, spec.Name
	list, ok := fastOperands(operandToks)
	var perr error
	if !ok {
		list, perr = parseOperands(operandToks)
	}
	if perr != nil {
		if cmd.Subst {
			return cmd, nil, false, nil
		}
		return cmd, nil, false, []*lexer.Error{participleError(perr, cmd.Pos)}
	}
	if spec.AnyOperands {
		cmd.Args = &ast.Args{}
		return cmd, nil, false, nil
	}
	b := &binder{unit: u, lenient: cmd.Subst, assign: cmd.Assign, defaults: a.sharedDefaults()}
	cmd.Args = b.bind(spec.Operands(), list.Operands(), cmd.Pos, spec.NameValue)
	return cmd, toks, ok, b.errs
}

// tooDeep reports parentheses nested deeper than an expression may be:
// the operand parsers descend once per level, and no operand structure
// of a command comes near that depth.
func tooDeep(toks []lexer.Token) *lexer.Error {
	depth := 0
	for _, t := range toks {
		switch t.Type {
		case lexer.LParen:
			if depth++; depth > maxExprDepth {
				return lexer.Errorf(t.Pos, lexer.CodeSyntax, "parentheses nested deeper than %d levels", maxExprDepth)
			}
		case lexer.RParen:
			depth--
		}
	}
	return nil
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
		return lexer.Errorf(pe.Position(), lexer.CodeSyntax, "%s", lexer.ClipN(msg, 200))
	}
	return lexer.Errorf(at, lexer.CodeSyntax, "%v", err)
}
