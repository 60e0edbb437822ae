// Package jobenv is the job environment of a task: the commands for job
// variables (CREATE-JV, MODIFY-JV, SHOW-JV, SHOW-JV-ATTRIBUTES,
// DELETE-JV, SET-JV-LINK), WAIT-EVENT on the virtual clock, operator
// messages (SEND-MSG, INFORM-OPERATOR) and HELP-MSG-INFORMATION. It is a
// command handler of the interpreter's chain.
package jobenv

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"sdfp/hypervisor/bs2000/console"
	"sdfp/hypervisor/bs2000/jv"
	"sdfp/hypervisor/clock"
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser"
	"sdfp/parser/ast"
	"sdfp/parser/catalog"
)

// Env is the job environment shared by the tasks of a run.
type Env struct {
	JVs     *jv.Store
	Clock   *clock.Clock
	Console *console.Console
	Msgs    *msg.Catalog
	// Catalog and User form the full names SHOW-JV-ATTRIBUTES prints.
	Catalog, User string
	links         map[string]string // JV link name -> JV name
	// jobMonitors maps a task to its job monitoring JV.
	jobMonitors map[string]string
}

// New returns a job environment.
func New(jvs *jv.Store, clk *clock.Clock, con *console.Console, msgs *msg.Catalog) *Env {
	return &Env{JVs: jvs, Clock: clk, Console: con, Msgs: msgs, Catalog: "SDFP", User: "SDFPUSER", links: map[string]string{}, jobMonitors: map[string]string{}}
}

// Handle implements handler.Handler.
func (e *Env) Handle(ctx context.Context, req *handler.Request) (handler.Result, bool) {
	fn := map[string]func(*handler.Request) handler.Result{
		"CREATE-JV":            e.createJV,
		"MODIFY-JV":            e.modifyJV,
		"SHOW-JV":              e.showJV,
		"SHOW-JV-ATTRIBUTES":   e.showJVAttributes,
		"DELETE-JV":            e.deleteJV,
		"SET-JV-LINK":          e.setJVLink,
		"WAIT-EVENT":           e.waitEvent,
		"SEND-MSG":             e.sendMsg,
		"INFORM-OPERATOR":      e.sendMsg,
		"HELP-MSG-INFORMATION": e.helpMsg,
		"MODIFY-JOB-OPTIONS":   e.modifyJobOptions,
	}[req.Name]
	if fn == nil {
		return handler.Result{}, false
	}
	return fn(req), true
}

// jvFail is the result of a JV command the store refused (SC1=64,
// spin-off), with the store's message.
func jvFail(err error) handler.Result {
	var je *jv.Error
	if errors.As(err, &je) {
		return handler.Fail(64, msg.FromStrings(je.Key, je.Inserts...))
	}
	return handler.Fail(64, msg.New(jv.KeyStoreError, "?", err.Error()))
}

// resolve turns a JV name or *LINK into the JV name.
func (e *Env) resolve(name string) string {
	if strings.HasPrefix(name, "*") {
		if n, ok := e.links[strings.ToUpper(name[1:])]; ok {
			return n
		}
	}
	return name
}

// password returns the text of a password operand (c-string, x-string or
// integer), "" for *NONE.
func password(a *ast.Args, name string) string {
	v := a.Get(name)
	if v == nil || v.Alt == nil || v.Keyword == "*NONE" {
		return ""
	}
	if v.Alt.Kind == catalog.AltKeyword {
		return ""
	}
	if v.Str != "" {
		return v.Str
	}
	return fmt.Sprint(v.Int)
}

func (e *Env) createJV(req *handler.Request) handler.Result {
	a := req.Args
	if err := e.JVs.Create(a.Str("JV-NAME"), password(a, "READ-PASSWORD"), password(a, "WRITE-PASSWORD")); err != nil {
		return jvFail(err)
	}
	return handler.Result{RC: handler.OK}
}

// target reads JV-CONTENTS: a name, or *SUBSTRING(JV-NAME, POSITION,
// LENGTH), or *LINK(LINK-NAME, POSITION, LENGTH).
func (e *Env) target(a *ast.Args) (name string, pos, length int) {
	v := a.Get("JV-CONTENTS")
	switch v.Keyword {
	case "*SUBSTRING", "*LINK":
		s := v.Struct
		if v.Keyword == "*LINK" {
			name = e.resolve("*" + s.Str("LINK-NAME"))
		} else {
			name = s.Str("JV-NAME")
		}
		p, _ := s.Int("POSITION")
		l, _ := s.Int("LENGTH")
		return name, int(p), int(l)
	}
	return e.resolve(v.Str), 1, 0
}

