package files

import (
	"testing"
	"time"

	"github.com/spf13/afero"
)

// The whole-file access other executors use: names as the file commands
// take them, completed with the run's catalog and user ID, the file
// commands' outcomes, and no write in place.
func TestUserFiles(t *testing.T) {
	fs := afero.NewMemMapFs()
	f := New(fs, func() time.Time { return time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC) }, "SDFP", "USER1")
	full, bad := f.WriteUserFile("$USER1.CONF.A", []byte("one"))
	if bad != nil || full != ":SDFP:$USER1.CONF.A" {
		t.Fatalf("write: %q %v", full, bad)
	}
	if _, bad := f.WriteUserFile("CONF.A", []byte("two")); bad != nil {
		t.Fatalf("rewrite: %v", bad)
	}
	data, full, bad := f.ReadUserFile(":SDFP:CONF.A", 100)
	if bad != nil || string(data) != "two" || full != ":SDFP:$USER1.CONF.A" {
		t.Fatalf("read: %q %q %v", data, full, bad)
	}
	if !f.Exists("CONF.A") {
		t.Error("the file commands do not see the file")
	}
	for _, c := range []struct {
		name, main string
		read       bool
	}{
		{"$OTHER.CONF.A", "DMS0533", false},
		{":CAT2:CONF.A", "DMS0533", true},
		{"NO.SUCH.FILE", "DMS0533", true},
		{"BAD..NAME", "DMS0500", true},
		{"BAD..NAME", "DMS0500", false},
	} {
		var main string
		if c.read {
			_, _, bad := f.ReadUserFile(c.name, 100)
			if bad != nil {
				main = bad.RC.Main
			}
		} else if _, bad := f.WriteUserFile(c.name, nil); bad != nil {
			main = bad.RC.Main
		}
		if main != c.main {
			t.Errorf("%s (read %v): %q, want %s", c.name, c.read, main, c.main)
		}
	}
	if _, _, bad := f.ReadUserFile("CONF.A", 2); bad == nil || bad.RC.Main != "DMS0504" {
		t.Errorf("a file over the limit: %v", bad)
	}
	if !f.ForeignUser("$OTHER.X") || f.ForeignUser("$USER1.X") || f.ForeignUser("X") || f.ForeignUser("$$$..") {
		t.Error("ForeignUser")
	}
}
