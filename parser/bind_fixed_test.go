package parser

import (
	"strings"
	"testing"

	"sdfp/lexer"
	"sdfp/parser/ast"
)

// <fixed> operands (CREATE-VM CPU-QUOTA, MAX-CPU-UTILIZATION): whole
// numbers bind scaled to the range's decimals and are range-checked; a
// literal default reads through Args.Fixed too.
func TestBindFixed(t *testing.T) {
	p := newParser()
	parse := func(src string) (*ast.Command, []*lexer.Error) {
		return p.ParseCommand(lexer.NewUnit(src, lexer.Pos{Line: 1, Column: 1}))
	}
	cmd, errs := parse("CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=20,CPU-POOL=POOL1")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if q, ok := cmd.Args.Fixed("CPU-QUOTA"); !ok || q != 20 {
		t.Errorf("CPU-QUOTA = %v, %v", q, ok)
	}
	if u, ok := cmd.Args.Fixed("MAX-CPU-UTILIZATION"); !ok || u != 100 {
		t.Errorf("MAX-CPU-UTILIZATION default = %v, %v", u, ok)
	}
	if got := ast.CommandText(cmd); !strings.Contains(got, "CPU-QUOTA=20.00") {
		t.Errorf("canonical form %s", got)
	}
	cmd, errs = parse("CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=*BY-VM-GROUP(VM-GROUP-NAME=GRP1,MEMBER-CPU-QUOTA=5)")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if q, ok := cmd.Args.Struct("CPU-QUOTA").Fixed("MEMBER-CPU-QUOTA"); !ok || q != 5 {
		t.Errorf("MEMBER-CPU-QUOTA = %v, %v", q, ok)
	}
	if _, ok := cmd.Args.Fixed("CPU-POOL"); ok {
		t.Error("Fixed of a keyword value")
	}
	cmd, errs = parse("CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=12.5,MAX-CPU-UTIL=99.99")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if q, _ := cmd.Args.Fixed("CPU-QUOTA"); q != 12.5 {
		t.Errorf("CPU-QUOTA=12.5 read as %v", q)
	}
	if u, _ := cmd.Args.Fixed("MAX-CPU-UTILIZATION"); u != 99.99 {
		t.Errorf("MAX-CPU-UTIL=99.99 read as %v", u)
	}
	for src, want := range map[string]string{
		"CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=1.234":                          "CPU-QUOTA",
		"CREATE-VM MEMORY-SIZE=12.5":                                          "MEMORY-SIZE",
		"CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=0":                              "outside the range 0.01..99.99",
		"CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=100":                            "outside the range 0.01..99.99",
		"CREATE-VM MEMORY-SIZE=1024,MAX-CPU-UTIL=101":                         "outside the range 0.01..100.00",
		"CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=*BY-VM-GROUP(VM-GROUP-NAME=G1)": "MEMBER-CPU-QUOTA",
	} {
		_, errs := parse(src)
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), want) {
			t.Errorf("%s: %v, want %q", src, errs, want)
		}
	}
}
