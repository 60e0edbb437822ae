package clock

import (
	"context"
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

// A wait that would pass the clock's limit fails with ErrTimeLimit.
func TestLimit(t *testing.T) {
	c := New(t0)
	c.Limit = t0.Add(time.Minute)
	never := &handler.Wait{Ready: func() (bool, error) { return false, nil }, Deadline: 3600}
	_, err := c.Wait(context.Background(), nil, never)
	if _, isLimit := err.(*ErrTimeLimit); !isLimit || c.Now() != c.Limit {
		t.Fatalf("err=%v now=%v", err, c.Now())
	}
	if err := c.Advance(2 * time.Minute); err == nil {
		t.Error("Advance past the limit succeeded")
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
