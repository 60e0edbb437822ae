package clock

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"sdfp/interp/handler"
)

var t0 = time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)

// Events run in time order; events at the same instant in the order they
// were scheduled; cancelled events do not run.
func TestEventOrder(t *testing.T) {
	c := New(t0)
	var got []string
	add := func(d time.Duration, name string) *Event {
		return c.Schedule(d, name, func() { got = append(got, name+"@"+c.Now().Format("15:04:05")) })
	}
	add(30*time.Second, "c")
	add(10*time.Second, "a")
	add(30*time.Second, "d")
	x := add(20*time.Second, "x")
	add(10*time.Second, "b")
	c.Cancel(x)
	for c.Step() {
	}
	if want := "a@08:00:10 b@08:00:10 c@08:00:30 d@08:00:30"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// Wait returns at once when the condition holds, runs events until it
// does, and times out at the deadline without passing it.
func TestWait(t *testing.T) {
	c := New(t0)
	flag := false
	c.Schedule(90*time.Second, "set", func() { flag = true })
	c.Schedule(500*time.Second, "late", func() {})
	w := &handler.Wait{Ready: func() (bool, error) { return flag, nil }, Deadline: 300}
	ok, err := c.Wait(context.Background(), nil, w)
	if !ok || err != nil || c.Now() != t0.Add(90*time.Second) {
		t.Fatalf("ok=%v err=%v now=%v", ok, err, c.Now())
	}
	never := &handler.Wait{Ready: func() (bool, error) { return false, nil }, Deadline: 60}
	ok, err = c.Wait(context.Background(), nil, never)
	if ok || err != nil || c.Now() != t0.Add(150*time.Second) {
		t.Fatalf("timeout: ok=%v err=%v now=%v", ok, err, c.Now())
	}
	if c.Pending() != 1 {
		t.Errorf("the event after the deadline must stay queued, %d pending", c.Pending())
	}
}

// The virtual-time limit holds alike for a single task (Clock.Wait) and
// for the tasks of a Scheduler: a wait whose deadline, or whose next
// event, lies past the limit fails with ErrTimeLimit; reaching the limit
// itself is allowed.
func TestLimit(t *testing.T) {
	limit := t0.Add(time.Minute)
	tests := []struct {
		name      string
		limit     time.Time
		event     time.Duration // an event sets the condition then; 0: none
		deadline  int64         // seconds
		wantOK    bool
		wantLimit bool
	}{
		{"deadline past the limit", limit, 0, 3600, false, true},
		{"event past the limit", limit, 90 * time.Second, 3600, false, true},
		{"event at the limit", limit, time.Minute, 3600, true, false},
		{"deadline at the limit", limit, 0, 60, false, false},
		{"deadline before the limit, event after both", limit, 2 * time.Minute, 30, false, false},
		{"no limit", time.Time{}, 0, 3600, false, false},
	}
	type result struct {
		ok  bool
		err error
	}
	// Each path starts a clock with the case's limit and event and
	// returns what its waits gave.
	paths := map[string]func(c *Clock, wait func() *handler.Wait) []result{
		"Clock.Wait": func(c *Clock, wait func() *handler.Wait) []result {
			ok, err := c.Wait(context.Background(), nil, wait())
			if err != nil && c.Now() != c.Limit {
				t.Errorf("Clock.Wait stopped at %v, not at the limit", c.Now())
			}
			return []result{{ok, err}}
		},
		"Scheduler": func(c *Clock, wait func() *handler.Wait) []result {
			s := NewScheduler(c)
			res := make([]result, 2) // every waiting task fails alike
			for i := range res {
				s.Add(string(rune('A'+i)), func(w *TaskWaiter) {
					res[i].ok, res[i].err = w.Wait(context.Background(), nil, wait())
				})
			}
			s.Run(context.Background())
			return res
		},
	}
	for _, tt := range tests {
		for path, run := range paths {
			c := New(t0)
			c.Limit = tt.limit
			set := false
			if tt.event > 0 {
				c.Schedule(tt.event, "set", func() { set = true })
			}
			wait := func() *handler.Wait {
				return &handler.Wait{Ready: func() (bool, error) { return set, nil }, Deadline: tt.deadline}
			}
			for i, r := range run(c, wait) {
				var limitErr *ErrTimeLimit
				isLimit := errors.As(r.err, &limitErr)
				if r.ok != tt.wantOK || isLimit != tt.wantLimit || r.err != nil && !isLimit || isLimit && !limitErr.Limit.Equal(tt.limit) {
					t.Errorf("%s, %s, task %d: ok=%v err=%v; want ok=%v, limit error %v", tt.name, path, i, r.ok, r.err, tt.wantOK, tt.wantLimit)
				}
			}
		}
	}

	c := New(t0)
	c.Limit = limit
	if err := c.Advance(2 * time.Minute); err == nil {
		t.Error("Advance past the limit succeeded")
	}
	if err := c.Advance(time.Minute); err != nil || c.Now() != limit {
		t.Errorf("Advance to the limit: err=%v now=%v", err, c.Now())
	}
}

// The scheduler interleaves tasks in a fixed order: the same run twice
// gives the same trace.
func TestSchedulerDeterministic(t *testing.T) {
	run := func() string {
		c := New(t0)
		s := NewScheduler(c)
		var trace []string
		shared := 0
		for _, id := range []string{"A", "B", "C"} {
			id := id
			s.Add(id, func(w *TaskWaiter) {
				for i := 0; i < 3; i++ {
					trace = append(trace, id+c.Now().Format(":04:05"))
					target := shared + 1
					w.Wait(context.Background(), nil, &handler.Wait{
						Ready: func() (bool, error) { return shared >= target, nil }, Deadline: 10})
					shared++
				}
			})
		}
		s.Run(context.Background())
		return strings.Join(trace, " ")
	}
	first := run()
	for i := 0; i < 20; i++ {
		if again := run(); again != first {
			t.Fatalf("runs differ:\n%s\n%s", first, again)
		}
	}
	if !strings.HasPrefix(first, "A:00:00 B:00:00 C:00:00") {
		t.Errorf("trace %s", first)
	}
}
