package lsp

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"sdfp/parser/ast"
)

// procedureCommands name a procedure file in FROM-FILE: go to definition
// opens it.
var procedureCommands = map[string]bool{"CALL-PROCEDURE": true, "INCLUDE-PROCEDURE": true,
	"ENTER-PROCEDURE": true, "ENTER-JOB": true}

func (s *server) definition(_ *glsp.Context, p *protocol.DefinitionParams) (any, error) {
	a := s.doc(p.TextDocument.URI)
	if a == nil {
		return nil, nil
	}
	cur := a.at(int(p.Position.Line), int(p.Position.Character))
	w, _, _ := wordAt(cur.text, cur.col)
	if w == "" {
		return nil, nil
	}
	if cur.spec != nil && procedureCommands[cur.spec.Name] && !strings.HasPrefix(w, "*") {
		if file := s.procedureFile(p.TextDocument.URI, w); file != "" {
			return protocol.Location{URI: "file://" + filepath.ToSlash(file)}, nil
		}
	}
	if c := a.label(strings.TrimSuffix(w, ":")); c != nil {
		return protocol.Location{URI: p.TextDocument.URI, Range: a.labelRange(c)}, nil
	}
	if c := a.declared[rootName(strings.TrimPrefix(w, "&"))]; c != nil {
		start := a.text.pos(c.Pos)
		return protocol.Location{URI: p.TextDocument.URI, Range: protocol.Range{Start: start, End: a.text.lineRange(int(start.Line)).End}}, nil
	}
	return nil, nil
}

// labelRange is where a command's label is written on its line.
func (a *analysis) labelRange(c *ast.Command) protocol.Range {
	n := c.Pos.Line - 1
	l := a.text.line(n)
	name := strings.TrimPrefix(c.Label, ".")
	if i := strings.Index(strings.ToUpper(l), strings.ToUpper(name)); i >= 0 {
		return protocol.Range{Start: a.text.pos(lexPos(n, i)), End: a.text.pos(lexPos(n, i+len(name)))}
	}
	return a.text.lineRange(n)
}

// procedureFile finds the file a procedure name stands for, as a run
// maps it onto the workdir (README "sdfp run": the name as written, in
// lower case, in lower case with .proc), next to the document and in
// each workspace folder.
func (s *server) procedureFile(uri, name string) string {
	dirs := []string{}
	if p := uriPath(uri); p != "" {
		dirs = append(dirs, filepath.Dir(p))
	}
	dirs = append(dirs, s.roots...)
	if strings.ContainsAny(name, "/\\") || strings.HasPrefix(name, ".") {
		return ""
	}
	for _, d := range dirs {
		for _, n := range []string{name, strings.ToLower(name), strings.ToLower(name) + ".proc"} {
			f := filepath.Join(d, n)
			if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() {
				return f
			}
		}
	}
	return ""
}

func (s *server) references(_ *glsp.Context, p *protocol.ReferenceParams) ([]protocol.Location, error) {
	a := s.doc(p.TextDocument.URI)
	if a == nil {
		return nil, nil
	}
	cur := a.at(int(p.Position.Line), int(p.Position.Character))
	w, _, _ := wordAt(cur.text, cur.col)
	var match func(string) bool
	if c := a.label(strings.TrimSuffix(w, ":")); c != nil {
		name := strings.TrimPrefix(c.Label, ".")
		match = func(o string) bool {
			return strings.EqualFold(strings.TrimPrefix(strings.TrimSuffix(o, ":"), "."), name)
		}
	} else if root := rootName(strings.TrimPrefix(w, "&")); a.declared[root] != nil {
		match = func(o string) bool { return rootName(strings.TrimPrefix(o, "&")) == root }
	} else {
		return nil, nil
	}
	var out []protocol.Location
	for _, o := range occurrences(a.text) {
		if match(o.word) {
			out = append(out, protocol.Location{URI: p.TextDocument.URI,
				Range: protocol.Range{Start: a.text.pos(lexPos(o.line, o.from)), End: a.text.pos(lexPos(o.line, o.to))}})
		}
	}
	return out, nil
}

