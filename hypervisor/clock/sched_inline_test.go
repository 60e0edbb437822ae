package clock

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"sdfp/interp/handler"
)

// The first task runs on the goroutine that calls Run, through its
// waits: a run of one procedure starts no goroutine and hands nothing
// over. A job it enters gets a goroutine, and the order is as before:
// the job goes on while the first task waits, and the first task's wait
// ends when its deadline comes.
func TestSchedulerRunsTheFirstTaskInline(t *testing.T) {
	c := New(t0)
	s := NewScheduler(c)
	before := runtime.NumGoroutine()
	var trace []string
	var during int
	s.Add("A", func(w *TaskWaiter) {
		during = runtime.NumGoroutine()
		// an event sets the condition after 2 seconds
		set := false
		c.Schedule(2*time.Second, "set", func() { set = true })
		ok, err := w.Wait(context.Background(), nil, &handler.Wait{Ready: func() (bool, error) { return set, nil }, Deadline: 60})
		trace = append(trace, "A-event"+c.Now().Format(":04:05"))
		if !ok || err != nil {
			t.Errorf("the wait for the event: %v %v", ok, err)
		}
		s.Spawn("J", func(w *TaskWaiter) {
			trace = append(trace, "J"+c.Now().Format(":04:05"))
			w.Wait(context.Background(), nil, &handler.Wait{Ready: func() (bool, error) { return false, nil }, Deadline: 3})
			trace = append(trace, "J"+c.Now().Format(":04:05"))
		})
		w.Wait(context.Background(), nil, &handler.Wait{Ready: func() (bool, error) { return false, nil }, Deadline: 10})
		trace = append(trace, "A"+c.Now().Format(":04:05"))
	})
	s.Run(context.Background())
	if during != before {
		t.Errorf("%d goroutines while the only task ran, %d before Run: it got a goroutine of its own", during, before)
	}
	if got, want := strings.Join(trace, " "), "A-event:00:02 J:00:02 J:00:05 A:00:12"; got != want {
		t.Errorf("trace %s, want %s", got, want)
	}
}
