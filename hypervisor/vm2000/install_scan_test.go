package vm2000

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Deeply nested YAML is refused before the YAML library parses it (whose
// memory grows with the square of the depth: 200 KB of "[" ran the
// machine out of memory), with the position where the limit is passed,
// and with little memory of its own.
func TestNestingRefused(t *testing.T) {
	const size = 200 << 10
	stairs := func(unit string, step int) string { // a line per level
		var b strings.Builder
		for i := 0; b.Len() < size; i++ {
			b.WriteString(strings.Repeat(" ", step*i) + unit + "\n")
		}
		return b.String()
	}
	tests := []struct {
		name, yaml string
		line, col  int
	}{
		{"flow sequences", "server-units: " + strings.Repeat("[", size), 1, 30},
		{"flow mappings", "server-units: " + strings.Repeat("{a: ", size/4), 1, 139},
		{"block sequences", "server-units:\n" + strings.Repeat("- ", size/2), 2, 63},
		{"block mappings", stairs("a:", 1), 33, 33},
		{"sequences in mappings", stairs("- a:", 2), 17, 33},
		{"behind a comment line", "# [[[[\n" + strings.Repeat("[", 40), 2, 16},
		{"in a string that does not close", "commands:\n  - {name: X, output: ['" + strings.Repeat("[", 40), 2, 38},
		{"in a string after a plain word", "x: [a \"" + strings.Repeat("[", 40) + "\"]", 1, 22},
		{"CR ends a line", "a:\r" + strings.Repeat("- ", 40), 2, 63},
		{"tags at the ends of lines", strings.Repeat("a: !t\n", size/6), 17, 1},
		{"anchors in a string that may be none", "x: a \"\n" + strings.Repeat("b: &a\n", 40), 18, 1},
	}
	for _, tc := range tests {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := LoadInstallation("deep.yaml", []byte(tc.yaml))
		runtime.ReadMemStats(&after)
		want := "deep.yaml:" + itoa(tc.line) + ":" + itoa(tc.col) + ": mappings and sequences nested more than 32 deep"
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v\nwant %s", tc.name, err, want)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
			t.Errorf("%s: refusing it took %d KB", tc.name, alloc>>10)
		}
	}
}

// Control characters are refused with their position: the YAML library
// takes some for spaces (a fuzz seed, "-\x00:", nests a mapping in a
// sequence), and a UTF-16 file is full of them.
func TestControlCharacterRefused(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"-\x00:", "ctl.yaml:1:2: control character 0x00: an installation file is text (UTF-8)"},
		{"a: 1\r\nb: \x1b[0m", "ctl.yaml:2:4: control character 0x1b: an installation file is text (UTF-8)"},
		{"a: 1\rb:\x7f", "ctl.yaml:2:3: control character 0x7f: an installation file is text (UTF-8)"},
		{"\xff\xfes\x00e\x00", "ctl.yaml:1:4: control character 0x00: an installation file is text (UTF-8)"},
	} {
		if _, err := LoadInstallation("ctl.yaml", []byte(tc.yaml)); err == nil || err.Error() != tc.want {
			t.Errorf("%q: %v\nwant %s", tc.yaml, err, tc.want)
		}
	}
}

// A file larger than the limit is refused before it is parsed.
func TestSizeRefused(t *testing.T) {
	data := []byte(goodSU + strings.Repeat("# padding\n", installLimits.maxBytes/10))
	_, err := LoadInstallation("big.yaml", data)
	want := "big.yaml:1:1: installation file of " + itoa(len(data)) + " bytes: at most 1048576 bytes (1 MiB) are read"
	if err == nil || err.Error() != want {
		t.Errorf("%v\nwant %s", err, want)
	}
}

// What the project ships nests far below the limit.
func TestShippedNesting(t *testing.T) {
	files, _ := filepath.Glob("../../procs/*.yaml")
	for _, f := range append(files, "default.yaml") {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if s := scanDepth(data, installLimits.maxDepth); s.deepest > 12 {
			t.Errorf("%s: nesting counted %d deep", f, s.deepest)
		}
	}
	if s := scanDepth(docExample(t), installLimits.maxDepth); s.deepest > 12 {
		t.Errorf("doc.go example: nesting counted %d deep", s.deepest)
	}
}

// yamlTooDeep never counts shallower than the YAML library parses: for
// any text goccy/go-yaml accepts, its syntax tree nests no deeper than
// the scan counted.
func FuzzYAMLDepth(f *testing.F) {
	files, _ := filepath.Glob("../../procs/*.yaml")
	for _, name := range append(files, "default.yaml") {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"a: [b, {c: [d]}]", "- - - a", "a:\n- b:\n  - c", "x: [a'b', c]", "x: {a:'x]]'}",
		"x: \"a\\\"]\"\ny: [[b]]", "help: |\n  it's \"\n  ]]]\nx: [[[a]]]", "? [a]\n: [b]", "x: 'a''[b'",
		"a: b # [[\nc: [d]", "a:\r  - - b", "x: [\n  [\n   [a]]]", "a: !t\nb: !t\nc: 0", "x: a \"\nb: !t\nc: 0",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, _, _, refused := controlCharacter(data); refused || len(data) > 2048 {
			return // refused before any scan, or too long to parse quickly
		}
		file, err := parser.ParseBytes(data, 0)
		if err != nil {
			return
		}
		counted := scanDepth(data, len(data)+1).deepest
		for _, doc := range file.Docs {
			if d := astDepth(doc.Body); d > counted {
				t.Fatalf("the parser nests %d deep, the scan counted %d:\n%q", d, counted, data)
			}
		}
	})
}

// astDepth is how deep mappings and sequences nest in a syntax tree.
func astDepth(n ast.Node) int {
	switch n := n.(type) {
	case *ast.MappingNode:
		d := 0
		for _, kv := range n.Values {
			d = max(d, astDepth(kv.Key), astDepth(kv.Value))
		}
		return 1 + d
	case *ast.MappingValueNode: // a mapping of one pair
		return 1 + max(astDepth(n.Key), astDepth(n.Value))
	case *ast.MappingKeyNode:
		return astDepth(n.Value)
	case *ast.SequenceNode:
		d := 0
		for _, v := range n.Values {
			d = max(d, astDepth(v))
		}
		return 1 + d
	case *ast.AnchorNode:
		return astDepth(n.Value)
	case *ast.TagNode:
		return astDepth(n.Value)
	}
	return 0
}
