package builtins

import (
	"errors"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Functions that answer from the system around the task: the software
// inventory of the installation (INSTALLATION-PATH) and the libraries of
// the workdir (IS-LIBRARY-ELEMENT). Nothing comes from the host.

// Software is one installation unit (product) of the installation's
// software inventory, IMON's SCI: its version in the form mm.naso
// (02.5A00) and the path name of each installation item by logical ID.
type Software struct {
	Unit    string
	Version string
	Items   map[string]string
}

// imonVersion is the VERSION format of INSTALLATION-PATH, [V][m]m.naso
// [V UG-290]; the correction state (a, so) may be left out, which selects
// the highest correction state of that version [I].
var imonVersion = compileOnUse(`^V?([0-9]{1,2})\.([0-9])([A-Z][0-9]{2})?$`)

// normalVersion writes a version as mm.n or mm.naso; ok is false when it
// does not have the format.
func normalVersion(v string) (string, bool) {
	m := imonVersion().FindStringSubmatch(strings.ToUpper(strings.TrimSpace(v)))
	if m == nil {
		return "", false
	}
	if len(m[1]) == 1 {
		m[1] = "0" + m[1]
	}
	return m[1] + "." + m[2] + m[3], true
}

// imonName: unit names and logical IDs are names of 1..30 characters
// without blanks [I, after SET-INSTALLATION-PATH's operands].
var imonName = compileOnUse(`^[A-Z0-9$#@][A-Z0-9$#@.\-]{0,29}$`)

var fnInstallationPath = &Function{
	Name: "INSTALLATION-PATH", Result: TypeString, Source: "V UG-290, CMD-57 (VERSION=*STD: the highest version registered, I)",
	Help: "The path name the software inventory (IMON's SCI) registers for the installation item LOGICAL-ID " +
		"(e.g. 'SYSLNK') of the installation unit INSTALLATION-UNIT (e.g. 'SDF-P') in VERSION (*STD: the highest " +
		"registered; or '[V][m]m.naso', e.g. 'V2.5A00'); DEFAULT-PATH-NAME when the unit or the item is not " +
		"registered. A VERSION the inventory does not hold for a registered unit, or a malformed operand, is " +
		"SDP0469 and gives no result. The inventory is the installation file's `software:` plus defaults for " +
		"SDF-P, SDF-P-BASYS, JV and VM2000.",
	Params: []Param{
		{Name: "LOGICAL-ID", Type: TypeString},
		{Name: "INSTALLATION-UNIT", Type: TypeString},
		{Name: "VERSION", Type: TypeString, Keywords: []string{"*STD"}, Default: Keyword("*STD")},
		{Name: "DEFAULT-PATH-NAME", Type: TypeString},
	},
	Impl: func(env Env, a []any) (any, error) {
		id := strings.ToUpper(strings.TrimSpace(a[0].(string)))
		unit := strings.ToUpper(strings.TrimSpace(a[1].(string)))
		if !imonName().MatchString(id) {
			return nil, installationParameter.err("LOGICAL-ID")
		}
		if !imonName().MatchString(unit) {
			return nil, installationParameter.err("INSTALLATION-UNIT")
		}
		version := ""
		if s, ok := a[2].(string); ok {
			v, ok := normalVersion(s)
			if !ok {
				return nil, installationParameter.err("VERSION")
			}
			version = v
		}
		sw, registered := findSoftware(env.Software(), unit, version)
		switch {
		case !registered:
			return a[3].(string), nil
		case sw == nil:
			// [V UG-290] an explicit version the SCI does not hold ends
			// the call without a result, not even the default.
			return nil, installationParameter.err("VERSION")
		}
		if p, ok := sw.Items[id]; ok {
			return p, nil
		}
		return a[3].(string), nil
	},
}

// findSoftware picks the unit's entry: the highest version, or the
// highest one the version given (mm.n or mm.naso) names. registered is
// false when the inventory holds the unit in no version at all.
func findSoftware(inv []Software, unit, version string) (sw *Software, registered bool) {
	var match []*Software
	for i := range inv {
		if !strings.EqualFold(inv[i].Unit, unit) {
			continue
		}
		registered = true
		v, _ := normalVersion(inv[i].Version)
		if version == "" || v == version || len(version) == 4 && strings.HasPrefix(v, version) {
			match = append(match, &inv[i])
		}
	}
	if len(match) == 0 {
		return nil, registered
	}
	sort.Slice(match, func(i, j int) bool { return match[i].Version > match[j].Version })
	return match[0], true
}

// Library elements. A library is modelled as a directory of the workdir
// named like the library (as written or in lower case); each element type
// is a subdirectory (S, J, P ...), each element a regular file in it,
// named ELEMENT or, with a version, ELEMENT(VERSION) as LMS writes an
// element designation [I: sdfp's model of a PLAM library].

// SDF data types of IS-LIBRARY-ELEMENT's operands [V UG-302]:
// <filename 1..54>, <composed-name 1..64>, <alphanum-name 1..8>,
// <composed-name 1..24>.
var (
	libFileName     = compileOnUse(`^[A-Z0-9$#@:][A-Z0-9$#@:.\-]{0,53}$`)
	libElementName  = compileOnUse(`^[A-Z0-9$#@][A-Z0-9$#@.\-]{0,63}$`)
	libElementType  = compileOnUse(`^[A-Z0-9$#@]{1,8}$`)
	libVersionValue = compileOnUse(`^[A-Z0-9$#@][A-Z0-9$#@.\-]{0,23}$`)
)

// libraryFailures maps what the workdir answered to the error code
// SDP0093 names (its text points to /HELP-MSG of that code) [I].
var libraryFailures = []struct {
	is   error
	code string
}{
	{fs.ErrNotExist, "DMS0533"}, // the library file does not exist
	{nil, "DMS0501"},            // anything else: it cannot be opened as a library
}

var fnIsLibraryElement = &Function{
	Name: "IS-LIBRARY-ELEMENT", Aliases: []string{"IS-LIB-ELEM"}, Result: TypeBoolean,
	Source: "V UG-302 (the library model and SDP0093's error codes: I)",
	Help: "TRUE when the library LIBRARY holds an element ELEMENT of type TYPE (S, J, P ...) in VERSION " +
		"(*HIGHEST-EXISTING: in any version). sdfp models a library as a directory of the workdir with a " +
		"subdirectory per type and a file per element, named ELEMENT or ELEMENT(VERSION). A library that does " +
		"not exist or is no directory is SDP0093, an operand that is no valid name SDP0454.",
	Params: []Param{
		{Name: "LIBRARY", Type: TypeString},
		{Name: "ELEMENT", Type: TypeString},
		{Name: "TYPE", Type: TypeString},
		{Name: "VERSION", Type: TypeString, Keywords: []string{"*HIGHEST-EXISTING"}, Default: Keyword("*HIGHEST-EXISTING")},
	},
	Impl: func(env Env, a []any) (any, error) {
		lib := strings.ToUpper(strings.TrimSpace(a[0].(string)))
		elem := strings.ToUpper(strings.TrimSpace(a[1].(string)))
		typ := strings.ToUpper(strings.TrimSpace(a[2].(string)))
		for _, c := range []struct {
			name, value string
			syntax      func() *regexp.Regexp
		}{{"LIBRARY", lib, libFileName}, {"ELEMENT", elem, libElementName}, {"TYPE", typ, libElementType}} {
			if !c.syntax().MatchString(c.value) {
				return nil, libraryParameter.err(c.name)
			}
		}
		version := ""
		if s, ok := a[3].(string); ok {
			version = strings.ToUpper(strings.TrimSpace(s))
			if !libVersionValue().MatchString(version) {
				return nil, libraryParameter.err("VERSION")
			}
		}
		names, err := env.LibraryElements(lib, typ)
		if err != nil {
			for _, f := range libraryFailures {
				if f.is == nil || errors.Is(err, f.is) {
					return nil, libraryAccess.err(lib, f.code)
				}
			}
		}
		for _, n := range names {
			e, v := splitElementName(strings.ToUpper(n))
			if e == elem && (version == "" || v == version) {
				return true, nil
			}
		}
		return false, nil
	},
}

// splitElementName reads a file name ELEMENT(VERSION) or ELEMENT.
func splitElementName(n string) (elem, version string) {
	if i := strings.IndexByte(n, '('); i > 0 && strings.HasSuffix(n, ")") {
		return n[:i], n[i+1 : len(n)-1]
	}
	return n, ""
}

// compileOnUse is a regular expression compiled when it is first used: a
// package-level regexp.MustCompile runs at every start of sdfp, and these
// name syntaxes with counted repetitions ({0,53}) compile into large
// programs (about 1 ms of start-up for the ten of builtins and vm2000,
// which a run of VMMEM never uses; TestInitialisationIsCheap).
func compileOnUse(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
