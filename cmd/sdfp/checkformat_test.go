package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The machine formats of bad.proc's findings, held to golden files; the
// SARIF log also to the schema.
func TestCheckFormats(t *testing.T) {
	for _, format := range []string{"sarif", "github"} {
		code, out, _ := runCLI("check", "--format", format, "testdata/bad.proc")
		if code != exitFindings {
			t.Errorf("%s: exit %d, want %d", format, code, exitFindings)
		}
		checkGolden(t, "check-bad."+format, out)
		if format == "sarif" {
			for _, p := range validateSARIF(t, out) {
				t.Error(p)
			}
		}
	}
}

// The omitted rest of a file is a note at its first line, and the log is
// still valid SARIF.
func TestCheckSARIFOmitted(t *testing.T) {
	p := writeProc(t, t.TempDir(), "many.proc", strings.Repeat("/NO-SUCH-COMMAND\n", 101))
	_, out, _ := runCLI("check", "--format", "sarif", p)
	for _, p := range validateSARIF(t, out) {
		t.Error(p)
	}
	if !strings.Contains(out, `"level": "note"`) || !strings.Contains(out, `"ruleId": "sdfp-findings-limit"`) || !strings.Contains(out, `"uri": "file://`) {
		t.Errorf("no note, or no file URI for an absolute path:\n%s", out[max(0, len(out)-600):])
	}
}

// validateSARIF checks a log against the required properties, allowed
// properties, types, enums and minimums of the SARIF 2.1.0 schema
// (testdata/sarif-2.1.0-subset.json, cut from the OASIS schema).
func validateSARIF(t *testing.T, out string) []string {
	t.Helper()
	raw, err := os.ReadFile("testdata/sarif-2.1.0-subset.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	v := &schemaValidator{defs: schema["definitions"].(map[string]any)}
	v.validate("$", schema, doc)
	return append(v.problems, codeScanningProblems(out)...)
}

// codeScanningProblems checks what GitHub code scanning needs beyond the
// schema to show a result: a rule, a relative path or file: URI, and a
// start line (the SARIF SDK's GitHub rules GH1001, GH1003, GH1005).
func codeScanningProblems(out string) []string {
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           *struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		return []string{err.Error()}
	}
	var problems []string
	for _, run := range log.Runs {
		for i, r := range run.Results {
			if r.RuleID == "" || len(r.Locations) == 0 {
				problems = append(problems, fmt.Sprintf("result %d: no rule or no location", i))
				continue
			}
			for _, l := range r.Locations {
				uri := l.PhysicalLocation.ArtifactLocation.URI
				if uri == "" || strings.Contains(uri, "://") && !strings.HasPrefix(uri, "file://") {
					problems = append(problems, fmt.Sprintf("result %d: uri %q", i, uri))
				}
				if l.PhysicalLocation.Region == nil || l.PhysicalLocation.Region.StartLine < 1 {
					problems = append(problems, fmt.Sprintf("result %d: no start line", i))
				}
			}
		}
	}
	return problems
}

// schemaValidator knows the JSON Schema keywords the SARIF subset uses.
type schemaValidator struct {
	defs     map[string]any
	problems []string
}

func (v *schemaValidator) fail(path, format string, args ...any) {
	v.problems = append(v.problems, path+": "+fmt.Sprintf(format, args...))
}

func (v *schemaValidator) validate(path string, s map[string]any, doc any) {
	if ref, ok := s["$ref"].(string); ok {
		v.validate(path, v.defs[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any), doc)
	}
	if typ, ok := s["type"].(string); ok && !hasType(doc, typ) {
		v.fail(path, "%v is not of type %s", doc, typ)
		return
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, doc) {
		v.fail(path, "%v is not one of %v", doc, enum)
	}
	if m, ok := s["minimum"].(float64); ok {
		if n, isNum := doc.(float64); isNum && n < m {
			v.fail(path, "%v is below the minimum %v", n, m)
		}
	}
	if items, ok := s["items"].(map[string]any); ok {
		if list, isList := doc.([]any); isList {
			for i, e := range list {
				v.validate(fmt.Sprintf("%s[%d]", path, i), items, e)
			}
		}
	}
	obj, isObj := doc.(map[string]any)
	if !isObj {
		return
	}
	for _, r := range asList(s["required"]) {
		if _, ok := obj[r.(string)]; !ok {
			v.fail(path, "required property %s missing", r)
		}
	}
	if anyOf, ok := s["anyOf"].([]any); ok {
		matched := false
		for _, alt := range anyOf {
			sub := &schemaValidator{defs: v.defs}
			sub.validate(path, alt.(map[string]any), doc)
			matched = matched || len(sub.problems) == 0
		}
		if !matched {
			v.fail(path, "matches none of anyOf %v", anyOf)
		}
	}
	props, _ := s["properties"].(map[string]any)
	for k, val := range obj {
		ps, declared := props[k].(map[string]any)
		if !declared {
			if s["additionalProperties"] == false {
				v.fail(path, "property %s is not allowed", k)
			}
			continue
		}
		v.validate(path+"."+k, ps, val)
	}
}

