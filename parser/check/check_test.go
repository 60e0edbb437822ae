package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sdfp/lexer"
	"sdfp/parser/diagtest"
)

func TestCheckFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.proc")
	if len(files) == 0 {
		t.Fatal("no test procedures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			findings, _ := New().Source(f, string(src))
			diagtest.Check(t, string(src), findings)
		})
	}
}

// Every shipped procedure checks clean.
func TestProcsAreClean(t *testing.T) {
	files, _ := filepath.Glob("../../procs/*.proc")
	if len(files) == 0 {
		t.Fatal("no procedures in procs/")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		findings, _ := New().Source(f, string(src))
		for _, e := range findings {
			t.Errorf("%s", e)
		}
	}
}

// A variable read by & replacement is reported at its name, also inside
// &(...): &NAME was reported at the command, &(NAME) not at all.
func TestReplacementReadsAtTheirPlace(t *testing.T) {
	src := "/WRITE-TEXT &NOPE3\n/WRITE-TEXT 'A &(NOPE4 + 1)'\n/WRITE-TEXT '&(LENGTH(''X''))'\n"
	findings, _ := New().Source("r.proc", src)
	var got []string
	for _, f := range findings {
		got = append(got, lexer.FormatPos(f.Pos)+" "+f.Msg)
	}
	want := []string{"r.proc:1:14 variable NOPE3 is read but nothing in the procedure gives it a value",
		"r.proc:2:18 variable NOPE4 is read but nothing in the procedure gives it a value"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
