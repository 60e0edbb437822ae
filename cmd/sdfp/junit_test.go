package main

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// xmlSchema is the facts of testdata/junit-ant-schema.txt: a small
// checker for the few element and attribute rules of the Ant JUnit
// schema, since the standard library has no XSD validator.
type xmlSchema struct {
	root     string
	elements map[string]*xmlElementRule
}

type xmlElementRule struct {
	content string // "", "text" or "any"
	attrs   map[string]xmlAttrRule
	model   []xmlParticle
}

type xmlAttrRule struct {
	typ      string
	required bool
}

// xmlParticle is one step of a content model: MIN to MAX children whose
// names are in names (one name for seq, several for choice).
type xmlParticle struct {
	names    map[string]bool
	min, max int // max -1: unbounded
}

func loadXMLSchema(t *testing.T, path string) *xmlSchema {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := &xmlSchema{elements: map[string]*xmlElementRule{}}
	var cur *xmlElementRule
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		w := strings.Fields(line)
		if len(w) == 0 {
			continue
		}
		bad := func() { t.Fatalf("%s:%d: cannot read %q", path, n, sc.Text()) }
		switch w[0] {
		case "root":
			s.root = w[1]
		case "element":
			cur = &xmlElementRule{attrs: map[string]xmlAttrRule{}}
			if len(w) > 2 {
				cur.content = w[2]
			}
			s.elements[w[1]] = cur
		case "attr", "ext":
			if cur == nil || len(w) < 3 {
				bad()
			}
			cur.attrs[w[1]] = xmlAttrRule{typ: w[2], required: len(w) > 3 && w[3] == "required"}
		case "seq", "choice":
			if cur == nil || len(w) != 4 {
				bad()
			}
			p := xmlParticle{names: map[string]bool{}, max: -1}
			for _, name := range strings.Split(w[1], "|") {
				p.names[name] = true
			}
			p.min, _ = strconv.Atoi(w[2])
			if w[3] != "n" {
				p.max, _ = strconv.Atoi(w[3])
			}
			cur.model = append(cur.model, p)
		default:
			bad()
		}
	}
	if s.root == "" || len(s.elements) == 0 {
		t.Fatalf("%s: no schema read", path)
	}
	return s
}

// xmlNode is an element of the document being checked.
type xmlNode struct {
	name     string
	attrs    []xml.Attr
	children []*xmlNode
	text     strings.Builder
}

func parseXMLTree(r io.Reader) (*xmlNode, error) {
	d := xml.NewDecoder(r)
	var stack []*xmlNode
	var root *xmlNode
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &xmlNode{name: tok.Name.Local, attrs: tok.Attr}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.children = append(top.children, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(tok)
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no document element")
	}
	return root, nil
}

// validate returns every way doc breaks the schema.
func (s *xmlSchema) validate(doc *xmlNode) []string {
	if doc.name != s.root {
		return []string{fmt.Sprintf("document element %s, want %s", doc.name, s.root)}
	}
	var problems []string
	s.check(doc, doc.name, &problems)
	return problems
}

func (s *xmlSchema) check(n *xmlNode, path string, problems *[]string) {
	report := func(format string, args ...any) {
		*problems = append(*problems, path+": "+fmt.Sprintf(format, args...))
	}
	rule := s.elements[n.name]
	if rule == nil {
		report("element not in the schema")
		return
	}
	if rule.content == "any" {
		return
	}
	seen := map[string]bool{}
	for _, a := range n.attrs {
		ar, ok := rule.attrs[a.Name.Local]
		if !ok || a.Name.Space != "" {
			report("attribute %s not in the schema", a.Name.Local)
			continue
		}
		seen[a.Name.Local] = true
		if err := checkXSDType(ar.typ, a.Value); err != nil {
			report("attribute %s=%q: %v", a.Name.Local, a.Value, err)
		}
	}
	for name, ar := range rule.attrs {
		if ar.required && !seen[name] {
			report("required attribute %s missing", name)
		}
	}
	if rule.content == "text" {
		if len(n.children) > 0 {
			report("element %s inside text-only content", n.children[0].name)
		}
		return
	}
	if strings.TrimSpace(n.text.String()) != "" {
		report("text %q where only elements may stand", strings.TrimSpace(n.text.String()))
	}
	i := 0
	for _, p := range rule.model {
		count := 0
		for i < len(n.children) && p.names[n.children[i].name] && (p.max < 0 || count < p.max) {
			count++
			i++
		}
		if count < p.min {
			report("want at least %d of %s here, found %d", p.min, strings.Join(sortedKeys(p.names), "|"), count)
		}
	}
	if i < len(n.children) {
		report("element %s not allowed here", n.children[i].name)
	}
	for k, c := range n.children {
		s.check(c, fmt.Sprintf("%s/%s[%d]", path, c.name, k), problems)
	}
}

func sortedKeys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

