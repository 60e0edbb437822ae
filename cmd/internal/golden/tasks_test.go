package golden

import (
	"context"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// A tasks section runs further procedures beside the main one, each on
// the server unit it names; a line that names no .proc section of the
// case, a procedure given twice or an unknown server unit is the case's
// error, not a run.
func TestTasksSection(t *testing.T) {
	mk := func(tasks string) *Case {
		return &Case{Path: "x.txtar", Name: "x", Archive: txtar.Parse([]byte(
			"-- main.proc --\n/WRITE-TEXT 'MAIN'\n-- b.proc --\n/DECLARE-PARAMETER P\n/WRITE-TEXT 'B &P'\n-- tasks --\n" + tasks))}
	}
	out, err := mk("b.proc@ABGSE701 P=7\n").Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if out["sysout"] != "MAIN\n" || out["sysout:b.proc"] != "B 7\n" || out["result:b.proc"] != "rc (0,0,CMD0001)\n" {
		t.Errorf("outcome %q", out)
	}
	if names := strings.Join(mk("b.proc\n").expected(out), " "); !strings.Contains(names, "sysout:b.proc result:b.proc") {
		t.Errorf("expected sections %s", names)
	}
	// the expected sections of a task are no procedures of the case
	withOutcome := mk("b.proc\n")
	withOutcome.Archive.Files = append(withOutcome.Archive.Files, txtar.File{Name: "sysout:b.proc", Data: []byte("B 7\n")})
	if srcs, err := withOutcome.Sources(); err != nil || len(srcs) != 2 {
		t.Errorf("sources %v, %v", srcs, err)
	}
	for tasks, want := range map[string]string{
		"c.proc\n":                "tasks:1: \"c.proc\" is not a .proc section",
		"b.proc\nb.proc@ABGSE701": "tasks:2: b.proc runs twice",
		"main.proc\n":             "tasks:1: main.proc runs twice",
		"b.proc@NOSUCH\n":         "tasks: b.proc@NOSUCH: no server unit \"NOSUCH\"",
	} {
		if _, err := mk(tasks).Run(context.Background()); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", tasks, err, want)
		}
	}
}
