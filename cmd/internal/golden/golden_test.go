package golden

import (
	"context"
	"flag"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected sections of the golden cases")

// TestCases runs every case under testdata/ of the repository.
func TestCases(t *testing.T) {
	cases, err := Glob("../../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases found")
	}
	for _, c := range cases {
		c := c
		name := strings.TrimSuffix(filepath.ToSlash(c.Path[len("../../../testdata/"):]), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out, err := c.Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := c.Update(out); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, d := range c.Diff(out) {
				t.Error(d)
			}
			if p := out[LintSection]; p != "" {
				t.Errorf("messages printed wrong:\n%s", p)
			}
		})
	}
}
