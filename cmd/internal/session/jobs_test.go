package session

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/jobenv"
)

// runJobs runs main.proc of fs as the session's only task and returns
// its SYSOUT.
func runJobs(t *testing.T, fs afero.Fs) (*Session, string) {
	t.Helper()
	var out bytes.Buffer
	s, err := New(Options{FS: fs, NoVM2000: true, Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	if res := s.Run(context.Background(), "main.proc", nil); res.Err != nil {
		t.Fatalf("main.proc: %v\nSYSOUT:\n%s", res.Err, out.String())
	}
	return s, out.String()
}

func writeFiles(t *testing.T, files map[string]string) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	for name, text := range files {
		if err := afero.WriteFile(fs, name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fs
}

func spool(t *testing.T, fs afero.Fs, name string) string {
	t.Helper()
	b, err := afero.ReadFile(fs, name)
	if err != nil {
		t.Fatalf("spool list: %v", err)
	}
	return string(b)
}

// Two jobs entered by one task get the next TSNs of the session's
// counter, in the order entered; each runs when the tasks before it wait
// or end, so the order of everything is fixed: the entering task goes on
// until it waits, then job 0002 runs until it waits, then 0003, and the
// clock moves only when all of them wait. The same inputs give the same
// result every run.
func TestTwoJobsTSNsAndOrder(t *testing.T) {
	files := map[string]string{
		"main.proc": "/CREATE-JV JV.LOG\n/MODIFY-JV JV.LOG,SET-VALUE='>'\n" +
			"/ENTER-JOB FROM-FILE=A.E,MONJV=JV.A\n" +
			"/ENTER-JOB FROM-FILE=B.E,MONJV=JV.B\n" +
			"/MODIFY-JV JV.LOG,SET-VALUE='&(JV('JV.LOG'))M1'\n" +
			"/WAIT-EVENT UNTIL=*JV(CONDITION=((JV.A,1,2)='$T' AND (JV.B,1,2)='$T'),TIME-LIMIT=600)\n" +
			"/MODIFY-JV JV.LOG,SET-VALUE='&(JV('JV.LOG'))M2'\n",
		"A.E": "/SET-LOGON-PARAMETERS\n/MODIFY-JV JV.LOG,SET-VALUE='&(JV('JV.LOG'))A1'\n" +
			"/WAIT-EVENT UNTIL=*TIME(TIME-LIMIT=20)\n/MODIFY-JV JV.LOG,SET-VALUE='&(JV('JV.LOG'))A2'\n/EXIT-JOB\n",
		"B.E": "/SET-LOGON-PARAMETERS\n/MODIFY-JV JV.LOG,SET-VALUE='&(JV('JV.LOG'))B1'\n" +
			"/WAIT-EVENT UNTIL=*TIME(TIME-LIMIT=10)\n/MODIFY-JV JV.LOG,SET-VALUE='&(JV('JV.LOG'))B2'\n/EXIT-JOB\n",
	}
	var first string
	for run := 0; run < 3; run++ {
		fs := writeFiles(t, files)
		s, out := runJobs(t, fs)
		log, err := s.JVs.Read("JV.LOG", "")
		if err != nil {
			t.Fatal(err)
		}
		if want := ">M1A1B1B2A2M2"; log != want {
			t.Fatalf("order of the tasks: %q, want %q", log, want)
		}
		jobs := s.Env.Jobs()
		if len(jobs) != 2 || jobs[0].TSN != "0002" || jobs[1].TSN != "0003" {
			t.Fatalf("jobs: %+v, want TSNs 0002 and 0003", jobs)
		}
		for _, j := range jobs {
			if j.State != jobenv.JobEnded {
				t.Errorf("job %s: state %d, want ended", j.TSN, j.State)
			}
		}
		if got := jobs[0].Ended.Sub(jobs[0].Started).Seconds(); got != 20 {
			t.Errorf("job 0002 ran %v virtual seconds, want 20", got)
		}
		a, _ := s.JVs.Read("JV.A", "")
		if !strings.HasPrefix(a, "$T  0002") {
			t.Errorf("JV.A = %q, want $T of TSN 0002", a)
		}
		if got := spool(t, fs, "S.OUT.0003.2026-01-01.08.00.00"); !strings.Contains(got, "JMS0415") {
			t.Errorf("SYSOUT list of 0003: %q, want its end line", got)
		}
		if s.TSNs.Last() != 3 {
			t.Errorf("TSN counter at %d, want 3", s.TSNs.Last())
		}
		if run == 0 {
			first = out
		} else if out != first {
			t.Errorf("run %d SYSOUT %q differs from the first run's %q", run+1, out, first)
		}
	}
}

// CANCEL-JOB of a job parked in WAIT-EVENT ends it at once, not when its
// time limit passes: the job's task leaves the wait, runs no further
// command, its MONJV shows $A and its SYSOUT list names the canceller.
func TestCancelJobWaitingInWaitEvent(t *testing.T) {
	fs := writeFiles(t, map[string]string{
		"main.proc": "/CREATE-JV JV.GO\n" +
			"/ENTER-JOB FROM-FILE=W.E,MONJV=JV.W\n" +
			"/WAIT-EVENT UNTIL=*TIME(TIME-LIMIT=5)\n" +
			"/CANCEL-JOB 0002,TEXT='STOP'\n" +
			"/WAIT-EVENT UNTIL=*JV(CONDITION=((JV.W,1,2)='$A'),TIME-LIMIT=60)\n" +
			"/WRITE-TEXT 'DONE AT &(TIME())'\n",
		"W.E": "/SET-LOGON-PARAMETERS\n" +
			"/WAIT-EVENT UNTIL=*JV(CONDITION=((JV.GO,1,2)='GO'),TIME-LIMIT=86400)\n" +
			"/WRITE-TEXT 'NOT CANCELLED'\n/EXIT-JOB\n",
	})
	s, out := runJobs(t, fs)
	if want := "DONE AT 08:00:05\n"; !strings.HasSuffix(out, want) {
		t.Errorf("SYSOUT %q, want it to end with %q", out, want)
	}
	if got := s.Clock.Now().Format("15:04:05"); got != "08:00:05" {
		t.Errorf("the run ended at %s: the cancelled job waited out its limit", got)
	}
	j := s.Env.Jobs()[0]
	if j.State != jobenv.JobAborted || !j.Ended.Equal(j.Started.Add(5e9)) {
		t.Errorf("job: state %d, ran %v, want aborted after 5s", j.State, j.Ended.Sub(j.Started))
	}
	list := spool(t, fs, "S.OUT.0002.2026-01-01.08.00.00")
	if strings.Contains(list, "NOT CANCELLED") || !strings.Contains(list, "JMS0414 JOB CANCELLED BY TSN '0001': STOP") {
		t.Errorf("SYSOUT list of the cancelled job:\n%s", list)
	}
	if v, _ := s.JVs.Read("JV.W", ""); !strings.HasPrefix(v, "$A") {
		t.Errorf("MONJV %q, want $A", v)
	}
}

// A job that enters itself again does not run forever: the run accepts
// MaxJobs batch jobs, refuses the next with JMS0417, and ends.
func TestJobEnteringItselfEnds(t *testing.T) {
	fs := writeFiles(t, map[string]string{
		"main.proc": "/ENTER-JOB FROM-FILE=AGAIN.E\n",
		"AGAIN.E":   "/SET-LOGON-PARAMETERS\n/ENTER-JOB FROM-FILE=AGAIN.E\n/EXIT-JOB\n",
	})
	s, _ := runJobs(t, fs)
	if got := len(s.Env.Jobs()); got != jobenv.MaxJobs {
		t.Errorf("%d jobs entered, want %d", got, jobenv.MaxJobs)
	}
	last := s.Env.Jobs()[jobenv.MaxJobs-1]
	list := spool(t, fs, last.Spool)
	if !strings.Contains(list, "JMS0417") {
		t.Errorf("the last job's SYSOUT list does not show the refusal:\n%s", list)
	}
}
