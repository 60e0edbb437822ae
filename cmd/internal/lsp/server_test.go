package lsp

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"sdfp/parser/catalog"
)

// mainProc has an error on line 10 (a misspelt command), a block with an
// IF, a parameter, a variable, a label and a called procedure.
const mainProc = `/SET-PROCEDURE-OPTIONS
/DECLARE-PARAMETER NAME=VMID(INITIAL-VALUE=2)
/DECLARE-VARIABLE NAME=TXT(TYPE=STRING,INITIAL-VALUE='OK')
/BEGIN-BLOCK
/  IF (LENGTH(TXT) > 1)
/    TXT = SUBSTRING(TXT,1)
/    GOTO LABEL=FINISH
/  END-IF
/END-BLOCK
/SHOW-VM-ATRIBUTES VM-ID=2,INF=*MEMORY
/CALL-PROCEDURE FROM-FILE=SUB
/FINISH: EXIT-PROCEDURE
/" SEE VMS2461 "
`

// fixedProc is mainProc without its error.
var fixedProc = strings.Replace(mainProc, "ATRIBUTES", "ATTRIBUTES", 1)

// workspace writes main.proc and sub.proc to a new directory and starts a
// server on it.
func workspace(t *testing.T, opts Options) (c *client, dir, uri string) {
	dir = t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.proc"), []byte(mainProc), 0o644)
	os.WriteFile(filepath.Join(dir, "sub.proc"), []byte("/WRITE-TEXT 'SUB'\n"), 0o644)
	root := "file://" + filepath.ToSlash(dir)
	c = startServer(t, opts, protocol.InitializeParams{RootURI: &root})
	uri = root + "/main.proc"
	return c, dir, uri
}

func TestDiagnosticsOnOpenAndIncrementalChange(t *testing.T) {
	c, _, uri := workspace(t, Options{})
	d := c.open(uri, mainProc)
	if len(d.Diagnostics) != 1 {
		t.Fatalf("diagnostics %+v, want the one unknown command", d.Diagnostics)
	}
	g := d.Diagnostics[0]
	if g.Range != (protocol.Range{Start: at(9, 1), End: at(9, 18)}) || g.Code != "CMD0202" || g.Source != "sdfp" ||
		g.Severity != int(protocol.DiagnosticSeverityError) || !strings.Contains(g.Message, "did you mean SHOW-VM-ATTRIBUTES?") {
		t.Errorf("diagnostic %+v", g)
	}
	// mend the name: insert the missing T (line 10, "/SHOW-VM-AT|RIBUTES")
	c.notify("textDocument/didChange", protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: 2},
		ContentChanges: []any{protocol.TextDocumentContentChangeEvent{Range: &protocol.Range{Start: at(9, 11), End: at(9, 11)}, Text: "T"}},
	})
	// what is left is a warning: no BEGIN-VM-DIALOG before the VM2000 command
	if d := c.nextDiagnostics(uri); len(d.Diagnostics) != 1 || d.Version == nil || *d.Version != 2 ||
		d.Diagnostics[0].Severity != int(protocol.DiagnosticSeverityWarning) || d.Diagnostics[0].Range.End != at(9, 19) {
		t.Fatalf("after the mend: %+v", d)
	}
	// break a GOTO's target: FINISH -> FINIS in line 7
	c.notify("textDocument/didChange", protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: 3},
		ContentChanges: []any{protocol.TextDocumentContentChangeEvent{Range: &protocol.Range{Start: at(6, 21), End: at(6, 22)}, Text: ""}},
	})
	d = c.nextDiagnostics(uri)
	if len(d.Diagnostics) != 2 || d.Diagnostics[0].Range.Start.Line != 6 || d.Diagnostics[0].Severity != int(protocol.DiagnosticSeverityError) {
		t.Fatalf("after breaking the GOTO: %+v", d.Diagnostics)
	}
	// the whole text replaced
	c.notify("textDocument/didChange", protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: 4},
		ContentChanges: []any{protocol.TextDocumentContentChangeEvent{Text: "/WRITE-TEXT 'A'\n"}},
	})
	if d := c.nextDiagnostics(uri); len(d.Diagnostics) != 0 {
		t.Fatalf("after replacing the text: %+v", d.Diagnostics)
	}
	c.notify("textDocument/didClose", protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}})
	if d := c.nextDiagnostics(uri); len(d.Diagnostics) != 0 {
		t.Fatalf("on close: %+v", d.Diagnostics)
	}
}

