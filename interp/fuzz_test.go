package interp

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzRun runs arbitrary procedures under a step limit: no input may make
// the interpreter panic or run past the limit.
func FuzzRun(f *testing.F) {
	addLanguageSeeds(f)
	if src, err := os.ReadFile("testdata/loop.proc"); err == nil {
		f.Add(string(src))
	}
	f.Fuzz(func(t *testing.T, src string) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		r := New(WithStepLimit(2000), WithBackBranchLimit(500))
		res := r.RunSource(ctx, "f.proc", src, nil)
		if res.Steps > 2001 {
			t.Fatalf("ran %d steps past the limit", res.Steps)
		}
	})
}

// addLanguageSeeds adds every procedure of the language's golden cases.
func addLanguageSeeds(f *testing.F) {
	cases, _ := filepath.Glob("../testdata/lang/*.txtar")
	for _, c := range cases {
		a, err := txtar.ParseFile(c)
		if err != nil {
			continue
		}
		for _, file := range a.Files {
			if filepath.Ext(file.Name) == ".proc" {
				f.Add(string(file.Data))
			}
		}
	}
}
