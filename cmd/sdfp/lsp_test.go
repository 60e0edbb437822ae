package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// siteInstallation declares a site command, CHECK-SITE-BACKUP.
const siteInstallation = `local-su: SU390
server-units:
  - name: SU390
    type: /390
    memory: 8192
    hypervisor: 64
    home-pubset: A390
    monitor: {name: MONITOR, memory: 1024}
    vms:
      - {index: 2, name: VM02, memory: 1024}
commands:
  - name: CHECK-SITE-BACKUP
    output: ["% BACKUP OK"]
`

// lspSession frames LSP messages as a client sends them on the server's
// stdin: initialize (with initOptions), initialized, didOpen of text,
// shutdown and exit.
func lspSession(initOptions any, uri, text string) string {
	var b strings.Builder
	send := func(m map[string]any) {
		m["jsonrpc"] = "2.0"
		data, _ := json.Marshal(m)
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(data), data)
	}
	send(map[string]any{"id": 1, "method": "initialize", "params": map[string]any{
		"processId": nil, "rootUri": nil, "capabilities": map[string]any{}, "initializationOptions": initOptions}})
	send(map[string]any{"method": "initialized", "params": map[string]any{}})
	send(map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "sdfp", "version": 1, "text": text}}})
	send(map[string]any{"id": 2, "method": "shutdown"})
	send(map[string]any{"method": "exit"})
	return b.String()
}

// lspCodes runs sdfp lsp on a session and returns, for each
// publishDiagnostics notification, "published" and the codes of its
// diagnostics.
func lspCodes(t *testing.T, args []string, session string) []string {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &cli{stdin: strings.NewReader(session), stdout: &out, stderr: &errOut}
	if code := c.main(append([]string{"lsp"}, args...)); code != exitOK {
		t.Fatalf("sdfp lsp exit %d: %s", code, errOut.String())
	}
	var codes []string
	for _, part := range strings.Split(out.String(), "Content-Length: ") {
		i := strings.Index(part, "{")
		if i < 0 {
			continue
		}
		var m struct {
			Method string
			Params struct{ Diagnostics []struct{ Code string } }
		}
		json.Unmarshal([]byte(part[i:]), &m)
		if m.Method == "textDocument/publishDiagnostics" {
			codes = append(codes, "published")
			for _, d := range m.Params.Diagnostics {
				codes = append(codes, d.Code)
			}
		}
	}
	return codes
}

// A site command is known to the server with --installation, or with an
// installation named in the client's initializationOptions.
func TestLSPInstallation(t *testing.T) {
	dir := t.TempDir()
	inst := filepath.Join(dir, "site.yaml")
	os.WriteFile(inst, []byte(siteInstallation), 0o644)
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "p.proc"))
	src := "/CHECK-SITE-BACKUP\n"
	if got := lspCodes(t, nil, lspSession(nil, uri, src)); strings.Join(got, ",") != "published,CMD0202" {
		t.Errorf("without an installation: %v, want CMD0202", got)
	}
	if got := lspCodes(t, []string{"--installation", inst}, lspSession(nil, uri, src)); strings.Join(got, ",") != "published" {
		t.Errorf("with --installation: %v", got)
	}
	if got := lspCodes(t, nil, lspSession(map[string]any{"installation": inst}, uri, src)); strings.Join(got, ",") != "published" {
		t.Errorf("with initializationOptions: %v", got)
	}
}

// sdfp lsp formats with sdfp fmt's canonical form: the edit it returns
// for a document is what sdfp fmt prints for it.
func TestLSPFormatting(t *testing.T) {
	src := "/IF (A = 1)\n/WRITE-TEXT 'ONE';WRITE-TEXT 'TWO'\n/END-IF\n"
	var fmtOut, fmtErr bytes.Buffer
	f := &cli{stdin: strings.NewReader(src), stdout: &fmtOut, stderr: &fmtErr}
	if code := f.main([]string{"fmt"}); code != exitOK {
		t.Fatalf("sdfp fmt: exit %d %s", code, fmtErr.String())
	}
	uri := "file:///tmp/p.proc"
	session := lspSession(nil, uri, src)
	// the formatting request goes before shutdown
	var req strings.Builder
	data, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 3, "method": "textDocument/formatting", "params": map[string]any{
		"textDocument": map[string]any{"uri": uri}, "options": map[string]any{"tabSize": 2, "insertSpaces": true}}})
	fmt.Fprintf(&req, "Content-Length: %d\r\n\r\n%s", len(data), data)
	i := strings.Index(session, "Content-Length: ")
	for n := 0; n < 3; n++ { // after initialize, initialized and didOpen
		i += strings.Index(session[i+1:], "Content-Length: ") + 1
	}
	session = session[:i] + req.String() + session[i:]
	var out, errOut bytes.Buffer
	c := &cli{stdin: strings.NewReader(session), stdout: &out, stderr: &errOut}
	if code := c.main([]string{"lsp"}); code != exitOK {
		t.Fatalf("sdfp lsp exit %d: %s", code, errOut.String())
	}
	for _, part := range strings.Split(out.String(), "Content-Length: ") {
		j := strings.Index(part, "{")
		if j < 0 {
			continue
		}
		var m struct {
			ID     int
			Result []struct{ NewText string }
		}
		if json.Unmarshal([]byte(part[j:]), &m) == nil && m.ID == 3 {
			if len(m.Result) != 1 || m.Result[0].NewText != fmtOut.String() || fmtOut.String() == src {
				t.Errorf("formatting edit %+v, want sdfp fmt's\n%s", m.Result, fmtOut.String())
			}
			return
		}
	}
	t.Errorf("no answer to the formatting request:\n%s", out.String())
}
