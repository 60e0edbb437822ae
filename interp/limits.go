package interp

import (
	"math"
	"runtime/metrics"

	"sdfp/interp/handler"
)

// Limits bound what one task may take, so that a procedure that calls
// itself forever, grows a list in a loop or declares variables in a loop
// ends with a positioned error instead of exhausting the process's
// memory. A reached limit ends the run like the step limit: SDP0099 with
// SUBCODE1 130, which BS2000 returns when "no further address space
// [is] available" (V: BS2000 V21 Commands, SAVE-RETURNCODE return codes,
// page ...-403; SDF-P Benutzerhandbuch, TRACE-PROCEDURE, page ...-428:
// "Kein Adressraum mehr verfuegbar"); no IF-BLOCK-ERROR catches it, and
// `sdfp run` exits 3. Zero in a field means no limit (for Nesting:
// MaxNesting).
type Limits struct {
	// Nesting is how many procedure levels may be active at once: the
	// procedure run is level 1, each CALL-PROCEDURE or INCLUDE-PROCEDURE
	// below it one more, and so is each INCLUDE-BLOCK running (an
	// "internal subprocedure", SDF-P user guide, page ...-112), which a
	// block could otherwise repeat within itself until the Go stack
	// overflows.
	Nesting int
	// ListElements is how many elements one list or array may hold
	// (besides a list's own LIMIT operand).
	ListElements int
	// VariableBytes bounds the size of all variables of the task
	// together, counted as described at elementBytes.
	VariableBytes int64
	// Memory is a budget for the Go heap of the whole process, checked
	// every checkSteps commands; see checkMemory.
	Memory int64
}

// DefaultLimits are the limits of a runner unless options say otherwise.
// They are data, not code, because none is certain:
//
//   - Nesting 100 (I): the SDF-P user guide ("Nesting S procedures") and
//     the CALL-PROCEDURE command describe nesting without a number, and
//     no other page of the manuals searched states a maximum depth; 100
//     is sdfp's, far above what production procedures nest and small
//     enough that a runaway recursion ends at once.
//   - ListElements 100,000 (I, sdfp's own): the manuals give no maximum
//     number of list elements; a list this long is far beyond what a
//     procedure keeps of command output.
//   - VariableBytes 64 MiB (I, sdfp's own): BS2000 keeps S variables in
//     the task's address space without a documented size; 64 MiB holds
//     16,000 strings of the maximum length 4096.
//   - Memory 2 GiB (I, sdfp's own): the last line of defence for what the
//     limits above do not count (parsed procedures, output kept in
//     memory); below the memory of any machine sdfp is meant for.
var DefaultLimits = Limits{
	Nesting:       100,
	ListElements:  100_000,
	VariableBytes: 64 << 20,
	Memory:        2 << 30,
}

// MaxNesting is the highest nesting limit a runner accepts: each procedure
// level takes about 3.4 KB of the Go stack (measured at 5,000 levels) and
// allocates about 12 KB (BenchmarkNesting), and a Go stack past 1 GB
// would end the process without a chance to report it.
const MaxNesting = 10_000

// WithLimits sets the runner's limits (zero fields: no limit; Nesting is
// capped at MaxNesting).
func WithLimits(l Limits) Option { return func(r *Runner) { r.setLimits(l) } }

func (r *Runner) setLimits(l Limits) {
	if l.Nesting <= 0 || l.Nesting > MaxNesting {
		l.Nesting = MaxNesting
	}
	r.limits = l
	r.varCheckAt = l.VariableBytes
	if l.VariableBytes <= 0 {
		r.varCheckAt = math.MaxInt64 // no limit: never count
	}
}

// Limits returns the runner's limits.
func (r *Runner) Limits() Limits { return r.limits }

// IsLimit reports whether a return code is that of a reached run limit
// (SDP0099 with SUBCODE1 130): such an error ends the run, and no error
// handler catches it.
func IsLimit(rc handler.ReturnCode) bool {
	return rc.SC1 == outcomes[stepLimit].SC1 && rc.Main == outcomes[stepLimit].Msg
}

// checkNesting refuses a procedure call or INCLUDE-BLOCK that would pass
// the nesting limit.
func (r *Runner) checkNesting() error {
	if r.frame != nil && r.frame.level+r.includes >= r.limits.Nesting {
		return nestingLimit.err(r.limits.Nesting)
	}
	return nil
}

// checkElements refuses an element beyond the list and array limit: n is
// how many the list or array holds before the new one.
func (r *Runner) checkElements(name string, n int) error {
	if r.limits.ListElements > 0 && n >= r.limits.ListElements {
		return listElementLimit.err(name, r.limits.ListElements)
	}
	return nil
}

// What a variable counts against Limits.VariableBytes, close to the heap
// it takes (BenchmarkVariableBytes measures both): elementBytes for the
// variable and for each of its elements, namedBytes more for the
// variable and for each structure element, the length of their names,
// and the length of string values.
const (
	// elementBytes: a node (96 bytes), its slot in its list or array and
	// a boxed integer value; a list of integers takes 121 bytes of heap
	// per element.
	elementBytes = 128
	// namedBytes: the variable record or structure element name and its
	// entry in the map of its scope or structure; a declared variable
	// takes 364 bytes of heap, a structure element 331.
	namedBytes = 208
)

