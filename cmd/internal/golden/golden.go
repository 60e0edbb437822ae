// Package golden runs golden test cases: one txtar archive per case with
// the procedure (and any procedures it calls or input it reads) and the
// expected results side by side. The same cases run under `go test` and
// `sdfp test`.
//
// Sections of a case:
//
//	*.proc          procedure files; the first one (or main.proc) is run
//	proc-file       instead of a .proc section: the path (relative to the
//	                case file) of a procedure to run, e.g. ../../procs/vmmem.proc
//	installation-file  the path of an installation file, relative likewise
//	args            procedure parameters, one NAME=VALUE (or VALUE) per line
//	stdin           what READ-VARIABLE reads
//	sysout          expected SYSOUT
//	result          expected end of the run (return code or error)
//	syslst:NAME     expected contents of file NAME written by the run
//	written:NAME    expected contents of any workdir file after the run
//	console         expected operator console (virtual time, source, text)
//	jv:NAME         expected value of job variable NAME after the run
//	state           expected VM2000 state after the run, in the
//	                installation format (StateText)
//	installation.yaml  the VM2000 installation (default: the embedded one)
//	su              the server unit whose monitor system runs the procedure
//	lang            message language of the run (E or D)
//	events          writes to job variables by another job, in virtual
//	                time: one "+SECONDS JV-NAME VALUE" per line; or a user
//	                switch set by another job of the user:
//	                "+SECONDS *USER-SWITCH#N ON" (or OFF)
//	user            the user ID the procedure runs under (default SDFPUSER)
//	start           virtual start time of the run (RFC 3339, default
//	                interp.DefaultStart), e.g. a manual example's date
//	file:PATH       a file of the workdir before the run, e.g. a library
//	                element (file:proclib/J/START); directories are made
//	tasks           further procedures running beside the main one, one
//	                "FILE[@SU] [VALUE ...] [NAME=VALUE ...]" a line
//	                (tasks.go); their SYSOUT and end are expected in
//	                sysout:FILE and result:FILE
//	continue        a procedure run after the case's run in the world it
//	                left, as `sdfp run --continue` runs it: "FILE [VALUE
//	                ...] [NAME=VALUE ...]" (continue.go); its SYSOUT, end
//	                and console are expected in sysout:continue,
//	                result:continue and console:continue
//
// Expected sections are compared byte for byte; sysout and result are
// always expected, and the console whenever the run wrote to it, so a
// case that lacks one of them while its run gives it fails with "section
// X missing". A difference is shown as a unified diff (Mismatch.Render).
// Update rewrites the expected sections from a run; it is only called
// with an explicit flag. Filter and Shard select cases by name.
package golden

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/spf13/afero"

	"sdfp/cmd/internal/session"
	"sdfp/hypervisor/bs2000/world"
	"sdfp/hypervisor/msg"
	"sdfp/hypervisor/vm2000"
	"sdfp/interp"
)

// Case is one golden test case.
type Case struct {
	Path string
	// Name is what -run matches: the path relative to the directory
	// Glob searched, in slash form and without .txtar (jobenv/wait-jv);
	// for a file loaded by itself, its base name without .txtar.
	Name    string
	Archive *txtar.Archive
}

// Load reads a case file.
func Load(path string) (*Case, error) {
	a, err := txtar.ParseFile(path)
	if err != nil {
		return nil, err
	}
	return &Case{Path: path, Name: strings.TrimSuffix(filepath.Base(path), ".txtar"), Archive: a}, nil
}

// Glob loads every *.txtar case below dir, sorted by path.
func Glob(dir string) ([]*Case, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txtar") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	cases := make([]*Case, 0, len(paths))
	for _, p := range paths {
		c, err := Load(p)
		if err != nil {
			return nil, err
		}
		if rel, err := filepath.Rel(dir, p); err == nil {
			c.Name = strings.TrimSuffix(filepath.ToSlash(rel), ".txtar")
		}
		cases = append(cases, c)
	}
	return cases, nil
}

