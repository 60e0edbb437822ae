package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The JUnit report of sdfp test follows the Apache Ant JUnit schema
// (https://github.com/windyroad/JUnit-Schema/blob/master/JUnit.xsd; its
// facts are in testdata/junit-ant-schema.txt, which TestJUnitSchema
// checks every report against): one testsuite with name, timestamp
// (UTC, in the schema's pattern without a zone), hostname, tests,
// failures, errors and time; a properties element, then the test cases,
// then system-out and system-err, all required. A case that ran and
// differs has a <failure>, one that could not run (a bad installation,
// a missing proc-file) an <error>. Times are decimals of seconds.
// Beyond the schema, each testcase has file and line, the case file and
// the line of its first difference, which GitLab, Testmo and the pytest
// xunit1 family read for annotations (Testmo's "Common JUnit XML Format",
// https://github.com/testmoapp/junitxml).
//
// writeJUnit writes the XML itself, as encoding/xml's MarshalIndent of
// these types with the tags given would (TestJUnitAgainstEncoder holds
// it so): encoding/xml's tables, built at every start of sdfp, were its
// largest package initialisation (19 KB), and only sdfp test --junit
// uses them.
type junitSuite struct {
	Name       string      `xml:"name,attr"`
	Timestamp  string      `xml:"timestamp,attr"`
	Hostname   string      `xml:"hostname,attr"`
	Tests      int         `xml:"tests,attr"`
	Failures   int         `xml:"failures,attr"`
	Errors     int         `xml:"errors,attr"`
	Time       string      `xml:"time,attr"`
	Properties struct{}    `xml:"properties"`
	Cases      []junitCase `xml:"testcase"`
	SystemOut  string      `xml:"system-out"`
	SystemErr  string      `xml:"system-err"`
}

type junitCase struct {
	Name    string        `xml:"name,attr"`
	Class   string        `xml:"classname,attr"`
	Time    string        `xml:"time,attr"`
	File    string        `xml:"file,attr"`
	Line    int           `xml:"line,attr"`
	Error   *junitProblem `xml:"error,omitempty"`
	Failure *junitProblem `xml:"failure,omitempty"`
}

// junitProblem is a failure or an error: the schema requires its type.
type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

// junitTime renders a duration as the schema's xs:decimal, in seconds
// with millisecond precision (never in exponent form).
func junitTime(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }

// junitReport builds the report of a run of sdfp test that started at
// start and took took, on host.
func junitReport(results []caseResult, update bool, start time.Time, took time.Duration, host string) junitSuite {
	if host == "" {
		host = "localhost" // the schema's advice when the name is unknown
	}
	s := junitSuite{Name: "sdfp", Tests: len(results), Timestamp: start.UTC().Format("2006-01-02T15:04:05"),
		Hostname: host, Time: junitTime(took)}
	for _, r := range results {
		jc := junitCase{Name: r.c.Path, Class: filepath.ToSlash(filepath.Dir(r.c.Path)), Time: junitTime(r.took),
			File: filepath.ToSlash(r.c.Path), Line: 1}
		switch {
		case r.err != nil:
			jc.Error = &junitProblem{Message: "the case could not run", Type: "error", Text: r.err.Error()}
			s.Errors++
		case len(r.mismatches) > 0 && !update:
			var text []string
			for _, m := range r.mismatches {
				text = append(text, m.Render(r.c.Path, false))
			}
			names := make([]string, len(r.mismatches))
			for i, m := range r.mismatches {
				names[i] = m.Section
			}
			jc.Line = r.mismatches[0].Line
			jc.Failure = &junitProblem{Message: "output differs: " + strings.Join(names, ", "), Type: "output differs",
				Text: strings.Join(text, "\n")}
			s.Failures++
		}
		s.Cases = append(s.Cases, jc)
	}
	return s
}

func writeJUnit(path string, s junitSuite) error {
	return os.WriteFile(path, append([]byte(xmlHeader), append(marshalJUnit(s), '\n')...), 0o644)
}

// xmlHeader is encoding/xml's Header.
const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// marshalJUnit writes the report as xml.MarshalIndent(s, "", "  ") does.
func marshalJUnit(s junitSuite) []byte {
	var b []byte
	attr := func(name, value string) {
		b = append(b, ' ')
		b = append(b, name...)
		b = append(b, `="`...)
		b = appendXMLEscaped(b, value)
		b = append(b, '"')
	}
	b = append(b, "<testsuite"...)
	attr("name", s.Name)
	attr("timestamp", s.Timestamp)
	attr("hostname", s.Hostname)
	attr("tests", strconv.Itoa(s.Tests))
	attr("failures", strconv.Itoa(s.Failures))
	attr("errors", strconv.Itoa(s.Errors))
	attr("time", s.Time)
	b = append(b, ">\n  <properties></properties>"...)
	for _, c := range s.Cases {
		b = append(b, "\n  <testcase"...)
		attr("name", c.Name)
		attr("classname", c.Class)
		attr("time", c.Time)
		attr("file", c.File)
		attr("line", strconv.Itoa(c.Line))
		b = append(b, '>')
		problems := 0
		for _, p := range []struct {
			name string
			p    *junitProblem
		}{{"error", c.Error}, {"failure", c.Failure}} {
			if p.p == nil {
				continue
			}
			problems++
			b = append(b, "\n    <"...)
			b = append(b, p.name...)
			attr("message", p.p.Message)
			attr("type", p.p.Type)
			b = append(b, '>')
			b = appendCDATA(b, p.p.Text)
			b = append(b, "</"...)
			b = append(b, p.name...)
			b = append(b, '>')
		}
		if problems > 0 {
			b = append(b, "\n  "...)
		}
		b = append(b, "</testcase>"...)
	}
	b = append(b, "\n  <system-out>"...)
	b = appendXMLEscaped(b, s.SystemOut)
	b = append(b, "</system-out>\n  <system-err>"...)
	b = appendXMLEscaped(b, s.SystemErr)
	b = append(b, "</system-err>\n</testsuite>"...)
	return b
}

// appendXMLEscaped escapes a string as encoding/xml's EscapeString does:
// the five markup characters and tab, newline and carriage return as
// character references, a character XML does not allow (and a byte that
// is no UTF-8) as U+FFFD.
func appendXMLEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		i += width
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlChar(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
				break
			}
			continue
		}
		b = append(b, s[last:i-width]...)
		b = append(b, esc...)
		last = i
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether XML 1.0 allows a character (encoding/xml's
// isInCharacterRange).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// appendCDATA writes a text as encoding/xml writes a ",cdata" field:
// nothing when empty, else one CDATA section, each "]]>" in it split
// across two.
func appendCDATA(b []byte, s string) []byte {
	if s == "" {
		return b
	}
	b = append(b, "<![CDATA["...)
	b = append(b, strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>")...)
	return append(b, "]]>"...)
}
