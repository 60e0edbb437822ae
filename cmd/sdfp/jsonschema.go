package main

// The --format json schema as data: `sdfp help json` prints it, and
// TestHelpJSONListsEvents holds it to the events a run writes.

// jsonCommonFields are on every event.
var jsonCommonFields = []string{
	`"v" (the schema version)`,
	`"event" (the kind, below)`,
	`"task" (the TSN of the task, 0001 for the first procedure file; "" for the system's own events)`,
	`"time" (virtual time, RFC 3339; not on usage-error, which comes before the run has a clock)`,
}

// jsonEventTable lists the kinds of events.
var jsonEventTable = []struct{ event, fields, meaning string }{
	{"sysout", `"text", "message"`, "A SYSOUT line."},
	{"console", `"source", "text", "message"`, "An operator console line."},
	{"command", `"file", "line", "level", "text", "rc"`, "An executed command (with or without --trace), the batch jobs' too under their TSN."},
	{"variable", `"name", "value"`, "A variable was assigned."},
	{"syntax-error", `"file", "line", "column", "code", "severity", "text"`, "A finding that keeps a procedure from running, at its place in the file: a syntax error, or a parameter the procedure's declarations do not take (a missing, undeclared or mistyped one; exit status 2)."},
	{"usage-error", `"text"`, "The run did not start: a missing file, a bad installation, flags that do not fit (exit status 2); also on stderr. A flag the command line does not parse, --format included, is reported on stderr only."},
	{"result", `"file", "rc", "error", "message", "exit"`, "How a task ended; also each batch job a task entered, with exit 0 unless a run limit stopped it (its error is its MONJV's, not the run's)."},
	{"dry-run", `"files", "writes", "removed"`, "What a dry run would have written and removed."},
	{"write-error", `"text", "message"`, "A file the run could not write (exit status 4)."},
}

// jsonNotes explain the fields' values.
var jsonNotes = []string{
	`rc is {"sc2", "sc1", "main"}. text is the line as printed, in the run's language; message, present when the line is a message, is {"key", "inserts"}, an insert being a string, a number or a message of its own (the detail SDP0091 carries), the same in every language.`,
	`files lists "PATH (N bytes)"; writes holds for each file {"path", "bytes", "new"} and its "content" when the workdir lacks it, else a unified "diff" against the workdir's file (left out when the file would not change), or "binary": true, or "unchanged": true when the run would write the file with the content it has. Both compare with the workdir as it is, so a plain dry run after another run includes that run's undo. removed lists the paths of the workdir's files the run would have deleted or renamed away.`,
	`New fields may be added within a version; removing or changing one raises it.`,
}
