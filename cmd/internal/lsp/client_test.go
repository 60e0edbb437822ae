package lsp

import (
	"context"
	"encoding/json"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// pipes joins the two ends of a connection.
type pipes struct {
	io.Reader
	io.WriteCloser
}

// client is the test's side of a connection to a server started in the
// same process, speaking JSON-RPC over pipes as an editor does over the
// server's stdin and stdout.
type client struct {
	t     testing.TB
	conn  *jsonrpc2.Conn
	mu    sync.Mutex
	diags map[string]chan published
	done  chan struct{}
}

func startServer(t testing.TB, opts Options, init protocol.InitializeParams) *client {
	t.Helper()
	cr, sw := io.Pipe() // server to client
	sr, cw := io.Pipe() // client to server
	c := &client{t: t, diags: map[string]chan published{}, done: make(chan struct{})}
	go func() {
		Serve(context.Background(), pipes{sr, sw}, opts)
		sw.Close()
		close(c.done)
	}()
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(pipes{cr, cw}, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(c.handle))
	var res protocol.InitializeResult
	c.call("initialize", init, &res)
	if res.ServerInfo == nil || res.ServerInfo.Name != "sdfp" {
		t.Fatalf("initialize: server info %+v", res.ServerInfo)
	}
	c.notify("initialized", struct{}{})
	t.Cleanup(func() {
		c.call("shutdown", nil, nil)
		c.notify("exit", nil)
		select {
		case <-c.done:
		case <-time.After(5 * time.Second):
			t.Error("the server did not end after exit")
		}
		c.conn.Close()
	})
	return c
}

func (c *client) handle(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	if req.Method == protocol.ServerTextDocumentPublishDiagnostics && req.Params != nil {
		var p published
		json.Unmarshal(*req.Params, &p)
		c.diagnostics(p.URI) <- p
	}
	return nil, nil
}

// published is a publishDiagnostics notification as the client reads it
// (glsp's IntegerOrString cannot be decoded: its UnmarshalJSON has a
// value receiver).
type published struct {
	URI         string `json:"uri"`
	Version     *int   `json:"version"`
	Diagnostics []struct {
		Range    protocol.Range `json:"range"`
		Severity int            `json:"severity"`
		Code     any            `json:"code"`
		Source   string         `json:"source"`
		Message  string         `json:"message"`
	} `json:"diagnostics"`
}

func (c *client) diagnostics(uri string) chan published {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.diags[uri] == nil {
		c.diags[uri] = make(chan published, 100)
	}
	return c.diags[uri]
}

// nextDiagnostics waits for the next diagnostics published for uri.
func (c *client) nextDiagnostics(uri string) published {
	c.t.Helper()
	select {
	case p := <-c.diagnostics(uri):
		return p
	case <-time.After(10 * time.Second):
		c.t.Fatalf("no diagnostics for %s", uri)
	}
	return published{}
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// open opens a document and returns its first diagnostics.
func (c *client) open(uri, text string) published {
	c.t.Helper()
	c.notify("textDocument/didOpen", protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri, LanguageID: "sdfp", Version: 1, Text: text}})
	return c.nextDiagnostics(uri)
}

func at(line, char int) protocol.Position {
	return protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(char)}
}

func docPos(uri string, line, char int) protocol.TextDocumentPositionParams {
	return protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}, Position: at(line, char)}
}
