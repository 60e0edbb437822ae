package lsp

import (
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"sdfp/builtins"
	"sdfp/parser/catalog"
)

func (s *server) signatureHelp(_ *glsp.Context, p *protocol.SignatureHelpParams) (*protocol.SignatureHelp, error) {
	a := s.doc(p.TextDocument.URI)
	if a == nil {
		return nil, nil
	}
	cur := a.at(int(p.Position.Line), int(p.Position.Character))
	f, arg, key := s.openCall(cur.text[:cur.col])
	if f == nil {
		return nil, nil
	}
	sig, params := signature(f)
	info := protocol.SignatureInformation{Label: sig, Documentation: f.Help}
	for _, p := range params {
		info.Parameters = append(info.Parameters, protocol.ParameterInformation{Label: p})
	}
	active := arg
	if key != "" {
		active = -1
		for i, p := range f.Params {
			if strings.EqualFold(p.Name, key) || catalog.Abbreviates(key, p.Name) {
				active = i
				break
			}
		}
	}
	help := &protocol.SignatureHelp{Signatures: []protocol.SignatureInformation{info}, ActiveSignature: ptr(protocol.UInteger(0))}
	if active >= 0 && active < len(f.Params) {
		help.ActiveParameter = ptr(protocol.UInteger(active))
	}
	return help, nil
}

// openCall finds the builtin call whose parentheses are open at the end
// of before: the function, the index of the argument being written and,
// when it is written NAME=..., the parameter name.
func (s *server) openCall(before string) (f *builtins.Function, arg int, key string) {
	depth, commas := 0, 0
	lastEq := -1
	for i := len(before) - 1; i >= 0; i-- {
		switch before[i] {
		case ')':
			depth++
		case '(':
			if depth > 0 {
				depth--
				continue
			}
			name, _, _ := wordAt(before[:i], i)
			if fn := s.funcs.Lookup(name); fn != nil {
				if lastEq >= 0 {
					key, _, _ = wordAt(before[:lastEq], lastEq)
				}
				return fn, commas, key
			}
			// the parentheses of an expression or an operand: look further out
			commas, lastEq = 0, -1
		case ',':
			if depth == 0 {
				commas++
			}
		case '=':
			if depth == 0 && commas == 0 && lastEq < 0 {
				lastEq = i
			}
		case '\'':
			// a string: skip back to its opening quote
			if j := strings.LastIndexByte(before[:i], '\''); j >= 0 {
				i = j
			}
		}
	}
	return nil, 0, ""
}
