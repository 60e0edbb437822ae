package interp

import (
	"strings"
	"testing"

	"github.com/spf13/afero"

	"sdfp/hypervisor/bs2000/vcont"
)

const openCounters = "/OPEN-VARIABLE-CONTAINER COUNTERS,*LIBRARY-ELEMENT(VARS.LIB),LOCK-ELEMENT=*YES,SCOPE=*TASK\n"

// A library file that is not one (crafted, or a procedure under that
// name) makes OPEN-VARIABLE-CONTAINER fail with DMS0501 naming the file
// and saying why; the file is left as it was.
func TestContainerLibraryCrafted(t *testing.T) {
	for _, data := range []string{
		"/WRITE-TEXT 'A PROCEDURE'\n",
		`{"format":"` + vcont.Format + `","elements":[{"name":"COUNTERS","variables":[{"name":"RUNS","type":"STRING","value":1}]}]}`,
		`{"format":"` + vcont.Format + `","elements":[{"name":"COUNTERS","variables":[{"name":"SYS-X--","type":"ANY"}]}]}`,
	} {
		fs := afero.NewMemMapFs()
		afero.WriteFile(fs, "VARS.LIB", []byte(data), 0o644)
		out, res := run(t, openCounters+"/RUNS = 1\n/SAVE-VARIABLE-CONTAINER COUNTERS\n", WithFS(fs))
		if res.Err == nil || res.RC.Main != "DMS0501" || !strings.Contains(out, "VARS.LIB") {
			t.Errorf("%.40s: %q %+v", data, out, res.Err)
		}
		if now, _ := afero.ReadFile(fs, "VARS.LIB"); string(now) != data {
			t.Errorf("%.40s: file changed to %q", data, now)
		}
	}
}

// A container written by one run is read by the next, its variables
// declared by AUTOMATIC-DECLARE=*ALL with their types.
func TestContainerAcrossRuns(t *testing.T) {
	fs := afero.NewMemMapFs()
	src := openCounters + "/IF (NOT IS-DECLARED('RUNS'))\n/  DECLARE-VARIABLE RUNS(TYPE=*INTEGER,INITIAL-VALUE=0),SCOPE=*TASK,CONTAINER=COUNTERS\n/END-IF\n" +
		"/RUNS = RUNS + 1\n/WRITE-TEXT '&RUNS &(VAR-ATTR('RUNS',*TYPE))'\n/CLOSE-VARIABLE-CONTAINER COUNTERS\n"
	for _, want := range []string{"1 *INTEGER\n", "2 *INTEGER\n", "3 *INTEGER\n"} {
		out, res := run(t, src, WithFS(fs))
		if res.Err != nil || out != want {
			t.Fatalf("got %q %v, want %q", out, res.Err, want)
		}
	}
}

// FuzzContainerLibrary: whatever the library file holds, opening the
// container, using its variables and saving it neither panics nor
// leaves a file that does not read back.
func FuzzContainerLibrary(f *testing.F) {
	f.Add([]byte(`{"format":"` + vcont.Format + `","elements":[{"name":"COUNTERS","variables":[{"name":"RUNS","type":"INTEGER","value":1}]}]}`))
	f.Add([]byte(`{"format":"` + vcont.Format + `","elements":[{"name":"COUNTERS","variables":[{"name":"RUNS","type":"ANY","list":true,"elements":["A",1,false]}]}]}`))
	f.Add([]byte(`{"format":"` + vcont.Format + `","elements":[{"name":"COUNTERS","variables":[{"name":"RUNS","type":"BOOLEAN"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fs := afero.NewMemMapFs()
		afero.WriteFile(fs, "VARS.LIB", data, 0o644)
		src := openCounters + "/SHOW-VARIABLE *ALL\n/RUNS = 'X'\n/RUNS = 'Y', WRITE-MODE=*EXTEND\n/SAVE-VARIABLE-CONTAINER COUNTERS\n"
		_, res := run(t, src, WithFS(fs), WithStepLimit(100))
		if res.Err != nil && res.RC.Main == "DMS0501" {
			return
		}
		if _, err := vcont.Read(fs, "VARS.LIB"); err != nil {
			t.Fatalf("library does not read back: %v", err)
		}
	})
}
