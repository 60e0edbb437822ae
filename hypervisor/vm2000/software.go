package vm2000

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/goccy/go-yaml/ast"
)

// The software inventory of the installation: what IMON's software
// configuration inventory (SCI) holds about the installed products, for
// the builtin function INSTALLATION-PATH (SDF-P user guide "INSTALLATION-
// PATH( ) Output path name", UG-290, and BS2000 Commands, SDF-P-BASYS,
// CMD-57 [V]): each installation unit (product) with its version and, per
// logical ID of an installation item (SYSLNK, SYSMES ...), the path name
// IMON installed it under. An installation file may declare units under
// `software:`; a declared unit and version replaces the default entry of
// the same unit and version, the other defaults stay.

// SoftwareSpec is one installation unit of the inventory.
type SoftwareSpec struct {
	Unit    string `yaml:"unit"`    // installation unit (product) name, e.g. SDF-P
	Version string `yaml:"version"` // [V][m]m.naso, e.g. 02.5A00 or V2.5A00
	// Items maps a logical ID (installation item) to its path name.
	Items map[string]string `yaml:"items"`
	at    located
}

// UnmarshalYAML implements yaml.NodeUnmarshalerContext.
func (s *SoftwareSpec) UnmarshalYAML(_ context.Context, n ast.Node) error {
	type plain SoftwareSpec
	return decodeLocated(n, (*plain)(s), &s.at)
}

// defaultSoftware is the inventory when the installation file declares
// none: the products the model has (SDF-P V2.5 and its free part
// SDF-P-BASYS, as the manuals sdfp follows; JV V15.2, the job-variable
// manual's version; VM2000 V12.0, the VM2000 manual's). An installation
// item is named <aaabbb>.<unit>.<mmn> after its use and the unit's main
// and addition version, SYSLNK.EDT.170 for EDT V17.0 [V IMON,
// "Installation item (II)"]; the logical IDs chosen here and the user ID
// $TSOS the files are installed under are sdfp's guess [I].
var defaultSoftware = []SoftwareSpec{
	{Unit: "SDF-P", Version: "02.5A00", Items: sysFiles("SDF-P", "025", "SYSLNK", "SYSMES", "SYSSDF", "SYSSSC")},
	{Unit: "SDF-P-BASYS", Version: "02.5A00", Items: sysFiles("SDF-P-BASYS", "025", "SYSLNK", "SYSMES", "SYSSDF", "SYSSSC")},
	{Unit: "JV", Version: "15.2A00", Items: sysFiles("JV", "152", "SYSLNK", "SYSMES", "SYSSDF", "SYSSSC")},
	{Unit: "VM2000", Version: "12.0A00", Items: sysFiles("VM2000", "120", "SYSLNK", "SYSMES", "SYSSDF", "SYSSSC")},
}

// sysFiles names the installation items of a product as IMON installs
// them: $TSOS.SYSLNK.SDF-P.025 for SYSLNK of SDF-P V2.5.
func sysFiles(unit, ver string, ids ...string) map[string]string {
	m := make(map[string]string, len(ids))
	for _, id := range ids {
		m[id] = "$TSOS." + id + "." + unit + "." + ver
	}
	return m
}

// Software returns the installation's software inventory: the defaults,
// each replaced by the file's entry of the same unit and version, and the
// file's other entries, sorted by unit and version.
func (inst *Installation) Software() []SoftwareSpec {
	key := func(s SoftwareSpec) string { return s.Unit + " " + s.Version }
	declared := map[string]bool{}
	for _, s := range inst.Inventory {
		declared[key(s)] = true
	}
	out := append([]SoftwareSpec(nil), inst.Inventory...)
	for _, s := range defaultSoftware {
		if !declared[key(s)] {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return key(out[i]) < key(out[j]) })
	return out
}

// softwareVersion is the IMON version format [V][m]m.naso [V UG-290].
var softwareVersion = compileOnUse(`^V?([0-9]{1,2})\.([0-9][A-Z][0-9]{2})$`)

// fullVersion writes a version as IMON's mm.naso (V2.5A00 is 02.5A00);
// ok is false when it is not in the format [V][m]m.naso.
func fullVersion(v string) (string, bool) {
	m := softwareVersion().FindStringSubmatch(strings.ToUpper(strings.TrimSpace(v)))
	if m == nil {
		return "", false
	}
	major := m[1]
	if len(major) == 1 {
		major = "0" + major
	}
	return major + "." + m[2], true
}

// softwareName: unit names and logical IDs are IMON names of 1..30
// characters without blanks; path names are BS2000 file names of 1..54
// characters [I, after SET-INSTALLATION-PATH's operand types].
var (
	softwareName = compileOnUse(`^[A-Z0-9$#@][A-Z0-9$#@.\-]{0,29}$`)
	softwarePath = compileOnUse(`^[A-Z0-9$#@:][A-Z0-9$#@:.\-]{0,53}$`)
)

// software checks the inventory entries and writes names in upper case.
func (c *checker) software(inst *Installation) {
	seen := map[string]bool{}
	for i := range inst.Inventory {
		s := &inst.Inventory[i]
		s.Unit = strings.ToUpper(strings.TrimSpace(s.Unit))
		if !softwareName().MatchString(s.Unit) {
			c.errorf(s.at.of("unit"), "software: unit %q must be a product name of 1..30 letters, digits or $#@-.", s.Unit)
		}
		v, ok := fullVersion(s.Version)
		if !ok {
			c.errorf(s.at.of("version"), "software %s: version %q must have the form [V][m]m.naso, e.g. 02.5A00", s.Unit, s.Version)
		}
		s.Version = v
		if seen[s.Unit+" "+v] {
			c.errorf(s.at.of("unit"), "software %s %s declared twice", s.Unit, v)
		}
		seen[s.Unit+" "+v] = true
		items := make(map[string]string, len(s.Items))
		for id, path := range s.Items {
			id, path = strings.ToUpper(strings.TrimSpace(id)), strings.ToUpper(strings.TrimSpace(path))
			if !softwareName().MatchString(id) {
				c.errorf(s.at.of("items"), "software %s: logical ID %q must be 1..30 letters, digits or $#@-.", s.Unit, id)
			}
			if !softwarePath().MatchString(path) {
				c.errorf(s.at.of("items"), "software %s: path name %q of %s must be a file name of 1..54 characters", s.Unit, path, id)
			}
			items[id] = path
		}
		s.Items = items
	}
}

// compileOnUse is a regular expression compiled when it is first used, so
// that a start of sdfp does not pay for name syntaxes it never checks
// (TestInitialisationIsCheap).
func compileOnUse(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
