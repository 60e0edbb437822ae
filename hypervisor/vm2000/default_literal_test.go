package vm2000_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"testing"

	"sdfp/hypervisor/vm2000"
	"sdfp/hypervisor/vm2000/internal/defaultlit"
)

const regenerate = "go generate ./hypervisor/vm2000"

// default.yaml stays the installation's source of truth; default_literal.go
// is the same value as Go code, so that `sdfp run` does not spend half a
// millisecond of its start decoding YAML. This test holds the file, byte
// for byte, equal to what its generator writes from default.yaml, and the
// installation it builds equal to the decoded YAML.
func TestDefaultLiteral(t *testing.T) {
	src, err := defaultlit.Source()
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := os.ReadFile("default_literal.go")
	if err != nil {
		t.Fatalf("%v: %s", err, regenerate)
	}
	if !bytes.Equal(onDisk, src) {
		t.Fatalf("default_literal.go is not what default.yaml generates: %s", regenerate)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "default_literal.go", onDisk, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if !ast.IsGenerated(f) {
		t.Error(`default_literal.go does not start with a line matching ^// Code generated .* DO NOT EDIT\.$`)
	}
	// With the file in the package, DefaultInstallation builds its value
	// from the literal rather than from the YAML.
	want, err := vm2000.LoadInstallation("default.yaml", vm2000.DefaultYAML())
	if err != nil {
		t.Fatal(err)
	}
	got := vm2000.DefaultInstallation()
	if !reflect.DeepEqual(vm2000.AsLoaded(got), want) {
		t.Fatalf("default_literal.go differs from default.yaml: %s", regenerate)
	}
	// messages name it for what it is, not by the file the user never gave
	if got.Source() != "the embedded installation" || want.Source() != "default.yaml" {
		t.Errorf("Source: %q and %q", got.Source(), want.Source())
	}
	if a, b := vm2000.DefaultInstallation(), vm2000.DefaultInstallation(); a == b || &a.ServerUnits[0] == &b.ServerUnits[0] {
		t.Error("DefaultInstallation must return a new value at every call")
	}
}
