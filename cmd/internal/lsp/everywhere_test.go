package lsp

import (
	"testing"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Every request at every position of odd procedures (unclosed blocks,
// quotes and parentheses, continuation lines, labels alone, umlauts and
// characters beyond the BMP, positions past the line's and the text's
// end) gets an answer, never a panic.
func TestEveryRequestEverywhere(t *testing.T) {
	s := newServer(Options{Format: func(_, src string) (string, error) { return src + "\n", nil }})
	ctx := &glsp.Context{Notify: func(string, any) {}}
	for i, src := range []string{
		mainProc,
		"/IF (LENGTH('ä😀\n/  X = SUBSTRING(A,'(,\n/END-WHILE\n/L: \n/.SKIP\n",
		"/EXEC-CMD (SHOW-VM-ATTR VM-ID=2,INF=*MEM),STRUCT-OUT=S -\n/ ,TEXT-OUT=*NO\n/GOTO LABEL=\ndata line\n/CALL-PROC FROM-FILE=../x\n",
		"", "/", "/\"", "/'", "/(((", "/A=(", "/SHOW-VM-ATTR INF=*MEM(", "/ = 1",
	} {
		uri := "file:///w/p.proc"
		s.didOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: uri, Text: src}})
		lines := newText(src)
		for line := 0; line <= len(lines.lines)+1; line++ {
			for char := 0; char <= utf16Count(lines.line(line))+2; char++ {
				pos := docPos(uri, line, char)
				s.hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: pos})
				s.completion(ctx, &protocol.CompletionParams{TextDocumentPositionParams: pos})
				s.definition(ctx, &protocol.DefinitionParams{TextDocumentPositionParams: pos})
				s.references(ctx, &protocol.ReferenceParams{TextDocumentPositionParams: pos})
				s.signatureHelp(ctx, &protocol.SignatureHelpParams{TextDocumentPositionParams: pos})
				// an edit there, and one back
				r := protocol.Range{Start: at(line, char), End: at(line+1, 0)}
				s.didChange(ctx, &protocol.DidChangeTextDocumentParams{ContentChanges: []any{protocol.TextDocumentContentChangeEvent{Range: &r, Text: "x"}},
					TextDocument: protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}}})
				s.didChange(ctx, &protocol.DidChangeTextDocumentParams{ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: src}},
					TextDocument: protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}}})
			}
		}
		id := protocol.TextDocumentIdentifier{URI: uri}
		s.documentSymbol(ctx, &protocol.DocumentSymbolParams{TextDocument: id})
		s.foldingRange(ctx, &protocol.FoldingRangeParams{TextDocument: id})
		if edits, _ := s.formatting(ctx, &protocol.DocumentFormattingParams{TextDocument: id}); len(edits) != 1 {
			t.Errorf("source %d: formatting gave %d edits", i, len(edits))
		}
	}
}
