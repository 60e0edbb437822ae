package builtins

import "sdfp/hypervisor/msg"

// The outcome table of the builtin functions: every error a function
// reports, named by what happened, with its message key and, under the
// general key SDP0091 ("SEMANTIC ERROR: (&00)"), the detail that says
// what went wrong. Texts are in hypervisor/msg (sdf.msg, details.msg).
// Every error is semantic (SC1 64); SDP0414 is a warning.
type outcomeID int

const (
	positionalAfterKeyword outcomeID = iota
	tooManyParameters
	parameterTwice
	parameterMissing
	abbreviationAmbiguous
	noSuchParameter
	keywordAmbiguous
	keywordNotAllowed
	keywordOnly
	wrongType
	resultOutOfRange
	notAnInteger
	variableNotDeclared
	jvNotFound
	jvNotAccessible
	jvStoreError
	jvNotString
	emptyString
	notSDFList
	positionOutOfRange
	positionNotPositive
	badVariableName
	startOutOfRange
	negativeLength
	restLengthUsed
	invalidDate
	notAList
	badRegularExpression

	// The SDF string conversion (sdfconv.go) and SDF-STRUCTURE-VALUE.
	convNotSDFString
	convPositional
	convBadName
	convOperandTwice
	convListInList
	notAStructure
	operandPositionNotPositive
	notAStructuredName
	operandUnknown
	operandAmbiguous
	booleanOperand
	installationParameter
	libraryParameter
	libraryAccess
	numberOutOfRange
)

// outcome is a row: the message key, and the detail key under SDP0091.
type outcome struct{ key, detail string }

var outcomes = [...]outcome{
	positionalAfterKeyword: {codeSemantic, "fn-positional-after-keyword"},
	tooManyParameters:      {codeSemantic, "fn-too-many-parameters"},
	parameterTwice:         {codeSemantic, "fn-parameter-twice"},
	parameterMissing:       {codeSemantic, "fn-parameter-missing"},
	abbreviationAmbiguous:  {codeSemantic, "fn-abbreviation-ambiguous"},
	noSuchParameter:        {codeSemantic, "fn-no-such-parameter"},
	keywordAmbiguous:       {codeSemantic, "fn-keyword-ambiguous"},
	keywordNotAllowed:      {codeSemantic, "fn-keyword-not-allowed"},
	keywordOnly:            {codeSemantic, "fn-keyword-only"},
	wrongType:              {key: "SDP0010"},
	resultOutOfRange:       {codeSemantic, "fn-result-out-of-range"},
	notAnInteger:           {codeSemantic, "not-an-integer"},
	variableNotDeclared:    {codeSemantic, "fn-variable-not-declared"},
	jvNotFound:             {key: "SDP1024"},
	jvNotAccessible:        {key: "SDP1022"},
	jvStoreError:           {key: "SDP1054"},
	jvNotString:            {key: "SDP1027"},
	emptyString:            {key: "SDP0411"},
	notSDFList:             {key: "SDP0447"},
	positionOutOfRange:     {key: "SDP0448"},
	positionNotPositive:    {key: "SDP0481"},
	badVariableName:        {key: "SDP1101"},
	startOutOfRange:        {key: "SDP0412"},
	negativeLength:         {key: "SDP0413"},
	restLengthUsed:         {key: "SDP0414"},
	invalidDate:            {key: "SDP0452"},
	notAList:               {codeSemantic, "fn-not-a-list"},
	badRegularExpression:   {codeSemantic, "fn-bad-regular-expression"},

	convNotSDFString:           {codeSemantic, "conv-not-sdf-string"},
	convPositional:             {codeSemantic, "conv-positional-operand"},
	convBadName:                {codeSemantic, "conv-bad-operand-name"},
	convOperandTwice:           {codeSemantic, "conv-operand-twice"},
	convListInList:             {codeSemantic, "conv-list-in-list"},
	notAStructure:              {key: "SDP0460"},
	operandPositionNotPositive: {key: "SDP0461"},
	notAStructuredName:         {key: "SDP0462"},
	operandUnknown:             {key: "SDP0463"},
	operandAmbiguous:           {key: "SDP0464"},
	booleanOperand:             {key: "SDP0465"},
	installationParameter:      {key: "SDP0469"},
	libraryParameter:           {key: "SDP0454"},
	libraryAccess:              {key: "SDP0093"},
	numberOutOfRange:           {key: "SDP0304"},
}

// message is the row's message with the inserts.
func (id outcomeID) message(inserts ...any) msg.Message {
	o := outcomes[id]
	if o.detail == "" {
		return msg.New(o.key, inserts...)
	}
	return msg.New(o.key, msg.New(o.detail, inserts...))
}

// err is the row as a function error.
func (id outcomeID) err(inserts ...any) *Error { return &Error{SC1: 64, Msg: id.message(inserts...)} }
