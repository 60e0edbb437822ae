package builtins

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
)

// The fake's software inventory: SDF-P in two versions, and a product
// registered without the item asked for.
func fakeSoftware() []Software {
	return []Software{
		{Unit: "SDF-P", Version: "02.5A00", Items: map[string]string{"SYSLNK": "$TSOS.SYSLNK.SDF-P.025"}},
		{Unit: "SDF-P", Version: "02.4B10", Items: map[string]string{"SYSLNK": "$TSOS.SYSLNK.SDF-P.024"}},
		{Unit: "EDT", Version: "17.0A00", Items: map[string]string{}},
	}
}

// The fake's libraries: "LIBRARY/TYPE" -> the files of the type's
// directory; a library of nothing but a file, and one that cannot be read.
func fakeLibraries() map[string][]string {
	return map[string][]string{
		"PROCLIB/J":  {"START", "BACKUP(002)", "BACKUP(001)", "vmmem"},
		"PROCLIB/S":  {"SOURCE.A"},
		"PLAINFILE/": nil,
	}
}

func (e *fakeEnv) Software() []Software { return e.software }

func (e *fakeEnv) LibraryElements(library, typ string) ([]string, error) {
	switch {
	case library == "PLAINFILE":
		return nil, errors.New("not a directory")
	case e.libs[library+"/"+typ] != nil:
		return e.libs[library+"/"+typ], nil
	}
	for k := range e.libs {
		if strings.HasPrefix(k, library+"/") {
			return nil, nil // the library exists, without that type
		}
	}
	return nil, fs.ErrNotExist
}

func TestInstallationPath(t *testing.T) {
	t.Parallel()
	runCases(t, []callCase{
		{call: "INSTALLATION-PATH(LOGICAL-ID='SYSLNK', INSTALLATION-UNIT='SDF-P', DEFAULT-PATH-NAME='$TSOS.X')",
			want: "'$TSOS.SYSLNK.SDF-P.025'"},
		// *STD is the highest version; positional order as on UG-290.
		{call: "INSTALLATION-PATH('syslnk', 'sdf-p', *STD, '$TSOS.X')", want: "'$TSOS.SYSLNK.SDF-P.025'"},
		{call: "INSTALLATION-PATH('SYSLNK', 'SDF-P', 'V2.4B10', '$TSOS.X')", want: "'$TSOS.SYSLNK.SDF-P.024'"},
		{call: "INSTALLATION-PATH('SYSLNK', 'SDF-P', '02.4B10', '$TSOS.X')", want: "'$TSOS.SYSLNK.SDF-P.024'"},
		{call: "INSTALLATION-PATH('SYSLNK', 'SDF-P', 'V2.4', '$TSOS.X')", want: "'$TSOS.SYSLNK.SDF-P.024'"},
		// Not registered: the unit, or the item of a registered unit.
		{call: "INSTALLATION-PATH('SYSLNK', 'LMS', *STD, '$TSOS.SYSLNK.LMS')", want: "'$TSOS.SYSLNK.LMS'"},
		{call: "INSTALLATION-PATH('SYSLNK', 'LMS', 'V3.5A00', '$TSOS.SYSLNK.LMS')", want: "'$TSOS.SYSLNK.LMS'"},
		{call: "INSTALLATION-PATH('SYSPRG', 'EDT', *STD, 'DEFAULT')", want: "'DEFAULT'"},
		// An explicit version the SCI does not hold: no result at all.
		{call: "INSTALLATION-PATH('SYSLNK', 'SDF-P', 'V2.3A00', '$TSOS.X')", err: "SDP0469"},
		{call: "INSTALLATION-PATH('SYSLNK', 'SDF-P', 'TWO', '$TSOS.X')", err: "SDP0469"},
		{call: "INSTALLATION-PATH('', 'SDF-P', *STD, '$TSOS.X')", err: "SDP0469"},
		{call: "INSTALLATION-PATH('SYSLNK', 'SDF P', *STD, '$TSOS.X')", err: "SDP0469"},
		{call: "INSTALLATION-PATH('SYSLNK', 'SDF-P')", err: "SDP0091"}, // DEFAULT-PATH-NAME is mandatory
		{call: "INSTALLATION-PATH('SYSLNK', 'SDF-P', *STD, '$TSOS.X')", want: "'$TSOS.X'",
			env: func(e *fakeEnv) { e.software = nil }},
	})
}

func TestIsLibraryElement(t *testing.T) {
	t.Parallel()
	runCases(t, []callCase{
		{call: "IS-LIBRARY-ELEMENT(LIBRARY='PROCLIB', ELEMENT='START', TYPE='J')", want: "TRUE"},
		{call: "IS-LIB-ELEM('proclib', 'vmmem', 'j')", want: "TRUE"},
		{call: "IS-LIB-ELEM('PROCLIB', 'BACKUP', 'J')", want: "TRUE"},
		{call: "IS-LIB-ELEM('PROCLIB', 'BACKUP', 'J', '001')", want: "TRUE"},
		{call: "IS-LIB-ELEM('PROCLIB', 'BACKUP', 'J', VERSION='003')", want: "FALSE"},
		{call: "IS-LIB-ELEM('PROCLIB', 'START', 'J', '001')", want: "FALSE"},
		{call: "IS-LIB-ELEM('PROCLIB', 'START', 'S')", want: "FALSE"},
		{call: "IS-LIB-ELEM('PROCLIB', 'START', 'P')", want: "FALSE"},
		{call: "IS-LIB-ELEM('PROCLIB', 'SOURCE.A', 'S', *HIGHEST-EXISTING)", want: "TRUE"},
		{call: "IS-LIB-ELEM('NOLIB', 'START', 'J')", err: "SDP0093"},
		{call: "IS-LIB-ELEM('PLAINFILE', 'START', 'J')", err: "SDP0093"},
		{call: "IS-LIB-ELEM('PROCLIB', 'START', 'TOOLONGTYPE')", err: "SDP0454"},
		{call: "IS-LIB-ELEM('PROC LIB', 'START', 'J')", err: "SDP0454"},
		{call: "IS-LIB-ELEM('PROCLIB', '', 'J')", err: "SDP0454"},
		{call: "IS-LIB-ELEM('PROCLIB', 'START', 'J', '(1)')", err: "SDP0454"},
		{call: "IS-LIB-ELEM('PROCLIB', 'START')", err: "SDP0091"},
	})
}

// SDP0093 names the file system's error code, which /HELP-MSG explains.
func TestLibraryAccessCodes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ lib, code string }{{"NOLIB", "DMS0533"}, {"PLAINFILE", "DMS0501"}} {
		_, err := evalCall(newFakeEnv(), "IS-LIB-ELEM('"+c.lib+"', 'START', 'J')")
		if err == nil || !strings.Contains(err.Error(), "ERROR '"+c.code+"'") {
			t.Errorf("%s: %v, want SDP0093 with %s", c.lib, err, c.code)
		}
	}
}

// A version in the inventory that is not in IMON's format does not make
// SDF-P-VERSION fail: it answers the default.
func TestSDFPVersionOfABadInventory(t *testing.T) {
	env := newFakeEnv()
	env.software = []Software{{Unit: "SDF-P", Version: "X"}}
	if got, err := evalCall(env, "SDF-P-VERSION()"); err != nil || got != SDFPVersion {
		t.Errorf("%v %v", got, err)
	}
}
