package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// layers is the architecture as data: every package of the module, in
// the layer it belongs to. Data flows upwards through the table: source
// text -> lexer -> parser (AST) -> interp, which calls the builtins and
// hands commands through the seam interp/handler to the executors of the
// system model (BS2000 and VM2000); cmd wires a run and prints it. A
// package may import only packages of lower layers. interp/handler is the
// interpreter's seam, imported by the executors as database/sql/driver is
// by drivers, which is why it sits below them.
var layers = []struct {
	name     string
	packages []string
}{
	{"leaves: text, catalogs and values that import nothing of sdfp", []string{
		"lexer/ebcdic", "parser/catalog", "parser/golit", "hypervisor/msg", "hypervisor/bs2000/dms/dmstest"}},
	{"wildcards of names (SDF's -wild suffix)", []string{"lexer/wildcard"}},
	{"files of the workdir", []string{"hypervisor/bs2000/dms"}},
	{"the reader's lines and tokens, the job-variable store, variable containers, the world's journal", []string{"lexer", "hypervisor/bs2000/jv", "hypervisor/bs2000/vcont", "hypervisor/bs2000/world"}},
	{"syntax tree", []string{"parser/ast", "parser/diagtest"}},
	{"parser and the handler seam", []string{"parser", "interp/handler",
		"parser/catalog/internal/operandslit"}},
	{"system services", []string{"hypervisor/clock", "hypervisor/bs2000/console", "hypervisor/bs2000/site",
		"parser/catalog/internal/gencatalog"}},
	{"executors of the system model", []string{"hypervisor/bs2000/jobenv", "hypervisor/vm2000", "hypervisor/bs2000/files"}},
	{"builtin functions and generators", []string{"builtins", "hypervisor/vm2000/internal/defaultlit", "hypervisor/vm2000/internal/defaultstate"}},
	{"interpreter and static checks", []string{"interp", "parser/check", "parser/format", "hypervisor/vm2000/internal/gendefault",
		"hypervisor/vm2000/internal/genstate"}},
	{"run wiring", []string{"cmd/internal/session"}},
	{"golden cases and the language server", []string{"cmd/internal/golden", "cmd/internal/lsp"}},
	{"fault exploration over golden runs", []string{"cmd/internal/explore"}},
	{"the CLI", []string{"cmd/sdfp"}},
}

// Every import of every package (its in-package tests included) goes to a
// lower layer,
// and every package of the module has its place in the table.
func TestNoPackageImportsOneAboveIt(t *testing.T) {
	rank := map[string]int{}
	for i, l := range layers {
		for _, p := range l.packages {
			rank[p] = i
		}
	}
	root := filepath.Join("..", "..")
	imports := map[string]map[string]bool{} // package -> sdfp packages it imports
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		if strings.HasSuffix(f.Name.Name, "_test") {
			return nil // an external test package may use what it tests from above
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		if imports[pkg] == nil {
			imports[pkg] = map[string]bool{}
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(p, "sdfp/") {
				imports[pkg][strings.TrimPrefix(p, "sdfp/")] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 10 {
		t.Fatalf("found only %d packages under %s", len(imports), root)
	}
	pkgs := make([]string, 0, len(imports))
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, p := range pkgs {
		r, ok := rank[p]
		if !ok {
			t.Errorf("package %s has no layer: add it to the table", p)
			continue
		}
		for imp := range imports[p] {
			if ri, ok := rank[imp]; ok && ri >= r && imp != p {
				t.Errorf("%s (%s) imports %s (%s), which is not below it", p, layers[r].name, imp, layers[ri].name)
			}
		}
	}
}
