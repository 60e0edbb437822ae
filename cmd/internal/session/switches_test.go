package session

import (
	"bytes"
	"context"
	"testing"
)

// Two tasks of one user share the user switches and each has job
// switches of its own: task 2 waits for user switch 3, which task 1 turns
// ON after 60 virtual seconds; task 1's job switch 5 is not task 2's. A
// task's job switches are OFF again when its job has ended.
func TestSwitchesAcrossTasks(t *testing.T) {
	s, err := New(Options{NoVM2000: true})
	if err != nil {
		t.Fatal(err)
	}
	var out1, out2 bytes.Buffer
	res := s.RunTasks(context.Background(), []Task{
		{Name: "one.proc", Stdout: &out1, Source: "/MODIFY-JOB-SWITCHES ON=5\n" +
			"/WAIT-EVENT UNTIL=*TIME(TIME-LIMIT=60)\n" +
			"/MODIFY-USER-SWITCHES ON=3\n" +
			"/WRITE-TEXT 'ONE: &(SYSSWITCH#5)'\n"},
		{Name: "two.proc", Stdout: &out2, Source: "/WAIT-EVENT UNTIL=*USER-SWITCHES(ON=3,TIME-LIMIT=600)\n" +
			"/WRITE-TEXT 'TWO AT &(TIME()): &(USER-SWITCH(3)) &(SYSSWITCH#5)'\n"},
	})
	for i, r := range res {
		if r.Err != nil {
			t.Fatalf("task %d: %v", i+1, r.Err)
		}
	}
	if got, want := out1.String(), "ONE: TRUE\n"; got != want {
		t.Errorf("task 1 wrote %q, want %q", got, want)
	}
	if got, want := out2.String(), "TWO AT 08:01:00: TRUE FALSE\n"; got != want {
		t.Errorf("task 2 wrote %q, want %q", got, want)
	}
	if got := s.Env.JobSwitches("0001"); got != 0 {
		t.Errorf("job switches of the ended task 1: %b, want none", got)
	}
	if got := s.Env.UserSwitches(""); got != 1<<3 {
		t.Errorf("user switches after the run: %b, want switch 3", got)
	}
}
