package parser

// Diagnostic codes of the reader and of `sdfp check`. They follow the
// BS2000 message keys where the real system has one (SDF reports command
// analysis errors as CMDxxxx, SDF-P its own as SDPxxxx); the keys are kept
// in this one table so a corrected key changes no logic.
const (
	CodeUnknownCommand   = "CMD0202" // command name not in the catalog
	CodeAmbiguous        = "CMD0202" // abbreviation matches several names
	CodeUnknownOperand   = "CMD0202" // operand name not declared
	CodeBadValue         = "CMD0202" // value not allowed for the operand
	CodeMissingOperand   = "CMD0202" // mandatory operand not given
	CodeDuplicateOperand = "CMD0202" // operand given twice
	CodePositional       = "CMD0202" // positional operand out of place
	CodeWrongContext     = "SDP0118" // block command outside its block
	CodeLabel            = "SDP0118" // label missing, duplicate or unreachable
	CodeNotDeclarable    = "SDP1101" // name can never be declared
	CodeFunctionArgs     = "SDP0091" // wrong number or kind of function arguments
)
