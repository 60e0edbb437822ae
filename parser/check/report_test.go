package check

import (
	"os"
	"strings"
	"testing"

	"sdfp/lexer"
)

// The report counts what sdfp:ignore suppressed; NoWarnings leaves the
// warnings out and counts them nowhere.
func TestReportCounts(t *testing.T) {
	src, err := os.ReadFile("testdata/suppress.proc")
	if err != nil {
		t.Fatal(err)
	}
	r := New().Check("suppress.proc", string(src))
	if r.Suppressed != 4 || len(r.Findings) != 6 { // two of them for directives that suppress nothing
		t.Errorf("suppressed %d, kept %d", r.Suppressed, len(r.Findings))
	}
	c := New()
	c.NoWarnings = true
	r = c.Check("suppress.proc", string(src))
	for _, f := range r.Findings {
		if f.Severity == lexer.SevWarning {
			t.Errorf("warning kept: %s", f)
		}
	}
	if r.Suppressed != 1 || len(r.Findings) != 1 {
		t.Errorf("without warnings: suppressed %d, kept %d", r.Suppressed, len(r.Findings))
	}
}

// Findings beyond the cap are counted by severity.
func TestReportOmittedWarnings(t *testing.T) {
	src := ""
	for range 150 {
		src += "/WAIT-EVENT *JV((JV.X,1,2) = '$T',TIME-LIM=60)\n"
	}
	r := New().Check("w.proc", src)
	if len(r.Findings) != 100 || r.Omitted != 50 || r.OmittedWarnings != 50 {
		t.Errorf("kept %d, omitted %d, %d warnings", len(r.Findings), r.Omitted, r.OmittedWarnings)
	}
}

// Suppression comments of any text never panic, and a directive stands
// on the line it was found on.
func FuzzSuppressions(f *testing.F) {
	f.Add("/A = 1 \"sdfp:ignore SDP0091,CMD0202 why\"\n/\"sdfp:ignore\"\n/B\n")
	f.Add("/'\"sdfp:ignore\"' \"sdfp:ignore")
	f.Fuzz(func(t *testing.T, src string) {
		s := parseSuppressions(src)
		for line, ds := range s {
			for _, d := range ds {
				if d.line != line && d.line != line-1 || d.off < 0 || d.off > len(src) {
					t.Fatalf("directive %+v at line %d", d, line)
				}
			}
		}
		s.ignores(1, "SDP0091")
		s.unused()
	})
}

// A file parsed on several cores gives its shown findings their hints
// (run with -race: the hints are computed where the chunks are merged).
func TestHintsParallelParse(t *testing.T) {
	src := strings.Repeat("/SHOW-VM-ATRIBUTES\n", 1000)
	r := New().Check("many.proc", src)
	if len(r.Findings) != 100 || r.Omitted != 900 {
		t.Fatalf("kept %d, omitted %d", len(r.Findings), r.Omitted)
	}
	for _, f := range r.Findings {
		if !strings.HasSuffix(f.Msg, "; did you mean SHOW-VM-ATTRIBUTES?") {
			t.Fatalf("no hint: %s", f)
		}
	}
}
