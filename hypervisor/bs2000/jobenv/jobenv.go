// Package jobenv is the job environment of a task: the commands for job
// variables (CREATE-JV, MODIFY-JV, SHOW-JV, SHOW-JV-ATTRIBUTES,
// DELETE-JV, SET-JV-LINK), WAIT-EVENT on the virtual clock, operator
// messages (SEND-MSG, INFORM-OPERATOR), HELP-MSG-INFORMATION, and the job
// and user switches with SKIP-COMMANDS, which branches on them
// (switches.go). It is a command handler of the interpreter's chain.
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
	"sdfp/lexer/ebcdic"
	"sdfp/parser/ast"
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
	// jobSwitches are the job switches of each task, userSwitches the
	// user switches of each user ID (switches.go).
	jobSwitches  map[string]uint32
	userSwitches map[string]uint32
	// shownUser is the result SHOW-USER-SWITCHES gave last, kept for
	// the next that shows the same (switches.go).
	shownUser shownSwitches
	// TSNs is the session's TSN counter; batch the batch jobs (jobs.go).
	TSNs  *TSNs
	batch batch
}

// New returns a job environment.
func New(jvs *jv.Store, clk *clock.Clock, con *console.Console, msgs *msg.Catalog) *Env {
	return &Env{JVs: jvs, Clock: clk, Console: con, Msgs: msgs, Catalog: "SDFP", User: "SDFPUSER", links: map[string]string{}, jobMonitors: map[string]string{}}
}

// commands are the commands the job environment executes, each declared
// once in the catalog (parser/catalog).
var commands = map[string]func(*Env, *handler.Request) handler.Result{
	"CREATE-JV":            (*Env).createJV,
	"MODIFY-JV":            (*Env).modifyJV,
	"SHOW-JV":              (*Env).showJV,
	"SHOW-JV-ATTRIBUTES":   (*Env).showJVAttributes,
	"DELETE-JV":            (*Env).deleteJV,
	"SET-JV-LINK":          (*Env).setJVLink,
	"WAIT-EVENT":           (*Env).waitEvent,
	"SEND-MSG":             (*Env).sendMsg,
	"INFORM-OPERATOR":      (*Env).sendMsg,
	"HELP-MSG-INFORMATION": (*Env).helpMsg,
}

// Commands implements handler.Executor.
func (e *Env) Commands() []string { return handler.Names(commands) }

// Handle implements handler.Handler.
func (e *Env) Handle(ctx context.Context, req *handler.Request) (handler.Result, bool) {
	fn := commands[req.Name]
	if fn == nil {
		return handler.Result{}, false
	}
	return fn(e, req), true
}

// Route implements handler.Router.
func (e *Env) Route(name string) (handler.CommandFunc, bool) {
	fn := commands[name]
	if fn == nil {
		return nil, true
	}
	return func(_ context.Context, req *handler.Request) handler.Result { return fn(e, req) }, true
}

// jvFail is the result of a JV command the store refused (SC1=64,
// spin-off), with the store's message.
func jvFail(err error) handler.Result {
	var je *jv.Error
	if errors.As(err, &je) {
		return handler.Fail(64, msg.FromStrings(je.Key, je.Inserts...))
	}
	return handler.Fail(64, msg.New(jv.KeyStoreError, "?", "?", strings.ToUpper(err.Error())))
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

func (e *Env) createJV(req *handler.Request) handler.Result {
	var name string
	var read, write ast.Password
	req.Args.Unpack("JV-NAME", &name, "READ-PASSWORD", &read, "WRITE-PASSWORD", &write)
	if err := e.JVs.Create(name, string(read), string(write)); err != nil {
		return jvFail(err)
	}
	return handler.Result{RC: handler.OK}
}

// target reads JV-CONTENTS: a name, or *SUBSTRING(JV-NAME, POSITION,
// LENGTH), or *LINK(LINK-NAME, POSITION, LENGTH).
func (e *Env) target(a *ast.Args) (name string, pos, length int) {
	var kw ast.Keyword
	var sub *ast.Args
	a.Unpack("JV-CONTENTS", &kw, "JV-CONTENTS", &name, "JV-CONTENTS", &sub)
	switch kw {
	case "*SUBSTRING":
		sub.Unpack("JV-NAME", &name, "POSITION", &pos, "LENGTH", &length)
		return name, pos, length
	case "*LINK":
		var link string
		sub.Unpack("LINK-NAME", &link, "POSITION", &pos, "LENGTH", &length)
		return e.resolve("*" + link), pos, length
	}
	return e.resolve(name), 1, 0
}

func (e *Env) modifyJV(req *handler.Request) handler.Result {
	name, pos, length := e.target(req.Args)
	var value string
	var pw ast.Password
	req.Args.Unpack("SET-VALUE", &value, "JV-PASSWORD", &pw)
	if err := e.JVs.Write(name, pos, length, value, string(pw)); err != nil {
		return jvFail(err)
	}
	return handler.Result{RC: handler.OK}
}

// printable shows a JV value on SYSOUT; characters other than printable
// ASCII (the X'EE' of a never-written JV) show as '.', one per character.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7E {
			return '.'
		}
		return r
	}, s)
}

