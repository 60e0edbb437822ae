package explore

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"sdfp/cmd/internal/golden"
	"sdfp/hypervisor/vm2000"
)

const (
	vmmem   = "../../../procs/vmmem.proc"
	migrate = "../../../procs/migrate.proc"
)

var migrateParams = []string{"VM=VM12PROD", "TARGET=ABGSE701"}

func explorer(t testing.TB, proc string, params []string, depth int) *Explorer {
	t.Helper()
	e, err := New(context.Background(), Options{Proc: proc, Params: params, Depth: depth})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func run(t testing.TB, e *Explorer) []*Outcome {
	t.Helper()
	out, err := e.Run(context.Background(), e.Scenarios())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// refused expands "COMMAND#K verdict..." into the line of each general
// return code the refused scenarios give that call, in table order.
func refused(calls ...string) []string {
	var out []string
	for _, c := range calls {
		call, rest, _ := strings.Cut(c, " ")
		for _, o := range refusals {
			out = append(out, "refuse-"+call+"-"+o.Maincode()+" "+rest)
		}
	}
	return out
}

// verdicts renders outcomes as "id verdict maincode [invariants]".
func verdicts(out []*Outcome) []string {
	var lines []string
	for _, o := range out {
		line := o.Scenario.ID + " " + o.Verdict + " " + o.Maincode
		for _, v := range o.Violations {
			line += " !" + v.Invariant
		}
		lines = append(lines, line)
	}
	return lines
}

// The verdicts of the shipped VMMEM on the embedded installation. With no
// memory free on ABGSE501, EXTEND-VM-MEMORY *MAXIMUM has nothing to do
// (SC2=1, no MONJV), and the WAIT-EVENT on the MONJV fails: VMMEM reports
// a failed wait. When the reconfiguration outlasts the 300 s limit, VMMEM
// reports it but leaves it running with its MONJV at $R. Every refused
// VM2000 command reaches an error handler and the operator message; a
// refused END-VM-DIALOG leaves the dialog open, which no procedure can
// mend.
func TestVMMEMVerdicts(t *testing.T) {
	e := explorer(t, vmmem, nil, 1)
	if e.BaselineOutcome().Verdict != VerdictBaseline {
		t.Fatalf("baseline: %s %s", e.BaselineOutcome().Verdict, e.BaselineOutcome().Error)
	}
	want := []string{
		"short-ABGSE501 reported CMD0001",
		"slow-reconfiguration reported CMD0001 !reconfiguration-running !monjv-final",
	}
	want = append(want, refused(
		"BEGIN-VM-DIALOG#1 reported CMD0001",
		"SHOW-VM-ATTRIBUTES#1 reported CMD0001",
		"SHOW-VM-ATTRIBUTES#2 reported CMD0001",
		"REDUCE-VM-MEMORY#1 reported CMD0001",
		"EXTEND-VM-MEMORY#1 reported CMD0001",
		"END-VM-DIALOG#1 coped CMD0001 !dialog-closed")...)
	if got := verdicts(run(t, e)); !slices.Equal(got, want) {
		t.Errorf("verdicts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := len(e.Baseline.Touches); got != 2 {
		t.Errorf("touched %d operations, want the two reconfigurations", got)
	}
	if got := len(e.Baseline.Waits); got != 2 {
		t.Errorf("recorded %d waits, want 2", got)
	}
}

// The verdicts of the shipped live migration: every abort and rejection,
// and a target unit that has failed, ends in its EXIT-PROCEDURE ERROR; a migration slower than the 900 s
// limit is reported as failed while it goes on. A refused BEGIN-VM-DIALOG
// or CHECK-VM-MIGRATION is reported too: explore found them unhandled
// (no IF-CMD-ERROR followed them, the latter left the dialog open), and
// migrate.proc now handles both. A refused END-VM-DIALOG leaves the dialog
// open, which nothing in a procedure can mend.
func TestMigrateVerdicts(t *testing.T) {
	e := explorer(t, migrate, migrateParams, 1)
	var want []string
	for _, phase := range []string{"setup", "transfer", "switch"} {
		for _, r := range []string{"VMS2454", "VMS4504", "VMS2437"} {
			want = append(want, "abort-VM12PROD-"+phase+"-"+r+" reported SDP0018")
		}
	}
	want = append(want,
		"short-ABGSE701 reported SDP0018",
		"taken-ABGSE701-CS reported SDP0018", // devices in VM2000's order: two-character names first
		"taken-ABGSE701-4683 reported SDP0018",
		"failed-ABGSE701 reported SDP0018", // the target has failed: CHECK-VM-MIGRATION says VMS2400
		"slow-migration reported SDP0018 !vm-migrating !monjv-final",
	)
	want = append(want, refused(
		"BEGIN-VM-DIALOG#1 reported SDP0018",
		"CHECK-VM-MIGRATION#1 reported SDP0018",
		"MIGRATE-VM#1 reported SDP0018",
		"END-VM-DIALOG#1 coped CMD0001 !dialog-closed")...)
	out := run(t, e)
	if got := verdicts(out); !slices.Equal(got, want) {
		t.Errorf("verdicts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	rep := e.NewReport(out)
	if !rep.Failed() {
		t.Error("a scenario violates an invariant, yet the report does not fail")
	}
	if len(rep.Untested) != 0 || len(rep.Reached) != 5 {
		t.Errorf("handlers reached %q, untested %q; want all five reached", rep.Reached, rep.Untested)
	}
}

// A procedure that ends with an unhandled error and keeps its dialog
// open: explore says so.
func TestUnhandledAndDialogOpen(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.proc")
	src := "/BEGIN-VM-DIALOG VM-ID=1\n/MIGRATE-VM VM-ID=NOSUCHVM,SERVER-UNIT-NAME=ABGSE701\n/END-VM-DIALOG\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	e := explorer(t, p, nil, 1)
	b := e.BaselineOutcome()
	if b.Verdict != VerdictUnhandled || len(b.Violations) != 1 || b.Violations[0].Invariant != "dialog-closed" {
		t.Errorf("baseline %s %v, want unhandled with the dialog open", b.Verdict, b.Violations)
	}
	// the position names the file as it was given, not by its base name
	if !strings.HasPrefix(b.Error, p+":2:2: ") {
		t.Errorf("baseline error %q, want it at %s:2:2", b.Error, p)
	}
	if !e.NewReport(nil).Failed() {
		t.Error("report does not fail")
	}
}

// The scenario list depends only on the baseline: the same ids in the
// same order every time, and depth 2 adds every compatible pair.
func TestScenariosStable(t *testing.T) {
	one := explorer(t, migrate, migrateParams, 1).Scenarios()
	again := explorer(t, migrate, migrateParams, 1).Scenarios()
	if !reflect.DeepEqual(ids(one), ids(again)) {
		t.Fatalf("ids differ:\n%v\n%v", ids(one), ids(again))
	}
	two := explorer(t, migrate, migrateParams, 2).Scenarios()
	pairs := 0
	for i, f := range one {
		for _, g := range one[i+1:] {
			if f.Faults[0].Kind != g.Faults[0].Kind || f.Faults[0].subject != g.Faults[0].subject {
				pairs++
			}
		}
	}
	if len(two) != len(one)+pairs {
		t.Errorf("depth 2 has %d scenarios, want %d singles and %d pairs", len(two), len(one), pairs)
	}
	if !slices.Contains(ids(two), "abort-VM12PROD-setup-VMS2454+short-ABGSE701") {
		t.Errorf("pair missing: %v", ids(two)[len(one):][:3])
	}
	if slices.Contains(ids(two), "abort-VM12PROD-setup-VMS2454+abort-VM12PROD-transfer-VMS2454") {
		t.Error("two aborts of one migration paired")
	}
}

func ids(list []Scenario) []string {
	var out []string
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

// The shards of a CI matrix together hold every scenario once.
func TestShard(t *testing.T) {
	list := explorer(t, migrate, migrateParams, 2).Scenarios()
	var all []string
	for i := 1; i <= 3; i++ {
		all = append(all, ids(Shard(list, i, 3))...)
	}
	slices.Sort(all)
	want := ids(list)
	slices.Sort(want)
	if !slices.Equal(all, want) {
		t.Errorf("shards hold %d scenarios, want %d", len(all), len(want))
	}
}

// Runs are deterministic and isolated: two explorations in parallel
// give the same outcomes.
func TestDeterministic(t *testing.T) {
	e := explorer(t, migrate, migrateParams, 1)
	a, b := run(t, e), run(t, e)
	for i := range a {
		if a[i].Verdict != b[i].Verdict || !same(a[i].out, b[i].out) || !reflect.DeepEqual(a[i].Violations, b[i].Violations) {
			t.Errorf("%s differs between runs", a[i].Scenario.ID)
		}
	}
}

// A procedure-specific invariant from a file: VM12PROD must end on the
// target.
func TestInvariantsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "inv")
	if err := os.WriteFile(path, []byte("# where the VM must be\nplaced: VM12PROD su = ABGSE701\nbig: VM12PROD memory >= 1024\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	more, err := ParseInvariants(path)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(context.Background(), Options{Proc: migrate, Params: migrateParams, Depth: 1,
		Invariants: append(slices.Clone(Invariants), more...)})
	if err != nil {
		t.Fatal(err)
	}
	if v := e.BaselineOutcome().Violations; len(v) != 0 {
		t.Errorf("baseline violates %v", v)
	}
	s, _ := Find(e.Scenarios(), "abort-VM12PROD-transfer-VMS2454")
	out, err := e.Run(context.Background(), []Scenario{s})
	if err != nil {
		t.Fatal(err)
	}
	if v := out[0].Violations; len(v) != 1 || v[0].Invariant != "placed" || !strings.Contains(v[0].Detail, "ABGSE501") {
		t.Errorf("violations %v, want placed (VM12PROD on ABGSE501)", v)
	}
	for _, bad := range []string{"x: VM12PROD colour = RED", "x: VM12PROD state < RUNNING", "no colon", "m: VM12PROD memory > abc"} {
		if _, err := parseInvariant(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	// a VM the run never had is not one that "no longer exists"
	inv, err := parseInvariant("z: NOVM state = RUNNING")
	if err != nil {
		t.Fatal(err)
	}
	end := &EndState{Start: []vm2000.VMView{{Name: "VM12PROD"}}, End: []vm2000.VMView{{Name: "VM12PROD"}}}
	if got := inv.check(end); len(got) != 1 || !strings.Contains(got[0], "NOVM is no VM of the run") {
		t.Errorf("NOVM: %q", got)
	}
	if got := inv.check(&EndState{Start: []vm2000.VMView{{Name: "NOVM"}}}); len(got) != 1 || got[0] != "NOVM no longer exists" {
		t.Errorf("NOVM removed: %q", got)
	}
}

// --golden writes cases that sdfp test passes, with the fault in the
// installation and the state section filled.
func TestWriteGolden(t *testing.T) {
	e := explorer(t, migrate, migrateParams, 1)
	s, _ := Find(e.Scenarios(), "taken-ABGSE701-4683")
	dir := t.TempDir()
	paths, err := e.WriteGolden(context.Background(), dir, []Scenario{s})
	if err != nil {
		t.Fatal(err)
	}
	c, err := golden.Load(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	inst, _ := c.Section("installation.yaml")
	if !strings.Contains(inst, "device-taken") {
		t.Errorf("installation lacks the fault:\n%s", inst)
	}
	if st, _ := c.Section("state"); !strings.Contains(st, "VM12PROD") {
		t.Errorf("state section not filled: %q", st)
	}
	out, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if d := c.Diff(out); len(d) > 0 {
		t.Errorf("written case fails:\n%s", strings.Join(d, "\n"))
	}
}

// The HTML report: one grid row per scenario with its verdict marked, the
// handlers reached and untested, and a timeline SVG that is well-formed
// and draws the VM's memory, the migration, the wait and the console.
func TestHTML(t *testing.T) {
	e := explorer(t, migrate, migrateParams, 1)
	out := run(t, e)
	rep := e.NewReport(out)
	shown, err := e.Rerun(context.Background(), out[0].Scenario, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := RenderHTML(&b, rep, shown); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if n := strings.Count(page, "<tr data-scenario="); n != len(out)+1 {
		t.Errorf("%d grid rows, want %d", n, len(out)+1)
	}
	if !regexp.MustCompile(`data-scenario="abort-VM12PROD-setup-VMS2454">.*<td class="v reported">&#x25cf;</td>`).MatchString(page) {
		t.Error("the reported verdict is not marked in its row")
	}
	if strings.Count(page, `<li class="reached">`) != 5 || !strings.Contains(page, "5 of 5 error handlers") {
		t.Error("error-path coverage: want 5 of 5 reached")
	}
	if strings.Contains(page, "http://") && !strings.Contains(page, `xmlns="http://www.w3.org/2000/svg"`) || strings.Contains(page, "<script") || strings.Contains(page, "<link") {
		t.Error("the page is not self-contained")
	}
	i, j := strings.Index(page, "<svg"), strings.Index(page, "</svg>")
	if i < 0 || j < i {
		t.Fatal("no timeline svg")
	}
	svg := page[i : j+len("</svg>")]
	d := xml.NewDecoder(strings.NewReader(svg))
	classes := map[string]int{}
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("svg is not well-formed: %v", err)
			}
			break
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == "class" {
					classes[a.Value]++
				}
			}
		}
	}
	for _, c := range []string{"vm", "memory", "state", "operation", "wait", "console"} {
		if classes[c] == 0 {
			t.Errorf("timeline has no %s element (has %v)", c, classes)
		}
	}
	if !strings.Contains(svg, `data-vm="VM12PROD"`) {
		t.Error("no lane for VM12PROD")
	}
}

// The JSON report decodes, with the touched operations and verdicts.
func TestJSON(t *testing.T) {
	e := explorer(t, vmmem, nil, 1)
	var b bytes.Buffer
	if err := e.NewReport(run(t, e)).JSON(&b); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Touched struct {
			Touches []vm2000.Touch `json:"touches"`
		} `json:"touched"`
		Scenarios []struct {
			Verdict string `json:"verdict"`
		} `json:"scenarios"`
		Untested []string `json:"handlers_untested"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Touched.Touches) != 2 || doc.Touched.Touches[1].VM != "VM03" || !doc.Touched.Touches[1].Extend {
		t.Errorf("touches %+v", doc.Touched.Touches)
	}
	if len(doc.Scenarios) != 2+6*len(refusals) || doc.Scenarios[0].Verdict != VerdictReported {
		t.Errorf("scenarios %+v", doc.Scenarios)
	}
	if len(doc.Untested) != 0 {
		t.Errorf("untested %v", doc.Untested)
	}
}

// A scenario run with its installation as a value gives what its golden
// case gives with the installation as YAML (the differential test of the
// shortcut Run takes).
func TestInstallationValueAsYAML(t *testing.T) {
	e := explorer(t, migrate, migrateParams, 1)
	list := e.Scenarios()
	out := run(t, e)
	for i, s := range list {
		if !s.Writable() {
			continue // a refusal has no installation form
		}
		c, err := e.Case(s)
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !same(got, out[i].out) {
			t.Errorf("%s: the YAML case differs:\n%s\n%s", s.ID, got["sysout"], out[i].out["sysout"])
		}
	}
}

// Each task's waits get a lane of their own in the timeline.
func TestTimelineWaitsPerTask(t *testing.T) {
	start := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	tl := &Timeline{Start: start, End: start.Add(time.Minute), Waits: []Wait{
		{Task: "0001", Pos: "main.proc:3", Start: start, End: start.Add(10 * time.Second), Seconds: 10},
		{Task: "0002", Pos: "watch.proc:5", Start: start, End: start.Add(time.Second), Seconds: 1},
		{Task: "0001", Pos: "main.proc:7", Start: start.Add(20 * time.Second), End: start.Add(30 * time.Second), Seconds: 10},
	}}
	svg := TimelineSVG(tl)
	if strings.Count(svg, ">waits TSN 0001<") != 1 || strings.Count(svg, ">waits TSN 0002<") != 1 || strings.Count(svg, `class="wait"`) != 3 {
		t.Errorf("lanes of waits:\n%s", svg)
	}
}

// The scenarios of an exploration parse the procedure once, on both
// cores at once, and end as scenarios that parse it themselves do:
// verdict, return code, handlers and every section of the transcript.
func TestScenariosShareOneParse(t *testing.T) {
	for _, c := range []struct {
		proc   string
		params []string
	}{{vmmem, nil}, {migrate, migrateParams}} {
		shared := explorer(t, c.proc, c.params, 1)
		shared.opts.Workers = 2
		got := run(t, shared)
		if n := shared.procs.Parses(); n != 1 {
			t.Errorf("%s: %d parses for %d scenarios and the baseline, want 1", c.proc, n, len(got))
		}
		own := explorer(t, c.proc, c.params, 1)
		own.procs = nil // each run parses the file
		want := run(t, own)
		if len(got) != len(want) || len(got) < 10 {
			t.Fatalf("%s: %d scenarios, without the cache %d", c.proc, len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Scenario.ID != w.Scenario.ID || g.Verdict != w.Verdict || g.Maincode != w.Maincode || g.Error != w.Error ||
				g.FirstDiff != w.FirstDiff || !slices.Equal(g.Handlers, w.Handlers) || !reflect.DeepEqual(g.out, w.out) {
				t.Errorf("%s %s: %s %s %q, parsing itself %s %s %q", c.proc, g.Scenario.ID, g.Verdict, g.Maincode, g.FirstDiff, w.Verdict, w.Maincode, w.FirstDiff)
			}
		}
	}
}

// nightly.proc enters MIGRATE, a file of the workdir: without --workdir
// the baseline fails (the job's procedure file is not found, and nightly
// ends with EXIT-PROCEDURE ERROR=*YES) and the text report says so; with procs/ as the workdir the batch job runs in every
// scenario, and its VM2000 calls bring their faults. The workdir is only
// read.
func TestWorkdirFilesReachEveryScenario(t *testing.T) {
	nightly := "../../../procs/nightly.proc"
	e := explorer(t, nightly, nil, 1)
	var text bytes.Buffer
	e.NewReport(run(t, e)).Text(&text)
	if b := e.BaselineOutcome(); b.Verdict == VerdictBaseline || !strings.Contains(text.String(), "the baseline (no fault) ended "+b.Verdict+": "+b.Error+"\n") {
		t.Errorf("without the workdir: baseline %s %q\n%s", b.Verdict, b.Error, text.String())
	}
	dir := t.TempDir()
	data, err := os.ReadFile("../../../procs/migrate.proc")
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string][]byte{"migrate.proc": data, ".sdfp/world/skipped": []byte("x")} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := os.ReadDir(dir)
	e, err = New(context.Background(), Options{Proc: nightly, Depth: 1, Workdir: dir})
	if err != nil {
		t.Fatal(err)
	}
	out := run(t, e)
	if b := e.BaselineOutcome(); b.Verdict != VerdictBaseline {
		t.Fatalf("with the workdir: baseline %s %q", b.Verdict, b.Error)
	}
	migrates := 0
	for _, o := range out {
		if strings.HasPrefix(o.Scenario.ID, "refuse-MIGRATE-VM") {
			migrates++
		}
	}
	if migrates == 0 {
		t.Errorf("no scenario refuses the batch job's MIGRATE-VM: %v", verdicts(out))
	}
	for _, f := range e.base.Archive.Files {
		if strings.Contains(f.Name, ".sdfp") {
			t.Errorf("bookkeeping file %s went into the scenarios", f.Name)
		}
	}
	for _, h := range e.Handlers {
		if !strings.HasPrefix(h, nightly+":") {
			t.Errorf("handler %q is not named by the path given", h)
		}
	}
	if after, _ := os.ReadDir(dir); len(after) != len(before) {
		t.Errorf("the workdir changed: %v, was %v", after, before)
	}
}

// The first difference names the run's line, or the baseline's line the
// run stopped before (it printed an empty line for that).
func TestFirstDifference(t *testing.T) {
	base := golden.Outcome{"sysout": "A\nB\nC\n", "console": "", "result": "rc (0,0,CMD0001)\n"}
	for _, c := range []struct {
		got  golden.Outcome
		want string
	}{
		{golden.Outcome{"sysout": "A\nB\n", "console": "", "result": "rc (0,0,CMD0001)\n"}, "sysout:3: (missing) C"},
		{golden.Outcome{"sysout": "A\nX\nC\n", "console": "", "result": "rc (0,0,CMD0001)\n"}, "sysout:2: X"},
		{golden.Outcome{"sysout": "A\nB\nC\nD\n", "console": "", "result": "rc (0,0,CMD0001)\n"}, "sysout:4: D"},
		{golden.Outcome{"sysout": "A\nB\nC\n", "console": "% VMS2450\n", "result": "rc (0,0,CMD0001)\n"}, "console:1: % VMS2450"},
		{golden.Outcome{"sysout": "", "console": "", "result": "rc (0,0,CMD0001)\n"}, "sysout:1: (missing) A"},
		{base, ""},
	} {
		if got := firstDifference(base, c.got); got != c.want {
			t.Errorf("%q: %q, want %q", c.got["sysout"], got, c.want)
		}
	}
}
