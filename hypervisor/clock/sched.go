package clock

import (
	"context"
	"time"

	"sdfp/interp/handler"
)

// Scheduler runs several tasks on one clock, interleaved
// deterministically: exactly one task runs at a time, until it waits or
// ends; then the first runnable task in start order goes on. When every
// task waits, the clock jumps to the next event or time limit, runs the
// event and wakes the tasks whose condition now holds, in start order.
// Each task but the first runs in a goroutine of its own only so that a
// deep call stack can be parked in the middle of a command; the
// hand-over through channels makes the order of everything fixed. The
// first task runs on the caller's goroutine: while it waits, its Wait
// runs the scheduler's loop until it is its turn again. A run of one
// procedure, most runs, then hands nothing over between goroutines
// (each hand-over may wake an idle thread of the Go runtime: a futex
// call and a context switch).
type Scheduler struct {
	clock   *Clock
	tasks   []*task
	yield   chan *task
	running bool
	ctx     context.Context
	// ready and runnable, by task: whether it may go on, and what its
	// wait returns when it does
	ready    []bool
	runnable []waitResult
}

type waitResult struct {
	ok  bool
	err error
}

type task struct {
	id       string
	run      func(w *TaskWaiter)
	resume   chan waitResult
	wait     *handler.Wait
	deadline time.Time
	done     bool
	// cancelled: the task's wait ends with ErrCancelled (Cancel).
	cancelled bool
	// inline: the first task, run on the scheduler's own goroutine
	inline bool
}

// TaskWaiter is the interpreter's Waiter for one task of a scheduler.
type TaskWaiter struct {
	s *Scheduler
	t *task
}

// NewScheduler returns a scheduler on clk.
func NewScheduler(clk *Clock) *Scheduler {
	return &Scheduler{clock: clk, yield: make(chan *task)}
}

// Add registers a task; run is called with the task's waiter when the
// scheduler starts it.
func (s *Scheduler) Add(id string, run func(w *TaskWaiter)) {
	s.tasks = append(s.tasks, &task{id: id, run: run, resume: make(chan waitResult)})
}

// Wait implements the interpreter's Waiter: the task parks until its
// condition holds (true) or its time limit passes (false).
func (w *TaskWaiter) Wait(ctx context.Context, _ handler.Task, cw *handler.Wait) (bool, error) {
	if w.t.cancelled {
		return false, &ErrCancelled{w.t.id}
	}
	ok, err := cw.Ready()
	if err != nil || ok {
		return ok, err
	}
	w.t.wait = cw
	w.t.deadline = w.s.clock.Now().Add(time.Duration(cw.Deadline) * time.Second)
	if w.t.inline {
		// as after a hand-over: the tasks its work made ready go first
		w.s.grow()
		w.s.wake(w.s.ready, w.s.runnable)
		r := w.s.loop(w.t)
		return r.ok, r.err
	}
	w.s.yield <- w.t
	r := <-w.t.resume
	return r.ok, r.err
}

// Run starts the tasks and runs until all have ended, those Spawn adds
// while it runs included.
func (s *Scheduler) Run(ctx context.Context) {
	s.running, s.ctx = true, ctx
	defer func() { s.running, s.ctx = false, nil }()
	if len(s.tasks) == 0 {
		return
	}
	first := s.tasks[0]
	first.inline = true
	for _, t := range s.tasks[1:] {
		s.start(t)
	}
	s.grow()
	// the first task's turn, on this goroutine
	s.ready[0] = false
	first.run(&TaskWaiter{s: s, t: first})
	first.done = true
	s.grow()
	s.wake(s.ready, s.runnable)
	s.loop(nil)
}

// grow gives the tasks added since (spawned ones) their places: every
// task starts runnable.
func (s *Scheduler) grow() {
	for len(s.ready) < len(s.tasks) {
		s.ready = append(s.ready, true)
		s.runnable = append(s.runnable, waitResult{})
	}
}

