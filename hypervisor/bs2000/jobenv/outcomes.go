package jobenv

import "sdfp/interp/handler"

// outcomes are how job-environment commands fail when the store did not
// refuse them (a refusal carries the store's own message). Detail texts
// are in msg/details.msg.
type outcomeID int

const (
	sendToProgram outcomeID = iota
	messageUnknown
	userSwitchesNotOwn
	waitNoCondition
	conditionNotLogical
	conditionBadTerm
	noMessage
	jobsUnavailable
	jobStartBad
	jobCancelSelf
	jobNotFound
	jobAlreadyEnded
	jobsTooMany
	notEnterFile
	jobParamsBad
	jobCancelledBy
	jobEndedNormally
	jobEndedAbnormally
	spoolNotWritten
)

var outcomes = [...]handler.Outcome{
	sendToProgram:       {Msg: "CMD0202", SC1: 64, Detail: "send-msg-to-program", Source: "sdfp: not modelled"},
	messageUnknown:      {Msg: "CMD0202", SC1: 64, Detail: "message-unknown", Source: "I"},
	userSwitchesNotOwn:  {Msg: "SDP0091", SC1: 64, Detail: "user-switches-not-own", Source: "V CMD modify-user-switches (only TSOS may change another user ID's switches); the page's key is not in the stored text: SDP0091 I"},
	waitNoCondition:     {Msg: "CMD0202", SC1: 64, Detail: "wait-no-condition", Source: "I"},
	conditionNotLogical: {Msg: "SDP0091", SC1: 64, Detail: "jv-condition-not-logical", Source: "I"},
	conditionBadTerm:    {Msg: "SDP0091", SC1: 64, Detail: "jv-condition-bad-term", Source: "I"},
	noMessage:           {Main: "CMD0001", SC2: 1, Source: "I: SEND-MSG MSG=*NO sends nothing, a warning"},
	// batch jobs (jobs.go); the keys are sdfp's (I): the pages read name none
	jobsUnavailable: {Msg: "CMD0202", SC1: 64, Detail: "jobs-unavailable", Source: "I: a session without a job starter (a bare job environment)"},
	jobStartBad:     {Msg: "CMD0202", SC1: 1, Detail: "job-start-bad", Source: "I"},
	jobCancelSelf:   {Msg: "JMS0412", SC1: 64, Source: "V CMD cancel-job (a job cannot cancel itself); key I"},
	jobNotFound:     {Msg: "JMS0410", SC1: 64, Source: "V CMD cancel-job, show-job-status (jobs of the own user ID); key I"},
	jobAlreadyEnded: {Msg: "JMS0411", SC1: 64, Source: "V CMD cancel-job (an ended job is refused); key I"},
	jobsTooMany:     {Msg: "JMS0417", SC1: 64, Source: "I: sdfp's limit MaxJobs"},
	notEnterFile:    {Msg: "JMS0413", SC1: 64, Source: "V CMD enter-job (the first command of an ENTER file is SET-LOGON-PARAMETERS); key I"},
	jobParamsBad:    {Msg: "CMD0202", SC1: 64, Detail: "proc-params-unbalanced", Source: "I (as CALL-PROCEDURE)"},
	// lines of a job's SYSOUT list (no failure of a command)
	jobCancelledBy:     {Msg: "JMS0414", Source: "V CMD cancel-job (canceller and TEXT to the job's SYSOUT); key I"},
	jobEndedNormally:   {Msg: "JMS0415", Source: "I"},
	jobEndedAbnormally: {Msg: "JMS0416", Source: "I"},
	spoolNotWritten:    {Msg: "DMS0502", SC1: 64, Source: "I (as a SYSLST or SYSOUT file that cannot be written)"},
}
