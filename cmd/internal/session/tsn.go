package session

// The TSN counter. In BS2000 every job (task) has a TSN, its task
// sequence number, by which SHOW-JOB-STATUS and CANCEL-JOB name it (BS2000
// V21 Commands, SHOW-JOB-STATUS, V); the builtin TSN( ) returns it as four
// characters (SDF-P user guide, TSN, V). That the system gives them in
// sequence, one task after another, is I. sdfp counts them per world, in
// one counter, jobenv.TSNs (Session.TSNs): the tasks `sdfp run` starts take
// the next numbers, and so do the batch jobs an ENTER-JOB or
// ENTER-PROCEDURE starts; a run continued with --continue goes on where
// the last one stopped (Options.FirstTSN).

// NextTSN gives a new task its TSN and moves the counter on.
func (s *Session) NextTSN() string { return s.TSNs.Next() }

// PeekTSN is the TSN the i-th next task will get (0: the next), without
// taking it.
func (s *Session) PeekTSN(i int) string { return s.TSNs.Peek(i) }

// TSNCounter is the number the next task gets: what a saved world keeps
// (Options.FirstTSN of the run that continues it).
func (s *Session) TSNCounter() int { return s.TSNs.Following() }