// loop runs the tasks in turn, and the clock when all wait, until self
// (the first task, waiting) may go on, with what its wait returns; with
// self nil, until every task has ended.
func (s *Scheduler) loop(self *task) waitResult {
	for {
		s.grow()
		i := firstReady(s.ready)
		if i >= 0 {
			s.ready[i] = false
			t := s.tasks[i]
			if t == self {
				return s.runnable[i]
			}
			t.resume <- s.runnable[i]
			<-s.yield // until it waits or ends
			s.grow()  // tasks it spawned
			s.wake(s.ready, s.runnable)
			continue
		}
		if !s.anyWaiting() || !s.advance(s.ctx, s.ready, s.runnable) {
			// nothing can go on: the first task waited on the last
			// word of a run that cannot continue (advance reports false
			// only then)
			return waitResult{}
		}
	}
}

// start starts a task's goroutine; it runs when the scheduler first
// resumes it.
func (s *Scheduler) start(t *task) {
	go func() {
		<-t.resume
		t.run(&TaskWaiter{s: s, t: t})
		t.done = true
		s.yield <- t
	}()
}

// Spawn adds a task while the scheduler runs (a batch job entered by a
// task): called by the running task, it starts after every task added
// before it has had its turn, so the order stays fixed. It reports false
// when the scheduler is not running.
func (s *Scheduler) Spawn(id string, run func(w *TaskWaiter)) bool {
	if !s.running {
		return false
	}
	t := &task{id: id, run: run, resume: make(chan waitResult)}
	s.tasks = append(s.tasks, t)
	s.start(t)
	return true
}

// ErrCancelled ends the wait of a task that Cancel cancelled.
type ErrCancelled struct{ ID string }

func (e *ErrCancelled) Error() string { return "task " + e.ID + " cancelled" }

// Cancel makes the named task's current or next wait end at once with
// ErrCancelled (CANCEL-JOB of a job waiting in WAIT-EVENT); the task's
// own context tells it to stop. It reports false for an unknown or
// ended task.
func (s *Scheduler) Cancel(id string) bool {
	for _, t := range s.tasks {
		if t.id == id && !t.done {
			t.cancelled = true
			return true
		}
	}
	return false
}

func firstReady(ready []bool) int {
	for i, r := range ready {
		if r {
			return i
		}
	}
	return -1
}

func (s *Scheduler) anyWaiting() bool {
	for _, t := range s.tasks {
		if !t.done && t.wait != nil {
			return true
		}
	}
	return false
}

// wake marks waiting tasks whose condition holds (or failed) runnable.
func (s *Scheduler) wake(ready []bool, res []waitResult) {
	for i, t := range s.tasks {
		if t.done || t.wait == nil {
			continue
		}
		if t.cancelled {
			t.wait = nil
			ready[i], res[i] = true, waitResult{err: &ErrCancelled{t.id}}
			continue
		}
		ok, err := t.wait.Ready()
		if ok || err != nil {
			t.wait = nil
			ready[i], res[i] = true, waitResult{ok: ok, err: err}
		}
	}
}

// advance moves the clock to the next event or the earliest time limit of
// a waiting task; it reports false when the run cannot go on.
func (s *Scheduler) advance(ctx context.Context, ready []bool, res []waitResult) bool {
	var earliest time.Time
	for _, t := range s.tasks {
		if !t.done && t.wait != nil && (earliest.IsZero() || t.deadline.Before(earliest)) {
			earliest = t.deadline
		}
	}
	if at, ok := s.clock.Next(); ok && !at.After(earliest) {
		if err := s.clock.pastLimit(at); err != nil {
			s.clock.now = s.clock.Limit // as Clock.Wait: the run ends at its limit
			s.failAll(ready, res, err)
			return true
		}
		s.clock.Step()
		s.wake(ready, res)
		return true
	}
	if err := s.clock.pastLimit(earliest); err != nil {
		s.clock.now = s.clock.Limit
		s.failAll(ready, res, err)
		return true
	}
	if ctx.Err() != nil {
		s.failAll(ready, res, ctx.Err())
		return true
	}
	if earliest.After(s.clock.now) {
		s.clock.now = earliest
	}
	for i, t := range s.tasks {
		if !t.done && t.wait != nil && !t.deadline.After(s.clock.now) {
			t.wait = nil
			ready[i], res[i] = true, waitResult{ok: false}
		}
	}
	return true
}

func (s *Scheduler) failAll(ready []bool, res []waitResult, err error) {
	for i, t := range s.tasks {
		if !t.done && t.wait != nil {
			t.wait = nil
			ready[i], res[i] = true, waitResult{err: err}
		}
	}
}
