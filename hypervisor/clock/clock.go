// Package clock is the virtual clock and event queue of a run. Time
// advances only when a task waits: the clock jumps straight to the next
// scheduled event (an asynchronous operation reaching its next phase, a
// time limit) and runs it. Events at the same instant run in the order
// they were scheduled, so every run is deterministic. Nothing here reads
// the wall clock, and no goroutine or sleep is involved.
package clock

import (
	"container/heap"
	"context"
	"fmt"
	"time"

	"sdfp/interp/handler"
)

// Event is a scheduled piece of work.
type Event struct {
	At   time.Time
	Name string // for traces and tests
	run  func()
	seq  uint64
	idx  int // position in the heap, -1 when not queued
}

type queue []*Event

func (q queue) Len() int { return len(q) }
func (q queue) Less(i, j int) bool {
	if !q[i].At.Equal(q[j].At) {
		return q[i].At.Before(q[j].At)
	}
	return q[i].seq < q[j].seq
}
func (q queue) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].idx, q[j].idx = i, j
}
func (q *queue) Push(x any) {
	e := x.(*Event)
	e.idx = len(*q)
	*q = append(*q, e)
}
func (q *queue) Pop() any {
	old := *q
	e := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	e.idx = -1
	return e
}

// Clock is a virtual clock with its event queue.
type Clock struct {
	now    time.Time
	start  time.Time
	events queue
	seq    uint64
	// Limit, when not zero, is the latest virtual time a run may reach;
	// waiting past it fails with ErrTimeLimit.
	Limit time.Time
	// OnEvent, when set, is called before each event runs (for traces).
	OnEvent func(e *Event)
}

// ErrTimeLimit reports that a wait would pass the clock's Limit.
type ErrTimeLimit struct{ Limit time.Time }

// RunLimit marks the error as a run limit (the interpreter ends the run
// with exit status "limit reached" rather than a procedure error).
func (e *ErrTimeLimit) RunLimit() bool { return true }

func (e *ErrTimeLimit) Error() string {
	return fmt.Sprintf("virtual time limit %s reached", e.Limit.Format(time.DateTime))
}

// pastLimit returns the error of a run that would reach t after the
// clock's Limit, or nil while t is within it (or there is no limit). It
// is the one test of the limit: Advance, Wait and the Scheduler all ask
// it.
func (c *Clock) pastLimit(t time.Time) error {
	if c.Limit.IsZero() || !t.After(c.Limit) {
		return nil
	}
	return &ErrTimeLimit{c.Limit}
}

// New returns a clock that starts at start.
func New(start time.Time) *Clock { return &Clock{now: start, start: start} }

// Now is the current virtual time.
func (c *Clock) Now() time.Time { return c.now }

// Elapsed is the virtual time since the start.
func (c *Clock) Elapsed() time.Duration { return c.now.Sub(c.start) }

// Schedule runs fn after d of virtual time.
func (c *Clock) Schedule(d time.Duration, name string, fn func()) *Event {
	if d < 0 {
		d = 0
	}
	c.seq++
	e := &Event{At: c.now.Add(d), Name: name, run: fn, seq: c.seq}
	heap.Push(&c.events, e)
	return e
}

// Cancel removes a scheduled event; cancelling one that already ran does
// nothing.
func (c *Clock) Cancel(e *Event) {
	if e != nil && e.idx >= 0 && e.idx < len(c.events) && c.events[e.idx] == e {
		heap.Remove(&c.events, e.idx)
	}
}

// Pending is the number of scheduled events.
func (c *Clock) Pending() int { return len(c.events) }

// Next returns the time of the next event.
func (c *Clock) Next() (time.Time, bool) {
	if len(c.events) == 0 {
		return time.Time{}, false
	}
	return c.events[0].At, true
}

// Step advances to the next event and runs it; false when none is left.
func (c *Clock) Step() bool {
	if len(c.events) == 0 {
		return false
	}
	e := heap.Pop(&c.events).(*Event)
	if e.At.After(c.now) {
		c.now = e.At
	}
	if c.OnEvent != nil {
		c.OnEvent(e)
	}
	e.run()
	return true
}

// Advance moves the clock forward by d, running every event due by then.
func (c *Clock) Advance(d time.Duration) error {
	target := c.now.Add(d)
	if err := c.pastLimit(target); err != nil {
		return err
	}
	for {
		at, ok := c.Next()
		if !ok || at.After(target) {
			break
		}
		c.Step()
	}
	c.now = target
	return nil
}

// Wait implements the interpreter's Waiter for a single task: it runs
// events in virtual time until the condition holds (true) or the time
// limit passes (false). The condition is evaluated at once and after
// every event, which is exactly when a job variable it reads can change.
func (c *Clock) Wait(ctx context.Context, task handler.Task, w *handler.Wait) (bool, error) {
	deadline := c.now.Add(time.Duration(w.Deadline) * time.Second)
	for {
		ok, err := w.Ready()
		if err != nil || ok {
			return ok, err
		}
		if err := ctx.Err(); err != nil {
			return false, err
		}
		at, more := c.Next()
		if !more || at.After(deadline) {
			if err := c.pastLimit(deadline); err != nil {
				c.now = c.Limit
				return false, err
			}
			// nothing can change before the time limit
			if deadline.After(c.now) {
				c.now = deadline
			}
			return false, nil
		}
		if err := c.pastLimit(at); err != nil {
			c.now = c.Limit
			return false, err
		}
		c.Step()
	}
}
