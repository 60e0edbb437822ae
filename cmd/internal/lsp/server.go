// Package lsp is sdfp's language server (`sdfp lsp`): the static checks
// of parser/check as diagnostics, and hover, completion, definitions,
// references, symbols, folding and signature help from the command
// catalog, the builtin table and the message catalog. Protocol types
// and dispatch come from github.com/tliron/glsp (LSP 3.16), JSON-RPC
// from github.com/sourcegraph/jsonrpc2, which glsp's own server uses;
// glsp's server package is left out for its logging and websocket
// dependencies.
package lsp

import (
	"context"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"sdfp/builtins"
	"sdfp/hypervisor/msg"
	"sdfp/parser/catalog"
	"sdfp/parser/check"
)

// GCPercent is the garbage collector's target for a server process
// (debug.SetGCPercent): a check of a long procedure allocates some 35
// bytes per byte of it, and at Go's default of 100 the collector took a
// third of the time from a change to its diagnostics
// (BenchmarkDiagnosticsAfterChange: 150 ms of CPU per change of a
// 20,000-line procedure at 100, 90 ms at 400). The process's soft memory
// limit still bounds the heap.
const GCPercent = 400

// Formatter gives a procedure's canonical form (sdfp fmt); nil leaves
// formatting out of the server's capabilities.
type Formatter func(file, src string) (string, error)

// Options configure a server.
type Options struct {
	// Catalog is the command catalog procedures are checked against
	// (the built-in one with an installation's site commands); nil:
	// the built-in one.
	Catalog *catalog.Catalog
	// Installation, when set, loads a catalog from an installation file
	// the client names (initializationOptions {"installation":
	// "site.yaml"}, or the setting sdfp.installation), relative to the
	// workspace root.
	Installation func(file string) (*catalog.Catalog, error)
	Format       Formatter
}

// server is the state of one connection.
type server struct {
	opts    Options
	mu      sync.Mutex
	checker *check.Checker
	cat     *catalog.Catalog
	funcs   *builtins.Table
	msgs    *msg.Catalog
	docs    map[string]*document
	roots   []string // workspace folders, as directories
	handler protocol.Handler
}

// document is an open document: its text and its latest analysis.
type document struct {
	uri     string
	version protocol.Integer
	src     string
	a       *analysis
}

// Serve speaks LSP over stream until the client exits or the stream
// ends.
func Serve(ctx context.Context, stream io.ReadWriteCloser, opts Options) error {
	s := newServer(opts)
	conn := jsonrpc2.NewConn(ctx, newTolerantStream(stream), jsonrpc2.HandlerWithError(s.handle))
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	return nil
}

func newServer(opts Options) *server {
	cat := opts.Catalog
	if cat == nil {
		cat = catalog.Builtin()
	}
	s := &server{opts: opts, cat: cat, checker: check.NewFor(cat), funcs: builtins.Default,
		msgs: msg.Default(), docs: map[string]*document{}}
	s.handler = protocol.Handler{
		Initialize:                      s.initialize,
		Initialized:                     func(*glsp.Context, *protocol.InitializedParams) error { return nil },
		Shutdown:                        func(*glsp.Context) error { return nil },
		SetTrace:                        func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		TextDocumentDidOpen:             s.didOpen,
		WorkspaceDidChangeConfiguration: s.didChangeConfiguration,
		TextDocumentDidChange:           s.didChange,
		TextDocumentDidClose:            s.didClose,
		TextDocumentDidSave:             func(*glsp.Context, *protocol.DidSaveTextDocumentParams) error { return nil },
		TextDocumentHover:               s.hover,
		TextDocumentCompletion:          s.completion,
		TextDocumentDefinition:          s.definition,
		TextDocumentReferences:          s.references,
		TextDocumentDocumentSymbol:      s.documentSymbol,
		TextDocumentFoldingRange:        s.foldingRange,
		TextDocumentSignatureHelp:       s.signatureHelp,
	}
	if opts.Format != nil {
		s.handler.TextDocumentFormatting = s.formatting
	}
	return s
}

// handle turns a JSON-RPC request into a call of the protocol handler,
// as glsp's server does.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	gc := glsp.Context{
		Method: req.Method,
		Notify: func(method string, params any) { conn.Notify(ctx, method, params) },
		Call:   func(method string, params, result any) { conn.Call(ctx, method, params, result) },
	}
	if req.Params != nil {
		gc.Params = *req.Params
	}
	if req.Method == "exit" {
		return nil, conn.Close()
	}
	r, validMethod, validParams, err := s.handler.Handle(&gc)
	switch {
	case !validMethod:
		if strings.HasPrefix(req.Method, "$/") {
			return nil, nil // optional notifications may be ignored
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	case !validParams:
		m := "invalid parameters"
		if err != nil {
			m = err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: m}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: err.Error()}
	}
	return r, nil
}

