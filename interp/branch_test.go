package interp

import (
	"fmt"
	"strings"
	"testing"
)

// The trace marks each decision with the way it went: IF and ELSE-IF by
// their condition, IF-CMD-ERROR and IF-BLOCK-ERROR by whether their THEN
// part ran for an error; every other command carries NoBranch.
func TestTraceBranches(t *testing.T) {
	src := strings.Join([]string{
		"/I = 2",                          // 1
		"/IF (I = 1)",                     // 2 not taken
		"/  WRITE-TEXT 'ONE'",             // 3
		"/ELSE-IF (I = 2)",                // 4 taken
		"/  WRITE-TEXT 'TWO'",             // 5
		"/END-IF",                         // 6
		"/WRITE-TEXT 'OK'",                // 7
		"/IF-CMD-ERROR",                   // 8 not taken (no error)
		"/  WRITE-TEXT 'NEVER'",           // 9
		"/END-IF",                         // 10
		"/BEGIN-BLOCK",                    // 11
		"/  J = 1 / 0",                    // 12 fails
		"/  IF-CMD-ERROR",                 // 13 taken
		"/    WRITE-TEXT 'HANDLED'",       // 14
		"/  END-IF",                       // 15
		"/  K = 1 / 0",                    // 16 fails, no IF-CMD-ERROR
		"/  WRITE-TEXT 'SKIPPED'",         // 17
		"/  IF-BLOCK-ERROR",               // 18 taken
		"/    WRITE-TEXT 'BLOCK HANDLED'", // 19
		"/  END-IF",                       // 20
		"/END-BLOCK",                      // 21
	}, "\n") + "\n"
	var got []string
	_, res := run(t, src, WithTrace(func(e TraceEvent) {
		if e.Branch != NoBranch {
			got = append(got, fmt.Sprintf("%d:%d", e.Pos.Line, e.Branch))
		}
	}))
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	want := fmt.Sprintf("2:%d 4:%d 8:%d 13:%d 18:%d", BranchNotTaken, BranchTaken, BranchNotTaken, BranchTaken, BranchTaken)
	if strings.Join(got, " ") != want {
		t.Errorf("branches %q, want %q", strings.Join(got, " "), want)
	}
}
