package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"sdfp/hypervisor/msg"
	"sdfp/lexer"
)

// The machine formats of sdfp check besides JSON: SARIF 2.1.0, which
// GitHub code scanning uploads (github/codeql-action/upload-sarif), and
// GitHub Actions workflow commands, which annotate the lines of a pull
// request. Both give the finding's word as a region (the end exclusive)
// and the omitted findings of a file as a note. Every SARIF result has a
// rule and a line, which code scanning needs to show it (GitHub's own
// rules in the SARIF SDK's validator, GH1003).

// omittedRuleID is the rule of the note that a file has more findings
// than are reported.
const omittedRuleID = "sdfp-findings-limit"

// sarifSchema is the schema URI a SARIF 2.1.0 log names.
const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
	Help             sarifMessage `json:"help"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId,omitempty"`
	RuleIndex *int            `json:"ruleIndex,omitempty"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// writeSARIF writes one run with a rule per message key found. Columns
// count characters (columnKind unicodeCodePoints), not bytes: an umlaut
// is one column, as an editor shows it.
func writeSARIF(w io.Writer, files []checkedFile, max int) {
	codes := map[string]bool{}
	for _, f := range files {
		for _, e := range f.report.Findings {
			codes[e.Code] = true
		}
	}
	keys := make([]string, 0, len(codes))
	for k := range codes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	index := map[string]int{}
	rules := []sarifRule{}
	for i, k := range keys {
		index[k] = i
		rules = append(rules, sarifRule{ID: k, ShortDescription: sarifMessage{ruleText(k)},
			Help: sarifMessage{"sdfp help " + k + " explains the message in English and German."}})
	}
	omittedRule := -1
	for _, f := range files {
		if f.report.Omitted > 0 && omittedRule < 0 {
			omittedRule = len(rules)
			rules = append(rules, sarifRule{ID: omittedRuleID, ShortDescription: sarifMessage{"findings beyond the limit per file"},
				Help: sarifMessage{fmt.Sprintf("sdfp check reports at most %d findings per file; fix those and check again.", max)}})
		}
	}
	results := []sarifResult{}
	for _, f := range files {
		uri := fileURI(f.name)
		for _, e := range f.report.Findings {
			i := index[e.Code]
			level := "error"
			if e.Severity == lexer.SevWarning {
				level = "warning"
			}
			end := findingEnd(f.src, e)
			results = append(results, sarifResult{RuleID: e.Code, RuleIndex: &i, Level: level,
				Message: sarifMessage{e.Msg},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{uri},
					Region: &sarifRegion{StartLine: e.Pos.Line, StartColumn: charColumn(f.src, e.Pos),
						EndLine: end.Line, EndColumn: charColumn(f.src, end)}}}}})
		}
		if n := f.report.Omitted; n > 0 {
			// code scanning shows only results with a line (and a rule)
			results = append(results, sarifResult{RuleID: omittedRuleID, RuleIndex: &omittedRule, Level: "note",
				Message: sarifMessage{omittedNote(n, max)},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{uri},
					Region: &sarifRegion{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 1}}}}})
		}
	}
	log := sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{{
		Tool:       sarifTool{Driver: sarifDriver{Name: "sdfp", Rules: rules}},
		ColumnKind: "unicodeCodePoints", Results: results}}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(log)
}

// ruleText is a message key's English text without its inserts: CMD0202
// "SYNTAX ERROR IN COMMAND".
func ruleText(key string) string {
	t, ok := msg.Default().Text(key, "E", nil)
	if !ok {
		return key
	}
	return strings.TrimRight(strings.TrimSpace(t), ": ")
}

// fileURI is a file name as a SARIF artifact URI: a relative path with
// forward slashes, which code scanning resolves against the checkout, or
// a file: URI for an absolute one.
func fileURI(name string) string {
	p := filepath.ToSlash(filepath.Clean(name))
	if filepath.IsAbs(name) {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

// charColumn turns a byte column into a character column.
func charColumn(src string, p lexer.Pos) int {
	start := p.Offset - (p.Column - 1)
	if p.Column < 1 || start < 0 || p.Offset > len(src) {
		return p.Column
	}
	return utf8.RuneCountInString(src[start:p.Offset]) + 1
}

// writeGitHub writes a workflow command per finding:
// ::error file=F,line=L,col=C,endLine=L,endColumn=C,title=KEY::message.
// An omitted rest is a ::notice for its file.
func writeGitHub(w io.Writer, files []checkedFile, max int) {
	for _, f := range files {
		for _, e := range f.report.Findings {
			kind := "error"
			if e.Severity == lexer.SevWarning {
				kind = "warning"
			}
			end := findingEnd(f.src, e)
			fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n", kind,
				ghProperty(f.name), e.Pos.Line, charColumn(f.src, e.Pos), end.Line, charColumn(f.src, end),
				ghProperty(e.Code), ghData(e.Msg))
		}
		if n := f.report.Omitted; n > 0 {
			fmt.Fprintf(w, "::notice file=%s::%s\n", ghProperty(f.name), ghData(omittedNote(n, max)))
		}
	}
}

// ghData escapes a workflow command's message: % and line ends.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a property value: as data, and : and , too.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