// blockName is what a block is called in the outline: its opening
// command as written, with its label.
func blockName(s ast.Stmt) string {
	c := s.Opener()
	name := c.Name
	if c.Label != "" {
		name = ast.LabelText(c.Label) + " " + name
	}
	return name
}

// blockLines are the first and last line (1-based) of a block.
func blockLines(s ast.Stmt) (int, int) {
	end := s.Position().Line
	if c := ast.Closer(s); c != nil {
		end = c.Pos.Line
		if c.Unit != nil {
			end = max(end, c.Unit.EndLine)
		}
	}
	return s.Position().Line, end
}

func (s *server) documentSymbol(_ *glsp.Context, p *protocol.DocumentSymbolParams) (any, error) {
	a := s.doc(p.TextDocument.URI)
	if a == nil || a.proc == nil {
		return []protocol.DocumentSymbol{}, nil
	}
	return a.symbols(a.proc.Body, 0), nil
}

// symbols outlines a statement list: blocks with what they hold, labels
// and parameters.
func (a *analysis) symbols(list []ast.Stmt, depth int) []protocol.DocumentSymbol {
	out := []protocol.DocumentSymbol{}
	if depth > 100 {
		return out
	}
	for _, st := range list {
		c := st.Opener()
		if c == nil {
			continue
		}
		from, to := blockLines(st)
		r := protocol.Range{Start: a.text.pos(c.Pos), End: a.text.lineRange(to - 1).End}
		sel := protocol.Range{Start: a.text.pos(c.Pos), End: a.text.lineRange(from - 1).End}
		if _, simple := st.(*ast.Command); !simple {
			var kids []protocol.DocumentSymbol
			for _, l := range ast.Children(st) {
				kids = append(kids, a.symbols(l, depth+1)...)
			}
			out = append(out, protocol.DocumentSymbol{Name: blockName(st), Kind: protocol.SymbolKindNamespace,
				Range: r, SelectionRange: sel, Children: kids})
			continue
		}
		if c.Label != "" {
			out = append(out, protocol.DocumentSymbol{Name: ast.LabelText(c.Label), Detail: ptr("label"),
				Kind: protocol.SymbolKindKey, Range: r, SelectionRange: a.labelRange(c)})
		}
		if c.Name == "DECLARE-PARAMETER" {
			for _, name := range a.params {
				if a.declared[name] == c {
					out = append(out, protocol.DocumentSymbol{Name: name, Detail: ptr("parameter"),
						Kind: protocol.SymbolKindVariable, Range: r, SelectionRange: sel})
				}
			}
		}
	}
	return out
}

func (s *server) foldingRange(_ *glsp.Context, p *protocol.FoldingRangeParams) ([]protocol.FoldingRange, error) {
	a := s.doc(p.TextDocument.URI)
	if a == nil || a.proc == nil {
		return []protocol.FoldingRange{}, nil
	}
	out := []protocol.FoldingRange{}
	ast.Walk(a.proc.Body, func(st ast.Stmt) bool {
		if _, simple := st.(*ast.Command); simple || st.Opener() == nil {
			return true
		}
		from, to := blockLines(st)
		if to > from {
			out = append(out, protocol.FoldingRange{StartLine: protocol.UInteger(from - 1), EndLine: protocol.UInteger(to - 1)})
		}
		return true
	})
	return out, nil
}

func (s *server) formatting(_ *glsp.Context, p *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	s.mu.Unlock()
	if d == nil {
		return nil, nil
	}
	out, err := s.opts.Format(fileName(d.uri), d.src)
	if err != nil || out == d.src {
		return []protocol.TextEdit{}, nil // a procedure that cannot be formatted is left alone
	}
	t := d.a.text
	return []protocol.TextEdit{{Range: protocol.Range{End: t.position(len(t.src))}, NewText: out}}, nil
}
