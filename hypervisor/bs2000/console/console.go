// Package console collects operator-console messages of a run: SEND-MSG
// and INFORM-OPERATOR from procedures and the console messages VM2000
// writes on the monitor systems of the server units. Each line is stamped
// with the virtual time it was written at, and rendered once, in the
// console's language, when it is written.
package console

import (
	"fmt"
	"io"
	"strings"
	"time"

	"sdfp/hypervisor/msg"
)

// Line is one console message.
type Line struct {
	Time   time.Time
	Source string      // who wrote it: a server unit name, or the task's TSN
	Msg    msg.Message // the message as a value (key and inserts)
	Text   string      // the message as rendered in the console's language
}

// String renders a line as "hh:mm:ss SOURCE  text".
func (l Line) String() string {
	return fmt.Sprintf("%s %-8s %s", l.Time.Format("15:04:05"), l.Source, l.Text)
}

// Console records lines and optionally writes each as it comes.
type Console struct {
	now   func() time.Time
	msgs  *msg.Catalog
	lang  string
	lines []Line
	// W, when set, receives every line as it is written.
	W io.Writer
	// OnLine, when set, is called for every line as it is written.
	OnLine func(Line)
}

// New returns a console stamping lines with now() and rendering messages
// from msgs in lang ("E" or "D").
func New(now func() time.Time, msgs *msg.Catalog, lang string) *Console {
	return &Console{now: now, msgs: msgs, lang: strings.ToUpper(lang)}
}

// Language is the language console messages are rendered in.
func (c *Console) Language() string { return c.lang }

// SetLanguage changes the language of the lines written from now on (an
// installation that says in which language its console speaks).
func (c *Console) SetLanguage(lang string) { c.lang = strings.ToUpper(lang) }

// Write adds a line.
func (c *Console) Write(source string, m msg.Message) {
	l := Line{Time: c.now(), Source: source, Msg: m, Text: c.msgs.Render(m, c.lang)}
	c.lines = append(c.lines, l)
	if c.W != nil {
		fmt.Fprintln(c.W, l.String())
	}
	if c.OnLine != nil {
		c.OnLine(l)
	}
}

// Lines returns every line written so far.
func (c *Console) Lines() []Line { return c.lines }

// Text renders all lines, one per line.
func (c *Console) Text() string {
	var b strings.Builder
	for _, l := range c.lines {
		b.WriteString(l.String())
		b.WriteByte('\n')
	}
	return b.String()
}
