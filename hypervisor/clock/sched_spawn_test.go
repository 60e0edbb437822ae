package clock

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"sdfp/interp/handler"
)

// A task spawned while the scheduler runs (a batch job) starts once the
// spawning task waits, after the tasks added before it; Spawn outside Run
// is refused.
func TestSchedulerSpawn(t *testing.T) {
	c := New(t0)
	s := NewScheduler(c)
	if s.Spawn("X", func(*TaskWaiter) {}) {
		t.Fatal("Spawn before Run accepted")
	}
	var trace []string
	step := func(w *TaskWaiter, id string, secs int64) {
		trace = append(trace, id+c.Now().Format(":04:05"))
		w.Wait(context.Background(), nil, &handler.Wait{Ready: func() (bool, error) { return false, nil }, Deadline: secs})
	}
	s.Add("A", func(w *TaskWaiter) {
		s.Spawn("J", func(w *TaskWaiter) { step(w, "J", 5); step(w, "J", 0) })
		trace = append(trace, "A-after-spawn")
		step(w, "A", 10)
		step(w, "A", 0)
	})
	s.Add("B", func(w *TaskWaiter) { step(w, "B", 1) })
	s.Run(context.Background())
	got := strings.Join(trace, " ")
	if want := "A-after-spawn A:00:00 B:00:00 J:00:00 J:00:05 A:00:10"; got != want {
		t.Errorf("trace %s, want %s", got, want)
	}
}

// Cancel ends the wait of a parked task at once with ErrCancelled, and a
// later wait of it too.
func TestSchedulerCancel(t *testing.T) {
	c := New(t0)
	s := NewScheduler(c)
	var errs []error
	s.Add("A", func(w *TaskWaiter) {
		w.Wait(context.Background(), nil, &handler.Wait{Ready: func() (bool, error) { return false, nil }, Deadline: 3})
		if !s.Cancel("B") || s.Cancel("nobody") {
			t.Error("Cancel of B refused or of an unknown task accepted")
		}
	})
	s.Add("B", func(w *TaskWaiter) {
		for i := 0; i < 2; i++ {
			_, err := w.Wait(context.Background(), nil, &handler.Wait{Ready: func() (bool, error) { return false, nil }, Deadline: 3600})
			errs = append(errs, err)
		}
	})
	s.Run(context.Background())
	var ce *ErrCancelled
	if len(errs) != 2 || !errors.As(errs[0], &ce) || ce.ID != "B" || !errors.As(errs[1], &ce) {
		t.Errorf("waits of the cancelled task: %v", errs)
	}
	if got := c.Now().Sub(t0); got != 3*time.Second {
		t.Errorf("clock at +%v, want +3s: the cancelled wait ran on", got)
	}
}

// The first task runs on the goroutine that calls Run, through its
// waits: a run of one procedure starts no goroutine and hands nothing
// over. A job it enters gets a goroutine, and the order is as before:
// the job goes on while the first task waits, and the first task's wait
// ends when its deadline comes.
func TestSchedulerRunsTheFirstTaskInline(t *testing.T) {
	c := New(t0)
	s := NewScheduler(c)
	caller := goroutineID()
	var trace []string
	var during string
	s.Add("A", func(w *TaskWaiter) {
		during = goroutineID()
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
	if during != caller {
		t.Errorf("the only task ran on goroutine %s, Run's caller is %s: it got a goroutine of its own", during, caller)
	}
	if got, want := strings.Join(trace, " "), "A-event:00:02 J:00:02 J:00:05 A:00:12"; got != want {
		t.Errorf("trace %s, want %s", got, want)
	}
}

// goroutineID is the number of the calling goroutine, from the first
// line of its stack ("goroutine 7 [running]:"). The test compared
// runtime.NumGoroutine() before Run and inside the task, which a
// goroutine of an earlier test ending in between made fail under load.
func goroutineID() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	id, _, _ := strings.Cut(strings.TrimPrefix(string(buf), "goroutine "), " ")
	return id
}
