package catalog

import (
	"reflect"
	"testing"
)

const regenerate = "go generate ./parser/catalog"

// The declaration tables (sdfp.go, system.go, vm2000.go) stay the source
// of truth for operands; operands_literal.go holds the same declarations
// as Go values, so a run does not parse the notation of every command it
// uses (a sixth of the start of a short run). This test holds what the
// literal compiles to equal to a parse of the tables;
// TestOperandsLiteralGenerated holds the file equal to what its
// generator writes.
func TestOperandsLiteral(t *testing.T) {
	parsed := map[string][]*Operand{}
	withOperands := 0
	for _, table := range builtinTables {
		for _, d := range table {
			if _, dup := parsed[d.name]; dup {
				t.Fatalf("%s is declared twice", d.name)
			}
			// every declaration must parse: a broken table would
			// otherwise only show when the literal is generated
			ops, err := ParseOperands(d.ops)
			if err != nil {
				t.Errorf("%s: %v", d.name, err)
				continue
			}
			parsed[d.name] = ops
			if len(ops) > 0 {
				withOperands++
			}
		}
	}
	if t.Failed() {
		return
	}
	for name, want := range parsed {
		got, ok := builtinOperands(name)
		switch {
		case len(want) == 0 && ok:
			t.Errorf("%s declares no operands, operands_literal.go has some: %s", name, regenerate)
		case len(want) > 0 && !reflect.DeepEqual(got, want):
			t.Errorf("%s: operands_literal.go differs from its declaration: %s", name, regenerate)
		}
	}
	if len(builtinOperandLists) != withOperands {
		t.Errorf("operands_literal.go has %d commands, the tables %d with operands: %s", len(builtinOperandLists), withOperands, regenerate)
	}
	if _, ok := builtinOperands("NO-SUCH-COMMAND"); ok {
		t.Error("an unknown command has operands")
	}
	// The catalog hands out the literal, not a parse of its own.
	if got, _ := builtinOperands("IF"); &Builtin().Exact("IF").Operands()[0] != &got[0] {
		t.Error("Builtin does not use operands_literal.go")
	}
}
