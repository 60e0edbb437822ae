package interp

import (
	"bufio"
	"errors"
	"io"

	"sdfp/hypervisor/bs2000/dms"
	"sdfp/hypervisor/msg"
	"sdfp/interp/handler"
	"sdfp/parser/ast"
)

// System files. SYSLST goes to the primary writer until ASSIGN-SYSLST
// directs it to a file of the run's file system; the file is named as in
// BS2000 (LST.VMMEM) and closed when the assigning procedure ends or
// SYSLST is assigned again. SYSOUT can be directed to a file the same way.
//
// A system file is written as a new file that replaces the old one when
// it is closed (dms.Create; with OPEN-MODE=*EXTEND the old content is
// copied first): until then the file shows its previous content, so a
// run killed while writing never leaves a file that holds its output
// followed by the tail of an earlier run's, and no write goes through a
// link in the workdir to another file. A file that cannot be written
// completely keeps its previous content, and the run reports it (see
// WriteErrors).

type syslst struct {
	w    io.Writer
	file io.WriteCloser
	buf  *bufio.Writer
	name string
	// failed holds a message for every system file (SYSLST or SYSOUT)
	// of the run that could not be written.
	failed []msg.Message
	// closed are the files closed while a saved assignment still names
	// them (a called procedure assigned SYSLST anew); reopen extends such
	// a file when the assignment is restored.
	closed map[io.WriteCloser]bool
	reopen func(name string) (io.WriteCloser, error)
}

// syslstState is a saved assignment (restored when a procedure ends).
type syslstState struct {
	name string
	file io.WriteCloser
	buf  *bufio.Writer
	w    io.Writer
}

// println writes a line. Into the buffer of a SYSLST file it goes in two
// pieces (what reaches the file is the same: the buffer is written when
// full and at the close); to any other writer in one write, so that a
// line is never split; to io.Discard (no SYSLST) not at all.
func (s *syslst) println(line string) {
	switch {
	case s.w == io.Discard:
	case s.buf != nil && s.w == s.buf:
		s.buf.WriteString(line)
		s.buf.WriteByte('\n')
	default:
		io.WriteString(s.w, line+"\n")
	}
}

func (s *syslst) save() *syslstState {
	return &syslstState{name: s.name, file: s.file, buf: s.buf, w: s.w}
}

// restore closes an assignment made since st was saved and goes back to
// the one in st. When st's file was closed meanwhile (the later
// assignment closed it), it is opened again and extended: the lines the
// caller writes after the call follow those it wrote before (they used
// to go to the closed file and be lost).
func (s *syslst) restore(st *syslstState) {
	if s.file != nil && s.file != st.file {
		s.flushClose()
	}
	s.name, s.file, s.buf, s.w = st.name, st.file, st.buf, st.w
	if st.file == nil || !s.closed[st.file] {
		return
	}
	delete(s.closed, st.file)
	f, err := s.reopen(st.name)
	if err != nil {
		s.failed = append(s.failed, notWritten(st.file, err))
		s.file, s.buf, s.w = nil, nil, io.Discard
		return
	}
	s.file, s.buf = f, bufio.NewWriter(f)
	s.w = s.buf
	st.file, st.buf, st.w = s.file, s.buf, s.w // a later restore to st finds it open
}

// flushClose closes the SYSLST file: its new content replaces the old
// one, or, when a write failed, the old one stays and the failure is
// recorded.
func (s *syslst) flushClose() {
	if s.file != nil {
		err := s.buf.Flush()
		// after a failed write, Close throws the new content away and
		// returns the error again
		if cerr := s.file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			s.failed = append(s.failed, notWritten(s.file, err))
		}
		if s.closed == nil {
			s.closed = map[io.WriteCloser]bool{}
		}
		s.closed[s.file] = true
	}
	s.file, s.buf = nil, nil
}

func (s *syslst) close() { s.flushClose() }

// closeSysoutFile closes a file SYSOUT is assigned to, like flushClose.
func (r *Runner) closeSysoutFile() {
	if r.sysoutFile == nil {
		return
	}
	if err := r.sysoutFile.Close(); err != nil {
		r.syslst.failed = append(r.syslst.failed, notWritten(r.sysoutFile, err))
	}
	r.sysoutFile = nil
}

// closeSystemFiles closes the system files still assigned to files when
// a run or a dialog ends.
func (r *Runner) closeSystemFiles() {
	r.syslst.close()
	r.closeSysoutFile()
	r.sysout = r.primarySysout
}

// WriteErrors returns a message (DMS0502, naming the file) for every
// SYSLST or SYSOUT file of the runner that could not be written; each
// such file holds what it held before. A caller reports them after the
// run and makes its exit status say so.
func (r *Runner) WriteErrors() []msg.Message { return r.syslst.failed }

// notWritten is the message for a system file that could not be
// written.
func notWritten(f io.WriteCloser, err error) msg.Message {
	name := "?"
	if n, ok := f.(interface{ Name() string }); ok {
		name = n.Name()
	}
	return outcomes[fileNotWritten].Message(name, fileFailure(err))
}

// fileFailure is what an error of a workdir file says: a detail for
// sdfp's own refusals (not a regular file, too large), else the system's
// words (openFailure).
func fileFailure(err error) any {
	var tl *dms.TooLargeError
	switch {
	case errors.Is(err, dms.ErrNotRegular):
		return msg.New("file-not-regular")
	case errors.As(err, &tl):
		return msg.New("file-too-large", int(tl.Max))
	}
	return openFailure(err)
}

// openOutput opens a file of the run's file system for a system file: a
// new file that replaces the old one when it is closed.
func (r *Runner) openOutput(name string, extend bool) (io.WriteCloser, error) {
	host, found := r.hostName(name)
	if !found {
		// the file is cataloged when it is assigned, as BS2000 does: SHOW-
		// FILE-ATTRIBUTES and IS-CATALOGED-FILE see it before the lines
		// written to it are (they are swapped in when it is closed)
		if err := dms.WriteFile(r.fs, host, nil); err != nil {
			return nil, err
		}
	}
	if extend {
		return dms.Append(r.fs, host)
	}
	return dms.Create(r.fs, host)
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
	r.syslst.reopen = func(name string) (io.WriteCloser, error) { return r.openOutput(name, true) }
	f, err := r.openOutput(to.Str, c.Args.Keyword("OPEN-MODE") == "*EXTEND")
	if err != nil {
		r.syslst.w, r.syslst.name = r.primarySyslst, ""
		return fileNotOpened.result(to.Str, fileFailure(err)), nil
	}
	buf := bufio.NewWriter(f)
	r.syslst.file, r.syslst.buf, r.syslst.w, r.syslst.name = f, buf, buf, to.Str
	return done, nil
}

func (r *Runner) assignSysout(c *ast.Command) (handler.Result, *signal) {
	to := c.Args.Get("TO")
	switch to.Keyword {
	case "*PRIMARY":
		r.closeSysoutFile()
		r.sysout = r.primarySysout
		return done, nil
	case "*DUMMY":
		r.sysout = io.Discard
		return done, nil
	}
	if r.sysoutFile != nil {
		r.closeSysoutFile()
		r.sysout = r.primarySysout
	}
	f, err := r.openOutput(to.Str, c.Args.Keyword("OPEN-MODE") == "*EXTEND")
	if err != nil {
		return fileNotOpened.result(to.Str, fileFailure(err)), nil
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
		return r.jobs.MonitorJob(&handler.Request{Name: c.Name, Args: c.Args, Pos: c.Pos, Task: r}), nil
	}
	return done, nil
}
