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
		"CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=99.995":                         "outside the range 0.01..99.99", // rounded to 100.00
		"CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=1.2x4":                          "CPU-QUOTA",
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
	// More decimals than the range's are rounded to them, half up, and
	// the value says so (VM2000: SC2 2, "decimal specifications rounded
	// to 2 decimal places", CREATE-VM-GROUP and ADD-VM-TO-VM-GROUP).
	for src, want := range map[string]float64{
		"CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=1.234":                                                 1.23,
		"CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=1.005":                                                 1.01,
		"CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=99.994":                                                99.99,
		"CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=*BY-VM-GROUP(VM-GROUP-NAME=G1,MEMBER-CPU-QUOTA=2.999)": 3,
	} {
		cmd, errs := parse(src)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", src, errs)
		}
		q, _ := cmd.Args.Fixed("CPU-QUOTA")
		if member := cmd.Args.Struct("CPU-QUOTA"); member != nil {
			q, _ = member.Fixed("MEMBER-CPU-QUOTA")
		}
		if q != want || !cmd.Args.Rounded() {
			t.Errorf("%s: %v, rounded %v; want %v, rounded", src, q, cmd.Args.Rounded(), want)
		}
	}
	if cmd, _ := parse("CREATE-VM MEMORY-SIZE=1024,CPU-QUOTA=1.5"); cmd.Args.Rounded() {
		t.Error("1.5 rounded")
	}
}
