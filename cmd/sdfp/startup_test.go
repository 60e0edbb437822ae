package main

import (
	"regexp"
	"strconv"
	"testing"
)

// initLine is a line of GODEBUG=inittrace=1: a package's initialisation
// with its time and memory.
var initLine = regexp.MustCompile(`(?m)^init (sdfp/\S+) @\S+ ms, \S+ ms clock, (\d+) bytes, (\d+) allocs$`)

// maxInitAllocs bounds what sdfp's own packages allocate while they are
// initialised, before main runs: every run pays it. Package-level
// regexp.MustCompile of the name syntaxes (counted repetitions such as
// {0,53}) made it 3,600 allocations and 300 KB, 0.7-1.2 ms of a 4 ms
// run; then about 300 allocations and 57 KB, grown since to 389 and
// 78 KB. With the VM2000's outcome, range, state-rule and
// structured-output tables built on first use and check's message-key
// regexp a function, 322 allocations and 46 KB, of which builtins are
// 117. (The CLI's own package is left out: in the test binary its tests
// are initialised with it.)
const maxInitAllocs = 400

func TestInitialisationIsCheap(t *testing.T) {
	cmd := sdfpCommand(t, []string{"GODEBUG=inittrace=1"}, "help")
	out, _ := cmd.CombinedOutput()
	allocs, bytes := 0, 0
	for _, m := range initLine.FindAllStringSubmatch(string(out), -1) {
		if m[1] == "sdfp/cmd/sdfp" {
			continue // this test binary: the package's tests are in it
		}
		b, _ := strconv.Atoi(m[2])
		a, _ := strconv.Atoi(m[3])
		bytes += b
		allocs += a
		t.Logf("%s: %d bytes, %d allocs", m[1], b, a)
	}
	if allocs == 0 {
		t.Fatalf("no inittrace lines of sdfp's packages in:\n%s", out)
	}
	if allocs > maxInitAllocs {
		t.Errorf("sdfp's packages allocate %d times (%d bytes) while initialised, more than %d: a package-level table or regexp built at start-up?", allocs, bytes, maxInitAllocs)
	}
}
