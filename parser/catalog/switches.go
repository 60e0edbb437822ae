package catalog

// Job switches, user switches and SET-JOB-STEP (CMD = BS2000 V21
// Commands, UG = SDF-P V2.5 User Guide). The pages of MODIFY-JOB-SWITCHES,
// SHOW-JOB-SWITCHES and SHOW-USER-SWITCHES are not among the pages read:
// their operands follow MODIFY-USER-SWITCHES, whose page is (I).

// switchList is a list of switch numbers: 32 switches, 0 to 31.
const switchList = `list-poss(32): <integer 0..31>`

// switchCondition is the condition on switches of SKIP-COMMANDS and
// WAIT-EVENT: switches that must be ON, switches that must be OFF, all of
// them (*AND) or one (*OR) (I).
const switchCondition = `ON = *NONE / ` + switchList + `, OFF = *NONE / ` + switchList + `, CONDITION = *AND / *OR`

var switchCommands = []decl{
	{name: "MODIFY-JOB-SWITCHES", domain: "BS2000", source: `V CMD "Job switches" (32 switches 0..31, OFF at job start and end); operands I (as MODIFY-USER-SWITCHES)`,
		help: "Sets job switches ON, OFF or inverts them (INVERT); the switches of the task, 0 to 31, all OFF when the job starts. SYSSWITCH#n reads and writes the same switches.",
		ops: `ON = *UNCHANGED / ` + switchList + `
			OFF = *UNCHANGED / ` + switchList + `
			INVERT = *UNCHANGED / ` + switchList},
	{name: "MODIFY-USER-SWITCHES", aliases: []string{"MDUSW"}, domain: "BS2000", source: "V CMD modify-user-switches",
		help: "Sets user switches ON, OFF or inverts them (INVERT): 32 switches (0 to 31) of the user ID, shared by all its tasks and kept after the job. Only TSOS may name another user ID.",
		ops: `USER-IDENTIFICATION = *OWN / <name 1..8>
			ON = *UNCHANGED / ` + switchList + `
			OFF = *UNCHANGED / ` + switchList + `
			INVERT = *UNCHANGED / ` + switchList},
	{name: "SHOW-JOB-SWITCHES", domain: "BS2000", source: `Vn CMD "Job switches"; operands and output I`,
		help: "Shows which job switches of the task are ON."},
	{name: "SHOW-USER-SWITCHES", domain: "BS2000", source: "Vn CMD modify-user-switches (query of own and other user IDs); operands and output I",
		help: "Shows which user switches of a user ID (default: the task's own) are ON.",
		ops:  `USER-IDENTIFICATION = *OWN / <name 1..8>`},
	{name: "SET-JOB-STEP", aliases: []string{"STJSP"}, domain: "BS2000", source: `V CMD set-job-step; V CMD "Block-oriented error recovery"`,
		help: "Marks a job step: turns job switches 16 to 31 OFF. A pending error (spin-off) skips forward to it as to an IF-BLOCK-ERROR, and it ends the error situation; the procedure goes on after it."},
}
