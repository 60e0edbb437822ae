package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// progress shows a long run's virtual time and steps on one line of a
// terminal's stderr, rewritten in place, so that a run that takes a
// while is seen to be alive. It is shown only when stderr is a terminal
// (never in tests, pipes or CI logs), only after the run has taken
// progressDelay of wall time, and at most every progressEvery; done
// clears the line before the run's own lines follow.
type progress struct {
	w         io.Writer
	wall      func() time.Time
	start     time.Time
	last      time.Time
	shown     bool
	steps     int64
	taskSteps map[string]int64
}

const (
	progressDelay = time.Second
	progressEvery = 200 * time.Millisecond
)

// newProgress returns the progress line of a run, or nil when w is not
// a terminal.
func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok || !isTerminalFile(f) {
		return nil
	}
	return newProgressTo(w, time.Now)
}

func newProgressTo(w io.Writer, wall func() time.Time) *progress {
	return &progress{w: w, wall: wall, start: wall(), taskSteps: map[string]int64{}}
}

// hook is the session's progress function for task tsn.
func (p *progress) hook(tsn string) func(steps int64, now time.Time) {
	return func(steps int64, now time.Time) {
		p.steps += steps - p.taskSteps[tsn]
		p.taskSteps[tsn] = steps
		t := p.wall()
		if t.Sub(p.start) < progressDelay || t.Sub(p.last) < progressEvery {
			return
		}
		p.last, p.shown = t, true
		fmt.Fprintf(p.w, "\r\x1b[Ksdfp: virtual time %s, %d steps, %s", now.Format("2006-01-02 15:04:05"),
			p.steps, t.Sub(p.start).Truncate(time.Second))
	}
}

// done clears the progress line, if one was shown.
func (p *progress) done() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// isTerminalFile reports whether f is a terminal.
func isTerminalFile(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
