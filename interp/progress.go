package interp

import "time"

// WithProgress sets a function called every checkSteps commands with
// the task's step count and its virtual time, for a progress display
// (sdfp run on a terminal). It must not change the run.
func WithProgress(fn func(steps int64, now time.Time)) Option {
	return func(r *Runner) { r.progress = fn }
}
