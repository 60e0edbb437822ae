package vm2000

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/console"
	"sdfp/hypervisor/bs2000/jv"
	"sdfp/hypervisor/clock"
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer"
	"sdfp/parser"
	"sdfp/parser/catalog"
)

// testTask is the task issuing commands in tests.
type testTask struct{ id, lang string }

func (t testTask) ID() string       { return t.id }
func (t testTask) Language() string { return t.lang }

var testStart = time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)

// rig is a model with its clock, JV store and console.
type rig struct {
	t    testing.TB
	m    *Model
	clk  *clock.Clock
	jvs  *jv.Store
	fs   afero.Fs // where the JVs are stored
	con  *console.Console
	p    *parser.Parser
	task testTask
}

// newRig builds a model from YAML text, or the default installation.
func newRig(t testing.TB, yamlText string) *rig {
	t.Helper()
	inst := DefaultInstallation()
	if yamlText != "" {
		var err error
		inst, err = LoadInstallation("test.yaml", []byte(yamlText))
		if err != nil {
			t.Fatal(err)
		}
	}
	return newRigFrom(t, inst)
}

func newRigFrom(t testing.TB, inst *Installation) *rig {
	t.Helper()
	return newRigAt(t, inst, testStart)
}

// newRigAt builds a model whose clock starts at start.
func newRigAt(t testing.TB, inst *Installation, start time.Time) *rig {
	t.Helper()
	return newRigOn(t, inst, start, afero.NewMemMapFs())
}

// newRigOn builds a model whose clock starts at start, with its job
// variables in fs.
func newRigOn(t testing.TB, inst *Installation, start time.Time, fs afero.Fs) *rig {
	t.Helper()
	clk := clock.New(start)
	jvs := jv.New(fs, clk.Now)
	con := console.New(clk.Now, msg.Default(), "E")
	if inst.ConsoleLanguage != "" {
		con.SetLanguage(inst.ConsoleLanguage)
	}
	m, err := New(inst, clk, jvs, con)
	if err != nil {
		t.Fatal(err)
	}
	return &rig{t: t, m: m, clk: clk, jvs: jvs, fs: fs, con: con, p: parser.New(catalog.Builtin()), task: testTask{"1A2B", "E"}}
}

// ran is a command's result with its output rendered in the task's
// language, as the interpreter prints it.
type ran struct {
	handler.Result
	Output []string
}

// run parses and executes a command as the rig's task.
func (r *rig) run(src string) ran {
	r.t.Helper()
	return r.runAs(src, r.task)
}

// runAs parses and executes a command as the given task.
func (r *rig) runAs(src string, task handler.Task) ran {
	r.t.Helper()
	cmd, errs := r.p.ParseCommand(lexer.NewUnit(src, lexer.Pos{Line: 1, Column: 1}))
	if len(errs) > 0 {
		r.t.Fatalf("%s: %v", src, errs)
	}
	res, ok := r.m.Handle(context.Background(), &handler.Request{Name: cmd.Name, Args: cmd.Args, Task: task})
	if !ok {
		r.t.Fatalf("%s: not handled", src)
	}
	if rt, ok := task.(handler.Receiver); ok {
		// a task with a SYSOUT: the command's output goes there first
		for _, l := range res.Output {
			rt.Receive(l)
		}
	}
	if res.After != nil {
		res.After() // as the interpreter does once the output is printed
	}
	out := make([]string, len(res.Output))
	for i, l := range res.Output {
		out[i] = msg.Default().Render(l, task.Language())
	}
	return ran{res, out}
}

// ok runs a command that must succeed without a warning.
func (r *rig) ok(src string) ran {
	r.t.Helper()
	res := r.run(src)
	if res.RC != handler.OK {
		r.t.Fatalf("%s: %v %q", src, res.RC, res.Output)
	}
	return res
}

// admin opens the VM2000 administrator dialog.
func (r *rig) admin() *rig {
	r.t.Helper()
	r.ok("BEGIN-VM-DIALOG VM-ID=1")
	return r
}

// drain runs every scheduled event.
func (r *rig) drain() {
	for i := 0; r.clk.Step(); i++ {
		if i > 1000000 {
			r.t.Fatal("events do not end")
		}
	}
}

// consoleSince returns the console lines from index from on as
// "SOURCE: text".
func (r *rig) consoleSince(from int) []string {
	var out []string
	for _, l := range r.con.Lines()[from:] {
		out = append(out, l.Source+": "+l.Text)
	}
	return out
}

// jvStatus returns the first three bytes of a JV.
func (r *rig) jvStatus(name string) string {
	r.t.Helper()
	v, err := r.jvs.Read(name, "")
	if err != nil {
		r.t.Fatal(err)
	}
	return v[:3]
}

func (r *rig) vm(su string, id string) *VM { return r.m.byName[su].lookupVM(id) }

// field returns a record field.
func field(t testing.TB, rec handler.Record, name string) any {
	t.Helper()
	v, ok := rec.Get(name)
	if !ok {
		t.Fatalf("record has no %s: %v", name, rec)
	}
	return v
}

// squeeze collapses runs of blanks, as the seed documents print SYSOUT.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }
