package check

import (
	"strconv"
	"strings"

	"sdfp/lexer"
	"sdfp/parser/ast"
)

// codeDataLine is the key a run reports a data line under when it meets
// one: SDP0091 with SUBCODE1 64, DATA LINE IN FALSE CONTEXT
// (interp/outcomes.go, dataLineFalseContext).
const codeDataLine = "SDP0091"

// dataLines: a line without a leading slash is a data line, input for a
// program that reads SYSDTA, which in an S procedure reads the procedure
// itself [V UG "Data and statements"]. sdfp runs no programs, so no data
// line is read: with DATA-ERROR-HANDLING=*YES, the default, SDF-P's error
// handling starts when data comes instead of a command, and a run fails
// there [V UG "SET-PROCEDURE-OPTIONS Set procedure attributes"]; with *NO
// it is passed over, which is still not what a line that lost its slash
// was meant to do (a warning). Data lines right after a command that
// starts a program are that program's input and not reported (the
// command itself is, as sdfp does not know it). A procedure's first line
// must be a command: BS2000 does not run a file that starts otherwise [V
// UG "Procedure interpreter"]. A stretch of data lines is one finding, at
// its first line.
func (w *walker) dataLines(proc *ast.Procedure) {
	ignored := dataErrorsOff(proc)
	first := true
	var list func([]ast.Stmt)
	list = func(l []ast.Stmt) {
		for i := 0; i < len(l); i++ {
			d, ok := l[i].(*ast.Data)
			if !ok {
				first = false
				for _, c := range ast.Children(l[i]) {
					list(c)
				}
				continue
			}
			n := 1
			for i+n < len(l) {
				if _, ok := l[i+n].(*ast.Data); !ok {
					break
				}
				n++
			}
			if !startsProgram(l, i) {
				w.dataLine(d, n, ignored, first)
			}
			first = false
			i += n - 1
		}
	}
	list(proc.Body)
}

// programStarts are the commands that start a program, which then reads
// the data lines after them [I: BS2000 commands START-EXECUTABLE-PROGRAM,
// LOAD-EXECUTABLE-PROGRAM and their older forms; sdfp declares none].
var programStarts = map[string]bool{
	"START-EXECUTABLE-PROGRAM": true, "LOAD-EXECUTABLE-PROGRAM": true,
	"START-PROGRAM": true, "LOAD-PROGRAM": true, "START-EXE": true, "START-PROG": true,
}

// startsProgram reports whether the statement before l[i] is a command
// that starts a program.
func startsProgram(l []ast.Stmt, i int) bool {
	if i == 0 {
		return false
	}
	c, ok := l[i-1].(*ast.Command)
	if !ok {
		return false
	}
	name := c.Name
	if name == "" {
		name = strings.ToUpper(c.Written)
	}
	return programStarts[name]
}

func (w *walker) dataLine(d *ast.Data, n int, ignored, first bool) {
	what := "a data line"
	if d.Kind == lexer.StatementUnit {
		what = "a program statement (//)"
	}
	more := ""
	switch {
	case n == 2:
		more = " (and the line after it)"
	case n > 2:
		more = " (and the " + strconv.Itoa(n-1) + " lines after it)"
	}
	switch {
	case first:
		w.add(d.Position(), codeDataLine, "this line%s does not start with '/': %s; a procedure's first line must be a command, and BS2000 does not run a file that starts otherwise", more, what)
	case ignored:
		w.warn(d.Position(), codeDataLine, "this line%s does not start with '/': %s, which no program reads here; DATA-ERROR-HANDLING=*NO passes over it", more, what)
	default:
		w.add(d.Position(), codeDataLine, "this line%s does not start with '/': %s, which no program reads here; a run fails on it (DATA LINE IN FALSE CONTEXT)", more, what)
	}
}

// dataErrorsOff reports whether the procedure sets DATA-ERROR-HANDLING=*NO.
func dataErrorsOff(proc *ast.Procedure) bool {
	off := false
	ast.Walk(proc.Body, func(s ast.Stmt) bool {
		if c, ok := s.(*ast.Command); ok && c.Args != nil && !c.Subst &&
			(c.Name == "SET-PROCEDURE-OPTIONS" || c.Name == "MODIFY-PROCEDURE-OPTIONS") &&
			c.Args.Keyword("DATA-ERROR-HANDLING") == "*NO" {
			off = true
		}
		return !off
	})
	return off
}
