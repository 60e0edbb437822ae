package explore

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"sdfp/hypervisor/vm2000"
)

// EndState is what an invariant looks at: the VM2000 at the start and at
// the end of a run, and the MONJVs' last values.
type EndState struct {
	Start, End []vm2000.VMView
	Dialogs    []string          // tasks whose administration dialog is open at the end
	MonJVs     map[string]string // MONJV name -> value at the end; missing: deleted
}

// Invariant is a property the end state of every run must have, whatever
// the scenario. A violation is reported with the scenario's verdict.
type Invariant struct {
	ID    string `json:"id"`
	About string `json:"about"`
	// Source is why the property matters, tagged V (a manual page says
	// it) or I (sdfp's reading).
	Source string `json:"source,omitempty"`
	check  func(e *EndState) []string
}

// Invariants is the documented table of end-state invariants; an author
// adds procedure-specific ones with ParseInvariants.
var Invariants = []Invariant{
	{"vm-on-hold", "no VM is left IN-HOLD that was not IN-HOLD before the run", "I: a held VM runs no guest, and its memory cannot be reconfigured (V: VM2000 user guide, Reconfiguring main memory)", func(e *EndState) []string {
		var out []string
		for _, v := range e.End {
			if v.State == "IN-HOLD" && !slices.ContainsFunc(e.Start, func(s vm2000.VMView) bool { return s.Name == v.Name && s.State == "IN-HOLD" }) {
				out = append(out, fmt.Sprintf("%s on %s left IN-HOLD", v.Name, v.SU))
			}
		}
		return out
	}},
	{"vm-migrating", "no live migration is still under way (no VM in a (MIGR) state)", "V: VM2000 user guide, Commands not allowed during a VM migration (VMS3042); I: a procedure that ends first has not seen the outcome", eachVM(func(v vm2000.VMView) string {
		if v.Migrating {
			return fmt.Sprintf("%s on %s still migrating (phase %s)", v.Name, v.SU, v.Phase)
		}
		return ""
	})},
	{"reconfiguration-running", "no memory reconfiguration is still under way", "V: VM2000 user guide, EXTEND-VM-MEMORY and REDUCE-VM-MEMORY: the reconfiguration runs asynchronously and refuses the next one for the VM until it ends", eachVM(func(v vm2000.VMView) string {
		if v.Reconfiguring {
			return fmt.Sprintf("%s on %s still reconfiguring to %d MB", v.Name, v.SU, v.Planned)
		}
		return ""
	})},
	{"monjv-final", "every MONJV that still exists shows a final status ($T or $A)", "V: VM2000 user guide, Monitoring a VM Migration with job variables (MONJV): monitoring stops when the operation ends", func(e *EndState) []string {
		var out []string
		for _, name := range sortedKeys(e.MonJVs) {
			if v := e.MonJVs[name]; !strings.HasPrefix(v, "$T") && !strings.HasPrefix(v, "$A") {
				out = append(out, fmt.Sprintf("MONJV %s ends with %q", name, firstN(v, 3)))
			}
		}
		return out
	}},
	{"dialog-closed", "no administration dialog is left open", "I: BEGIN-VM-DIALOG and END-VM-DIALOG belong together; a dialog left open holds the administration", func(e *EndState) []string {
		var out []string
		for _, t := range e.Dialogs {
			out = append(out, "the dialog of task "+t+" is open")
		}
		return out
	}},
	{"memory-bounds", "every VM's memory lies within its minimum and maximum", "V: VM2000 user guide, Reconfiguring main memory (MIN-MEMORY-SIZE and MAX-MEMORY-SIZE bound later changes)", eachVM(func(v vm2000.VMView) string {
		if v.Min > 0 && v.Memory < v.Min || v.Max > 0 && v.Memory > v.Max {
			return fmt.Sprintf("%s has %d MB outside %s..%s", v.Name, v.Memory, bound(v.Min), bound(v.Max))
		}
		return ""
	})},
}

// eachVM is an invariant over every VM at the end: check returns what
// is wrong with one, "" when nothing is.
func eachVM(check func(vm2000.VMView) string) func(e *EndState) []string {
	return func(e *EndState) []string {
		var out []string
		for _, v := range e.End {
			if d := check(v); d != "" {
				out = append(out, d)
			}
		}
		return out
	}
}

