package catalog

// SDF-P statements: control flow, error handling, procedures and
// variables. Sources refer to ../shared/spec/sdfp-syntax.md sections and
// the manual pages named there (UG = SDF-P V2.5 User Guide, CMD = BS2000
// V21 Commands). V = verified on a manual page, I = inferred.

// typeOps is the sub-structure of a declared variable or element.
const typeOps = `INITIAL-VALUE = *NONE / <expr>
	TYPE = *ANY / *STRING / *INTEGER / *BOOLEAN / *STRUCTURE(DEFINITION = *DYNAMIC / *BY-LAYOUT(LAYOUT-NAME = <structured-name 1..20>))`

var sdfpCommands = []decl{
	{name: "IF", role: RoleIf, domain: "SDF-P", source: "V UG 400 (spec 5.1)",
		help: "Opens an IF block: the commands up to the next ELSE-IF, ELSE or END-IF run when the condition is true. A single '=' comparison must be written in parentheses: IF (A = B).",
		ops:  `CONDITION = <expr 0..1800 bool> !`},
	{name: "ELSE-IF", role: RoleElseIf, domain: "SDF-P", source: "V UG 385 (spec 5.1)",
		help: "Starts a further branch of an IF block, taken when all earlier conditions were false and this one is true.",
		ops:  `CONDITION = <expr 0..1800 bool> !`},
	{name: "ELSE", role: RoleElse, domain: "SDF-P", source: "V UG 385",
		help: "Starts the branch of an IF, IF-BLOCK-ERROR or IF-CMD-ERROR block that runs when no earlier branch was taken."},
	{name: "END-IF", role: RoleEndIf, domain: "SDF-P", source: "V UG 400",
		help: "Closes an IF, IF-BLOCK-ERROR or IF-CMD-ERROR block."},
	{name: "IF-BLOCK-ERROR", role: RoleIfBlockError, domain: "SDF-P", source: "V UG 401 (spec 6.4)",
		help: "Opens an error-handling block. Its first branch runs when an error occurred in the current block (or a nested block) and was not handled; after END-IF the error is cleared."},
	{name: "IF-CMD-ERROR", role: RoleIfCmdError, domain: "SDF-P", source: "V UG 402 (spec 6.5)",
		help: "Opens a block that handles an error of the directly preceding command. Without an error the ELSE branch runs; the return code is saved as by SAVE-RETURNCODE."},
	{name: "WHILE", role: RoleWhile, domain: "SDF-P", source: "V UG 431 (spec 14.2)",
		help: "Repeats the commands up to END-WHILE as long as the condition is true; the condition is tested before each pass.",
		ops:  `CONDITION = <expr 0..1800 bool> !`},
	{name: "END-WHILE", role: RoleEndWhile, domain: "SDF-P", source: "I (spec 14.2)",
		help: "Closes a WHILE block; may name the tag of the WHILE.",
		ops:  `LOOP = *CURRENT / <structured-name 1..255>`},
	{name: "REPEAT", role: RoleRepeat, domain: "SDF-P", source: "I (spec 14.3)",
		help: "Opens a REPEAT block: its commands run at least once, until the UNTIL condition is true."},
	{name: "UNTIL", role: RoleUntil, domain: "SDF-P", source: "V UG 430 (spec 14.3)",
		help: "Closes a REPEAT block; ends the loop when the condition is true, otherwise starts the next pass.",
		ops:  `CONDITION = <expr 0..1800 bool> !`},
	{name: "FOR", role: RoleFor, domain: "SDF-P", source: "V-ex UG 21/23, counter form I (spec 14.1)",
		help: "Runs the commands up to END-FOR once for each value: FOR X = *LIST(LIST-VAR) takes each list element, FOR I = *COUNTER(FROM=1,TO=10,INCREMENT=1) counts. An optional CONDITION ends the loop early when it is false.",
		ops: `CONTROL-VARIABLE = <composed-name 1..255> !
			VALUES = *LIST(LIST-NAME = <composed-name 1..255> !) / *COUNTER(FROM = <expr> !, TO = <expr> !, INCREMENT = 1 / <expr>) !
			CONDITION = *NONE / <expr 0..1800 bool>`,
		nameValue: []string{"CONTROL-VARIABLE", "VALUES"}},
	{name: "END-FOR", role: RoleEndFor, domain: "SDF-P", source: "I (spec 14.1)",
		help: "Closes a FOR block; may name the tag of the FOR.",
		ops:  `LOOP = *CURRENT / <structured-name 1..255>`},
	{name: "BEGIN-BLOCK", role: RoleBeginBlock, domain: "SDF-P", source: "V UG 372 (spec 5.6)",
		help: "Opens a command block; its tag can be the target of EXIT-BLOCK and INCLUDE-BLOCK.",
		ops:  `PROGRAM-INPUT = *STD / *MIXED-WITH-CMD(PROPAGATE-STMT-RC = *STD / *TO-CMD-RC)`},
	{name: "END-BLOCK", role: RoleEndBlock, domain: "SDF-P", source: "V UG 72 (spec 14.5)",
		help: "Closes the innermost BEGIN-BLOCK, or the one with the given tag.",
		ops:  `BLOCK = *CURRENT / <structured-name 1..255>`},
	{name: "GOTO", role: RoleBranch, domain: "SDF-P", source: "V CMD goto (spec 5.5)",
		help: "Continues with the command that carries the label. The label must be in the current block or an enclosing one.",
		ops:  `LABEL = <structured-name 1..255> !`},
	{name: "CYCLE", role: RoleBranch, domain: "SDF-P", source: "I (spec 14.4)",
		help: "Ends the current pass of the innermost loop, or of the loop with the given tag, and starts the next pass.",
		ops:  `LOOP = *CURRENT / <structured-name 1..255>`},
	{name: "EXIT-BLOCK", role: RoleBranch, domain: "SDF-P", source: "I (spec 14.4)",
		help: "Leaves the innermost block, or the enclosing block with the given tag; processing goes on after its closing command.",
		ops:  `BLOCK = *CURRENT / <structured-name 1..255>`},
	{name: "INCLUDE-BLOCK", role: RoleBranch, domain: "SDF-P", source: "V UG 112 (operand name I)",
		help: "Runs the BEGIN block with the given tag as an internal subprocedure and continues after INCLUDE-BLOCK.",
		ops:  `BLOCK = <structured-name 1..255> !`},
	{name: "SKIP-COMMANDS", domain: "BS2000", source: "V CMD skip-commands (function, TO-LABEL); structure of IF's switch conditions I (switches.go)",
		help: "Branches to the command with the non-S label .NAME (before or after it), always or when a condition holds: IF=*JOB-SWITCHES(ON=...,OFF=...), *USER-SWITCHES(...) or *JV(CONDITION=...). GOTO is the S-procedure form.",
		ops: `TO-LABEL = <name 1..8> !
			IF = *UNCONDITIONAL / *JOB-SWITCHES(` + switchCondition + `) / *USER-SWITCHES(` + switchCondition + `, USER-IDENTIFICATION = *OWN / <name 1..8>) / *JV(CONDITION = <cond> !)`},
	{name: "RAISE-ERROR", domain: "SDF-P", source: "V UG 410 (spec 5.9)",
		help: "Sets the return code and, when SUBCODE1 is not 0, starts error handling as a failing command would.",
		ops: `SUBCODE1 = 64 / <integer 0..255>
			SUBCODE2 = 0 / <integer 0..255>
			MAINCODE = SDP0018 / <alphanum-name 7..7>`},
	{name: "SAVE-RETURNCODE", domain: "SDF-P", source: "V CMD save-returncode (spec 5.10)",
		help: "Makes the return code of the preceding command available to SUBCODE1(), SUBCODE2() and MAINCODE() although it was no error."},
	{name: "EXIT-PROCEDURE", aliases: []string{"EXIT-PROC"}, role: RoleExit, domain: "SDF-P", source: "V UG 396 (spec 5.11)",
		help: "Ends the procedure and returns to the caller, with or without an error. Skipped while an error is pending.",
		ops: `ERROR = *NO(SUBCODE2 = 0 / <integer 0..255>, MAINCODE = CMD0001 / <alphanum-name 7..7>) / *YES(SUBCODE1 = 64 / <integer 0..255>, SUBCODE2 = 0 / <integer 0..255>, MAINCODE = SDP0018 / <alphanum-name 7..7>)
			RESUME-PROGRAM = *NO / *YES`},
	{name: "CANCEL-PROCEDURE", role: RoleExit, domain: "SDF-P", source: "V UG 99 (semantics)",
		help: "Cancels the current procedure and all procedures that called it."},
	{name: "END-PROCEDURE", aliases: []string{"ENDP"}, role: RoleExit, domain: "SDF-P", source: "V UG 99 (compatibility)",
		help: "Ends the procedure like EXIT-PROCEDURE but cannot pass an error to the caller (old procedure format)."},
	{name: "CALL-PROCEDURE", aliases: []string{"CALL"}, domain: "SDF-P", source: "V CMD call-procedure, other operands I (spec 5.12, 14.6)",
		help: "Calls a procedure from a file or a list variable. The called procedure sees only its own and task-global variables.",
		ops: `FROM-FILE = <filename 1..54> / *VARIABLE(VARIABLE-NAME = <composed-name 1..255> !) !
			PROCEDURE-PARAMETERS = *NONE / <text 0..1800>
			LOGGING = *NO / *YES / *PARAMETERS(CMD = *NO / *YES, DATA = *NO / *YES)`},
	{name: "INCLUDE-PROCEDURE", domain: "SDF-P", source: "V UG 406 (spec 14.6)",
		help: "Calls a procedure that sees all variables visible in the caller.",
		ops: `FROM-FILE = <filename 1..54> / *VARIABLE(VARIABLE-NAME = <composed-name 1..255> !) !
			PROCEDURE-PARAMETERS = *NONE / <text 0..1800>
			LOGGING = *NO / *YES / *PARAMETERS(CMD = *NO / *YES, DATA = *NO / *YES)`},
	{name: "BEGIN-PARAMETER-DECLARATION", role: RoleBeginParams, domain: "SDF-P", source: "V UG 65",
		help: "Opens the parameter declaration part of a procedure (needed with more than one DECLARE-PARAMETER)."},
	{name: "END-PARAMETER-DECLARATION", role: RoleEndParams, domain: "SDF-P", source: "V UG 65",
		help: "Closes the parameter declaration part."},
	{name: "DECLARE-PARAMETER", domain: "SDF-P", source: "V-ex UG 86/88, format I (spec 5.13, 14.8)",
		help: "Declares procedure parameters: name, initial value (*NONE: the caller must pass one), type and transfer type.",
		ops:  `NAME = list-poss(2000): <structured-name 1..20>(INITIAL-VALUE = *NONE / *PROMPT / <expr>, TYPE = *ANY / *STRING / *INTEGER / *BOOLEAN, TRANSFER-TYPE = *BY-VALUE / *BY-REFERENCE) !`},
	{name: "SET-PROCEDURE-OPTIONS", domain: "SDF-P", source: "V UG 420 (spec 5.14)",
		help: "Sets the procedure's attributes; if present it must be the first command.",
		ops: `CALLER = *ANY / *CALL / *INCLUDE
			IMPLICIT-DECLARATION = *YES / *NO
			LOGGING-ALLOWED = *YES / *NO / *PARAMETERS(CMD = *YES / *NO, DATA = *YES / *NO)
			INTERRUPT-ALLOWED = *YES / *NO
			INPUT-FORMAT = *FREE-RECORD-LENGTH / *BY-SDF-OPTION
			DATA-ESCAPE-CHAR = *NONE / *STD / <c-string 1..1>
			SYSTEM-FILE-CONTEXT = *STD / *SAME-AS-CALLER
			DATA-ERROR-HANDLING = *YES / *NO
			JV-REPLACEMENT = *NO / *AFTER-BUILTIN-FUNCTION / *BEFORE-BUILTIN-FUNCTION
			ERROR-MECHANISM = *SPIN-OFF-COMPATIBLE / *BY-RETURNCODE
			SUPPRESS-SDP-MSG = *NONE / *ALL
			TRANSLATION-CCS = *STD / <name 1..8>`},
	{name: "MODIFY-PROCEDURE-OPTIONS", domain: "SDF-P", source: "V CMD -307 (spec 5.14)",
		help: "Changes procedure attributes while the procedure runs (not CALLER, INPUT-FORMAT or SYSTEM-FILE-CONTEXT).",
		ops: `IMPLICIT-DECLARATION = *UNCHANGED / *YES / *NO
			LOGGING-ALLOWED = *UNCHANGED / *YES / *NO / *PARAMETERS(CMD = *YES / *NO, DATA = *YES / *NO)
			INTERRUPT-ALLOWED = *UNCHANGED / *YES / *NO
			DATA-ESCAPE-CHAR = *UNCHANGED / *NONE / *STD / <c-string 1..1>
			DATA-ERROR-HANDLING = *UNCHANGED / *YES / *NO
			JV-REPLACEMENT = *UNCHANGED / *NO / *AFTER-BUILTIN-FUNCTION / *BEFORE-BUILTIN-FUNCTION
			ERROR-MECHANISM = *UNCHANGED / *SPIN-OFF-COMPATIBLE / *BY-RETURNCODE
			SUPPRESS-SDP-MSG = *UNCHANGED / *NONE / *ALL`},
	{name: "EXECUTE-CMD", aliases: []string{"EXEC-CMD"}, domain: "SDF-P", source: "V UG 394 (spec 5.15)",
		help: "Runs a command and catches its output: text lines into a list variable, structured output of SHOW commands into a list of structures, and its return code.",
		ops: `CMD = <command 0..1800> !
			TEXT-OUTPUT = *SYSOUT / *NONE / <composed-name 1..255>(WRITE-MODE = *REPLACE / *EXTEND)
			STRUCTURE-OUTPUT = *NONE / <composed-name 1..255>(WRITE-MODE = *REPLACE / *EXTEND)
			MSG-STRUCTURE-OUTPUT = *NONE / <composed-name 1..255>(WRITE-MODE = *REPLACE / *EXTEND)
			RETURNCODE = *STD / *NONE / *VARIABLE(SUBCODE1 = *NONE / <composed-name 1..255>, SUBCODE2 = *NONE / <composed-name 1..255>, MAINCODE = *NONE / <composed-name 1..255>)`},
	{name: "DECLARE-VARIABLE", aliases: []string{"DCLV"}, domain: "SDF-P", source: "V-ex CMD -38, UG 23; format I (spec 4.1, 14.7); SCOPE V UG-138..140 (IMPORT-ALLOWED under *CURRENT and *PROCEDURE, UG-140; its default *NO I); CONTAINER V UG 141-143, its *VARIABLE and <container name> forms I (VARIABLE-ATTRIBUTE, UG 361, names them)",
		help: "Declares S variables: name, initial value, type, simple/list/array, scope and container: CONTAINER=*JV(name) keeps a STRING in a job variable, *VARIABLE(name) shares another variable's value, a container name links to an open permanent container (OPEN-VARIABLE-CONTAINER).",
		ops: `VARIABLE-NAME|NAME = list-poss(2000): <composed-name 1..255>(` + typeOps + `) !
			TYPE = *ANY / *STRING / *INTEGER / *BOOLEAN / *STRUCTURE(DEFINITION = *DYNAMIC / *BY-LAYOUT(LAYOUT-NAME = <structured-name 1..20>))
			INITIAL-VALUE = *NONE / <expr>
			MULTIPLE-ELEMENTS = *NO / *LIST(LIMIT = *NONE / <integer 1..2147483647>) / *ARRAY(LOWER-BOUND = 1 / <integer -2147483648..2147483647>, UPPER-BOUND = *NONE / <integer -2147483648..2147483647>)
			SCOPE = *CURRENT(IMPORT-ALLOWED = *NO / *YES) / *PROCEDURE(IMPORT-ALLOWED = *NO / *YES) / *TASK(STATE = *ANY / *NEW / *OLD)
			CONTAINER = *STD / *JV(JV-NAME = <filename 1..54> !) / *VARIABLE(VARIABLE-NAME = <composed-name 1..255> !) / <composed-name 1..64>
			STATE = *ANY / *NEW / *OLD`},
	{name: "IMPORT-VARIABLE", domain: "SDF-P", source: "V UG-139 (task variable, positional name), UG-140 (FROM=*SCOPE(SCOPE=*CALLING-PROCEDURES)); default FROM=*TASK and *SCOPE(SCOPE=*TASK) I (command page not stored)",
		help: "Makes existing variables visible in the current procedure under their own names: a task variable (FROM=*TASK), or a variable of a calling procedure declared with IMPORT-ALLOWED=*YES (FROM=*SCOPE(SCOPE=*CALLING-PROCEDURES)). Creates nothing; the attributes are the variable's own.",
		ops: `VARIABLE-NAME|NAME = list-poss(2000): <composed-name 1..255> !
			FROM = *TASK / *SCOPE(SCOPE = *TASK / *CALLING-PROCEDURES)`},
	{name: "EXPORT-VARIABLE", domain: "SDF-P", source: "I (no page of the command is stored: behaviour and operands are sdfp's reading)",
		help: "Makes procedure-local variables task variables (I: the manual's page is not stored): each named variable, with its attributes and value, becomes the task variable of that name, and the exporting procedure goes on using the task variable. A task variable that already exists must have the same attributes; it takes the exported value.",
		ops:  `VARIABLE-NAME|NAME = list-poss(2000): <composed-name 1..255> !`},
	{name: "DECLARE-ELEMENT", domain: "SDF-P", source: "V-ex UG-de 24; format I",
		help: "Declares an element of a dynamic structure.",
		ops: `NAME = list-poss(2000): <composed-name 1..255>(` + typeOps + `) !
			TYPE = *ANY / *STRING / *INTEGER / *BOOLEAN / *STRUCTURE(DEFINITION = *DYNAMIC / *BY-LAYOUT(LAYOUT-NAME = <structured-name 1..20>))
			INITIAL-VALUE = *NONE / <expr>
			MULTIPLE-ELEMENTS = *NO / *LIST(LIMIT = *NONE / <integer 1..2147483647>) / *ARRAY(LOWER-BOUND = 1 / <integer -2147483648..2147483647>, UPPER-BOUND = *NONE / <integer -2147483648..2147483647>)`},
	{name: "BEGIN-STRUCTURE", domain: "SDF-P", source: "V UG 423 (existence); format I",
		help: "Starts the definition of a structure layout; the DECLARE-ELEMENT commands up to END-STRUCTURE define its elements.",
		ops:  `LAYOUT-NAME = <structured-name 1..20> !`},
	{name: "END-STRUCTURE", domain: "SDF-P", source: "V UG 423 (existence)",
		help: "Ends a structure layout definition."},
	{name: "SET-VARIABLE", aliases: []string{"STV"}, domain: "SDF-P", source: "V CMD set-variable (spec 4.2); VALUE-TYPE of *STRING-TO-VARIABLE V UG-159",
		help: "Assigns a value to a variable; the short form is 'NAME = expression'.",
		ops: `VARIABLE-NAME = <composed-name 1..255> !
			VALUE = *STRING-TO-VARIABLE(STRING = <expr> !, VALUE-TYPE = *STD / *STRING) / *LIST(LIST-NAME = <composed-name 1..255> !, FROM-INDEX = 1 / <integer 1..2147483647>, NUMBER-OF-ELEMENTS = *ALL / <integer 1..2147483647>) / <expr 0..1800> !
			WRITE-MODE = *REPLACE / *EXTEND / *PREFIX`,
		nameValue: []string{"VARIABLE-NAME", "VALUE"}},
	{name: "FREE-VARIABLE", domain: "SDF-P", source: "V UG 23 (existence), DESTROY-CONTAINER V UG 143 (operand name; values I); format I",
		help: "Removes the value of variables (or list elements); the declaration stays. DESTROY-CONTAINER=*YES also deletes the job variable a variable is kept in (CONTAINER=*JV).",
		ops: `VARIABLE-NAME|NAME = list-poss(2000): <composed-name 1..255> !
			DESTROY-CONTAINER = *NO / *YES`},
	{name: "DELETE-VARIABLE", domain: "SDF-P", source: "I",
		help: "Removes variables with their declaration.",
		ops: `VARIABLE-NAME|NAME = list-poss(2000): <composed-name 1..255> !
			SCOPE = *CURRENT / *PROCEDURE / *TASK`},
	// INFORMATION: only NAME=*FULL-NAME(LIST-INDEX-NUMBER=...) is shown
	// in the manuals (CMD "Explanation of the columns", -46: a list
	// element is printed as NAME(*LIST) by default, as NAME#1 with
	// LIST-INDEX-NUMBER=*YES); the command page itself is not stored, so
	// the operand's other sub-operands are not declared.
	{name: "SHOW-VARIABLE", domain: "SDF-P", source: "V-ex UG 342, CMD -46 (spec 14.10)",
		help: "Prints variables as 'NAME = value' lines; *ALL prints every visible variable. List elements are shown as NAME(*LIST), or numbered NAME#1 with INFORMATION=*PARAMETERS(NAME=*FULL-NAME(LIST-INDEX-NUMBER=*YES)).",
		ops: `VARIABLE-NAME|NAME = *ALL / list-poss(2000): <composed-name 1..255>
			OUTPUT = *SYSOUT / *SYSLST / <composed-name 1..255>
			INFORMATION = *STD / *PARAMETERS(NAME = *FULL-NAME(LIST-INDEX-NUMBER = *NO / *YES))`},
	{name: "READ-VARIABLE", domain: "SDF-P", source: "V-ex UG 23, 153 (spec 5.16)",
		help: "Reads values for variables from the run's standard input (or a file).",
		ops: `VARIABLE-NAME = list-poss(2000): <composed-name 1..255> / *LIST(LIST-NAME = <composed-name 1..255> !) / *BY-INPUT !
			PROMPT = *STD / <c-string 0..256 with-low>
			INPUT = *SYSDTA / <filename 1..54>
			STRING-QUOTES = *YES / *NO`},
	{name: "WRITE-TEXT", domain: "SDF-P", source: "V-ex UG 12, 40; format I (spec 14.12)",
		help: "Writes a text line to SYSOUT (or SYSLST).",
		ops: `TEXT = <c-string 0..4096 with-low> / <text 0..4096> !
			OUTPUT = *SYSOUT / *SYSLST`},
	{name: "TRACE-PROCEDURE", domain: "SDF-P", source: "V UG 238 (spec 14.14)",
		help: "Switches step tracing of the procedure on SYSOUT.",
		ops:  `STEPS = 1 / <integer 1..2147483647> / *OFF`},
	{name: "REMARK", domain: "BS2000", source: "I (spec 1.5)",
		help: "A comment command: does nothing.",
		ops:  `TEXT = *NONE / <text 0..1800>`},

	// S variable streams (interp/streams.go); format V RR 110.
	{name: "ASSIGN-STREAM", domain: "SDF-P", source: "V RR 110 (format, return codes); semantics of SYSINF V UG 170, the rest I",
		help: "Assigns an S variable stream: SYSINF, the structured output of SHOW commands, goes with TO=*VARIABLE(VARIABLE-NAME=...) into a list of structures, one element per object, until TO=*STD (or *DUMMY) ends it. Other streams and targets are not modelled.",
		ops: `STREAM-NAME = <structured-name 1..20> !
			TO = *STD / *DUMMY / *SAME-AS-CALLING-PROC / *VARIABLE(VARIABLE-NAME = *NONE / <composed-name 1..255>(WRITE-MODE = *EXTEND / *PREFIX), RETURN-VARIABLE-NAME = *NONE / <composed-name 1..255>(WRITE-MODE = *EXTEND / *PREFIX), CONTROL-VAR-NAME = *NONE / <composed-name 1..255>(WRITE-MODE = *EXTEND / *PREFIX), RET-CONTROL-VAR-NAME = *NONE / <composed-name 1..255>(WRITE-MODE = *EXTEND / *PREFIX)) / *SERVER(SERVER-NAME = <structured-name 1..30> !, SERVER-INFORMATION = *NONE / <c-string 1..1800>) / <structured-name 1..20>`},

	// Test aids (interp/testoptions.go); format V UGde 408.
	{name: "MODIFY-PROCEDURE-TEST-OPTIONS", domain: "SDF-P", source: "V UG 408 (format, defaults at task start)",
		help: "Changes test settings of the task: BACK-BRANCH-LIMIT limits the passes of a loop (SDP0139 beyond it; *NONE: no limit); LOGGING and FUNCTIONALITY are accepted and change nothing in sdfp.",
		ops: `LOGGING = *PARAMETERS(CMD = *UNCHANGED / *YES / *NO, DATA = *UNCHANGED / *YES / *NO) / *YES / *NO
			BACK-BRANCH-LIMIT = *UNCHANGED / *NONE / <expr>
			FUNCTIONALITY = *UNCHANGED / *FULL / *BASIC`},

	// Permanent variable containers (interp/vcontainers.go). The format
	// of OPEN-VARIABLE-CONTAINER is the manual's (UG 409, CMD 337);
	// SAVE- and CLOSE-VARIABLE-CONTAINER are named on UG 142, their pages
	// are not stored, so their operand is inferred.
	{name: "OPEN-VARIABLE-CONTAINER", domain: "SDF-P", source: "V UG 409, CMD 337 (format); semantics of LOCK-ELEMENT and SAVE-AT-TERMINATION I",
		help: "Opens a permanent variable container, an element of type SYSVCONT in a library (in sdfp a file of the workdir), creating it when missing; AUTOMATIC-DECLARE=*ALL declares its variables in SCOPE.",
		ops: `CONTAINER-NAME = <composed-name 1..64> !
			FROM-FILE = *LIBRARY-ELEMENT(LIBRARY = <filename 1..54> !, ELEMENT = *CONTAINER-NAME / <composed-name 1..64>(VERSION = *HIGHEST-EXISTING / <composed-name 1..24>)) !
			LOCK-ELEMENT = *NO / *YES
			SCOPE = *CURRENT / *PROCEDURE / *TASK(SAVE-AT-TERMINATION = *NO / *YES)
			AUTOMATIC-DECLARE = *ALL / *NONE / list-poss(2000): <structured-name 1..20>`},
	{name: "SAVE-VARIABLE-CONTAINER", domain: "SDF-P", source: "I (named UG 142; page not stored)",
		help: "Writes the variables of an open permanent container into its library element; the container stays open.",
		ops:  `CONTAINER-NAME = <composed-name 1..64> !`},
	{name: "CLOSE-VARIABLE-CONTAINER", domain: "SDF-P", source: "I (named UG 142; page not stored)",
		help: "Closes a permanent container: writes it back when it was opened with LOCK-ELEMENT=*YES (sdfp's reading), then removes the variables declared from it.",
		ops:  `CONTAINER-NAME = <composed-name 1..64> !`},
}
