package check

import (
	"os"
	"path/filepath"
	"testing"

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