func (c *Case) section(name string) (string, bool) {
	for _, f := range c.Archive.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

// fileSection reads the file a section names, relative to the case file.
func (c *Case) fileSection(name string) ([]byte, string, bool, error) {
	ref, ok := c.section(name)
	if !ok {
		return nil, "", false, nil
	}
	path := filepath.Join(filepath.Dir(c.Path), strings.TrimSpace(ref))
	data, err := os.ReadFile(path)
	return data, path, true, err
}

// procFile is a real procedure file a proc-file section names.
type procFile struct {
	path string
	data []byte
}

// procFiles reads the files of the proc-file section, one path a line
// (relative to the case file): the first is the procedure the case runs,
// the others go into the workdir beside it, for the procedures it calls
// or enters as batch jobs (procs/nightly.proc enters procs/migrate.proc).
func (c *Case) procFiles() ([]procFile, bool, error) {
	ref, ok := c.section("proc-file")
	if !ok {
		return nil, false, nil
	}
	var out []procFile
	for _, line := range strings.Split(ref, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		path := filepath.Join(filepath.Dir(c.Path), line)
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, true, err
		}
		out = append(out, procFile{path, data})
	}
	if len(out) == 0 {
		return nil, true, fmt.Errorf("no file named")
	}
	return out, true, nil
}

// mainProc is the procedure a case runs.
func (c *Case) mainProc() string {
	first := ""
	for _, f := range c.Archive.Files {
		if procSection(f.Name) {
			if f.Name == "main.proc" {
				return f.Name
			}
			if first == "" {
				first = f.Name
			}
		}
	}
	return first
}

// Outcome is what a run produced, by section name.
type Outcome map[string]string

// Options adjust how a case runs.
type Options struct {
	// Trace is called for every executed command (coverage, traces).
	Trace func(interp.TraceEvent)
	// Setup, when set, is called with the new session before the run;
	// it attaches handlers such as the embedded VM2000 from the case's
	// sections (see Case.Section).
	Setup func(c *Case, s *session.Session) error
	// Done, when set, is called with the session and the run's result
	// after the run, before the outcome is collected (sdfp explore reads
	// the end state through it).
	Done func(s *session.Session, res interp.Result)
	// Installation, when set, is the installation the case runs against
	// instead of its installation sections (sdfp explore builds each
	// scenario's in memory; parsing its YAML would cost most of a run).
	// The session only reads it.
	Installation *vm2000.Installation
	// Reference runs the case on the interpreter's reference paths
	// (session.Options.Reference), for the differential test of the fast
	// ones.
	Reference bool
	// Procedures, when set, keeps the parsed procedures for the next
	// case run with it (session.Options.Procedures): sdfp explore runs
	// one case once per scenario.
	Procedures *interp.ProcedureCache
	// Dry runs the case on a dry run's file system over its files
	// (world.DryFS, as sdfp run --dry-run has), for the test that a dry
	// run does what the run does.
	Dry bool
}

// Installation loads the case's installation (its installation.yaml
// section or installation-file), or returns nil for the embedded one.
func (c *Case) Installation() (*vm2000.Installation, error) {
	var inst *vm2000.Installation
	if data, ok := c.section("installation.yaml"); ok {
		var err error
		if inst, err = vm2000.LoadInstallation(c.Path+"#installation.yaml", []byte(data)); err != nil {
			return nil, err
		}
	}
	if data, path, ok, err := c.fileSection("installation-file"); ok {
		if err != nil {
			return nil, fmt.Errorf("%s: installation-file: %v", c.Path, err)
		}
		if inst, err = vm2000.LoadInstallation(path, data); err != nil {
			return nil, err
		}
	}
	return inst, nil
}

// Section returns the text of a section of the case.
func (c *Case) Section(name string) (string, bool) { return c.section(name) }

// Run runs a case in isolation: its own in-memory file system, output
// buffers and fixed clock.
func (c *Case) Run(ctx context.Context) (Outcome, error) { return c.RunWith(ctx, Options{}) }