func (e *Env) showJV(req *handler.Request) handler.Result {
	name, pos, length := e.target(req.Args)
	var pw ast.Password
	req.Args.Unpack("JV-PASSWORD", &pw)
	v, err := e.JVs.Read(name, string(pw))
	if err != nil {
		return jvFail(err)
	}
	v = substring(v, pos, length)
	return handler.Done(msg.Plain("%" + printable(v)))
}

// substring is length characters of v from pos (1-based; length 0: the
// rest), counted in characters (package lexer/ebcdic).
func substring(v string, pos, length int) string {
	if pos < 1 {
		pos = 1
	}
	if length <= 0 {
		length = -1
	}
	return ebcdic.Slice(v, pos-1, length)
}

func (e *Env) showJVAttributes(req *handler.Request) handler.Result {
	var prefix string
	var all ast.Keyword
	var info ast.Keyword
	req.Args.Unpack("JV-NAME", &prefix, "JV-NAME", &all, "INFORMATION", &info)
	if all != "" {
		prefix = ""
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
		if info == "*ALL-ATTRIBUTES" {
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
	var name string
	var pw ast.Password
	req.Args.Unpack("JV-NAME", &name, "JV-PASSWORD", &pw)
	if err := e.JVs.Delete(e.resolve(name), string(pw)); err != nil {
		return jvFail(err)
	}
	return handler.Result{RC: handler.OK}
}

func (e *Env) setJVLink(req *handler.Request) handler.Result {
	var link, name string
	var none ast.Keyword
	req.Args.Unpack("LINK-NAME", &link, "JV-NAME", &name, "JV-NAME", &none)
	link = strings.ToUpper(link)
	if none == "*NONE" {
		delete(e.links, link)
		return handler.Result{RC: handler.OK}
	}
	if _, err := e.JVs.Get(name); err != nil {
		// the named JV is created when it does not exist
		if cerr := e.JVs.Create(name, "", ""); cerr != nil {
			return jvFail(cerr)
		}
	}
	n, _ := e.JVs.Normal(name)
	e.links[link] = n
	return handler.Result{RC: handler.OK}
}

func (e *Env) sendMsg(req *handler.Request) handler.Result {
	var text string
	var no, to ast.Keyword
	req.Args.Unpack("MSG", &text, "MSG", &no)
	if req.Name == "SEND-MSG" {
		req.Args.Unpack("TO", &to)
	}
	if no == "*NO" {
		return outcomes[noMessage].Result()
	}
	if to == "*PROGRAM" {
		return outcomes[sendToProgram].Result()
	}
	e.Console.Write("TSN "+req.Task.ID(), msg.Plain(text))
	return handler.Result{RC: handler.OK}
}

func (e *Env) helpMsg(req *handler.Request) handler.Result {
	var lang, key string
	req.Args.Unpack("LANGUAGE", &lang, "MSG-IDENTIFICATION", &key)
	if lang == "" || lang == "*STD" {
		lang = req.Task.Language()
	}
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