// valueBytes is what a simple value counts besides its element.
func valueBytes(v any) int64 {
	if s, ok := v.(string); ok {
		return int64(len(s))
	}
	return 0
}

// size is what a node counts, with all its elements.
func (n *node) size() int64 {
	s := elementBytes + n.bytes()
	for _, e := range n.elems {
		s += e.size()
	}
	if n.cells != nil { // ranging over a nil map still sets up an iterator
		for _, c := range n.cells {
			s += c.size()
		}
	}
	if n.fields != nil {
		for k, f := range n.fields {
			s += namedSize(k, f)
		}
	}
	return s
}

// namedSize is what a variable or structure element of that name counts.
func namedSize(name string, n *node) int64 { return namedBytes + int64(len(name)) + n.size() }

// charge accounts for variables growing (or, for a value replaced in
// place, shrinking) by n bytes. The running count only grows otherwise:
// freeing an element, replacing a variable or leaving a procedure does not
// subtract, so the count is never below the true size. When the count
// passes the limit the variables are counted exactly; the run fails only
// when that exact count is above the limit. So that a task that stays
// just under the limit is not counted over and over, the next exact count
// waits until the running count has grown by a sixteenth of the limit:
// the limit is enforced within 1/16 of its value, and counting costs at
// most about one element visited per eight bytes charged.
func (r *Runner) charge(n int64) error {
	r.varBytes += n
	if r.varBytes <= r.varCheckAt {
		return nil // the fast path, inlined
	}
	return r.recount()
}

// recount counts the variables exactly when the running count has passed
// the point of the next count (see charge).
func (r *Runner) recount() error {
	r.varBytes = r.countVariables()
	if r.varBytes > r.limits.VariableBytes {
		return variableSizeLimit.err(r.limits.VariableBytes)
	}
	r.varCheckAt = max(r.limits.VariableBytes, r.varBytes+r.limits.VariableBytes/16)
	return nil
}

// countVariables is the exact size of the task's variables: those of
// the task and of every active procedure level.
func (r *Runner) countVariables() int64 {
	var total int64
	add := func(s *scope) {
		for name, v := range s.vars {
			if !s.borrowed[name] { // a borrowed variable counts in its own scope
				total += namedSize(name, v.node)
			}
		}
	}
	add(r.globals)
	for f := r.frame; f != nil; f = f.parent {
		add(f.locals)
	}
	return total
}

// VariableBytes returns the exact size of the task's variables as the
// variable limit counts it (for tests and benchmarks).
func (r *Runner) VariableBytes() int64 { return r.countVariables() }

// newVariable charges a variable about to be declared.
func (r *Runner) newVariable(name string, n *node) error { return r.charge(namedSize(name, n)) }

// checkSteps is how often (in commands) a run checks its context and
// its memory budget: reading the heap size costs about as much as a few
// commands, and the live heap changes only at garbage collections.
const checkSteps = 1024

// heapMetric is the heap the live objects took at the end of the last
// garbage collection: garbage not collected yet does not count, so it
// cannot trip the budget.
const heapMetric = "/gc/heap/live:bytes"

// SoftMemoryLimit is the Go runtime's soft memory limit that goes with a
// memory budget (runtime/debug.SetMemoryLimit, set by the CLI): a quarter
// above it, so that the collector runs before the heap passes the
// budget by much, and the live heap is measured, but does not run
// without pause while the live heap is still under the budget.
func SoftMemoryLimit(budget int64) int64 { return budget + budget/4 }

// checkMemory is the last line of defence against memory exhaustion: it
// ends the run with the memory limit error when the live heap of the
// process has grown past the budget. The live heap is measured at each
// garbage collection; with the soft limit of SoftMemoryLimit the
// collector runs at the latest when the heap reaches 1.25 times the
// budget, so that is about the most the process's heap reaches (without
// a soft limit, as in tests, twice the live heap).
//
// What it catches: growth the variable and list limits do not count
// (procedures parsed for calls, SYSOUT kept in memory by a test, caches)
// as long as it happens over many commands. What it cannot catch: a
// single command that allocates past the machine's memory between two
// checks, or one large allocation (a buffer doubling from 1 to 2 GB);
// memory outside the Go heap (goroutine stacks, mmapped files); a machine
// or container with less free memory than 1.25 times the budget (the
// kernel's OOM killer or a failing allocation then ends the process
// first); and, because the heap is the process's, it cannot tell which
// task used it: when several tasks run in one process (several
// procedures of one run, parallel golden cases) the one that checks
// first ends.
func (r *Runner) checkMemory() error {
	if r.limits.Memory <= 0 {
		return nil
	}
	if r.heapSample == nil {
		r.heapSample = []metrics.Sample{{Name: heapMetric}}
	}
	metrics.Read(r.heapSample)
	if v := r.heapSample[0].Value; v.Kind() == metrics.KindUint64 && v.Uint64() > uint64(r.limits.Memory) {
		return memoryLimit.err(r.limits.Memory)
	}
	return nil
}