func asList(x any) []any {
	l, _ := x.([]any)
	return l
}

func hasType(doc any, typ string) bool {
	switch typ {
	case "object":
		_, ok := doc.(map[string]any)
		return ok
	case "array":
		_, ok := doc.([]any)
		return ok
	case "string":
		_, ok := doc.(string)
		return ok
	case "integer":
		n, ok := doc.(float64)
		return ok && n == float64(int64(n))
	case "boolean":
		_, ok := doc.(bool)
		return ok
	}
	return true
}

// The validator itself fails a log that breaks the schema.
func TestValidateSARIFRejects(t *testing.T) {
	for _, bad := range []string{
		`{"runs": []}`,                                 // no version
		`{"version": "2.0.0", "runs": []}`,             // wrong version
		`{"version": "2.1.0", "runs": [{}]}`,           // run without tool
		`{"version": "2.1.0", "runs": [], "extra": 1}`, // property not allowed
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {}}]}]}`,                                                                               // message without text or id
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`,                                                  // bad level
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}`, // line 0
	} {
		if len(validateSARIF(t, bad)) == 0 {
			t.Errorf("accepted: %s", bad)
		}
	}
}

// Workflow command values escape what would end a property or the line.
func TestGitHubEscapes(t *testing.T) {
	if got := ghData("50% done\r\nnext: a,b"); got != "50%25 done%0D%0Anext: a,b" {
		t.Errorf("data: %q", got)
	}
	if got := ghProperty("dir:x/a,b.proc"); got != "dir%3Ax/a%2Cb.proc" {
		t.Errorf("property: %q", got)
	}
}

// Exit 1 only for errors unless warnings are made errors; --warnings=off
// reports none; the summary on stderr says what was found.
func TestCheckWarningsModes(t *testing.T) {
	dir := t.TempDir()
	warn := writeProc(t, dir, "warn.proc", "/WAIT-EVENT *JV((JV.X,1,2) = '$T',TIME-LIM=60)\n")
	for _, tc := range []struct {
		mode, file string
		code       int
		summary    string
		printed    bool
	}{
		{"on", warn, exitOK, "0 errors, 1 warning\n", true},
		{"error", warn, exitFindings, "0 errors, 1 warning\n", true},
		{"off", warn, exitOK, "0 errors (warnings off)\n", false},
		{"off", "testdata/bad.proc", exitFindings, "5 errors (warnings off)\n", true},
	} {
		code, out, errOut := runCLI("check", "--warnings", tc.mode, tc.file)
		if code != tc.code || errOut != tc.summary || (out != "") != tc.printed {
			t.Errorf("--warnings=%s %s: exit %d, stdout %q, stderr %q", tc.mode, filepath.Base(tc.file), code, out, errOut)
		}
		if tc.mode == "off" && strings.Contains(out, "warning:") {
			t.Errorf("--warnings=off printed a warning: %s", out)
		}
	}
}

// A finding an sdfp:ignore comment suppresses is not printed and does
// not fail the check; the summary counts it.
func TestCheckSuppressed(t *testing.T) {
	p := writeProc(t, t.TempDir(), "ign.proc", "/NO-SUCH-COMMAND \"sdfp:ignore CMD0202 a site command\"\n/\"sdfp:ignore\"\n/WAIT-EVENT *JV((JV.X,1,2) = '$T',TIME-LIM=60)\n")
	code, out, errOut := runCLI("check", p)
	if code != exitOK || out != "" || errOut != "0 errors, 0 warnings, 2 suppressed\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
