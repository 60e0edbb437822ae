package interp

import (
	"sync"

	"sdfp/lexer"
	"sdfp/parser"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// ProcedureCache keeps procedures parsed from their text for runs that
// read the same files again: `sdfp explore` runs one procedure (and the
// ones it calls) once per scenario, hundreds to thousands of times, and
// parsing it again was more than a third of a scenario (issue 18).
//
// A tree is found again only for the same file name, the same bytes, the
// same catalog (the same *catalog.Catalog: Catalog hands equal ones out
// as one) and the same reader limits, so a file that changed is parsed
// again and never answered with an older tree. Strict analysis is not
// part of the key: it does not change the parse; the cache keeps what
// UpFront makes of the parse for each of the two settings.
//
// It keeps the commands of EXECUTE-CMD likewise (parsecache.go), by
// text, position and catalog.
//
// The runners that find a tree share it, on any number of goroutines: a
// run writes nothing into its tree (what a runner prepares for a command
// it keeps in its own tables, keyed by ast.Command.Slot or by pointer),
// which TestSharedTreeConcurrentRuns checks under the race detector. A
// ProcedureCache is safe for concurrent use; the zero value is not, use
// NewProcedureCache.
type ProcedureCache struct {
	mu       sync.Mutex
	procs    map[procKey]*parsedProc
	catalogs map[string]*catalog.Catalog
	// cmds are EXECUTE-CMD commands parsed without problems and without
	// & (parseInnerCommand), up to maxSharedCmds
	cmds   map[cmdKey]*ast.Command
	bytes  int // source bytes held by procs
	parses int // files parsed (for tests)
}

// maxCachedSource bounds the source text a cache holds; a file beyond it
// is parsed every time, as without a cache. Twice the largest file the
// reader takes (lexer.DefaultLimits.FileBytes): the trees kept are at most
// what two scenarios running at once held before, each with its own
// parse (a tree takes 27-141 bytes of heap per byte of source, README
// "Performance").
const maxCachedSource = 8 << 20

type procKey struct {
	cat        *catalog.Catalog
	limits     lexer.Limits
	file, text string
}

// maxSharedCmds bounds the commands a cache keeps: a procedure that
// composes new command texts again and again fills it once, and the
// rest is parsed by each runner as without a cache.
const maxSharedCmds = 1 << 12

type cmdKey struct {
	cat    *catalog.Catalog
	limits lexer.Limits
	parsedCmdKey
}

type parsedProc struct {
	once sync.Once
	proc *ast.Procedure
	errs []*lexer.Error
	// front are UpFront(proc, errs, strict) for strict false and true
	front     [2][]*lexer.Error
	frontOnce [2]sync.Once
}

// NewProcedureCache returns an empty cache.
func NewProcedureCache() *ProcedureCache {
	return &ProcedureCache{procs: map[procKey]*parsedProc{}, catalogs: map[string]*catalog.Catalog{}, cmds: map[cmdKey]*ast.Command{}}
}

// WithProcedureCache makes the runner take the procedures it reads
// (RunFile, CALL-PROCEDURE, RunSource) from c, parsing only what c does
// not hold yet.
func WithProcedureCache(c *ProcedureCache) Option { return func(r *Runner) { r.procs = c } }

// Catalog returns the catalog the cache keeps under key, building it with
// build the first time. key must name everything build depends on (the
// installation's site command declarations, say): runners given the same
// catalog share parsed trees. The catalog is only read by the runs.
func (c *ProcedureCache) Catalog(key string, build func() *catalog.Catalog) *catalog.Catalog {
	c.mu.Lock()
	defer c.mu.Unlock()
	cat, ok := c.catalogs[key]
	if !ok {
		cat = build()
		c.catalogs[key] = cat
	}
	return cat
}

// Parses is the number of files the cache has parsed.
func (c *ProcedureCache) Parses() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.parses
}

// read is p.ParseFile(file, text) and UpFront of its result, from the
// cache when it has them. The tree and the errors are shared: the caller
// must not change them.
func (c *ProcedureCache) read(p *parser.Parser, file, text string, strict bool) (*ast.Procedure, []*lexer.Error) {
	k := procKey{cat: p.Catalog, limits: p.FileLimits(), file: file, text: text}
	c.mu.Lock()
	e, ok := c.procs[k]
	if !ok {
		c.parses++
		if c.bytes+len(text) > maxCachedSource {
			c.mu.Unlock()
			proc, errs := p.ParseFile(file, text)
			return proc, UpFront(proc, errs, strict)
		}
		e = &parsedProc{}
		c.procs[k] = e
		c.bytes += len(text)
	}
	c.mu.Unlock()
	// a second runner asking for a file being parsed waits for it
	e.once.Do(func() { e.proc, e.errs = p.ParseFile(file, text) })
	i := 0
	if strict {
		i = 1
	}
	e.frontOnce[i].Do(func() { e.front[i] = UpFront(e.proc, e.errs, strict) })
	return e.proc, e.front[i]
}

// command is the command another runner parsed from this text at this
// position with this parser (keepCommand), or nil. A nil cache has none.
func (c *ProcedureCache) command(p *parser.Parser, k parsedCmdKey) *ast.Command {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cmds[cmdKey{p.Catalog, p.FileLimits(), k}]
}

// keepCommand keeps a command parsed without problems, which no run
// changes, for the other runners of the cache.
func (c *ProcedureCache) keepCommand(p *parser.Parser, k parsedCmdKey, cmd *ast.Command) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.cmds) < maxSharedCmds {
		c.cmds[cmdKey{p.Catalog, p.FileLimits(), k}] = cmd
	}
}

// readProcedure parses a procedure's text and returns the problems that
// stop it before it runs (UpFront), through the runner's procedure cache
// when it has one.
func (r *Runner) readProcedure(file, text string) (*ast.Procedure, []*lexer.Error) {
	if r.procs != nil {
		return r.procs.read(r.parser, file, text, r.strict)
	}
	proc, errs := r.parser.ParseFile(file, text)
	return proc, UpFront(proc, errs, r.strict)
}
