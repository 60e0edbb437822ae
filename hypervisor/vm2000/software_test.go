package vm2000

import (
	"strings"
	"testing"
)

// The software inventory: the file's units, in upper case and with the
// version written as mm.naso, replace the default of the same unit and
// version; the other defaults stay.
func TestSoftwareInventory(t *testing.T) {
	inst, err := LoadInstallation("sw.yaml", []byte(`software:
  - {unit: sdf-p, version: V2.5A00, items: {syslnk: $tsos.syslnk.sdf-p.mine}}
  - {unit: EDT, version: 17.0A00, items: {SYSPRG: $TSOS.SYSPRG.EDT.170}}
`+goodSU))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range inst.Software() {
		got[s.Unit+" "+s.Version] = s.Items["SYSLNK"] + s.Items["SYSPRG"]
	}
	want := map[string]string{
		"SDF-P 02.5A00":       "$TSOS.SYSLNK.SDF-P.MINE",
		"EDT 17.0A00":         "$TSOS.SYSPRG.EDT.170",
		"SDF-P-BASYS 02.5A00": "$TSOS.SYSLNK.SDF-P-BASYS.025",
		"JV 15.2A00":          "$TSOS.SYSLNK.JV.152",
		"VM2000 12.0A00":      "$TSOS.SYSLNK.VM2000.120",
	}
	if len(got) != len(want) {
		t.Errorf("inventory %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}

// Bad inventory entries name the line of the value at fault.
func TestSoftwareErrors(t *testing.T) {
	for _, c := range []struct{ entry, want string }{
		{"{unit: EDT, version: 17, items: {}}", `sw.yaml:2:26: software EDT: version "17" must have the form`},
		{"{unit: 'E D T', version: 17.0A00}", `sw.yaml:2:12: software: unit "E D T" must be a product name`},
		{"{unit: EDT, version: 17.0A00, items: {SYSPRG: 'A B'}}", `sw.yaml:2:42: software EDT: path name "A B" of SYSPRG`},
		{"{unit: EDT, version: 17.0A00}\n  - {unit: edt, version: V17.0A00}", `sw.yaml:3:12: software EDT 17.0A00 declared twice`},
	} {
		_, err := LoadInstallation("sw.yaml", []byte("software:\n  - "+c.entry+"\n"+goodSU))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %s", c.entry, err, c.want)
		}
	}
}
