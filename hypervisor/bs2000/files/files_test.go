package files

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/lexer"
	"sdfp/parser"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

type testTask string

func (t testTask) ID() string       { return string(t) }
func (t testTask) Language() string { return "E" }

var start = time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)

type rig struct {
	t   *testing.T
	fs  afero.Fs
	f   *Files
	now time.Time
	p   *parser.Parser
}

func newRig(t *testing.T) *rig {
	r := &rig{t: t, fs: afero.NewMemMapFs(), now: start, p: parser.New(catalog.Builtin())}
	r.f = New(r.fs, func() time.Time { return r.now }, "SDFP", "SDFPUSER")
	return r
}

// run executes a command as task 0001 and returns its result with the
// output rendered.
func (r *rig) run(src string) (handler.Result, []string) {
	r.t.Helper()
	return r.runAs("0001", src)
}

func (r *rig) runAs(task, src string) (handler.Result, []string) {
	r.t.Helper()
	cmd, errs := r.p.ParseCommand(lexer.NewUnit(src, lexer.Pos{Line: 1, Column: 1}))
	if len(errs) > 0 {
		r.t.Fatalf("%s: %v", src, errs)
	}
	res, ok := r.f.Handle(context.Background(), &handler.Request{Name: cmd.Name, Args: cmd.Args, Task: testTask(task)})
	if !ok {
		r.t.Fatalf("%s: not handled", src)
	}
	out := make([]string, len(res.Output))
	for i, l := range res.Output {
		out[i] = msg.Default().Render(l, "E")
	}
	return res, out
}

func (r *rig) want(src, main string) []string {
	r.t.Helper()
	res, out := r.run(src)
	if res.RC.Main != main {
		r.t.Fatalf("%s: %v %q, want %s", src, res.RC, out, main)
	}
	return out
}

func (r *rig) files() []string {
	infos, _ := afero.ReadDir(r.fs, ".")
	var names []string
	for _, fi := range infos {
		if !strings.HasPrefix(fi.Name(), ".") {
			names = append(names, fi.Name())
		}
	}
	return names
}

func TestCreateCopyRenameDelete(t *testing.T) {
	r := newRig(t)
	r.want("CREATE-FILE FILE-NAME=JOB.A", "CMD0001")
	r.want("CREATE-FILE FILE-NAME=JOB.A", "DMS04C6")
	afero.WriteFile(r.fs, "JOB.A", make([]byte, 5000), 0o644)
	r.want("COPY-FILE FROM-FILE=JOB.A,TO-FILE=:SDFP:$SDFPUSER.JOB.B", "CMD0001")
	r.want("COPY-FILE FROM-FILE=JOB.A,TO-FILE=JOB.B", "DMS04C6")
	r.want("COPY-FILE FROM-FILE=JOB.A,TO-FILE=JOB.B,REPLACE=*YES", "CMD0001")
	r.want("COPY-FILE FROM-FILE=NO.FILE,TO-FILE=JOB.C", "DMS0533")
	if b, _ := afero.ReadFile(r.fs, "JOB.B"); len(b) != 5000 {
		t.Errorf("the copy holds %d bytes", len(b))
	}
	r.want("MODIFY-FILE-ATTRIBUTES FILE-NAME=JOB.B,NEW-NAME=JOB.C", "CMD0001")
	r.want("MODIFY-FILE-ATTRIBUTES FILE-NAME=JOB.B,NEW-NAME=JOB.D", "DMS0533")
	r.want("MODIFY-FILE-ATTRIBUTES FILE-NAME=JOB.C,NEW-NAME=JOB.A", "DMS04C6")
	if got := r.files(); !slices.Equal(got, []string{"JOB.A", "JOB.C"}) {
		t.Errorf("files %v", got)
	}
	out := r.want("SHOW-FILE-ATTRIBUTES FILE-NAME=JOB.", "CMD0001")
	want := []string{"%0000000003 :SDFP:$SDFPUSER.JOB.A", "%0000000003 :SDFP:$SDFPUSER.JOB.C", "%:SDFP: PUBLIC: 2 FILES RES= 6 FRE= 0 REL= 0 PAGES"}
	if !slices.Equal(out, want) {
		t.Errorf("SHOW-FILE-ATTRIBUTES:\n%s\nwant\n%s", strings.Join(out, "\n"), strings.Join(want, "\n"))
	}
	out = r.want("DELETE-FILE FILE-NAME=JOB.,OUTPUT=*SYSOUT", "CMD0001")
	if len(out) != 2 || len(r.files()) != 0 {
		t.Errorf("DELETE-FILE JOB. printed %q and left %v", out, r.files())
	}
	r.want("DELETE-FILE FILE-NAME=JOB.A", "DMS0533")
	r.want("DELETE-FILE FILE-NAME=JOB.A,SUPPRESS-ERRORS=*FILE-NOT-EXISTING", "CMD0001")
	r.want("DELETE-FILE FILE-NAME=JOB*", "DMS0533")
	r.want("DELETE-FILE FILE-NAME=JOB*,SUPPRESS-ERRORS=*EMPTY-FILE-SET", "CMD0001")
}

