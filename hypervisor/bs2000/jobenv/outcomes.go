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
)

var outcomes = [...]handler.Outcome{
	sendToProgram:       {Msg: "CMD0202", SC1: 64, Detail: "send-msg-to-program", Source: "sdfp: not modelled"},
	messageUnknown:      {Msg: "CMD0202", SC1: 64, Detail: "message-unknown", Source: "I"},
	userSwitchesNotOwn:  {Msg: "SDP0091", SC1: 64, Detail: "user-switches-not-own", Source: "V CMD modify-user-switches (only TSOS may change another user ID's switches); the page's key is not in the stored text: SDP0091 I"},
	waitNoCondition:     {Msg: "CMD0202", SC1: 64, Detail: "wait-no-condition", Source: "I"},
	conditionNotLogical: {Msg: "SDP0091", SC1: 64, Detail: "jv-condition-not-logical", Source: "I"},
	conditionBadTerm:    {Msg: "SDP0091", SC1: 64, Detail: "jv-condition-bad-term", Source: "I"},
	noMessage:           {Main: "CMD0001", SC2: 1, Source: "I: SEND-MSG MSG=*NO sends nothing, a warning"},
}
