// Package console collects operator-console messages of a run: SEND-MSG
// and INFORM-OPERATOR from procedures and the console messages VM2000
// writes on the monitor systems of the server units. Each line is stamped
// with the virtual time it was written at.
package console

import (
	"fmt"
	"io"
	"time"
)

// Line is one console message.
type Line struct {
	Time   time.Time
	Source string // who wrote it: a server unit name, or the task's TSN
	Text   string
}

// String renders a line as "hh:mm:ss SOURCE  text".
func (l Line) String() string {
	return fmt.Sprintf("%s %-8s %s", l.Time.Format("15:04:05"), l.Source, l.Text)
}

// Console records lines and optionally writes each as it comes.
type Console struct {
	now   func() time.Time
	lines []Line
	// W, when set, receives every line as it is written.
	W io.Writer
	// OnLine, when set, is called for every line as it is written.
	OnLine func(Line)
}

// New returns a console stamping lines with now().
func New(now func() time.Time) *Console { return &Console{now: now} }

// Write adds a line.
func (c *Console) Write(source, text string) {
	l := Line{Time: c.now(), Source: source, Text: text}
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
	s := ""
	for _, l := range c.lines {
		s += l.String() + "\n"
	}
	return s
}