func bound(n int) string {
	if n == 0 {
		return "*UNDEF"
	}
	return strconv.Itoa(n)
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// ParseInvariants reads procedure-specific invariants, one a line:
//
//	ID: VM FIELD OP VALUE
//
// FIELD is su, state, guest or memory; OP is = or != (memory also <, <=,
// >, >=). A VM that no longer exists violates every invariant naming it.
// Empty lines and lines starting with # are skipped.
func ParseInvariants(path string) ([]Invariant, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Invariant
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		inv, err := parseInvariant(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		out = append(out, inv)
	}
	return out, sc.Err()
}

func parseInvariant(line string) (Invariant, error) {
	id, rule, ok := strings.Cut(line, ":")
	f := strings.Fields(rule)
	if !ok || strings.TrimSpace(id) == "" || len(f) != 4 {
		return Invariant{}, fmt.Errorf("want ID: VM FIELD OP VALUE, not %q", line)
	}
	vm, field, op, want := strings.ToUpper(f[0]), strings.ToLower(f[1]), f[2], f[3]
	get, ok := viewFields[field]
	if !ok {
		return Invariant{}, fmt.Errorf("field %q: want su, state, guest or memory", field)
	}
	cmp, ok := compare(op, field == "memory")
	if !ok {
		return Invariant{}, fmt.Errorf("operator %q not allowed for %s", op, field)
	}
	if _, err := strconv.Atoi(want); field == "memory" && err != nil {
		// checked here, not at every scenario's end ("memory is 2048,
		// not > abc" in each)
		return Invariant{}, fmt.Errorf("memory %s %s: want a whole number of MB", op, want)
	}
	return Invariant{ID: strings.TrimSpace(id), About: strings.TrimSpace(rule), Source: "the author's file", check: func(e *EndState) []string {
		named := func(v vm2000.VMView) bool { return v.Name == vm }
		i := slices.IndexFunc(e.End, named)
		if i < 0 && !slices.ContainsFunc(e.Start, named) {
			return []string{vm + " is no VM of the run, at its start or its end: a misspelt name?"}
		}
		if i < 0 {
			return []string{vm + " no longer exists"}
		}
		if got := get(e.End[i]); !cmp(got, strings.ToUpper(want)) {
			return []string{fmt.Sprintf("%s %s is %s, not %s %s", vm, field, got, op, want)}
		}
		return nil
	}}, nil
}

var viewFields = map[string]func(vm2000.VMView) string{
	"su":     func(v vm2000.VMView) string { return v.SU },
	"state":  func(v vm2000.VMView) string { return v.State },
	"guest":  func(v vm2000.VMView) string { return v.Guest },
	"memory": func(v vm2000.VMView) string { return strconv.Itoa(v.Memory) },
}

func compare(op string, numeric bool) (func(got, want string) bool, bool) {
	switch op {
	case "=":
		return func(g, w string) bool { return g == w }, true
	case "!=":
		return func(g, w string) bool { return g != w }, true
	}
	if !numeric {
		return nil, false
	}
	num := func(f func(a, b int) bool) func(g, w string) bool {
		return func(g, w string) bool {
			a, _ := strconv.Atoi(g)
			b, err := strconv.Atoi(w)
			return err == nil && f(a, b)
		}
	}
	switch op {
	case "<":
		return num(func(a, b int) bool { return a < b }), true
	case "<=":
		return num(func(a, b int) bool { return a <= b }), true
	case ">":
		return num(func(a, b int) bool { return a > b }), true
	case ">=":
		return num(func(a, b int) bool { return a >= b }), true
	}
	return nil, false
}

// Violation is one invariant an end state breaks.
type Violation struct {
	Invariant string `json:"invariant"`
	Detail    string `json:"detail"`
}

func checkInvariants(invs []Invariant, e *EndState) []Violation {
	var out []Violation
	for _, inv := range invs {
		for _, d := range inv.check(e) {
			out = append(out, Violation{inv.ID, d})
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
