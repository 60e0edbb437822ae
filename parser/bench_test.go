package parser

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"sdfp/parser/ast"
)

// generatedProcedure builds a procedure of about n lines mixing the
// constructs real procedures use: comments, declarations, assignments,
// IF blocks, loops, VM2000 commands and continuation lines.
func generatedProcedure(n int) string {
	var b strings.Builder
	b.WriteString("/SET-PROCEDURE-OPTIONS ERROR-MECHANISM=*BY-RETURNCODE\n")
	lines := 1
	for i := 0; lines < n; i++ {
		fmt.Fprintf(&b, "/\" ---- section %d ----\"\n", i)
		fmt.Fprintf(&b, "/DECLARE-VARIABLE NAME=V%d(TYPE=*INTEGER,INIT-VALUE=%d)\n", i, i)
		fmt.Fprintf(&b, "/L%d: IF (V%d MOD 7 = 3) AND (SUBSTR('ABCDEF',2,3) = 'BCD')\n", i, i)
		fmt.Fprintf(&b, "/  TXT = 'VALUE ' // STRING(V%d + 1)\n", i)
		b.WriteString("/  SHOW-VM-ATTR VM-ID=2,INF=*MEMORY\n")
		b.WriteString("/ELSE\n")
		fmt.Fprintf(&b, "/  WHILE (V%d < 10)\n", i)
		fmt.Fprintf(&b, "/    V%d = V%d + 1\n", i, i)
		b.WriteString("/  END-WHILE\n")
		b.WriteString("/END-IF\n")
		fmt.Fprintf(&b, "/WAIT-EVENT *JV(((JV.X%d,1,2) = '$T' OR -\n", i)
		fmt.Fprintf(&b, "/ (JV.X%d,1,2) = '$A'),TIME-LIM=300)\n", i)
		b.WriteString("/IF-CMD-ERROR; END-IF\n")
		lines += 13
	}
	return b.String()
}

// BenchmarkParse20000 parses a generated 20,000-line procedure and
// reports lines per second.
func BenchmarkParse20000(b *testing.B) {
	benchParse(b, 20000)
}

// BenchmarkParseScaling parses procedures of growing size; ns/line should
// stay flat if the cost is linear.
func BenchmarkParseScaling(b *testing.B) {
	for _, n := range []int{2500, 10000, 40000} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) { benchParse(b, n) })
	}
}

func benchParse(b *testing.B, n int) {
	src := generatedProcedure(n)
	lines := strings.Count(src, "\n")
	p := newParser()
	if _, errs := p.ParseFile("gen.proc", src); len(errs) > 0 {
		b.Fatalf("generated procedure has diagnostics: %v", errs[0])
	}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.ParseFile("gen.proc", src)
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(lines)/sec, "lines/s")
	b.ReportMetric(sec*1e9/float64(lines), "ns/line")
}

// BenchmarkParseVMMEM parses the seed procedure that `sdfp run
// procs/vmmem.proc` starts with: the per-run parse cost of the
// end-to-end figure.
func BenchmarkParseVMMEM(b *testing.B) {
	data, err := os.ReadFile("../procs/vmmem.proc")
	if err != nil {
		b.Fatal(err)
	}
	src := string(data)
	p := newParser()
	if _, errs := p.ParseFile("vmmem.proc", src); len(errs) > 0 {
		b.Fatalf("vmmem.proc has diagnostics: %v", errs[0])
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.ParseFile("vmmem.proc", src)
	}
}

// A procedure long enough to be parsed by several goroutines gives the
// same tree and the same problems, in the same order, as a serial parse.
func TestParallelParseMatchesSerial(t *testing.T) {
	src := generatedProcedure(1000)
	// problems spread over the file, so each goroutine meets some
	lines := strings.Split(src, "\n")
	for i := 40; i < len(lines); i += 170 {
		lines[i] = fmt.Sprintf("/NO-SUCH-COMMAND-%d X=1", i)
		lines[i+7] = "/SHOW-VM-ATTR VM-ID=200"
	}
	src = strings.Join(lines, "\n")
	parse := func(procs int) (string, string) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		proc, errs := newParser().ParseFile("gen.proc", src)
		var msgs []string
		for _, e := range errs {
			msgs = append(msgs, e.Error())
		}
		return ast.Print(proc), strings.Join(msgs, "\n")
	}
	serialTree, serialErrs := parse(1)
	if strings.Count(serialErrs, "\n") < 8 {
		t.Fatalf("the injected problems were not all found:\n%s", serialErrs)
	}
	for _, procs := range []int{2, 3, 8} {
		tree, errs := parse(procs)
		if tree != serialTree {
			t.Errorf("GOMAXPROCS=%d: the tree differs from the serial parse", procs)
		}
		if errs != serialErrs {
			t.Errorf("GOMAXPROCS=%d: problems\n%s\nserial:\n%s", procs, errs, serialErrs)
		}
	}
}
