package catalog

// Batch jobs: ENTER-JOB, ENTER-PROCEDURE and the job-control commands
// around them, and the commands that open and close an ENTER file (CMD =
// BS2000 V21 Commands, JV = Job Variables V15.2). The stored manual pages
// give each command's function; the operand lists below follow the
// operand names those pages and the JMP example of reconstructed
// ENTER-JOB commands use (utility routines, "Notes on reconstructed
// attributes"), with sdfp's value ranges (I). REPEAT-JOB, LIMIT,
// RESOURCES and the other operands of ENTER-JOB that are not declared
// here are refused as unknown operands (CMD0202).

// jobIdentification names a job for CANCEL-JOB and SHOW-JOB-STATUS: by
// TSN or by its monitoring JV [V CMD force-job-cancel, the same pair].
const jobIdentification = `*TSN(TSN = <alphanum-name 1..4> !) / *MONJV(MONJV = <filename 1..54> !, ` + jvPassword + `)`

// jobOperands are the operands ENTER-PROCEDURE hands on to ENTER-JOB [V
// CMD enter-procedure, Method 3].
const jobOperands = `PROCESSING-ADMISSION = *SAME / *PARAMETERS(USER-IDENTIFICATION = *SAME / <name 1..8>, ACCOUNT = *SAME / <alphanum-name 1..8>, PASSWORD = *NONE / <c-string 1..8> / <x-string 1..16>)
			JOB-CLASS = *STD / <name 1..8>
			JOB-NAME = *STD / <alphanum-name 1..8>
			MONJV = *NONE / <filename 1..54>
			` + jvPassword + `
			JOB-PRIORITY = *STD / <integer 1..9>
			RERUN-AFTER-CRASH = *STD / *NO / *YES
			FLUSH-AFTER-SHUTDOWN = *STD / *NO / *YES
			SCHEDULING-TIME = *STD / *PARAMETERS(START = *SOON / *AT(DATE = *TODAY / <text 10..10>, TIME = <text 1..8> !))
			LOGGING = *STD / *PARAMETERS(LISTING = *STD / *NO / *YES)`

var jobCommands = []decl{
	{name: "ENTER-JOB", domain: "BS2000", source: "V CMD enter-job (function, first and last command of the ENTER file, own TSN, job confirmation); operands I (JMP example)",
		help: "Starts the commands of an ENTER file as a batch job: a new task with its own TSN on the same installation and virtual clock, its SYSOUT written to the workdir file S.OUT.tsn.date.time when it ends. The file starts with SET-LOGON-PARAMETERS and ends with EXIT-JOB or LOGOFF. MONJV names a job variable that shows $S while the job waits, $R while it runs, $T or $A at its end. SCHEDULING-TIME=*PAR(START=*AT(TIME=hh:mm)) starts it at that virtual time; PROCESSING-ADMISSION, JOB-CLASS, JOB-PRIORITY, RERUN-AFTER-CRASH, FLUSH-AFTER-SHUTDOWN, FILE-PASSWORD, DELETE-FILE and LOGGING are accepted and change nothing.",
		ops: `FROM-FILE = <filename 1..54> !
			FILE-PASSWORD = *NONE / <c-string 1..4> / <x-string 1..8>
			DELETE-FILE = *NO / *YES
			` + jobOperands},
	{name: "ENTER-PROCEDURE", aliases: []string{"ENP"}, domain: "BS2000", source: "V CMD enter-procedure (alias ENP, function, the procedure called as by CALL-PROCEDURE in an ENTER file, operands handed to ENTER-JOB); operand values I",
		help: "Starts an S procedure as a batch job, as if an ENTER file called it with CALL-PROCEDURE and PROCEDURE-PARAMETERS; otherwise as ENTER-JOB.",
		ops: `FROM-FILE = <filename 1..54> !
			PROCEDURE-PARAMETERS = *NONE / <text 0..1800>
			` + jobOperands},
	{name: "SHOW-JOB-STATUS", domain: "BS2000", source: "V CMD show-job-status (function, INFORMATION values); output layout and S variables I",
		help: "Shows a job of the user ID: TSN, job name, type (1 queued, 2 running), job class, start times; without JOB-IDENTIFICATION the task's own job. INFORMATION values other than *STD show the same lines. The structured output has TSN, JOB-NAME, USER-ID, TYPE, JOB-CLASS, MONJV and START-TIME.",
		ops: `JOB-IDENTIFICATION = *OWN / ` + jobIdentification + ` / <alphanum-name 1..4>
			INFORMATION = *ALL / *STD / *ENVIRONMENT / *PROGRAM / *SYSTEM / *JOB / *REPEAT / *BY-CALENDAR`},
	{name: "CANCEL-JOB", domain: "BS2000", source: "V CMD cancel-job (function: own user ID's jobs, not itself, an ended job is refused, TEXT to the job's SYSOUT); operands I (as FORCE-JOB-CANCEL)",
		help: "Cancels a batch job by TSN or by its MONJV: a job waiting in the queue or in WAIT-EVENT ends at once, its MONJV gets $A and its SYSOUT the canceller's TSN and TEXT. A job cannot cancel itself, and a job that has ended cannot be cancelled.",
		ops: `JOB-IDENTIFICATION = ` + jobIdentification + ` / <alphanum-name 1..4> !
			TEXT = *NO / <c-string 1..72>`},
	{name: "SET-LOGON-PARAMETERS", domain: "BS2000", source: "V CMD enter-job (first command of an ENTER file); operands I",
		help: "The first command of an ENTER file: starts the batch job. Its job attributes are ignored for a user ID without the OPERATING privilege, as the manual says; JOB-NAME names the job when ENTER-JOB does not.",
		ops: `USER-IDENTIFICATION = *STD / <name 1..8>
			ACCOUNT = *STD / <alphanum-name 1..8>
			PASSWORD = *NONE / <c-string 1..8> / <x-string 1..16>
			JOB-NAME = *STD / <alphanum-name 1..8>
			JOB-CLASS = *STD / <name 1..8>`},
	{name: "EXIT-JOB", domain: "BS2000", source: "V CMD enter-job (last command of an ENTER file), CMD cancel-job (resources released as for EXIT-JOB); operands I",
		help: "Ends the batch job: commands after it are not run. MODE=*ABNORMAL ends it abnormally ($A in its MONJV). SYSTEM-OUTPUT is accepted; the job's SYSOUT is always kept as a workdir file.",
		ops: `MODE = *NORMAL / *ABNORMAL
			SYSTEM-OUTPUT = *STD / *NONE / *PRINT / *DELETE`},
	{name: "LOGOFF", domain: "BS2000", source: "V CMD enter-job (an ENTER file may end with LOGOFF); operands I",
		help: "Ends the batch job, as EXIT-JOB does.",
		ops:  `SYSTEM-OUTPUT = *STD / *NONE / *PRINT / *DELETE`},
}
