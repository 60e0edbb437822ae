package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
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
type junitSuite struct {
	XMLName    xml.Name    `xml:"testsuite"`
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
	data, err := xml.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append([]byte(xml.Header), append(data, '\n')...), 0o644)
}
