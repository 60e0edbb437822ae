package interp

import (
	"strings"

	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// S variable streams (SDF-P ready reference, ASSIGN-STREAM, page 110, V;
// user guide, "Structured output in S variables", page 170, V): SHOW
// commands write their structured output to the stream SYSINF, and
// ASSIGN-STREAM SYSINF,TO=*VARIABLE(VARIABLE-NAME=X) makes it a list of
// structures in X, one element per object, appended (WRITE-MODE=*EXTEND)
// or put in front (*PREFIX), as EXECUTE-CMD's STRUCTURE-OUTPUT does for
// one command. TO=*STD and *DUMMY end it. sdfp's reading (I): the
// assignment belongs to the procedure level that made it, and a called
// procedure starts with *STD. The other streams (SYSMSG, SYSVAR, a
// stream of one's own) and targets (*SAME-AS-CALLING-PROC, a server, the
// return and control variables) are refused as not modelled.

// streamTarget is where SYSINF goes: a list of structures.
type streamTarget struct {
	name   string
	prefix bool
}

func (r *Runner) assignStream(c *ast.Command) (handler.Result, *signal) {
	stream := strings.ToUpper(c.Args.Str("STREAM-NAME"))
	to := c.Args.Get("TO")
	switch to.Keyword {
	case "*STD", "*DUMMY":
		if stream == "SYSINF" {
			delete(r.sysinf, r.frame)
		}
		return done, nil
	case "*VARIABLE":
	default:
		return streamNotModelled.result(stream + " TO=" + to.Str), nil
	}
	v := to.Struct.Get("VARIABLE-NAME")
	if stream != "SYSINF" || v == nil || v.Keyword == "*NONE" || v.Str == "" {
		return streamNotModelled.result(stream + " TO=*VARIABLE"), nil
	}
	for _, other := range []string{"RETURN-VARIABLE-NAME", "CONTROL-VAR-NAME", "RET-CONTROL-VAR-NAME"} {
		if o := to.Struct.Get(other); o != nil && o.Given && o.Keyword != "*NONE" {
			return streamNotModelled.result(stream + " " + other), nil
		}
	}
	if _, err := varName(v.Str); err != nil {
		return resultOf(err), nil
	}
	t := &streamTarget{name: v.Str}
	if v.Struct != nil {
		t.prefix = v.Struct.Keyword("WRITE-MODE") == "*PREFIX"
	}
	if r.sysinf == nil {
		r.sysinf = map[*frame]*streamTarget{}
	}
	r.sysinf[r.frame] = t
	return done, nil
}

// streamRecords sends a command's structured output to the variable
// SYSINF is assigned to; a failure to store it is the command's error.
func (r *Runner) streamRecords(res handler.Result) handler.Result {
	t := r.sysinf[r.frame]
	if t == nil || len(res.Records) == 0 {
		return res
	}
	_, list, _ := r.find(t.name)
	before := 0
	if list != nil && list.t.kind == listNode {
		before = len(list.elems)
	}
	if err := r.structureOutput(t.name, res.Records, modeExtend); err != nil {
		return resultOf(err)
	}
	if t.prefix {
		if _, list, ok := r.find(t.name); ok && list.t.kind == listNode && before > 0 {
			added := append([]*node(nil), list.elems[before:]...)
			list.elems = append(added, list.elems[:before]...)
		}
	}
	return res
}