// RunWith runs a case with options.
func (c *Case) RunWith(ctx context.Context, opts Options) (Outcome, error) {
	var fs afero.Fs = afero.NewMemMapFs()
	proc := c.mainProc()
	if files, ok, err := c.procFiles(); ok {
		if err != nil {
			return nil, fmt.Errorf("%s: proc-file: %v", c.Path, err)
		}
		proc = filepath.Base(files[0].path)
		for _, f := range files {
			if err := afero.WriteFile(fs, filepath.Base(f.path), f.data, 0o644); err != nil {
				return nil, err
			}
		}
	}
	if proc == "" {
		return nil, fmt.Errorf("%s: no .proc or proc-file section", c.Path)
	}
	for _, f := range c.Archive.Files {
		name, isFile := strings.CutPrefix(f.Name, "file:")
		if procSection(f.Name) || isFile {
			if !isFile {
				name = f.Name
			}
			if err := afero.WriteFile(fs, name, f.Data, 0o644); err != nil {
				return nil, err
			}
		}
	}
	if opts.Dry {
		fs = world.NewDryFS(fs)
	}
	sysout := &lintingSysout{}
	stdin, _ := c.section("stdin")
	args, _ := c.section("args")
	lang, _ := c.section("lang")
	inst, err := opts.Installation, error(nil)
	if inst == nil {
		if inst, err = c.Installation(); err != nil {
			return nil, err
		}
	}
	su, _ := c.section("su")
	user, _ := c.section("user")
	var start time.Time
	if text, ok := c.section("start"); ok {
		if start, err = time.Parse(time.RFC3339, strings.TrimSpace(text)); err != nil {
			return nil, fmt.Errorf("%s: start: %v", c.Path, err)
		}
	}
	opts0 := session.Options{
		Start:        start,
		User:         strings.ToUpper(strings.TrimSpace(user)),
		FS:           fs,
		Lang:         strings.TrimSpace(lang),
		Stdout:       sysout,
		Stdin:        strings.NewReader(stdin),
		MaxSteps:     1_000_000,
		Trace:        opts.Trace,
		Installation: inst,
		LocalSU:      strings.TrimSpace(su),
		Reference:    opts.Reference,
		Procedures:   opts.Procedures,
	}
	s, err := session.New(opts0)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", c.Path, err)
	}
	if opts.Setup != nil {
		if err := opts.Setup(c, s); err != nil {
			return nil, fmt.Errorf("%s: %v", c.Path, err)
		}
	}
	events, _ := c.section("events")
	if err := scheduleEvents(s, events); err != nil {
		return nil, fmt.Errorf("%s: events: %v", c.Path, err)
	}
	sysout.lang = s.Language()
	extra, err := c.extraTasks()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", c.Path, err)
	}
	out := Outcome{}
	var res interp.Result
	sysouts := []*lintingSysout{sysout}
	if len(extra) == 0 {
		res = s.Run(ctx, proc, parseArgs(args))
	} else if res, sysouts, err = c.runTasks(ctx, s, fs, proc, parseArgs(args), sysout, extra, out); err != nil {
		return nil, fmt.Errorf("%s: %v", c.Path, err)
	}
	if opts.Done != nil {
		opts.Done(s, res)
	}
	out["sysout"], out["result"], out["console"] = sysout.String(), describe(res), s.Console.Text()
	if _, ok := c.section("state"); ok && s.VM2000 != nil {
		out["state"] = StateText(s.VM2000)
	}
	for _, l := range s.Console.Lines() {
		sysout.lint(l.Msg, s.Console.Language())
	}
	var problems []string
	for _, w := range sysouts {
		problems = append(problems, w.problems...)
	}
	out[LintSection] = strings.Join(problems, "\n")
	if err := c.runContinued(ctx, s, opts0, out); err != nil {
		return nil, fmt.Errorf("%s: %v", c.Path, err)
	}
	for _, f := range c.Archive.Files {
		switch {
		case strings.HasPrefix(f.Name, "syslst:"), strings.HasPrefix(f.Name, "written:"):
			// written: any file of the workdir after the run (a library
			// of variable containers, for one)
			name := f.Name[strings.Index(f.Name, ":")+1:]
			data, err := afero.ReadFile(fs, name)
			if err != nil {
				out[f.Name] = fmt.Sprintf("(file %s not written: %v)\n", name, err)
				continue
			}
			out[f.Name] = string(data)
		case strings.HasPrefix(f.Name, "jv:"):
			name := strings.TrimPrefix(f.Name, "jv:")
			j, err := s.JVs.Get(name)
			if err != nil {
				out[f.Name] = fmt.Sprintf("(%v)\n", err)
				continue
			}
			out[f.Name] = fmt.Sprintf("%q monitor=%q\n", j.Read(), j.Monitor)
		}
	}
	return out, nil
}

