package explore

import (
	"time"

	"sdfp/hypervisor/bs2000/console"
	"sdfp/hypervisor/vm2000"
)

// Timeline is a run in virtual time, for the picture: the VMs' memory and
// state at every moment something happened (a command, a console line),
// the asynchronous operations started, each task's waits and the console.
type Timeline struct {
	Start, End time.Time
	Samples    []Sample
	Touches    []TimedTouch
	Waits      []Wait
	Console    []console.Line
}

// Sample is the VMs at one moment.
type Sample struct {
	Time time.Time
	VMs  []vm2000.VMView
}

// TimedTouch is an operation and when it was accepted.
type TimedTouch struct {
	Time  time.Time
	Touch vm2000.Touch
}

func (t *Timeline) sample(at time.Time, vms []vm2000.VMView) {
	if len(t.Samples) == 0 {
		t.Start = at
	}
	if n := len(t.Samples); n > 0 && equalViews(t.Samples[n-1].VMs, vms) {
		return // nothing changed: the picture needs no point
	}
	t.Samples = append(t.Samples, Sample{at, vms})
}

func (t *Timeline) touch(at time.Time, tc vm2000.Touch) {
	t.Touches = append(t.Touches, TimedTouch{at, tc})
}

func equalViews(a, b []vm2000.VMView) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
