package interp

import "testing"

// The benchmark suite of issue 18 (testdata/bench, where run.sh runs each
// loop in sdfp, CPython and Regina side by side). The command loop needs
// the job environment's executor and lives in cmd/internal/session.

func BenchmarkSuiteCount(b *testing.B) {
	benchProc(b, "testdata/bench/count.proc", "N=2999998\n", true)
}

func BenchmarkSuiteString(b *testing.B) {
	benchProc(b, "testdata/bench/string.proc", "N=2800000 S=EFGHIJKLMNXYZ\n", true)
}

func BenchmarkSuiteBuiltins(b *testing.B) {
	benchProc(b, "testdata/bench/builtins.proc", "N=1388895\n", true)
}

func BenchmarkSuiteList(b *testing.B) {
	benchProc(b, "testdata/bench/list.proc", "SUM=51000000\n", true)
}
