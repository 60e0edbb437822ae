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
	c.last = c.following(0)
	return formatTSN(c.last)
}

// Peek is the TSN the i-th next Next gives (0: the next), without taking
// it.
func (c *TSNs) Peek(i int) string { return formatTSN(c.following(i)) }

// Following is the number of the TSN the next Next gives: what a saved
// world keeps, to go on with SetLast(n-1).
func (c *TSNs) Following() int { return c.following(0) }

func (c *TSNs) following(i int) int { return (c.last+i)%maxTSN + 1 }

// formatTSN writes a TSN number as the four characters BS2000 shows.
func formatTSN(n int) string { return fmt.Sprintf("%04d", n) }

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
