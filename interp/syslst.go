package interp

import (
	"bufio"
	"io"
	"os"

	"github.com/spf13/afero"

	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// System files. SYSLST goes to the primary writer until ASSIGN-SYSLST
// directs it to a file of the run's file system; the file is named as in
// BS2000 (LST.VMMEM) and closed when the assigning procedure ends or
// SYSLST is assigned again. SYSOUT can be directed to a file the same way.

type syslst struct {
	w    io.Writer
	file io.WriteCloser
	buf  *bufio.Writer
	name string
}

// syslstState is a saved assignment (restored when a procedure ends).
type syslstState struct {
	name string
	file io.WriteCloser
	buf  *bufio.Writer
	w    io.Writer
}

func (s *syslst) println(line string) {
	io.WriteString(s.w, line+"\n")
}

func (s *syslst) save() *syslstState {
	return &syslstState{name: s.name, file: s.file, buf: s.buf, w: s.w}
}

// restore closes an assignment made since st was saved and goes back to
// the one in st.
func (s *syslst) restore(st *syslstState) {
	if s.file != nil && s.file != st.file {
		s.flushClose()
	}
	s.name, s.file, s.buf, s.w = st.name, st.file, st.buf, st.w
}

func (s *syslst) flushClose() {
	if s.buf != nil {
		s.buf.Flush()
	}
	if s.file != nil {
		s.file.Close()
	}
	s.file, s.buf = nil, nil
}

func (s *syslst) close() { s.flushClose() }

// openOutput opens a file of the run's file system for a system file.
func (r *Runner) openOutput(name string, extend bool) (io.WriteCloser, error) {
	host, _ := r.hostName(name)
	if extend {
		return r.fs.OpenFile(host, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	}
	f, err := r.fs.OpenFile(host, os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return &rewrittenFile{File: f}, nil
}

// rewrittenFile replaces a file's content by writing over it and cutting
// it at the new length when it is closed, instead of opening it with
// O_TRUNC: on ext4, truncating a file that has data costs about a
// millisecond (the blocks are freed in the journal), more than a whole
// VMMEM run, while a rerun usually writes the same length again.
type rewrittenFile struct {
	afero.File
	n int64
}

func (f *rewrittenFile) Write(p []byte) (int, error) {
	n, err := f.File.Write(p)
	f.n += int64(n)
	return n, err
}

func (f *rewrittenFile) Close() error {
	err := f.File.Truncate(f.n)
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	return err
}

func (r *Runner) assignSyslst(c *ast.Command) (handler.Result, *signal) {
	to := c.Args.Get("TO")
	switch to.Keyword {
	case "*PRIMARY":
		r.syslst.flushClose()
		r.syslst.w, r.syslst.name = r.primarySyslst, ""
		return done, nil
	case "*DUMMY":
		r.syslst.flushClose()
		r.syslst.w, r.syslst.name = io.Discard, "*DUMMY"
		return done, nil
	case "*VARIABLE":
		return assignSyslstVariable.result(), nil
	}
	// the previous file is complete before the new one is opened: it may
	// be the same file, extended
	r.syslst.flushClose()
	f, err := r.openOutput(to.Str, c.Args.Keyword("OPEN-MODE") == "*EXTEND")
	if err != nil {
		r.syslst.w, r.syslst.name = r.primarySyslst, ""
		return fileNotOpened.result(to.Str, openFailure(err)), nil
	}
	buf := bufio.NewWriter(f)
	r.syslst.file, r.syslst.buf, r.syslst.w, r.syslst.name = f, buf, buf, to.Str
	return done, nil
}

func (r *Runner) assignSysout(c *ast.Command) (handler.Result, *signal) {
	to := c.Args.Get("TO")
	switch to.Keyword {
	case "*PRIMARY":
		if r.sysoutFile != nil {
			r.sysoutFile.Close()
			r.sysoutFile = nil
		}
		r.sysout = r.primarySysout
		return done, nil
	case "*DUMMY":
		r.sysout = io.Discard
		return done, nil
	}
	if r.sysoutFile != nil {
		r.sysoutFile.Close()
		r.sysoutFile, r.sysout = nil, r.primarySysout
	}
	f, err := r.openOutput(to.Str, c.Args.Keyword("OPEN-MODE") == "*EXTEND")
	if err != nil {
		return fileNotOpened.result(to.Str, openFailure(err)), nil
	}
	r.sysoutFile, r.sysout = f, f
	return done, nil
}

// modifyJobOptions switches the procedure log; a job monitoring JV
// (MONJV=) is the job environment's, so the command goes on to the
// handler chain for it.
func (r *Runner) modifyJobOptions(c *ast.Command) (handler.Result, *signal) {
	if l := c.Args.Get("LOGGING"); l != nil && l.Keyword == "*PARAMETERS" {
		switch l.Struct.Keyword("LISTING") {
		case "*YES":
			r.listing = true
		case "*NO":
			r.listing = false
		}
	}
	if c.Args.Given("MONJV") {
		if r.jobs == nil {
			return commandNotAvailable.result(c.Name + " MONJV"), nil
		}
		return r.jobs.MonitorJob(&handler.Request{Name: c.Name, Args: c.Args, Text: ast.CommandText(c), Pos: c.Pos, Task: r}), nil
	}
	return done, nil
}