func (e *Env) modifyJV(req *handler.Request) handler.Result {
	a := req.Args
	name, pos, length := e.target(a)
	value := a.Get("SET-VALUE")
	text := value.Str
	if value.Alt != nil && value.Alt.Kind == catalog.AltXString {
		text = parser.DecodeHex(value.Str)
	}
	if err := e.JVs.Write(name, pos, length, text, password(a, "JV-PASSWORD")); err != nil {
		return jvFail(err)
	}
	return handler.Result{RC: handler.OK}
}

// printable shows a JV value on SYSOUT; bytes that are not printable
// (the X'EE' of a never-written JV) show as '.'.
func printable(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c < 0x20 || c > 0x7E {
			b[i] = '.'
		}
	}
	return string(b)
}

func (e *Env) showJV(req *handler.Request) handler.Result {
	a := req.Args
	name, pos, length := e.target(a)
	v, err := e.JVs.Read(name, password(a, "JV-PASSWORD"))
	if err != nil {
		return jvFail(err)
	}
	v = substring(v, pos, length)
	return handler.Done(msg.Plain("%" + printable(v)))
}

func substring(v string, pos, length int) string {
	if pos < 1 {
		pos = 1
	}
	if pos > len(v) {
		return ""
	}
	v = v[pos-1:]
	if length > 0 && length < len(v) {
		v = v[:length]
	}
	return v
}

func (e *Env) showJVAttributes(req *handler.Request) handler.Result {
	prefix := ""
	if k := req.Args.Keyword("JV-NAME"); k == "" {
		prefix = req.Args.Str("JV-NAME")
	}
	list, err := e.JVs.List(prefix)
	if err != nil {
		return jvFail(err)
	}
	var out []string
	total := 0
	for _, j := range list {
		n := len(j.Value)
		if !j.Defined {
			n = 0
		}
		total += n
		out = append(out, fmt.Sprintf("%%%07d :%s:$%s.%s", n, e.Catalog, e.User, j.Name))
		if req.Args.Keyword("INFORMATION") == "*ALL-ATTRIBUTES" {
			mon := "NO"
			if j.Monitor != "" {
				mon = "YES"
			}
			out = append(out, fmt.Sprintf("%%      CRE-DATE = %s  CRE-TIME = %s  MONJV = %s",
				j.Created.Format("2006-01-02"), j.Created.Format("15:04:05"), mon))
		}
	}
	out = append(out, fmt.Sprintf("%%SUM %05d JV'S; JV-VALUE = %08d BYTES", len(list), total))
	return handler.Done(msg.Plains(out...)...)
}

func (e *Env) deleteJV(req *handler.Request) handler.Result {
	if err := e.JVs.Delete(e.resolve(req.Args.Str("JV-NAME")), password(req.Args, "JV-PASSWORD")); err != nil {
		return jvFail(err)
	}
	return handler.Result{RC: handler.OK}
}

func (e *Env) setJVLink(req *handler.Request) handler.Result {
	link := strings.ToUpper(req.Args.Str("LINK-NAME"))
	if req.Args.Keyword("JV-NAME") == "*NONE" {
		delete(e.links, link)
		return handler.Result{RC: handler.OK}
	}
	name := req.Args.Str("JV-NAME")
	if _, err := e.JVs.Get(name); err != nil {
		// the named JV is created when it does not exist
		if cerr := e.JVs.Create(name, "", ""); cerr != nil {
			return jvFail(cerr)
		}
	}
	n, _ := jv.NormalName(name)
	e.links[link] = n
	return handler.Result{RC: handler.OK}
}

func (e *Env) sendMsg(req *handler.Request) handler.Result {
	a := req.Args
	if a.Keyword("MSG") == "*NO" {
		return handler.Result{RC: handler.ReturnCode{SC2: 1, Main: "CMD0001"}}
	}
	if req.Name == "SEND-MSG" && a.Keyword("TO") == "*PROGRAM" {
		return outcomes[sendToProgram].Result()
	}
	e.Console.Write("TSN "+req.Task.ID(), msg.Plain(a.Str("MSG")))
	return handler.Result{RC: handler.OK}
}

func (e *Env) helpMsg(req *handler.Request) handler.Result {
	lang := req.Args.Str("LANGUAGE")
	if lang == "" || lang == "*STD" {
		lang = req.Task.Language()
	}
	key := req.Args.Str("MSG-IDENTIFICATION")
	lines, ok := e.Msgs.Help(key, lang)
	if !ok {
		return outcomes[messageUnknown].Result(key)
	}
	return handler.Done(msg.Plains(lines...)...)
}

// ReadJV implements the interpreter's JVReader for JV() and conditions.
// Errors are the store's (*jv.Error): the builtin functions map them to
// their own message keys.
func (e *Env) ReadJV(name string) (string, error) { return e.JVs.Read(e.resolve(name), "") }