func TestHover(t *testing.T) {
	c, _, uri := workspace(t, Options{})
	c.open(uri, fixedProc)
	for _, tc := range []struct {
		line, char int
		want       []string
	}{
		{0, 3, []string{"**SET-PROCEDURE-OPTIONS**"}},                               // a command's name
		{9, 29, []string{"operand **INFORMATION**", "default: `", "*MEMORY"}},       // an operand
		{9, 34, []string{"`*MEMORY`: a value of operand `INFORMATION`"}},            // a keyword value
		{4, 8, []string{"LENGTH(", "-> INTEGER"}},                                   // a builtin
		{5, 6, []string{"`TXT`, declared on line 3", "/DECLARE-VARIABLE NAME=TXT"}}, // a variable
		{12, 8, []string{"English:", "German:", "VMS2461"}},                         // a message key
		{6, 18, []string{"label `FINISH` of line 12"}},                              // a label
		{1, 26, []string{"`VMID`, declared on line 2"}},                             // a parameter
	} {
		var h *protocol.Hover
		c.call("textDocument/hover", protocol.HoverParams{TextDocumentPositionParams: docPos(uri, tc.line, tc.char)}, &h)
		if h == nil {
			t.Errorf("%d:%d: no hover", tc.line, tc.char)
			continue
		}
		got := h.Contents.(protocol.MarkupContent).Value
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%d:%d: hover lacks %q:\n%s", tc.line, tc.char, w, got)
			}
		}
	}
}

func completionLabels(t *testing.T, c *client, uri string, line, char int) []string {
	t.Helper()
	var l protocol.CompletionList
	c.call("textDocument/completion", protocol.CompletionParams{TextDocumentPositionParams: docPos(uri, line, char)}, &l)
	var out []string
	for _, it := range l.Items {
		out = append(out, it.Label)
	}
	return out
}

func TestCompletion(t *testing.T) {
	c, _, uri := workspace(t, Options{})
	c.open(uri, fixedProc)
	for _, tc := range []struct {
		name       string
		line, char int
		want, not  []string
	}{
		{"command names", 9, 9, []string{"SHOW-VM-ATTRIBUTES", "SHOW-VM-STATUS"}, []string{"SET-VARIABLE"}},
		{"command names by their first part", 0, 4, []string{"SET-PROCEDURE-OPTIONS"}, []string{"SHOW-VM-ATTRIBUTES"}},
		{"operands", 9, 28, []string{"INFORMATION", "VM-IDENTIFICATION"}, []string{"*MEMORY"}},
		{"keyword values", 9, 32, []string{"*MEMORY"}, []string{"INFORMATION"}},
		{"labels", 6, 16, []string{"FINISH"}, nil},
		{"builtins and variables", 5, 13, []string{"SUBSTRING", "SUBSTR", "SUBLIST"}, nil},
		{"variables", 5, 11, []string{"TXT", "VMID", "LENGTH"}, nil},
		{"message keys", 12, 10, []string{"VMS2461"}, []string{"SDP0091"}},
	} {
		got := completionLabels(t, c, uri, tc.line, tc.char)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: %q not offered: %v", tc.name, w, got)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("%s: %q offered", tc.name, w)
			}
		}
	}
}

