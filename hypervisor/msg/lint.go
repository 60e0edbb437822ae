package msg

import (
	"fmt"
	"strconv"
	"strings"
)

// Lint reports what is wrong with a message as rendered in a language:
// a key (its own or a nested detail's) without both an English and a
// German text, texts whose languages take different inserts, an insert
// the text never shows or a placeholder no insert fills, and a rendered
// text that says the same words twice (an insert that repeats the text
// around it, as a message rendered into its own template does). Literal
// lines and keys of the site's own messages are not linted.
func (c *Catalog) Lint(m Message, lang string) []string {
	var problems []string
	c.lint(m, &problems)
	if len(problems) == 0 && m.Key != "" && m.Text == "" {
		if w := repeatedWords(c.Body(m, lang), 4); w != "" {
			problems = append(problems, fmt.Sprintf("%s renders %q twice: %s", m.Key, w, c.Render(m, lang)))
		}
	}
	return problems
}

func (c *Catalog) lint(m Message, problems *[]string) {
	if m.Key == "" || m.Text != "" {
		return
	}
	e := c.Lookup(m.Key)
	if e == nil || e.Text["E"] == "" || e.Text["D"] == "" {
		*problems = append(*problems, m.Key+" has no English and German text")
		return
	}
	en, de := Placeholders(e.Text["E"]), Placeholders(e.Text["D"])
	if en != de {
		*problems = append(*problems, fmt.Sprintf("%s: the English text takes %d inserts, the German %d", m.Key, en, de))
	}
	if len(m.Inserts) != en {
		*problems = append(*problems, fmt.Sprintf("%s takes %d inserts, given %d", m.Key, en, len(m.Inserts)))
	}
	for _, in := range m.Inserts {
		if nested, ok := in.(Message); ok {
			c.lint(nested, problems)
		}
	}
}

// Placeholders is the number of inserts a template takes: one more than
// its highest (&nn).
func Placeholders(template string) int {
	n := 0
	for i := 0; i+4 < len(template); i++ {
		if template[i] == '(' && template[i+1] == '&' && template[i+4] == ')' {
			d1, d2 := template[i+2], template[i+3]
			if d1 >= '0' && d1 <= '9' && d2 >= '0' && d2 <= '9' {
				if k := int(d1-'0')*10 + int(d2-'0') + 1; k > n {
					n = k
				}
			}
		}
	}
	return n
}

// repeatedWords returns the first run of n words that text contains
// twice, or "".
func repeatedWords(text string, n int) string {
	words := strings.Fields(text)
	seen := map[string]bool{}
	for i := 0; i+n <= len(words); i++ {
		run := strings.Join(words[i:i+n], " ")
		if seen[run] {
			return run
		}
		seen[run] = true
	}
	return ""
}

// StandIns returns stand-in inserts ("<0>", "<1>" ...), as many as the
// English text of key takes, for tests that render every row of an
// outcome table.
func (c *Catalog) StandIns(key string) []any {
	e := c.Lookup(key)
	if e == nil {
		return nil
	}
	out := make([]any, Placeholders(e.Text["E"]))
	for i := range out {
		out[i] = "<" + strconv.Itoa(i) + ">"
	}
	return out
}
