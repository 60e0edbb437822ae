package interp

import "sdfp/interp/handler"

// The outcome table of the SDF-P statements the interpreter executes and
// of the errors it raises itself: every failure named by what happened,
// with its maincode, subcode 1 and, under the general keys (SDP0091
// semantic error, CMD0202 syntax error, SDP0118 wrong context, SDP0140
// and SDP0141 replacement errors), the detail that says what went wrong.
// Texts are in hypervisor/msg (sdf.msg, details.msg), in English and
// German; a test renders every row in both.
type outcomeID int

const (
	stepLimit outcomeID = iota
	runCancelled
	virtualTimeLimit
	nestingLimit
	listElementLimit
	variableSizeLimit
	memoryLimit
	backBranchLimit
	commandNotAnalysable
	commandNotAvailable
	internalError
	substReparse
	substLabel
	substControlChanged
	substControlCreated
	substNoClose
	substNoName
	substBadName
	substNotDeclared
	substFailed
	substComplex
	substExprSyntax
	substExprFailed
	substExprComplex
	replacementLeft
	conditionMissing
	conditionNotBoolean
	dataLineFalseContext
	forNotAnalysable
	forNeedsListOrCounter
	listNotDeclared
	notAList
	counterNotInteger
	counterIncrementZero
	indexVarNotSimple
	indexVarNotInteger
	noElementNotStructure
	structureNoElement
	listNoElementOf
	listNoElement
	arrayIndexOutside
	arrayElementMissing
	noElementNotList
	notListOrArray
	varNotInitialized
	varNotDeclared
	varNotDeclaredNoImplicit
	varNotDeclaredComplex
	listFull
	typeCannotTake
	typeNotSimple
	typeMismatch
	stringTooLongFor
	stringTooLong
	assignSyslstVariable
	fileNotOpened
	fileNotWritten
	layoutNotDefined
	arrayBoundsReversed
	declareNeedsSimpleName
	varExists
	varOtherAttributes
	varDoesNotExist
	varOtherScope
	importNeedsSimpleName
	importNoTaskVariable
	importNotInCallers
	importNameTaken
	exportNeedsSimpleName
	initialValueSimple
	declareElementName
	structureNotDeclared
	notAStructure
	nestedLayout
	endStructureAlone
	valueNotAnalysable
	readByInput
	endOfInput
	inputNotEBCDIC
	includeBlockTag
	execCmdSyntax
	execCmdEmpty
	execCmdControl
	structureOutputTarget
	procParamsUnbalanced
	procFileNotFound
	procFileUnreadable
	procFileNotProcedure
	procContainerNotList
	procContainerElement
	procContainerEmpty
	paramNoValue
	intOverflow
	opNeedsIntegers
	divisionByZero
	modByZero
	signNeedsInteger
	concatNeedsStrings
	compareTypes
	opNeedsBooleans
	notNeedsBoolean
	functionUnknown
	functionComplexArg
	functionOverflow
	gotoTargetMissing
	loopControlOutside
	gotoNotEnclosing
	branchTargetMissing
	sysSwitchFixed
	notInDialog
	exitOutsideBlock
	exitOutsideNamedBlock
	paramNotDeclared
	procedureCancelled

	// variable containers (containers.go)
	containerNotDeclared
	containerOtherType
	containerShorterLived
	containerJVType
	containerJVPassword
	containerJVMonitored
	containerJVTooLong
	containerJVBadName
	containerJVStore
	containerJVRead
	containerJVNotFound
	containerAlreadyOpen
	containerNotOpen
	containerUnsupported
	containerNotText

	// MODIFY-PROCEDURE-TEST-OPTIONS (testoptions.go)
	backBranchLimitValue
	// ASSIGN-STREAM (streams.go)
	streamNotModelled
	// an unknown function with a near name (exprbridge.go)
	functionUnknownNear
)