func TestDefinitionAndReferences(t *testing.T) {
	c, dir, uri := workspace(t, Options{})
	c.open(uri, mainProc)
	def := func(line, char int) protocol.Location {
		var raw json.RawMessage
		c.call("textDocument/definition", protocol.DefinitionParams{TextDocumentPositionParams: docPos(uri, line, char)}, &raw)
		var l protocol.Location
		json.Unmarshal(raw, &l)
		return l
	}
	if l := def(6, 18); l.URI != uri || l.Range.Start != at(11, 1) || l.Range.End != at(11, 7) {
		t.Errorf("label: %+v", l)
	}
	if l := def(5, 6); l.URI != uri || l.Range.Start.Line != 2 {
		t.Errorf("variable: %+v", l)
	}
	if l := def(10, 27); l.URI != "file://"+filepath.ToSlash(filepath.Join(dir, "sub.proc")) {
		t.Errorf("called procedure: %+v", l)
	}
	refs := func(line, char int) []protocol.Range {
		var ls []protocol.Location
		c.call("textDocument/references", protocol.ReferenceParams{TextDocumentPositionParams: docPos(uri, line, char)}, &ls)
		var out []protocol.Range
		for _, l := range ls {
			out = append(out, l.Range)
		}
		return out
	}
	if r := refs(11, 3); !slices.Equal(r, []protocol.Range{{Start: at(6, 16), End: at(6, 22)}, {Start: at(11, 1), End: at(11, 7)}}) {
		t.Errorf("label references %+v", r)
	}
	r := refs(2, 24)
	var lines []protocol.UInteger
	for _, x := range r {
		lines = append(lines, x.Start.Line)
	}
	if !slices.Equal(lines, []protocol.UInteger{2, 4, 5, 5}) {
		t.Errorf("variable references on lines %v", lines)
	}
}

func TestSymbolsFoldingSignatureFormatting(t *testing.T) {
	// a stand-in for sdfp fmt: blocks indented by one blank less
	format := func(_, src string) (string, error) { return strings.ReplaceAll(src, "/  ", "/ "), nil }
	c, _, uri := workspace(t, Options{Format: format})
	c.open(uri, mainProc)
	var syms []protocol.DocumentSymbol
	c.call("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, &syms)
	var names []string
	for _, s := range syms {
		names = append(names, s.Name)
		for _, k := range s.Children {
			names = append(names, "  "+k.Name)
		}
	}
	if want := []string{"VMID", "BEGIN-BLOCK", "  IF", "FINISH:"}; !slices.Equal(names, want) {
		t.Errorf("symbols %q, want %q", names, want)
	}
	var folds []protocol.FoldingRange
	c.call("textDocument/foldingRange", protocol.FoldingRangeParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, &folds)
	var spans [][2]protocol.UInteger
	for _, f := range folds {
		spans = append(spans, [2]protocol.UInteger{f.StartLine, f.EndLine})
	}
	if want := [][2]protocol.UInteger{{3, 8}, {4, 7}}; !slices.Equal(spans, want) {
		t.Errorf("folding ranges %v, want %v", spans, want)
	}
	var sh *protocol.SignatureHelp
	c.call("textDocument/signatureHelp", protocol.SignatureHelpParams{TextDocumentPositionParams: docPos(uri, 5, 25)}, &sh)
	if sh == nil || !strings.HasPrefix(sh.Signatures[0].Label, "SUBSTRING(") || sh.ActiveParameter == nil || *sh.ActiveParameter != 1 {
		t.Errorf("signature help %+v", sh)
	}
	var edits []protocol.TextEdit
	c.call("textDocument/formatting", protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, &edits)
	if len(edits) != 1 || edits[0].NewText != strings.ReplaceAll(mainProc, "/  ", "/ ") || edits[0].Range.End != at(13, 0) {
		t.Errorf("formatting %+v", edits)
	}
}

// The setting sdfp.installation names an installation whose site
// commands are known from then on, and open documents are checked anew.
func TestInstallationSetting(t *testing.T) {
	site := func(file string) (*catalog.Catalog, error) {
		if filepath.Base(file) != "site.yaml" {
			return nil, fmt.Errorf("%s: no such installation", file)
		}
		cat := catalog.Builtin() // a copy to extend, as an installation extends it
		cmd, err := catalog.NewCommand("CHECK-SITE-BACKUP", "", "site", "I test", "a site command")
		if err != nil {
			return nil, err
		}
		cat.Add(cmd)
		return cat, nil
	}
	c, _, uri := workspace(t, Options{Installation: site})
	if d := c.open(uri, "/CHECK-SITE-BACKUP\n"); len(d.Diagnostics) != 1 {
		t.Fatalf("before the setting: %+v", d.Diagnostics)
	}
	c.notify("workspace/didChangeConfiguration", protocol.DidChangeConfigurationParams{
		Settings: map[string]any{"sdfp": map[string]any{"installation": "site.yaml"}}})
	if d := c.nextDiagnostics(uri); len(d.Diagnostics) != 0 {
		t.Fatalf("after the setting: %+v", d.Diagnostics)
	}
}
