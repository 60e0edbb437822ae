package golden

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/afero"

	"sdfp/cmd/internal/session"
	"sdfp/interp"
)

// Further tasks of a case: the tasks section names procedures that run
// beside the main one, as `sdfp run main.proc b.proc@SU` runs them: one
// task a line, `FILE[@SU] [VALUE ...] [NAME=VALUE ...]`, FILE a .proc
// section of the case, SU the server unit whose monitor system runs it
// (default: the su section's). They take the TSNs after the main
// procedure's (0002, ...). Each one's SYSOUT and end are expected in the
// sections sysout:FILE and result:FILE.

// procSection reports whether a section holds a procedure of the case: a
// name ending in .proc that is not an extra task's expected SYSOUT or end
// (sysout:b.proc, result:b.proc).
func procSection(name string) bool {
	return strings.HasSuffix(name, ".proc") && !strings.HasPrefix(name, "sysout:") && !strings.HasPrefix(name, "result:")
}

// extraTask is one line of the tasks section.
type extraTask struct {
	file, su string
	params   []interp.Param
}

// extraTasks reads the tasks section.
func (c *Case) extraTasks() ([]extraTask, error) {
	text, _ := c.section("tasks")
	var out []extraTask
	seen := map[string]bool{}
	for n, line := range strings.Split(text, "\n") {
		words := strings.Fields(line)
		if len(words) == 0 {
			continue
		}
		file, su, _ := strings.Cut(words[0], "@")
		if _, ok := c.section(file); !ok || !procSection(file) {
			return nil, fmt.Errorf("tasks:%d: %q is not a .proc section of the case", n+1, file)
		}
		if seen[file] || file == c.mainProc() {
			return nil, fmt.Errorf("tasks:%d: %s runs twice: its sysout and result sections could not tell the runs apart", n+1, file)
		}
		seen[file] = true
		out = append(out, extraTask{file: file, su: strings.ToUpper(su), params: parseArgs(strings.Join(words[1:], "\n"))})
	}
	return out, nil
}

// runTasks runs the main procedure and the further tasks on one session
// and records each extra task's SYSOUT and end.
func (c *Case) runTasks(ctx context.Context, s *session.Session, fs afero.Fs, proc string, params []interp.Param,
	main *lintingSysout, extra []extraTask, out Outcome) (interp.Result, []*lintingSysout, error) {
	src, err := afero.ReadFile(fs, proc)
	if err != nil {
		return interp.Result{}, nil, err
	}
	tasks := []session.Task{{Name: proc, Source: string(src), Params: params, Stdout: main}}
	outs := []*lintingSysout{main}
	for _, t := range extra {
		if t.su != "" {
			if err := s.CheckServerUnit(t.su); err != nil {
				return interp.Result{}, nil, fmt.Errorf("tasks: %s@%s: %v", t.file, t.su, err)
			}
		}
		data, _ := c.section(t.file)
		w := &lintingSysout{lang: s.Language()}
		outs = append(outs, w)
		tasks = append(tasks, session.Task{Name: t.file, Source: data, Params: t.params, SU: t.su, Stdout: w})
	}
	results := s.RunTasks(ctx, tasks)
	for i, t := range extra {
		out["sysout:"+t.file] = outs[i+1].String()
		out["result:"+t.file] = describe(results[i+1])
	}
	return results[0], outs, nil
}
