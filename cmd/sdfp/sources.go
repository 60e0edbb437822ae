package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// A Source tag in the catalogs ("V:MIG (vm2000 4.1)", "V UG 400",
// "Vn CMD-56") names the manual page a fact was read on by a short key.
// `sdfp help` shows what the key stands for: the manual's title and the
// page's. The keys are those of the research notes (shared/spec:
// sdfp-syntax.md section 0, vm2000.md section 0.2); the titles are the
// manuals' own (V, read on the pages' headings).

// manualBase is the site all the manuals are on.
const manualBase = "https://bs2manuals.ts.fujitsu.com/"

// manuals are the manuals a short name in a Source tag stands for.
var manuals = []struct{ key, title, path string }{
	{"UGde", "SDF-P V2.5 Benutzerhandbuch (German user guide)", "psSDFPV25de/sdf-p-benutzerhandbuch-21725/"},
	{"UG-de", "SDF-P V2.5 Benutzerhandbuch (German user guide)", "psSDFPV25de/sdf-p-benutzerhandbuch-21725/"},
	{"UG", "SDF-P V2.5 User Guide", "psSDFPV25en/sdf-p-user-guide-21736/"},
	{"RR", "SDF-P V2.5 Ready Reference", "psSDFPV25en/sdf-p-ready-reference-user-guide-20602/"},
	{"CMD", "BS2000 OSD/BC V21.0 Commands (volumes 1-7)", "psBS2000OPERATINGSYSTEMV210en/commands-volume-1-7-user-guide-21266/"},
	{"SDF", "SDF V21.0 Dialog Interface", "psSDFV210en/sdf-dialog-interface-user-guide-21117/"},
	{"JV", "Job Variables V15.2", "psJVV152en/jv-user-guide-21603/"},
}

// vm2000Manual is the manual the V:KEY tags name pages of.
const vm2000Manual = "VM2000 V12.0 User Guide"

// vm2000Pages are the pages of the VM2000 manual (and the SE white
// papers) a V:KEY tag names: the key, the page's title and its section
// number in the manual's addresses.
var vm2000Pages = sync.OnceValue(func() map[string]struct{ title, section string } {
	return map[string]struct{ title, section string }{
		"MIG":     {"MIGRATE-VM (Migrate VM)", "224"},
		"CHK":     {"CHECK-VM-MIGRATION (Check prerequisites for a VM migration)", "209"},
		"MIGDEF":  {"MIGRATE-VM-DEFINITION", "225"},
		"PRE":     {"Prerequisites for the VM Migration", "81"},
		"PHA":     {"Phases of a VM Migration", "82"},
		"DEVM":    {"Device management during a VM Migration", "85"},
		"RELOC":   {"Relocation of the VM definition during VM Migration", "86"},
		"NALLOW":  {"Commands not allowed during a VM Migration", "87"},
		"MJVM":    {"Monitoring a VM Migration with job variables (MONJV)", "88"},
		"EXT":     {"EXTEND-VM-MEMORY (Increase main memory for a VM)", "222"},
		"RED":     {"REDUCE-VM-MEMORY (Reduce main memory for a VM)", "234"},
		"RECONF":  {"Reconfiguring main memory", "147"},
		"MEMX86":  {"Managing main memory on SU x86", "146"},
		"MEM390":  {"Hauptspeicher auf SU /390 verwalten (German)", "145"},
		"MEMGEN":  {"Hauptspeicher verwalten (German)", "144"},
		"RC":      {"Command return codes", "196"},
		"SVAR":    {"SHOW output in S variables", "198"},
		"CRVM":    {"CREATE-VM (Initialize a VM)", "210"},
		"INIT":    {"Initializing a VM", "63"},
		"CRDEF":   {"CREATE-VM-DEFINITION", "213"},
		"MODDEF":  {"MODIFY-VM-DEFINITION", "227"},
		"DEFCMD":  {"Commands for managing VM definitions", "92"},
		"DEFPREV": {"VM definition and previous VM2000 commands", "91"},
		"START":   {"START-VM", "251"},
		"STARTG":  {"Starting the guest system on a VM", "69"},
		"HOLD":    {"HOLD-VM (Suspend VM)", "223"},
		"SUSP":    {"Suspending a VM / resuming operation", "72"},
		"RESUME":  {"RESUME-VM", "239"},
		"DEL":     {"DELETE-VM", "215"},
		"TERM":    {"Terminating a VM", "79"},
		"SHUT":    {"SHUTDOWN-VM", "250"},
		"MOVE":    {"MOVE-VM", "232"},
		"ADDDEV":  {"ADD-VM-DEVICES", "201"},
		"EXPDEV":  {"Explicit device assignment and removal", "150"},
		"IMPDEV":  {"Interplay between implicit and explicit device assignment", "152"},
		"USAGE":   {"MODIFY-VM-DEVICE-USAGE", "229"},
		"MODATT":  {"MODIFY-VM-ATTRIBUTES", "226"},
		"SVA":     {"SHOW-VM-ATTRIBUTES", "243"},
		"SVR":     {"SHOW-VM-RESOURCES", "248"},
		"SVS":     {"SHOW-VM-STATUS", "249"},
		"SVD":     {"SHOW-VM-DEFINITION (German)", "245"},
		"SDS":     {"SHOW-VM-DEVICE-STATUS (German)", "246"},
		"BVD":     {"BEGIN-VM-DIALOG", "206"},
		"SEND":    {"SEND-VM-MESSAGE (Pass messages to VM administrators)", "241"},
		"TYPES":   {"Types of command", "104"},
		"PRIVF":   {"Privileged functions", "106"},
		"RESTR":   {"Restrictions in VM2000 commands/functions", "107"},
		"EXTR":    {"Extending and restricting the range of commands/functions", "108"},
		"PRIVT":   {"Privileges of the user task in the monitor system", "50"},
		"ADMT":    {"Administration dialogs from privileged user tasks", "51"},
		"WHOLE":   {"Bedienen des Gesamtsystems VM2000 (German)", "103"},
		"OPVM":    {"Bedienen einer VM (German)", "62"},
		"PWD":     {"Password protection", "184"},
		"WP390":   {"SE white paper \"Cluster-Lösungen für SE Server\" V6.3A: example with console messages on SU /390", ""},
		"WPREJ":   {"SE white paper \"Cluster solutions for SE server\" V6.2: rejection and abortion of an LM", ""},
		"WPFUN":   {"SE white papers: functionality of an SU cluster; messages in the SE Manager's event logging", ""},
		"SECL":    {"SE Server Operation and Administration: clusters", ""},
	}
})

