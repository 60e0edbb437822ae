package explore

import (
	"strings"
	"time"

	"sdfp/cmd/internal/session"
	"sdfp/hypervisor/bs2000/console"
	"sdfp/hypervisor/vm2000"
	"sdfp/interp"
)

// Recorder watches one session: the asynchronous operations the VM2000
// accepts (vm2000.Model.Observe), the commands the tasks run (the trace
// hook), the console lines, and the VM2000 at every change, for the
// baseline's record, the end state and the timeline. Attach it before
// the run; give Trace every trace event of every task.
type Recorder struct {
	s        *session.Session
	Touches  []vm2000.Touch
	Waits    []Wait
	Handlers []string // error handlers that ran for an error, "file:line:col NAME"
	timeline *Timeline
	start    []vm2000.VMView
	monjvs   map[string]bool
	last     map[string]time.Time // by task: the time of its previous command
	vmCmds   map[string]bool
	// the end state is taken when a task's command has run, before the
	// session lets the work still scheduled finish (Drain): what the
	// procedure left behind. It is taken again after any command at a new
	// virtual time or of the VM2000, and only then.
	end   *EndState
	endAt time.Time
	begin time.Time // the virtual time the recording began
}

// NewRecorder attaches a recorder to a session; timeline says whether to
// keep the picture (a View of the VM2000 at every command and console
// line). The console's OnLine hook already set is kept and called first.
func NewRecorder(s *session.Session, timeline bool) *Recorder {
	r := &Recorder{s: s, monjvs: map[string]bool{}, last: map[string]time.Time{}, vmCmds: map[string]bool{}, begin: s.Clock.Now()}
	if timeline {
		r.timeline = &Timeline{}
	}
	if s.VM2000 != nil {
		r.start, _ = s.VM2000.View()
		for _, n := range s.VM2000.Commands() {
			r.vmCmds[n] = true
		}
		s.VM2000.Observe(r.touch)
	}
	if r.timeline != nil {
		r.sample(s.Clock.Now())
		prev := s.Console.OnLine
		s.Console.OnLine = func(l console.Line) {
			if prev != nil {
				prev(l)
			}
			r.sample(l.Time)
			r.timeline.Console = append(r.timeline.Console, l)
		}
	}
	return r
}

func (r *Recorder) touch(t vm2000.Touch) {
	if t.MonJV != "" {
		r.monjvs[strings.ToUpper(t.MonJV)] = true
	}
	r.Touches = append(r.Touches, t)
	if r.timeline != nil {
		r.timeline.touch(r.s.Clock.Now(), t)
	}
}

// Trace takes a trace event of the task tsn.
func (r *Recorder) Trace(tsn string, ev interp.TraceEvent) {
	name, _, _ := strings.Cut(ev.Text, " ")
	last, ok := r.last[tsn]
	if !ok {
		last = r.begin
	}
	if name == "WAIT-EVENT" {
		w := Wait{Task: tsn, Pos: posString(ev), Start: last, End: ev.Time, Seconds: ev.Time.Sub(last).Seconds()}
		r.Waits = append(r.Waits, w)
	}
	if (name == "IF-CMD-ERROR" || name == "IF-BLOCK-ERROR") && ev.Branch == interp.BranchTaken {
		r.Handlers = append(r.Handlers, posString(ev)+" "+name)
	}
	r.last[tsn] = ev.Time
	r.sample(ev.Time)
	r.capture(ev.Time, name)
}

func (r *Recorder) sample(at time.Time) {
	if r.timeline != nil && r.s.VM2000 != nil {
		vms, _ := r.s.VM2000.View()
		r.timeline.sample(at, vms)
	}
}

func (r *Recorder) capture(at time.Time, name string) {
	if r.s.VM2000 == nil || r.end != nil && at.Equal(r.endAt) && !r.vmCmds[name] {
		return
	}
	r.end, r.endAt = &EndState{Start: r.start, MonJVs: map[string]string{}}, at
	r.end.End, r.end.Dialogs = r.s.VM2000.View()
	for name := range r.monjvs {
		if j, err := r.s.JVs.Get(name); err == nil {
			r.end.MonJVs[name] = j.Read()
		}
	}
}

// EndState is the VM2000 as the tasks' last command left it (nil without
// a VM2000).
func (r *Recorder) EndState() *EndState {
	if r.end == nil {
		r.capture(time.Time{}, "")
	}
	return r.end
}

// Timeline ends the picture at the session's present time (after the
// work the tasks left has run) and returns it; nil when not kept.
func (r *Recorder) Timeline() *Timeline {
	if r.timeline == nil {
		return nil
	}
	r.sample(r.s.Clock.Now())
	r.timeline.End = r.s.Clock.Now()
	r.timeline.Waits = r.Waits
	return r.timeline
}
