package main

import (
	"flag"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"

	"sdfp/interp"
)

// byteSize is a flag holding a size in bytes, written as a number with an
// optional binary suffix: 65536, 64K, 64M, 2G (also KB/KiB, MB/MiB ...).
type byteSize int64

var sizeSuffixes = []struct {
	suffix string
	shift  uint
}{{"G", 30}, {"M", 20}, {"K", 10}}

func (b *byteSize) String() string {
	n := int64(*b)
	for _, s := range sizeSuffixes {
		if n != 0 && n%(1<<s.shift) == 0 {
			return strconv.FormatInt(n>>s.shift, 10) + s.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}

func (b *byteSize) Set(v string) error {
	t := strings.ToUpper(strings.TrimSpace(v))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	shift := uint(0)
	for _, s := range sizeSuffixes {
		if strings.HasSuffix(t, s.suffix) {
			t, shift = strings.TrimSuffix(t, s.suffix), s.shift
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<62)>>shift {
		return fmt.Errorf("%q is not a size like 64M or 2G", v)
	}
	*b = byteSize(n << shift)
	return nil
}

// limitFlags holds the flags of the task limits (interp.Limits).
type limitFlags struct {
	nesting, listElements int
	variableBytes, memory byteSize
}

// declare declares the limit flags with interp.DefaultLimits as defaults.
func (l *limitFlags) declare(fs *flag.FlagSet) {
	d := interp.DefaultLimits
	fs.IntVar(&l.nesting, "max-nesting", d.Nesting,
		fmt.Sprintf("procedure levels (CALL-PROCEDURE, INCLUDE-PROCEDURE, INCLUDE-BLOCK) active at once, 1..%d (0: %d; exit status 3)", interp.MaxNesting, interp.MaxNesting))
	fs.IntVar(&l.listElements, "max-list-elements", d.ListElements, "elements one list or array may hold (0: no limit; exit status 3)")
	l.variableBytes, l.memory = byteSize(d.VariableBytes), byteSize(d.Memory)
	fs.Var(&l.variableBytes, "max-variable-size", "total size of a task's variables, e.g. 64M (0: no limit; exit status 3)")
	fs.Var(&l.memory, "max-memory", "memory budget of the process, e.g. 2G (0: none; exit status 3)")
}

// limits returns the limits the flags set, or an error for a negative
// count.
func (l *limitFlags) limits() (interp.Limits, error) {
	if l.nesting < 0 || l.nesting > interp.MaxNesting {
		return interp.Limits{}, fmt.Errorf("--max-nesting must be between 0 and %d, not %d", interp.MaxNesting, l.nesting)
	}
	if l.listElements < 0 {
		return interp.Limits{}, fmt.Errorf("--max-list-elements must not be negative, not %d", l.listElements)
	}
	return interp.Limits{Nesting: l.nesting, ListElements: l.listElements,
		VariableBytes: int64(l.variableBytes), Memory: int64(l.memory)}, nil
}

// setMemoryLimit sets the Go runtime's soft memory limit that goes with a
// memory budget (interp.SoftMemoryLimit), and returns a function that
// restores the previous limit (tests run the CLI in-process).
func setMemoryLimit(budget int64) (restore func()) {
	if budget <= 0 {
		return func() {}
	}
	prev := debug.SetMemoryLimit(interp.SoftMemoryLimit(budget))
	return func() { debug.SetMemoryLimit(prev) }
}
