package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// killProc changes the workdir in every way a run does, many times over,
// so that a kill lands among the writes: it appends to a SYSLST file the
// user put there, deletes the user's JV, and creates and sets 150 JVs.
const killProc = `/DECLARE-VARIABLE I(TYPE=*INTEGER)
/ASSIGN-SYSLST LST.USER,OPEN-MODE=*EXTEND
/FOR I = *COUNTER(FROM=1,TO=300)
/  WRITE-TEXT 'LINE &I WRITTEN BY A RUN THAT MAY BE KILLED',OUTPUT=*SYSLST
/END-FOR
/ASSIGN-SYSLST *PRIMARY
/DELETE-JV JV.USER
/IF-CMD-ERROR; END-IF
/FOR I = *COUNTER(FROM=1,TO=150)
/  CREATE-JV JV.K.&I
/  IF-CMD-ERROR; END-IF
/  MODIFY-JV JV.K.&I,SET-VALUE='VALUE &I'
/END-FOR
`

// kill -9 at random moments of runs (plain runs, so some kills land in
// the undo of the world before, and continued ones), then a plain run:
// the workdir is its base again, every file and directory of it, hidden
// ones included, byte for byte.
func TestKillAnyMomentThenPlainRunRestoresBase(t *testing.T) {
	_, work, _ := worldBase(t)
	writeProc(t, work, "LST.USER", "THE USER'S OWN LIST\n")
	proc := writeProc(t, work, "kill.proc", killProc)
	base := dirTree(t, work, true)

	// how long a whole run takes, start-up included
	began := time.Now()
	if code, out := exitCode(t, []string{"run", "--workdir", work, proc}); code != exitOK {
		t.Fatalf("whole run: exit %d %s", code, out)
	}
	whole := time.Since(began)
	rng := rand.New(rand.NewPCG(13, 4))
	const kills = 24
	for i := 0; i < kills; i++ {
		args := []string{"run", "--workdir", work, proc}
		if i%3 == 2 {
			args = []string{"run", "--workdir", work, "--continue", proc}
		}
		cmd := sdfpCommand(t, nil, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(whole * 6 / 5))))
		cmd.Process.Kill()
		cmd.Wait()
		j, _ := os.ReadFile(filepath.Join(work, ".sdfp/journal"))
		_, werr := os.Stat(filepath.Join(work, ".sdfp/world/world.json"))
		t.Logf("kill %d: journal %d lines, world.json %v", i, strings.Count(string(j), "\n"), werr == nil)
	}
	hello := writeProc(t, filepath.Dir(work), "hello.proc", "/WRITE-TEXT 'HELLO'\n")
	code, out := exitCode(t, []string{"run", "--workdir", work, hello})
	if code != exitOK || out != "HELLO\n" {
		t.Fatalf("plain run after the kills: exit %d %q", code, out)
	}
	// the hello run wrote nothing: the workdir is the base
	if got := dirTree(t, work, true); !reflect.DeepEqual(got, base) {
		t.Errorf("after %d kills and a plain run the workdir is\n%v\nwant its base\n%v", kills, keys(got), keys(base))
		for k, v := range base {
			if got[k] != v {
				t.Errorf("%s differs: %.80q", k, got[k])
			}
		}
	}
}

func keys(m map[string]string) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return strings.Join(out, " ")
}
