package jv

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

func newStore() (*Store, afero.Fs) {
	fs := afero.NewMemMapFs()
	return New(fs, func() time.Time { return time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC) }), fs
}

func key(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}

func TestNames(t *testing.T) {
	for _, ok := range []string{"JV.VMMEM.VM02", "jv.lower", "$USER.X", "#TEMP.JV", ":4V05:$COG.JV.A", "A@B-C"} {
		if _, err := NormalName(ok); err != nil {
			t.Errorf("%s rejected: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "A..B", ".A", "A.", "A B", "A/B", "../X", strings.Repeat("A", 55)} {
		if _, err := NormalName(bad); key(err) != KeyBadName {
			t.Errorf("%q accepted (%v)", bad, err)
		}
	}
}

func TestWriteRules(t *testing.T) {
	s, _ := newStore()
	if err := s.Create("JV.A", "", ""); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Read("JV.A", ""); v != Undefined || len(v) != 256 {
		t.Errorf("never written: %q", v)
	}
	steps := []struct {
		pos, length int
		value, want string
	}{
		{1, 0, "HELLO", "HELLO"},
		{8, 0, "X", "HELLO  X"},      // blanks fill undefined positions
		{2, 2, "ABCDEF", "HABLO  X"}, // cut to LENGTH, rest kept
		{3, 4, "Z", "HAZ    X"},      // blank-padded to LENGTH
		{1, 0, strings.Repeat("Q", 256), strings.Repeat("Q", 256)},
	}
	for _, st := range steps {
		if err := s.Write("JV.A", st.pos, st.length, st.value, ""); err != nil {
			t.Fatal(err)
		}
		if v, _ := s.Read("JV.A", ""); v != st.want {
			t.Errorf("after %+v: %q, want %q", st, v, st.want)
		}
	}
	if err := s.Write("JV.A", 2, 0, strings.Repeat("Q", 256), ""); key(err) != KeyTooLong {
		t.Errorf("257 bytes: %v", err)
	}
	if v, _ := s.Read("JV.A", ""); v != strings.Repeat("Q", 256) {
		t.Error("a refused write changed the value")
	}
}

func TestPasswordsAndMonitoring(t *testing.T) {
	s, fs := newStore()
	s.Create("JV.P", "RD", "WR")
	if _, err := s.Read("JV.P", ""); key(err) != KeyPassword {
		t.Errorf("read without password: %v", err)
	}
	if err := s.Write("JV.P", 1, 0, "X", "BAD"); key(err) != KeyPassword {
		t.Errorf("write with a wrong password: %v", err)
	}
	if err := s.Write("JV.P", 1, 0, "X", "WR"); err != nil {
		t.Errorf("write with the password: %v", err)
	}
	n, err := s.StartMonitor("jv.mon", "MIGRATE-VM 12", "")
	if err != nil || n != "JV.MON" {
		t.Fatalf("StartMonitor: %q %v", n, err)
	}
	if err := s.Write("JV.MON", 1, 0, "USER", ""); key(err) != KeyMonitored {
		t.Errorf("user write to a MONJV: %v", err)
	}
	if err := s.Delete("JV.MON", ""); key(err) != KeyMonitored {
		t.Errorf("user delete of a MONJV: %v", err)
	}
	if _, err := s.StartMonitor("JV.MON", "OTHER", ""); key(err) != KeyMonitored {
		t.Errorf("second monitoring: %v", err)
	}
	s.SystemWrite("JV.MON", 1, "$T ")
	if err := s.EndMonitor("JV.MON"); err != nil {
		t.Fatal(err)
	}
	if err := s.Write("JV.MON", 4, 0, "MINE", ""); err != nil {
		t.Errorf("after monitoring the JV is a user JV: %v", err)
	}
	if v, _ := s.Read("JV.MON", ""); v != "$T MINE" {
		t.Errorf("value %q", v)
	}
	// writes are atomic: no temporary file is left behind
	entries, _ := afero.ReadDir(fs, Dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// A damaged store file is reported, not a panic, and the other JVs stay.
func TestDamagedFile(t *testing.T) {
	s, fs := newStore()
	s.Create("JV.OK", "", "")
	afero.WriteFile(fs, Dir+"/JV.BAD", []byte("{not json"), 0o644)
	if _, err := s.Get("JV.BAD"); key(err) != KeyStoreError {
		t.Errorf("damaged file: %v", err)
	}
	if _, err := s.Get("JV.OK"); err != nil {
		t.Errorf("other JV lost: %v", err)
	}
}
