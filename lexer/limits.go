package lexer

// Limits bound what the reader takes from one file, so that no input
// makes it use memory or time out of proportion: a line, a command, a
// file, and the number of diagnostics kept. Each value carries its source
// (V verified in a manual, I inferred, S sdfp's own choice); a corrected
// value changes this table only.
type Limits struct {
	// LineBytes is the longest physical line (a BS2000 record).
	LineBytes int
	// CommandBytes is the longest logical command, after continuation
	// lines are joined.
	CommandBytes int
	// FileBytes is the largest file read.
	FileBytes int
	// Findings is the number of diagnostics kept per file; the rest are
	// only counted. 0 keeps all.
	Findings int
}

// DefaultLimits are the limits of `sdfp run` and `sdfp check`.
var DefaultLimits = Limits{
	// V SDF-P user guide, "Rules for writing S procedures / Line format":
	// "The maximum line length is almost 4 KB". I: the exact figure, a
	// 4 KB block less the 4-byte record length field.
	LineBytes: 4092,
	// I: BS2000 Utility Routines, LMSCONV "Input rules": "Statement lines
	// may be up to 16364 characters long" (after continuation lines are
	// joined); statements and commands are read by the same SDF, and the
	// SDF-P manual gives no separate figure for commands.
	CommandBytes: 16364,
	// S: BS2000 sets no limit to a procedure file. 4 MiB is some 100,000
	// lines, five times the largest procedure of the benchmarks, and
	// keeps `sdfp check` below 1 GB even for a file of nothing but short
	// assignments, the costliest text per byte (about 210 bytes of peak
	// memory per byte read; a typical procedure needs 60).
	FileBytes: 4 << 20,
	// S: like a compiler's "too many errors": the first hundred problems
	// of a file, then a count of the rest.
	Findings: 100,
}

// Diagnostics collects the problems found in one file: the first Max in
// the order they are added, and a count of the rest, so that a file with
// a million bad lines costs no more memory than one with a hundred.
type Diagnostics struct {
	Max     int // 0: no limit
	List    []*Error
	Omitted int // problems found beyond Max
	// OmittedWarnings counts the warnings among Omitted.
	OmittedWarnings int
	// Drop, when set, is asked about each problem first: one it drops is
	// neither kept nor counted as omitted, only in Dropped (a finding the
	// procedure suppresses, a severity not asked for).
	Drop    func(*Error) bool
	Dropped int
}

// NewDiagnostics returns a collector keeping lim.Findings problems.
func (lim Limits) NewDiagnostics() *Diagnostics { return &Diagnostics{Max: lim.Findings} }

// Add records problems, counting those beyond Max.
func (d *Diagnostics) Add(errs ...*Error) {
	for _, e := range errs {
		if d.Drop != nil && d.Drop(e) {
			d.Dropped++
			continue
		}
		if d.Max > 0 && len(d.List) >= d.Max {
			d.Omitted++
			if e.Severity == SevWarning {
				d.OmittedWarnings++
			}
			continue
		}
		d.List = append(d.List, e.Resolve())
	}
}

// Full reports whether further problems are only counted.
func (d *Diagnostics) Full() bool { return d.Max > 0 && len(d.List) >= d.Max }
