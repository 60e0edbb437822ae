package jv

import (
	"errors"
	"strings"
	"testing"
	"time"

	"sdfp/hypervisor/bs2000/dms/dmstest"
	"sdfp/lexer/ebcdic"

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
	// 256 characters X'EE' (each 'Ó', two bytes of UTF-8)
	if v, _ := s.Read("JV.A", ""); v != Undefined || ebcdic.Len(v) != 256 || string(ebcdic.Encode(v)) != strings.Repeat("\xEE", 256) {
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
	if _, err := s.Get("JV.BAD"); key(err) != KeyReadError {
		t.Errorf("damaged file: %v", err)
	}
	if _, err := s.Get("JV.OK"); err != nil {
		t.Errorf("other JV lost: %v", err)
	}
}

// A JV is known by its file: a JV file whose stored name names another
// file is refused, and no write goes anywhere else. (A crafted JV/JV.A
// naming "../x.proc" used to make MODIFY-JV overwrite x.proc.)
func TestStoredNameIsNotAPath(t *testing.T) {
	for _, deferred := range []bool{false, true} {
		s, fs := newStore()
		s.Deferred = deferred
		afero.WriteFile(fs, "x.proc", []byte("/WRITE-TEXT 'MINE'\n"), 0o644)
		for file, stored := range map[string]string{"JV.A": "../x.proc", "JV.B": "JV.C", "JV.D": "jv.d"} {
			afero.WriteFile(fs, Dir+"/"+file, []byte(`{"name":"`+stored+`","value":"V","defined":true}`), 0o644)
			if err := s.Write(file, 1, 0, "OVERWRITTEN", ""); key(err) != KeyReadError ||
				!strings.Contains(err.Error(), "THE FILE NAMES JOB VARIABLE '"+strings.ToUpper(stored)+"'") {
				t.Errorf("%s naming %s: %v", file, stored, err)
			}
		}
		if err := s.Flush(); err != nil {
			t.Fatal(err)
		}
		if data, _ := afero.ReadFile(fs, "x.proc"); string(data) != "/WRITE-TEXT 'MINE'\n" {
			t.Errorf("deferred=%v: x.proc overwritten: %q", deferred, data)
		}
		if ok, _ := afero.Exists(fs, Dir+"/JV.C"); ok {
			t.Errorf("deferred=%v: JV.C written", deferred)
		}
	}
}

// What a JV file holds is checked: a value longer than a JV holds and a
// file larger than any JV file are refused.
func TestJVFileChecked(t *testing.T) {
	s, fs := newStore()
	afero.WriteFile(fs, Dir+"/JV.LONG", []byte(`{"name":"JV.LONG","value":"`+strings.Repeat("A", 300)+`","defined":true}`), 0o644)
	afero.WriteFile(fs, Dir+"/JV.HUGE", []byte(`{"name":"JV.HUGE","x":"`+strings.Repeat("A", MaxFileSize)+`"}`), 0o644)
	if _, err := s.Get("JV.LONG"); key(err) != KeyReadError {
		t.Errorf("long value: %v", err)
	}
	if _, err := s.Get("JV.HUGE"); key(err) != KeyReadError || !strings.Contains(err.Error(), "LARGER THAN 65536 BYTES") {
		t.Errorf("huge file: %v", err)
	}
	// files not named as a JV are not listed
	afero.WriteFile(fs, Dir+"/not a jv", nil, 0o644)
	afero.WriteFile(fs, Dir+"/jv.lower", nil, 0o644)
	afero.WriteFile(fs, Dir+"/.JV.X.1-1.sdfp-tmp", nil, 0o644)
	s.Create("JV.OK", "", "")
	if l, err := s.List("JV.O"); err != nil || len(l) != 1 {
		t.Errorf("list: %v %v", l, err)
	}
}

// A flush that cannot write a JV reports it with the JV's name and file,
// leaves the old file whole, writes the other JVs, and keeps the change
// for the next flush.
func TestFlushFailure(t *testing.T) {
	full := false
	mem := afero.NewMemMapFs()
	s := New(dmstest.FullFS{Fs: mem, Full: &full}, func() time.Time { return time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC) })
	s.Create("JV.A", "", "")
	s.Write("JV.A", 1, 0, "OLD", "")
	old, _ := afero.ReadFile(mem, Dir+"/JV.A")
	s.Deferred = true
	s.Write("JV.A", 1, 0, "NEW", "")
	full = true
	err := s.Flush()
	var je *Error
	if !errors.As(err, &je) || je.Key != KeyStoreError || strings.Join(je.Inserts, "|") != "JV.A|JV/JV.A|NO SPACE LEFT ON DEVICE" {
		t.Fatalf("flush: %#v", err)
	}
	if now, _ := afero.ReadFile(mem, Dir+"/JV.A"); string(now) != string(old) {
		t.Errorf("old file not whole: %s", now)
	}
	full = false
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	s2 := New(mem, time.Now)
	if v, _ := s2.Read("JV.A", ""); v != "NEW" {
		t.Errorf("after the second flush: %q", v)
	}
}
