package catalog

// BS2000 file commands (CMD = BS2000 V21 Commands, pages "DELETE-FILE",
// "CREATE-FILE", "COPY-FILE", "MODIFY-FILE-ATTRIBUTES",
// "SHOW-FILE-ATTRIBUTES", "ADD-FILE-LINK", "REMOVE-FILE-LINK",
// "SHOW-FILE-LINK"; SDF-P RR = SDF-P V2.5 ready reference, "Suffixes for
// data types"). Only the operands a procedure's logic depends on are
// declared; an operand the real command has but sdfp lacks is a syntax
// error (CMD0202), so a site command of the same name in an installation
// file, which wins over these (hypervisor/vm2000/site.go), is the way to
// keep a procedure that uses more. Domain "FILE" marks the commands a site
// command may redeclare.

// fileDomain is the domain of the file commands: the ones an
// installation's site command may replace.
const fileDomain = "FILE"

// fileSelection is a file name or a file name with wildcards (SDF-P RR
// "Suffixes for data types", -wild: * / <s1,s2> <sx:sy> -s and a
// terminating period, V). The catalog's <filename> takes no wildcard
// characters, so a pattern is taken as text (with-wild: a choice's commas
// are part of it) and package hypervisor/bs2000/files parses it.
const fileSelection = `<filename 1..54> / <text 1..80 with-wild>`