// The tags of Source texts, compiled on first use (sdfp help): compiled
// at every start of sdfp they were a third of its own packages'
// initialisation.
var (
	vm2000Tag = compileOnUse(`\bV:([A-Z0-9]+)`)
	// the German VM2000 V10.0 manual, by its printed page: "V10:150-151"
	vm2000V10Tag = compileOnUse(`\bV10:([0-9]+(-[0-9]+)?)`)
	// a manual's short name followed by a page: "UG 400", "UG-400", "CMD-56", "UGde-274"
	manualTag = compileOnUse(`\b(UGde|UG-de|UG|RR|CMD|SDF|JV)[ -](-?[0-9]+|[a-z]+-[a-z-]+)`)
)

// compileOnUse returns the regexp of pattern, compiled when first asked for.
func compileOnUse(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}

// sourceLines explains the tags of a Source text, one line for each
// manual page it names, in the order they come; none for a text that
// names no page (an inference, a seed).
func sourceLines(src string) []string {
	type hit struct {
		at   int
		text string
	}
	var hits []hit
	seen := map[string]bool{}
	add := func(at int, key, text string) {
		if !seen[key] {
			seen[key] = true
			hits = append(hits, hit{at, text})
		}
	}
	for _, m := range vm2000Tag().FindAllStringSubmatchIndex(src, -1) {
		key := src[m[2]:m[3]]
		if p, ok := vm2000Pages()[key]; ok {
			text := fmt.Sprintf("V:%s = %s, \"%s\"", key, vm2000Manual, p.title)
			if p.section != "" {
				text += ", section " + p.section
			}
			if strings.HasPrefix(key, "WP") || key == "SECL" {
				text = fmt.Sprintf("V:%s = %s", key, p.title)
			}
			add(m[0], "V:"+key, text)
		}
	}
	for _, m := range vm2000V10Tag().FindAllStringSubmatchIndex(src, -1) {
		page := src[m[2]:m[3]]
		add(m[0], "V10:"+page, fmt.Sprintf("V10:%s = VM2000 V10.0 Benutzerhandbuch (German, U5183-J-Z125-12), page %s", page, page))
	}
	for _, m := range manualTag().FindAllStringSubmatchIndex(src, -1) {
		key, page := src[m[2]:m[3]], strings.TrimPrefix(src[m[4]:m[5]], "-")
		for _, man := range manuals {
			if man.key == key {
				what := "section " + page
				if page[0] >= 'a' {
					what = "the page of " + strings.ToUpper(page)
				}
				add(m[0], key+" "+page, fmt.Sprintf("%s %s = %s, %s (%s%s)", key, src[m[4]:m[5]], man.title, what, manualBase, man.path))
				break
			}
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.text
	}
	return out
}

// printSource prints a help page's Source line and what its tags stand
// for.
func printSource(w interface{ Write([]byte) (int, error) }, src string, width int) {
	fmt.Fprintf(w, "\nSource: %s\n", wrap(src, width-1, "        "))
	for _, l := range sourceLines(src) {
		fmt.Fprintf(w, "  %s\n", wrap(l, width-3, "    "))
	}
}
