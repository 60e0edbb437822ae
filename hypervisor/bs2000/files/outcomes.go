package files

import "sdfp/interp/handler"

// outcomes are how the file commands end when they do not simply
// succeed. The manual pages read give DMS0533 for a file that is not
// cataloged (and SDF-P's examples handle it with IF-CMD-ERROR); the other
// keys are sdfp's (hypervisor/msg/dms.msg, tag I).
type outcomeID int

const (
	notCataloged outcomeID = iota
	emptyFileSet
	alreadyExists
	badName
	notProcessed
	linkNotAssigned
)

var outcomes = [...]handler.Outcome{
	notCataloged:    {Msg: "DMS0533", SC1: 64, Source: "V SDF-P UG (IF-CMD-ERROR after DELETE-FILE); CMD delete-file (SUPPRESS-ERRORS=*FILE-NOT-EXISTING); SC1 64 I"},
	emptyFileSet:    {Msg: "DMS0533", SC1: 64, Source: "I: a wildcard that selects no file (CMD delete-file SUPPRESS-ERRORS=*EMPTY-FILE-SET names the case)"},
	alreadyExists:   {Msg: "DMS04C6", SC1: 64, Source: "I"},
	badName:         {Msg: "DMS0500", SC1: 64, Source: "I"},
	notProcessed:    {Msg: "DMS0504", SC1: 64, Source: "I"},
	linkNotAssigned: {Msg: "DMS0662", SC2: 2, Source: "V CMD unlock-file-link (DMS0662, SC2 2, SC1 0: the link name is invalid or does not exist); the same for REMOVE-FILE-LINK and SHOW-FILE-LINK I"},
}