var (
	xsdInt      = regexp.MustCompile(`^[+-]?[0-9]+$`)
	xsdDecimal  = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)
	xsdDateTime = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$`)
)

// checkXSDType checks a value against a type of the schema file. Every
// type but string collapses white space first, as XSD does for them.
func checkXSDType(typ, v string) error {
	c := strings.Join(strings.Fields(v), " ")
	switch typ {
	case "string":
		return nil
	case "token":
		return nil
	case "token1":
		if c == "" {
			return fmt.Errorf("empty")
		}
	case "int":
		n, err := strconv.ParseInt(c, 10, 64)
		if !xsdInt.MatchString(c) || err != nil || n < -1<<31 || n > 1<<31-1 {
			return fmt.Errorf("not an xs:int")
		}
	case "decimal":
		if !xsdDecimal.MatchString(c) {
			return fmt.Errorf("not an xs:decimal")
		}
	case "datetime":
		if _, err := time.Parse("2006-01-02T15:04:05", c); !xsdDateTime.MatchString(c) || err != nil {
			return fmt.Errorf("not a date and time of the pattern YYYY-MM-DDThh:mm:ss")
		}
	default:
		return fmt.Errorf("unknown type %s in the schema file", typ)
	}
	return nil
}

// TestJUnitSchema checks the report of a run with a passing, a failing
// and a broken case against the Ant JUnit schema, and that the checker
// refuses what the report used to be.
func TestJUnitSchema(t *testing.T) {
	schema := loadXMLSchema(t, filepath.Join("testdata", "junit-ant-schema.txt"))
	dir := t.TempDir()
	cases := map[string]string{
		"pass.txtar":   "-- main.proc --\n/WRITE-TEXT 'A'\n-- sysout --\nA\n-- result --\nrc (0,0,CMD0001)\n",
		"fail.txtar":   "Comment.\n-- main.proc --\n/WRITE-TEXT 'A'\n/WRITE-TEXT 'B'\n-- sysout --\nA\nC\n-- result --\nrc (0,0,CMD0001)\n",
		"broken.txtar": "-- proc-file --\nnot-there.proc\n",
	}
	for name, text := range cases {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	report := filepath.Join(dir, "report.xml")
	if code, out, errOut := runCLI("test", "--junit", report, dir); code != exitFindings || !strings.Contains(out, "1 passed, 2 failed (1 could not run)\n") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parseXMLTree(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range schema.validate(doc) {
		t.Errorf("report breaks the schema: %s", p)
	}
	if t.Failed() {
		t.Logf("report:\n%s", data)
	}
	attr := func(n *xmlNode, name string) string {
		for _, a := range n.attrs {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	if attr(doc, "tests") != "3" || attr(doc, "failures") != "1" || attr(doc, "errors") != "1" {
		t.Errorf("counts: tests=%s failures=%s errors=%s", attr(doc, "tests"), attr(doc, "failures"), attr(doc, "errors"))
	}
	byName := map[string]*xmlNode{}
	for _, c := range doc.children {
		if c.name == "testcase" {
			byName[filepath.Base(attr(c, "file"))] = c
		}
	}
	if c := byName["broken.txtar"]; c == nil || len(c.children) != 1 || c.children[0].name != "error" {
		t.Errorf("the broken case is not an <error>")
	}
	// The failing case points at its first differing line: line 7 of
	// fail.txtar holds "C" where the run printed "B".
	if c := byName["fail.txtar"]; c == nil || len(c.children) != 1 || c.children[0].name != "failure" || attr(c, "line") != "7" ||
		!strings.Contains(c.children[0].text.String(), "+B") {
		t.Errorf("the failing case: %+v", c)
	}

	// The report of before: exponent time, no errors, timestamp,
	// hostname, properties, system-out or system-err, a failure
	// without a type.
	old := `<testsuite name="sdfp" tests="1" failures="1"><testcase name="x" classname="d" time="6.3794e-05">` +
		`<failure message="error">boom</failure></testcase></testsuite>`
	doc, err = parseXMLTree(strings.NewReader(old))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(schema.validate(doc), "\n")
	for _, want := range []string{"time=\"6.3794e-05\": not an xs:decimal", "required attribute errors missing",
		"required attribute timestamp missing", "required attribute hostname missing", "want at least 1 of properties",
		"want at least 1 of system-out", "required attribute type missing"} {
		if !strings.Contains(got, want) {
			t.Errorf("the checker did not find %q in the old report; found:\n%s", want, got)
		}
	}
}

func TestJUnitTime(t *testing.T) {
	for d, want := range map[time.Duration]string{63794 * time.Nanosecond: "0.000", 1500 * time.Millisecond: "1.500", 0: "0.000",
		2*time.Minute + 3456*time.Microsecond: "120.003"} {
		if got := junitTime(d); got != want {
			t.Errorf("junitTime(%v) = %s, want %s", d, got, want)
		}
	}
}