func (s *server) initialize(ctx *glsp.Context, p *protocol.InitializeParams) (any, error) {
	if p.RootURI != nil {
		if dir := uriPath(*p.RootURI); dir != "" {
			s.roots = append(s.roots, dir)
		}
	}
	for _, f := range p.WorkspaceFolders {
		if dir := uriPath(f.URI); dir != "" {
			s.roots = append(s.roots, dir)
		}
	}
	s.configure(ctx, p.InitializationOptions)
	caps := s.handler.CreateServerCapabilities()
	caps.TextDocumentSync = protocol.TextDocumentSyncOptions{OpenClose: &yes,
		Change: ptr(protocol.TextDocumentSyncKindIncremental)}
	caps.CompletionProvider = &protocol.CompletionOptions{TriggerCharacters: []string{"/", "=", ",", "(", "*", " "}}
	caps.SignatureHelpProvider = &protocol.SignatureHelpOptions{TriggerCharacters: []string{"(", ","}}
	return protocol.InitializeResult{Capabilities: caps,
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "sdfp"}}, nil
}

// configure takes the installation a client names, in its
// initializationOptions or as the setting sdfp.installation, {"sdfp":
// {"installation": "site.yaml"}}, of workspace/didChangeConfiguration: a
// relative name is taken from the first workspace folder. It reports
// whether the catalog changed.
func (s *server) configure(ctx *glsp.Context, settings any) bool {
	o, _ := settings.(map[string]any)
	if nested, ok := o["sdfp"].(map[string]any); ok {
		o = nested
	}
	file, _ := o["installation"].(string)
	if file == "" || s.opts.Installation == nil {
		return false
	}
	if !filepath.IsAbs(file) && len(s.roots) > 0 {
		file = filepath.Join(s.roots[0], file)
	}
	cat, err := s.opts.Installation(file)
	if err != nil {
		ctx.Notify(protocol.ServerWindowShowMessage, protocol.ShowMessageParams{
			Type: protocol.MessageTypeError, Message: "sdfp lsp: " + err.Error()})
		return false
	}
	s.cat, s.checker = cat, check.NewFor(cat)
	return true
}

// didChangeConfiguration checks every open document anew when the
// installation changed.
func (s *server) didChangeConfiguration(ctx *glsp.Context, p *protocol.DidChangeConfigurationParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.configure(ctx, p.Settings) {
		for _, d := range s.docs {
			s.refresh(ctx, d)
		}
	}
	return nil
}

var yes = true

func ptr[T any](v T) *T { return &v }

// uriPath is the file path of a file: URI, "" for any other.
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	return filepath.FromSlash(u.Path)
}

// fileName is the name diagnostics and the reader use for a document.
func fileName(uri string) string {
	if p := uriPath(uri); p != "" {
		return filepath.Base(p)
	}
	return uri
}

func (s *server) didOpen(ctx *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := &document{uri: p.TextDocument.URI, version: p.TextDocument.Version, src: p.TextDocument.Text}
	s.docs[d.uri] = d
	s.refresh(ctx, d)
	return nil
}

func (s *server) didChange(ctx *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil
	}
	for _, c := range p.ContentChanges {
		d.src = apply(d.src, c)
	}
	d.version = p.TextDocument.Version
	s.refresh(ctx, d)
	return nil
}

func (s *server) didClose(ctx *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.docs, p.TextDocument.URI)
	ctx.Notify(protocol.ServerTextDocumentPublishDiagnostics,
		protocol.PublishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []protocol.Diagnostic{}})
	return nil
}

// refresh analyses a document anew and publishes its diagnostics.
func (s *server) refresh(ctx *glsp.Context, d *document) {
	d.a = analyze(s.checker, fileName(d.uri), d.src)
	v := protocol.UInteger(d.version)
	ctx.Notify(protocol.ServerTextDocumentPublishDiagnostics,
		protocol.PublishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: diagnostics(d.a)})
}

// doc returns the analysis of an open document, nil if it is not open.
func (s *server) doc(uri string) *analysis {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[uri]; d != nil {
		return d.a
	}
	return nil
}