// scheduleEvents schedules the JV writes of an events section: another
// job changing a job variable while the procedure waits.
func scheduleEvents(s *session.Session, text string) error {
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 || !strings.HasPrefix(f[0], "+") {
			return fmt.Errorf("%q: want +SECONDS JV-NAME VALUE or +SECONDS *USER-SWITCH#N ON|OFF", line)
		}
		secs, err := time.ParseDuration(f[0][1:] + "s")
		if err != nil {
			return err
		}
		name, value := f[1], f[2]
		if n, ok := strings.CutPrefix(strings.ToUpper(name), "*USER-SWITCH#"); ok {
			sw, err := strconv.Atoi(n)
			if err != nil || sw < 0 || sw > 31 || value != "ON" && value != "OFF" {
				return fmt.Errorf("%q: want +SECONDS *USER-SWITCH#0..31 ON|OFF", line)
			}
			s.Clock.Schedule(secs, "user switch "+n, func() { s.Env.SetUserSwitch("", sw, value == "ON") })
			continue
		}
		s.Clock.Schedule(secs, "write "+name, func() {
			if err := s.JVs.Write(name, 1, 0, value, ""); err != nil {
				s.Console.Write("EVENT", msg.Plain("write of "+name+" failed: "+err.Error()))
			}
		})
	}
	return nil
}

func parseArgs(text string) []interp.Param {
	var ps []interp.Param
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "'") {
			ps = append(ps, interp.Param{Name: strings.ToUpper(strings.TrimSpace(k)), Value: strings.TrimSpace(v)})
		} else {
			ps = append(ps, interp.Param{Value: line})
		}
	}
	return ps
}

// describe renders how a run ended.
func describe(res interp.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "rc %s\n", res.RC)
	if res.Err != nil {
		fmt.Fprintf(&b, "error %s\n", res.Err)
	}
	return b.String()
}

// expected lists the expected sections of the case: sysout and result
// always, the console when the case has that section or the run wrote to
// it, the state when the case has it, and every syslst:, written: and
// jv: section (file: sections are input).
func (c *Case) expected(out Outcome) []string {
	names := []string{"sysout", "result"}
	if _, _, ok, err := c.continued(); ok && err == nil {
		names = append(names, continueSections...)
		if _, has := c.section("console:continue"); has || out["console:continue"] != "" {
			names = append(names, "console:continue")
		}
	}
	if extra, err := c.extraTasks(); err == nil {
		for _, t := range extra {
			names = append(names, "sysout:"+t.file, "result:"+t.file)
		}
	}
	for _, f := range c.Archive.Files {
		if f.Name == "console" || f.Name == "state" || strings.HasPrefix(f.Name, "syslst:") || strings.HasPrefix(f.Name, "written:") || strings.HasPrefix(f.Name, "jv:") {
			names = append(names, f.Name)
		}
	}
	if _, has := c.section("console"); !has && out["console"] != "" {
		names = append(names, "console")
	}
	return names
}

// Update rewrites the expected sections from an outcome and saves the case.
// A console section is added when the run wrote to the console.
func (c *Case) Update(out Outcome) error {
	for _, name := range c.expected(out) {
		found := false
		for i := range c.Archive.Files {
			if c.Archive.Files[i].Name == name {
				c.Archive.Files[i].Data = []byte(out[name])
				found = true
			}
		}
		if !found {
			c.Archive.Files = append(c.Archive.Files, txtar.File{Name: name, Data: []byte(out[name])})
		}
	}
	return os.WriteFile(c.Path, txtar.Format(c.Archive), 0o644)
}

// LintSection is the outcome entry that lists what msg.Catalog.Lint found
// wrong with the messages a case printed on SYSOUT or the console (an
// insert missing, a text that repeats itself): sdfp's own defects, which
// the repository's golden test fails on. It is never an expected section.
const LintSection = "message lint"

// lintingSysout collects SYSOUT and lints every message printed on it.
type lintingSysout struct {
	bytes.Buffer
	lang     string
	problems []string
}

// WriteMessage implements interp.MessageWriter.
func (l *lintingSysout) WriteMessage(text string, m msg.Message) {
	l.WriteString(text + "\n")
	l.lint(m, l.lang)
}

func (l *lintingSysout) lint(m msg.Message, lang string) {
	l.problems = append(l.problems, msg.Default().Lint(m, lang)...)
}
