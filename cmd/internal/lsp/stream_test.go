package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// A message that is not JSON, or not a JSON-RPC message, gets an error
// response and the server reads on: one bad message from an editor
// plug-in ended the server ("jsonrpc2: protocol error", exit 0).
func TestServerSurvivesABadMessage(t *testing.T) {
	cr, sw := io.Pipe() // server to client
	sr, cw := io.Pipe() // client to server
	done := make(chan struct{})
	go func() {
		Serve(context.Background(), pipes{sr, sw}, Options{})
		sw.Close()
		close(done)
	}()
	send := func(body string) {
		if _, err := fmt.Fprintf(cw, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
			t.Fatal(err)
		}
	}
	replies := make(chan map[string]any, 8)
	go func() {
		r := bufio.NewReader(cr)
		for {
			body, err := readFrame(r)
			if err != nil {
				close(replies)
				return
			}
			var m map[string]any
			json.Unmarshal(body, &m)
			replies <- m
		}
	}()
	next := func() map[string]any {
		select {
		case m, ok := <-replies:
			if !ok {
				t.Fatal("the server ended")
			}
			return m
		case <-time.After(5 * time.Second):
			t.Fatal("no reply")
		}
		return nil
	}
	send("{not json")
	if m := next(); m["id"] != nil || m["error"].(map[string]any)["code"] != float64(-32700) {
		t.Errorf("reply to a body that is not JSON: %v", m)
	}
	send(`{"hello": "world"}`)
	if m := next(); m["error"] == nil || m["error"].(map[string]any)["code"] != float64(-32600) {
		t.Errorf("reply to JSON that is no JSON-RPC message: %v", m)
	}
	send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	if m := next(); m["id"] != float64(1) || !strings.Contains(fmt.Sprint(m["result"]), "sdfp") {
		t.Errorf("initialize after the bad messages: %v", m)
	}
	send(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
	next()
	send(`{"jsonrpc":"2.0","method":"exit"}`)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Error("the server did not end after exit")
	}
	cw.Close()
}
