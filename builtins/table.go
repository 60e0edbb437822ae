package builtins

// Default is the table of every builtin function sdfp implements, in the
// order of the files that define them.
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
	// structure.go, with the conversion of sdfconv.go
	fnSDFStructureValue, fnVariableToString,
	// system.go: the software inventory and the libraries of the workdir
	fnInstallationPath, fnIsLibraryElement,
	// switches.go
	fnUserSwitch,
)
