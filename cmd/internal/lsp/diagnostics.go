package lsp

import (
	"fmt"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"sdfp/lexer"
)

// diagnostics are the check's findings as LSP diagnostics: each spans
// the word it points at (lexer.End), with the message key as its code;
// findings beyond the per-file limit are counted in one more, at 1:1.
func diagnostics(a *analysis) []protocol.Diagnostic {
	out := []protocol.Diagnostic{}
	for _, e := range a.report.Findings {
		e.Resolve()
		end := e.Pos
		if !e.Whole {
			end = lexer.End(a.text.src, e.Pos)
		}
		sev := protocol.DiagnosticSeverityError
		if e.Severity == lexer.SevWarning {
			sev = protocol.DiagnosticSeverityWarning
		}
		out = append(out, protocol.Diagnostic{
			Range:    protocol.Range{Start: a.text.pos(e.Pos), End: a.text.pos(end)},
			Severity: &sev,
			Code:     &protocol.IntegerOrString{Value: e.Code},
			Source:   ptr("sdfp"),
			Message:  e.Msg,
		})
	}
	if n := a.report.Omitted; n > 0 {
		out = append(out, protocol.Diagnostic{
			Severity: ptr(protocol.DiagnosticSeverityInformation),
			Source:   ptr("sdfp"),
			Message:  fmt.Sprintf("%d more finding(s) not shown", n),
		})
	}
	return out
}