// Another user ID's files, and another catalog's, are not cataloged in
// the run's world; nothing of the workdir is touched for them.
func TestForeignNamesAreNotCataloged(t *testing.T) {
	r := newRig(t)
	afero.WriteFile(r.fs, "X", []byte("x"), 0o644)
	if out := r.want("DELETE-FILE FILE-NAME=$OTHER.X", "DMS0533"); len(out) != 1 || !strings.Contains(out[0], "':SDFP:$OTHER.X'") {
		t.Errorf("DMS0533 says %q", out)
	}
	r.want("DELETE-FILE FILE-NAME=:CAT2:X", "DMS0533")
	if out := r.want("SHOW-FILE-ATTRIBUTES FILE-NAME=$OTHER.X*", "DMS0533"); len(out) != 1 || !strings.Contains(out[0], "':SDFP:$OTHER.X*'") {
		t.Errorf("DMS0533 says %q", out)
	}
	r.want("DELETE-FILE FILE-NAME=:SDFP:$SDFPUSER.X", "CMD0001")
}

// sdfp's own hidden files and directories are no BS2000 files: a
// wildcard never selects them.
func TestWildcardsSkipHiddenFilesAndDirectories(t *testing.T) {
	r := newRig(t)
	afero.WriteFile(r.fs, ".X.sdfp-spare", []byte("x"), 0o644)
	afero.WriteFile(r.fs, "JV/JV.A", []byte("x"), 0o644)
	afero.WriteFile(r.fs, "lst.vmmem", []byte("x"), 0o644)
	afero.WriteFile(r.fs, "has space", []byte("x"), 0o644)
	out := r.want("DELETE-FILE FILE-NAME=*,OUTPUT=*SYSOUT", "CMD0001")
	if !slices.Equal(out, []string{":SDFP:$SDFPUSER.LST.VMMEM"}) {
		t.Errorf("deleted %q", out)
	}
	if ok, _ := afero.Exists(r.fs, ".X.sdfp-spare"); !ok {
		t.Error("a hidden file was deleted")
	}
	if ok, _ := afero.Exists(r.fs, "JV/JV.A"); !ok {
		t.Error("a JV was deleted")
	}
}

// The creation date is virtual time, kept in the attribute catalog, so
// a later run (a new executor on the same workdir) still knows it, and a
// damaged catalog is not used.
func TestCreationDateIsVirtualAndKept(t *testing.T) {
	r := newRig(t)
	r.now = start.Add(90 * time.Minute)
	r.want("CREATE-FILE FILE-NAME=A", "CMD0001")
	later := New(r.fs, time.Now, "SDFP", "SDFPUSER")
	res, ok := later.Handle(context.Background(), parse(t, r.p, "SHOW-FILE-ATTRIBUTES A,INFORMATION=*ALL-ATTRIBUTES"))
	if !ok || res.RC != handler.OK {
		t.Fatalf("%v", res.RC)
	}
	if v, _ := res.Records[0].Get("CRE-TIME"); v != "09:30:00" {
		t.Errorf("CRE-TIME %v", v)
	}
	afero.WriteFile(r.fs, CatalogFile, []byte("A 2026-01-01T09:30:00Z\nnot a line\n"), 0o644)
	damaged := New(r.fs, time.Now, "SDFP", "SDFPUSER")
	res, _ = damaged.Handle(context.Background(), parse(t, r.p, "SHOW-FILE-ATTRIBUTES A,INFORMATION=*ALL-ATTRIBUTES"))
	if v, _ := res.Records[0].Get("CRE-DATE"); v != "*NONE" {
		t.Errorf("a damaged catalog gave CRE-DATE %v", v)
	}
}

