package builtins

// Default is the table of every builtin function sdfp implements, in the
// order of the files that define them.
//
// Not implemented, on purpose:
//   - INSTALLATION-PATH (UG-290) looks a path up in the IMON software
//     inventory of the installation; Env has no such inventory, and a
//     function that always answered the default path would hide that.
//   - IS-LIBRARY-ELEMENT / IS-LIB-ELEM (UG-302) needs PLAM library access,
//     which the emulated system does not model.
//
// A call to either is an unknown function, like any name not listed here.
var Default = NewTable(
	// strings.go
	fnLength, fnSubstring, fnIndex, fnVerify, fnUpperCase, fnLowerCase, fnToCLiteral,
	// convert.go
	fnString, fnInteger, fnIsInteger,
	// lists.go, search.go
	fnSublist, fnExtendSDFList, fnIsSDFList, fnIsSDFStructure, fnSearchListIndex,
	// vars.go
	fnIsDeclared, fnIsInitialized, fnVariableAttribute, fnFirstVariableName, fnNextVariableName,
	fnCurrentType, fnSize, fnIsVariableName,
	// retcode.go
	fnMaincode, fnSubcode1, fnSubcode2, fnMsg,
	// env.go, dates.go
	fnDate, fnDateValue, fnElapsedDays, fnTime, fnTSN, fnUserIdentification, fnTaskMode, fnIsSDFP, fnSDFPVersion,
	// jv.go
	fnJV, fnIsCatalogedJV,
	// switches.go
	fnUserSwitch,
)
