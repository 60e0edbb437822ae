package main

import (
	"sdfp/cmd/internal/explore"
	"sdfp/cmd/internal/session"
	"sdfp/interp"
)

// timelineRecorder attaches the recorder of `sdfp run --timeline` to the
// session and to each task's trace; nil when the flag is not given.
func timelineRecorder(path string, s *session.Session, tasks []session.Task, tsns []string) *explore.Recorder {
	if path == "" {
		return nil
	}
	rec := explore.NewRecorder(s, true)
	for i := range tasks {
		prev, tsn := tasks[i].Trace, tsns[i]
		tasks[i].Trace = func(e interp.TraceEvent) {
			if prev != nil {
				prev(e)
			}
			rec.Trace(tsn, e)
		}
	}
	return rec
}

// writeTimeline writes the picture after the run.
func writeTimeline(path string, rec *explore.Recorder, tasks []session.Task) error {
	if rec == nil {
		return nil
	}
	title := ""
	for i, t := range tasks {
		if i > 0 {
			title += " "
		}
		title += t.Name
	}
	return explore.WriteTimeline(path, title, rec)
}
