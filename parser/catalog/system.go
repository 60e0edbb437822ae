package catalog

// BS2000 system commands that procedures use: system files, job options,
// operator messages, job variables, WAIT-EVENT and message help. Sources
// refer to ../shared/spec/sdfp-syntax.md sections (CMD = BS2000 V21
// Commands, JV = Job Variables V15.2).

// jvPassword is the JV-PASSWORD operand shared by commands with a MONJV.
const jvPassword = `JV-PASSWORD = *NONE / <c-string 1..4> / <x-string 1..8> / <integer -2147483648..2147483647>`

var systemCommands = []decl{
	{name: "ASSIGN-SYSLST", domain: "BS2000", source: "V CMD assign-syslst (spec 9.1)",
		help: "Directs SYSLST to a file (cataloged at once when missing; its lines are in it once SYSLST is assigned elsewhere), back to the primary assignment with *PRIMARY, or to *DUMMY.",
		ops: `TO = <filename 1..54> / *PRIMARY / *DUMMY / *VARIABLE(VARIABLE-NAME = <composed-name 1..254> !) !
			OPEN-MODE = *OUTPUT / *EXTEND
			SYSLST-NUMBER = *STD / <integer 1..99>`},
	{name: "ASSIGN-SYSOUT", domain: "BS2000", source: "I (analogous to ASSIGN-SYSLST, spec 9.1)",
		help: "Directs SYSOUT to a file, or back to the primary assignment with *PRIMARY.",
		ops: `TO = <filename 1..54> / *PRIMARY / *DUMMY !
			OPEN-MODE = *OUTPUT / *EXTEND`},
	{name: "MODIFY-JOB-OPTIONS", domain: "BS2000", source: "I (spec 9.2, 14.17)",
		help: "Changes job options; LOGGING=*PARAMETERS(LISTING=*YES) copies the job log (each executed command and its messages) to SYSLST.",
		ops: `LOGGING = *UNCHANGED / *PARAMETERS(LISTING = *UNCHANGED / *YES / *NO)
			MONJV = *UNCHANGED / *NONE / <filename 1..54>
			` + jvPassword},
	{name: "SEND-MSG", domain: "BS2000", source: "V CMD send-msg; operand names I (spec 9.4)",
		help: "Sends a message to the operator console (TO=*OPERATOR) or to a program.",
		ops: `TO = *OPERATOR(WAIT-RESPONSE = *NO / *YES) / *PROGRAM(JOB-IDENTIFICATION = <alphanum-name 1..8> !) !
			MSG = <c-string 1..230 with-low> / *NO !`},
	{name: "INFORM-OPERATOR", domain: "BS2000", source: "V CMD inform-operator (spec 9.4)",
		help: "Sends a message to the operator console.",
		ops: `MSG = <c-string 1..230 with-low> !
			WAIT-RESPONSE = *NO / *YES`},
	{name: "WAIT-EVENT", domain: "BS2000", source: "V CMD wait-event (semantics); operand structure I (spec 7.1, 14.16)",
		help: "Holds the procedure until an event: a JV condition becomes true (*JV), a time passes (*TIME) or user switches are set. TIME-LIMIT is in seconds; when it runs out without TIMEOUT-LABEL, error handling starts. *USER-SWITCHES without ON or OFF does not wait.",
		ops:  `UNTIL = *JV(CONDITION = <cond> !, TIME-LIMIT = 3600 / <integer 0..86400>, TIMEOUT-LABEL = *NONE / <structured-name 1..255>, CHECK-CURRENT-VALUE = *YES / *NO) / *TIME(TIME-LIMIT = <integer 0..86400> !) / *USER-SWITCHES(` + switchCondition + `, USER-IDENTIFICATION = *OWN / <name 1..8>, TIME-LIMIT = 3600 / <integer 0..86400>) !`},
	{name: "CREATE-JV", domain: "JV", source: "V CMD create-jv (function); format I (spec 8.2, 14.15)",
		help: "Creates a job variable.",
		ops: `JV-NAME = <filename 1..54> !
			ACCESS = *WRITE / *READ
			USER-ACCESS = *OWNER-ONLY / *ALL-USERS
			READ-PASSWORD = *NONE / <c-string 1..4> / <x-string 1..8>
			WRITE-PASSWORD = *NONE / <c-string 1..4> / <x-string 1..8>`},
	{name: "MODIFY-JV", aliases: []string{"MDJV"}, domain: "JV", source: "V CMD modify-jv (spec 8.2)",
		help: "Writes a value into a job variable, or into part of it (JV-CONTENTS=*SUBSTRING(name,position,length)).",
		ops: `JV-CONTENTS = <filename 1..54> / [*SUBSTRING](JV-NAME = <filename 1..54> !, POSITION = 1 / <integer 1..256>, LENGTH = *REST / <integer 1..256>) / *LINK(LINK-NAME = <alphanum-name 1..7> !, POSITION = 1 / <integer 1..256>, LENGTH = *REST / <integer 1..256>) !
			SET-VALUE = <c-string 0..256 with-low> / <x-string 1..512> !
			JV-PASSWORD = *NONE / <c-string 1..4> / <x-string 1..8>`},
	{name: "SHOW-JV", domain: "JV", source: "V-ex JV example 1; format I (spec 8.2)",
		help: "Prints the value of a job variable on SYSOUT.",
		ops: `JV-CONTENTS|JV-NAME = <filename 1..54> / [*SUBSTRING](JV-NAME = <filename 1..54> !, POSITION = 1 / <integer 1..256>, LENGTH = *REST / <integer 1..256>) / *LINK(LINK-NAME = <alphanum-name 1..7> !) !
			JV-PASSWORD = *NONE / <c-string 1..4> / <x-string 1..8>`},
	{name: "SHOW-JV-ATTRIBUTES", domain: "JV", source: "V CMD show-jv-attributes (spec 8.2)",
		help: "Lists job variables with the length of their values.",
		ops: `JV-NAME = *ALL / <filename 1..54>
			INFORMATION = *NAME-AND-SIZE / *ALL-ATTRIBUTES`},
	{name: "DELETE-JV", domain: "JV", source: "I (spec 8.2)",
		help: "Deletes a job variable. A monitoring JV cannot be deleted while the system writes it.",
		ops: `JV-NAME = <filename 1..54> !
			JV-PASSWORD = *NONE / <c-string 1..4> / <x-string 1..8>
			DIALOG-CONTROL = *NO / *JV-CHANGE / *YES`},
	{name: "SET-JV-LINK", domain: "JV", source: "V SDF -40 (spec 8.2)",
		help: "Defines a link name for a job variable, usable as *LINK in conditions and JV().",
		ops: `LINK-NAME = <alphanum-name 1..7> !
			JV-NAME = <filename 1..54> / *NONE !`},
	{name: "HELP-MSG-INFORMATION", domain: "BS2000", source: "V-ex seed 000 (spec vm2000 8)",
		help: "Shows the text and meaning of a message key in German (D) or English (E).",
		ops: `MSG-IDENTIFICATION = <alphanum-name 7..7> !
			LANGUAGE = *STD / <name 1..1>`},
}
