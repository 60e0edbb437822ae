package jobenv

import "fmt"

// TSNs hands out the task sequence numbers of a run: the tasks sdfp run
// starts and the batch jobs they enter (ENTER-JOB, ENTER-PROCEDURE). One
// counter per session, so every task has its own TSN and the same inputs
// give the same TSNs every run. The saved world keeps Last and a run that
// continues it sets it back with SetLast.
//
// A TSN is four characters [V CMD enter-job: the job gets its own TSN;
// four characters: CMD force-job-cancel, TSN = <alphanum-name 1..4>];
// sdfp counts in decimal, 0001 to 9999, then from 0001 again (I).
type TSNs struct{ last int }

// maxTSN is the highest TSN the counter gives before it wraps.
const maxTSN = 9999

// Next returns the next TSN.
func (c *TSNs) Next() string {
	c.last = c.last%maxTSN + 1
	return fmt.Sprintf("%04d", c.last)
}

// Last is the number of the TSN given last (0: none yet).
func (c *TSNs) Last() int { return c.last }

// SetLast makes Next continue after n (a continued world); a value
// outside 0..9999 starts again from 0001.
func (c *TSNs) SetLast(n int) {
	if n < 0 || n > maxTSN {
		n = 0
	}
	c.last = n
}
