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
			diagtest.Check(t, string(src), New().Source(f, string(src)))
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
		for _, e := range New().Source(f, string(src)) {
			t.Errorf("%s", e)
		}
	}
}
