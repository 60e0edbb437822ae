package interp

import (
	"strings"

	"sdfp/lexer"
	"sdfp/parser"
	"sdfp/parser/ast"
)

// Parse caches for texts a loop hands the interpreter again and again:
// the command of an EXECUTE-CMD and variable names given as text (the
// TEXT-OUTPUT list, the name in SIZE('OUT'), the name of an &NAME
// replacement). Parsing either depends only on the text, its position
// and the runner's parser, whose catalog and limits are fixed before a
// run, and nothing changes a parsed command or name afterwards, so a
// parse is kept and handed out again. Only parses without problems are
// kept; each cache forgets everything when it reaches maxParsed texts,
// so a loop that composes new texts each pass does not grow it. A runner
// with a ProcedureCache also finds there the commands other runners
// parsed (the scenarios of sdfp explore run the same EXECUTE-CMDs).

const maxParsed = 1 << 10

type parsedCmdKey struct {
	text string
	pos  lexer.Pos
}

// parseInnerCommand parses the command text of an EXECUTE-CMD at pos. A
// text with & is parsed anew each time, as its analysis may depend on
// the replacement.
func (r *Runner) parseInnerCommand(text string, pos lexer.Pos) (*ast.Command, []*lexer.Error) {
	key := parsedCmdKey{text, pos}
	if c := r.parsedCmds[key]; c != nil {
		return c, nil
	}
	c := r.procs.command(r.parser, key) // another runner's parse (nil: none)
	var errs []*lexer.Error
	if c == nil {
		c, errs = r.parser.ParseCommand(lexer.NewUnit(text, pos))
		if len(errs) > 0 || c.Subst || strings.Contains(text, "&") {
			return c, errs
		}
		r.procs.keepCommand(r.parser, key, c)
	}
	if r.parsedCmds == nil || len(r.parsedCmds) >= maxParsed {
		r.parsedCmds = map[parsedCmdKey]*ast.Command{}
	}
	r.parsedCmds[key] = c
	return c, nil
}

// parsedName is varName with the cache.
func (r *Runner) parsedName(text string) (*ast.VarName, error) {
	n, err := r.parseName(text)
	if err != nil {
		return nil, parseFailure(err)
	}
	return n, nil
}

// parseName parses a variable name given as text, through the cache.
func (r *Runner) parseName(text string) (*ast.VarName, *lexer.Error) {
	if n := r.parsedNames[text]; n != nil {
		return n, nil
	}
	n, err := parser.ParseVarName(text, lexer.Pos{})
	if err == nil {
		if r.parsedNames == nil || len(r.parsedNames) >= maxParsed {
			r.parsedNames = map[string]*ast.VarName{}
		}
		r.parsedNames[text] = n
	}
	return n, err
}
