package msg

import (
	"strconv"
	"strings"
)

// Message is a message as a value: a catalog key and its inserts, or,
// with no key, a line of literal text (the rows of a SHOW command). It
// travels unrendered from where it arises to where it is printed or
// stored, and is rendered there once, in the reader's language, so no
// code ever takes text apart to find the key again.
//
// An insert is a string, an int or a Message: a nested message (usually a
// detail, see IsDetail) is rendered in the same language as the message
// around it, so "SEMANTIC ERROR: (&00)" reads German through and through
// in a German run.
//
// A message with both a key and a Text has its text given literally, not
// by the catalog: what an installation file says a site command prints.
type Message struct {
	Key     string `json:"key,omitempty"`
	Inserts []any  `json:"inserts,omitempty"`
	Text    string `json:"text,omitempty"` // the literal text: of a line without key, or of a site's message
}

// New returns the message key with its inserts.
func New(key string, inserts ...any) Message { return Message{Key: key, Inserts: inserts} }

// Plain returns a line of literal text.
func Plain(text string) Message { return Message{Text: text} }

// Literal returns a line of literal text; a line printed as BS2000 prints
// a message ("% KEY text") keeps its key, so that it can explain a return
// code.
func Literal(line string) Message {
	if len(line) > 10 && strings.HasPrefix(line, "% ") && line[9] == ' ' && isKey(line[2:9]) {
		return Message{Key: line[2:9], Text: line[10:]}
	}
	return Plain(line)
}

func isKey(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// Plains returns literal lines.
func Plains(lines ...string) []Message {
	out := make([]Message, len(lines))
	for i, l := range lines {
		out[i] = Plain(l)
	}
	return out
}

// IsDetail reports whether key names a detail: a text that is only ever
// an insert of another message (the detail of an SDP0091 semantic
// error), never a line of its own. Detail keys are two or more
// lower-case words joined by hyphens, so they can never be mistaken for
// BS2000 keys, which SDF accepts in any case.
func IsDetail(key string) bool {
	if key == "" || key[0] < 'a' || key[0] > 'z' || !strings.Contains(key, "-") {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Render renders a message as BS2000 prints it, "% KEY text", in a
// language ("E" or "D"); a literal line is its text. A key the catalog
// lacks shows its inserts after it, so nothing is lost.
func (c *Catalog) Render(m Message, lang string) string {
	if m.Key == "" {
		return m.Text // small enough to be inlined: EXECUTE-CMD stores its lines one by one
	}
	return c.keyed(m, lang)
}

// keyed is Render of a message with a key.
func (c *Catalog) keyed(m Message, lang string) string { return "% " + m.Key + " " + c.Body(m, lang) }

// Body renders a message's text without the "% KEY" in front.
func (c *Catalog) Body(m Message, lang string) string {
	if m.Key == "" || m.Text != "" {
		return m.Text
	}
	ins := make([]string, len(m.Inserts))
	for i, v := range m.Inserts {
		ins[i] = c.insert(v, lang)
	}
	if c != nil {
		if t, ok := c.Text(m.Key, lang, ins); ok {
			return t
		}
	}
	return strings.Join(ins, " ")
}

func (c *Catalog) insert(v any, lang string) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case Message:
		return c.Body(x, lang)
	case nil:
		return ""
	}
	return "?"
}

// FromStrings returns the key with string inserts.
func FromStrings(key string, inserts ...string) Message {
	return Message{Key: key, Inserts: Strings(inserts)}
}

// Strings returns string inserts as the values a message takes.
func Strings(inserts []string) []any {
	out := make([]any, len(inserts))
	for i, s := range inserts {
		out[i] = s
	}
	return out
}

// Failure is an error that is a message: what a builtin function, an
// expression or a job-variable condition reports, with the subcode 1 of
// the command error it causes. The message stays a value until the
// interpreter prints it in the task's language.
type Failure struct {
	SC1 int // 64 for a semantic error, 1 for a syntax error
	Msg Message
}

// Error renders the message in English, for logs and Go tests; what a
// procedure prints is rendered in its own language.
func (f *Failure) Error() string { return Default().Render(f.Msg, "E") }

// Detail is what a message says in particular: the detail of a general
// key (SDP0091 "SEMANTIC ERROR: (&00)" with a detail gives the detail),
// else the message itself.
func (m Message) Detail() Message {
	if len(m.Inserts) == 1 {
		if d, ok := m.Inserts[0].(Message); ok && IsDetail(d.Key) {
			return d
		}
	}
	return m
}
