package files

import (
	"fmt"
	"sort"
	"strings"

	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// SHOW-FILE-ATTRIBUTES prints one line per file, its size in PAM pages
// (10 digits) and its full name, then a summary line for the catalog, in
// the layout of BS2000's listing (I: the pages read print no example of
// the SYSOUT form). The structured output follows the manual's example of
// the S variable format (V CMD "S variable format"): F-NAME, CAT-ID,
// USER-ID, SHORT-F-NAME, F-SIZE; INFORMATION=*ALL-ATTRIBUTES adds
// CRE-DATE and CRE-TIME from the attribute catalog (I).
func (f *Files) showFile(req *handler.Request) handler.Result {
	var all, info, output ast.Keyword
	req.Args.Unpack("FILE-NAME", &all, "INFORMATION", &info, "OUTPUT", &output)
	p, _ := ParsePattern("*")
	written := "*"
	if all != "*ALL" {
		var bad *handler.Result
		if p, written, bad = pattern(req.Args, "FILE-NAME"); bad != nil {
			return *bad
		}
	}
	found, err := f.list(p)
	if err != nil {
		return f.failure(written, err)
	}
	if len(found) == 0 {
		if lit := p.Literal(); lit != "" {
			return outcomes[notCataloged].Result(f.qualify(Name{Cat: p.Cat, User: p.User, File: lit}))
		}
		return outcomes[emptyFileSet].Result(f.qualify(Name{Cat: p.Cat, User: p.User, File: p.File}))
	}
	var lines []msg.Message
	var records []handler.Record
	var total int64
	for _, e := range found {
		size := pages(e.size)
		total += size
		rec := handler.Record{{Name: "F-NAME", Value: f.full(e.name)}, {Name: "CAT-ID", Value: f.Cat},
			{Name: "USER-ID", Value: f.User}, {Name: "SHORT-F-NAME", Value: e.name}}
		switch info {
		case "*NAME-ONLY":
			lines = append(lines, msg.Plain("%           "+f.full(e.name)))
		default:
			lines = append(lines, msg.Plain(fmt.Sprintf("%%%010d %s", size, f.full(e.name))))
			rec = append(rec, handler.Field{Name: "F-SIZE", Value: int(size)})
		}
		if info == "*ALL-ATTRIBUTES" {
			date, clock := "*NONE", "*NONE"
			if t, ok := f.attrs.creation(e.name); ok {
				date, clock = t.Format("2006-01-02"), t.Format("15:04:05")
			}
			lines = append(lines, msg.Plain("%  CRE-DATE = "+date+"  CRE-TIME = "+clock+fmt.Sprintf("  LAST-PAGE = %d", size)))
			rec = append(rec, handler.Field{Name: "CRE-DATE", Value: date}, handler.Field{Name: "CRE-TIME", Value: clock},
				handler.Field{Name: "LAST-PAGE", Value: int(size)})
		}
		records = append(records, rec)
	}
	noun := "FILES"
	if len(found) == 1 {
		noun = "FILE"
	}
	lines = append(lines, msg.Plain(fmt.Sprintf("%%:%s: PUBLIC: %d %s RES= %d FRE= 0 REL= 0 PAGES", f.Cat, len(found), noun, total)))
	return handler.Result{RC: handler.OK, Output: handler.ToSyslst(req.Task, string(output), lines), Records: records}
}

// Link names belong to a task (its task file table): ADD-FILE-LINK
// enters one, REMOVE-FILE-LINK takes it out, SHOW-FILE-LINK lists them.
// The file need not exist when the link is made.

func (f *Files) addLink(req *handler.Request) handler.Result {
	var link string
	var dummy ast.Keyword
	req.Args.Unpack("LINK-NAME", &link, "FILE-NAME", &dummy)
	if !validFile(strings.ToUpper(link)) {
		return outcomes[badName].Result(link)
	}
	file := "*DUMMY"
	if dummy != "*DUMMY" {
		n, bad := f.fileName(req.Args, "FILE-NAME")
		if bad != nil {
			return *bad
		}
		file = f.qualify(n)
	}
	task := taskOf(req)
	if f.links[task] == nil {
		f.links[task] = map[string]string{}
	}
	f.links[task][strings.ToUpper(link)] = file
	return handler.Result{RC: handler.OK}
}

// linkPattern unpacks a LINK-NAME operand: a link name or a pattern;
// nil with *ALL (SHOW-FILE-LINK) or *FIRST-BLANK (REMOVE-FILE-LINK: sdfp
// never makes a link name of blanks, so it selects none).
func linkPattern(a *ast.Args) (p *Pattern, kw ast.Keyword, bad *handler.Result) {
	a.Unpack("LINK-NAME", &kw)
	if kw != "" {
		return nil, kw, nil
	}
	p, _, bad = pattern(a, "LINK-NAME")
	return p, "", bad
}

// selectLinks returns the task's link names a pattern selects (all with
// nil), sorted.
func (f *Files) selectLinks(task string, p *Pattern) []string {
	var names []string
	for n := range f.links[task] {
		if p == nil || p.Match(n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

func (f *Files) removeLink(req *handler.Request) handler.Result {
	p, kw, bad := linkPattern(req.Args)
	if bad != nil {
		return *bad
	}
	var suppress ast.Keyword
	req.Args.Unpack("SUPPRESS-ERRORS", &suppress)
	task := taskOf(req)
	var names []string
	if kw == "" {
		names = f.selectLinks(task, p)
	}
	if len(names) == 0 {
		if suppress == "*LINK-NAME-NOT-FOUND" {
			return handler.Result{RC: handler.OK}
		}
		return outcomes[linkNotAssigned].Result(linkWritten(p, kw))
	}
	for _, n := range names {
		delete(f.links[task], n)
	}
	return handler.Result{RC: handler.OK}
}

// linkWritten is the link name or pattern a message names.
func linkWritten(p *Pattern, kw ast.Keyword) string {
	if p == nil {
		return string(kw)
	}
	return p.File
}

func (f *Files) showLink(req *handler.Request) handler.Result {
	p, kw, bad := linkPattern(req.Args)
	if bad != nil {
		return *bad
	}
	var file string
	var allFiles ast.Keyword
	req.Args.Unpack("FILE-NAME", &allFiles, "FILE-NAME", &file)
	if allFiles == "" {
		n, bad := f.fileName(req.Args, "FILE-NAME")
		if bad != nil {
			return *bad
		}
		file = f.qualify(n)
	}
	task := taskOf(req)
	links := f.links[task]
	var lines []msg.Message
	var records []handler.Record
	for _, n := range f.selectLinks(task, p) {
		if allFiles == "" && links[n] != file {
			continue
		}
		lines = append(lines, msg.Plain(fmt.Sprintf("%%  LINK-NAME = %-8s FILE-NAME = %s", n, links[n])))
		records = append(records, handler.Record{{Name: "LINK-NAME", Value: n}, {Name: "F-NAME", Value: links[n]}})
	}
	if len(lines) == 0 && (kw == "" || allFiles == "") {
		return outcomes[linkNotAssigned].Result(linkWritten(p, kw))
	}
	return handler.Result{RC: handler.OK, Output: lines, Records: records}
}

// Link returns the file name a task's link name stands for (the full
// name, or *DUMMY): what ASSIGN-SYSLST, READ-VARIABLE and programs would
// ask to resolve *LINK-NAME.
func (f *Files) Link(task, link string) (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	file, ok := f.links[task][strings.ToUpper(link)]
	return file, ok
}

// EndTask forgets a task's link names: its task file table ends with it.
func (f *Files) EndTask(task string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.links, task)
}

func taskOf(req *handler.Request) string {
	if req.Task == nil {
		return ""
	}
	return req.Task.ID()
}
