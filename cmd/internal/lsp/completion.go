package lsp

import (
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"sdfp/parser/catalog"
)

// maxItems bounds a completion list; the client asks again as the user
// types (IsIncomplete).
const maxItems = 400

func (s *server) completion(_ *glsp.Context, p *protocol.CompletionParams) (any, error) {
	a := s.doc(p.TextDocument.URI)
	if a == nil {
		return nil, nil
	}
	cur := a.at(int(p.Position.Line), int(p.Position.Character))
	partial, _, _ := wordAt(cur.text[:cur.col], cur.col)
	list := &completions{partial: partial}
	s.complete(cur, list)
	return protocol.CompletionList{IsIncomplete: list.incomplete, Items: list.items}, nil
}

// completions collects the items that fit what is typed.
type completions struct {
	partial    string
	items      []protocol.CompletionItem
	seen       map[string]bool
	incomplete bool
}

// add offers label when it fits the word typed so far: a prefix of it,
// or an SDF abbreviation of it (SH-VM-A for SHOW-VM-ATTRIBUTES; BS2000
// Commands, "Abbreviation of names", V: parts dropped from the right,
// characters dropped from the right of each part).
func (l *completions) add(label string, kind protocol.CompletionItemKind, detail string) {
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	if l.seen[label] {
		return
	}
	p := strings.ToUpper(l.partial)
	if p != "" && !strings.HasPrefix(strings.ToUpper(label), p) && !catalog.Abbreviates(p, label) {
		return
	}
	if len(l.items) >= maxItems {
		l.incomplete = true
		return
	}
	l.seen[label] = true
	item := protocol.CompletionItem{Label: label, Kind: &kind}
	if detail != "" {
		item.Detail = &detail
	}
	l.items = append(l.items, item)
}

// complete offers what may stand at the cursor: a command name after the
// slash; after OPERAND= the operand's keyword values (labels after
// LABEL=, TO-LABEL=), variables and builtins; elsewhere in a command its
// operand names (inside *KEYWORD(...) those of the structure) and
// keyword values; message keys wherever a word looks like the start of
// one.
func (s *server) complete(cur *cursor, l *completions) {
	if up := strings.ToUpper(l.partial); len(up) >= 3 && len(up) <= 7 && keyStart(up) {
		for _, k := range s.msgs.Keys() {
			if strings.HasPrefix(k, up) && isMessageKey(k) {
				l.add(k, protocol.CompletionItemKindConstant, s.msgs.Lookup(k).Text["E"])
			}
		}
	}
	if cur.assign {
		s.expressionItems(cur, l)
		return
	}
	if cur.atName {
		for _, c := range s.cat.Commands() {
			l.add(c.Name, protocol.CompletionItemKindKeyword, c.Domain)
			for _, al := range c.Aliases {
				l.add(al, protocol.CompletionItemKindKeyword, c.Name)
			}
		}
		for _, v := range cur.a.declOrder {
			l.add(v, protocol.CompletionItemKindVariable, "variable: an assignment")
		}
		return
	}
	if cur.spec == nil || len(l.partial) > len(cur.before) {
		return
	}
	before := cur.before[:len(cur.before)-len(l.partial)]
	f := operandContext(cur.spec, before)
	trimmed := strings.TrimRight(before, " ")
	if f.current != nil && (strings.HasSuffix(trimmed, "=") || strings.HasSuffix(trimmed, "(") || strings.HasSuffix(trimmed, ",") && f.scope == nil) {
		s.values(cur, f.current, l)
		return
	}
	if strings.HasPrefix(l.partial, "*") {
		for _, o := range f.scope {
			for _, alt := range o.Alts {
				if alt.Kind == catalog.AltKeyword {
					l.add(alt.Keyword, protocol.CompletionItemKindEnumMember, o.Name)
				}
			}
		}
	}
	for _, o := range f.scope {
		l.add(o.Name, protocol.CompletionItemKindProperty, o.Synopsis())
	}
	if f.scope == nil {
		s.expressionItems(cur, l)
	}
}

// values offers an operand's values.
func (s *server) values(cur *cursor, o *catalog.Operand, l *completions) {
	for _, alt := range o.Alts {
		switch alt.Kind {
		case catalog.AltKeyword:
			l.add(alt.Keyword, protocol.CompletionItemKindEnumMember, o.Name)
		case catalog.AltLiteral:
			l.add(alt.Literal, protocol.CompletionItemKindValue, o.Name)
		}
	}
	if strings.HasSuffix(o.Name, "LABEL") {
		for _, c := range cur.a.labels() {
			l.add(strings.TrimPrefix(c.Label, "."), protocol.CompletionItemKindReference, "label")
		}
		return
	}
	s.expressionItems(cur, l)
}

// expressionItems offers what an expression may name: the variables
// declared, and the builtin functions.
func (s *server) expressionItems(cur *cursor, l *completions) {
	for _, v := range cur.a.declOrder {
		l.add(v, protocol.CompletionItemKindVariable, "variable")
	}
	for _, f := range s.funcs.Functions() {
		sig, _ := signature(f)
		l.add(f.Name, protocol.CompletionItemKindFunction, sig)
		for _, al := range f.Aliases { // the manual's fixed abbreviations, SUBSTR (SDF-P UG, "Abbreviations of names and keywords", V)
			l.add(al, protocol.CompletionItemKindFunction, sig)
		}
	}
}
