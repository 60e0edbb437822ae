package catalog_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"testing"

	"sdfp/parser/catalog/internal/operandslit"
)

// operands_literal.go is, byte for byte, what go generate writes from the
// declaration tables, and says it is generated code.
func TestOperandsLiteralGenerated(t *testing.T) {
	src, err := operandslit.Source()
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := os.ReadFile("operands_literal.go")
	if err != nil {
		t.Fatalf("%v: go generate ./parser/catalog", err)
	}
	if !bytes.Equal(onDisk, src) {
		t.Fatal("operands_literal.go is not what the declaration tables generate: go generate ./parser/catalog")
	}
	f, err := parser.ParseFile(token.NewFileSet(), "operands_literal.go", onDisk, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if !ast.IsGenerated(f) {
		t.Error(`operands_literal.go does not start with a line matching ^// Code generated .* DO NOT EDIT\.$`)
	}
}
