package jv

import (
	"errors"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// A JV of the run's own catalog and user ID is one JV whatever the name
// gives of them; another catalog's or user's is another JV.
func TestNamesCompletedWithCatalogAndUser(t *testing.T) {
	s := New(afero.NewMemMapFs(), func() time.Time { return time.Time{} })
	s.User = "OPS"
	if err := s.Create(":SDFP:$OPS.JV.X", "", ""); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"JV.X", "jv.x", "$OPS.JV.X", ":SDFP:JV.X", ":sdfp:$ops.jv.x"} {
		if err := s.Write(name, 1, 0, name, ""); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if v, err := s.Read("JV.X", ""); err != nil || v != name {
			t.Errorf("after writing %s: %q, %v", name, v, err)
		}
	}
	for _, other := range []string{":OTHR:$OPS.JV.X", "$SOMEONE.JV.X", ":SDFP:$SOMEONE.JV.X"} {
		if _, err := s.Read(other, ""); !isKey(err, KeyNotFound) {
			t.Errorf("%s: %v, want %s", other, err, KeyNotFound)
		}
	}
	if err := s.Create("$OPS.JV.X", "", ""); !isKey(err, KeyExists) {
		t.Errorf("create under the full name: %v", err)
	}
	if got := s.FullName("jv.x"); got != ":SDFP:$OPS.JV.X" {
		t.Errorf("FullName %q", got)
	}
	if got := s.FullName(":OTHR:$X.JV"); got != ":OTHR:$X.JV" {
		t.Errorf("FullName of a foreign name %q", got)
	}
}

// While monitoring runs, the system part (bytes 1-128) is the system's;
// the user part (129-256) stays writable, with the write password, and
// the JV cannot be deleted.
func TestMonitoringJVUserPartWritable(t *testing.T) {
	s := New(afero.NewMemMapFs(), func() time.Time { return time.Time{} })
	if err := s.Create("MON", "", "PW"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartMonitor(":SDFP:$SDFPUSER.MON", "MIGRATE-VM X", "PW"); err != nil {
		t.Fatal(err)
	}
	if err := s.SystemWrite("MON", 1, "$R "); err != nil {
		t.Fatal(err)
	}
	if err := s.Write("MON", 129, 0, "MY NOTE", "PW"); err != nil {
		t.Errorf("user part: %v", err)
	}
	if err := s.Write("MON", 129, 0, "MY NOTE", "XX"); !isKey(err, KeyPassword) {
		t.Errorf("user part without the write password: %v", err)
	}
	for _, pos := range []int{1, 128} {
		if err := s.Write("MON", pos, 0, "X", "PW"); !isKey(err, KeyMonitored) {
			t.Errorf("system part at %d: %v", pos, err)
		}
	}
	if err := s.Delete("MON", "PW"); !isKey(err, KeyMonitored) {
		t.Errorf("delete while monitored: %v", err)
	}
	v, _ := s.Read("MON", "")
	if len(v) != 135 || v[:3] != "$R " || v[128:] != "MY NOTE" {
		t.Errorf("value %q", v)
	}
}

func isKey(err error, key string) bool {
	var je *Error
	return errors.As(err, &je) && je.Key == key
}