var fileCommands = []decl{
	{name: "CREATE-FILE", domain: fileDomain, source: "V CMD create-file (function: catalog entry for a new file); operands I (the ones procedures use)",
		help: "Catalogs a new, empty file under the task's user ID. A file of the name that exists already is refused (DMS04C6, I).",
		ops: `FILE-NAME = <filename 1..54> !
			SUPPORT = *PUBLIC-DISK(VOLUME-SET = *STD / <alphanum-name 1..4>, SPACE = *STD / *RELATIVE(PRIMARY-ALLOCATION = *STD / <integer 1..16777215>, SECONDARY-ALLOCATION = *STD / <integer 0..32767>)) / *NONE
			PROTECTION = *STD / *PARAMETERS(ACCESS = *STD / *WRITE / *READ, USER-ACCESS = *STD / *OWNER-ONLY / *ALL-USERS)`},
	{name: "DELETE-FILE", domain: fileDomain, source: "V CMD delete-file (own user ID only, selection as SHOW-FILE-ATTRIBUTES, OUTPUT and SUPPRESS-ERRORS operands); keyword values I",
		help: "Deletes files of the task's user ID; FILE-NAME may hold wildcards (*, /, <a,b>, <a:b>, -s, a terminating period). No file of the name: DMS0533 (SC1 64), unless SUPPRESS-ERRORS=*FILE-NOT-EXISTING. OUTPUT=*SYSOUT lists the files deleted, *SYSLST lists them on SYSLST (an error message stays on SYSOUT).",
		ops: `FILE-NAME = ` + fileSelection + ` !
			OPTION = *NONE / *DESTROY-ALL
			DIALOG-CONTROL = *STD / *NO / *YES / *ERROR
			OUTPUT = *NONE / *SYSOUT / *SYSLST
			SUPPRESS-ERRORS = *NONE / list-poss(2): *FILE-NOT-EXISTING / *EMPTY-FILE-SET`},
	{name: "COPY-FILE", domain: fileDomain, source: "I (CMD copy-file: operand names as procedures use them)",
		help: "Copies a file of the task's user ID to another file (created when missing). An existing target is replaced only with REPLACE=*YES; a missing source is DMS0533.",
		ops: `FROM-FILE = <filename 1..54> !
			TO-FILE = <filename 1..54> !
			REPLACE = *NO / *YES
			PROTECTION = *STD / *SAME`},
	{name: "MODIFY-FILE-ATTRIBUTES", domain: fileDomain, source: "I (CMD modify-file-attributes: NEW-NAME renames; other attributes not modelled)",
		help: "Changes a file's attributes; NEW-NAME renames it (a file of the new name must not exist: DMS04C6, I).",
		ops: `FILE-NAME = <filename 1..54> !
			NEW-NAME = *SAME / <filename 1..54>
			PROTECTION = *UNCHANGED / *PARAMETERS(ACCESS = *UNCHANGED / *WRITE / *READ, USER-ACCESS = *UNCHANGED / *OWNER-ONLY / *ALL-USERS)`},
	{name: "SHOW-FILE-ATTRIBUTES", domain: fileDomain, source: "V CMD \"S variable format\" (SHOW-FILE-ATTRIBUTES structure: F-NAME, CAT-ID, USER-ID, SHORT-F-NAME, F-SIZE; a wildcard gives a list); SYSOUT layout and keyword values I",
		help: "Shows the files of the task's user ID that FILE-NAME selects (wildcards allowed; default all): each with its size in PAM pages (2 KB), then a summary. Structured output (EXECUTE-CMD STRUCTURE-OUTPUT) has F-NAME, CAT-ID, USER-ID, SHORT-F-NAME and F-SIZE, with INFORMATION=*ALL-ATTRIBUTES also CRE-DATE, CRE-TIME and LAST-PAGE. OUTPUT=*SYSLST prints the listing on SYSLST, where EXECUTE-CMD's TEXT-OUTPUT does not catch it.",
		ops: `FILE-NAME = *ALL / ` + fileSelection + `
			INFORMATION = *NAME-AND-SPACE / *NAME-ONLY / *ALL-ATTRIBUTES
			OUTPUT = *SYSOUT / *SYSLST`},
	{name: "ADD-FILE-LINK", aliases: []string{"ADFL"}, domain: fileDomain, source: "V CMD show-file-link (TFT entries are made by ADD-FILE-LINK); operands I (the ones procedures use)",
		help: "Gives a file a link name for the task (an entry in its task file table, TFT); the file need not exist. A link name given again is replaced.",
		ops: `LINK-NAME = <filename 1..8> !
			FILE-NAME = <filename 1..54> / *DUMMY !`},
	{name: "REMOVE-FILE-LINK", aliases: []string{"RMFL"}, domain: fileDomain, source: "V CMD remove-file-link (format; LINK-NAME with wildcards); return code DMS0662 (SC2 2) I from CMD unlock-file-link",
		help: "Removes link names of the task from its task file table; LINK-NAME may hold wildcards. A link name the task lacks is a warning (DMS0662, SC2 2), none with SUPPRESS-ERRORS=*LINK-NAME-NOT-FOUND. sdfp makes no link name of blanks, so *FIRST-BLANK finds none.",
		ops: `LINK-NAME = *FIRST-BLANK / <filename 1..8> / <text 1..80 with-wild>
			RELEASE-DEVICE = *YES / *NO
			UNLOAD-RELEASED-TAPE = *NO / *YES
			SUPPRESS-ERRORS = *NONE / *LINK-NAME-NOT-FOUND`},
	{name: "SHOW-FILE-LINK", aliases: []string{"SHFL"}, domain: fileDomain, source: "V CMD show-file-link (format, sorted by link name, structured output); SYSOUT layout and S variable names I",
		help: "Shows the task's link names with the files they name, sorted by link name; LINK-NAME may hold wildcards, FILE-NAME restricts the list to the links of one file. Structured output: LINK-NAME and F-NAME.",
		ops: `LINK-NAME = *ALL / <filename 1..8> / <text 1..80 with-wild>
			FILE-NAME = *ALL / <filename 1..54>`},
}

// IsReplaceable reports whether a site command of an installation file
// may take the place of a built-in command: the file commands only, so
// that installation files written when sdfp had none keep working.
func IsReplaceable(c *Command) bool { return c != nil && c.Domain == fileDomain }
