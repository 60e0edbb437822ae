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

// JSONSchemaVersion is the version of the --format json event schema:
// one JSON object per line, each with "v" (this version), "event",
// "task" and "time". The kinds of events and their fields are the table
// of jsonschema.go, which `sdfp help json` prints. New fields may be
// added within a version; removing or changing one raises it.
const JSONSchemaVersion = 1

// output renders a run's output as text or JSON events.
type output struct {
	w    io.Writer
	errw io.Writer // sdfp's own lines in text form (summary, write errors, dry-run list): stderr
	json bool
	enc  *json.Encoder
	lang string // the run's language, for sdfp's own lines
	// now is the virtual time of the run, stamped on each JSON event
	// that has none of its own (nil: none).
	now func() time.Time
}

func newOutput(w io.Writer, asJSON bool, lang string) *output {
	return &output{w: w, errw: w, json: asJSON, enc: json.NewEncoder(w), lang: lang}
}

type rcJSON struct {
	SC2  int    `json:"sc2"`
	SC1  int    `json:"sc1"`
	Main string `json:"main"`
}

func rcOf(rc handler.ReturnCode) rcJSON { return rcJSON{rc.SC2, rc.SC1, rc.Main} }

// event writes one JSON event of the task (TSN; "" for the system).
func (o *output) event(kind, task string, fields map[string]any) {
	fields["v"] = JSONSchemaVersion
	fields["event"] = kind
	fields["task"] = task
	if _, ok := fields["time"]; !ok && o.now != nil {
		fields["time"] = o.now().Format(time.RFC3339)
	}
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
func (o *output) sysout() io.Writer { return o.taskSysout(firstTSN, false) }

// firstTSN is the TSN of the first (or only) task of a run.
const firstTSN = "0001"

// taskSysout is the SYSOUT writer of task tsn; tagged (one of several
// tasks): in text form its lines carry the TSN.
func (o *output) taskSysout(tsn string, tagged bool) io.Writer {
	if o.json {
		return &lineWriter{
			fn: func(s string) { o.event("sysout", tsn, map[string]any{"text": s}) },
			msg: func(s string, m msg.Message) {
				f := map[string]any{"text": s}
				if mm := message(m); mm != nil {
					f["message"] = mm
				}
				o.event("sysout", tsn, f)
			},
		}
	}
	if !tagged {
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
		o.event("console", "", f)
		return
	}
	fmt.Fprintf(o.w, "[%s %s] %s\n", l.Time.Format("15:04:05"), l.Source, l.Text)
}

// variable reports an assignment of task tsn (JSON only).
func (o *output) variable(tsn, name string, value any) {
	o.event("variable", tsn, map[string]any{"name": name, "value": value})
}

// trace logs an executed command of task tsn: to w in text form, as an
// event in JSON.
func (o *output) trace(w io.Writer, tsn string, e interp.TraceEvent) {
	if o.json {
		o.event("command", tsn, map[string]any{"time": e.Time.Format(time.RFC3339), "file": e.Pos.Filename,
			"line": e.Pos.Line, "level": e.Level, "text": e.Text, "rc": rcOf(e.RC)})
		return
	}
	fmt.Fprintf(w, "%s %s level %d: %s  -> %s\n", e.Time.Format("15:04:05"), lexer.FormatPos(e.Pos), e.Level, e.Text, e.RC)
}

// result reports how task tsn ended and returns the exit status for it.
func (o *output) result(tsn, file string, res interp.Result) int {
	status := exitOK
	switch {
	case res.Err != nil && res.Err.Limit:
		status = exitLimit
	case res.Err != nil:
		status = exitFindings
	}
	if o.json {
		o.resultEvent(tsn, file, res, status)
		return status
	}
	if res.Err != nil {
		key := "summary-ended-with-error"
		if res.Err.Limit {
			key = "summary-stopped"
		}
		line := msg.New(key, file, res.RC.Main, res.RC.SC1, res.RC.SC2)
		fmt.Fprintf(o.errw, "sdfp: %s\n  %s\n", msg.Default().Body(line, o.lang), res.Err)
	}
	return status
}

// jobResult is the JSON result event of a batch job that ended by
// itself: exit 0, as its error is its MONJV's and its list's, not the
// run's.
func (o *output) jobResult(tsn, file string, res interp.Result) {
	o.resultEvent(tsn, file, res, exitOK)
}

func (o *output) resultEvent(tsn, file string, res interp.Result, status int) {
	f := map[string]any{"file": file, "rc": rcOf(res.RC), "exit": status}
	if res.Err != nil {
		f["error"] = res.Err.Error()
		if mm := message(res.Err.Msg); mm != nil {
			f["message"] = mm
		}
	}
	o.event("result", tsn, f)
}

// writeError reports a file the run could not write: a message naming
// the file (DMS0502, JVS0416).
func (o *output) writeError(text string, m msg.Message) {
	if o.json {
		o.event("write-error", "", map[string]any{"text": text, "message": m})
		return
	}
	fmt.Fprintf(o.errw, "sdfp: %s\n", text)
}

func (o *output) dryRun(writes []dryRunWrite, removed []string) {
	files := make([]string, len(writes))
	for i, w := range writes {
		files[i] = fmt.Sprintf("%s (%d bytes)", w.Path, w.Bytes)
	}
	if o.json {
		if removed == nil { // lists, empty or not, for the consumer
			removed = []string{}
		}
		if writes == nil {
			writes = []dryRunWrite{}
		}
		o.event("dry-run", "", map[string]any{"files": files, "writes": writes, "removed": removed})
		return
	}
	if len(files) == 0 && len(removed) == 0 {
		fmt.Fprintln(o.errw, "sdfp: dry run: nothing would have been written")
		return
	}
	if len(files) > 0 {
		fmt.Fprintln(o.errw, "sdfp: dry run: would have written:")
		for i, f := range files {
			if writes[i].Unchanged {
				f = fmt.Sprintf("%s (%d bytes, unchanged)", writes[i].Path, writes[i].Bytes)
			}
			fmt.Fprintln(o.errw, "  "+f)
		}
	}
	if len(removed) > 0 {
		fmt.Fprintln(o.errw, "sdfp: dry run: would have removed:")
		for _, f := range removed {
			fmt.Fprintln(o.errw, "  "+f)
		}
	}
}

// syntaxError reports a finding that keeps task tsn's procedure from
// running: in text form as `sdfp check` shows it (to stderr), in JSON as
// an event.
func (o *output) syntaxError(tsn string, f *lexer.Error, src string) {
	if !o.json {
		printFinding(&cli{stdout: o.errw}, f, src)
		return
	}
	o.event("syntax-error", tsn, map[string]any{"file": f.Pos.Filename, "line": f.Pos.Line,
		"column": f.Pos.Column, "code": f.Code, "severity": f.Severity.String(), "text": f.Msg})
}

func (o *output) flush() {}

// writeUsageEvent writes a usage-error event: the run did not start
// (exit status 2), and text says why.
func writeUsageEvent(w io.Writer, text string) {
	json.NewEncoder(w).Encode(map[string]any{"v": JSONSchemaVersion, "event": "usage-error", "task": "", "text": text})
}
