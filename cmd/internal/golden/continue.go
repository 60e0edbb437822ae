package golden

import (
	"context"
	"fmt"
	"strings"

	"sdfp/cmd/internal/session"
	"sdfp/hypervisor/vm2000"
)

// A continued run: the continue section names a procedure that runs after
// the case's run, as `sdfp run --continue FILE` would run it in the world
// that run left (one line, `FILE [VALUE ...] [NAME=VALUE ...]`, FILE a
// .proc section of the case other than the one the case runs first). It
// sees the workdir as the first run left it (files, job variables), the
// VM2000 as the world saves it (vm2000.yaml: the model's snapshot written
// in the installation format and loaded again, which is what --continue
// loads), the virtual clock where the first run ended and the TSNs after
// its last. Its SYSOUT and end are expected in sysout:continue and
// result:continue, its console in console:continue when it writes one.

// continueSections are the expected sections of a continued run.
var continueSections = []string{"sysout:continue", "result:continue"}

// continued reads the continue section: the procedure and its parameters.
func (c *Case) continued() (file string, args string, ok bool, err error) {
	text, has := c.section("continue")
	if !has {
		return "", "", false, nil
	}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) != 1 {
		return "", "", true, fmt.Errorf("continue: want one line FILE [VALUE ...] [NAME=VALUE ...], not %d", len(lines))
	}
	words := strings.Fields(lines[0])
	file = words[0]
	if _, found := c.section(file); !found || !procSection(file) {
		return "", "", true, fmt.Errorf("continue: %q is not a .proc section of the case", file)
	}
	if file == c.mainProc() {
		return "", "", true, fmt.Errorf("continue: %s is the procedure the case runs first; name that one main.proc", file)
	}
	return file, strings.Join(words[1:], "\n"), true, nil
}

// runContinued runs the continue section's procedure in the world the
// first session s left and records its outcome.
func (c *Case) runContinued(ctx context.Context, s *session.Session, o session.Options, out Outcome) error {
	file, args, ok, err := c.continued()
	if !ok || err != nil {
		return err
	}
	text, err := s.VM2000State()
	if err != nil {
		return fmt.Errorf("continue: %v", err)
	}
	inst, err := vm2000.LoadInstallation("vm2000.yaml", text)
	if err != nil {
		return fmt.Errorf("continue: the world's VM2000 does not load: %v", err)
	}
	sysout := &lintingSysout{}
	o.Stdout, o.Installation, o.Start, o.FirstTSN = sysout, inst, s.Clock.Now(), s.TSNCounter()
	o.LocalSU = "" // the saved VM2000 names its own local unit; the su section applies to both runs
	if su, ok := c.section("su"); ok {
		o.LocalSU = strings.TrimSpace(su)
	}
	cs, err := session.New(o)
	if err != nil {
		return fmt.Errorf("continue: %v", err)
	}
	sysout.lang = cs.Language()
	res := cs.Run(ctx, file, parseArgs(args))
	out["sysout:continue"], out["result:continue"] = sysout.String(), describe(res)
	if con := cs.Console.Text(); con != "" {
		out["console:continue"] = con
	}
	for _, l := range cs.Console.Lines() {
		sysout.lint(l.Msg, cs.Console.Language())
	}
	if p := sysout.problems; len(p) > 0 {
		out[LintSection] = strings.TrimPrefix(out[LintSection]+"\n"+strings.Join(p, "\n"), "\n")
	}
	return nil
}
