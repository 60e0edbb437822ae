package main

import (
	"fmt"
	"io"
	"strings"

	"sdfp/hypervisor/vm2000"
)

// helpTopic is a help page that is not a command, function or message:
// what only the Go sources said before.
type helpTopic struct {
	name, summary string
	show          func(w io.Writer, width int)
}

// helpTopics lists the topics of `sdfp help TOPIC`.
func helpTopics() []helpTopic {
	return []helpTopic{
		{"installation", "The embedded default installation that runs use without --installation, as YAML.", helpInstallation},
		{"json", "The events of sdfp run --format json, schema version " + fmt.Sprint(JSONSchemaVersion) + ".", helpJSON},
		{"monjv", "The MONJVs of the asynchronous VM2000 commands: status values and bytes.", helpMonJV},
		{"information-commands", "The VM2000 commands that only show information and never spin off.", helpInformationCommands},
		{"structured-output", "Which SHOW commands give structured output (EXECUTE-CMD STRUCTURE-OUTPUT) and its elements.", helpStructuredOutputs},
	}
}

// lookupTopic finds a topic by its name, case-insensitively.
func lookupTopic(name string) *helpTopic {
	for _, t := range helpTopics() {
		if strings.EqualFold(t.name, name) {
			return &t
		}
	}
	return nil
}

func helpInstallation(w io.Writer, width int) {
	paragraph(w, width, "The embedded default installation (hypervisor/vm2000/default.yaml), used by sdfp run, "+
		"dialog and test unless --installation or a case's installation.yaml names another. "+
		"Copy it as a start for an installation file of your own:")
	fmt.Fprintln(w)
	w.Write(vm2000.DefaultYAML())
}

func helpJSON(w io.Writer, width int) {
	paragraph(w, width, fmt.Sprintf("sdfp run --format json writes one JSON object per line, schema version %d. "+
		"Every event has the fields %s.", JSONSchemaVersion, strings.Join(jsonCommonFields, ", ")))
	fmt.Fprintln(w)
	for _, e := range jsonEventTable {
		indexLine(w, width, e.event, "", e.meaning+" Fields: "+e.fields+".")
	}
	fmt.Fprintln(w)
	for _, n := range jsonNotes {
		paragraph(w, width, n)
	}
}

func helpMonJV(w io.Writer, width int) {
	paragraph(w, width, "A MONJV named in the MONJV operand of an asynchronous command follows its work: "+
		"bytes 1-3 hold the status, the rest of the first 128 bytes (the system part) what the kind says; "+
		"bytes 129-256 are the user's: VM2000 never writes them, and the procedure may write them while the "+
		"monitoring runs, when the system part is refused to it (JVS0413). Wait for a status with "+
		"WAIT-EVENT *JV((JV-NAME,1,3) = '$T ',...).")
	for _, k := range vm2000.MonJVKinds() {
		fmt.Fprintf(w, "\n%s MONJV: %s   [Source: %s]\n", k.Name, strings.Join(k.Commands, ", "), k.Source)
		fmt.Fprintln(w, "  Status (bytes 1-3):")
		for _, s := range k.Statuses {
			indexLine(w, width, fmt.Sprintf("  %-3s", s.Value), "", s.Meaning)
		}
		fmt.Fprintln(w, "  Bytes:")
		for _, f := range k.Fields {
			what := f.Name
			switch {
			case f.Constant != "":
				what = fmt.Sprintf("constant %q", f.Constant)
			case what == "":
				what = "reserved"
			}
			indexLine(w, width, fmt.Sprintf("  %3d-%-3d %s", f.Pos, f.Pos+f.Len-1, what), "", f.Source)
		}
	}
}

func helpInformationCommands(w io.Writer, width int) {
	paragraph(w, width, "These VM2000 commands only show information. They never spin off: a failure "+
		"(a VM that does not exist, a missing privilege) sets the return code, but the procedure "+
		"goes on with the next command and no error handling is started "+
		"(VM2000 User Guide, \"Command return codes\", V:RC):")
	for _, c := range vm2000.InformationCommands() {
		fmt.Fprintf(w, "  %s\n", c)
	}
}

func helpStructuredOutputs(w io.Writer, width int) {
	paragraph(w, width, "EXECUTE-CMD with STRUCTURE-OUTPUT=list variable turns a SHOW command's structured "+
		"output into a list of structures, one element per object (sdfp help COMMAND lists the elements):")
	for _, c := range []string{"SHOW-VM-ATTRIBUTES", "SHOW-VM-DEFINITION", "SHOW-VM-RESOURCES"} {
		fmt.Fprintf(w, "  %s (%d elements)\n", c, len(vm2000.StructuredOutput(c)))
	}
	paragraph(w, width, "SHOW-VM-STATUS has none. "+vm2000.StructuredOutputNote)
}

// helpCommandExtras adds to a command's help what the executor's data
// say about it: its structured output, that it never spins off, its
// MONJV's status values.
func helpCommandExtras(w io.Writer, width int, name string) {
	if els := vm2000.StructuredOutput(name); els != nil {
		fmt.Fprintln(w)
		all := "*ALL gives all"
		if left := vm2000.AllLeavesOut(name); len(left) > 0 {
			all += " but those of " + strings.Join(left, " and ")
		}
		paragraph(w, width, "Structured output (EXECUTE-CMD ...,STRUCTURE-OUTPUT=V): one element of V per object, "+
			"a structure with these elements; INFORMATION names the values that give an element ("+all+"):")
		for _, e := range els {
			desc := e.Type + ": " + e.Meaning
			if e.Info != "" {
				desc += " [" + e.Info + "]"
			}
			indexLine(w, width, e.Name, "", desc)
		}
		paragraph(w, width, vm2000.StructuredOutputNote)
	}
	for _, c := range vm2000.InformationCommands() {
		if c == name {
			fmt.Fprintln(w)
			paragraph(w, width, "An information command: it never spins off (sdfp help information-commands).")
		}
	}
	for _, k := range vm2000.MonJVKinds() {
		for _, c := range k.Commands {
			if c != name {
				continue
			}
			vals := make([]string, len(k.Statuses))
			for i, s := range k.Statuses {
				vals[i] = s.Value
			}
			fmt.Fprintln(w)
			paragraph(w, width, fmt.Sprintf("MONJV status values (bytes 1-3): %s (sdfp help monjv says what each means and lists the bytes).",
				strings.Join(vals, ", ")))
		}
	}
}
