package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"sdfp/hypervisor/bs2000/console"
	"sdfp/hypervisor/msg"
	"sdfp/interp"
	"sdfp/interp/handler"
	"sdfp/lexer"
)

// JSONSchemaVersion is the version of the --format json event schema. Each
// line is one JSON object with "v" (this version) and "event", one of:
//
//	sysout    {"task","text","message"}             a SYSOUT line
//	console   {"time","source","text","message"}    an operator console line
//	command   {"time","file","line","level","text","rc"}  an executed command
//	variable  {"name","value"}                      a variable was assigned
//	result    {"file","rc","error","message","exit"}  how a task ended
//	dry-run   {"files"}                             what a dry run would write
//	write-error {"text","message"}                  a file the run could not write (exit status 4)
//
// rc is {"sc2","sc1","main"}; time is RFC 3339 virtual time. text is the
// line as printed, in the run's language; message, present when the line
// is a message, is the message as a value: {"key","inserts"}, where an
// insert is a string, a number or a message of its own (a detail such as
// the one SDP0091 carries), so a pipeline can match on keys and inserts
// whatever the language. New fields may be added within a version;
// removing or changing one raises it.
const JSONSchemaVersion = 1

// output renders a run's output as text or JSON events.
type output struct {
	w    io.Writer
	json bool
	enc  *json.Encoder
	lang string // the run's language, for sdfp's own lines
}

func newOutput(w io.Writer, asJSON bool, lang string) *output {
	return &output{w: w, json: asJSON, enc: json.NewEncoder(w), lang: lang}
}

type rcJSON struct {
	SC2  int    `json:"sc2"`
	SC1  int    `json:"sc1"`
	Main string `json:"main"`
}

func rcOf(rc handler.ReturnCode) rcJSON { return rcJSON{rc.SC2, rc.SC1, rc.Main} }

func (o *output) event(kind string, fields map[string]any) {
	fields["v"] = JSONSchemaVersion
	fields["event"] = kind
	o.enc.Encode(fields)
}

// lineWriter calls fn for each complete line written to it; lines the
// interpreter prints as messages arrive with their message
// (interp.MessageWriter).
type lineWriter struct {
	buf bytes.Buffer
	fn  func(string)
	msg func(string, msg.Message)
}

// WriteMessage implements interp.MessageWriter.
func (l *lineWriter) WriteMessage(text string, m msg.Message) {
	if l.msg == nil {
		l.Write([]byte(text + "\n"))
		return
	}
	l.msg(text, m)
}

// message is the JSON form of a message, nil for a line that is none.
func message(m msg.Message) any {
	if m.Key == "" {
		return nil
	}
	return m
}

func (l *lineWriter) Write(p []byte) (int, error) {
	l.buf.Write(p)
	for {
		line, err := l.buf.ReadString('\n')
		if err != nil {
			l.buf.WriteString(line)
			return len(p), nil
		}
		l.fn(strings.TrimSuffix(line, "\n"))
	}
}

// sysout is the SYSOUT writer of a single task.
func (o *output) sysout() io.Writer { return o.taskSysout("") }

// taskSysout is the SYSOUT writer of one of several tasks: in text form
// its lines carry the task's TSN.
func (o *output) taskSysout(tsn string) io.Writer {
	if o.json {
		return &lineWriter{
			fn: func(s string) { o.event("sysout", map[string]any{"task": tsn, "text": s}) },
			msg: func(s string, m msg.Message) {
				f := map[string]any{"task": tsn, "text": s}
				if mm := message(m); mm != nil {
					f["message"] = mm
				}
				o.event("sysout", f)
			},
		}
	}
	if tsn == "" {
		return o.w
	}
	return &lineWriter{fn: func(s string) { fmt.Fprintf(o.w, "[TSN %s] %s\n", tsn, s) }}
}

// console shows an operator console line: in text form marked with
// brackets and its virtual time, so it stands out from SYSOUT.
func (o *output) console(l console.Line) {
	if o.json {
		f := map[string]any{"time": l.Time.Format(time.RFC3339), "source": l.Source, "text": l.Text}
		if mm := message(l.Msg); mm != nil {
			f["message"] = mm
		}
		o.event("console", f)
		return
	}
	fmt.Fprintf(o.w, "[%s %s] %s\n", l.Time.Format("15:04:05"), l.Source, l.Text)
}

func (o *output) variable(name string, value any) {
	o.event("variable", map[string]any{"name": name, "value": value})
}

// trace logs an executed command: to w in text form, as an event in JSON.
func (o *output) trace(w io.Writer, e interp.TraceEvent) {
	if o.json {
		o.event("command", map[string]any{"time": e.Time.Format(time.RFC3339), "file": e.Pos.Filename,
			"line": e.Pos.Line, "level": e.Level, "text": e.Text, "rc": rcOf(e.RC)})
		return
	}
	fmt.Fprintf(w, "%s %s level %d: %s  -> %s\n", e.Time.Format("15:04:05"), lexer.FormatPos(e.Pos), e.Level, e.Text, e.RC)
}

// result reports how a task ended and returns the exit status for it.
func (o *output) result(file string, res interp.Result) int {
	status := exitOK
	switch {
	case res.Err != nil && res.Err.Limit:
		status = exitLimit
	case res.Err != nil:
		status = exitFindings
	}
	if o.json {
		f := map[string]any{"file": file, "rc": rcOf(res.RC), "exit": status}
		if res.Err != nil {
			f["error"] = res.Err.Error()
			if mm := message(res.Err.Msg); mm != nil {
				f["message"] = mm
			}
		}
		o.event("result", f)
		return status
	}
	if res.Err != nil {
		key := "summary-ended-with-error"
		if res.Err.Limit {
			key = "summary-stopped"
		}
		line := msg.New(key, file, res.RC.Main, res.RC.SC1, res.RC.SC2)
		fmt.Fprintf(o.w, "sdfp: %s\n  %s\n", msg.Default().Body(line, o.lang), res.Err)
	}
	return status
}

// writeError reports a file the run could not write: a message naming
// the file (DMS0502, JVS0416).
func (o *output) writeError(text string, m msg.Message) {
	if o.json {
		o.event("write-error", map[string]any{"text": text, "message": m})
		return
	}
	fmt.Fprintf(o.w, "sdfp: %s\n", text)
}

func (o *output) dryRun(files []string) {
	if o.json {
		o.event("dry-run", map[string]any{"files": files})
		return
	}
	if len(files) == 0 {
		fmt.Fprintln(o.w, "sdfp: dry run: nothing would have been written")
		return
	}
	fmt.Fprintln(o.w, "sdfp: dry run: would have written:")
	for _, f := range files {
		fmt.Fprintln(o.w, "  "+f)
	}
}

func (o *output) flush() {}
