//go:build unix

package lsp

import (
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// bigProcedure is a procedure of n lines or a few more: declarations,
// then blocks with IFs, loops, assignments, builtin calls, labels and
// GOTOs, as a long production procedure has them.
func bigProcedure(n int) string {
	var b strings.Builder
	b.WriteString("/SET-PROCEDURE-OPTIONS\n/DECLARE-VARIABLE NAME=TXT(TYPE=STRING,INITIAL-VALUE='OK')\n/DECLARE-VARIABLE NAME=I(TYPE=INTEGER,INITIAL-VALUE=0)\n")
	lines := 3
	for k := 0; lines < n; k++ {
		fmt.Fprintf(&b, `/BEGIN-BLOCK
/  " STEP %[1]d "
/  IF (LENGTH(TXT) > %[1]d)
/    TXT = SUBSTRING(TXT,1,1)
/    GOTO LABEL=L%[1]d
/  ELSE
/    I = I + 1
/  END-IF
/  WHILE (I < 3)
/    I = I + 1
/    WRITE-TEXT 'STEP &I'
/  END-WHILE
/L%[1]d: WRITE-TEXT 'DONE'
/END-BLOCK
`, k)
		lines += 14
	}
	return b.String()
}

// BenchmarkDiagnosticsAfterChange measures, over the pipes, the time from
// a one-character change of a 20,000-line procedure to its diagnostics.
func BenchmarkDiagnosticsAfterChange(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(GCPercent)) // as sdfp lsp runs
	src := bigProcedure(20000)
	dir := b.TempDir()
	root := "file://" + filepath.ToSlash(dir)
	c := startServer(b, Options{}, protocol.InitializeParams{RootURI: &root})
	uri := root + "/big.proc"
	if d := c.open(uri, src); len(d.Diagnostics) != 0 {
		b.Fatalf("the big procedure has findings: %+v", d.Diagnostics[0])
	}
	line := 10000
	b.ResetTimer()
	cpu0 := cpuTime()
	var worst time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		// type a blank at the end of a line, then take it away
		text := " "
		r := protocol.Range{Start: at(line, 0), End: at(line, 0)}
		if i%2 == 1 {
			text, r.End = "", at(line, 1)
		}
		c.notify("textDocument/didChange", protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: protocol.Integer(i + 2)},
			ContentChanges: []any{protocol.TextDocumentContentChangeEvent{Range: &r, Text: text}},
		})
		c.nextDiagnostics(uri)
		worst = max(worst, time.Since(start))
	}
	// the machine may be shared: the CPU time the process spent per
	// change (parsing on all cores, the collector included) says what a
	// change costs where the wall time says how long others made it wait
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