func parse(t *testing.T, p *parser.Parser, src string) *handler.Request {
	cmd, errs := p.ParseCommand(lexer.NewUnit(src, lexer.Pos{Line: 1, Column: 1}))
	if len(errs) > 0 {
		t.Fatalf("%s: %v", src, errs)
	}
	return &handler.Request{Name: cmd.Name, Args: cmd.Args, Task: testTask("0001")}
}

// Link names are the task's own.
func TestLinksArePerTask(t *testing.T) {
	r := newRig(t)
	r.want("ADD-FILE-LINK LINK-NAME=INPUT,FILE-NAME=DATA.IN", "CMD0001")
	if f, ok := r.f.Link("0001", "input"); !ok || f != ":SDFP:$SDFPUSER.DATA.IN" {
		t.Errorf("Link = %q, %v", f, ok)
	}
	if _, ok := r.f.Link("0002", "INPUT"); ok {
		t.Error("another task sees the link")
	}
	if res, _ := r.runAs("0002", "REMOVE-FILE-LINK INPUT"); res.RC != (handler.ReturnCode{SC2: 2, Main: "DMS0662"}) || res.SpinOff {
		t.Errorf("removing another task's link: %v", res.RC)
	}
	r.want("REMOVE-FILE-LINK INPUT", "CMD0001")
	if _, ok := r.f.Link("0001", "INPUT"); ok {
		t.Error("the link is still there")
	}
	r.want("REMOVE-FILE-LINK INPUT", "DMS0662")
	r.want("REMOVE-FILE-LINK INPUT,SUPPRESS-ERRORS=*LINK-NAME-NOT-FOUND", "CMD0001")
	r.want("REMOVE-FILE-LINK", "DMS0662") // *FIRST-BLANK: sdfp makes no blank link name
}

// SHOW-FILE-LINK lists link names sorted, selected by a wildcard or by
// the file they name; REMOVE-FILE-LINK takes a wildcard too.
func TestLinkWildcards(t *testing.T) {
	r := newRig(t)
	r.want("ADD-FILE-LINK LINK-NAME=OUT2,FILE-NAME=B", "CMD0001")
	r.want("ADD-FILE-LINK LINK-NAME=OUT1,FILE-NAME=A", "CMD0001")
	r.want("ADD-FILE-LINK LINK-NAME=IN,FILE-NAME=A", "CMD0001")
	out := r.want("SHOW-FILE-LINK", "CMD0001")
	if len(out) != 3 || !strings.Contains(out[0], "IN ") || !strings.Contains(out[2], "OUT2") {
		t.Errorf("SHOW-FILE-LINK:\n%s", strings.Join(out, "\n"))
	}
	if out := r.want("SHOW-FILE-LINK LINK-NAME=OUT*", "CMD0001"); len(out) != 2 {
		t.Errorf("OUT*: %q", out)
	}
	if out := r.want("SHOW-FILE-LINK FILE-NAME=A", "CMD0001"); len(out) != 2 {
		t.Errorf("FILE-NAME=A: %q", out)
	}
	r.want("SHOW-FILE-LINK LINK-NAME=NONE", "DMS0662")
	r.want("REMOVE-FILE-LINK LINK-NAME=OUT*", "CMD0001")
	if out := r.want("SHOW-FILE-LINK", "CMD0001"); len(out) != 1 {
		t.Errorf("after removing OUT*: %q", out)
	}
}

