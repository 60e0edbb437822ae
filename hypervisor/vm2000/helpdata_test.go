package vm2000

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"sdfp/interp/handler"
)

// sdfType is the SDF-P type an element of a record gets.
func sdfType(v any) string {
	switch v.(type) {
	case int:
		return "INTEGER"
	case bool:
		return "BOOLEAN"
	case string:
		return "STRING"
	case []handler.Record:
		return "list of structures"
	}
	return fmt.Sprintf("%T", v)
}

// flatten lists the elements of records as OutputElement names and types.
func flatten(prefix string, recs []handler.Record, into map[string]string) {
	for _, r := range recs {
		for _, f := range r {
			into[prefix+f.Name] = sdfType(f.Value)
			if l, ok := f.Value.([]handler.Record); ok {
				flatten(prefix+f.Name+"(*LIST).", l, into)
			}
		}
	}
}

// The layouts `sdfp help` prints are those the SHOW commands build:
// every element of every INFORMATION value is in the table with its
// type and INFORMATION value, and *ALL gives every element of the table.
func TestStructuredOutputLayouts(t *testing.T) {
	cases := map[string]struct {
		cmd   string
		infos []string
		setup []string // commands that give the SHOW command something to show
	}{
		"SHOW-VM-ATTRIBUTES": {"SHOW-VM-ATTRIBUTES VM-ID=*VM2000,INFORMATION=%s", []string{"*STD", "*CPU", "*MEMORY", "*UNITS", "*MONJV", "*PRIVILEGES", "*ALL"}, nil},
		"SHOW-VM-DEFINITION": {"SHOW-VM-DEFINITION INFORMATION=%s", []string{"*STD", "*ALL"}, nil},
		"SHOW-VM-RESOURCES":  {"SHOW-VM-RESOURCES INFORMATION=%s", []string{"*STD", "*CPU", "*MEMORY", "*UNITS", "*CONFIGURATION", "*ALL"}, nil},
		"SHOW-VM-GROUP": {"SHOW-VM-GROUP INFORMATION=%s", []string{"*ATTRIBUTES", "*MEMBERS", "*ALL"},
			[]string{"CREATE-VM-GROUP VM-GROUP-NAME=G", "ADD-VM-TO-VM-GROUP VM-ID=2,VM-GROUP-NAME=G,MEMBER-CPU-QUOTA=1"}},
		"SHOW-VM-CPU-POOL":       {"SHOW-VM-CPU-POOL%.0s", []string{"*ALL"}, nil},
		"SHOW-VM-ASSIGNMENT-SET": {"SHOW-VM-ASSIGNMENT-SET%.0s", []string{"*ALL"}, nil},
	}
	if len(cases) != len(structuredOutputs()) {
		t.Fatalf("layouts of %d commands, %d tested", len(structuredOutputs()), len(cases))
	}
	for name, c := range cases {
		layout := StructuredOutput(name)
		for _, info := range c.infos {
			r := newRig(t, layoutInstallations[name]).admin() // "": the default
			for _, cmd := range c.setup {
				r.ok(cmd)
			}
			res := r.ok(fmt.Sprintf(c.cmd, info))
			got := map[string]string{}
			flatten("", res.Records, got)
			for el, typ := range got {
				i := slices.IndexFunc(layout, func(e OutputElement) bool { return e.Name == el })
				switch {
				case i < 0:
					t.Errorf("%s %s: element %s (%s) not in the layout", name, info, el, typ)
				case layout[i].Type != typ:
					t.Errorf("%s %s: %s is %s, the layout says %s", name, info, el, typ, layout[i].Type)
				case info != "*ALL" && layout[i].Info != "" && !slices.Contains(strings.Fields(layout[i].Info), info):
					t.Errorf("%s %s: %s, the layout says only with %s", name, info, el, layout[i].Info)
				}
			}
			if info == "*ALL" {
				for _, e := range layout {
					_, ok := got[e.Name]
					switch left := leftOutOfAll(name, e); {
					case left && ok:
						t.Errorf("%s *ALL: element %s of %s built, but *ALL leaves %v out", name, e.Name, e.Info, AllLeavesOut(name))
					case !left && !ok:
						t.Errorf("%s *ALL: layout element %s not built", name, e.Name)
					}
				}
			}
		}
	}
}

// leftOutOfAll reports whether *ALL does not give the element: every
// INFORMATION value that gives it is one *ALL leaves out.
func leftOutOfAll(command string, e OutputElement) bool {
	infos := strings.Fields(e.Info)
	if len(infos) == 0 {
		return false
	}
	for _, i := range infos {
		if !slices.Contains(AllLeavesOut(command), i) {
			return false
		}
	}
	return true
}

// Every status value the MONJV tables name is listed once, and each
// asynchronous command with a MONJV operand has its kind.
func TestMonJVKinds(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range MonJVKinds() {
		vals := map[string]bool{}
		for _, s := range k.Statuses {
			if vals[s.Value] || s.Value == "" || s.Meaning == "" {
				t.Errorf("%s: status %q listed twice or without meaning", k.Name, s.Value)
			}
			vals[s.Value] = true
		}
		for _, c := range k.Commands {
			seen[c] = true
		}
		if len(k.Fields) == 0 || k.Fields[0].Name != "status" {
			t.Errorf("%s: fields %v", k.Name, k.Fields)
		}
	}
	for _, c := range []string{"CREATE-VM", "MIGRATE-VM", "EXTEND-VM-MEMORY", "REDUCE-VM-MEMORY"} {
		if !seen[c] {
			t.Errorf("no MONJV kind for %s", c)
		}
	}
	if got := InformationCommands(); !slices.Contains(got, "SHOW-VM-ATTRIBUTES") || slices.Contains(got, "MIGRATE-VM") {
		t.Errorf("information commands %v", got)
	}
}
