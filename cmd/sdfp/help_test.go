package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sdfp/builtins"
	"sdfp/hypervisor/vm2000"
)

// The help tests compare lines at the default width; a COLUMNS exported
// by the user's shell must not change them.
func init() { os.Unsetenv("COLUMNS") }

// Issue 14: the index's description was cut at "e.g." (the first ". ").
func TestFirstSentence(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Stops the run. More text.", "Stops the run."},
		{"The code, e.g. 'SDP0412'; 'CMD0001' otherwise. More.", "The code, e.g. 'SDP0412'; 'CMD0001' otherwise."},
		{"A path (e.g. 'SYSLNK') of a unit. Rest.", "A path (e.g. 'SYSLNK') of a unit."},
		{"Waits, i.e. blocks. Then goes on.", "Waits, i.e. blocks."},
		{"Versions V2.5. Next.", "Versions V2.5. Next."}, // a period inside the word: taken for an abbreviation
		{"Files, names etc. Next.", "Files, names etc. Next."},
		{"No period at all", "No period at all"},
		{"Ends here.", "Ends here."},
	} {
		if got := firstSentence(tt.in); got != tt.want {
			t.Errorf("firstSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := firstSentence(builtins.Default.Lookup("MAINCODE").Help); !strings.HasSuffix(got, "'CMD0001' when nothing failed.") {
		t.Errorf("MAINCODE's index line is cut: %q", got)
	}
}

// Issue 14: help wraps to $COLUMNS (else the terminal, else 80).
func TestHelpWidth(t *testing.T) {
	for _, cols := range []string{"", "50", "132"} {
		t.Setenv("COLUMNS", cols)
		width := 80
		if cols != "" {
			width = map[string]int{"50": 50, "132": 132}[cols]
		}
		for _, args := range [][]string{{"help"}, {"help", "EXECUTE-CMD"}, {"help", "SUBSTRING"}} {
			_, out, _ := runCLI(args...)
			longest := 0
			for _, l := range strings.Split(out, "\n") {
				// a single word longer than the width cannot be broken
				if len(l) > width && strings.Contains(strings.TrimSpace(l), " ") && !strings.HasPrefix(l, "  ") {
					t.Errorf("COLUMNS=%q %v: line of %d: %q", cols, args, len(l), l)
				}
				if len(l) > longest && !strings.HasPrefix(l, "  SDP") {
					longest = len(l)
				}
			}
			if cols == "132" && args[0] == "help" && len(args) == 1 && longest <= 80 {
				t.Errorf("COLUMNS=132: nothing wider than 80")
			}
		}
	}
}

// Issue 14: help topics for what only the Go sources said.
func TestHelpTopics(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"help", "installation"}, []string{string(vm2000.DefaultYAML())}},
		{[]string{"help", "monjv"}, []string{"MIGRATION MONJV: MIGRATE-VM", "$AE", "aborted", "RECONFIGURATION MONJV: EXTEND-VM-MEMORY, REDUCE-VM-MEMORY", " 98-104 reason"}},
		{[]string{"help", "information-commands"}, []string{"never spin off", "  SHOW-VM-ATTRIBUTES\n", "  SHOW-VM-STATUS\n"}},
		{[]string{"help", "structured-output"}, []string{"SHOW-VM-RESOURCES (", "SHOW-VM-STATUS has none"}},
		{[]string{"help", "SHOW-VM-ATTRIBUTES"}, []string{"Structured output", "UNIT(*LIST).KIND", "[*UNITS]", "never spins off",
			"V:SVA = VM2000 V12.0 User Guide, \"SHOW-VM-ATTRIBUTES\""}},
		{[]string{"help", "MIG-VM"}, []string{"MIGRATE-VM   [VM2000]", "$S, $R, $T, $TW, $AE, $AF", "V:MIG = VM2000 V12.0 User Guide, \"MIGRATE-VM (Migrate VM)\", section 224"}},
		{[]string{"help", "SUBSTR"}, []string{"UG 342 = SDF-P V2.5 User Guide, section 342"}},
		{[]string{"help", "SWITCH-VM-CPU"}, []string{"SWITCH-VM-CPU   [VM2000]", "ATTACHED-VM-CPUS = *ACTIONS(SOURCE-CPU-POOL = *CHECK-NUMBER /", "...-252"}},
		{[]string{"help", "SHOW-VM-CPU-POOL"}, []string{"REAL-CPU(*LIST).CPU-ID"}},
		{[]string{"help", "VMS4612"}, []string{"% VMS4612 TOO FEW ATTACHED REAL CPUS LEFT IN CPU POOL", "% VMS4612 ZU WENIG ZUGESCHALTETE REALE CPUS"}},
	} {
		code, out, _ := runCLI(tt.args...)
		for _, w := range tt.want {
			if code != exitOK || !strings.Contains(out, w) {
				t.Errorf("%v: exit %d, no %q in\n%s", tt.args, code, w, out)
				break
			}
		}
	}
	// the index lists the topics
	if _, out, _ := runCLI("help"); !strings.Contains(out, "Topics (sdfp help TOPIC):\n  installation ") {
		t.Errorf("no topics in the index")
	}
}

// sdfp help json lists every kind of event a run writes.
func TestHelpJSONListsEvents(t *testing.T) {
	dir := t.TempDir()
	p := writeProc(t, dir, "j.proc", "/X = 5\n/WRITE-TEXT 'X=&X'\n/SEND-MSG TO=OPER,MSG='DONE'\n/ASSIGN-SYSLST LST.X\n/WRITE-TEXT 'L',OUTPUT=*SYSLST\n")
	bad := writeProc(t, dir, "bad.proc", "/IF (A = 1)\n")
	_, out1, _ := runCLI("run", "--workdir", filepath.Join(dir, "w"), "--format", "json", "--dry-run", p)
	_, out2, _ := runCLI("run", "--workdir", filepath.Join(dir, "w"), "--format", "json", bad)
	_, help, _ := runCLI("help", "json")
	seen := map[string]bool{}
	for _, ev := range append(jsonEvents(t, out1), jsonEvents(t, out2)...) {
		kind := ev["event"].(string)
		seen[kind] = true
		if !strings.Contains(help, "\n  "+kind+" ") {
			t.Errorf("sdfp help json does not list %s:\n%s", kind, help)
		}
		for f := range ev {
			if !strings.Contains(help, `"`+f+`"`) {
				t.Errorf("sdfp help json does not name field %s of %s", f, kind)
			}
		}
	}
	if len(seen) < 7 {
		t.Errorf("only the events %v were tried", seen)
	}
}

// A source tag names its manual and page.
func TestSourceLines(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"V:MIG (vm2000 4.1)", `V:MIG = VM2000 V12.0 User Guide, "MIGRATE-VM (Migrate VM)", section 224`},
		{"Vn CMD-56 (operands: I)", "CMD 56 = BS2000 OSD/BC V21.0 Commands (volumes 1-7), section 56"},
		{"V-de UGde-274", "UGde 274 = SDF-P V2.5 Benutzerhandbuch (German user guide), section 274"},
		{"V10:150-151", "V10:150-151 = VM2000 V10.0 Benutzerhandbuch"},
		{"I (sdfp's wording)", ""},
	} {
		got := strings.Join(sourceLines(tt.src), "\n")
		if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
			t.Errorf("sourceLines(%q) = %q, want %q...", tt.src, got, tt.want)
		}
	}
}