// A site command of an installation file takes a file command's place.
func TestWithoutLeavesCommandsToTheSite(t *testing.T) {
	f := New(afero.NewMemMapFs(), time.Now, "SDFP", "U").Without([]string{"SHOW-FILE-ATTRIBUTES"})
	if slices.Contains(f.Commands(), "SHOW-FILE-ATTRIBUTES") {
		t.Error("SHOW-FILE-ATTRIBUTES still served")
	}
	if _, ok := f.Handle(context.Background(), &handler.Request{Name: "SHOW-FILE-ATTRIBUTES"}); ok {
		t.Error("SHOW-FILE-ATTRIBUTES handled")
	}
}

func TestExists(t *testing.T) {
	r := newRig(t)
	afero.WriteFile(r.fs, "migrate.proc", nil, 0o644)
	for name, want := range map[string]bool{"MIGRATE": true, "$SDFPUSER.MIGRATE": true, "$OTHER.MIGRATE": false, "NONE": false, "M*": false} {
		if got := r.f.Exists(name); got != want {
			t.Errorf("Exists(%q) = %v", name, got)
		}
	}
}

// Every command copes with missing operands without panicking: a request
// built by hand (no operands) and one the binder built from the name
// alone (mandatory operands empty). The second also proves that every
// operand an executor unpacks is declared: ast.Args.Unpack panics on any
// other.
func TestBareRequests(t *testing.T) {
	r := newRig(t)
	for name := range commands {
		bound, _ := r.p.ParseCommand(lexer.NewUnit(name, lexer.Pos{Line: 1, Column: 1}))
		if bound == nil || bound.Args == nil {
			t.Fatalf("%s: the binder gives no operands", name)
		}
		for _, args := range []*ast.Args{nil, bound.Args} {
			res, ok := r.f.Handle(context.Background(), &handler.Request{Name: name, Args: args})
			if !ok || res.RC.Main == "" {
				t.Errorf("%s: %v %v", name, ok, res.RC)
			}
		}
	}
}

// A file a listing shows can be named: a host file of any spelling whose
// capitals are the name (Data.B is DATA.B); a symbolic link is no file,
// neither in a listing nor by name. SHOW-FILE-ATTRIBUTES * listed Data.B
// and DELETE-FILE * deleted it, while SHOW-FILE-ATTRIBUTES DATA.B and
// COPY-FILE said DMS0533; COPY-FILE read through a link a listing skipped.
func TestNamesAsListingsShowThem(t *testing.T) {
	dir := t.TempDir()
	r := newRig(t)
	r.fs = afero.NewBasePathFs(afero.NewOsFs(), dir)
	r.f = New(r.fs, func() time.Time { return r.now }, "SDFP", "SDFPUSER")
	afero.WriteFile(r.fs, "Data.B", []byte("b"), 0o644)
	afero.WriteFile(r.fs, "TARGET", []byte("t"), 0o644)
	if err := os.Symlink("TARGET", filepath.Join(dir, "DATA.L")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	out := r.want("SHOW-FILE-ATTRIBUTES FILE-NAME=*", "CMD0001")
	if all := strings.Join(out, "\n"); !strings.Contains(all, "DATA.B") || strings.Contains(all, "DATA.L") {
		t.Errorf("listing:\n%s", all)
	}
	r.want("SHOW-FILE-ATTRIBUTES FILE-NAME=DATA.B", "CMD0001")
	r.want("COPY-FILE FROM-FILE=DATA.B,TO-FILE=DATA.C", "CMD0001")
	r.want("SHOW-FILE-ATTRIBUTES FILE-NAME=DATA.L", "DMS0533")
	r.want("COPY-FILE FROM-FILE=DATA.L,TO-FILE=DATA.M", "DMS0533")
	r.want("MODIFY-FILE-ATTRIBUTES FILE-NAME=DATA.B,NEW-NAME=DATA.D", "CMD0001")
	if b, err := afero.ReadFile(r.fs, "DATA.D"); err != nil || string(b) != "b" {
		t.Errorf("DATA.D: %q %v", b, err)
	}
}