var outcomes = [...]handler.Outcome{
	stepLimit:                {Msg: "SDP0099", SC1: 130, Detail: "step-limit"},
	runCancelled:             {Msg: "SDP0099", SC1: 130, Detail: "run-cancelled"},
	virtualTimeLimit:         {Msg: "SDP0099", SC1: 130, Detail: "virtual-time-limit"},
	nestingLimit:             {Msg: "SDP0099", SC1: 130, Detail: "nesting-limit"},
	listElementLimit:         {Msg: "SDP0099", SC1: 130, Detail: "list-element-limit"},
	variableSizeLimit:        {Msg: "SDP0099", SC1: 130, Detail: "variable-size-limit"},
	memoryLimit:              {Msg: "SDP0099", SC1: 130, Detail: "memory-limit"},
	backBranchLimit:          {Msg: "SDP0139", SC1: 1},
	commandNotAnalysable:     {Msg: "CMD0202", SC1: 1, Detail: "command-not-analysable"},
	commandNotAvailable:      {Msg: "CMD0202", SC1: 1, Detail: "command-not-available"},
	internalError:            {Msg: "SDP0091", SC1: 64, Detail: "internal-error"},
	substReparse:             {Msg: "SDP0140", SC1: 1, Detail: "subst-reparse"},
	substLabel:               {Msg: "SDP0140", SC1: 1, Detail: "subst-label"},
	substControlChanged:      {Msg: "SDP0140", SC1: 1, Detail: "subst-control-changed"},
	substControlCreated:      {Msg: "SDP0140", SC1: 1, Detail: "subst-control-created"},
	substNoClose:             {Msg: "SDP0140", SC1: 64, Detail: "subst-no-close"},
	substNoName:              {Msg: "SDP0140", SC1: 64, Detail: "subst-no-name"},
	substBadName:             {Msg: "SDP0140", SC1: 64, Detail: "subst-bad-name"},
	substNotDeclared:         {Msg: "SDP0141", SC1: 64, Detail: "subst-not-declared"},
	substFailed:              {Msg: "SDP0141", SC1: 64, Detail: "subst-failed"},
	substComplex:             {Msg: "SDP0141", SC1: 64, Detail: "subst-complex"},
	substExprSyntax:          {Msg: "SDP0140", SC1: 64, Detail: "subst-expr-syntax"},
	substExprFailed:          {Msg: "SDP0141", SC1: 64, Detail: "subst-expr-failed"},
	substExprComplex:         {Msg: "SDP0141", SC1: 64, Detail: "subst-expr-complex"},
	replacementLeft:          {Msg: "SDP0140", SC1: 64, Detail: "replacement-left"},
	conditionMissing:         {Msg: "CMD0202", SC1: 1, Detail: "condition-missing"},
	conditionNotBoolean:      {Msg: "SDP0091", SC1: 64, Detail: "condition-not-boolean"},
	dataLineFalseContext:     {Msg: "SDP0091", SC1: 64, Detail: "data-line-false-context"},
	forNotAnalysable:         {Msg: "CMD0202", SC1: 1, Detail: "for-not-analysable"},
	forNeedsListOrCounter:    {Msg: "CMD0202", SC1: 1, Detail: "for-needs-list-or-counter"},
	listNotDeclared:          {Msg: "SDP0091", SC1: 64, Detail: "list-not-declared"},
	notAList:                 {Msg: "SDP0091", SC1: 64, Detail: "not-a-list"},
	counterNotInteger:        {Msg: "SDP0091", SC1: 64, Detail: "counter-not-integer"},
	counterIncrementZero:     {Msg: "SDP0091", SC1: 64, Detail: "counter-increment-zero"},
	indexVarNotSimple:        {Msg: "SDP0091", SC1: 64, Detail: "index-var-not-simple"},
	indexVarNotInteger:       {Msg: "SDP0091", SC1: 64, Detail: "index-var-not-integer"},
	noElementNotStructure:    {Msg: "SDP0091", SC1: 64, Detail: "no-element-not-structure"},
	structureNoElement:       {Msg: "SDP0091", SC1: 64, Detail: "structure-no-element"},
	listNoElementOf:          {Msg: "SDP0091", SC1: 64, Detail: "list-no-element-of"},
	listNoElement:            {Msg: "SDP0091", SC1: 64, Detail: "list-no-element"},
	arrayIndexOutside:        {Msg: "SDP0091", SC1: 64, Detail: "array-index-outside"},
	arrayElementMissing:      {Msg: "SDP0091", SC1: 64, Detail: "array-element-missing"},
	noElementNotList:         {Msg: "SDP0091", SC1: 64, Detail: "no-element-not-list"},
	notListOrArray:           {Msg: "SDP0091", SC1: 64, Detail: "not-list-or-array"},
	varNotInitialized:        {Msg: "SDP0091", SC1: 64, Detail: "var-not-initialized"},
	varNotDeclared:           {Msg: "SDP0091", SC1: 64, Detail: "var-not-declared"},
	varNotDeclaredNoImplicit: {Msg: "SDP0091", SC1: 64, Detail: "var-not-declared-no-implicit"},
	varNotDeclaredComplex:    {Msg: "SDP0091", SC1: 64, Detail: "var-not-declared-complex"},
	listFull:                 {Msg: "SDP0091", SC1: 64, Detail: "list-full"},
	typeCannotTake:           {Msg: "SDP0091", SC1: 64, Detail: "type-cannot-take"},
	typeNotSimple:            {Msg: "SDP0091", SC1: 64, Detail: "type-not-simple"},
	typeMismatch:             {Msg: "SDP0091", SC1: 64, Detail: "type-mismatch"},
	stringTooLongFor:         {Msg: "SDP0091", SC1: 64, Detail: "string-too-long-for"},
	stringTooLong:            {Msg: "SDP0091", SC1: 64, Detail: "string-too-long"},
	assignSyslstVariable:     {Msg: "SDP0091", SC1: 64, Detail: "assign-syslst-variable"},
	fileNotOpened:            {Msg: "DMS0501", SC1: 64},
	fileNotWritten:           {Msg: "DMS0502", SC1: 64},
	layoutNotDefined:         {Msg: "SDP0091", SC1: 64, Detail: "layout-not-defined"},
	arrayBoundsReversed:      {Msg: "SDP0091", SC1: 64, Detail: "array-bounds-reversed"},
	declareNeedsSimpleName:   {Msg: "SDP0091", SC1: 64, Detail: "declare-needs-simple-name"},
	varExists:                {Msg: "SDP0091", SC1: 64, Detail: "var-exists"},
	varOtherAttributes:       {Msg: "SDP0091", SC1: 64, Detail: "var-other-attributes"},
	varDoesNotExist:          {Msg: "SDP0091", SC1: 64, Detail: "var-does-not-exist"},
	varOtherScope:            {Msg: "SDP0091", SC1: 64, Detail: "var-other-scope"},
	importNeedsSimpleName:    {Msg: "SDP0091", SC1: 64, Detail: "import-needs-simple-name"},
	importNoTaskVariable:     {Msg: "SDP0091", SC1: 64, Detail: "import-no-task-variable"},
	importNotInCallers:       {Msg: "SDP0091", SC1: 64, Detail: "import-not-in-callers"},
	importNameTaken:          {Msg: "SDP0091", SC1: 64, Detail: "import-name-taken"},
	exportNeedsSimpleName:    {Msg: "SDP0091", SC1: 64, Detail: "export-needs-simple-name"},
	initialValueSimple:       {Msg: "SDP0091", SC1: 64, Detail: "initial-value-simple"},
	declareElementName:       {Msg: "SDP0091", SC1: 64, Detail: "declare-element-name"},
	structureNotDeclared:     {Msg: "SDP0091", SC1: 64, Detail: "structure-not-declared"},
	notAStructure:            {Msg: "SDP0091", SC1: 64, Detail: "not-a-structure"},
	nestedLayout:             {Msg: "SDP0091", SC1: 64, Detail: "nested-layout"},
	endStructureAlone:        {Msg: "SDP0118", SC1: 1, Detail: "end-structure-alone"},
	valueNotAnalysable:       {Msg: "SDP0091", SC1: 64, Detail: "value-not-analysable"},
	readByInput:              {Msg: "SDP0091", SC1: 64, Detail: "read-by-input"},
	endOfInput:               {Msg: "SDP0091", SC1: 64, Detail: "end-of-input"},
	inputNotEBCDIC:           {Msg: "SDP0091", SC1: 64, Detail: "input-not-ebcdic"},
	includeBlockTag:          {Msg: "SDP0118", SC1: 1, Detail: "include-block-tag"},
	execCmdSyntax:            {Msg: "CMD0202", SC1: 1, Detail: "exec-cmd-syntax"},
	execCmdEmpty:             {Msg: "CMD0202", SC1: 1, Detail: "exec-cmd-empty"},
	execCmdControl:           {Msg: "SDP0118", SC1: 1, Detail: "exec-cmd-control"},
	structureOutputTarget:    {Msg: "SDP0091", SC1: 64, Detail: "structure-output-target"},
	procParamsUnbalanced:     {Msg: "SDP0091", SC1: 64, Detail: "proc-params-unbalanced"},
	procFileNotFound:         {Msg: "SDP0091", SC1: 64, Detail: "proc-file-not-found"},
	procFileUnreadable:       {Msg: "SDP0091", SC1: 64, Detail: "proc-file-unreadable"},
	procFileNotProcedure:     {Msg: "SDP0091", SC1: 64, Detail: "proc-file-not-procedure"},
	procContainerNotList:     {Msg: "SDP0091", SC1: 64, Detail: "proc-container-not-list"},
	procContainerElement:     {Msg: "SDP0091", SC1: 64, Detail: "proc-container-element"},
	procContainerEmpty:       {Msg: "SDP0091", SC1: 64, Detail: "proc-container-empty"},
	paramNoValue:             {Msg: "SDP0091", SC1: 64, Detail: "param-no-value"},
	intOverflow:              {Msg: "SDP0091", SC1: 64, Detail: "int-overflow"},
	opNeedsIntegers:          {Msg: "SDP0091", SC1: 64, Detail: "op-needs-integers"},
	divisionByZero:           {Msg: "SDP0091", SC1: 64, Detail: "division-by-zero"},
	modByZero:                {Msg: "SDP0091", SC1: 64, Detail: "mod-by-zero"},
	signNeedsInteger:         {Msg: "SDP0091", SC1: 64, Detail: "sign-needs-integer"},
	concatNeedsStrings:       {Msg: "SDP0091", SC1: 64, Detail: "concat-needs-strings"},
	compareTypes:             {Msg: "SDP0091", SC1: 64, Detail: "compare-types"},
	opNeedsBooleans:          {Msg: "SDP0091", SC1: 64, Detail: "op-needs-booleans"},
	notNeedsBoolean:          {Msg: "SDP0091", SC1: 64, Detail: "not-needs-boolean"},
	functionUnknown:          {Msg: "SDP0091", SC1: 64, Detail: "function-unknown"},
	functionComplexArg:       {Msg: "SDP0091", SC1: 64, Detail: "function-complex-arg"},
	functionOverflow:         {Msg: "SDP0091", SC1: 64, Detail: "function-overflow"},
	gotoTargetMissing:        {Msg: "SDP0118", SC1: 1, Detail: "goto-target-missing"},
	loopControlOutside:       {Msg: "SDP0118", SC1: 1, Detail: "loop-control-outside"},
	gotoNotEnclosing:         {Msg: "SDP0118", SC1: 1, Detail: "goto-not-enclosing"},
	notInDialog:              {Msg: "SDP0118", SC1: 64, Detail: "procedure-only", Source: "V CMD skip-commands: rejected in a dialog; key I"},
	sysSwitchFixed:           {Msg: "SDP0091", SC1: 64, Detail: "sysswitch-fixed", Source: "V RR reserved variable names: SYSSWITCH and its elements cannot be freed or deleted; key I"},
	branchTargetMissing:      {Msg: "SDP0118", SC1: 64, Detail: "branch-target-missing", Source: "I: SKIP-COMMANDS or TIMEOUT-LABEL to a label the procedure lacks; V CMD skip-commands: the branch cannot be made"},
	exitOutsideBlock:         {Msg: "SDP0118", SC1: 1, Detail: "exit-outside-block"},
	exitOutsideNamedBlock:    {Msg: "SDP0118", SC1: 1, Detail: "exit-outside-named-block"},
	paramNotDeclared:         {Msg: "SDP0091", SC1: 64, Detail: "param-not-declared"},
	procedureCancelled:       {Msg: "SDP0018", SC1: 64},

	// variable containers: SDF-P user guide pages 141-143 (V); the keys
	// of the job variable store for JV containers
	containerNotDeclared:  {Msg: "SDP0091", SC1: 64, Detail: "container-not-declared", Source: "V UG 141 (declared before the variable)"},
	containerOtherType:    {Msg: "SDP0091", SC1: 64, Detail: "container-other-type", Source: "V UG 142 (same variable and data type)"},
	containerShorterLived: {Msg: "SDP0091", SC1: 64, Detail: "container-shorter-lived", Source: "V UG 142 (lifetime at least the variable's)"},
	containerJVType:       {Msg: "SDP0091", SC1: 64, Detail: "container-jv-type", Source: "V UG 143 (STRING only)"},
	containerJVPassword:   {Msg: "JVS0412", SC1: 64},
	containerJVMonitored:  {Msg: "JVS0413", SC1: 64},
	containerJVTooLong:    {Msg: "JVS0414", SC1: 64, Source: "V UG 143 (at most 256 bytes)"},
	containerJVBadName:    {Msg: "JVS0415", SC1: 64},
	containerJVStore:      {Msg: "JVS0416", SC1: 64},
	containerJVRead:       {Msg: "JVS0417", SC1: 64},
	containerJVNotFound:   {Msg: "JVS0410", SC1: 64},
	containerAlreadyOpen:  {Msg: "SDP0091", SC1: 64, Detail: "container-already-open", Source: "I"},
	containerNotOpen:      {Msg: "SDP0091", SC1: 64, Detail: "container-not-open", Source: "I"},
	containerUnsupported:  {Msg: "SDP0091", SC1: 64, Detail: "container-unsupported", Source: "I (sdfp's limit)"},
	containerNotText:      {Msg: "SDP0091", SC1: 64, Detail: "container-not-text", Source: "I (sdfp's limit)"},

	backBranchLimitValue: {Msg: "SDP0091", SC1: 64, Detail: "back-branch-limit-value", Source: "I"},
	streamNotModelled:    {Msg: "SDP0091", SC1: 64, Detail: "stream-not-modelled", Source: "I (sdfp's limit)"},

	functionUnknownNear: {Msg: "SDP0091", SC1: 64, Detail: "function-unknown-near", Source: "I (sdfp's did-you-mean)"},
}

// result is the result of a statement ending with the outcome.
func (id outcomeID) result(inserts ...any) handler.Result { return outcomes[id].Result(inserts...) }

// err is the outcome as an error (of an expression, a name, a value).
func (id outcomeID) err(inserts ...any) error { return outcomes[id].Err(inserts...) }
